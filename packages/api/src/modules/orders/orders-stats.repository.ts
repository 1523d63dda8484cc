import { sql } from 'kysely';
import { daysTable, type DayBounds } from '../../lib/day-bounds.js';
import type { Executor } from '../../lib/transaction.js';

/**
 * Orders paid within each day, by payment platform: how many and their payable total. Counted on the day they were
 * paid, whatever happened to them since (a refund is counted on its own day, by the refunds figures).
 */
export async function paidOrdersByDay(db: Executor, days: DayBounds[]) {
  const first = days[0]!.startAt;
  const last = days[days.length - 1]!.endAt;
  const result = await sql<{ day: string; platform: string | null; n: number; fen: number }>`
    with ${daysTable(days)}
    select days.day as day, o.payment_platform as platform, count(*) as n, sum(o.payable_fen) as fen
    from orders o
    join days on o.paid_at >= days.start_at and o.paid_at < days.end_at
    where o.paid_at >= ${first} and o.paid_at < ${last}
    group by days.day, o.payment_platform`.execute(db);
  return result.rows;
}
