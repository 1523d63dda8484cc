import type { CheckoutPoints, PointsRules, PointsTask } from '@siyu/shared';
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { Executor, Tx } from '../../lib/transaction.js';
import type { OrderParticipant } from '../orders/events.js';
import { type Adjustment, priceOrder } from '../pricing/index.js';
import { checkoutRate, pointsForPaidGoods } from './points-rules.js';
import * as repo from './points.repository.js';
import type { PointsLedger } from './points-ledger.js';

export const CHECKOUT_SOURCE = (orderId: number) => `checkout:order:${orderId}`;
export const ORDER_SOURCE = (orderId: number) => `order:${orderId}`;

/** Points at checkout (paying part of an order) and in the order lifecycle (spent, returned, earned, taken back). */
export function createPointsCheckout(deps: {
  rulesOf: (executor?: Executor) => Promise<PointsRules>;
  ledger: PointsLedger;
  multiplierBpOf: (executor: Executor, memberId: number) => Promise<number>;
  completeTaskIn: (trx: Tx, memberId: number, task: PointsTask, at: Date) => Promise<number>;
}) {
  const { rulesOf, multiplierBpOf, completeTaskIn } = deps;
  const { debit, returnDebit, takeBackEarned } = deps.ledger;

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
    const [rules, available, multiplierBp] = await Promise.all([
      rulesOf(executor),
      repo.findBalance(executor, memberId),
      multiplierBpOf(executor, memberId),
    ]);
    const using = checkout.request.usePoints === true;
    const priceWith = (adjustments: readonly Adjustment[]) =>
      priceOrder({
        lines: checkout.lines.map((l) => ({ key: l.key, unitPriceFen: l.unitPriceFen, quantity: l.quantity })),
        shipping: checkout.shipping,
        adjustments,
      });
    /** What the order earns once paid, when its goods cost `paidGoodsFen` after every discount. */
    const earnFor = (paidGoodsFen: number) => pointsForPaidGoods(paidGoodsFen, rules, multiplierBp);
    const goodsPaid = (priced: ReturnType<typeof priceWith>) => priced.lines.reduce((sum, l) => sum + l.paidFen, 0);
    const none = (reason: string | null, paidGoodsFen: number): { adjustments: Adjustment[]; points: CheckoutPoints } => {
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
          maxShareBp: rules.checkout.maxShareBp,
          limitedBy: null,
          earnPoints: earnFor(paidGoodsFen),
        },
      };
    };
    if (!rules.checkout.enabled) return none(zhCN.points.checkoutOff, goodsPaid(priceWith(earlier)));
    if (available <= 0) return none(zhCN.points.noneAvailable, goodsPaid(priceWith(earlier)));
    const rate = checkoutRate(rules);
    const balanceFen = rate.fenFor(available);
    const adjustment: Adjustment = {
      kind: 'points',
      code: 'points',
      label: zhCN.points.checkoutLabel,
      source: { type: 'points', id: null },
      amount: { type: 'up_to_share', maxFen: balanceFen, shareBasisPoints: rules.checkout.maxShareBp, stepFen: rate.stepFen },
    };
    const priced = priceWith([...earlier, adjustment]);
    const mine = priced.adjustments.find((a) => a.kind === 'points')!;
    // Points take from the goods only: without them, the goods cost what they cost with them plus what points took.
    const paidWithoutPoints = goodsPaid(priced) + mine.amountFen;
    if (mine.status === 'excluded') return none(zhCN.points.notWithCoupon, paidWithoutPoints);
    const maxSavingFen = mine.amountFen;
    const maxPoints = rate.pointsFor(maxSavingFen);
    if (maxSavingFen === 0) return none(zhCN.points.tooLittle, paidWithoutPoints);
    const points: CheckoutPoints = {
      enabled: true,
      available,
      maxPoints,
      maxSavingFen,
      using,
      pointsUsed: using ? maxPoints : 0,
      savingFen: using ? maxSavingFen : 0,
      unavailableReason: null,
      maxShareBp: rules.checkout.maxShareBp,
      limitedBy: maxSavingFen >= balanceFen ? 'balance' : 'share',
      earnPoints: earnFor(using ? paidWithoutPoints - maxSavingFen : paidWithoutPoints),
    };
    return { adjustments: using ? [adjustment] : [], points };
  }

  /** Points' part in the order lifecycle. */
  const orderParticipant: OrderParticipant = {
    name: 'points',
    // The cash part of a points-mall redemption earns nothing (it was bought with points) and spends none at checkout.
    // A purchase at the counter earns points as an online order does (decision 039).
    kinds: ['goods', 'counter'],
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
      await repo.setMaturesAt(trx, pending.id, maturesAt, e.completedAt);
    },
    async refundRequested(trx, e) {
      const rules = await rulesOf(trx);
      if (rules.refundOfSpentPoints !== 'deduct_from_refund') return 0;
      const pending = await repo.findPendingForOrder(trx, e.orderId);
      if (pending?.status !== 'matured') return 0;
      const toTake = shareOf(pending.amount, pending.remaining, e.amountFen, e.payableFen, e.wholeOrder);
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
      if (pending && pending.remaining > 0) {
        const take = shareOf(pending.amount, pending.remaining, e.amountFen, e.payableFen, e.fullyRefunded);
        if (take > 0 && (await repo.reducePending(trx, pending.id, take, e.refundedAt)) && pending.status === 'matured') {
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
        const spentPoints = -spent.delta;
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

  return orderParticipant;
}
