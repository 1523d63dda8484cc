import type { PaymentNotificationsTable, PaymentPlatformValue } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';

/** The platform trade for an order, opened (or reused) by POST /orders/{id}/pay; a paid trade stays paid. */
export function upsertCreatedPayment(
  db: Executor,
  row: { orderId: number; platform: PaymentPlatformValue; outTradeNo: string; amountFen: number; at: string },
) {
  return db
    .insertInto('payments')
    .values({
      order_id: row.orderId,
      platform: row.platform,
      out_trade_no: row.outTradeNo,
      transaction_id: null,
      amount_fen: row.amountFen,
      status: 'created',
      paid_at: null,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['platform', 'out_trade_no']).doUpdateSet({ updated_at: row.at }))
    .execute();
}

export function findPayment(db: Executor, platform: PaymentPlatformValue, outTradeNo: string) {
  return db.selectFrom('payments').selectAll().where('platform', '=', platform).where('out_trade_no', '=', outTradeNo).executeTakeFirst();
}

/** Records the platform's word that the trade was paid (inserting the row if the trade was opened elsewhere). */
export function markPaymentPaid(
  db: Executor,
  row: { orderId: number; platform: PaymentPlatformValue; outTradeNo: string; transactionId: string; amountFen: number; paidAt: string; at: string },
) {
  const paid = { status: 'paid' as const, transaction_id: row.transactionId, paid_at: row.paidAt, updated_at: row.at };
  return db
    .insertInto('payments')
    .values({ order_id: row.orderId, platform: row.platform, out_trade_no: row.outTradeNo, amount_fen: row.amountFen, created_at: row.at, ...paid })
    .onConflict((oc) => oc.columns(['platform', 'out_trade_no']).doUpdateSet(paid).where('payments.status', '<>', 'paid'))
    .execute();
}

export function listPayments(db: Executor, orderId: number) {
  return db.selectFrom('payments').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

/**
 * Claims a notification event. False when it was applied before (or, on PostgreSQL, by a concurrent transaction
 * that committed: the insert waits for it on the unique index). The claim rolls back with a failed application.
 */
export async function claimNotification(db: Executor, row: Omit<PaymentNotificationsTable, 'id'>): Promise<boolean> {
  const r = await db
    .insertInto('payment_notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function setNotificationOutcome(db: Executor, platform: PaymentPlatformValue, eventId: string, outcome: string) {
  return db.updateTable('payment_notifications').set({ outcome }).where('platform', '=', platform).where('event_id', '=', eventId).execute();
}

export function listNotifications(db: Executor, outTradeNo: string) {
  return db.selectFrom('payment_notifications').selectAll().where('out_trade_no', '=', outTradeNo).orderBy('id').execute();
}

/**
 * Trades still open (created, never paid or closed) that were opened at or before `createdBefore`: worth asking the
 * platform about (主动查单) while their order awaits payment. Walks payments by id from `afterId`, `limit` at a time.
 */
export function listUnsettledPayments(db: Executor, input: { createdBefore: string; afterId: number; limit: number }) {
  return db
    .selectFrom('payments')
    .select(['id', 'order_id as orderId'])
    .where('status', '=', 'created')
    .where('created_at', '<=', input.createdBefore)
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit)
    .execute();
}

/** A trade whose order was closed or paid another way is no longer worth asking about. */
export function closeOpenPayments(db: Executor, orderId: number, at: string) {
  return db
    .updateTable('payments')
    .set({ status: 'closed', updated_at: at })
    .where('order_id', '=', orderId)
    .where('status', '=', 'created')
    .execute();
}
