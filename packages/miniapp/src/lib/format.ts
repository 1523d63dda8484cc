import { formatYuan } from '@siyu/shared/money';
import { t } from '../i18n/zh-CN';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2026-11-22 08:05" in the device's time zone (what the shopper reads as "when"). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-11" -> { year: 2026, month: 11 }. */
export function parseMonth(month: string): { year: number; month: number } {
  const [y, m] = month.split('-');
  return { year: Number(y), month: Number(m) };
}

/** "2026-11" + -1 -> "2026-10". */
export function shiftMonth(month: string, delta: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Day of the week (0 = Sunday) of a "YYYY-MM-DD" calendar date, independent of any time zone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

/** "color: red / size: M" (in the shopper's words, see t.common.specPair) from a SKU's spec values (empty when the SKU has none). */
export function specsText(specs: Record<string, string>): string {
  return Object.entries(specs)
    .map(([k, v]) => t.common.specPair(k, v))
    .join(' / ');
}

/** "¥12.00" or "¥12.00-¥30.00" for a product's SKU price range. */
export function priceRangeText(minFen: number, maxFen: number): string {
  return minFen === maxFen ? formatYuan(minFen) : `${formatYuan(minFen)}-${formatYuan(maxFen)}`;
}

/** Plain text of a product description that may be HTML: paragraphs and line breaks kept, tags dropped. */
export function descriptionText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
