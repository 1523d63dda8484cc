/**
 * Invariant 11 across a crash, on SQLite and PostgreSQL: the record "done, with this answer" commits with the work of
 * the request (decision 028). A crash injected right after the work (the service has committed, the route has not
 * answered yet) and a retry with the same key and body: the work happened once and the retry gets the recorded
 * answer. A crash inside the work: nothing committed, and the retry is a clean first attempt. Paying calls the
 * platform over the network, outside any transaction: a retry after a crash opens no second trade.
 */
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, freshAddress, TEST_ADDRESS, M } from './factories.js';
import { paidOrder, placeOrder, type Shop, type Shopper, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

let keys = 0;

/** One request, sent again with the same key and body whenever `send()` is called. */
function request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  keys += 1;
  const key = `crash-${keys}`;
  return () =>
    ctx.app.request(path, {
      method,
      headers: m.headers({ 'idempotency-key': key, ...extra }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/**
 * Sends the request with `service[method]` crashing right after it returns (its work committed, nothing answered
 * yet), then sends it again; answers the retry.
 */
async function crashAfterTheWork<S extends object>(
  service: S,
  method: keyof S & string,
  send: () => Response | Promise<Response>,
): Promise<Response> {
  const asIs = service[method] as (...args: unknown[]) => Promise<unknown>;
  (service as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    await asIs.apply(service, args);
    throw new Error(`crash after ${method}`);
  };
  try {
    const crashed = await send();
    expect(crashed.status).toBe(500);
  } finally {
    (service as Record<string, unknown>)[method] = asIs;
  }
  return send();
}

async function expectReplay(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('idempotent-replayed')).toBe('true');
  return status === 204 ? null : res.json();
}

const rowsOf = (table: 'orders' | 'check_ins' | 'coupons' | 'addresses' | 'refunds' | 'points_mall_redemptions' | 'member_favourites') =>
  ctx.db.selectFrom(table).selectAll().where('member_id', '=', m.id).execute();

describe('a crash after the work: the retry gets the answer recorded with it, and nothing is done twice', () => {
  it('placing an order', async () => {
    const skuId = shop.sku(0);
    const send = request('POST', '/api/v1/orders', { items: [{ skuId, quantity: 2 }], addressId: m.addressId });
    const body = await expectReplay(await crashAfterTheWork(ctx.app.services.orders, 'create', send), 201);
    const orders = await rowsOf('orders');
    expect(orders.map((o) => Number(o.id))).toEqual([body.id]);
    expect(Number((await ctx.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()).stock)).toBe(8);
  });

  it('checking in', async () => {
    const send = request('POST', '/api/v1/check-in', {});
    const body = await expectReplay(await crashAfterTheWork(ctx.app.services.checkIn, 'checkIn', send), 200);
    expect(await rowsOf('check_ins')).toHaveLength(1);
    expect(body.pointsBalance).toBe(await ctx.app.services.points.balance(ctx.db, m.id));
  });

  it('a points-plus-cash redemption', async () => {
    const item = await call(ctx, 'POST', `${M}/points-mall/items`, shop.owner.headers(), {
      kind: 'virtual',
      title: '停车券',
      instructions: '出示核销码',
      pointsPrice: 100,
      cashFen: 500,
      totalStock: 10,
      status: 'on',
    });
    expect(item.status).toBe(201);
    await ctx.app.services.points.post(ctx.db, {
      memberId: m.id,
      delta: 300,
      reason: 'adjustment',
      kind: 'adjust',
      sourceKey: 'adjustment:crash',
      at: ctx.clock.now(),
    });
    const send = request('POST', '/api/v1/points-mall/redemptions', { itemId: item.body.id });
    const body = await expectReplay(await crashAfterTheWork(ctx.app.services.pointsMall, 'redeem', send), 201);
    expect((await rowsOf('points_mall_redemptions')).map((r) => Number(r.id))).toEqual([body.id]);
    expect(await ctx.app.services.points.balance(ctx.db, m.id)).toBe(200);
  });

  it('claiming a coupon', async () => {
    const t = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: '五元券',
      kind: 'no_threshold_off',
      amountFen: 500,
      perMemberLimit: 3,
      validity: { type: 'relative', days: 30 },
    });
    expect((await call(ctx, 'POST', `${M}/coupon-templates/${t.body.id}/activate`, shop.owner.headers())).status).toBe(200);
    const send = request('POST', '/api/v1/coupons/claim', { templateId: t.body.id }, { 'x-forwarded-for': freshAddress() });
    const body = await expectReplay(await crashAfterTheWork(ctx.app.services.coupons, 'claim', send), 201);
    expect((await rowsOf('coupons')).map((c) => Number(c.id))).toEqual([body.id]);
  });

  it('adding to the cart, and saving an address', async () => {
    const skuId = shop.sku(1);
    const add = request('POST', '/api/v1/cart/lines', { skuId, quantity: 3 });
    const cart = await expectReplay(await crashAfterTheWork(ctx.app.services.cart, 'add', add), 200);
    expect(cart.lines.map((l: { quantity: number }) => l.quantity)).toEqual([3]);
    expect((await call(ctx, 'GET', '/api/v1/cart', m.headers())).body.lines[0].quantity).toBe(3);

    const save = request('POST', '/api/v1/addresses', { ...TEST_ADDRESS, detail: '龙井路 2 号' });
    const address = await expectReplay(await crashAfterTheWork(ctx.app.services.addresses, 'create', save), 201);
    expect((await rowsOf('addresses')).map((a) => Number(a.id))).toEqual([m.addressId, address.id]);
  });

  it('asking for a refund, and a favourite added and removed (no body)', async () => {
    const order = await paidOrder(ctx, shop, m);
    const ask = request('POST', `/api/v1/orders/${order.id}/refunds`, { reason: '不要了' });
    const refund = await expectReplay(await crashAfterTheWork(ctx.app.services.refunds, 'request', ask), 201);
    expect((await rowsOf('refunds')).map((r) => Number(r.id))).toEqual([refund.id]);

    const product = await createProduct(ctx, shop.owner);
    const favourite = request('PUT', `/api/v1/me/favourites/${product.id}`);
    expect(await expectReplay(await crashAfterTheWork(ctx.app.services.favourites, 'add', favourite), 200)).toEqual({
      productId: product.id,
      isFavourite: true,
    });
    const unfavourite = request('DELETE', `/api/v1/me/favourites/${product.id}`);
    await expectReplay(await crashAfterTheWork(ctx.app.services.favourites, 'remove', unfavourite), 204);
    expect(await rowsOf('member_favourites')).toEqual([]);
  });

  it('editing the profile', async () => {
    const send = request('PATCH', '/api/v1/me/profile', { nickname: '晓晓', gender: 'female' });
    const body = await expectReplay(await crashAfterTheWork(ctx.app.services.members, 'updateProfile', send), 200);
    expect(body).toMatchObject({ nickname: '晓晓', gender: 'female' });
  });
});

describe('a crash inside the work: nothing committed, and the retry is a first attempt', () => {
  it('placing an order', async () => {
    const skuId = shop.sku(0);
    const send = request('POST', '/api/v1/orders', { items: [{ skuId, quantity: 1 }], addressId: m.addressId });
    ctx.probe.failOn('created', 'crash inside the order’s transaction');
    expect((await send()).status).toBe(500);
    ctx.probe.failOn(null);
    expect(await rowsOf('orders')).toEqual([]);
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await rowsOf('orders')).map((o) => Number(o.id))).toEqual([(await retried.json()).id]);
  });
});

describe('paying: the platform is called outside any transaction', () => {
  it('a retry after a crash opens no second trade: the order number is the trade number', async () => {
    const order = await placeOrder(ctx, shop, m);
    const send = request('POST', `/api/v1/orders/${order.id}/pay`, {});
    const retried = await crashAfterTheWork(ctx.app.services.payments, 'pay', send);
    expect(retried.status).toBe(200);
    // Nothing was recorded with the crashed attempt (there is no transaction to record it in): the retry pays anew,
    // and the platform answers for the trade it already has.
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const trade = ctx.simulator.trade('weapp', order.orderNo)!;
    expect((await retried.json()).payment.params.package).toBe(`prepay_id=${trade.prepayId}`);
    expect(await ctx.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).execute()).toHaveLength(1);
    // And the answer is kept now: the same request again is its replay.
    expect((await send()).headers.get('idempotent-replayed')).toBe('true');
  });
});
