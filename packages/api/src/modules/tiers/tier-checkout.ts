import { lockForTransaction } from '../../db/dialect.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { Executor } from '../../lib/transaction.js';
import type { CheckoutLine, OrderParticipant } from '../orders/events.js';
import type { Adjustment } from '../pricing/index.js';
import { growthForPaidGoods } from './tiers-rules.js';
import * as repo from './tiers.repository.js';
import type { TierGrowth } from './tier-growth.js';

const ORDER_SOURCE = (orderId: number) => `order:${orderId}`;
const ORDER_REFUND_PREFIX = (orderId: number) => `order-refund:${orderId}:`;

/** The tier's part in the order lifecycle: its benefits offered to a checkout, and growth from paid orders. */
export function createTierParticipants(deps: { categoryParents: (executor: Executor) => Promise<Map<number, number | null>>; growth: TierGrowth }) {
  const { currentTier, rulesOf, postOnce } = deps.growth;

  type MemberTier = NonNullable<Awaited<ReturnType<typeof currentTier>>>;

  /** The tier's member price and free shipping for these lines (category parents only read when the scope needs them). */
  function tierAdjustments(tier: MemberTier, lines: readonly CheckoutLine[], parents: Map<number, number | null> | null): Adjustment[] {
    const adjustments: Adjustment[] = [];
    const price = tier.benefits.memberPrice;
    if (price.basisPoints > 0) {
      let eligible: number[] | undefined;
      if (price.scope === 'products') {
        const ids = new Set(price.ids);
        eligible = lines.filter((l) => ids.has(l.productId)).map((l) => l.key);
      } else if (price.scope === 'categories') {
        const ids = new Set(price.ids);
        eligible = lines
          .filter((l) => l.categoryId !== null && (ids.has(l.categoryId) || ids.has(parents?.get(l.categoryId) ?? -1)))
          .map((l) => l.key);
      }
      if (eligible === undefined || eligible.length > 0) {
        adjustments.push({
          kind: 'member_price',
          code: 'member_price',
          label: zhCN.tiers.memberPrice(tier.name),
          source: { type: 'tier', id: tier.id },
          ...(eligible ? { eligibleLineKeys: eligible } : {}),
          amount: { type: 'percent_off', basisPoints: price.basisPoints },
        });
      }
    }
    if (tier.benefits.freeShipping) {
      adjustments.push({
        kind: 'shipping',
        code: 'tier_free_shipping',
        label: zhCN.tiers.freeShipping(tier.name),
        source: { type: 'tier', id: tier.id },
        amount: { type: 'all' },
      });
    }
    return adjustments;
  }

  const parentsFor = (executor: Executor, tier: MemberTier) =>
    tier.benefits.memberPrice.basisPoints > 0 && tier.benefits.memberPrice.scope === 'categories'
      ? deps.categoryParents(executor)
      : Promise.resolve(null);

  /** The member price and free shipping of the member's tier, offered to a checkout and to shelf prices. */
  const benefitsParticipant: OrderParticipant = {
    name: 'tier-benefits',
    kinds: ['goods'],
    async adjustments(executor, checkout) {
      const tier = await currentTier(executor, checkout.memberId);
      if (!tier) return { adjustments: [] };
      return { adjustments: tierAdjustments(tier, checkout.lines, await parentsFor(executor, tier)) };
    },
    async shelf(executor, memberId) {
      const tier = await currentTier(executor, memberId);
      if (!tier) return () => [];
      const parents = await parentsFor(executor, tier);
      return (checkout) => tierAdjustments(tier, checkout.lines, parents);
    },
  };

  /** Growth from paid orders, taken back by their refunds, in the order's transaction. */
  const growthParticipant: OrderParticipant = {
    name: 'tier-growth',
    // The cash part of a points-mall redemption is not shopping: like its points, it grows nothing.
    // A purchase at the counter adds growth as an online order does (decision 039).
    kinds: ['goods', 'counter'],
    async paid(trx, e) {
      const rules = await rulesOf(trx);
      const paidGoodsFen = e.lines.reduce((sum, l) => sum + l.paidFen, 0);
      await postOnce(trx, {
        memberId: e.memberId,
        delta: growthForPaidGoods(paidGoodsFen, rules),
        reason: 'order',
        sourceKey: ORDER_SOURCE(e.orderId),
        note: e.orderNo,
        at: e.paidAt,
      });
    },
    async refunded(trx, e) {
      await lockForTransaction(trx, 'tiers', e.memberId);
      const earned = await repo.findGrowthEntry(trx, e.memberId, ORDER_SOURCE(e.orderId));
      if (!earned) return;
      const gave = earned.delta;
      const left = gave + (await repo.sumGrowthBySources(trx, e.memberId, ORDER_REFUND_PREFIX(e.orderId)));
      const share = e.fullyRefunded || e.payableFen <= 0 ? left : Math.min(left, Math.floor((gave * e.amountFen) / e.payableFen));
      // Never below zero: growth a manual deduction already took is not taken twice.
      const has = (await repo.findMemberTier(trx, e.memberId))?.growth ?? 0;
      const take = Math.min(share, has);
      if (take <= 0) return;
      await postOnce(trx, {
        memberId: e.memberId,
        delta: -take,
        reason: 'order_refund',
        sourceKey: `${ORDER_REFUND_PREFIX(e.orderId)}${e.refundNo}`,
        note: e.orderNo,
        at: e.refundedAt,
      });
    },
  };

  return { benefitsParticipant, growthParticipant };
}
