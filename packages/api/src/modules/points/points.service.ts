import {
  addDays,
  startOfBusinessDay,
  type CheckoutPoints,
  type MerchantPointsLedgerPage,
  type PointsAdjustmentRequest,
  type PointsAdjustmentResult,
  type PointsLedgerPage,
  type PointsReason,
  type PointsRules,
  type PointsSummary,
  type PointsTask,
} from '@siyu/shared';
import { randomUUID } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { isForeignKeyViolation, isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import type { PointsKindValue } from '../../db/schema.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { OrderParticipant } from '../orders/index.js';
import { type Adjustment, priceOrder } from '../pricing/index.js';
import type { SettingsService } from '../settings/index.js';
import { checkoutRate, expiryFor, POINTS_RULES, pointsForPaidGoods } from './points-rules.js';
import * as repo from './points.repository.js';

/** One entry posted to the ledger (a credit or a debit). */
export interface CreditInput {
  memberId: number;
  /** > 0 credits, < 0 debits (never below zero: INSUFFICIENT_POINTS). */
  delta: number;
  reason: PointsReason;
  /** Unique per member and source event ("check-in:2026-11-22"): a retried event cannot post twice. */
  sourceKey: string;
  note?: string | null;
  at: Date;
  /** The staff member behind a manual adjustment. */
  staffId?: number | null;
  /** Defaults: earn for credits, spend for debits. */
  kind?: PointsKindValue;
}

export type PointsService = ReturnType<typeof createPointsService>;

const CHECKOUT_SOURCE = (orderId: number) => `checkout:order:${orderId}`;
const ORDER_SOURCE = (orderId: number) => `order:${orderId}`;

/**
 * The points economy (docs/decisions/015-points.md). The ledger is append-only and its entries sum to the balance
 * (available − debt). Credits become lots with an expiry; debits take the soonest-expiring lots first and record which,
 * so a reversal gives exactly those back. Orders earn pending points that mature once the refund window after completion
 * has passed. Every operation on a member's points takes that member's transaction lock (PostgreSQL; SQLite has one
 * writer), and conditional updates with CHECKs stand behind every limit (invariants 3 and 4).
 */
export function createPointsService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  logger: Logger;
  /** The member's multiplier for points earned by orders, in basis points (10000 = 1×; tiers). */
  earningMultiplierBp?: (executor: Executor, memberId: number) => Promise<number>;
  /** Runs in the transaction that pays a one-off task's reward (tiers add growth). */
  taskCompleted?: (trx: Tx, e: { memberId: number; task: PointsTask; at: string }) => Promise<void>;
}) {
  const { db, clock, timeZone, settings, logger } = deps;
  const multiplierBpOf = deps.earningMultiplierBp ?? (async () => 10_000);
  const rulesOf = (executor: Executor = db) => settings.get(POINTS_RULES, executor);

  async function insertEntry(
    trx: Tx,
    input: {
      memberId: number;
      delta: number;
      kind: PointsKindValue;
      reason: PointsReason;
      sourceKey: string;
      note?: string | null;
      staffId?: number | null;
      at: string;
    },
  ) {
    try {
      return await repo.insertLedgerEntry(trx, {
        memberId: input.memberId,
        delta: input.delta,
        kind: input.kind,
        reason: input.reason,
        sourceKey: input.sourceKey,
        note: input.note ?? null,
        createdAt: input.at,
        staffId: input.staffId ?? null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', `points for ${input.sourceKey} were already posted`);
      if (isForeignKeyViolation(err)) throw new AppError('NOT_FOUND', `member ${input.memberId} not found`);
      throw err;
    }
  }

  /** A credit: repays debt first, the rest becomes a lot expiring under the rules in force now. */
  async function credit(trx: Tx, input: Omit<CreditInput, 'delta' | 'at'> & { amount: number; at: string; rules: PointsRules }) {
    await lockForTransaction(trx, 'points', input.memberId);
    const entryId = await insertEntry(trx, { ...input, delta: input.amount, kind: input.kind ?? 'earn' });
    await repo.ensureAccount(trx, input.memberId, input.at);
    const repaid = await repo.repayDebt(trx, input.memberId, input.amount, input.at);
    const lotAmount = input.amount - repaid;
    let balance = await repo.findBalance(trx, input.memberId);
    if (lotAmount > 0) {
      await repo.insertLot(trx, {
        memberId: input.memberId,
        entryId,
        amount: lotAmount,
        earnedAt: input.at,
        expiresAt: expiryFor(input.rules, new Date(input.at), timeZone),
      });
      balance = (await repo.moveBalance(trx, input.memberId, lotAmount, input.at))!;
    }
    return { entryId, balance };
  }

  /** Takes `amount` from the member's lots, soonest to expire first, recording each use under `entryId`. */
  async function consumeLots(trx: Tx, memberId: number, entryId: number, amount: number) {
    let need = amount;
    const uses: { entryId: number; lotId: number; amount: number }[] = [];
    for (const lot of await repo.openLots(trx, memberId)) {
      if (need === 0) break;
      const take = Math.min(need, Number(lot.remaining));
      if (!(await repo.takeFromLot(trx, Number(lot.id), take))) throw new AppError('INTERNAL', `points lot ${lot.id} changed under a debit`);
      uses.push({ entryId, lotId: Number(lot.id), amount: take });
      need -= take;
    }
    if (need > 0) throw new AppError('INTERNAL', `member ${memberId}'s lots do not cover the balance`);
    await repo.insertLotUses(trx, uses);
  }

  /** A debit: never below zero (INSUFFICIENT_POINTS, nothing written). */
  async function debit(trx: Tx, input: Omit<CreditInput, 'delta' | 'at'> & { amount: number; at: string }) {
    await lockForTransaction(trx, 'points', input.memberId);
    const entryId = await insertEntry(trx, { ...input, delta: -input.amount, kind: input.kind ?? 'spend' });
    await repo.ensureAccount(trx, input.memberId, input.at);
    const balance = await repo.moveBalance(trx, input.memberId, -input.amount, input.at);
    if (balance === undefined) {
      const has = await repo.findBalance(trx, input.memberId);
      throw new AppError('INSUFFICIENT_POINTS', `the balance is ${has}; cannot take ${input.amount}`, { balance: has });
    }
    await consumeLots(trx, input.memberId, entryId, input.amount);
    return { entryId, balance };
  }

  /** Gives back up to `amount` of what the debit `debitSource` took, to the very lots it took them from. */
  async function returnDebit(
    trx: Tx,
    input: { memberId: number; debitSource: string; amount: number; reason: PointsReason; sourceKey: string; at: string },
  ) {
    await lockForTransaction(trx, 'points', input.memberId);
    const debitEntry = await repo.findEntryBySource(trx, input.memberId, input.debitSource);
    if (!debitEntry || input.amount <= 0) return 0;
    let left = input.amount;
    const giveBack: { useId: number; lotId: number; amount: number }[] = [];
    for (const use of await repo.returnableUses(trx, Number(debitEntry.id))) {
      if (left === 0) break;
      const give = Math.min(left, Number(use.amount) - Number(use.returned));
      giveBack.push({ useId: Number(use.useId), lotId: Number(use.lotId), amount: give });
      left -= give;
    }
    const total = input.amount - left;
    if (total === 0) return 0;
    await insertEntry(trx, {
      memberId: input.memberId,
      delta: total,
      kind: 'reverse',
      reason: input.reason,
      sourceKey: input.sourceKey,
      at: input.at,
    });
    for (const g of giveBack) {
      if (!(await repo.markReturned(trx, g.useId, g.amount))) throw new AppError('INTERNAL', `points use ${g.useId} was given back twice`);
      await repo.giveBackToLot(trx, g.lotId, g.amount);
    }
    await repo.moveBalance(trx, input.memberId, total, input.at);
    return total;
  }

  /**
   * Takes back `amount` points a refunded order had earned. What is available goes; the rest (already spent) becomes
   * debt repaid from future earnings, or, when the merchant deducts it from refunds instead, is forgiven (its value was
   * kept back from the refund). Returns [taken, short].
   */
  async function takeBackEarned(trx: Tx, input: { memberId: number; amount: number; sourceKey: string; at: string; rules: PointsRules }) {
    await lockForTransaction(trx, 'points', input.memberId);
    await repo.ensureAccount(trx, input.memberId, input.at);
    const available = await repo.findBalance(trx, input.memberId);
    const take = Math.min(available, input.amount);
    const short = input.amount - take;
    const intoDebt = input.rules.refundOfSpentPoints === 'allow_negative' ? short : 0;
    if (take + intoDebt === 0) return [0, short] as const;
    const entryId = await insertEntry(trx, {
      memberId: input.memberId,
      delta: -(take + intoDebt),
      kind: 'reverse',
      reason: 'order_refund',
      sourceKey: input.sourceKey,
      at: input.at,
    });
    if (take > 0) {
      await repo.moveBalance(trx, input.memberId, -take, input.at);
      await consumeLots(trx, input.memberId, entryId, take);
    }
    if (intoDebt > 0) await repo.addDebt(trx, input.memberId, intoDebt, input.at);
    if (short > 0) logger.info({ memberId: input.memberId, short, rule: input.rules.refundOfSpentPoints }, 'refund took back points already spent');
    return [take, short] as const;
  }

  /** What a refund of `amountFen` out of `payableFen` takes back of what an order earned (all that is left, when whole). */
  function shareOf(earned: number, left: number, amountFen: number, payableFen: number, whole: boolean): number {
    if (whole || payableFen <= 0) return left;
    return Math.min(left, Math.floor((earned * amountFen) / payableFen));
  }

  /** The points part of a checkout: whether and how much the member can pay with points, and what it saves. */
  async function checkoutOffer(
    executor: Executor,
    memberId: number,
    checkout: Parameters<NonNullable<OrderParticipant['adjustments']>>[1],
    earlier: readonly Adjustment[],
  ) {
    const rules = await rulesOf(executor);
    const available = await repo.findBalance(executor, memberId);
    const using = checkout.request.usePoints === true;
    const none = (reason: string | null): { adjustments: Adjustment[]; points: CheckoutPoints } => {
      // Placing an order that asked for points that cannot be used now (spent meanwhile): refused, not silently dearer.
      if (using && checkout.purpose === 'create') {
        throw new AppError('INSUFFICIENT_POINTS', `points cannot be used on this order now: ${reason ?? 'unavailable'}`, { available, reason });
      }
      return {
        adjustments: [],
        points: {
          enabled: rules.checkout.enabled,
          available,
          maxPoints: 0,
          maxSavingFen: 0,
          using: false,
          pointsUsed: 0,
          savingFen: 0,
          unavailableReason: reason,
        },
      };
    };
    if (!rules.checkout.enabled) return none(zhCN.points.checkoutOff);
    if (available <= 0) return none(zhCN.points.noneAvailable);
    const rate = checkoutRate(rules);
    const adjustment: Adjustment = {
      kind: 'points',
      code: 'points',
      label: zhCN.points.checkoutLabel,
      source: { type: 'points', id: null },
      amount: { type: 'up_to_share', maxFen: rate.fenFor(available), shareBasisPoints: rules.checkout.maxShareBp, stepFen: rate.stepFen },
    };
    const priced = priceOrder({
      lines: checkout.lines.map((l) => ({ key: l.key, unitPriceFen: l.unitPriceFen, quantity: l.quantity })),
      shipping: checkout.shipping,
      adjustments: [...earlier, adjustment],
    });
    const mine = priced.adjustments.find((a) => a.kind === 'points')!;
    if (mine.status === 'excluded') return none(zhCN.points.notWithCoupon);
    const maxSavingFen = mine.amountFen;
    const maxPoints = rate.pointsFor(maxSavingFen);
    if (maxSavingFen === 0) return none(zhCN.points.tooLittle);
    return {
      adjustments: using ? [adjustment] : [],
      points: {
        enabled: true,
        available,
        maxPoints,
        maxSavingFen,
        using,
        pointsUsed: using ? maxPoints : 0,
        savingFen: using ? maxSavingFen : 0,
        unavailableReason: null,
      },
    };
  }

  /** Points' part in the order lifecycle. */
  const orderParticipant: OrderParticipant = {
    name: 'points',
    async adjustments(executor, checkout, earlier) {
      return checkoutOffer(executor, checkout.memberId, checkout, earlier);
    },
    async created(trx, e) {
      const used = e.adjustments.find((a) => a.kind === 'points');
      if (!used) return;
      const rules = await rulesOf(trx);
      await debit(trx, {
        memberId: e.memberId,
        amount: checkoutRate(rules).pointsFor(used.amountFen),
        kind: 'spend',
        reason: 'checkout',
        sourceKey: CHECKOUT_SOURCE(e.orderId),
        note: e.orderNo,
        at: e.at,
      });
    },
    async closedUnpaid(trx, e) {
      // Everything the order took goes back (no-op when it took none).
      await returnDebit(trx, {
        memberId: e.memberId,
        debitSource: CHECKOUT_SOURCE(e.orderId),
        amount: Number.MAX_SAFE_INTEGER,
        reason: 'checkout_return',
        sourceKey: `checkout-return:order:${e.orderId}:closed`,
        at: e.at,
      });
    },
    async paid(trx, e) {
      // The cash part of a points-mall redemption earns nothing (it was bought with points).
      if (e.kind !== 'goods') return;
      const rules = await rulesOf(trx);
      const paidGoodsFen = e.lines.reduce((sum, l) => sum + l.paidFen, 0);
      const earned = pointsForPaidGoods(paidGoodsFen, rules, await multiplierBpOf(trx, e.memberId));
      if (earned > 0)
        await repo.insertPending(trx, { memberId: e.memberId, sourceKey: ORDER_SOURCE(e.orderId), orderId: e.orderId, amount: earned, at: e.paidAt });
      if (e.firstPaidOrder) await completeTaskIn(trx, e.memberId, 'first_order', new Date(e.paidAt));
    },
    async completed(trx, e) {
      const pending = await repo.findPendingForOrder(trx, e.orderId);
      if (!pending) return;
      const rules = await rulesOf(trx);
      const maturesAt = new Date(Date.parse(e.completedAt) + rules.earning.maturityDays * 24 * 3600_000).toISOString();
      await repo.setMaturesAt(trx, Number(pending.id), maturesAt, e.completedAt);
    },
    async refundRequested(trx, e) {
      const rules = await rulesOf(trx);
      if (rules.refundOfSpentPoints !== 'deduct_from_refund') return 0;
      const pending = await repo.findPendingForOrder(trx, e.orderId);
      if (pending?.status !== 'matured') return 0;
      const toTake = shareOf(Number(pending.amount), Number(pending.remaining), e.amountFen, e.payableFen, e.wholeOrder);
      const short = toTake - Math.min(toTake, await repo.findBalance(trx, e.memberId));
      if (short <= 0) return 0;
      // The value of the spent points at the checkout rate, rounded up to the fen.
      return Math.min(e.amountFen, Math.ceil((short * 100) / rules.checkout.pointsPerYuan));
    },
    async refunded(trx, e) {
      const rules = await rulesOf(trx);
      // Points it earned: pending ones are simply cut; matured ones are taken back. The row is locked first, as the
      // maturity job does, so a refund and a maturing that meet see each other's work (invariant 21).
      const pending = await repo.lockPendingForOrder(trx, e.orderId);
      if (pending && Number(pending.remaining) > 0) {
        const take = shareOf(Number(pending.amount), Number(pending.remaining), e.amountFen, e.payableFen, e.fullyRefunded);
        if (take > 0 && (await repo.reducePending(trx, Number(pending.id), take, e.refundedAt)) && pending.status === 'matured') {
          await takeBackEarned(trx, {
            memberId: e.memberId,
            amount: take,
            sourceKey: `order-refund:${e.orderId}:${e.refundNo}`,
            at: e.refundedAt,
            rules,
          });
        }
      }
      // Points it spent come back in proportion to what the refund gives back.
      const spent = await repo.findEntryBySource(trx, e.memberId, CHECKOUT_SOURCE(e.orderId));
      if (spent) {
        const spentPoints = -Number(spent.delta);
        const returned = await repo.sumLedgerBySources(trx, e.memberId, `checkout-return:order:${e.orderId}:`);
        const back = e.fullyRefunded
          ? spentPoints - returned
          : Math.min(spentPoints - returned, Math.floor((spentPoints * e.amountFen) / Math.max(1, e.payableFen)));
        if (back > 0) {
          await returnDebit(trx, {
            memberId: e.memberId,
            debitSource: CHECKOUT_SOURCE(e.orderId),
            amount: back,
            reason: 'checkout_return',
            sourceKey: `checkout-return:order:${e.orderId}:${e.refundNo}`,
            at: e.refundedAt,
          });
        }
      }
    },
  };

  async function completeTaskIn(trx: Tx, memberId: number, task: PointsTask, at: Date): Promise<number> {
    const rules = await rulesOf(trx);
    const reward = rules.tasks[task];
    if (reward <= 0) return 0;
    if (await repo.findEntryBySource(trx, memberId, `task:${task}`)) return 0;
    await credit(trx, { memberId, amount: reward, kind: 'earn', reason: 'task', sourceKey: `task:${task}`, note: task, at: at.toISOString(), rules });
    if (deps.taskCompleted) await deps.taskCompleted(trx, { memberId, task, at: at.toISOString() });
    return reward;
  }

  return {
    orderParticipant,
    rules: () => rulesOf(),
    updateRules: (next: PointsRules, staffId: number) => settings.set(POINTS_RULES, next, staffId),

    /**
     * Posts one entry (check-in rewards, adjustments, mall redemptions): a credit becomes a lot, a debit takes lots.
     * CONFLICT when the source key was already posted; INSUFFICIENT_POINTS when a debit is more than the balance.
     */
    async post(executor: Executor, input: CreditInput): Promise<{ entryId: number; balance: number }> {
      if (!Number.isSafeInteger(input.delta) || input.delta === 0)
        throw new AppError('VALIDATION_FAILED', 'points delta must be a non-zero integer', {
          issues: [{ field: 'delta', message: 'a non-zero integer' }],
        });
      return inTransaction(executor, async (trx) => {
        const at = input.at.toISOString();
        const base = {
          memberId: input.memberId,
          reason: input.reason,
          sourceKey: input.sourceKey,
          note: input.note ?? null,
          staffId: input.staffId ?? null,
          at,
        };
        return input.delta > 0
          ? credit(trx, { ...base, amount: input.delta, kind: input.kind ?? 'earn', rules: await rulesOf(trx) })
          : debit(trx, { ...base, amount: -input.delta, kind: input.kind ?? 'spend' });
      });
    },

    /** Gives back what a debit took (a cancelled redemption): to the same lots, once per source key. */
    returnDebit: (
      executor: Executor,
      input: { memberId: number; debitSource: string; amount: number; reason: PointsReason; sourceKey: string; at: Date },
    ) => inTransaction(executor, (trx) => returnDebit(trx, { ...input, at: input.at.toISOString() })),

    /** A one-off task's reward, once per member (0 when already paid or worth nothing). */
    completeTask: (executor: Executor, memberId: number, task: PointsTask) =>
      inTransaction(executor, (trx) => completeTaskIn(trx, memberId, task, clock.now())),

    balance: (executor: Executor, memberId: number): Promise<number> => repo.findBalance(executor, memberId),

    async balances(executor: Executor, memberIds: number[]): Promise<Map<number, number>> {
      return new Map((await repo.findBalances(executor, memberIds)).map((r) => [Number(r.member_id), Number(r.balance)]));
    },

    /** Available, pending, debt and what expires when. */
    async summary(memberId: number): Promise<PointsSummary> {
      const rules = await rulesOf();
      const [account, expiries, pending] = await Promise.all([
        repo.findAccount(db, memberId),
        repo.upcomingExpiries(db, memberId, 3),
        repo.pendingOf(db, memberId),
      ]);
      const now = clock.now().getTime();
      const next = expiries[0];
      const soon =
        next && Date.parse(next.expires_at!) - now <= rules.expiry.noticeDays * 24 * 3600_000
          ? { points: Number(next.points), at: next.expires_at! }
          : null;
      return {
        available: Number(account?.balance ?? 0),
        pending: pending.reduce((sum, p) => sum + Number(p.remaining), 0),
        debt: Number(account?.debt ?? 0),
        expiringSoon: soon,
        nextExpiries: expiries.map((e) => ({ points: Number(e.points), at: e.expires_at! })),
        pendingItems: pending.map((p) => ({
          points: Number(p.remaining),
          orderId: p.order_id === null ? null : Number(p.order_id),
          maturesAt: p.matures_at,
        })),
      };
    },

    /** The tasks a member can complete and whether each was paid. */
    async tasks(memberId: number): Promise<{ items: { task: PointsTask; points: number; done: boolean }[] }> {
      const rules = await rulesOf();
      const items = await Promise.all(
        (Object.keys(rules.tasks) as PointsTask[]).map(async (task) => ({
          task,
          points: rules.tasks[task],
          done: Boolean(await repo.findEntryBySource(db, memberId, `task:${task}`)),
        })),
      );
      return { items };
    },

    /** The member's own ledger, newest first, paged by entry id, with filters. */
    async ledgerPage(
      executor: Executor,
      memberId: number,
      limit: number,
      cursor?: number,
      filter: repo.LedgerFilter = {},
    ): Promise<PointsLedgerPage> {
      const page = await this.merchantLedgerPage(executor, memberId, limit, cursor, filter);
      return { ...page, entries: page.entries.map(({ staffId: _staffId, ...entry }) => entry) };
    },

    /** A member's ledger for the merchant: the same, with the staff member behind each manual adjustment. */
    async merchantLedgerPage(
      executor: Executor,
      memberId: number,
      limit: number,
      cursor?: number,
      filter: repo.LedgerFilter & { from?: string | undefined; to?: string | undefined } = {},
    ): Promise<MerchantPointsLedgerPage> {
      // Business days (the merchant's time zone) become instants: from the start of `from` to the end of `to`.
      const { from, to, ...rest } = filter;
      const f: repo.LedgerFilter = {
        ...rest,
        ...(from ? { createdFrom: startOfBusinessDay(from, timeZone).toISOString() } : {}),
        ...(to ? { createdBefore: startOfBusinessDay(addDays(to, 1), timeZone).toISOString() } : {}),
      };
      const [rows, balance] = await Promise.all([repo.listLedger(executor, memberId, limit + 1, cursor, f), repo.findBalance(executor, memberId)]);
      const page = rows.slice(0, limit);
      return {
        balance,
        entries: page.map((r) => ({
          id: Number(r.id),
          delta: Number(r.delta),
          kind: r.kind,
          reason: r.reason,
          sourceKey: r.source_key,
          note: r.note,
          createdAt: r.created_at,
          staffId: r.staff_id === null ? null : Number(r.staff_id),
        })),
        nextCursor: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
      };
    },

    /**
     * A manual grant or deduction by staff, as one ledger entry with its own source key (`adjustment:<key>`; the
     * client's key makes a resent request post nothing twice). Never below zero, whatever else spends at that moment.
     */
    async adjust(executor: Executor, memberId: number, staffId: number, input: PointsAdjustmentRequest, at: Date): Promise<PointsAdjustmentResult> {
      const sourceKey = `adjustment:${input.key ?? randomUUID()}`;
      try {
        const { entryId, balance } = await this.post(executor, {
          memberId,
          delta: input.delta,
          kind: 'adjust',
          reason: 'adjustment',
          sourceKey,
          note: input.reason,
          at,
          staffId,
        });
        return {
          balance,
          entry: {
            id: entryId,
            delta: input.delta,
            kind: 'adjust',
            reason: 'adjustment',
            sourceKey,
            note: input.reason,
            createdAt: at.toISOString(),
            staffId,
          },
        };
      } catch (err) {
        if (err instanceof AppError && err.code === 'INSUFFICIENT_POINTS') {
          const balance = await repo.findBalance(executor, memberId);
          throw new AppError('INSUFFICIENT_POINTS', `the balance is ${balance}; cannot deduct ${-input.delta}`, {
            balance,
            issues: [{ field: 'delta', message: `at most ${balance} can be deducted` }],
          });
        }
        if (err instanceof AppError && err.code === 'CONFLICT') {
          throw new AppError('CONFLICT', 'this adjustment was already posted', { issues: [{ field: 'key', message: 'already posted' }] });
        }
        throw err;
      }
    },

    /** Pending points whose refund window has passed become available, once each (safe to run anywhere, any time). */
    async matureDue(now: Date = clock.now(), batch = 200): Promise<number> {
      let matured = 0;
      for (const due of await repo.dueToMature(db, now.toISOString(), batch)) {
        await inTransaction(db, async (trx) => {
          // Read again under the row's lock: a refund may have cut what is left since the list was read.
          const p = await repo.lockPending(trx, Number(due.id));
          if (p?.status !== 'pending') return;
          const remaining = Number(p.remaining);
          if (!(await repo.settlePending(trx, Number(p.id), remaining > 0 ? 'matured' : 'cancelled', now.toISOString()))) return;
          if (remaining === 0) return;
          const { entryId } = await credit(trx, {
            memberId: Number(p.member_id),
            amount: remaining,
            kind: 'earn',
            reason: 'order',
            sourceKey: p.source_key,
            note: null,
            at: now.toISOString(),
            rules: await rulesOf(trx),
          });
          await repo.linkPendingEntry(trx, Number(p.id), entryId);
          matured += 1;
        });
      }
      return matured;
    },

    /** Lots past their expiry lose what is left, each once, with an expire entry (safe to run anywhere, any time). */
    async expireDue(now: Date = clock.now(), batch = 200): Promise<number> {
      let expired = 0;
      for (const lot of await repo.dueLots(db, now.toISOString(), batch)) {
        await inTransaction(db, async (trx) => {
          const memberId = Number(lot.member_id);
          await lockForTransaction(trx, 'points', memberId);
          const row = { id: Number(lot.id), remaining: Number(lot.remaining), expired: Number(lot.expired) };
          if (!(await repo.expireLot(trx, row))) return;
          await insertEntry(trx, {
            memberId,
            delta: -row.remaining,
            kind: 'expire',
            reason: 'expiry',
            sourceKey: `expiry:lot:${row.id}:${row.expired}`,
            at: now.toISOString(),
          });
          if ((await repo.moveBalance(trx, memberId, -row.remaining, now.toISOString())) === undefined) {
            throw new AppError('INTERNAL', `member ${memberId}'s balance is below their lots`);
          }
          expired += 1;
        });
      }
      return expired;
    },

    /** For audits and tests: the balance recomputed from the ledger. */
    ledgerSum: (executor: Executor, memberId: number) => repo.sumLedger(executor, memberId),

    /** For audits and tests: the ledger's sum, the open lots' sum, and the account. */
    async audit(executor: Executor, memberId: number) {
      const [ledger, lots, account] = await Promise.all([
        repo.sumLedger(executor, memberId),
        repo.sumOpenLots(executor, memberId),
        repo.findAccount(executor, memberId),
      ]);
      return { ledger, lots, balance: Number(account?.balance ?? 0), debt: Number(account?.debt ?? 0) };
    },
  };
}
