import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Adjustment, allocateProportionally, type PricingInput, priceOrder } from './pricing.js';

const shipping = { flatFeeFen: 1000, freeThresholdFen: 9900 };
const coupon = (amount: Adjustment['amount'], extra: Partial<Adjustment> = {}): Adjustment => ({
  kind: 'coupon',
  code: 'coupon',
  label: '优惠券',
  source: { type: 'coupon', id: 7 },
  amount,
  ...extra,
});

describe('allocateProportionally', () => {
  it('splits in proportion, the leftover fen to the largest remainders, ties to the earlier line', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(10, [3000, 2000, 1000])).toEqual([5, 3, 2]);
    expect(allocateProportionally(7, [5, 5])).toEqual([4, 3]);
    expect(allocateProportionally(0, [5, 5])).toEqual([0, 0]);
    expect(allocateProportionally(10, [10, 0])).toEqual([10, 0]);
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    const shares = allocateProportionally(999_999_999, [999_999_999, 999_999_998, 1]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(999_999_999);
    expect(shares[2]).toBeLessThanOrEqual(1);
  });

  it('agrees with exact BigInt arithmetic (the largest-remainder rule) for any total up to the weights', () => {
    const reference = (total: number, weights: number[]) => {
      const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
      const t = BigInt(total);
      const shares = weights.map((w) => (t * BigInt(w)) / sum);
      let left = t - shares.reduce((s, x) => s + x, 0n);
      const order = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
      for (const { i } of order) {
        if (left === 0n) break;
        shares[i] = shares[i]! + 1n;
        left -= 1n;
      }
      return shares.map(Number);
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 2 ** 40 })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, f) => {
          const sum = weights.reduce((s, w) => s + w, 0);
          fc.pre(sum > 0);
          const total = Math.floor(sum * f);
          expect(allocateProportionally(total, weights)).toEqual(reference(total, weights));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses nonsense', () => {
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(1.5, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(1, [0, 0])).toThrow(RangeError);
  });
});

describe('priceOrder', () => {
  it('without adjustments: items, flat shipping below the threshold, free at or above it', () => {
    const below = priceOrder({ lines: [{ key: 0, unitPriceFen: 2990, quantity: 2 }], shipping, adjustments: [] });
    expect(below).toMatchObject({ itemsFen: 5980, shippingFen: 1000, shippingRule: 'flat', discountFen: 0, payableFen: 6980 });
    expect(below.breakdown).toEqual([
      { kind: 'items', code: 'items', label: '商品金额', amountFen: 5980, source: null },
      { kind: 'shipping', code: 'shipping_flat', label: '运费', amountFen: 1000, source: null },
    ]);
    const at = priceOrder({ lines: [{ key: 0, unitPriceFen: 9900, quantity: 1 }], shipping, adjustments: [] });
    expect(at).toMatchObject({ shippingFen: 0, shippingRule: 'free_threshold', payableFen: 9900 });
    expect(at.breakdown[1]).toMatchObject({ code: 'shipping_free_threshold', label: '运费（满额包邮）', amountFen: 0 });
  });

  it('applies member price, then coupons, then points, then shipping, whatever the input order', () => {
    const lines = [
      { key: 0, unitPriceFen: 10000, quantity: 1 },
      { key: 1, unitPriceFen: 5000, quantity: 2 },
    ];
    const adjustments: Adjustment[] = [
      { kind: 'shipping', code: 'free_shipping', label: '包邮券', source: { type: 'coupon', id: 9 }, amount: { type: 'all' } },
      {
        kind: 'points',
        code: 'points',
        label: '积分抵扣',
        source: { type: 'points', id: null },
        amount: { type: 'up_to_share', maxFen: 100_000, shareBasisPoints: 1000 },
      },
      coupon({ type: 'fixed', amountFen: 2000 }, { minSpendFen: 15000 }),
      {
        kind: 'member_price',
        code: 'tier_discount',
        label: '会员价',
        source: { type: 'tier', id: 2 },
        amount: { type: 'percent_off', basisPoints: 500 },
      },
    ];
    const r = priceOrder({ lines, shipping: { flatFeeFen: 1000, freeThresholdFen: null }, adjustments });
    // 20000 → member price 5 % off (1000) → 19000 → 20.00 off at or above 150.00 → 17000 → points up to 10 % (1700) → 15300.
    expect(r.adjustments.map((a) => [a.code, a.status, a.amountFen])).toEqual([
      ['tier_discount', 'applied', 1000],
      ['coupon', 'applied', 2000],
      ['points', 'applied', 1700],
      ['free_shipping', 'applied', 1000],
    ]);
    expect(r).toMatchObject({ itemsFen: 20000, shippingFen: 1000, discountFen: 5700, payableFen: 15300 });
    expect(r.lines).toEqual([
      { key: 0, lineTotalFen: 10000, discountFen: 2350, paidFen: 7650 },
      { key: 1, lineTotalFen: 10000, discountFen: 2350, paidFen: 7650 },
    ]);
    expect(r.breakdown.map((b) => [b.code, b.amountFen])).toEqual([
      ['items', 20000],
      ['tier_discount', -1000],
      ['coupon', -2000],
      ['points', -1700],
      ['shipping_flat', 1000],
      ['free_shipping', -1000],
    ]);
    expect(r.breakdown[2]!.source).toEqual({ type: 'coupon', id: 7 });
  });

  it('measures the free-shipping threshold after coupons, before points', () => {
    const lines = [{ key: 0, unitPriceFen: 10000, quantity: 1 }];
    const couponed = priceOrder({ lines, shipping, adjustments: [coupon({ type: 'fixed', amountFen: 200 })] });
    expect(couponed).toMatchObject({ shippingRule: 'flat', shippingFen: 1000, payableFen: 10800 });
    const pointsOnly = priceOrder({
      lines,
      shipping,
      adjustments: [
        { kind: 'points', code: 'points', label: '积分抵扣', source: null, amount: { type: 'up_to_share', maxFen: 5000, shareBasisPoints: 10_000 } },
      ],
    });
    expect(pointsOnly).toMatchObject({ shippingRule: 'free_threshold', shippingFen: 0, payableFen: 5000 });
  });

  it('limits a coupon to its eligible lines and its threshold to what they cost', () => {
    const lines = [
      { key: 0, unitPriceFen: 3000, quantity: 1 },
      { key: 1, unitPriceFen: 8000, quantity: 1 },
    ];
    const scoped = priceOrder({
      lines,
      shipping,
      adjustments: [coupon({ type: 'percent_off', basisPoints: 5000, capFen: 1000 }, { eligibleLineKeys: [0] })],
    });
    expect(scoped.lines.map((l) => l.discountFen)).toEqual([1000, 0]);
    const tooSmall = priceOrder({
      lines,
      shipping,
      adjustments: [coupon({ type: 'fixed', amountFen: 500 }, { eligibleLineKeys: [0], minSpendFen: 5000 })],
    });
    expect(tooSmall.adjustments[0]).toMatchObject({ status: 'below_threshold', amountFen: 0 });
    expect(tooSmall.breakdown.some((b) => b.kind === 'discount')).toBe(false);
  });

  it('never takes more than what is left: a coupon larger than the goods makes them free, not negative', () => {
    const r = priceOrder({
      lines: [{ key: 0, unitPriceFen: 1500, quantity: 1 }],
      shipping: { flatFeeFen: 800, freeThresholdFen: null },
      adjustments: [coupon({ type: 'fixed', amountFen: 5000 }), coupon({ type: 'fixed', amountFen: 100 }, { code: 'second' })],
    });
    expect(r.adjustments.map((a) => [a.status, a.amountFen])).toEqual([
      ['applied', 1500],
      ['nothing_to_discount', 0],
    ]);
    expect(r).toMatchObject({ discountFen: 1500, shippingFen: 800, payableFen: 800 });
    // Shipping coupons only touch shipping.
    const shipOnly = priceOrder({
      lines: [{ key: 0, unitPriceFen: 1500, quantity: 1 }],
      shipping: { flatFeeFen: 800, freeThresholdFen: null },
      adjustments: [{ kind: 'shipping', code: 'shipping_coupon', label: '运费券', source: null, amount: { type: 'fixed', amountFen: 5000 } }],
    });
    expect(shipOnly).toMatchObject({ discountFen: 800, payableFen: 1500 });
    expect(shipOnly.lines[0]).toMatchObject({ discountFen: 0, paidFen: 1500 });
  });

  it('leaves out a later kind that an applied adjustment excludes', () => {
    const points: Adjustment = {
      kind: 'points',
      code: 'points',
      label: '积分抵扣',
      source: null,
      amount: { type: 'up_to_share', maxFen: 1000, shareBasisPoints: 10_000 },
    };
    const r = priceOrder({
      lines: [{ key: 0, unitPriceFen: 5000, quantity: 1 }],
      shipping: { flatFeeFen: 0, freeThresholdFen: null },
      adjustments: [points, coupon({ type: 'fixed', amountFen: 500 }, { excludes: ['points'] })],
    });
    expect(r.adjustments.map((a) => [a.code, a.status, a.amountFen])).toEqual([
      ['coupon', 'applied', 500],
      ['points', 'excluded', 0],
    ]);
    // A coupon that does not apply excludes nothing.
    const below = priceOrder({
      lines: [{ key: 0, unitPriceFen: 5000, quantity: 1 }],
      shipping: { flatFeeFen: 0, freeThresholdFen: null },
      adjustments: [points, coupon({ type: 'fixed', amountFen: 500 }, { excludes: ['points'], minSpendFen: 9000 })],
    });
    expect(below.adjustments.map((a) => a.status)).toEqual(['below_threshold', 'applied']);
  });

  it('rounds points down to whole points', () => {
    const r = priceOrder({
      lines: [{ key: 0, unitPriceFen: 1999, quantity: 1 }],
      shipping: { flatFeeFen: 0, freeThresholdFen: null },
      adjustments: [
        {
          kind: 'points',
          code: 'points',
          label: '积分抵扣',
          source: null,
          amount: { type: 'up_to_share', maxFen: 100_000, shareBasisPoints: 5000, stepFen: 100 },
        },
      ],
    });
    expect(r.adjustments[0]!.amountFen).toBe(900);
  });

  it('refuses malformed input instead of pricing it', () => {
    const base: PricingInput = { lines: [{ key: 0, unitPriceFen: 100, quantity: 1 }], shipping, adjustments: [] };
    expect(() => priceOrder({ ...base, lines: [{ key: 0, unitPriceFen: -1, quantity: 1 }] })).toThrow(RangeError);
    expect(() => priceOrder({ ...base, lines: [{ key: 0, unitPriceFen: 1.5, quantity: 1 }] })).toThrow(RangeError);
    expect(() => priceOrder({ ...base, lines: [{ key: 0, unitPriceFen: 1, quantity: 0 }] })).toThrow(RangeError);
    expect(() =>
      priceOrder({
        ...base,
        lines: [
          { key: 0, unitPriceFen: 1, quantity: 1 },
          { key: 0, unitPriceFen: 1, quantity: 1 },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => priceOrder({ ...base, adjustments: [coupon({ type: 'percent_off', basisPoints: 10_001 })] })).toThrow(RangeError);
  });
});

describe('priceOrder, properties over random carts and adjustments', () => {
  const line = fc.record({ unitPriceFen: fc.integer({ min: 0, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 99 }) });
  const amount: fc.Arbitrary<Adjustment['amount']> = fc.oneof(
    fc.record({ type: fc.constant('fixed' as const), amountFen: fc.integer({ min: 0, max: 2_000_000 }) }),
    fc.record(
      { type: fc.constant('percent_off' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }), capFen: fc.integer({ min: 0, max: 500_000 }) },
      { requiredKeys: ['type', 'basisPoints'] },
    ),
    fc.record(
      {
        type: fc.constant('up_to_share' as const),
        maxFen: fc.integer({ min: 0, max: 2_000_000 }),
        shareBasisPoints: fc.integer({ min: 0, max: 10_000 }),
        stepFen: fc.integer({ min: 1, max: 100 }),
      },
      { requiredKeys: ['type', 'maxFen', 'shareBasisPoints'] },
    ),
    fc.constant({ type: 'all' as const }),
  );
  const input = fc.array(line, { minLength: 1, maxLength: 20 }).chain((lines) =>
    fc.record({
      lines: fc.constant(lines.map((l, key) => ({ key, ...l }))),
      shipping: fc.record({
        flatFeeFen: fc.integer({ min: 0, max: 5000 }),
        freeThresholdFen: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
      }),
      adjustments: fc.array(
        fc.record(
          {
            kind: fc.constantFrom('member_price' as const, 'coupon' as const, 'points' as const, 'shipping' as const),
            code: fc.constantFrom('a', 'b', 'c'),
            label: fc.constant('x'),
            source: fc.constant(null),
            eligibleLineKeys: fc.subarray(lines.map((_, key) => key)),
            minSpendFen: fc.integer({ min: 0, max: 1_000_000 }),
            amount,
          },
          { requiredKeys: ['kind', 'code', 'label', 'source', 'amount'] },
        ),
        { maxLength: 8 },
      ),
    }),
  );

  it('allocations add up to each discount; no line below zero; payable = items + shipping - discounts; deterministic', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = priceOrder(i);
        for (const a of r.adjustments) {
          expect(a.amountFen).toBeGreaterThanOrEqual(0);
          if (a.appliesTo === 'items') expect(a.allocations.reduce((s, x) => s + x.amountFen, 0)).toBe(a.amountFen);
          expect(a.status === 'applied').toBe(a.amountFen > 0);
        }
        for (const l of r.lines) {
          expect(l.paidFen).toBeGreaterThanOrEqual(0);
          expect(l.paidFen + l.discountFen).toBe(l.lineTotalFen);
          const allocated = r.adjustments.flatMap((a) => a.allocations).filter((x) => x.key === l.key);
          expect(allocated.reduce((s, x) => s + x.amountFen, 0)).toBe(l.discountFen);
        }
        const itemDiscounts = r.lines.reduce((s, l) => s + l.discountFen, 0);
        const shippingDiscounts = r.adjustments.filter((a) => a.appliesTo === 'shipping').reduce((s, a) => s + a.amountFen, 0);
        expect(shippingDiscounts).toBeLessThanOrEqual(r.shippingFen);
        expect(r.discountFen).toBe(itemDiscounts + shippingDiscounts);
        expect(r.payableFen).toBe(r.itemsFen + r.shippingFen - r.discountFen);
        expect(r.payableFen).toBeGreaterThanOrEqual(0);
        expect(r.breakdown.reduce((s, b) => s + b.amountFen, 0)).toBe(r.payableFen);
        expect(priceOrder(structuredClone(i))).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('the order of kinds is fixed: shuffling adjustments of different kinds changes nothing', () => {
    fc.assert(
      fc.property(input, (i) => {
        // Kinds in reverse; the sort is stable, so the order within each kind stays.
        const rank = (k: string) => ['shipping', 'points', 'coupon', 'member_price'].indexOf(k);
        const shuffled = [...i.adjustments].sort((a, b) => rank(a.kind) - rank(b.kind));
        const strip = (r: ReturnType<typeof priceOrder>) => ({ ...r, adjustments: r.adjustments.map(({ index: _index, ...a }) => a) });
        expect(strip(priceOrder({ ...i, adjustments: shuffled }))).toEqual(strip(priceOrder(i)));
      }),
      { numRuns: 300 },
    );
  });
});
