/**
 * What a coupon can do for a checkout, and which coupons to use: pure functions over the coupon's rule, the checkout
 * lines and the pricing function, so the preview, order creation and the property tests agree.
 */
import { type CouponKind, type CouponScope, type CouponStacking, type CouponUnusableReason, localDateTime } from '@siyu/shared';
import { zhCN } from '../../i18n/zh-CN.js';
import { type Adjustment, priceOrder, type PricingLine, type ShippingRule } from '../pricing/index.js';

export interface CouponRule {
  id: number;
  name: string;
  kind: CouponKind;
  amountFen: number | null;
  percentOffBp: number | null;
  capFen: number | null;
  thresholdFen: number;
  scope: CouponScope;
  minTierLevel: number;
  stacking: CouponStacking;
  validFrom: string;
  validUntil: string;
}

export interface RuleLine extends PricingLine {
  productId: number;
  categoryId: number | null;
}

/** Whether a coupon's scope covers a line: a listed product, or a listed category or its parent; exclusions win. */
export function coversLine(
  scope: CouponScope,
  line: { productId: number; categoryId: number | null },
  parentOf: (categoryId: number) => number | null,
): boolean {
  if (scope.excludeProductIds.includes(line.productId)) return false;
  if (scope.type === 'all') return true;
  if (scope.type === 'products') return scope.ids.includes(line.productId);
  if (line.categoryId === null) return false;
  const parent = parentOf(line.categoryId);
  return scope.ids.includes(line.categoryId) || (parent !== null && scope.ids.includes(parent));
}

/** The coupon as an adjustment of the pricing function, over the lines its scope covers. */
export function couponAdjustment(rule: CouponRule, eligibleLineKeys: number[]): Adjustment {
  const source = { type: 'coupon', id: rule.id };
  const excludes = rule.stacking.withPoints ? undefined : (['points'] as const);
  const minSpendFen = rule.thresholdFen > 0 ? rule.thresholdFen : undefined;
  if (rule.kind === 'free_shipping') {
    return { kind: 'shipping', code: 'coupon_free_shipping', label: rule.name, source, amount: { type: 'all' }, minSpendFen, excludes };
  }
  return {
    kind: 'coupon',
    code: `coupon_${rule.kind}`,
    label: rule.name,
    source,
    eligibleLineKeys,
    minSpendFen,
    excludes,
    amount:
      rule.kind === 'percent_off'
        ? { type: 'percent_off', basisPoints: rule.percentOffBp ?? 0, ...(rule.capFen !== null ? { capFen: rule.capFen } : {}) }
        : { type: 'fixed', amountFen: rule.amountFen ?? 0 },
  };
}

/**
 * The order coupons apply in, whatever order they were chosen in: 满减, then 无门槛, then 折扣 (percent off the rest), then
 * free shipping; by id within a kind. Fixed, so that a combination has one price.
 */
const KIND_ORDER: Record<CouponKind, number> = { threshold_off: 0, no_threshold_off: 1, percent_off: 2, free_shipping: 3 };
export function inApplyOrder<T extends { rule: CouponRule }>(chosen: readonly T[]): T[] {
  return [...chosen].sort((a, b) => KIND_ORDER[a.rule.kind] - KIND_ORDER[b.rule.kind] || a.rule.id - b.rule.id);
}

/** Two coupons may be used together: different kinds, and each allows the other's kind. */
export function stacks(a: CouponRule, b: CouponRule): boolean {
  return a.kind !== b.kind && a.stacking.withCouponKinds.includes(b.kind) && b.stacking.withCouponKinds.includes(a.kind);
}

export interface CheckoutForCoupons {
  lines: RuleLine[];
  shipping: ShippingRule;
  /** What earlier participants offered (the member price), applied before coupons. */
  earlier: readonly Adjustment[];
  now: string;
  /** The merchant's time zone, for dates shown to the shopper. */
  timeZone: string;
  tierLevel: number;
  parentOf: (categoryId: number) => number | null;
}

export type Verdict = { usable: true; savingFen: number; adjustment: Adjustment } | { usable: false; reason: CouponUnusableReason; detail: string };

/** The payable of the checkout with these coupon adjustments after the earlier ones. */
function payableWith(c: CheckoutForCoupons, coupons: Adjustment[]): number {
  return priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...c.earlier, ...coupons] }).payableFen;
}

/** Whether a coupon can be used on this checkout on its own, and what it would save (the payable it takes off). */
export function judge(rule: CouponRule, c: CheckoutForCoupons, basePayableFen: number = payableWith(c, [])): Verdict {
  const no = (reason: CouponUnusableReason, detail: string): Verdict => ({ usable: false, reason, detail });
  if (c.now < rule.validFrom) return no('not_yet_valid', zhCN.coupons.notYetValid(localDateTime(rule.validFrom, c.timeZone)));
  if (c.now >= rule.validUntil) return no('expired', zhCN.coupons.expired);
  if (c.tierLevel < rule.minTierLevel) return no('tier_too_low', zhCN.coupons.tierTooLow(rule.minTierLevel));
  const eligible = c.lines.filter((l) => coversLine(rule.scope, l, c.parentOf)).map((l) => l.key);
  if (eligible.length === 0) return no('outside_scope', zhCN.coupons.outsideScope);
  if (!rule.stacking.withTierDiscount && c.earlier.some((a) => a.kind === 'member_price')) return no('does_not_stack', zhCN.coupons.notWithTierPrice);
  const adjustment = couponAdjustment(rule, eligible);
  const priced = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...c.earlier, adjustment] });
  const mine = priced.adjustments.find((a) => a.source?.type === 'coupon' && a.source.id === rule.id);
  if (mine?.status === 'below_threshold') return no('below_threshold', zhCN.coupons.belowThreshold(rule.thresholdFen));
  return { usable: true, savingFen: Math.max(0, basePayableFen - priced.payableFen), adjustment };
}

/** Above this many combinations, each kind keeps only its best few coupons before the search. */
export const MAX_COMBINATIONS = 4096;

export interface Candidate {
  rule: CouponRule;
  adjustment: Adjustment;
  savingFen: number;
}

/**
 * One candidate per effect: coupons that would price every combination alike (the same kind, amount, threshold, lines
 * and stacking; several claims of one template, say) are one choice, and the lowest id stands for them, which is the
 * one the tie-break would pick. The search then grows with the distinct offers, not with the size of the wallet.
 */
function distinctEffects(candidates: readonly Candidate[]): Candidate[] {
  const byEffect = new Map<string, Candidate>();
  for (const cand of candidates) {
    const { kind, code, amount, minSpendFen, excludes, eligibleLineKeys } = cand.adjustment;
    const key = JSON.stringify([kind, code, amount, minSpendFen, excludes, eligibleLineKeys, [...cand.rule.stacking.withCouponKinds].sort()]);
    const kept = byEffect.get(key);
    if (kept === undefined || cand.rule.id < kept.rule.id) byEffect.set(key, cand);
  }
  return [...byEffect.values()];
}

/**
 * The best allowed combination: at most one coupon of each kind, every pair stacking, the largest total saving (the
 * payable it takes off, shipping included). Ties go to fewer coupons, then to the lower ids, so the choice is
 * deterministic. Exhaustive while the combinations number at most MAX_COMBINATIONS; beyond that each kind keeps its
 * coupons with the largest saving on their own (then soonest to expire).
 */
export function chooseBest(
  candidates: Candidate[],
  c: CheckoutForCoupons,
  basePayableFen: number = payableWith(c, []),
): { chosen: Candidate[]; savingFen: number } {
  const kinds = new Map<CouponKind, Candidate[]>();
  // A coupon that saves nothing alone may still help another (it can keep the goods above free shipping): keep all.
  for (const cand of distinctEffects(candidates)) {
    kinds.set(cand.rule.kind, [...(kinds.get(cand.rule.kind) ?? []), cand]);
  }
  const groups = [...kinds.values()].map((g) =>
    g.sort((a, b) => b.savingFen - a.savingFen || a.rule.validUntil.localeCompare(b.rule.validUntil) || a.rule.id - b.rule.id),
  );
  const combinations = () => groups.reduce((n, g) => n * (g.length + 1), 1);
  while (combinations() > MAX_COMBINATIONS) {
    const largest = groups.reduce((a, b) => (b.length > a.length ? b : a));
    largest.pop();
  }

  let best: { chosen: Candidate[]; savingFen: number } = { chosen: [], savingFen: 0 };
  const better = (chosen: Candidate[], savingFen: number) => {
    if (savingFen !== best.savingFen) return savingFen > best.savingFen;
    if (chosen.length !== best.chosen.length) return chosen.length < best.chosen.length;
    const ids = chosen.map((x) => x.rule.id).sort((a, b) => a - b);
    const bestIds = best.chosen.map((x) => x.rule.id).sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += 1) if (ids[i] !== bestIds[i]) return ids[i]! < bestIds[i]!;
    return false;
  };
  const walk = (i: number, chosen: Candidate[]) => {
    if (i === groups.length) {
      if (chosen.length === 0) return;
      const ordered = inApplyOrder(chosen);
      const savingFen =
        basePayableFen -
        payableWith(
          c,
          ordered.map((x) => x.adjustment),
        );
      if (better(ordered, savingFen)) best = { chosen: ordered, savingFen };
      return;
    }
    walk(i + 1, chosen);
    for (const cand of groups[i]!) {
      if (chosen.every((x) => stacks(x.rule, cand.rule))) walk(i + 1, [...chosen, cand]);
    }
  };
  walk(0, []);
  return best;
}
