import type { Insertable, Updateable } from 'kysely';
import type { RefundEventsTable, RefundLinesTable, RefundsTable, RefundStatusValue } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

export async function insertRefund(db: Executor, row: Insertable<RefundsTable>): Promise<number> {
  const r = await db.insertInto('refunds').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function insertLines(db: Executor, rows: Omit<RefundLinesTable, 'id'>[]) {
  return rows.length === 0 ? Promise.resolve() : db.insertInto('refund_lines').values(rows).execute();
}

export function insertEvent(db: Executor, row: Omit<RefundEventsTable, 'id'>) {
  return db.insertInto('refund_events').values(row).execute();
}

export function findRefund(db: Executor, id: number) {
  return db.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRefundByNo(db: Executor, refundNo: string) {
  return db.selectFrom('refunds').selectAll().where('refund_no', '=', refundNo).executeTakeFirst();
}

export function listLines(db: Executor, refundIds: number[]) {
  if (refundIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('refund_lines').selectAll().where('refund_id', 'in', refundIds).orderBy('id').execute();
}

export function listForOrder(db: Executor, orderId: number) {
  return db.selectFrom('refunds').selectAll().where('order_id', '=', orderId).orderBy('id', 'desc').execute();
}

export function listEvents(db: Executor, refundId: number) {
  return db.selectFrom('refund_events').selectAll().where('refund_id', '=', refundId).orderBy('id').execute();
}

export async function pageRefunds(db: Executor, filter: { status?: RefundStatusValue }, limit: number, offset: number) {
  let q = db.selectFrom('refunds');
  if (filter.status) q = q.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** The one way a refund changes state: a conditional update from `from`. Returns whether this call moved it. */
export async function transition(
  db: Executor,
  id: number,
  from: RefundStatusValue[],
  to: RefundStatusValue,
  set: Updateable<RefundsTable>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('refunds')
    .set({ ...set, status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function update(db: Executor, id: number, set: Updateable<RefundsTable>) {
  return db.updateTable('refunds').set(set).where('id', '=', id).execute();
}
