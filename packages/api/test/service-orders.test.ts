/**
 * Orders of things that are not goods (decision 038): a top-up, a gift card or a membership card, created by the
 * module that sells it, paid through each platform's normal pay flow (the real notification, replayed), closed
 * unpaid when its window passes, refunded through a refund request; no goods participant (stock, coupons, points,
 * tiers) acts on it. SQLite and PostgreSQL.
 */
import type { LoginPlatform } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../src/lib/transaction.js';
import type { ServiceOrderKind } from '../src/modules/orders/index.js';
import { eachTestContext, type TestContext } from './context.js';
import { call } from './factories.js';
import { approvedRefund, expectOkAck, newShopper, orderRow, paidEvents, type Shopper, startPayment, stockOf, type Shop, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

async function serviceOrder(m: Shopper, kind: ServiceOrderKind, amountFen = 5000) {
  return inTransaction(ctx.db, (trx) =>
    ctx.app.services.orders.createServiceOrder(trx, {
      kind,
      memberId: m.id,
      platform: m.platform,
      title: `${kind} ¥${amountFen / 100}`,
      imageUrl: null,
      skuId: null,
      productId: null,
      unitPriceFen: amountFen,
      quantity: 1,
      address: null,
      reference: `T${kind}`,
    }),
  );
}

const pointsOf = (memberId: number) => ctx.app.services.points.balance(ctx.db, memberId);

describe('an order of a kind that is not goods', () => {
  for (const platform of ['weapp', 'alipay', 'tt'] as LoginPlatform[]) {
    it(`is paid through the ${platform} pay flow once, however often the notification comes, and only its own participants act`, async () => {
      const m = await newShopper(ctx, platform);
      const stockBefore = await stockOf(ctx, shop.sku(0));
      const { orderId, orderNo } = await serviceOrder(m, 'top_up', 5000);
      expect(await orderRow(ctx, orderId)).toMatchObject({ kind: 'top_up', payable_fen: 5000, shipping_fen: 0, status: 'awaiting_payment' });

      const pay = await startPayment(ctx, m, orderId);
      expect(pay.payableFen).toBe(5000);
      const { deliveries } = await ctx.simulator.pay(platform, orderNo, { duplicates: 8 });
      expect(deliveries).toHaveLength(8);
      for (const d of deliveries) expectOkAck(platform, d);

      expect((await orderRow(ctx, orderId)).status).toBe('paid');
      expect(await paidEvents(ctx, orderId)).toBe(1);
      // The probe (kinds 'all') saw the paid step once; no goods participant moved stock or earned points.
      expect(ctx.probe.seen.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
      expect(ctx.probe.seen.paid[0]!.kind).toBe('top_up');
      expect(await stockOf(ctx, shop.sku(0))).toBe(stockBefore);
      expect(await pointsOf(m.id)).toBe(0);
      // It is not among the member's goods orders, and there is nothing to ship.
      const list = await call(ctx, 'GET', '/api/v1/orders', m.headers());
      expect(list.body.items.map((o: { id: number }) => o.id)).not.toContain(orderId);
      const ship = await call(ctx, 'POST', `/api/v1/merchant/orders/${orderId}/ship`, shop.owner.headers(), {
        carrier: '顺丰',
        trackingNo: 'SF0001',
      });
      expect(ship.status).toBe(409);
    });
  }

  it('is closed unpaid when its payment window passes, and refunded through a refund request', async () => {
    const m = await newShopper(ctx, 'weapp');
    const unpaid = await serviceOrder(m, 'gift_card', 10000);
    ctx.clock.advance(31 * 60_000);
    await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now());
    expect((await orderRow(ctx, unpaid.orderId)).status).toBe('cancelled');
    expect(ctx.probe.seen.closedUnpaid.map((e) => e.kind)).toEqual(['gift_card']);

    const paid = await serviceOrder(m, 'member_card', 19900);
    await startPayment(ctx, m, paid.orderId);
    await ctx.simulator.pay('weapp', paid.orderNo);
    await approvedRefund(ctx, m, paid.orderId);
    expect(await orderRow(ctx, paid.orderId)).toMatchObject({ status: 'refunded', refunded_fen: 19900 });
    expect(ctx.probe.seen.refunded.map((e) => [e.kind, e.amountFen])).toEqual([['member_card', 19900]]);
  });

  it('keeps orders.kind to the known kinds (a CHECK)', async () => {
    const m = await newShopper(ctx, 'weapp');
    const { orderId } = await serviceOrder(m, 'top_up');
    await expect(
      ctx.db
        .updateTable('orders')
        .set({ kind: 'bogus' as never })
        .where('id', '=', orderId)
        .execute(),
    ).rejects.toThrow(/check/i);
  });
});
