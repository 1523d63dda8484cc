/**
 * GET /merchant/dashboard: figures per business day (Asia/Shanghai) checked against orders placed and paid in the
 * test at chosen instants, around midnight, on each platform; a refund completed; members joining; check-ins.
 */
import type { LoginPlatform } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { createTestContext, eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, loginMember, M } from './factories.js';
import { newShop, newShopper, paidOrder, type Shop, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s), {}, undefined, { autoCompleteRefunds: false });

async function paidAt(instant: string, platform: LoginPlatform) {
  ctx.clock.set(instant);
  const m = await newShopper(ctx, platform);
  const order = await paidOrder(ctx, shop, m); // 2 × 30.00 + 20.00 + 10.00 shipping = 90.00
  return { m, order };
}

describe('merchant dashboard', () => {
  it('counts paid orders, sales, refunds, new members and check-ins by business day in the merchant’s zone', async () => {
    // Out of range: 2026-10-23 is 30 days before today (2026-11-22), one day too early.
    await paidAt('2026-10-23T03:00:00.000Z', 'weapp');
    // 2026-11-16 01:00 Beijing (still the 15th in UTC): in the last 7 days.
    await paidAt('2026-11-15T17:00:00.000Z', 'weapp');
    // 2026-11-21 23:59:59 Beijing: yesterday.
    await paidAt('2026-11-21T15:59:59.000Z', 'alipay');
    // 2026-11-22 00:00 Beijing: today.
    const { m: ttShopper, order: ttOrder } = await paidAt('2026-11-21T16:00:00.000Z', 'tt');
    // An order placed today but never paid counts nowhere.
    ctx.clock.set('2026-11-22T01:00:00.000Z');
    const unpaid = await newShopper(ctx, 'weapp');
    expect(
      (
        await call(ctx, 'POST', '/api/v1/orders', unpaid.headers(), {
          items: [{ skuId: shop.sku(0), quantity: 1 }],
          addressId: unpaid.addressId,
        })
      ).status,
    ).toBe(201);

    // Today: the Douyin order is refunded in full, and the platform confirms it.
    ctx.clock.set('2026-11-22T01:30:00.000Z');
    const asked = await call(ctx, 'POST', `/api/v1/orders/${ttOrder.id}/refunds`, ttShopper.headers({ 'Idempotency-Key': 'refund-1' }), {
      reason: '不想要了',
    });
    expect(asked.status).toBe(201);
    expect((await call(ctx, 'POST', `${M}/refunds/${asked.body.id}/approve`, shop.owner.headers(), {})).status).toBe(200);
    await ctx.simulator.completeRefund('tt', asked.body.refundNo);

    // Two check-ins today.
    ctx.clock.set('2026-11-22T02:00:00.000Z');
    for (const m of [ttShopper, unpaid]) expect((await call(ctx, 'POST', '/api/v1/check-in', m.headers(), {})).status).toBe(200);

    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const res = await call(ctx, 'GET', `${M}/dashboard`, viewer.headers());
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({ timeZone: 'Asia/Shanghai', today: '2026-11-22' });
    expect(d.days).toHaveLength(30);
    expect(d.days[0].date).toBe('2026-10-24');
    expect(d.days[29].date).toBe('2026-11-22');

    expect(d.periods.today).toMatchObject({
      from: '2026-11-22',
      to: '2026-11-22',
      paidOrders: 1,
      salesFen: 9000,
      averageOrderFen: 9000,
      refunds: 1,
      refundFen: 9000,
      // Members joined today: the Douyin shopper (00:00) and the unpaid weapp shopper.
      newMembers: 2,
      newMembersByPlatform: { weapp: 1, alipay: 0, tt: 1 },
      checkIns: 2,
      paidOrdersByPlatform: { weapp: 0, alipay: 0, tt: 1 },
      salesFenByPlatform: { weapp: 0, alipay: 0, tt: 9000 },
    });
    expect(d.periods.last7Days).toMatchObject({
      from: '2026-11-16',
      paidOrders: 3,
      salesFen: 27000,
      averageOrderFen: 9000,
      newMembers: 4,
      newMembersByPlatform: { weapp: 2, alipay: 1, tt: 1 },
      paidOrdersByPlatform: { weapp: 1, alipay: 1, tt: 1 },
    });
    expect(d.periods.last30Days).toMatchObject({ from: '2026-10-24', paidOrders: 3, salesFen: 27000, refunds: 1, checkIns: 2 });
    const day = (date: string) => d.days.find((x: { date: string }) => x.date === date);
    expect(day('2026-11-16')).toMatchObject({ paidOrders: 1, salesFen: 9000 });
    expect(day('2026-11-15')).toMatchObject({ paidOrders: 0, salesFen: 0 });
    expect(day('2026-11-21')).toMatchObject({ paidOrders: 1, salesFenByPlatform: { alipay: 9000 } });
  });

  it('answers zeros for a shop with nothing yet', async () => {
    const res = await call(ctx, 'GET', `${M}/dashboard`, shop.owner.headers());
    expect(res.status).toBe(200);
    expect(res.body.periods.last30Days).toMatchObject({ paidOrders: 0, salesFen: 0, averageOrderFen: 0, refunds: 0, newMembers: 0, checkIns: 0 });
  });

  it('follows the configured time zone', async () => {
    await ctx.close();
    ctx = await createTestContext({ timeZone: 'UTC' }, '2026-11-22T02:00:00.000Z');
    shop = await newShop(ctx);
    await paidAt('2026-11-21T23:00:00.000Z', 'weapp'); // the 22nd in Beijing, the 21st in UTC
    ctx.clock.set('2026-11-22T02:00:00.000Z');
    const d = (await call(ctx, 'GET', `${M}/dashboard`, shop.owner.headers())).body;
    expect(d.timeZone).toBe('UTC');
    expect(d.periods.today.paidOrders).toBe(0);
    expect(d.days.find((x: { date: string }) => x.date === '2026-11-21').paidOrders).toBe(1);
  });

  it('is for staff only', async () => {
    const m = await loginMember(ctx);
    expect((await call(ctx, 'GET', `${M}/dashboard`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/dashboard`, {})).status).toBe(401);
  });
});
