import { type Insertable, sql, type Updateable } from 'kysely';
import type {
  OrderAdjustmentLinesTable,
  OrderAdjustmentsTable,
  OrderEventsTable,
  OrderLinesTable,
  OrdersTable,
  OrderStatusValue,
} from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';
import type { OrderKind } from './events.js';

/** A new order awaiting payment, as checkout or the points mall decided it. */
export interface NewOrder {
  orderNo: string;
  memberId: number;
  platform: OrdersTable['platform'];
  kind: OrderKind;
  itemsFen: number;
  shippingFen: number;
  discountFen: number;
  payableFen: number;
  shippingRule: OrdersTable['shipping_rule'];
  /** The shipping-address snapshot, JSON text. */
  address: string;
  remark: string | null;
  expiresAt: string;
  /** In line order (line_no 1, 2, …). */
  lines: Omit<Insertable<OrderLinesTable>, 'order_id' | 'line_no'>[];
  /** The applied adjustments in the order the pricing applied them, each with its share per line (by line index). */
  adjustments: (Omit<Insertable<OrderAdjustmentsTable>, 'order_id' | 'seq'> & { allocations: { lineIndex: number; amountFen: number }[] })[];
  /** Who placed it and the first event's note. */
  actor: { type: 'member'; id: number };
  note: string | null;
  at: string;
}

/**
 * Writes a new order, in the caller's transaction: the order, its lines, its adjustments with their allocations to the
 * lines, and its first event. The one way an order is inserted (checkout and the points mall's cash part).
 */
export async function insertNewOrder(trx: Executor, o: NewOrder): Promise<number> {
  const orderId = await insertOrder(trx, {
    order_no: o.orderNo,
    member_id: o.memberId,
    platform: o.platform,
    status: 'awaiting_payment',
    kind: o.kind,
    items_fen: o.itemsFen,
    shipping_fen: o.shippingFen,
    discount_fen: o.discountFen,
    payable_fen: o.payableFen,
    shipping_rule: o.shippingRule,
    address: o.address,
    remark: o.remark,
    expires_at: o.expiresAt,
    paid_at: null,
    paid_amount_fen: null,
    payment_platform: null,
    payment_transaction_id: null,
    shipped_at: null,
    carrier: null,
    tracking_no: null,
    completed_at: null,
    cancelled_at: null,
    refunded_at: null,
    created_at: o.at,
    updated_at: o.at,
  });
  const lineIds = await insertLines(
    trx,
    o.lines.map((line, i) => ({ ...line, order_id: orderId, line_no: i + 1 })),
  );
  for (const [i, { allocations, ...a }] of o.adjustments.entries()) {
    const adjustmentId = await insertAdjustment(trx, { ...a, order_id: orderId, seq: i + 1 });
    await insertAdjustmentLines(
      trx,
      allocations.map((al) => ({ adjustment_id: adjustmentId, order_line_id: lineIds[al.lineIndex]!, amount_fen: al.amountFen })),
    );
  }
  await insertEvent(trx, {
    order_id: orderId,
    from_status: null,
    to_status: 'awaiting_payment',
    actor_type: o.actor.type,
    actor_id: o.actor.id,
    note: o.note,
    created_at: o.at,
  });
  return orderId;
}

async function insertOrder(db: Executor, row: Insertable<OrdersTable>): Promise<number> {
  const r = await db.insertInto('orders').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

async function insertLines(db: Executor, rows: Insertable<OrderLinesTable>[]): Promise<number[]> {
  const inserted = await db.insertInto('order_lines').values(rows).returning(['id', 'line_no']).execute();
  // Returned in line order whatever order the engine gives them back in.
  return inserted.sort((a, b) => a.line_no - b.line_no).map((r) => r.id);
}

async function insertAdjustment(db: Executor, row: Insertable<OrderAdjustmentsTable>): Promise<number> {
  const r = await db.insertInto('order_adjustments').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

function insertAdjustmentLines(db: Executor, rows: Insertable<OrderAdjustmentLinesTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('order_adjustment_lines').values(rows).execute();
}

export function listAdjustments(db: Executor, orderIds: number[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('order_adjustments').selectAll().where('order_id', 'in', orderIds).orderBy('order_id').orderBy('seq').execute();
}

export function listAdjustmentLines(db: Executor, adjustmentIds: number[]) {
  if (adjustmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('order_adjustment_lines').selectAll().where('adjustment_id', 'in', adjustmentIds).orderBy('id').execute();
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
  return db.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('order_id').orderBy('line_no').execute();
}

/** The points an order earned on payment and still holds (pending or matured); 0 when it earned none. */
export async function pointsEarnedBy(db: Executor, orderId: number): Promise<number> {
  const row = await db
    .selectFrom('points_pending')
    .select('remaining')
    .where('order_id', '=', orderId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return row?.remaining ?? 0;
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
  platform?: 'weapp' | 'alipay' | 'tt';
  /** Placed at or after this instant (ISO UTC). */
  createdFrom?: string;
  /** Placed before this instant (ISO UTC). */
  createdBefore?: string;
  kind?: OrderKind;
  /** Only orders with money reserved for or returned by a refund (open or succeeded, whole or partial). */
  withRefunds?: boolean;
}

function filtered(db: Executor, f: OrderFilter) {
  let q = db.selectFrom('orders');
  if (f.memberId !== undefined) q = q.where('member_id', '=', f.memberId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.orderNo) q = q.where('order_no', '=', f.orderNo);
  if (f.platform) q = q.where('platform', '=', f.platform);
  if (f.createdFrom) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  if (f.withRefunds) q = q.where((eb) => eb.or([eb('refund_reserved_fen', '>', 0), eb('status', '=', 'refunded')]));
  return q;
}

export async function pageOrders(db: Executor, f: OrderFilter, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f)
      .select((eb) => countAll(eb).as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Orders matching `f`, newest first, `limit` at a time below `beforeId` (keyset paging, for exports of any size). */
export function ordersBefore(db: Executor, f: OrderFilter, beforeId: number | null, limit: number) {
  let q = filtered(db, f).selectAll();
  if (beforeId !== null) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * A member's goods orders counted the way the order list's tabs filter them (`filtered` above), in one query: all,
 * by status, and with a refund (the 退款 tab's `withRefunds`).
 */
export async function memberOrderCounts(db: Executor, memberId: number) {
  const n = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
  const row = await filtered(db, { memberId, kind: 'goods' })
    .select((eb) => [
      countAll(eb).as('all_orders'),
      n(sql`status = 'awaiting_payment'`).as('awaiting_payment'),
      n(sql`status = 'paid'`).as('paid'),
      n(sql`status = 'shipped'`).as('shipped'),
      n(sql`refund_reserved_fen > 0 or status = 'refunded'`).as('refund'),
    ])
    .executeTakeFirstOrThrow();
  return {
    all: row.all_orders,
    awaitingPayment: row.awaiting_payment,
    paid: row.paid,
    shipped: row.shipped,
    refund: row.refund,
  };
}

export async function paidOrderCount(db: Executor, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => countAll(eb).as('n'))
    .where('member_id', '=', memberId)
    .where('kind', '=', 'goods')
    .where('paid_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Of these members, those with at least one order that was paid. */
/** The order numbers of these orders (ids that match none are left out), in one query. */
export function orderNumbersOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orders').select(['id', 'order_no']).where('id', 'in', ids).execute();
}

export function membersWithPaidOrders(db: Executor, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('orders').select('member_id').distinct().where('member_id', 'in', memberIds).where('paid_at', 'is not', null).execute();
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
  return rows.map((r) => r.id);
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

/** Reserves units of a line and their share of its paid amount; false when either would pass what the line has. */
export async function reserveRefundLine(db: Executor, orderId: number, lineId: number, quantity: number, amountFen: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ refund_reserved_qty: sql`refund_reserved_qty + ${quantity}`, refund_reserved_fen: sql`refund_reserved_fen + ${amountFen}` })
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .where(sql`refund_reserved_qty + ${quantity}`, '<=', sql.ref('quantity'))
    .where(sql`refund_reserved_fen + ${amountFen}`, '<=', sql.ref('paid_fen'))
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

export async function releaseRefundLine(db: Executor, orderId: number, lineId: number, quantity: number, amountFen: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ refund_reserved_qty: sql`refund_reserved_qty - ${quantity}`, refund_reserved_fen: sql`refund_reserved_fen - ${amountFen}` })
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .where(sql`refund_reserved_qty - ${quantity}`, '>=', sql.ref('refunded_qty'))
    .where(sql`refund_reserved_fen - ${amountFen}`, '>=', sql.ref('refunded_fen'))
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

export async function addRefundedLine(db: Executor, orderId: number, lineId: number, quantity: number, amountFen: number): Promise<boolean> {
  const r = await db
    .updateTable('order_lines')
    .set({ refunded_qty: sql`refunded_qty + ${quantity}`, refunded_fen: sql`refunded_fen + ${amountFen}` })
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .where(sql`refunded_qty + ${quantity}`, '<=', sql.ref('refund_reserved_qty'))
    .where(sql`refunded_fen + ${amountFen}`, '<=', sql.ref('refund_reserved_fen'))
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

/** The part of a new order's payable paid from the stored-value balance (decision 039). */
export async function setBalancePart(db: Executor, orderId: number, balanceFen: number): Promise<void> {
  await db.updateTable('orders').set({ balance_fen: balanceFen }).where('id', '=', orderId).where('status', '=', 'awaiting_payment').execute();
}
