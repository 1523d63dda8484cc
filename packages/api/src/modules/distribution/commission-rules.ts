import type { CommissionRule } from '@siyu/shared';

/** One order line as commission sees it: what the customer paid for it after every discount (points included). */
export interface CommissionLineInput {
  orderLineId: number;
  productId: number;
  categoryId: number | null;
  /** The line's paid amount: after member price, coupons and points; never shipping. */
  paidFen: number;
}

export interface CommissionLineShare {
  orderLineId: number;
  rateBp: number;
  baseFen: number;
  amountFen: number;
}

/**
 * The rate for a line at a level: the product's rule, else its category's, else the parent category's, else the
 * store's; the most specific rule wins even when its rate is lower (a product set to 0 earns nothing).
 */
export function rateFor(
  rules: readonly CommissionRule[],
  line: Pick<CommissionLineInput, 'productId' | 'categoryId'>,
  level: 1 | 2,
  categoryParents: ReadonlyMap<number, number | null>,
): number {
  const pick = (r: CommissionRule) => (level === 1 ? r.level1Bp : r.level2Bp);
  const product = rules.find((r) => r.scope === 'product' && r.targetId === line.productId);
  if (product) return pick(product);
  let category = line.categoryId;
  for (let depth = 0; category !== null && depth < 4; depth += 1) {
    const found = rules.find((r) => r.scope === 'category' && r.targetId === category);
    if (found) return pick(found);
    category = categoryParents.get(category) ?? null;
  }
  const store = rules.find((r) => r.scope === 'store');
  return store ? pick(store) : 0;
}

/** floor(rate × kept), in integers: what a line pays when the customer kept `keptFen` of it. */
export const commissionOn = (keptFen: number, rateBp: number) => Math.floor((Math.max(0, keptFen) * rateBp) / 10_000);

/** The commission of an order at one level, line by line (pure, integer fen). */
export function commissionFor(
  rules: readonly CommissionRule[],
  lines: readonly CommissionLineInput[],
  level: 1 | 2,
  categoryParents: ReadonlyMap<number, number | null>,
): CommissionLineShare[] {
  return lines.map((l) => {
    const rateBp = rateFor(rules, l, level, categoryParents);
    return { orderLineId: l.orderLineId, rateBp, baseFen: l.paidFen, amountFen: commissionOn(l.paidFen, rateBp) };
  });
}

/**
 * One commission line after a refund gave back `refundFen` of the line's paid amount (all of it when `whole`): the
 * refunded part grows (never past the base) and the line's commission becomes floor(rate × what is still kept), never
 * more than it already was. What the line's commission lost is `before.amountFen - after.amountFen`.
 */
export function lineAfterRefund(
  before: { baseFen: number; refundedFen: number; rateBp: number; amountFen: number },
  refundFen: number,
  whole: boolean,
): { refundedFen: number; amountFen: number } {
  const refundedFen = whole ? before.baseFen : Math.min(before.baseFen, before.refundedFen + Math.max(0, refundFen));
  return { refundedFen, amountFen: Math.min(before.amountFen, commissionOn(before.baseFen - refundedFen, before.rateBp)) };
}

/** Withdrawal fee: rounded up to the fen, and always less than the amount. */
export const withdrawalFee = (amountFen: number, feeBp: number) => Math.min(amountFen - 1, Math.ceil((amountFen * feeBp) / 10_000));
