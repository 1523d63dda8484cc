import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceShareOfRefund, type Parts, splitReturn, splitSpend } from './wallet-rules.js';

/**
 * The stored-value rules on random sequences (decision 039): top-ups, spends under either bonus rule, and refunds of
 * the orders in random pieces. Principal and bonus never go below zero, the balance always equals the sum of the
 * entries, a refund never gives the balance back more than the order took from it, the platform never gives back more
 * than it took, and an order refunded in full gives back exactly what it took.
 */
describe('wallet rules', () => {
  const op = fc.oneof(
    fc.record({ t: fc.constant('top_up' as const), principal: fc.integer({ min: 1, max: 100_000 }), bonus: fc.integer({ min: 0, max: 20_000 }) }),
    fc.record({
      t: fc.constant('spend' as const),
      payable: fc.integer({ min: 1, max: 150_000 }),
      rule: fc.constantFrom('proportional' as const, 'last' as const),
      pieces: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
      refundAll: fc.boolean(),
    }),
  );

  it('keeps both parts non-negative and the balance equal to the ledger through random top-ups, spends and refunds', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const balance: Parts = { principalFen: 0, bonusFen: 0 };
        const ledger: Parts[] = [];
        const post = (d: Parts) => {
          ledger.push(d);
          balance.principalFen += d.principalFen;
          balance.bonusFen += d.bonusFen;
          expect(balance.principalFen).toBeGreaterThanOrEqual(0);
          expect(balance.bonusFen).toBeGreaterThanOrEqual(0);
        };
        for (const o of ops) {
          if (o.t === 'top_up') {
            post({ principalFen: o.principal, bonusFen: o.bonus });
            continue;
          }
          const fromBalance = Math.min(o.payable, balance.principalFen + balance.bonusFen);
          const paid = splitSpend(balance, fromBalance, o.rule);
          expect(paid.principalFen + paid.bonusFen).toBe(fromBalance);
          post({ principalFen: -paid.principalFen, bonusFen: -paid.bonusFen });
          // Refund the order in random pieces (weights), the last piece when refundAll takes the rest.
          const returned: Parts = { principalFen: 0, bonusFen: 0 };
          let refunded = 0;
          let platformBack = 0;
          const total = o.pieces.reduce((s, w) => s + w, 0);
          for (const [i, w] of o.pieces.entries()) {
            const last = o.refundAll && i === o.pieces.length - 1;
            const amount = last ? o.payable - refunded : Math.floor(((o.payable - refunded) * w) / total);
            if (amount <= 0) continue;
            const share = balanceShareOfRefund(amount, o.payable, paid, returned, last);
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(amount);
            const back = splitReturn(paid, returned, share);
            expect(back.principalFen + back.bonusFen).toBe(share);
            expect(back.principalFen).toBeGreaterThanOrEqual(0);
            expect(back.bonusFen).toBeGreaterThanOrEqual(0);
            returned.principalFen += back.principalFen;
            returned.bonusFen += back.bonusFen;
            expect(returned.principalFen).toBeLessThanOrEqual(paid.principalFen);
            expect(returned.bonusFen).toBeLessThanOrEqual(paid.bonusFen);
            post(back);
            refunded += amount;
            platformBack += amount - share;
            expect(platformBack).toBeLessThanOrEqual(o.payable - fromBalance);
          }
          if (o.refundAll && refunded === o.payable) {
            expect(returned).toEqual(paid);
            expect(platformBack).toBe(o.payable - fromBalance);
          }
        }
        const sum = ledger.reduce((s, d) => ({ principalFen: s.principalFen + d.principalFen, bonusFen: s.bonusFen + d.bonusFen }), {
          principalFen: 0,
          bonusFen: 0,
        });
        expect(sum).toEqual(balance);
      }),
      { numRuns: 500 },
    );
  });
});
