import type { PaymentException, PaymentExceptionPage, PaymentExceptionQuery } from '@siyu/shared';
import type { PaymentExceptionRefundSettings } from '../../config.js';
import type { DB } from '../../db/connection.js';
import type { PaymentExceptionStateValue } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { inTransaction, type Executor, type Tx } from '../../lib/transaction.js';
import type { PaymentAdapters, PaymentNotification, PaymentPlatform, RefundResult } from '../../platforms/types.js';
import * as repo from './payment-exceptions.repository.js';
import type { RefundNotificationOutcome } from './refunds.service.js';
import type { PaymentExceptionKind } from '@siyu/shared';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findException>>>;
type Actor = { type: 'staff' | 'system' | 'platform'; id: number | null };

/** What one attempt ended in; null when this caller did not get the claim (another worker has it, or nothing is due). */
export type ExceptionRefundOutcome = 'refunded' | 'processing' | 'retrying' | 'failed' | 'superseded';

/**
 * Our refund number for an exception: `E` + the order number + the id (at least 6 digits). Derived only from the
 * row, so every attempt, by any worker or process, after any crash, asks the platform for the same refund; and it
 * cannot collide with a refund request's number (`R…`). 33 characters for ids below a million, within every
 * platform's 64.
 */
export function exceptionRefundNo(row: { id: number; order_no: string }): string {
  return `E${row.order_no}${String(row.id).padStart(6, '0')}`;
}

function toDto(r: Row): PaymentException {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNo: r.order_no,
    kind: r.kind,
    platform: r.platform as PaymentPlatform,
    transactionId: r.transaction_id,
    amountFen: r.amount_fen,
    state: r.state,
    refundNo: r.refund_no,
    attempts: r.attempts,
    failures: r.failures,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    platformRefundId: r.platform_refund_id,
    refundedAt: r.refunded_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const REASONS = { payment_received_after_close: '订单已关闭，退回付款', duplicate_payment: '重复支付，退回付款' } as const;

export interface PaymentExceptionsService {
  attempt(id: number): Promise<ExceptionRefundOutcome | null>;
  /**
   * An order's payment exceptions (raw rows), oldest first.
   */
  forOrder(orderId: number): Promise<
    {
      id: number;
      state: PaymentExceptionStateValue;
      kind: PaymentExceptionKind;
      platform: string;
      attempts: number;
      failures: number;
      order_id: number;
      order_no: string;
      transaction_id: string;
      amount_fen: number;
      created_at: string;
      refund_no: string | null;
      next_attempt_at: string | null;
      claimed_until: string | null;
      last_error: string | null;
      platform_refund_id: string | null;
      refunded_at: string | null;
      updated_at: string;
    }[]
  >;
  /**
   * Refunds every exception that is due (pending and past its next attempt, or claimed by a worker whose lease ran
   * out). Safe to run in several workers and processes at once: each attempt is won by one claim.
   */
  processQueue(batchSize?: number): Promise<Record<ExceptionRefundOutcome, number>>;
  /**
   * A verified refund notification, inside the notification's transaction. Null when its refund number is not one
   * of ours (the refunds module then tries). SUCCESS completes the exception once, whatever we thought of it (the
   * platform's word that the money went back wins); CLOSED / ABNORMAL leave it for a human (refund_failed).
   */
  applyNotification(trx: Tx, n: PaymentNotification): Promise<RefundNotificationOutcome | null>;
  list(query: PaymentExceptionQuery): Promise<PaymentExceptionPage>;
  get(id: number): Promise<PaymentException>;
  /**
   * Staff revive one the queue gave up on: refund_failed → refund_pending (failures reset), then one attempt now.
   */
  retry(staffId: number, id: number): Promise<PaymentException>;
  /**
   * For tests and the console: an exception's history.
   */
  events(id: number): Promise<
    {
      id: number;
      note: string | null;
      created_at: string;
      exception_id: number;
      from_state: PaymentExceptionStateValue | null;
      to_state: PaymentExceptionStateValue;
      actor_type: 'platform' | 'staff' | 'system';
      actor_id: number | null;
    }[]
  >;
}

/**
 * Works through `payment_exceptions`: each payment that must go back is refunded in full on its platform, once.
 * A worker claims a row with one guarded update (refund_pending → refunding, attempts + 1, a lease), calls the
 * platform with the row's fixed refund number, and records the answer with another guarded update that names its
 * claim (state refunding and attempts = its own). Failures back off exponentially and give up to refund_failed.
 */
export function createPaymentExceptionsService(deps: {
  db: DB;
  clock: Clock;
  payments: PaymentAdapters;
  logger: Logger;
  settings: PaymentExceptionRefundSettings;
}): PaymentExceptionsService {
  const { db, clock, payments, logger, settings } = deps;

  async function move(
    trx: Tx,
    row: { id: number; state: PaymentExceptionStateValue },
    from: PaymentExceptionStateValue[],
    to: PaymentExceptionStateValue,
    actor: Actor,
    set: Parameters<typeof repo.transition>[4],
    note: string | null,
    attempts?: number,
  ): Promise<boolean> {
    const at = clock.now().toISOString();
    if (!(await repo.transition(trx, row.id, from, to, set, at, attempts))) return false;
    await repo.insertEvent(trx, {
      exception_id: row.id,
      from_state: from.length === 1 ? from[0]! : row.state,
      to_state: to,
      actor_type: actor.type,
      actor_id: actor.id,
      note,
      created_at: at,
    });
    return true;
  }

  function backoffMs(failures: number): number {
    return Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  }

  /** One attempt at one exception, if this caller wins the claim. */
  async function attempt(id: number): Promise<ExceptionRefundOutcome | null> {
    const row = await repo.findException(db, id);
    if (!row || (row.state !== 'refund_pending' && row.state !== 'refunding')) return null;
    const now = clock.now();
    const at = now.toISOString();
    const refundNo = row.refund_no ?? exceptionRefundNo({ id: row.id, order_no: row.order_no });
    const token = row.attempts + 1;
    const claimed = await inTransaction(db, async (trx) => {
      if (
        !(await repo.claim(
          trx,
          { id, state: row.state, attempts: row.attempts },
          { refundNo, claimedUntil: new Date(now.getTime() + settings.leaseMs).toISOString(), at },
        ))
      )
        return false;
      const note =
        row.state === 'refunding'
          ? `attempt ${token}: the previous claim's lease ran out; refund ${refundNo} again`
          : `attempt ${token}: refund ${refundNo}`;
      await repo.insertEvent(trx, {
        exception_id: id,
        from_state: row.state,
        to_state: 'refunding',
        actor_type: 'system',
        actor_id: null,
        note,
        created_at: at,
      });
      return true;
    });
    if (!claimed) return null;

    const amountFen = row.amount_fen;
    const system: Actor = { type: 'system', id: null };
    const mine = { id, state: 'refunding' as const };
    let result: RefundResult;
    try {
      const adapter = payments[row.platform as PaymentPlatform];
      if (!adapter) throw new AppError('INTERNAL', `no payment adapter for platform ${row.platform}`);
      result = await adapter.refund({
        outTradeNo: row.order_no,
        outRefundNo: refundNo,
        refundFen: amountFen,
        totalFen: amountFen,
        reason: REASONS[row.kind],
        transactionId: row.transaction_id,
      });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const failures = row.failures + 1;
      const giveUp = failures >= settings.maxFailures;
      const nextAttemptAt = giveUp ? null : new Date(clock.now().getTime() + backoffMs(failures)).toISOString();
      const recorded = await inTransaction(db, (trx) =>
        move(
          trx,
          mine,
          ['refunding'],
          giveUp ? 'refund_failed' : 'refund_pending',
          system,
          { claimed_until: null, failures, next_attempt_at: nextAttemptAt, last_error: message },
          giveUp ? `gave up after ${failures} failures: ${message}` : `failed (${failures}): ${message}`,
          token,
        ),
      );
      logger.warn(
        { err, exceptionId: id, refundNo, platform: row.platform, failures, giveUp, nextAttemptAt },
        'refund of a payment exception failed',
      );
      if (!recorded) return 'superseded';
      return giveUp ? 'failed' : 'retrying';
    }
    const done = result.status === 'SUCCESS';
    const recorded = await inTransaction(db, (trx) =>
      move(
        trx,
        mine,
        ['refunding'],
        done ? 'refunded' : 'refund_processing',
        done ? { type: 'platform', id: null } : system,
        {
          claimed_until: null,
          failures: 0,
          platform_refund_id: result.refundId,
          last_error: null,
          ...(done ? { refunded_at: clock.now().toISOString() } : {}),
        },
        done ? `${row.platform} refunded synchronously` : `${row.platform} took refund ${refundNo}`,
        token,
      ),
    );
    logger.info({ exceptionId: id, refundNo, platform: row.platform, status: result.status, recorded }, 'payment exception refund requested');
    // Not recorded: the platform's notification completed it first (or, past the lease, another worker took over).
    return recorded ? (done ? 'refunded' : 'processing') : 'superseded';
  }

  async function load(executor: Executor, id: number): Promise<PaymentException> {
    const r = await repo.findException(executor, id);
    if (!r) throw new AppError('NOT_FOUND', `payment exception ${id} not found`);
    return toDto(r);
  }

  return {
    attempt,

    /** An order's payment exceptions (raw rows), oldest first. */
    forOrder: (orderId: number) => repo.listForOrder(db, orderId),

    /**
     * Refunds every exception that is due (pending and past its next attempt, or claimed by a worker whose lease ran
     * out). Safe to run in several workers and processes at once: each attempt is won by one claim.
     */
    async processQueue(batchSize = 50): Promise<Record<ExceptionRefundOutcome, number>> {
      const tally: Record<ExceptionRefundOutcome, number> = { refunded: 0, processing: 0, retrying: 0, failed: 0, superseded: 0 };
      for (;;) {
        const ids = await repo.claimableIds(db, clock.now().toISOString(), batchSize);
        let won = 0;
        for (const id of ids) {
          const outcome = await attempt(id);
          if (outcome) {
            tally[outcome] += 1;
            won += 1;
          }
        }
        if (ids.length < batchSize || won === 0) return tally;
      }
    },

    /**
     * A verified refund notification, inside the notification's transaction. Null when its refund number is not one
     * of ours (the refunds module then tries). SUCCESS completes the exception once, whatever we thought of it (the
     * platform's word that the money went back wins); CLOSED / ABNORMAL leave it for a human (refund_failed).
     */
    async applyNotification(trx: Tx, n: PaymentNotification): Promise<RefundNotificationOutcome | null> {
      const r = n.outRefundNo ? await repo.findByRefundNo(trx, n.outRefundNo) : undefined;
      if (!r) return null;
      const amountFen = r.amount_fen;
      if (r.order_no !== n.outTradeNo || r.platform !== n.platform) return { ok: false, reason: `refund ${r.refund_no} belongs to another trade` };
      if (n.refundFen !== undefined && n.refundFen !== amountFen) return { ok: false, reason: `refund amount ${n.refundFen} is not ${amountFen}` };
      if (n.platform !== 'tt' && n.amountFen !== amountFen) return { ok: false, reason: `trade total ${n.amountFen} is not the paid ${amountFen}` };
      if (n.refundedTotalFen !== undefined && n.refundedTotalFen > amountFen)
        return { ok: false, reason: `refunded total ${n.refundedTotalFen} exceeds the paid ${amountFen}` };

      const row = { id: r.id, state: r.state };
      const platform: Actor = { type: 'platform', id: null };
      const at = clock.now().toISOString();
      if (n.refundState === 'SUCCESS') {
        const set = {
          claimed_until: null,
          next_attempt_at: null,
          last_error: null,
          refunded_at: at,
          ...(n.refundId ? { platform_refund_id: n.refundId } : {}),
        };
        // From any state but refunded, in one guarded statement: a worker recording its own answer concurrently either
        // commits first (and this still applies) or finds the row refunded and records nothing.
        if (
          await move(
            trx,
            row,
            ['refund_pending', 'refunding', 'refund_processing', 'refund_failed'],
            'refunded',
            platform,
            set,
            `${n.platform} refund notification`,
          )
        )
          return { ok: true, outcome: 'exception_refunded' };
        return { ok: true, outcome: 'exception_already_refunded' };
      }
      const note = `${n.platform} refund ${String(n.refundState)}`;
      if (
        await move(
          trx,
          row,
          ['refunding', 'refund_processing'],
          'refund_failed',
          platform,
          { claimed_until: null, next_attempt_at: null, last_error: note },
          note,
        )
      ) {
        logger.warn(
          { exceptionId: row.id, refundNo: r.refund_no, refundState: n.refundState },
          'the platform did not complete the refund of a payment exception; left for staff',
        );
        return { ok: true, outcome: 'exception_refund_failed' };
      }
      return { ok: true, outcome: 'exception_not_processing' };
    },

    async list(query: PaymentExceptionQuery): Promise<PaymentExceptionPage> {
      const { rows, total } = await repo.pageExceptions(db, { state: query.state }, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map(toDto), page: query.page, pageSize: query.pageSize, total };
    },

    get: (id: number) => load(db, id),

    /** Staff revive one the queue gave up on: refund_failed → refund_pending (failures reset), then one attempt now. */
    async retry(staffId: number, id: number): Promise<PaymentException> {
      await inTransaction(db, async (trx) => {
        const r = await repo.findException(trx, id);
        if (!r) throw new AppError('NOT_FOUND', `payment exception ${id} not found`);
        if (
          !(await move(
            trx,
            { id, state: r.state },
            ['refund_failed'],
            'refund_pending',
            { type: 'staff', id: staffId },
            { failures: 0, next_attempt_at: null },
            'retried by staff',
          ))
        ) {
          const state = (await repo.findException(trx, id))?.state;
          throw new AppError('INVALID_STATE', `payment exception is ${state}; only a refund_failed one can be retried`, { state });
        }
      });
      await attempt(id);
      return load(db, id);
    },

    /** For tests and the console: an exception's history. */
    events: (id: number) => repo.listEvents(db, id),
  };
}
