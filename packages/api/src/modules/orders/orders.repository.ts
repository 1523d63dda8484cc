import { sql, type Insertable, type Updateable } from 'kysely';
import type { OrderEventsTable, OrderLinesTable, OrdersTable, OrderStatusValue, PaymentExceptionsTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';

const SETTINGS_KEY = 'orders.settings';

export async function findSettingsJson(db: Executor): Promise<string | undefined> {
  return (await db.selectFrom('merchant_settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst())?.value;
}

export function upsertSettingsJson(db: Executor, value: string, staffId: number, at: string) {
  return db
    .insertInto('merchant_settings')
    .values({ key: SETTINGS_KEY, value, updated_at: at, updated_by: staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: staffId }))
    .execute();
}

export async function insertOrder(db: Executor, row: Omit<OrdersTable, 'id' | 'refund_reserved_fen' | 'refunded_fen'>): Promise<number> {
  const r = await db.insertInto('orders').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function insertLines(db: Executor, rows: Omit<OrderLinesTable, 'id' | 'refund_reserved_qty' | 'refunded_qty' | 'stock_returned_qty'>[]) {
  return db.insertInto('order_lines').values(rows).execute();
}

export function insertEvent(db: Executor, row: Omit<OrderEventsTable, 'id'>) {
  return db.insertInto('order_events').values(row).execute();
}

export function findOrder(db: Executor, id: number) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrderByNo(db: Executor, orderNo: string) {
  return db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst();
}

export function listLines(db: Executor, orderIds: number[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute();
}

export function listEvents(db: Executor, orderId: number) {
  return db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

/**
 * The one way an order changes state: a conditional update that only matches when the order is in
 * one of `from`. Returns whether this call moved it (false: someone else did, or the state is wrong).
 */
export async function transition(
  db: Executor,
  id: number,
  from: OrderStatusValue[],
  to: OrderStatusValue,
  set: Updateable<OrdersTable>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ ...set, status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface OrderFilter {
  memberId?: number;
  status?: OrderStatusValue;
  orderNo?: string;
}

function filtered(db: Executor, f: OrderFilter) {
  let q = db.selectFrom('orders');
  if (f.memberId !== undefined) q = q.where('member_id', '=', f.memberId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.orderNo) q = q.where('order_no', '=', f.orderNo);
  return q;
}

export async function pageOrders(db: Executor, f: OrderFilter, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function expiredOrderIds(db: Executor, nowIso: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'awaiting_payment')
    .where('expires_at', '<=', nowIso)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Records a payment that cannot be applied; the same platform transaction is recorded once. */
export async function recordPaymentException(db: Executor, row: Insertable<PaymentExceptionsTable>): Promise<boolean> {
  const r = await db
    .insertInto('payment_exceptions')
    .values(row)
    .onConflict((oc) => oc.columns(['platform', 'transaction_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listPaymentExceptions(db: Executor, orderId: number) {
  return db.selectFrom('payment_exceptions').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

export function listPendingPaymentRefunds(db: Executor, limit: number) {
  return db.selectFrom('payment_exceptions').selectAll().where('state', '=', 'refund_pending').orderBy('id').limit(limit).execute();
}

// ---- refunds: amounts and quantities held by conditional updates (CHECKs in migration 005 back them up) ----

/** Locks the order row (PostgreSQL) while checking it can be refunded; false when it is not paid, shipped or completed. */
export async function lockRefundableOrder(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['paid', 'shipped', 'completed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function reserveRefundAmount(db: Executor, id: number, amountFen: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ refund_reserved_fen: sql`refund_reserved_fen + ${amountFen}`, updated_at: at })
    .where('id', '=', id)
    .where(sql`refund_reserved_fen + ${amountFen}`, '<=', sql.ref('payable_fen'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function reserveRefundQuantity(db: Executor, orderId: number, lineId: number, quantity: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ refund_reserved_qty: sql`refund_reserved_qty + ${quantity}` })
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .where(sql`refund_reserved_qty + ${quantity}`, '<=', sql.ref('quantity'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function releaseRefundAmount(db: Executor, id: number, amountFen: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ refund_reserved_fen: sql`refund_reserved_fen - ${amountFen}`, updated_at: at })
    .where('id', '=', id)
    .where(sql`refund_reserved_fen - ${amountFen}`, '>=', sql.ref('refunded_fen'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function releaseRefundQuantity(db: Executor, orderId: number, lineId: number, quantity: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ refund_reserved_qty: sql`refund_reserved_qty - ${quantity}` })
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .where(sql`refund_reserved_qty - ${quantity}`, '>=', sql.ref('refunded_qty'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Moves a reserved amount to refunded; returns the order's refunded and payable totals after, or undefined. */
export async function addRefunded(db: Executor, id: number, amountFen: number, at: string) {
  return db
    .updateTable('orders')
    .set({ refunded_fen: sql`refunded_fen + ${amountFen}`, updated_at: at })
    .where('id', '=', id)
    .where(sql`refunded_fen + ${amountFen}`, '<=', sql.ref('refund_reserved_fen'))
    .returning(['refunded_fen', 'payable_fen', 'status'])
    .executeTakeFirst();
}

export async function addRefundedQuantity(db: Executor, orderId: number, lineId: number, quantity: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ refunded_qty: sql`refunded_qty + ${quantity}` })
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .where(sql`refunded_qty + ${quantity}`, '<=', sql.ref('refund_reserved_qty'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Counts units whose stock goes back, at most the line's quantity in total: false when they already went back. */
export async function markStockReturned(db: Executor, lineId: number, quantity: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ stock_returned_qty: sql`stock_returned_qty + ${quantity}` })
    .where('id', '=', lineId)
    .where(sql`stock_returned_qty + ${quantity}`, '<=', sql.ref('quantity'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
