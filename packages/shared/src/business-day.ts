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

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a business day begins in a time zone: "2026-11-22" in Asia/Shanghai -> 2026-11-21T16:00:00.000Z.
 * A day is [startOfBusinessDay(d), startOfBusinessDay(addDays(d, 1))), whatever the zone's daylight-saving rules.
 */
export function startOfBusinessDay(date: BusinessDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const midnightUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  let guess = midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone);
  // Once more at the guess: the offset may differ there (a daylight-saving change near midnight).
  const again = midnightUtc - zoneOffsetMs(new Date(guess), timeZone);
  if (again !== guess && businessDateOf(new Date(again), timeZone) === date) guess = again;
  return new Date(guess);
}
