import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUPON_KINDS, type CouponKind } from '@siyu/shared';
import { priceOrder } from '../pricing/index.js';
import { type Candidate, type CheckoutForCoupons, chooseBest, type CouponRule, inApplyOrder, judge, stacks } from './coupon-rules.js';

const NOW = '2026-11-22T02:00:00.000Z';
let nextId = 1;
function rule(kind: CouponKind, over: Partial<CouponRule> = {}): CouponRule {
  return {
    id: nextId++,
    name: `券${nextId}`,
    kind,
    amountFen: kind === 'threshold_off' || kind === 'no_threshold_off' ? 1000 : null,
    percentOffBp: kind === 'percent_off' ? 1000 : null,
    capFen: null,
    thresholdFen: kind === 'threshold_off' ? 5000 : 0,
    scope: { type: 'all', ids: [], excludeProductIds: [] },
    minTierLevel: 0,
    stacking: { withCouponKinds: [], withTierDiscount: true, withPoints: true },
    validFrom: '2026-11-01T00:00:00.000Z',
    validUntil: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}

function checkout(
  lines: { unitPriceFen: number; quantity: number; productId?: number; categoryId?: number | null }[],
  over: Partial<CheckoutForCoupons> = {},
): CheckoutForCoupons {
  return {
    lines: lines.map((l, key) => ({
      key,
      unitPriceFen: l.unitPriceFen,
      quantity: l.quantity,
      productId: l.productId ?? key + 100,
      categoryId: l.categoryId ?? null,
    })),
    shipping: { flatFeeFen: 1000, freeThresholdFen: 9900 },
    earlier: [],
    now: NOW,
    timeZone: 'Asia/Shanghai',
    tierLevel: 0,
    parentOf: () => null,
    ...over,
  };
}

const candidates = (rules: CouponRule[], c: CheckoutForCoupons): Candidate[] =>
  rules.flatMap((r) => {
    const v = judge(r, c);
    return v.usable ? [{ rule: r, adjustment: v.adjustment, savingFen: v.savingFen }] : [];
  });

describe('judge: why a coupon cannot be used', () => {
  const c = checkout([{ unitPriceFen: 3000, quantity: 1, productId: 1, categoryId: 11 }]);
  it.each([
    [rule('no_threshold_off', { validFrom: '2026-11-23T00:00:00.000Z' }), 'not_yet_valid', '2026-11-23 08:00 起可用'],
    [rule('no_threshold_off', { validUntil: NOW }), 'expired', '已过期'],
    [rule('no_threshold_off', { minTierLevel: 2 }), 'tier_too_low', '需达到 2 级会员'],
    [rule('no_threshold_off', { scope: { type: 'products', ids: [2], excludeProductIds: [] } }), 'outside_scope', '所选商品不在使用范围内'],
    [rule('no_threshold_off', { scope: { type: 'all', ids: [], excludeProductIds: [1] } }), 'outside_scope', '所选商品不在使用范围内'],
    [rule('threshold_off'), 'below_threshold', '满 ¥50.00 可用'],
  ])('%#: %s', (r, reason, detail) => {
    expect(judge(r, c)).toEqual({ usable: false, reason, detail });
  });

  it('covers a subcategory through its parent, and refuses with the member price when it does not stack with it', () => {
    const sub = checkout([{ unitPriceFen: 3000, quantity: 1, categoryId: 11 }], { parentOf: (id) => (id === 11 ? 1 : null) });
    expect(judge(rule('no_threshold_off', { scope: { type: 'categories', ids: [1], excludeProductIds: [] } }), sub)).toMatchObject({
      usable: true,
      savingFen: 1000,
    });
    const withTier = {
      ...sub,
      earlier: [
        {
          kind: 'member_price' as const,
          code: 'tier_discount',
          label: '会员价',
          source: null,
          amount: { type: 'percent_off' as const, basisPoints: 500 },
        },
      ],
    };
    expect(judge(rule('no_threshold_off', { stacking: { withCouponKinds: [], withTierDiscount: false, withPoints: true } }), withTier)).toMatchObject(
      { usable: false, reason: 'does_not_stack' },
    );
  });
});

describe('chooseBest', () => {
  it('picks the largest saving under the stacking rules, fewer coupons and lower ids on ties', () => {
    const c = checkout([{ unitPriceFen: 10000, quantity: 1 }]);
    const a = rule('threshold_off', { amountFen: 2000, thresholdFen: 10000 });
    const b = rule('percent_off', { percentOffBp: 1500 });
    const both = [
      rule('threshold_off', {
        amountFen: 1000,
        thresholdFen: 5000,
        stacking: { withCouponKinds: ['percent_off'], withTierDiscount: true, withPoints: true },
      }),
    ];
    const pct = rule('percent_off', {
      percentOffBp: 1000,
      stacking: { withCouponKinds: ['threshold_off'], withTierDiscount: true, withPoints: true },
    });
    // a: 20.00; b: 15.00; both[0] + pct: 10.00 then 10 % of 90.00 = 9.00 → 19.00. Best: a alone.
    expect(chooseBest(candidates([a, b, ...both, pct], c), c).chosen.map((x) => x.rule.id)).toEqual([a.id]);
    // Without a, the stacking pair (19.00) beats b (15.00).
    expect(
      chooseBest(candidates([b, ...both, pct], c), c)
        .chosen.map((x) => x.rule.id)
        .sort(),
    ).toEqual([both[0]!.id, pct.id].sort());
    // Two equal coupons of one kind: the lower id.
    const flat = checkout([{ unitPriceFen: 10000, quantity: 1 }], { shipping: { flatFeeFen: 0, freeThresholdFen: null } });
    const x = rule('no_threshold_off');
    const y = rule('no_threshold_off');
    expect(chooseBest(candidates([y, x], flat), flat).chosen.map((z) => z.rule.id)).toEqual([x.id]);
  });

  it('treats claims of the same offer as one choice, so a large wallet is still searched whole', () => {
    const c = checkout([{ unitPriceFen: 10000, quantity: 1 }], { shipping: { flatFeeFen: 1000, freeThresholdFen: null } });
    const alone = { withCouponKinds: [], withTierDiscount: true, withPoints: true };
    const copies = (n: number, make: () => CouponRule) => Array.from({ length: n }, make);
    // Forty claims each of offers that stack with nothing; one 1 % off that stacks with free shipping.
    const wallet = [
      ...copies(40, () => rule('threshold_off', { amountFen: 800, thresholdFen: 5000, stacking: alone })),
      ...copies(40, () => rule('no_threshold_off', { amountFen: 700, stacking: alone })),
      ...copies(40, () => rule('percent_off', { percentOffBp: 500, stacking: alone })),
      rule('percent_off', { percentOffBp: 100, stacking: { withCouponKinds: ['free_shipping'], withTierDiscount: true, withPoints: true } }),
      ...copies(3, () => rule('free_shipping', { stacking: { withCouponKinds: ['percent_off'], withTierDiscount: true, withPoints: true } })),
    ];
    // The small percent coupon saves least on its own; cut by saving, it would be lost, and with it the best pair.
    const best = chooseBest(candidates(wallet, c), c);
    expect(best.savingFen).toBe(100 + 1000);
    expect(best.chosen.map((x) => x.rule.id)).toEqual([wallet[120]!.id, wallet[121]!.id]);
  });

  it('counts the shipping a coupon costs: one that pushes the goods below free shipping saves less', () => {
    const c = checkout([{ unitPriceFen: 10000, quantity: 1 }]);
    // 5.00 off makes the goods 95.00, below the 99.00 free-shipping line: shipping 10.00 comes back, a net loss.
    const small = rule('no_threshold_off', { amountFen: 500 });
    expect(judge(small, c)).toMatchObject({ usable: true, savingFen: 0 });
    expect(chooseBest(candidates([small], c), c).chosen).toEqual([]);
    const ship = rule('free_shipping', { stacking: { withCouponKinds: ['no_threshold_off'], withTierDiscount: true, withPoints: true } });
    const small2 = rule('no_threshold_off', {
      amountFen: 500,
      stacking: { withCouponKinds: ['free_shipping'], withTierDiscount: true, withPoints: true },
    });
    expect(chooseBest(candidates([ship, small2], c), c)).toMatchObject({ savingFen: 500 });
  });

  it('is never worse than any other allowed combination (random carts of up to 20 lines, up to 10 coupons)', () => {
    const ruleArb = fc.record({
      kind: fc.constantFrom(...COUPON_KINDS),
      amountFen: fc.integer({ min: 1, max: 30_000 }),
      percentOffBp: fc.integer({ min: 1, max: 9999 }),
      capFen: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
      thresholdFen: fc.integer({ min: 0, max: 60_000 }),
      scopeIds: fc.subarray([100, 101, 102, 103, 104]),
      withCouponKinds: fc.subarray([...COUPON_KINDS]),
    });
    const lineArb = fc.record({ unitPriceFen: fc.integer({ min: 0, max: 20_000 }), quantity: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 20 }),
        fc.array(ruleArb, { maxLength: 10 }),
        fc.integer({ min: 0, max: 2000 }),
        (lines, specs, fee) => {
          const c = checkout(lines, { shipping: { flatFeeFen: fee, freeThresholdFen: 30_000 } });
          const rules = specs.map((s) =>
            rule(s.kind, {
              amountFen: s.kind === 'threshold_off' || s.kind === 'no_threshold_off' ? s.amountFen : null,
              percentOffBp: s.kind === 'percent_off' ? s.percentOffBp : null,
              capFen: s.kind === 'percent_off' ? s.capFen : null,
              thresholdFen: s.kind === 'no_threshold_off' ? 0 : s.thresholdFen,
              scope: s.scopeIds.length
                ? { type: 'products', ids: s.scopeIds, excludeProductIds: [] }
                : { type: 'all', ids: [], excludeProductIds: [] },
              stacking: { withCouponKinds: s.withCouponKinds, withTierDiscount: true, withPoints: true },
            }),
          );
          const cands = candidates(rules, c);
          const best = chooseBest(cands, c);
          // Brute force: every subset with every pair stacking (which also means at most one per kind).
          const basePayable = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [] }).payableFen;
          for (let mask = 1; mask < 1 << cands.length; mask += 1) {
            const set = inApplyOrder(cands.filter((_, i) => mask & (1 << i)));
            if (set.some((x, i) => set.some((y, j) => i < j && !stacks(x.rule, y.rule)))) continue;
            const saving = basePayable - priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: set.map((x) => x.adjustment) }).payableFen;
            expect(best.savingFen).toBeGreaterThanOrEqual(saving);
          }
          // The same input, the same choice.
          expect(chooseBest(candidates(rules, c), c).chosen.map((x) => x.rule.id)).toEqual(best.chosen.map((x) => x.rule.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
