import { addDays, startOfBusinessDay } from '@siyu/shared';
import { sql } from 'kysely';

/** A business day as the instants that bound it: [startAt, endAt), ISO UTC text (how instants are stored). */
export interface DayBounds {
  date: string;
  startAt: string;
  endAt: string;
}

/** The business days first..last (inclusive) in a time zone, each with its bounding instants. */
export function dayBounds(first: string, last: string, timeZone: string): DayBounds[] {
  const days: DayBounds[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    days.push({
      date,
      startAt: startOfBusinessDay(date, timeZone).toISOString(),
      endAt: startOfBusinessDay(addDays(date, 1), timeZone).toISOString(),
    });
  }
  return days;
}

/**
 * `days(day, start_at, end_at) as (values …)`, for a `with` clause: the days as a table that SQLite and PostgreSQL
 * alike can join instants against (text comparison of ISO instants), so grouping by business day in any zone stays in SQL.
 */
export function daysTable(days: DayBounds[]) {
  return sql`days(day, start_at, end_at) as (values ${sql.join(
    days.map((d) => sql`(cast(${d.date} as text), cast(${d.startAt} as text), cast(${d.endAt} as text))`),
  )})`;
}

/**
 * The business date of an instant column, as a CASE over the days' bounds (newest first): an instant before the first
 * day is null. With a WHERE on the column's range (its index), grouping by this stays one pass over the rows, where a
 * join against `daysTable` makes SQLite compare every row with every day.
 */
export function dayOf(column: ReturnType<typeof sql.ref>, days: DayBounds[]) {
  const branches = [...days].reverse().map((d) => sql`when ${column} >= ${d.startAt} then ${d.date}`);
  return sql`case ${sql.join(branches, sql` `)} end`;
}
