/**
 * The one pricing function: priced lines, the shipping rule and a list of adjustments in; named breakdown lines,
 * what every line really costs and the payable out, in integer fen. Pure: no I/O, no clock, no randomness, so the
 * checkout preview and order creation (which both call it) always agree, and the same input always gives the same
 * output (docs/decisions/013-pricing-and-the-order-lifecycle.md).
 *
 * Adjustments apply in a fixed order, whatever order they are given in:
 *   1. member_price — the tier's member-price discount
 *   2. coupon       — coupons on goods
 *   3. points       — points spent as money
 *   4. shipping     — free-shipping benefits and shipping coupons, on the shipping fee only
 * Within one kind, in the order given. Each adjustment takes at most what its eligible lines (or the shipping fee)
 * still cost at its turn, so nothing is ever paid below zero and the payable cannot go negative: it is never clamped
 * afterwards. The shipping fee itself is decided after the coupons, before points: the free-shipping threshold is
 * measured on what the goods cost after member price and coupons.
 */
import type { BreakdownLine } from '@siyu/shared';
import { zhCN } from '../../i18n/zh-CN.js';

export const ADJUSTMENT_KINDS = ['member_price', 'coupon', 'points', 'shipping'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** Where an adjustment comes from, stored with the order: `{ type: 'coupon', id: 12 }`, `{ type: 'tier', id: 3 }`. */
export interface AdjustmentSource {
  type: string;
  id: number | null;
}

export type AdjustmentAmount =
  /** Up to this many fen off (满减, 无门槛, a shipping coupon). */
  | { type: 'fixed'; amountFen: number }
  /** A share off, in basis points (1500 = 15 % off), rounded down, optionally capped. */
  | { type: 'percent_off'; basisPoints: number; capFen?: number }
  /**
   * Points: up to `maxFen` (what the member's points are worth), at most `shareBasisPoints` of what the eligible lines
   * still cost, rounded down to a multiple of `stepFen` (the value of one point when a point is worth more than a fen).
   */
  | { type: 'up_to_share'; maxFen: number; shareBasisPoints: number; stepFen?: number }
  /** Everything that is left (free shipping). */
  | { type: 'all' };

export interface Adjustment {
  kind: AdjustmentKind;
  /** Stable code clients can switch on: 'tier_discount', 'coupon', 'points', 'free_shipping', … */
  code: string;
  /** What the shopper reads in the breakdown. */
  label: string;
  source: AdjustmentSource | null;
  /** Goods kinds only: the keys of the lines it may discount; omitted means every line. */
  eligibleLineKeys?: readonly number[];
  /** Applies only when the eligible lines still cost at least this much at its turn (shipping: the goods do). */
  minSpendFen?: number;
  /** Once this applies, adjustments of these later kinds do not (a coupon that does not combine with points). */
  excludes?: readonly AdjustmentKind[];
  amount: AdjustmentAmount;
}

export interface PricingLine {
  /** The caller's reference for the line (its index, an order line id, …); unique within one call. */
  key: number;
  unitPriceFen: number;
  quantity: number;
}

export interface ShippingRule {
  flatFeeFen: number;
  /** Goods costing at least this much (after member price and coupons) ship free; null: never free. */
  freeThresholdFen: number | null;
}

export interface PricingInput {
  lines: readonly PricingLine[];
  shipping: ShippingRule;
  adjustments: readonly Adjustment[];
}

export type AdjustmentStatus = 'applied' | 'below_threshold' | 'nothing_to_discount' | 'excluded';

export interface PricedAdjustment {
  /** The adjustment's position in the input. */
  index: number;
  kind: AdjustmentKind;
  code: string;
  label: string;
  source: AdjustmentSource | null;
  appliesTo: 'items' | 'shipping';
  status: AdjustmentStatus;
  /** What it took: > 0 exactly when applied. */
  amountFen: number;
  /** Goods kinds: how `amountFen` falls on the lines (lines with 0 omitted); they add up to `amountFen` exactly. */
  allocations: { key: number; amountFen: number }[];
}

export interface PricedLine {
  key: number;
  lineTotalFen: number;
  discountFen: number;
  /** lineTotalFen - discountFen: what the shopper pays for this line. */
  paidFen: number;
}

export type ShippingRuleApplied = 'flat' | 'free_threshold' | 'none';

export interface PricingResult {
  lines: PricedLine[];
  /** Every input adjustment, in the order applied (kind order, then input order), applied or not. */
  adjustments: PricedAdjustment[];
  itemsFen: number;
  /** The shipping fee before shipping adjustments. */
  shippingFen: number;
  shippingRule: ShippingRuleApplied;
  /** Everything the adjustments took, goods and shipping. */
  discountFen: number;
  /** itemsFen + shippingFen - discountFen. */
  payableFen: number;
  breakdown: BreakdownLine[];
}

const KIND_RANK: Record<AdjustmentKind, number> = { member_price: 0, coupon: 1, points: 2, shipping: 3 };

function requireFen(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer number of fen, got ${value}`);
  return value;
}

/**
 * Splits `total` over `weights` in proportion, in integers that add up to `total` exactly: each share is rounded down,
 * and the fen left over go one each to the largest remainders, ties to the earlier position. With total <= the sum of
 * the weights, no share exceeds its weight. BigInt keeps total × weight exact beyond 2^53.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  requireFen(total, 'total');
  let sum = 0;
  let most = 0;
  for (const w of weights) {
    requireFen(w, 'weight');
    sum += w;
    if (w > most) most = w;
  }
  if (total === 0) return weights.map(() => 0);
  if (sum === 0) throw new RangeError('cannot allocate an amount over nothing');
  // Numbers are exact while every product total × weight and the sum stay below 2^53 (always, for real orders);
  // beyond that, BigInt.
  if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(total * most)) return allocateExactly(total, weights);
  const shares = new Array<number>(weights.length);
  const remainders = new Array<{ i: number; r: number }>(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i += 1) {
    const product = total * weights[i]!;
    const r = product % sum;
    shares[i] = (product - r) / sum;
    remainders[i] = { i, r };
    left -= shares[i]!;
  }
  return placeRemainders(shares, remainders, left);
}

function allocateExactly(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  const t = BigInt(total);
  const shares = weights.map((w) => Number((t * BigInt(w)) / sum));
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  return placeRemainders(shares, remainders, total - shares.reduce((s, x) => s + x, 0));
}

/** The fen left over go one each to the largest remainders, ties to the earlier position. */
function placeRemainders<R extends number | bigint>(shares: number[], remainders: { i: number; r: R }[], left: number): number[] {
  if (left === 0) return shares;
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    shares[i] = shares[i]! + 1;
    left -= 1;
  }
  return shares;
}

/** base × basisPoints / 10000, rounded down, exactly. */
function share(base: number, basisPoints: number): number {
  const product = base * basisPoints;
  if (Number.isSafeInteger(product)) return (product - (product % 10_000)) / 10_000;
  return Number((BigInt(base) * BigInt(basisPoints)) / 10_000n);
}

/** What an adjustment would take from `base` (what its target still costs), before the cap at `base`. */
function wanted(amount: AdjustmentAmount, base: number): number {
  switch (amount.type) {
    case 'fixed':
      return requireFen(amount.amountFen, 'amountFen');
    case 'percent_off': {
      if (!Number.isInteger(amount.basisPoints) || amount.basisPoints < 0 || amount.basisPoints > 10_000) {
        throw new RangeError(`basisPoints must be 0-10000, got ${amount.basisPoints}`);
      }
      const off = share(base, amount.basisPoints);
      return amount.capFen === undefined ? off : Math.min(off, requireFen(amount.capFen, 'capFen'));
    }
    case 'up_to_share': {
      if (!Number.isInteger(amount.shareBasisPoints) || amount.shareBasisPoints < 0 || amount.shareBasisPoints > 10_000) {
        throw new RangeError(`shareBasisPoints must be 0-10000, got ${amount.shareBasisPoints}`);
      }
      const step = amount.stepFen ?? 1;
      if (!Number.isSafeInteger(step) || step < 1) throw new RangeError(`stepFen must be a positive integer, got ${step}`);
      const most = Math.min(requireFen(amount.maxFen, 'maxFen'), share(base, amount.shareBasisPoints), base);
      return most - (most % step);
    }
    case 'all':
      return base;
  }
}

export function priceOrder(input: PricingInput): PricingResult {
  const keys = new Set<number>();
  const lines = input.lines.map((l) => {
    if (keys.has(l.key)) throw new RangeError(`line key ${l.key} appears twice`);
    keys.add(l.key);
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${l.quantity}`);
    const lineTotalFen = requireFen(requireFen(l.unitPriceFen, 'unitPriceFen') * l.quantity, 'line total');
    return { key: l.key, lineTotalFen, remaining: lineTotalFen };
  });
  const itemsFen = requireFen(
    lines.reduce((s, l) => s + l.lineTotalFen, 0),
    'items total',
  );
  requireFen(input.shipping.flatFeeFen, 'flatFeeFen');
  if (input.shipping.freeThresholdFen !== null) requireFen(input.shipping.freeThresholdFen, 'freeThresholdFen');

  const ordered = input.adjustments.map((a, index) => ({ a, index })).sort((x, y) => KIND_RANK[x.a.kind] - KIND_RANK[y.a.kind] || x.index - y.index);
  const priced: PricedAdjustment[] = [];
  const goodsLeft = () => lines.reduce((s, l) => s + l.remaining, 0);

  let shipping: { fee: number; rule: ShippingRuleApplied; remaining: number } | null = null;
  const decideShipping = () => {
    const goods = goodsLeft();
    const rule: ShippingRuleApplied =
      itemsFen === 0 ? 'none' : input.shipping.freeThresholdFen !== null && goods >= input.shipping.freeThresholdFen ? 'free_threshold' : 'flat';
    const fee = rule === 'flat' ? input.shipping.flatFeeFen : 0;
    shipping = { fee, rule, remaining: fee };
    return shipping;
  };

  const excluded = new Set<AdjustmentKind>();
  for (const { a, index } of ordered) {
    if (!ADJUSTMENT_KINDS.includes(a.kind)) throw new RangeError(`unknown adjustment kind ${String(a.kind)}`);
    // An explicit literal, not a spread of a shared base: V8 builds it far faster, and this runs per combination tried.
    const entry = (
      appliesTo: 'items' | 'shipping',
      status: AdjustmentStatus,
      amountFen: number,
      allocations: { key: number; amountFen: number }[],
    ) => ({
      index,
      kind: a.kind,
      code: a.code,
      label: a.label,
      source: a.source,
      appliesTo,
      status,
      amountFen,
      allocations,
    });
    if (excluded.has(a.kind)) {
      priced.push(entry(a.kind === 'shipping' ? 'shipping' : 'items', 'excluded', 0, []));
      continue;
    }
    if (a.kind === 'shipping') {
      const s = shipping ?? decideShipping();
      const goods = goodsLeft();
      const take =
        a.minSpendFen !== undefined && goods < requireFen(a.minSpendFen, 'minSpendFen') ? -1 : Math.min(wanted(a.amount, s.remaining), s.remaining);
      s.remaining -= Math.max(0, take);
      if (take > 0) for (const k of a.excludes ?? []) excluded.add(k);
      priced.push(entry('shipping', take < 0 ? 'below_threshold' : take === 0 ? 'nothing_to_discount' : 'applied', Math.max(0, take), []));
      continue;
    }
    // The shipping fee is decided once the coupons have had their turn, before points.
    if (a.kind === 'points' && shipping === null) decideShipping();
    const eligibleKeys = a.eligibleLineKeys === undefined ? null : new Set(a.eligibleLineKeys);
    const eligible = lines.filter((l) => eligibleKeys === null || eligibleKeys.has(l.key));
    const baseFen = eligible.reduce((s, l) => s + l.remaining, 0);
    if (a.minSpendFen !== undefined && baseFen < requireFen(a.minSpendFen, 'minSpendFen')) {
      priced.push(entry('items', 'below_threshold', 0, []));
      continue;
    }
    const take = Math.min(wanted(a.amount, baseFen), baseFen);
    if (take === 0) {
      priced.push(entry('items', 'nothing_to_discount', 0, []));
      continue;
    }
    const shares = allocateProportionally(
      take,
      eligible.map((l) => l.remaining),
    );
    const allocations: { key: number; amountFen: number }[] = [];
    eligible.forEach((l, i) => {
      const share = shares[i]!;
      if (share === 0) return;
      l.remaining -= share;
      allocations.push({ key: l.key, amountFen: share });
    });
    for (const k of a.excludes ?? []) excluded.add(k);
    priced.push(entry('items', 'applied', take, allocations));
  }

  const s: { fee: number; rule: ShippingRuleApplied; remaining: number } = shipping ?? decideShipping();
  const discountFen = priced.reduce((sum, p) => sum + p.amountFen, 0);
  const payableFen = goodsLeft() + s.remaining;

  const breakdown = breakdownOf({ itemsFen, shippingFen: s.fee, shippingRule: s.rule, adjustments: priced.filter((p) => p.status === 'applied') });

  return {
    lines: lines.map((l) => ({ key: l.key, lineTotalFen: l.lineTotalFen, discountFen: l.lineTotalFen - l.remaining, paidFen: l.remaining })),
    adjustments: priced,
    itemsFen,
    shippingFen: s.fee,
    shippingRule: s.rule,
    discountFen,
    payableFen,
    breakdown,
  };
}

/** The breakdown of a stored order, from its rows: the same lines, in the same order, as priceOrder gave at creation. */
export function breakdownOf(order: {
  itemsFen: number;
  shippingFen: number;
  shippingRule: ShippingRuleApplied;
  adjustments: readonly { appliesTo: 'items' | 'shipping'; code: string; label: string; amountFen: number; source: AdjustmentSource | null }[];
}): BreakdownLine[] {
  const line = (a: (typeof order.adjustments)[number]): BreakdownLine => ({
    kind: 'discount',
    code: a.code,
    label: a.label,
    amountFen: -a.amountFen,
    source: a.source,
  });
  return [
    { kind: 'items', code: 'items', label: zhCN.breakdown.items, amountFen: order.itemsFen, source: null },
    ...order.adjustments.filter((a) => a.appliesTo === 'items').map(line),
    {
      kind: 'shipping',
      code: `shipping_${order.shippingRule}`,
      label: zhCN.breakdown.shipping[order.shippingRule],
      amountFen: order.shippingFen,
      source: null,
    },
    ...order.adjustments.filter((a) => a.appliesTo === 'shipping').map(line),
  ];
}
