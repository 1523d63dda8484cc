import { sql } from 'kysely';
import { daysTable, type DayBounds } from '../../lib/day-bounds.js';
import type { Executor } from '../../lib/transaction.js';

/** Refunds that succeeded within each day (the money went back): how many and how much. */
export async function succeededRefundsByDay(db: Executor, days: DayBounds[]) {
  const first = days[0]!.startAt;
  const last = days[days.length - 1]!.endAt;
  const result = await sql<{ day: string; n: number; fen: number }>`
    with ${daysTable(days)}
    select days.day as day, count(*) as n, sum(r.amount_fen) as fen
    from refunds r
    join days on r.completed_at >= days.start_at and r.completed_at < days.end_at
    where r.status = 'succeeded' and r.completed_at >= ${first} and r.completed_at < ${last}
    group by days.day`.execute(db);
  return result.rows;
}

/** The platform payments opened for one order (its trades), oldest first. */
export function listOrderPayments(db: Executor, orderId: number) {
  return db
    .selectFrom('payments')
    .select(['id', 'platform', 'out_trade_no', 'transaction_id', 'amount_fen', 'status', 'paid_at', 'created_at'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}
