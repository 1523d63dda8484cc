import type { Order } from '@siyu/shared';
import { api, newIdempotencyKey } from '../api/client';
import { startPlatformPayment } from '../platform/pay';
import { ROUTES } from './routes';

export type PayFlowResult =
  /** The server says the order left awaiting_payment (paid, or closed meanwhile): show `order`. */
  | { kind: 'settled'; order: Order }
  /** Still awaiting payment after the wait: the sheet was closed, or the notification is late (t.payment.confirming). */
  | { kind: 'pending'; order: Order; sheet: 'submitted' | 'cancelled' | 'failed' }
  /** H5: the browser is on its way to the payment page. */
  | { kind: 'redirected' };

const POLL_INTERVAL_MS = 1_000;
/** How long to wait for the notification after the sheet said success (the contract: about 10 s). */
const SUBMITTED_WAIT_MS = 10_000;
/** After a cancel or failure one short look is enough: a real payment would still be noticed. */
const CANCELLED_WAIT_MS = 1_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** After the sheet said success and the order is still unpaid this long, ask the server to query the platform. */
const ASK_PLATFORM_AFTER_MS = 3_000;

/**
 * Polls GET /orders/{id} until the order is no longer awaiting payment, or the time is up; the last state either way.
 * With `askPlatform` (the sheet said the shopper paid), one poll midway asks the server to query the platform
 * instead (POST /orders/{id}/payment-status), so a late or lost notification does not keep the shopper waiting.
 */
export async function waitForPayment(orderId: number, maxWaitMs: number = SUBMITTED_WAIT_MS, askPlatform = false): Promise<Order> {
  const started = Date.now();
  const deadline = started + maxWaitMs;
  let asked = !askPlatform;
  for (;;) {
    let order: Order;
    if (!asked && Date.now() - started >= ASK_PLATFORM_AFTER_MS) {
      asked = true;
      order = await api.refreshPaymentStatus(orderId).catch(() => api.order(orderId));
    } else {
      order = await api.order(orderId);
    }
    if (order.status !== 'awaiting_payment' || Date.now() + POLL_INTERVAL_MS > deadline) return order;
    await sleep(POLL_INTERVAL_MS);
  }
}

/**
 * Pays an order: the server creates (or reuses) the platform trade, the platform's sheet opens, and then, whatever
 * the sheet said, the server's order status decides. Throws the API's error when the payment cannot be created
 * (409: paid, cancelled or expired meanwhile). `returnRoute`: where a payment page (H5) comes back to, 支付成功 (which
 * waits for the server's word) unless the order pays for something else (a points-mall redemption).
 */
export async function payOrder(order: Pick<Order, 'id'>, returnRoute: string = ROUTES.paySuccess(order.id)): Promise<PayFlowResult> {
  const created = await api.payOrder(order.id, newIdempotencyKey());
  const sheet = await startPlatformPayment(created, { returnRoute });
  if (sheet === 'redirected') return { kind: 'redirected' };
  const latest = await waitForPayment(order.id, sheet === 'submitted' ? SUBMITTED_WAIT_MS : CANCELLED_WAIT_MS, sheet === 'submitted');
  return latest.status === 'awaiting_payment' ? { kind: 'pending', order: latest, sheet } : { kind: 'settled', order: latest };
}
