import type { LoginPlatform, Order, PayOrderResponse } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { jobState } from '../../lib/job-state.js';
import { inTransaction } from '../../lib/transaction.js';
import { isAppError } from '../../lib/app-error.js';
import { isPaymentNotificationError } from '../../platforms/payment-common.js';
import type { NotificationAcknowledgement, NotificationInput, PaymentAdapters, PaymentNotification, PaymentPlatform } from '../../platforms/types.js';
import type { MembersService } from '../members/index.js';
import type { OrdersService } from '../orders/index.js';
import * as exceptionsRepo from './payment-exceptions.repository.js';
import * as repo from './payments.repository.js';
import type { PaymentExceptionsService } from './payment-exceptions.service.js';
import type { RefundsService } from './refunds.service.js';
import type { PaymentPlatformValue } from '../../db/schema.js';

/** Thrown inside a notification's transaction to roll it back and refuse the notification. */
class NotificationRefused extends Error {}

function paymentDescription(lines: { title: string; quantity: number }[]): string {
  const first = lines[0]?.title ?? '订单';
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  const text = lines.length > 1 || units > 1 ? `${first} 等${units}件` : first;
  return [...text].slice(0, 127).join('');
}

function instantOr(value: string | undefined, fallback: Date): Date {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : fallback;
}

export interface PaymentsService {
  /**
   * 主动查单 for one order (see reconcileOrder).
   */
  reconcile(orderId: number): Promise<{ outcome: ReconcileOutcome; detail?: string }>;
  /**
   * `POST /orders/{id}/payment-status`: the member's own order (404 otherwise), reconciled with the platform when
   * it still awaits payment, then returned. A platform that cannot be asked answers 502.
   */
  refreshPaymentStatus(memberId: number, orderId: number): Promise<Order>;
  /**
   * One sweep run: reconciles up to `batch` awaiting-payment orders whose trade was opened at least `minAgeMs`
   * ago (notification presumed late or lost). Failures are counted, never thrown.
   */
  reconcileStuckPayments(options?: { batch?: number; minAgeMs?: number }): Promise<Record<ReconcileOutcome | 'failed', number>>;
  /**
   * Opens (or reuses) the platform trade for an unpaid, unexpired order of the member, on the platform of their
   * session, and returns what the client hands to the platform's payment sheet. The order number is the trade number.
   */
  pay(memberId: number, platform: LoginPlatform | null, orderId: number): Promise<PayOrderResponse>;
  /**
   * One notification request, answered with the platform's acknowledgement. Tampered or mismatching ones are
   * refused (logged, nothing written); applied and duplicate ones are acknowledged ok. An unexpected failure is
   * refused too, so the platform retries.
   */
  handleNotification(platform: PaymentPlatform, input: NotificationInput): Promise<NotificationAcknowledgement>;
  paymentsOf(orderId: number): Promise<
    {
      id: number;
      status: 'paid' | 'created' | 'closed';
      platform: PaymentPlatformValue;
      order_id: number;
      out_trade_no: string;
      transaction_id: string | null;
      amount_fen: number;
      paid_at: string | null;
      created_at: string;
      updated_at: string;
    }[]
  >;
  notificationsOf(outTradeNo: string): Promise<
    {
      id: number;
      platform: PaymentPlatformValue;
      kind: 'payment' | 'refund';
      out_trade_no: string;
      transaction_id: string;
      amount_fen: number;
      event_id: string;
      out_refund_no: string | null;
      outcome: string;
      received_at: string;
    }[]
  >;
}

/** What asking the platforms about an order's trades came to. */
export type ReconcileOutcome =
  /** Not awaiting payment, or no trade opened: nothing asked. */
  | 'not_applicable'
  /** The platforms say unpaid (pending, closed, failed, or no such trade). */
  | 'unpaid'
  /** A paid trade was applied (or had been already: `already_paid`, `duplicate event`, …). */
  | 'applied'
  /** The platform's answer did not match the order (amount, app id): refused, nothing written. */
  | 'refused'
  /** The platform could not be asked; try again later. */
  | 'unavailable';

/**
 * Paying an order through the platform of the member's session, and applying the platforms' notifications:
 * verified by the adapter, matched against the order, applied once in one transaction (invariants 8-10).
 */
export function createPaymentsService(deps: {
  db: DB;
  clock: Clock;
  orders: OrdersService;
  members: MembersService;
  refunds: RefundsService;
  exceptions: PaymentExceptionsService;
  payments: PaymentAdapters;
  logger: Logger;
}): PaymentsService {
  const { db, clock, orders, members, refunds, exceptions, payments, logger } = deps;

  /** A verified payment notification. Returns the outcome to log; throws NotificationRefused to refuse it. */
  async function applyPayment(n: PaymentNotification): Promise<string> {
    const adapter = payments[n.platform];
    const order = await orders.findByOrderNo(db, n.outTradeNo);
    if (!order) throw new NotificationRefused(`unknown out_trade_no ${n.outTradeNo}`);
    if (n.appId !== adapter.appId) throw new NotificationRefused(`app id ${String(n.appId)} is not ours`);
    // What the platform was asked for: the payable less the part paid from the balance (decision 039).
    if (n.amountFen !== order.platformDueFen) throw new NotificationRefused(`amount ${n.amountFen} is not the order's ${order.platformDueFen}`);
    const trade = await repo.findPayment(db, n.platform, n.outTradeNo);
    if (trade && trade.amount_fen !== n.amountFen) throw new NotificationRefused(`amount ${n.amountFen} is not the trade's ${trade.amount_fen}`);
    if (n.tradeState !== 'SUCCESS') return `trade ${n.tradeState.toLowerCase()}: nothing to apply`;

    return inTransaction(db, async (trx) => {
      const at = clock.now().toISOString();
      const claimed = await repo.claimNotification(trx, {
        platform: n.platform,
        event_id: n.eventId,
        kind: 'payment',
        out_trade_no: n.outTradeNo,
        transaction_id: n.transactionId,
        out_refund_no: null,
        amount_fen: n.amountFen,
        outcome: 'applying',
        received_at: at,
      });
      if (!claimed) return 'duplicate event';
      const paidAt = instantOr(n.occurredAt, clock.now());
      const result = await orders.markOrderPaid(trx, {
        orderNo: n.outTradeNo,
        amountFen: n.amountFen,
        platform: n.platform,
        transactionId: n.transactionId,
        paidAt,
      });
      if (result.outcome === 'order_not_found' || result.outcome === 'amount_mismatch') throw new NotificationRefused(result.outcome);
      if (result.outcome === 'payment_received_after_close' || result.outcome === 'duplicate_payment') {
        // The money arrived but cannot pay the order: kept, and queued to go back to the payer (decision 008).
        await exceptionsRepo.recordException(trx, {
          order_id: order.id,
          order_no: order.orderNo,
          kind: result.outcome,
          platform: n.platform,
          transaction_id: n.transactionId,
          amount_fen: n.amountFen,
          state: 'refund_pending',
          created_at: at,
          updated_at: at,
        });
      }
      await repo.markPaymentPaid(trx, {
        orderId: order.id,
        platform: n.platform,
        outTradeNo: n.outTradeNo,
        transactionId: n.transactionId,
        amountFen: n.amountFen,
        paidAt: paidAt.toISOString(),
        at,
      });
      await repo.setNotificationOutcome(trx, n.platform, n.eventId, result.outcome);
      return result.outcome;
    });
  }

  async function applyRefund(n: PaymentNotification): Promise<string> {
    return inTransaction(db, async (trx) => {
      const claimed = await repo.claimNotification(trx, {
        platform: n.platform,
        event_id: n.eventId,
        kind: 'refund',
        out_trade_no: n.outTradeNo,
        transaction_id: n.transactionId,
        out_refund_no: n.outRefundNo ?? null,
        amount_fen: n.refundFen ?? n.refundedTotalFen ?? 0,
        outcome: 'applying',
        received_at: clock.now().toISOString(),
      });
      if (!claimed) return 'duplicate event';
      // Our refund number says whose refund it is: a payment exception's (`E…`) or a refund request's (`R…`).
      const result = (await exceptions.applyNotification(trx, n)) ?? (await refunds.applyNotification(trx, n));
      if (!result.ok) throw new NotificationRefused(result.reason);
      await repo.setNotificationOutcome(trx, n.platform, n.eventId, result.outcome);
      return result.outcome;
    });
  }

  /**
   * 主动查单: asks the platform about each unpaid trade of an order still awaiting payment. A SUCCESS answer is
   * applied through applyPayment, exactly as a notification is, under the synthetic event id
   * `query:<platform>:<transactionId>`: the claim makes concurrent queries apply once, and markOrderPaid's guarded
   * transition makes a query and the platform's own (late) notification move the order once between them
   * (the second sees `already_paid` for the same transaction). Mismatching answers are refused and write nothing.
   */
  async function reconcileOrder(orderId: number): Promise<{ outcome: ReconcileOutcome; detail?: string }> {
    const facts = await orders.paymentFacts(db, orderId);
    if (facts?.status !== 'awaiting_payment') return { outcome: 'not_applicable' };
    const trades = (await repo.listPayments(db, orderId)).filter((t) => t.status === 'created');
    if (trades.length === 0) return { outcome: 'not_applicable' };
    let outcome: ReconcileOutcome = 'unpaid';
    let detail: string | undefined;
    for (const trade of trades) {
      const adapter = payments[trade.platform];
      if (!adapter.configured) continue;
      let answer: Awaited<ReturnType<typeof adapter.queryPayment>>;
      try {
        answer = await adapter.queryPayment({
          outTradeNo: trade.out_trade_no,
          ...(trade.transaction_id ? { transactionId: trade.transaction_id } : {}),
        });
      } catch (err) {
        if (isAppError(err) && err.code === 'NOT_FOUND') continue;
        logger.warn({ err, platform: trade.platform, outTradeNo: trade.out_trade_no }, 'payment query failed');
        outcome = 'unavailable';
        continue;
      }
      if (answer.tradeState !== 'SUCCESS') continue;
      if (!answer.transactionId) {
        outcome = 'refused';
        detail = 'paid trade without a transaction id';
        continue;
      }
      const n: PaymentNotification = {
        platform: trade.platform,
        kind: 'payment',
        outTradeNo: trade.out_trade_no,
        transactionId: answer.transactionId,
        amountFen: answer.amountFen,
        appId: answer.appId,
        tradeState: 'SUCCESS',
        eventId: `query:${trade.platform}:${answer.transactionId}`,
        raw: answer.raw,
        ...(answer.paidAt ? { occurredAt: answer.paidAt } : {}),
      };
      try {
        const applied = await applyPayment(n);
        logger.info({ platform: n.platform, eventId: n.eventId, outTradeNo: n.outTradeNo, outcome: applied }, 'payment query applied');
        return { outcome: 'applied', detail: applied };
      } catch (err) {
        if (!(err instanceof NotificationRefused)) throw err;
        logger.warn({ platform: n.platform, outTradeNo: n.outTradeNo, reason: err.message }, 'payment query answer refused');
        outcome = 'refused';
        detail = err.message;
      }
    }
    return detail === undefined ? { outcome } : { outcome, detail };
  }

  /** The sweep's position: payments are walked by id, a batch per run, wrapping around at the end; kept in the database. */
  const sweepPosition = jobState(db, 'payments.query-sweep.after-id');

  return {
    /** 主动查单 for one order (see reconcileOrder). */
    reconcile: reconcileOrder,

    /**
     * `POST /orders/{id}/payment-status`: the member's own order (404 otherwise), reconciled with the platform when
     * it still awaits payment, then returned. A platform that cannot be asked answers 502.
     */
    async refreshPaymentStatus(memberId: number, orderId: number): Promise<Order> {
      await orders.memberOrder(memberId, orderId);
      const result = await reconcileOrder(orderId);
      if (result.outcome === 'unavailable')
        throw new AppError('PLATFORM_UNAVAILABLE', 'the payment platform could not be asked about this order; try again later');
      return orders.memberOrder(memberId, orderId);
    },

    /**
     * One sweep run: reconciles up to `batch` awaiting-payment orders whose trade was opened at least `minAgeMs`
     * ago (notification presumed late or lost). Failures are counted, never thrown.
     */
    async reconcileStuckPayments(options: { batch?: number; minAgeMs?: number } = {}): Promise<Record<ReconcileOutcome | 'failed', number>> {
      const batch = options.batch ?? 50;
      const createdBefore = new Date(clock.now().getTime() - (options.minAgeMs ?? 60_000)).toISOString();
      const afterId = Number((await sweepPosition.get()) ?? 0);
      let rows = await repo.listUnsettledPayments(db, { createdBefore, afterId, limit: batch });
      if (rows.length === 0 && afterId > 0) rows = await repo.listUnsettledPayments(db, { createdBefore, afterId: 0, limit: batch });
      await sweepPosition.set(String(rows.length < batch ? 0 : rows[rows.length - 1]!.id), clock.now());
      const tally: Record<ReconcileOutcome | 'failed', number> = { not_applicable: 0, unpaid: 0, applied: 0, refused: 0, unavailable: 0, failed: 0 };
      const seen = new Set<number>();
      for (const row of rows) {
        const orderId = row.orderId;
        if (seen.has(orderId)) continue;
        seen.add(orderId);
        try {
          tally[(await reconcileOrder(orderId)).outcome] += 1;
        } catch (err) {
          logger.error({ err, orderId }, 'reconciling a payment failed');
          tally.failed += 1;
        }
      }
      return tally;
    },

    /**
     * Opens (or reuses) the platform trade for an unpaid, unexpired order of the member, on the platform of their
     * session, and returns what the client hands to the platform's payment sheet. The order number is the trade number.
     */
    async pay(memberId: number, platform: LoginPlatform | null, orderId: number): Promise<PayOrderResponse> {
      const order = await orders.memberOrder(memberId, orderId);
      if (order.status !== 'awaiting_payment')
        throw new AppError('INVALID_STATE', `order is ${order.status}; only an order awaiting payment can be paid`, { status: order.status });
      const expiresAt = new Date(order.expiresAt);
      if (expiresAt.getTime() <= clock.now().getTime())
        throw new AppError('INVALID_STATE', 'the payment window of this order has closed', { status: 'expired' });
      if (!platform) throw new AppError('UNAUTHENTICATED', 'this session was not opened from a mini-program platform; log in again to pay');
      const adapter = payments[platform];
      const payerOpenId = await members.openIdFor(memberId, platform, adapter.appId);
      if (!payerOpenId) throw new AppError('UNAUTHENTICATED', `no ${platform} identity for this member; log in again to pay`);
      // The part paid from the balance at creation is not asked of the platform (decision 039).
      const dueFen = order.payableFen - order.balanceFen;
      const payment = await adapter.createPayment({
        outTradeNo: order.orderNo,
        amountFen: dueFen,
        description: paymentDescription(order.lines),
        payerOpenId,
        expiresAt,
      });
      await repo.upsertCreatedPayment(db, {
        orderId: order.id,
        platform,
        outTradeNo: order.orderNo,
        amountFen: dueFen,
        at: clock.now().toISOString(),
      });
      return { orderId: order.id, orderNo: order.orderNo, payableFen: dueFen, payment };
    },

    /**
     * One notification request, answered with the platform's acknowledgement. Tampered or mismatching ones are
     * refused (logged, nothing written); applied and duplicate ones are acknowledged ok. An unexpected failure is
     * refused too, so the platform retries.
     */
    async handleNotification(platform: PaymentPlatform, input: NotificationInput): Promise<NotificationAcknowledgement> {
      const adapter = payments[platform];
      let n: PaymentNotification;
      try {
        n = adapter.verifyNotification(input);
      } catch (err) {
        if (!isPaymentNotificationError(err)) throw err;
        logger.warn({ platform, reason: err.reason, message: err.message }, 'payment notification rejected');
        return adapter.acknowledgement(false, err.message);
      }
      try {
        const outcome = n.kind === 'payment' ? await applyPayment(n) : await applyRefund(n);
        logger.info(
          { platform, kind: n.kind, eventId: n.eventId, outTradeNo: n.outTradeNo, outRefundNo: n.outRefundNo, outcome },
          'payment notification applied',
        );
        return adapter.acknowledgement(true);
      } catch (err) {
        if (err instanceof NotificationRefused) {
          logger.warn({ platform, kind: n.kind, eventId: n.eventId, outTradeNo: n.outTradeNo, reason: err.message }, 'payment notification refused');
          return adapter.acknowledgement(false, err.message);
        }
        logger.error({ err, platform, eventId: n.eventId, outTradeNo: n.outTradeNo }, 'payment notification failed; the platform will retry');
        return adapter.acknowledgement(false, 'temporarily unable to process');
      }
    },

    paymentsOf: (orderId: number) => repo.listPayments(db, orderId),
    notificationsOf: (outTradeNo: string) => repo.listNotifications(db, outTradeNo),
  };
}
