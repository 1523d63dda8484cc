import { beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/lib/transaction.js';
import { silentLogger } from '../src/lib/logger.js';
import { startOrderExpiryJob } from '../src/modules/orders/index.js';
import { eachTestContext, type TestContext } from './context.js';
import {
  call,
  createProduct,
  createStaffAndLogin,
  loginMember,
  type StaffSession,
  type TestMember,
  type TestProduct,
  addAddress,
  withOwnerAndMember,
  M,
} from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
let member: TestMember;
let addressId: number;
eachTestContext(
  async (c) => {
    const people = await withOwnerAndMember(c);
    return { ...people, addressId: await addAddress(c, people.member) };
  },
  (s) => ({ ctx, owner, member, addressId } = s),
);

const stockOf = async (skuId: number) =>
  Number((await ctx.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()).stock);
const orderCount = async () => (await ctx.db.selectFrom('orders').select('id').execute()).length;
const placeOrder = (m: TestMember, body: unknown, headers: Record<string, string> = {}) =>
  call(ctx, 'POST', '/api/v1/orders', m.headers(headers), body);
const pay = (orderNo: string, amountFen: number, transactionId = `tx-${orderNo}`, platform = 'weapp') =>
  inTransaction(ctx.db, (trx) =>
    ctx.app.services.orders.markOrderPaid(trx, { orderNo, amountFen, platform, transactionId, paidAt: ctx.clock.now() }),
  );

describe('checkout preview', () => {
  it('computes items, shipping (flat, free above the threshold) and payable as named lines', async () => {
    const p = await createProduct(ctx, owner, {
      skus: [
        { priceFen: 2990, stock: 10 },
        { priceFen: 4500, stock: 10 },
      ],
    });
    const cheap = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), {
      items: [{ skuId: p.skus[0]!.id, quantity: 2 }],
      addressId,
    });
    expect(cheap.status).toBe(200);
    expect(cheap.body).toMatchObject({
      itemsFen: 5980,
      shippingFen: 1000,
      payableFen: 6980,
      canSubmit: true,
      breakdown: [
        { kind: 'items', label: '商品金额', amountFen: 5980 },
        { kind: 'shipping', label: '运费', amountFen: 1000 },
      ],
      address: expect.objectContaining({ name: '林晓' }),
    });
    const free = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), {
      items: [
        { skuId: p.skus[0]!.id, quantity: 1 },
        { skuId: p.skus[1]!.id, quantity: 2 },
      ],
    });
    expect(free.body).toMatchObject({ itemsFen: 11990, shippingFen: 0, payableFen: 11990, address: null, canSubmit: false });

    const put = await call(ctx, 'PUT', `${M}/order-settings`, owner.headers(), {
      shippingFlatFeeFen: 800,
      freeShippingThresholdFen: null,
      paymentWindowMinutes: 15,
    });
    expect(put.status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/order-settings`, owner.headers())).body).toEqual({
      shippingFlatFeeFen: 800,
      freeShippingThresholdFen: null,
      paymentWindowMinutes: 15,
    });
    const after = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), { items: [{ skuId: p.skus[1]!.id, quantity: 5 }] });
    expect(after.body).toMatchObject({ itemsFen: 22500, shippingFen: 800, payableFen: 23300 });
  });

  it('previews the selected cart lines and flags problems', async () => {
    const p = await createProduct(ctx, owner, {
      skus: [
        { priceFen: 1000, stock: 1 },
        { priceFen: 500, stock: 10 },
      ],
    });
    await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[0]!.id, quantity: 3 });
    await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[1]!.id, quantity: 1 });
    const res = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), { fromCart: true, addressId });
    expect(res.body.lines.map((l: any) => [l.skuId, l.problem])).toEqual([
      [p.skus[1]!.id, null],
      [p.skus[0]!.id, 'insufficient_stock'],
    ]);
    expect(res.body).toMatchObject({ itemsFen: 500, canSubmit: false });
  });

  it.each([
    [{ items: [{ skuId: 1, quantity: 1, priceFen: 1 }] }, 'items.0'],
    [{ items: [{ skuId: 1, quantity: 1 }], payableFen: 1 }, 'body'],
    [{ items: [{ skuId: 1, quantity: 0 }] }, 'items.0.quantity'],
    [{ items: [{ skuId: 1, quantity: 100 }] }, 'items.0.quantity'],
    [
      {
        items: [
          { skuId: 1, quantity: 1 },
          { skuId: 1, quantity: 2 },
        ],
      },
      'items.1.skuId',
    ],
    [{ items: [] }, 'items'],
    [{}, 'items'],
    [{ items: [{ skuId: 1, quantity: 1 }], fromCart: true }, 'fromCart'],
    [{ fromCart: false }, 'fromCart'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: any) => i.field)).toContain(field);
  });
});

describe('placing orders', () => {
  let p: TestProduct;
  beforeEach(async () => {
    p = await createProduct(ctx, owner, { title: '明前龙井', skus: [{ priceFen: 16800, stock: 10, specs: { 规格: '250g' } }] });
  });

  it('recomputes the totals, reserves stock, snapshots lines and records who and when', async () => {
    const res = await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 2 }], addressId, remark: '请周末送' });
    expect(res.status).toBe(201);
    const order = res.body;
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      itemsFen: 33600,
      shippingFen: 0,
      payableFen: 33600,
      remark: '请周末送',
      expiresAt: new Date(ctx.clock.now().getTime() + 30 * 60_000).toISOString(),
      lines: [expect.objectContaining({ title: '明前龙井', specs: { 规格: '250g' }, unitPriceFen: 16800, quantity: 2, lineTotalFen: 33600 })],
      events: [expect.objectContaining({ fromStatus: null, toStatus: 'awaiting_payment', actorType: 'member', actorId: member.id })],
      address: expect.objectContaining({ phone: '13812345678' }),
    });
    expect(order.orderNo).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(await stockOf(p.skus[0]!.id)).toBe(8);
    // A later price change does not touch the order's snapshot.
    await call(ctx, 'PATCH', `${M}/skus/${p.skus[0]!.id}`, owner.headers(), { priceFen: 1 });
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, member.headers())).body.lines[0].unitPriceFen).toBe(16800);
  });

  it('ignores nothing the client sends about money: price fields are refused and nothing is written', async () => {
    for (const body of [
      { items: [{ skuId: p.skus[0]!.id, quantity: 1, priceFen: 1 }], addressId },
      { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId, payableFen: 1 },
      { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId, status: 'paid' },
      { items: [{ skuId: p.skus[0]!.id, quantity: -1 }], addressId },
      { items: [{ skuId: p.skus[0]!.id, quantity: 1 }] },
      { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId, remark: 'x'.repeat(201) },
    ]) {
      const res = await placeOrder(member, body, { 'idempotency-key': `bad-${Math.random()}` });
      expect(res.status).toBe(400);
    }
    expect(await orderCount()).toBe(0);
    expect(await stockOf(p.skus[0]!.id)).toBe(10);
    expect(await ctx.db.selectFrom('idempotency_keys').selectAll().execute()).toHaveLength(0);
  });

  it('places from the cart and clears the ordered lines', async () => {
    const other = await createProduct(ctx, owner, { skus: [{ priceFen: 100, stock: 5 }] });
    await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[0]!.id, quantity: 1 });
    const kept = (await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: other.skus[0]!.id, quantity: 1 })).body.lines[0];
    await call(ctx, 'PATCH', `/api/v1/cart/lines/${kept.id}`, member.headers(), { selected: false });
    const res = await placeOrder(member, { fromCart: true, addressId });
    expect(res.status).toBe(201);
    expect(res.body.lines.map((l: any) => l.skuId)).toEqual([p.skus[0]!.id]);
    expect((await call(ctx, 'GET', '/api/v1/cart', member.headers())).body.lines.map((l: any) => l.skuId)).toEqual([other.skus[0]!.id]);
    const empty = await placeOrder(member, { fromCart: true, addressId });
    expect(empty.status).toBe(400);
  });

  it('refuses unavailable products, too little stock, and another member’s address, writing nothing', async () => {
    const other = await loginMember(ctx);
    const foreign = await placeOrder(other, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId });
    expect(foreign.status).toBe(404);
    const tooMany = await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 11 }], addressId });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('OUT_OF_STOCK');
    await call(ctx, 'POST', `${M}/products/${p.id}/unshelve`, owner.headers());
    const off = await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('PRODUCT_UNAVAILABLE');
    expect(await orderCount()).toBe(0);
    expect(await stockOf(p.skus[0]!.id)).toBe(10);
  });

  it('takes all lines or none', async () => {
    const scarce = await createProduct(ctx, owner, { skus: [{ priceFen: 100, stock: 1 }] });
    const res = await placeOrder(member, {
      items: [
        { skuId: p.skus[0]!.id, quantity: 3 },
        { skuId: scarce.skus[0]!.id, quantity: 2 },
      ],
      addressId,
    });
    expect(res.status).toBe(409);
    expect(await stockOf(p.skus[0]!.id)).toBe(10);
    expect(await stockOf(scarce.skus[0]!.id)).toBe(1);
    expect(await ctx.db.selectFrom('stock_movements').select('id').where('kind', '=', 'order_reserve').execute()).toHaveLength(0);
  });

  it('honours Idempotency-Key: a retried order is the same order, placed once', async () => {
    const body = { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId };
    const first = await placeOrder(member, body, { 'idempotency-key': 'order-1' });
    const again = await placeOrder(member, body, { 'idempotency-key': 'order-1' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await placeOrder(member, { ...body, remark: 'x' }, { 'idempotency-key': 'order-1' })).status).toBe(422);
    expect(await orderCount()).toBe(1);
    expect(await stockOf(p.skus[0]!.id)).toBe(9);
  });

  it('never oversells: 30 members race for stock 10 (invariant 1)', async () => {
    const members = await Promise.all(Array.from({ length: 30 }, () => loginMember(ctx)));
    const addressIds = await Promise.all(members.map((m) => addAddress(ctx, m)));
    const results = await Promise.all(
      members.map((m, i) => placeOrder(m, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId: addressIds[i] })),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(10);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.error.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await stockOf(p.skus[0]!.id)).toBe(0);
    expect(await orderCount()).toBe(10);
    expect(await ctx.db.selectFrom('order_lines').select('id').execute()).toHaveLength(10);
    const moves = await ctx.db.selectFrom('stock_movements').select('delta').where('sku_id', '=', p.skus[0]!.id).execute();
    expect(moves.reduce((s, m) => s + Number(m.delta), 0)).toBe(0);
  });

  it('never oversells when one buyer takes several at once', async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => loginMember(ctx)));
    const addressIds = await Promise.all(members.map((m) => addAddress(ctx, m)));
    const results = await Promise.all(
      members.map((m, i) => placeOrder(m, { items: [{ skuId: p.skus[0]!.id, quantity: 3 }], addressId: addressIds[i] })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(await stockOf(p.skus[0]!.id)).toBe(1);
  });
});

describe('order lifecycle', () => {
  let p: TestProduct;
  let order: any;
  beforeEach(async () => {
    p = await createProduct(ctx, owner, { skus: [{ priceFen: 5000, stock: 5 }] });
    order = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 2 }], addressId })).body;
  });

  it('lets the member cancel an unpaid order once; its stock goes back', async () => {
    expect(await stockOf(p.skus[0]!.id)).toBe(3);
    const res = await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, member.headers());
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.events.map((e: any) => [e.fromStatus, e.toStatus, e.actorType])).toEqual([
      [null, 'awaiting_payment', 'member'],
      ['awaiting_payment', 'cancelled', 'member'],
    ]);
    expect(await stockOf(p.skus[0]!.id)).toBe(5);
    const again = await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, member.headers());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
    expect(await stockOf(p.skus[0]!.id)).toBe(5);
  });

  it('releases stock once when many cancels race', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, member.headers())));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await stockOf(p.skus[0]!.id)).toBe(5);
  });

  it('keeps members to their own orders (invariant 12)', async () => {
    const other = await loginMember(ctx);
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/confirm-receipt`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/orders', other.headers())).body.total).toBe(0);
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, member.headers())).body.status).toBe('awaiting_payment');
  });

  it('walks paid → shipped → completed with guarded transitions and a history', async () => {
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567890' })).status).toBe(
      409,
    );
    expect(await pay(order.orderNo, order.payableFen)).toEqual({ transitioned: true, outcome: 'paid', orderId: order.id });
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, member.headers())).status).toBe(409);
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/complete`, owner.headers())).status).toBe(409);

    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, viewer.headers(), { carrier: '顺丰', trackingNo: 'SF1234567890' })).status).toBe(
      403,
    );
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, member.headers(), { carrier: '顺丰', trackingNo: 'SF1234567890' })).status).toBe(
      403,
    );
    for (const [body, field] of [
      [{ carrier: '', trackingNo: 'SF1234567890' }, 'carrier'],
      [{ carrier: '顺丰', trackingNo: 'no spaces!' }, 'trackingNo'],
      [{ carrier: '顺丰' }, 'trackingNo'],
    ] as const) {
      const bad = await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, owner.headers(), body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.issues[0].field).toBe(field);
    }
    const shipped = await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567890' });
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: '顺丰', trackingNo: 'SF1234567890' });
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567890' })).status).toBe(
      409,
    );
    const done = await call(ctx, 'POST', `/api/v1/orders/${order.id}/confirm-receipt`, member.headers());
    expect(done.body.status).toBe('completed');
    expect(done.body.events.map((e: any) => `${e.toStatus}:${e.actorType}`)).toEqual([
      'awaiting_payment:member',
      'paid:platform',
      'shipped:staff',
      'completed:member',
    ]);
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/complete`, owner.headers())).status).toBe(409);
    const viewerRead = await call(ctx, 'GET', `${M}/orders/${order.id}`, viewer.headers());
    expect(viewerRead.body.status).toBe('completed');
    // Sales as the merchant sees them (shoppers see them only from the storefront's threshold on: storefront.test.ts).
    expect((await call(ctx, 'GET', `${M}/products/${p.id}`, owner.headers())).body.salesCount).toBe(2);
  });

  it('lists orders by state for members and with filters for merchants', async () => {
    const second = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    await pay(second.orderNo, second.payableFen);
    expect((await call(ctx, 'GET', '/api/v1/orders', member.headers())).body.items.map((o: any) => o.id)).toEqual([second.id, order.id]);
    expect((await call(ctx, 'GET', '/api/v1/orders?status=paid', member.headers())).body.items.map((o: any) => o.id)).toEqual([second.id]);
    expect((await call(ctx, 'GET', '/api/v1/orders?status=awaiting_payment&pageSize=1', member.headers())).body).toMatchObject({
      total: 1,
      pageSize: 1,
    });
    expect((await call(ctx, 'GET', '/api/v1/orders?status=lost', member.headers())).status).toBe(400);
    expect((await call(ctx, 'GET', `${M}/orders?orderNo=${order.orderNo}`, owner.headers())).body.items.map((o: any) => o.id)).toEqual([order.id]);
    expect((await call(ctx, 'GET', `${M}/orders?memberId=${member.id}&status=paid`, owner.headers())).body.total).toBe(1);
    expect((await call(ctx, 'GET', `${M}/orders`, member.headers())).status).toBe(403);
  });

  it('reads the order numbers of many orders (a refunds list) in one query', async () => {
    const second = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    const third = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    let queries = 0;
    const counted = ctx.db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const numbers = await ctx.app.services.orders.orderNumbers(counted, [order.id, second.id, third.id, order.id, 999_999]);
    expect(queries).toBe(1);
    expect(numbers).toEqual(
      new Map([
        [order.id, order.orderNo],
        [second.id, second.orderNo],
        [third.id, third.orderNo],
      ]),
    );
    queries = 0;
    expect(await ctx.app.services.orders.orderNumbers(counted, [])).toEqual(new Map());
    expect(queries).toBe(0);
  });
});

describe('payment window and markOrderPaid', () => {
  let p: TestProduct;
  beforeEach(async () => {
    p = await createProduct(ctx, owner, { skus: [{ priceFen: 5000, stock: 5 }] });
  });

  it('closes expired unpaid orders once, even when the job runs twice at the same time', async () => {
    await call(ctx, 'PUT', `${M}/order-settings`, owner.headers(), {
      shippingFlatFeeFen: 0,
      freeShippingThresholdFen: null,
      paymentWindowMinutes: 10,
    });
    const a = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 2 }], addressId })).body;
    ctx.clock.advance(5 * 60_000);
    const b = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    expect(await stockOf(p.skus[0]!.id)).toBe(2);
    ctx.clock.advance(5 * 60_000 - 1);
    expect(await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())).toEqual({ closed: 0 });
    ctx.clock.advance(1);
    const runs = await Promise.all([
      ctx.app.services.orders.closeExpiredOrders(ctx.clock.now()),
      ctx.app.services.orders.closeExpiredOrders(ctx.clock.now()),
    ]);
    expect(runs[0]!.closed + runs[1]!.closed).toBe(1);
    expect(await stockOf(p.skus[0]!.id)).toBe(4);
    expect((await call(ctx, 'GET', `/api/v1/orders/${a.id}`, member.headers())).body.events.at(-1)).toMatchObject({
      toStatus: 'cancelled',
      actorType: 'system',
    });
    expect((await call(ctx, 'GET', `/api/v1/orders/${b.id}`, member.headers())).body.status).toBe('awaiting_payment');
    ctx.clock.advance(10 * 60_000);
    expect((await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())).closed).toBe(1);
    expect((await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())).closed).toBe(0);
    expect(await stockOf(p.skus[0]!.id)).toBe(5);
    const releases = await ctx.db.selectFrom('stock_movements').select('delta').where('kind', '=', 'order_release').execute();
    expect(releases.map((r) => Number(r.delta)).sort()).toEqual([1, 2]);
  });

  it('runs the expiry job on an interval and stops cleanly', async () => {
    const order = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    ctx.clock.advance(31 * 60_000);
    const job = startOrderExpiryJob({ orders: ctx.app.services.orders, clock: ctx.clock, logger: silentLogger, intervalMs: 20 });
    for (
      let i = 0;
      i < 50 && (await ctx.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status !== 'cancelled';
      i += 1
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await job.stop();
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, member.headers())).body.status).toBe('cancelled');
    expect(await stockOf(p.skus[0]!.id)).toBe(5);
  });

  it('marks an order paid once under 15 concurrent replays; the paid step runs once, inside the transaction', async () => {
    const order = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    const events = ctx.probe.seen.paid;
    const results = await Promise.all(Array.from({ length: 15 }, () => pay(order.orderNo, order.payableFen, 'wx-4200001')));
    expect(results.filter((r) => r.transitioned)).toHaveLength(1);
    expect(results.filter((r) => !r.transitioned).every((r) => r.outcome === 'already_paid')).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      orderNo: order.orderNo,
      memberId: member.id,
      amountFen: order.payableFen,
      transactionId: 'wx-4200001',
      paymentPlatform: 'weapp',
    });
    const paid = (await call(ctx, 'GET', `/api/v1/orders/${order.id}`, member.headers())).body;
    expect(paid).toMatchObject({ status: 'paid', paymentPlatform: 'weapp' });
    expect(paid.events.filter((e: any) => e.toStatus === 'paid')).toHaveLength(1);
    // A second, different payment for the same order is kept for refund.
    expect((await pay(order.orderNo, order.payableFen, 'wx-other')).outcome).toBe('duplicate_payment');
  });

  it('rolls the paid transition back when a participant’s paid step fails', async () => {
    const order = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    ctx.probe.failOn('paid', 'points service down');
    await expect(pay(order.orderNo, order.payableFen)).rejects.toThrow('points service down');
    ctx.probe.failOn(null);
    expect(await stockOf(p.skus[0]!.id)).toBe(4);
    expect((await ctx.db.selectFrom('products').select('sales_count').where('id', '=', p.id).executeTakeFirstOrThrow()).sales_count).toBe(0);
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, member.headers())).body.status).toBe('awaiting_payment');
  });

  it('refuses a wrong amount and keeps a payment for a closed order for refund', async () => {
    const order = (await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body;
    expect(await pay(order.orderNo, order.payableFen - 1)).toMatchObject({ transitioned: false, outcome: 'amount_mismatch' });
    expect(await pay('NO-SUCH-ORDER', 100)).toMatchObject({ transitioned: false, outcome: 'order_not_found' });
    await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, member.headers());
    const late = await Promise.all(Array.from({ length: 5 }, () => pay(order.orderNo, order.payableFen, 'late-tx')));
    expect(late.every((r) => !r.transitioned && r.outcome === 'payment_received_after_close')).toBe(true);
    // markOrderPaid only says so; keeping the payment for refund is the payments module's (tested in payments.test.ts).
    expect(await ctx.db.selectFrom('payment_exceptions').selectAll().execute()).toEqual([]);
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, member.headers())).body.status).toBe('cancelled');
    expect(await stockOf(p.skus[0]!.id)).toBe(5);
  });

  it('lets the first of payment and expiry win, never both', async () => {
    await call(ctx, 'PUT', `${M}/order-settings`, owner.headers(), {
      shippingFlatFeeFen: 0,
      freeShippingThresholdFen: null,
      paymentWindowMinutes: 5,
    });
    const orders = [];
    for (let i = 0; i < 5; i += 1) orders.push((await placeOrder(member, { items: [{ skuId: p.skus[0]!.id, quantity: 1 }], addressId })).body);
    ctx.clock.advance(5 * 60_000);
    const [, ...payments] = await Promise.all([
      ctx.app.services.orders.closeExpiredOrders(ctx.clock.now()),
      ...orders.map((o) => pay(o.orderNo, o.payableFen)),
    ]);
    const paidCount = payments.filter((r) => r.transitioned).length;
    const rows = await ctx.db.selectFrom('orders').select('status').execute();
    expect(rows.filter((r) => r.status === 'paid')).toHaveLength(paidCount);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(5 - paidCount);
    expect(await stockOf(p.skus[0]!.id)).toBe(5 - paidCount);
    expect(payments.filter((r) => r.outcome === 'payment_received_after_close')).toHaveLength(5 - paidCount);
  });

  it('validates order settings', async () => {
    for (const [body, field] of [
      [{ shippingFlatFeeFen: -1, freeShippingThresholdFen: null, paymentWindowMinutes: 30 }, 'shippingFlatFeeFen'],
      [{ shippingFlatFeeFen: 10.5, freeShippingThresholdFen: null, paymentWindowMinutes: 30 }, 'shippingFlatFeeFen'],
      [{ shippingFlatFeeFen: 0, freeShippingThresholdFen: null, paymentWindowMinutes: 1 }, 'paymentWindowMinutes'],
      [{ shippingFlatFeeFen: 0, paymentWindowMinutes: 30 }, 'freeShippingThresholdFen'],
    ] as const) {
      const res = await call(ctx, 'PUT', `${M}/order-settings`, owner.headers(), body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(field);
    }
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect(
      (
        await call(ctx, 'PUT', `${M}/order-settings`, viewer.headers(), {
          shippingFlatFeeFen: 0,
          freeShippingThresholdFen: null,
          paymentWindowMinutes: 30,
        })
      ).status,
    ).toBe(403);
    expect(await ctx.db.selectFrom('merchant_settings').selectAll().execute()).toHaveLength(0);
  });
});
