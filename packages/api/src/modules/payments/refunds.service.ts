import { randomInt } from 'node:crypto';
import type { CreateRefundRequest, MerchantRefundPage, MerchantRefundQuery, Refund, RefundPreview, RefundPreviewRequest } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import type { PaymentPlatformValue, RefundStatusValue } from '../../db/schema.js';
import { AppError, isAppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { inTransaction, readOnly, type Executor, type Tx } from '../../lib/transaction.js';
import type { PaymentAdapters, PaymentNotification } from '../../platforms/types.js';
import type { Actor, OrdersService, RefundReservation } from '../orders/index.js';
import * as repo from './refunds.repository.js';
import type { OrderActorType } from '@siyu/shared';

type RefundRow = NonNullable<Awaited<ReturnType<typeof repo.findRefund>>>;
type LineRow = Awaited<ReturnType<typeof repo.listLines>>[number];

/** `R` + UTC time to the second + 8 random digits: 23 characters, valid as out_refund_no / out_request_no everywhere. */
function newRefundNo(now: Date): string {
  return `R${now.toISOString().replace(/\D/g, '').slice(0, 14)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

function toRefund(r: RefundRow, lines: LineRow[]): Refund {
  return {
    id: r.id,
    refundNo: r.refund_no,
    orderId: r.order_id,
    status: r.status,
    amountFen: r.amount_fen,
    pointsDeductionFen: r.points_deduction_fen,
    payoutFen: r.amount_fen - r.points_deduction_fen,
    reason: r.reason,
    lines: lines.filter((l) => l.refund_id === r.id).map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity, amountFen: l.amount_fen })),
    rejectReason: r.reject_reason,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    completedAt: r.completed_at,
  };
}

/** The outcome of a refund notification: ok (acknowledge) or a reason to refuse it (the platform retries). */
export type RefundNotificationOutcome = { ok: true; outcome: string } | { ok: false; reason: string };

export interface RefundsService {
  /**
   * What a refund of these lines (or of everything left) would come to, by the computation the request makes, with
   * reads only (no lock taken, nothing written): the shopper sees the amount before asking.
   */
  preview(memberId: number, orderId: number, req: RefundPreviewRequest): Promise<RefundPreview>;
  /**
   * The member asks for a refund of the whole order (no lines) or of chosen lines; amounts are computed here.
   */
  request(memberId: number, orderId: number, req: CreateRefundRequest): Promise<Refund>;
  memberRefunds(memberId: number, orderId: number): Promise<{ items: Refund[] }>;
  merchantRefunds(query: MerchantRefundQuery): Promise<MerchantRefundPage>;
  reject(staffId: number, id: number, reason: string): Promise<Refund>;
  /**
   * requested → processing (recorded with who and when), then the platform's refund with outRefundNo = refundNo.
   * A refund left in processing by a platform failure is approved again the same way: the platform treats the
   * repeated refund number as the same refund. It completes on the platform's notification (Alipay, which
   * refunds synchronously, completes here).
   */
  approve(staffId: number, id: number): Promise<Refund>;
  /**
   * A verified refund notification, inside the notification's transaction. SUCCESS completes the refund once;
   * CLOSED / ABNORMAL fail it and give the reservation back. Anything that does not match our refund is refused.
   */
  applyNotification(trx: Tx, n: PaymentNotification): Promise<RefundNotificationOutcome>;
  /**
   * For tests and the console: a refund's history.
   */
  events(id: number): Promise<
    {
      id: number;
      note: string | null;
      refund_id: number;
      from_status: RefundStatusValue | null;
      to_status: RefundStatusValue;
      actor_type: OrderActorType;
      actor_id: number | null;
      created_at: string;
    }[]
  >;
}

/** An order's refunds, newest first: what the orders module shows in its order views (wired in createApp). */
export async function refundsForOrder(executor: Executor, orderId: number): Promise<Refund[]> {
  const rows = await repo.listForOrder(executor, orderId);
  const lines = await repo.listLines(
    executor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRefund(r, lines));
}

/**
 * Refunds: the member asks (whole order or chosen lines), staff approve or reject, the platform confirms.
 * requested → rejected | processing → succeeded | failed; every move a guarded update with a refund_events row.
 * Amounts are reserved on the order when requested (orders.reserveRefund), so refunds never exceed what was paid.
 */
export function createRefundsService(deps: {
  db: DB;
  clock: Clock;
  orders: OrdersService;
  payments: PaymentAdapters;
  logger: Logger;
}): RefundsService {
  const { db, clock, orders, payments, logger } = deps;

  async function load(executor: Executor, id: number): Promise<Refund> {
    const r = (await repo.findRefund(executor, id))!;
    return toRefund(r, await repo.listLines(executor, [id]));
  }

  async function ownOrder(executor: Executor, memberId: number, orderId: number) {
    const facts = await orders.paymentFacts(executor, orderId);
    if (!facts || facts.memberId !== memberId) throw new AppError('NOT_FOUND', `order ${orderId} not found`);
    return facts;
  }

  /** The member's order and the platform its payment went through: INVALID_STATE, saying why, when nothing was paid. */
  async function paidOrder(executor: Executor, memberId: number, orderId: number) {
    const facts = await ownOrder(executor, memberId, orderId);
    // Paid from the balance alone (decision 039): the refund goes back to the balance and no platform is asked, so
    // it is recorded under the platform the order was placed from.
    const platform = (facts.paymentPlatform ?? (facts.balanceFen > 0 ? (facts.platform ?? 'weapp') : null)) as PaymentPlatformValue | null;
    if (!platform) {
      // Awaiting payment or closed; or paid in full by discounts, with no payment to give back.
      const why =
        facts.status === 'awaiting_payment' || facts.status === 'cancelled'
          ? 'only a paid, shipped or completed order can be refunded'
          : 'it was paid in full by discounts: there is no payment to refund';
      throw new AppError('INVALID_STATE', `order is ${facts.status}; ${why}`, { status: facts.status });
    }
    return { facts, platform };
  }

  /** Under the merchant's rule, the value of points the order earned that were already spent stays with the shop. */
  const deductionOf = (executor: Executor, memberId: number, orderId: number, payableFen: number, plan: RefundReservation) =>
    orders.refundDeduction(executor, { orderId, memberId, amountFen: plan.amountFen, payableFen, wholeOrder: plan.wholeOrder });

  /** A guarded move with its history row; false when the refund was not in `from` (someone else moved it). */
  async function move(
    trx: Tx,
    r: RefundRow,
    from: RefundStatusValue[],
    to: RefundStatusValue,
    actor: Actor,
    set: Parameters<typeof repo.transition>[4],
    note: string | null = null,
  ): Promise<boolean> {
    const at = clock.now().toISOString();
    if (!(await repo.transition(trx, r.id, from, to, set, at))) return false;
    const current = from.length === 1 ? from[0]! : r.status;
    await repo.insertEvent(trx, {
      refund_id: r.id,
      from_status: current,
      to_status: to,
      actor_type: actor.type,
      actor_id: actor.id,
      note,
      created_at: at,
    });
    return true;
  }

  async function currentStatus(executor: Executor, id: number): Promise<RefundStatusValue | undefined> {
    return (await repo.findRefund(executor, id))?.status;
  }

  /**
   * processing → succeeded once: the order's refunded amount, stock and status follow in the same transaction
   * (orders.applyRefund, which runs the lifecycle's refunded step). False when it had already succeeded.
   */
  async function complete(trx: Tx, r: RefundRow, actor: Actor, platformRefundId: string | null, note: string): Promise<boolean> {
    const at = clock.now().toISOString();
    const set = { completed_at: at, ...(platformRefundId ? { platform_refund_id: platformRefundId } : {}), last_error: null };
    if (!(await move(trx, r, ['processing'], 'succeeded', actor, set, note))) return false;
    const lines = await repo.listLines(trx, [r.id]);
    await orders.applyRefund(trx, {
      orderId: r.order_id,
      refundNo: r.refund_no,
      amountFen: r.amount_fen,
      lines: lines.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity, amountFen: l.amount_fen })),
      includesShipping: r.includes_shipping === 1,
      actor,
      note: `refund ${r.refund_no}`,
    });
    return true;
  }

  async function releaseReservation(trx: Tx, r: RefundRow) {
    const lines = await repo.listLines(trx, [r.id]);
    await orders.releaseRefund(trx, {
      orderId: r.order_id,
      amountFen: r.amount_fen,
      lines: lines.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity, amountFen: l.amount_fen })),
    });
  }

  return {
    /**
     * What a refund of these lines (or of everything left) would come to, by the computation the request makes, with
     * reads only (no lock taken, nothing written): the shopper sees the amount before asking.
     */
    async preview(memberId: number, orderId: number, req: RefundPreviewRequest): Promise<RefundPreview> {
      return readOnly(db, async (executor) => {
        const { facts } = await paidOrder(executor, memberId, orderId);
        const plan = await orders.planRefund(executor, { orderId, ...(req.lines ? { lines: req.lines } : {}) });
        const deduction = await deductionOf(executor, memberId, orderId, facts.payableFen, plan);
        return {
          amountFen: plan.amountFen,
          pointsDeductionFen: deduction,
          payoutFen: plan.amountFen - deduction,
          includesShipping: plan.includesShipping,
          lines: plan.lines,
        };
      });
    },

    /** The member asks for a refund of the whole order (no lines) or of chosen lines; amounts are computed here. */
    async request(memberId: number, orderId: number, req: CreateRefundRequest): Promise<Refund> {
      return inTransaction(db, async (trx) => {
        const { facts, platform } = await paidOrder(trx, memberId, orderId);
        const reservation = await orders.reserveRefund(trx, { orderId, ...(req.lines ? { lines: req.lines } : {}) });
        const deduction = await deductionOf(trx, memberId, orderId, facts.payableFen, reservation);
        const now = clock.now();
        const at = now.toISOString();
        const id = await repo.insertRefund(trx, {
          refund_no: newRefundNo(now),
          order_id: orderId,
          member_id: memberId,
          platform,
          status: 'requested',
          amount_fen: reservation.amountFen,
          points_deduction_fen: deduction,
          includes_shipping: reservation.includesShipping ? 1 : 0,
          reason: req.reason,
          reject_reason: null,
          platform_refund_id: null,
          last_error: null,
          decided_by: null,
          decided_at: null,
          completed_at: null,
          created_at: at,
          updated_at: at,
        });
        await repo.insertLines(
          trx,
          reservation.lines.map((l) => ({ refund_id: id, order_line_id: l.orderLineId, quantity: l.quantity, amount_fen: l.amountFen })),
        );
        await repo.insertEvent(trx, {
          refund_id: id,
          from_status: null,
          to_status: 'requested',
          actor_type: 'member',
          actor_id: memberId,
          note: req.reason,
          created_at: at,
        });
        return load(trx, id);
      });
    },

    async memberRefunds(memberId: number, orderId: number): Promise<{ items: Refund[] }> {
      await ownOrder(db, memberId, orderId);
      return { items: await refundsForOrder(db, orderId) };
    },

    async merchantRefunds(query: MerchantRefundQuery): Promise<MerchantRefundPage> {
      const { rows, total } = await repo.pageRefunds(db, { status: query.status }, query.pageSize, (query.page - 1) * query.pageSize);
      const [lines, orderNos] = await Promise.all([
        repo.listLines(
          db,
          rows.map((r) => r.id),
        ),
        orders.orderNumbers(
          db,
          rows.map((r) => r.order_id),
        ),
      ]);
      return {
        items: rows.map((r) => ({ ...toRefund(r, lines), orderNo: orderNos.get(r.order_id) ?? '' })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async reject(staffId: number, id: number, reason: string): Promise<Refund> {
      return inTransaction(db, async (trx) => {
        const r = await repo.findRefund(trx, id);
        if (!r) throw new AppError('NOT_FOUND', `refund ${id} not found`);
        const at = clock.now().toISOString();
        if (
          !(await move(
            trx,
            r,
            ['requested'],
            'rejected',
            { type: 'staff', id: staffId },
            { reject_reason: reason, decided_at: at, decided_by: staffId },
            reason,
          ))
        ) {
          const status = await currentStatus(trx, id);
          throw new AppError('INVALID_STATE', `refund is ${status}; only a requested refund can be rejected`, { status });
        }
        await releaseReservation(trx, r);
        return load(trx, id);
      });
    },

    /**
     * requested → processing (recorded with who and when), then the platform's refund with outRefundNo = refundNo.
     * A refund left in processing by a platform failure is approved again the same way: the platform treats the
     * repeated refund number as the same refund. It completes on the platform's notification (Alipay, which
     * refunds synchronously, completes here).
     */
    async approve(staffId: number, id: number): Promise<Refund> {
      const actor: Actor = { type: 'staff', id: staffId };
      const r = await inTransaction(db, async (trx) => {
        const row = await repo.findRefund(trx, id);
        if (!row) throw new AppError('NOT_FOUND', `refund ${id} not found`);
        const at = clock.now().toISOString();
        if (row.status === 'requested' && (await move(trx, row, ['requested'], 'processing', actor, { decided_at: at, decided_by: staffId })))
          return row;
        const status = await currentStatus(trx, id);
        if (status !== 'processing') throw new AppError('INVALID_STATE', `refund is ${status}; only a requested refund can be approved`, { status });
        await repo.insertEvent(trx, {
          refund_id: id,
          from_status: 'processing',
          to_status: 'processing',
          actor_type: 'staff',
          actor_id: staffId,
          note: 'platform refund requested again',
          created_at: at,
        });
        return row;
      });

      const facts = (await orders.paymentFacts(db, r.order_id))!;
      const payoutFen = r.amount_fen - r.points_deduction_fen;
      if (payoutFen === 0) {
        // All of it kept back for spent points: no money moves, so no platform is asked.
        await inTransaction(db, async (trx) => {
          const fresh = (await repo.findRefund(trx, id))!;
          await complete(trx, fresh, { type: 'system', id: null }, null, 'nothing to pay back: kept for points already spent');
        });
        return load(db, id);
      }
      let result: Awaited<ReturnType<(typeof payments)[typeof r.platform]['refund']>>;
      try {
        result = await payments[r.platform].refund({
          outTradeNo: facts.orderNo,
          outRefundNo: r.refund_no,
          refundFen: payoutFen,
          totalFen: facts.paidFen ?? facts.payableFen,
          reason: r.reason,
          ...(facts.transactionId ? { transactionId: facts.transactionId } : {}),
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        logger.warn(
          { err, refundNo: r.refund_no, platform: r.platform },
          'platform refused or could not take a refund; it stays processing for a retry',
        );
        await repo.update(db, id, { last_error: message.slice(0, 500), updated_at: clock.now().toISOString() });
        throw new AppError('PLATFORM_UNAVAILABLE', 'the payment platform did not take the refund; approve it again to retry', {
          refundId: id,
          status: 'processing',
          platformError: isAppError(err) ? { code: err.code, message: err.message, details: err.details } : undefined,
        });
      }
      await repo.update(db, id, { platform_refund_id: result.refundId, last_error: null, updated_at: clock.now().toISOString() });
      if (result.status === 'SUCCESS') {
        await inTransaction(db, async (trx) => {
          const fresh = (await repo.findRefund(trx, id))!;
          await complete(trx, fresh, { type: 'platform', id: null }, result.refundId, `${r.platform} refunded synchronously`);
        });
      }
      return load(db, id);
    },

    /**
     * A verified refund notification, inside the notification's transaction. SUCCESS completes the refund once;
     * CLOSED / ABNORMAL fail it and give the reservation back. Anything that does not match our refund is refused.
     */
    async applyNotification(trx: Tx, n: PaymentNotification): Promise<RefundNotificationOutcome> {
      const r = n.outRefundNo ? await repo.findRefundByNo(trx, n.outRefundNo) : undefined;
      if (!r) return { ok: false, reason: `unknown out_refund_no ${String(n.outRefundNo)}` };
      const facts = (await orders.paymentFacts(trx, r.order_id))!;
      if (facts.orderNo !== n.outTradeNo || r.platform !== n.platform) return { ok: false, reason: `refund ${r.refund_no} belongs to another trade` };
      const payoutFen = r.amount_fen - r.points_deduction_fen;
      if (n.refundFen !== undefined && n.refundFen !== payoutFen) return { ok: false, reason: `refund amount ${n.refundFen} is not ${payoutFen}` };
      const paid = facts.paidFen ?? facts.payableFen;
      if (n.platform !== 'tt' && n.amountFen !== paid) return { ok: false, reason: `trade total ${n.amountFen} is not the paid ${paid}` };
      if (n.refundedTotalFen !== undefined && n.refundedTotalFen > paid)
        return { ok: false, reason: `refunded total ${n.refundedTotalFen} exceeds the paid ${paid}` };

      const actor: Actor = { type: 'platform', id: null };
      if (n.refundState === 'SUCCESS') {
        if (await complete(trx, r, actor, n.refundId ?? null, `${n.platform} refund notification`)) return { ok: true, outcome: 'refund_succeeded' };
        const status = await currentStatus(trx, r.id);
        return status === 'succeeded'
          ? { ok: true, outcome: 'refund_already_succeeded' }
          : { ok: false, reason: `refund ${r.refund_no} is ${status}, not processing` };
      }
      const at = clock.now().toISOString();
      if (
        await move(
          trx,
          r,
          ['processing'],
          'failed',
          actor,
          { completed_at: at, last_error: `platform refund ${n.refundState}` },
          `${n.platform} refund ${n.refundState}`,
        )
      ) {
        await releaseReservation(trx, r);
        return { ok: true, outcome: 'refund_failed' };
      }
      return { ok: true, outcome: 'refund_not_processing' };
    },

    /** For tests and the console: a refund's history. */
    events: (id: number) => repo.listEvents(db, id),
  };
}
