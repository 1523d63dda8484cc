/**
 * The business day: the calendar date in the merchant's time zone.
 * Check-in, daily limits and reports all use this one helper.
 * Built on Intl (full ICU ships with Node), so it knows the zone's offset rules.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A calendar date, "YYYY-MM-DD". */
export type BusinessDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The business date of an instant in a time zone. */
export function businessDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): BusinessDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Calendar arithmetic on dates, independent of any zone: "2026-02-28" + 1 -> "2026-03-01". */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** "2026-11" for a date. */
export function monthOf(date: BusinessDate): string {
  return date.slice(0, 7);
}

/** First and last date of a "YYYY-MM" month. */
export function monthRange(month: string): { first: BusinessDate; last: BusinessDate } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const first = `${month}-01`;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10);
  return { first, last };
}

/**
 * The first instant of a business day in a time zone: where a report's or a filter's day begins. Zone offsets are
 * whole minutes and under 15 hours either way, so a binary search over the minutes around UTC midnight finds it.
 */
export function startOfBusinessDay(date: BusinessDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  if (!isBusinessDate(date)) throw new RangeError(`not a date: ${date}`);
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  let lo = -15 * 60; // minutes from UTC midnight: before the day starts anywhere
  let hi = 15 * 60; // by then it has started everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessDateOf(new Date(midnightUtc + mid * 60_000), timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(midnightUtc + hi * 60_000);
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-22 10:00:00": an instant as the merchant's wall-clock time (reports, exports). */
export function localDateTime(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
