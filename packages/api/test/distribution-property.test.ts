/**
 * A property test of commission through the real order lifecycle, on SQLite and PostgreSQL: for random rates, orders,
 * partial refunds before or after settlement and withdrawals, each commission line pays at most its rate times what
 * the customer kept paying for the line (invariant 23), and the distributor's ledger sums to the account (invariant
 * 24). Seeded, so a failure replays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, DAY, loginMember, M, type TestMember } from './factories.js';
import { approvedRefund, newShopper, placeOrder, payOrder, type Shop, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

describe('commission property', () => {
  it('for random rates, orders, refunds and withdrawals: commission ≤ rate × kept per line, and the ledger sums to the balance', async () => {
    const svc = ctx.app.services.distribution;
    let owner = shop.owner;
    const dmUser = 'property-distributor';
    let dm: TestMember = await loginMember(ctx, { user: dmUser });
    expect((await call(ctx, 'POST', '/api/v1/distribution/apply', dm.headers())).status).toBe(200);
    const { id: did } = await ctx.db.selectFrom('distributors').select('id').where('member_id', '=', dm.id).executeTakeFirstOrThrow();
    await call(ctx, 'POST', `${M}/distributors/${did}/status`, owner.headers(), { status: 'active' });

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          storeBp: fc.integer({ min: 0, max: 5000 }),
          prices: fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 })),
          quantities: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 })),
          refunds: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 3 })), { maxLength: 3 }),
          settleFirst: fc.boolean(),
          withdrawFen: fc.integer({ min: 1, max: 20_000 }),
        }),
        async (s) => {
          owner = await createStaffAndLogin(ctx, 'owner');
          dm = await loginMember(ctx, { user: dmUser });
          expect(
            (
              await call(ctx, 'PUT', `${M}/distribution/rules`, owner.headers(), {
                items: [{ scope: 'store', targetId: 0, level1Bp: s.storeBp, level2Bp: 0 }],
              })
            ).status,
          ).toBe(200);
          const product = await createProduct(ctx, owner, {
            skus: [
              { priceFen: s.prices[0], stock: 50 },
              { priceFen: s.prices[1], stock: 50 },
            ],
          });
          const c = await newShopper(ctx);
          await svc.bind(ctx.db, { customerId: c.id, sharer: { kind: 'distributor', id: did }, at: ctx.clock.now() });
          const items = [0, 1].filter((i) => s.quantities[i]! > 0).map((i) => ({ skuId: product.skus[i]!.id, quantity: s.quantities[i]! }));
          const order = await placeOrder(ctx, { ...shop, product, sku: (i) => product.skus[i]!.id }, c, items);
          await payOrder(ctx, c, order);
          if (s.settleFirst) {
            await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567' });
            await call(ctx, 'POST', `/api/v1/orders/${order.id}/confirm-receipt`, c.headers());
            ctx.clock.advance(7 * DAY + 1000);
            await svc.settleDue();
          }
          const left = new Map(order.lines.map((l) => [l.id, l.quantity]));
          for (const [which, k] of s.refunds) {
            const line = order.lines[which % order.lines.length]!;
            const units = Math.min(k, left.get(line.id)!);
            if (units === 0) continue;
            left.set(line.id, left.get(line.id)! - units);
            await approvedRefund(ctx, c, order.id, [{ orderLineId: line.id, quantity: units }]);
          }
          await call(ctx, 'POST', '/api/v1/distribution/withdrawals', dm.headers(), { amountFen: s.withdrawFen, platform: 'alipay' });

          // Each line: at most rate × (paid − refunded), the refunded part what the orders module refunded.
          const lines = await ctx.db
            .selectFrom('commission_lines')
            .innerJoin('commissions', 'commissions.id', 'commission_lines.commission_id')
            .select(['commission_lines.order_line_id', 'rate_bp', 'commission_lines.base_fen', 'refunded_fen', 'commission_lines.amount_fen'])
            .where('commissions.order_id', '=', order.id)
            .execute();
          const orderLines = await ctx.db
            .selectFrom('order_lines')
            .select(['id', 'paid_fen', 'refunded_fen'])
            .where('order_id', '=', order.id)
            .execute();
          for (const l of lines) {
            const ol = orderLines.find((o) => o.id === l.order_line_id)!;
            expect(l.base_fen).toBe(ol.paid_fen);
            expect(l.refunded_fen).toBe(ol.refunded_fen);
            expect(l.amount_fen * 10_000).toBeLessThanOrEqual(l.rate_bp * (ol.paid_fen - ol.refunded_fen));
            expect(l.amount_fen).toBe(Math.floor((l.rate_bp * (ol.paid_fen - ol.refunded_fen)) / 10_000));
          }
          const a = await svc.audit(ctx.db, did);
          expect(a.ledger).toBe(a.balance - a.debt);
          expect(a.balance).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 6, seed: 20261208 },
    );
  });
});
