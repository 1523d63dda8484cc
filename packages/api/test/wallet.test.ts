/**
 * Stored value (decision 039) through app.request() on SQLite and PostgreSQL: top-ups paid on every platform and
 * credited once however the notification is replayed; the balance paying an order alone or with the platform;
 * refunds giving the balance back in the parts paid; a top-up refunded only while unspent; owner-only adjustments;
 * the liability report; bad input; member tokens refused; parallel checkouts spending one balance.
 */
import type { LoginPlatform, Order, TopUp } from '@siyu/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, M } from './factories.js';
import { approvedRefund, expectOkAck, newShopper, orderRow, type Shop, type Shopper, startPayment, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const audit = (memberId: number) => ctx.app.services.wallet.audit(ctx.db, memberId);
async function expectConsistent(memberId: number) {
  const a = await audit(memberId);
  expect(a.account).toEqual(a.ledger);
  expect(a.account.principalFen).toBeGreaterThanOrEqual(0);
  expect(a.account.bonusFen).toBeGreaterThanOrEqual(0);
  return a.account;
}

async function addPackage(body: Record<string, unknown> = {}) {
  const res = await call(ctx, 'POST', `${M}/wallet/packages`, shop.owner.headers(), {
    title: '充 500 送 50',
    amountFen: 50000,
    bonusFen: 5000,
    bonusPoints: 100,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number };
}

/** A top-up bought and paid through the member's platform (the simulator delivers the real notification). */
async function toppedUp(m: Shopper, body: Record<string, unknown>, duplicates = 1): Promise<TopUp> {
  const res = await call(ctx, 'POST', '/api/v1/me/wallet/top-ups', m.headers(), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const t = res.body as TopUp;
  await startPayment(ctx, m, t.orderId);
  const { deliveries } = await ctx.simulator.pay(m.platform, t.orderNo, { duplicates });
  for (const d of deliveries) expectOkAck(m.platform, d);
  return (await call(ctx, 'GET', `/api/v1/me/wallet/top-ups/${t.id}`, m.headers())).body;
}

const placeWithBalance = (m: Shopper, items: { skuId: number; quantity: number }[]) =>
  call(ctx, 'POST', '/api/v1/orders', m.headers(), { items, addressId: m.addressId, couponIds: [], useBalance: true });

describe('top-ups', () => {
  for (const platform of ['weapp', 'alipay', 'tt'] as LoginPlatform[]) {
    it(`${platform}: a package paid once credits principal, bonus and points once, however often the notification comes (invariant 24)`, async () => {
      const m = await newShopper(ctx, platform);
      const p = await addPackage();
      const t = await toppedUp(m, { packageId: p.id }, 10);
      expect(t).toMatchObject({ status: 'credited', amountFen: 50000, bonusFen: 5000, bonusPoints: 100 });
      expect(await expectConsistent(m.id)).toEqual({ principalFen: 50000, bonusFen: 5000 });
      expect(await ctx.app.services.points.balance(ctx.db, m.id)).toBe(100);
      const wallet = await call(ctx, 'GET', '/api/v1/me/wallet', m.headers());
      expect(wallet.body).toMatchObject({ principalFen: 50000, bonusFen: 5000, balanceFen: 55000, bonusRule: 'proportional' });
      const ledger = await call(ctx, 'GET', '/api/v1/me/wallet/ledger', m.headers());
      expect(ledger.body.items).toEqual([expect.objectContaining({ kind: 'top_up', principalDeltaFen: 50000, bonusDeltaFen: 5000 })]);
      // A late redelivery changes nothing.
      const { deliveries } = await ctx.simulator.pay(platform, t.orderNo, { duplicates: 3 });
      for (const d of deliveries) expectOkAck(platform, d);
      expect(await expectConsistent(m.id)).toEqual({ principalFen: 50000, bonusFen: 5000 });
    });
  }

  it('takes a custom amount within the limits, and answers bad input with 400 naming the field, writing nothing', async () => {
    const m = await newShopper(ctx);
    const t = await toppedUp(m, { amountFen: 12345 });
    expect(t).toMatchObject({ status: 'credited', amountFen: 12345, bonusFen: 0 });
    const before = (await ctx.db.selectFrom('wallet_top_ups').select('id').execute()).length;
    for (const [body, field] of [
      [{ amountFen: 50 }, 'amountFen'],
      [{ amountFen: 5_000_001 }, 'amountFen'],
      [{ amountFen: 1.5 }, 'amountFen'],
      [{ amountFen: -100 }, 'amountFen'],
      [{}, 'packageId'],
      [{ packageId: 1, amountFen: 1000 }, 'packageId'],
      [{ packageId: 999999 }, 'packageId'],
      [{ amountFen: 1000, extra: 1 }, 'body'],
    ] as const) {
      const res = await call(ctx, 'POST', '/api/v1/me/wallet/top-ups', m.headers(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues[0].field, JSON.stringify(body)).toBe(field);
    }
    expect((await ctx.db.selectFrom('wallet_top_ups').select('id').execute()).length).toBe(before);
    const bad = await call(ctx, 'POST', `${M}/wallet/packages`, shop.owner.headers(), { title: '', amountFen: 0 });
    expect(bad.status).toBe(400);
  });

  it('a top-up is refunded (after staff approve) only while unspent: principal and bonus both taken back', async () => {
    const m = await newShopper(ctx);
    const p = await addPackage({ amountFen: 10000, bonusFen: 1000, bonusPoints: 0 });
    const spent = await toppedUp(m, { packageId: p.id });
    const kept = await toppedUp(m, { packageId: p.id });
    await approvedRefund(ctx, m, kept.orderId);
    expect(await expectConsistent(m.id)).toEqual({ principalFen: 10000, bonusFen: 1000 });
    expect((await call(ctx, 'GET', `/api/v1/me/wallet/top-ups/${kept.id}`, m.headers())).body.status).toBe('refunded');
    // Spend some of the rest: the other top-up can no longer be refunded.
    const order = await placeWithBalance(m, [{ skuId: shop.sku(1), quantity: 1 }]);
    expect(order.status).toBe(201);
    const asked = await call(ctx, 'POST', `/api/v1/orders/${spent.orderId}/refunds`, m.headers(), { reason: '不要了' });
    expect(asked.status).toBe(409);
    expect(asked.body.error.code).toBe('INSUFFICIENT_BALANCE');
  });
});

describe('the balance at checkout', () => {
  it('pays part of an order, the platform the rest; a partial refund gives each back its part, then the rest', async () => {
    const m = await newShopper(ctx, 'alipay');
    const p = await addPackage({ amountFen: 5000, bonusFen: 1000, bonusPoints: 0 });
    await toppedUp(m, { packageId: p.id });
    const res = await placeWithBalance(m, [
      { skuId: shop.sku(0), quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const order = res.body as Order;
    expect(order.balanceFen).toBe(6000);
    expect(order.status).toBe('awaiting_payment');
    expect(await expectConsistent(m.id)).toEqual({ principalFen: 0, bonusFen: 0 });
    const pay = await startPayment(ctx, m, order.id);
    expect(pay.payableFen).toBe(order.payableFen - 6000);
    await ctx.simulator.pay('alipay', order.orderNo);
    expect((await orderRow(ctx, order.id)).status).toBe('paid');

    // Refund the 20.00 line: the balance gets its share back first (rounded up), the platform the rest.
    const line = order.lines.find((l) => l.skuId === shop.sku(1))!;
    const first = await approvedRefund(ctx, m, order.id, [{ orderLineId: line.id, quantity: 1 }]);
    const share = Math.ceil((first.amountFen * 6000) / order.payableFen);
    const afterFirst = await expectConsistent(m.id);
    expect(afterFirst.principalFen + afterFirst.bonusFen).toBe(share);
    expect(ctx.simulator.trade('alipay', order.orderNo)!.refunds.reduce((s, r) => s + r.refundFen, 0)).toBe(first.amountFen - share);
    // In the parts paid: 5000 principal and 1000 bonus, proportionally.
    expect(afterFirst.bonusFen).toBe(Math.floor((share * 1000) / 6000));

    await approvedRefund(ctx, m, order.id);
    expect(await expectConsistent(m.id)).toEqual({ principalFen: 5000, bonusFen: 1000 });
    expect(ctx.simulator.trade('alipay', order.orderNo)!.refunds.reduce((s, r) => s + r.refundFen, 0)).toBe(order.payableFen - 6000);
    expect((await orderRow(ctx, order.id)).status).toBe('refunded');
  });

  it('pays a whole order alone (paid at creation), refunded back to the balance without the platform; a cancelled order gives it back', async () => {
    const m = await newShopper(ctx);
    await toppedUp(m, { amountFen: 20000 });
    const res = await placeWithBalance(m, [{ skuId: shop.sku(0), quantity: 1 }]);
    const order = res.body as Order;
    expect(order).toMatchObject({ status: 'paid', balanceFen: order.payableFen });
    expect((await expectConsistent(m.id)).principalFen).toBe(20000 - order.payableFen);
    await approvedRefund(ctx, m, order.id);
    expect(await expectConsistent(m.id)).toEqual({ principalFen: 20000, bonusFen: 0 });

    const partly = (await placeWithBalance(m, [{ skuId: shop.sku(0), quantity: 9 }])).body as Order;
    expect(partly.balanceFen).toBe(20000);
    const cancel = await call(ctx, 'POST', `/api/v1/orders/${partly.id}/cancel`, m.headers(), {});
    expect(cancel.status).toBe(200);
    expect(await expectConsistent(m.id)).toEqual({ principalFen: 20000, bonusFen: 0 });
  });

  it('spends bonus last when the merchant says so', async () => {
    const m = await newShopper(ctx);
    const rules = await call(ctx, 'PUT', `${M}/wallet/settings`, shop.owner.headers(), {
      bonusRule: 'last',
      customTopUp: true,
      customMinFen: 100,
      customMaxFen: 5_000_000,
    });
    expect(rules.status).toBe(200);
    const p = await addPackage({ amountFen: 5000, bonusFen: 5000, bonusPoints: 0 });
    await toppedUp(m, { packageId: p.id });
    const order = (await placeWithBalance(m, [{ skuId: shop.sku(1), quantity: 1 }])).body as Order;
    const left = await expectConsistent(m.id);
    expect(left).toEqual({ principalFen: 5000 - Math.min(5000, order.payableFen), bonusFen: 5000 - Math.max(0, order.payableFen - 5000) });
  });

  it('parallel checkouts spending one balance never take it below zero (invariant 24)', async () => {
    const m = await newShopper(ctx);
    await toppedUp(m, { amountFen: 10000 });
    const results = await Promise.all(Array.from({ length: 6 }, () => placeWithBalance(m, [{ skuId: shop.sku(0), quantity: 1 }])));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const used = results.reduce((s, r) => s + (r.body as Order).balanceFen, 0);
    expect(used).toBe(10000);
    expect(await expectConsistent(m.id)).toEqual({ principalFen: 0, bonusFen: 0 });
  });
});

describe('merchant', () => {
  it('only the owner adjusts balances, with a reason; adjustments cannot overdraw; member tokens are refused; the liability is the sum', async () => {
    const a = await newShopper(ctx);
    const b = await newShopper(ctx);
    await toppedUp(a, { amountFen: 30000 });
    const operator = await createStaffAndLogin(ctx, 'operator');
    const adjust = (who: { headers: () => Record<string, string> }, memberId: number, body: unknown) =>
      call(ctx, 'POST', `${M}/wallet/members/${memberId}/adjustments`, who.headers(), body);

    expect((await adjust(operator, b.id, { bonusDeltaFen: 500, reason: '客服补偿' })).status).toBe(403);
    expect((await adjust(a, b.id, { bonusDeltaFen: 500, reason: '客服补偿' })).status).toBe(403);
    for (const path of ['/wallet/settings', '/wallet/packages', `/wallet/members/${a.id}`, '/wallet/liability'])
      expect((await call(ctx, 'GET', `${M}${path}`, a.headers())).status).toBe(403);
    const noReason = await adjust(shop.owner, b.id, { bonusDeltaFen: 500 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues[0].field).toBe('reason');
    const zero = await adjust(shop.owner, b.id, { reason: '无变化' });
    expect(zero.body.error.details.issues[0].field).toBe('principalDeltaFen');
    expect((await adjust(shop.owner, 999999, { bonusDeltaFen: 1, reason: '不存在' })).status).toBe(404);

    const ok = await adjust(shop.owner, b.id, { bonusDeltaFen: 500, principalDeltaFen: 100, reason: '客服补偿' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ principalFen: 100, bonusFen: 500, ledger: [expect.objectContaining({ kind: 'adjustment', note: '客服补偿' })] });
    const over = await adjust(shop.owner, b.id, { bonusDeltaFen: -501, reason: '扣回' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('INSUFFICIENT_BALANCE');
    await expectConsistent(b.id);

    const liability = await call(ctx, 'GET', `${M}/wallet/liability`, operator.headers());
    expect(liability.body).toMatchObject({ principalFen: 30100, bonusFen: 500, totalFen: 30600, members: 2 });
    const before = await call(ctx, 'GET', `${M}/wallet/liability?at=2020-01-01T00:00:00.000Z`, operator.headers());
    expect(before.body).toMatchObject({ totalFen: 0, members: 0 });
  });
});

describe('a property over the database', () => {
  it('random top-ups, spends, partial refunds and bonus rules keep both parts non-negative, each ledger equal to its balance, and the liability the sum', async () => {
    const members = [await newShopper(ctx, 'weapp'), await newShopper(ctx, 'alipay')];
    const pkg = await addPackage({ amountFen: 3000, bonusFen: 700, bonusPoints: 0 });
    const op = fc.oneof(
      fc.record({ t: fc.constant('top_up' as const), who: fc.nat(1), custom: fc.option(fc.integer({ min: 100, max: 9000 }), { nil: null }) }),
      fc.record({ t: fc.constant('spend' as const), who: fc.nat(1), sku: fc.nat(1), refund: fc.constantFrom('none', 'line', 'all') }),
      fc.record({ t: fc.constant('rule' as const), rule: fc.constantFrom('proportional', 'last') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 5 }), async (ops) => {
        for (const o of ops) {
          if (o.t === 'rule') {
            const body = { bonusRule: o.rule, customTopUp: true, customMinFen: 100, customMaxFen: 5_000_000 };
            expect((await call(ctx, 'PUT', `${M}/wallet/settings`, shop.owner.headers(), body)).status).toBe(200);
          } else if (o.t === 'top_up') {
            await toppedUp(members[o.who]!, o.custom === null ? { packageId: pkg.id } : { amountFen: o.custom });
          } else {
            const m = members[o.who]!;
            const res = await placeWithBalance(m, [
              { skuId: shop.sku(o.sku), quantity: 1 },
              { skuId: shop.sku(1 - o.sku), quantity: 1 },
            ]);
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            const order = res.body as Order;
            if (order.status === 'awaiting_payment') {
              await startPayment(ctx, m, order.id);
              await ctx.simulator.pay(m.platform, order.orderNo);
            }
            if (o.refund !== 'none') await approvedRefund(ctx, m, order.id, [{ orderLineId: order.lines[0]!.id, quantity: 1 }]);
            if (o.refund === 'all') await approvedRefund(ctx, m, order.id);
          }
          let sum = 0;
          for (const m of members) {
            const a = await expectConsistent(m.id);
            sum += a.principalFen + a.bonusFen;
          }
          expect((await ctx.app.services.wallet.liability()).totalFen).toBe(sum);
        }
        // Stock goes back with refunds only: keep the shop stocked for the next run.
        await ctx.db.updateTable('skus').set({ stock: 10 }).execute();
      }),
      { numRuns: 4 },
    );
  });
});
