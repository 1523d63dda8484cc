import type { CheckoutCoupons } from '@siyu/shared';
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { Executor } from '../../lib/transaction.js';
import type { CatalogService } from '../catalog/index.js';
import type { CheckoutContext, CheckoutOffer, OrderParticipant, ShelfOffer } from '../orders/events.js';
import { type Adjustment, priceOrder } from '../pricing/index.js';
import { type Candidate, type CheckoutForCoupons, chooseBest, inApplyOrder, judge, stacks } from './coupon-rules.js';
import * as repo from './coupons.repository.js';
import { ruleOf, toCoupon } from './coupon-views.js';

/** Coupons at checkout (usable or not and why, the best combination) and in the order lifecycle. */
export function createCouponCheckout(deps: {
  timeZone: string;
  catalog: CatalogService;
  tierLevel: (executor: Executor, memberId: number) => Promise<number>;
}) {
  const { timeZone } = deps;

  async function categoryParents(executor: Executor): Promise<(categoryId: number) => number | null> {
    const parents = await deps.catalog.categoryParents(executor);
    return (id) => parents.get(id) ?? null;
  }

  /** What judging coupons needs of the member, read once: the wallet, the tier's level, the category tree. */
  async function memberFacts(executor: Executor, memberId: number, now: string) {
    const [wallet, tierLevel, parentOf] = await Promise.all([
      repo.walletCoupons(executor, memberId, now),
      deps.tierLevel(executor, memberId),
      categoryParents(executor),
    ]);
    return { wallet, tierLevel, parentOf };
  }

  function forCoupons(
    checkout: Pick<CheckoutContext, 'lines' | 'shipping'>,
    earlier: readonly Adjustment[],
    now: string,
    facts: Awaited<ReturnType<typeof memberFacts>>,
  ): CheckoutForCoupons {
    return {
      lines: checkout.lines.map((l) => ({
        key: l.key,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        productId: l.productId,
        categoryId: l.categoryId,
      })),
      shipping: checkout.shipping,
      earlier,
      now,
      timeZone,
      tierLevel: facts.tierLevel,
      parentOf: facts.parentOf,
    };
  }

  /** Shelf prices: the best combination of the coupons the member holds (not held by an order) on one unit. */
  async function shelf(executor: Executor, memberId: number, at: Date): Promise<ShelfOffer> {
    const now = at.toISOString();
    const facts = await memberFacts(executor, memberId, now);
    const free = facts.wallet.filter((row) => row.status !== 'locked');
    return (checkout, earlier) => {
      const c = forCoupons(checkout, earlier, now, facts);
      const base = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...earlier] }).payableFen;
      const usable: Candidate[] = [];
      for (const row of free) {
        const verdict = judge(ruleOf(row), c, base);
        if (verdict.usable) usable.push({ rule: ruleOf(row), adjustment: verdict.adjustment, savingFen: verdict.savingFen });
      }
      return inApplyOrder(chooseBest(usable, c, base).chosen).map((x) => x.adjustment);
    };
  }

  /** The coupons section of a checkout and the coupon adjustments it uses. */
  async function offer(
    executor: Executor,
    checkout: CheckoutContext,
    earlier: readonly Adjustment[],
  ): Promise<CheckoutOffer & { coupons: CheckoutCoupons }> {
    const now = checkout.at.toISOString();
    const facts = await memberFacts(executor, checkout.memberId, now);
    const { wallet } = facts;
    const c = forCoupons(checkout, earlier, now, facts);
    const base = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...earlier] }).payableFen;
    const usable: Candidate[] = [];
    const coupons = new Map(wallet.map((row) => [row.id, row]));
    const unusable: CheckoutCoupons['unusable'] = [];
    for (const row of wallet) {
      const coupon = toCoupon(row, now);
      if (row.status === 'locked') {
        unusable.push({ coupon, reason: 'in_use', detail: zhCN.coupons.inUse });
        continue;
      }
      const verdict = judge(ruleOf(row), c, base);
      if (verdict.usable) usable.push({ rule: ruleOf(row), adjustment: verdict.adjustment, savingFen: verdict.savingFen });
      else unusable.push({ coupon, reason: verdict.reason, detail: verdict.detail });
    }

    const asked = checkout.request.couponIds;
    let chosen: Candidate[];
    if (asked === undefined) {
      chosen = chooseBest(usable, c, base).chosen;
    } else {
      chosen = [];
      asked.forEach((id, i) => {
        const field = `couponIds.${i}`;
        const candidate = usable.find((u) => u.rule.id === id);
        if (!candidate) {
          const why = unusable.find((u) => u.coupon.id === id);
          if (!why && !coupons.has(id)) throw new AppError('NOT_FOUND', `coupon ${id} not found`, { field });
          throw new AppError('COUPON_UNUSABLE', `coupon ${id} cannot be used on this order: ${why?.reason ?? 'unusable'}`, {
            field,
            couponId: id,
            reason: why?.reason,
            detail: why?.detail,
          });
        }
        const clash = chosen.find((x) => !stacks(x.rule, candidate.rule));
        if (clash) {
          throw new AppError('COUPON_UNUSABLE', `coupon ${id} does not combine with coupon ${clash.rule.id}`, {
            field,
            couponId: id,
            reason: 'does_not_stack',
            detail: zhCN.coupons.notWithCoupon(clash.rule.name),
          });
        }
        chosen.push(candidate);
      });
    }
    chosen = inApplyOrder(chosen);
    const adjustments = chosen.map((x) => x.adjustment);
    const priced = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...earlier, ...adjustments] });
    // Chosen by the member: each must still apply next to the others (a threshold met alone may not be met after another coupon).
    for (const [i, x] of chosen.entries()) {
      const mine = priced.adjustments.find((a) => a.source?.type === 'coupon' && a.source.id === x.rule.id);
      if (asked !== undefined && mine?.status !== 'applied') {
        throw new AppError('COUPON_UNUSABLE', `coupon ${x.rule.id} no longer applies next to the other coupons chosen`, {
          field: `couponIds.${i}`,
          couponId: x.rule.id,
          reason: 'below_threshold',
          detail: zhCN.coupons.belowThreshold(x.rule.thresholdFen),
        });
      }
    }
    const payable = priced.payableFen;
    return {
      adjustments,
      coupons: {
        selectedIds: chosen.map((x) => x.rule.id),
        auto: asked === undefined,
        savingFen: base - payable,
        usable: usable.map((u) => ({ coupon: toCoupon(coupons.get(u.rule.id)!, now), savingFen: u.savingFen })),
        unusable,
      },
    };
  }

  const couponIdsOf = (adjustments: { source: { type: string; id: number | null } | null; amountFen: number }[]) =>
    adjustments.filter((a) => a.source?.type === 'coupon' && a.source.id !== null).map((a) => ({ id: a.source!.id!, amountFen: a.amountFen }));

  /** Coupons' part in the order lifecycle. */
  const participant: OrderParticipant = {
    name: 'coupons',
    // Coupons are chosen at checkout; a points-mall order carries none.
    kinds: ['goods'],
    adjustments: offer,
    shelf,
    async created(trx, e) {
      for (const { id } of couponIdsOf(e.adjustments)) {
        if (!(await repo.lockForOrder(trx, { couponId: id, memberId: e.memberId, orderId: e.orderId, now: e.at }))) {
          throw new AppError('COUPON_UNUSABLE', `coupon ${id} was used by another order or is no longer valid`, { couponId: id, reason: 'in_use' });
        }
      }
    },
    async closedUnpaid(trx, e) {
      await repo.releaseForOrder(trx, e.orderId, e.at);
    },
    async paid(trx, e) {
      for (const { id, amountFen } of couponIdsOf(e.adjustments)) {
        const used = await repo.markUsed(trx, { couponId: id, orderId: e.orderId, discountFen: amountFen, orderPaidFen: e.amountFen, at: e.paidAt });
        if (used) await repo.countUse(trx, used.template_id, 1);
      }
    },
    async refunded(trx, e) {
      // A partial refund keeps the coupon used; the refund that empties the order returns it while it is still valid.
      if (!e.fullyRefunded) return;
      for (const back of await repo.returnUsed(trx, e.orderId, e.refundedAt)) await repo.countUse(trx, back.template_id, -1);
    },
  };

  return { participant, categoryParents };
}
