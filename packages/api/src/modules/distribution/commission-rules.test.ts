import type { CommissionRule } from '@siyu/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Adjustment, priceOrder } from '../pricing/index.js';
import { commissionFor, commissionOn, lineAfterRefund, rateFor, withdrawalFee } from './commission-rules.js';

const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, null],
]);

describe('rates', () => {
  it('the most specific rule wins: product, then category, then its parent, then the store', () => {
    const rules: CommissionRule[] = [
      { scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 100 },
      { scope: 'category', targetId: 1, level1Bp: 800, level2Bp: 80 },
      { scope: 'product', targetId: 9, level1Bp: 0, level2Bp: 0 },
    ];
    expect(rateFor(rules, { productId: 9, categoryId: 2 }, 1, parents)).toBe(0);
    expect(rateFor(rules, { productId: 8, categoryId: 2 }, 1, parents)).toBe(800);
    expect(rateFor(rules, { productId: 8, categoryId: 2 }, 2, parents)).toBe(80);
    expect(rateFor(rules, { productId: 8, categoryId: 3 }, 1, parents)).toBe(1000);
    expect(rateFor([], { productId: 8, categoryId: 3 }, 1, parents)).toBe(0);
  });

  it('fees round up and always leave something to pay out', () => {
    expect(withdrawalFee(10_000, 60)).toBe(60);
    expect(withdrawalFee(101, 100)).toBe(2);
    expect(withdrawalFee(1, 2000)).toBe(0);
  });
});

/** One random checkout: lines, a coupon, points, shipping; then refunds of random units, in random order. */
const scenario = fc.record({
  lines: fc.array(
    fc.record({
      unitPriceFen: fc.integer({ min: 1, max: 200_000 }),
      quantity: fc.integer({ min: 1, max: 9 }),
      productId: fc.integer({ min: 1, max: 6 }),
    }),
    {
      minLength: 1,
      maxLength: 8,
    },
  ),
  couponOff: fc.integer({ min: 0, max: 50_000 }),
  percentOffBp: fc.integer({ min: 0, max: 5000 }),
  pointsShareBp: fc.integer({ min: 0, max: 10_000 }),
  pointsMaxFen: fc.integer({ min: 0, max: 100_000 }),
  storeBp: fc.integer({ min: 0, max: 5000 }),
  productBp: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5000 })), { maxLength: 4 }),
  refunds: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 9 })), { maxLength: 12 }),
});

describe('commission on what the customer kept paying (invariant 23)', () => {
  it('never exceeds rate × what each line finally kept, never counts shipping, points or coupons, and only goes down', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const adjustments: Adjustment[] = [
          { kind: 'coupon', code: 'coupon', label: '券', source: null, amount: { type: 'fixed', amountFen: s.couponOff } },
          { kind: 'coupon', code: 'coupon', label: '折', source: null, amount: { type: 'percent_off', basisPoints: s.percentOffBp } },
          {
            kind: 'points',
            code: 'points',
            label: '积分',
            source: null,
            amount: { type: 'up_to_share', maxFen: s.pointsMaxFen, shareBasisPoints: s.pointsShareBp },
          },
        ];
        const priced = priceOrder({
          lines: s.lines.map((l, key) => ({ key, unitPriceFen: l.unitPriceFen, quantity: l.quantity })),
          shipping: { flatFeeFen: 1000, freeThresholdFen: 9900 },
          adjustments,
        });
        const rules: CommissionRule[] = [
          { scope: 'store', targetId: 0, level1Bp: s.storeBp, level2Bp: 0 },
          ...[...new Map(s.productBp).entries()].map(([productId, bp]) => ({
            scope: 'product' as const,
            targetId: productId,
            level1Bp: bp,
            level2Bp: 0,
          })),
        ];
        const shares = commissionFor(
          rules,
          priced.lines.map((l) => ({ orderLineId: l.key, productId: s.lines[l.key]!.productId, categoryId: null, paidFen: l.paidFen })),
          1,
          parents,
        );
        // The base is what the shopper paid for goods after every discount (points included), without shipping.
        const base = shares.reduce((a, x) => a + x.baseFen, 0);
        expect(base).toBe(priced.itemsFen - priced.lines.reduce((a, l) => a + l.discountFen, 0));
        expect(base).toBe(priced.payableFen - priced.shippingFen);

        // Refunds as the orders module makes them: k of n units are worth floor(paid × k / n); the last units take the rest.
        const state = shares.map((x, i) => ({ ...x, refundedFen: 0, unitsLeft: s.lines[i]!.quantity }));
        for (const [pick, k] of s.refunds) {
          const line = state[pick % state.length]!;
          if (line.unitsLeft === 0) continue;
          const units = Math.min(k, line.unitsLeft);
          const refundFen =
            units === line.unitsLeft ? line.baseFen - line.refundedFen : Math.floor((line.baseFen * units) / s.lines[pick % state.length]!.quantity);
          line.unitsLeft -= units;
          const before = line.amountFen;
          const after = lineAfterRefund(line, refundFen, false);
          line.refundedFen = after.refundedFen;
          line.amountFen = after.amountFen;
          expect(line.amountFen).toBeLessThanOrEqual(before);
          expect(line.amountFen).toBeGreaterThanOrEqual(0);
          expect(line.amountFen).toBeLessThanOrEqual(commissionOn(line.baseFen - line.refundedFen, line.rateBp));
          // The database's CHECK on commission_lines says the same in integers.
          expect(line.amountFen * 10_000).toBeLessThanOrEqual(line.rateBp * (line.baseFen - line.refundedFen));
        }
        for (const line of state) if (line.unitsLeft === 0) expect(line.amountFen).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
