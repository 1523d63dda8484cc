import { fenToYuanString } from '@siyu/shared/money';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export { dayjs };

/** ¥1,234.56 from fen, never through floating point (the yuan string comes from @siyu/shared/money). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const s = fenToYuanString(fen);
  const negative = s.startsWith('-');
  const [whole, cents] = (negative ? s.slice(1) : s).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${cents}`;
}

/** An instant (ISO UTC) in the merchant's time zone. */
export function dateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

/**
 * A time zone in words: 北京时间 for Asia/Shanghai (and the other zones of China), else the zone's Chinese name as the
 * browser gives it ("日本标准时间"), the raw name only when the browser has none.
 */
export function zoneName(timeZone: string): string {
  if (['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC'].includes(timeZone)) return '北京时间';
  try {
    const part = new Intl.DateTimeFormat('zh-CN', { timeZone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    if (part && !/^GMT|^UTC/.test(part)) return part;
    return part ? `${part}（${timeZone}）` : timeZone;
  } catch {
    return timeZone;
  }
}

export function shortDate(date: string): string {
  return date.slice(5);
}
