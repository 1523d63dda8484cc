/**
 * Checkout with discounts, end to end through app.request(): adjustments offered by a module plugged into the order
 * lifecycle (the test probe, until coupons, tiers and points bring real ones) price the preview and the order alike,
 * are stored as rows, and refunds give back what each line really cost. Also: orders with nothing to pay, the
 * lifecycle's steps and their transaction, and the stated maxima of an order. Runs on SQLite and PostgreSQL.
 */
import type { Order } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import type { Adjustment } from '../src/modules/pricing/index.js';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, M } from './factories.js';
import { newShopper, orderRow, payOrder, placeOrder, type Shop, type Shopper, stockOf, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const lineOf = (order: Order, i: number) => order.lines.find((l) => l.skuId === shop.sku(i))!;
/** A discount of the coupon kind offered by the test's own participant (not the coupons module: it has no coupon row). */
const coupon = (amount: Adjustment['amount'], id = 42, extra: Partial<Adjustment> = {}): Adjustment => ({
  kind: 'coupon',
  code: 'coupon',
  label: '满80减15',
  source: { type: 'promotion', id },
  amount,
  ...extra,
});
const approveAndComplete = async (refund: { id: number; refundNo: string }) => {
  expect((await call(ctx, 'POST', `${M}/refunds/${refund.id}/approve`, shop.owner.headers(), {})).status).toBe(200);
  const { deliveries } = await ctx.simulator.completeRefund('weapp', refund.refundNo);
  expect(deliveries[0]!.status).toBeLessThan(300);
};
const askRefund = (orderId: number, body: unknown) => call(ctx, 'POST', `/api/v1/orders/${orderId}/refunds`, m.headers(), body);

describe('a discount offered through the order lifecycle', () => {
  it('prices the preview and the order alike, and the order keeps what was decided as rows', async () => {
    ctx.probe.offerAdjustments(() => [coupon({ type: 'fixed', amountFen: 1500 })]);
    const items = [
      { skuId: shop.sku(0), quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ];
    const preview = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), { items, addressId: m.addressId });
    expect(preview.status).toBe(200);
    // 2 × 30.00 + 20.00 = 80.00; 15.00 off in proportion (11.25 + 3.75); 10.00 shipping below 99.00.
    expect(preview.body).toMatchObject({ itemsFen: 8000, shippingFen: 1000, discountFen: 1500, payableFen: 7500 });
    expect(preview.body.breakdown).toEqual([
      { kind: 'items', code: 'items', label: '商品金额', amountFen: 8000, source: null },
      { kind: 'discount', code: 'coupon', label: '满80减15', amountFen: -1500, source: { type: 'promotion', id: 42 } },
      { kind: 'shipping', code: 'shipping_flat', label: '运费', amountFen: 1000, source: null },
    ]);
    expect(preview.body.lines.map((l: any) => [l.skuId, l.discountFen, l.paidFen])).toEqual([
      [shop.sku(0), 1125, 4875],
      [shop.sku(1), 375, 1625],
    ]);
    expect(ctx.probe.seen.checkouts.at(-1)).toMatchObject({ purpose: 'preview', memberId: m.id, platform: 'weapp' });

    const order = await placeOrder(ctx, shop, m, items);
    expect(order).toMatchObject({ itemsFen: 8000, shippingFen: 1000, discountFen: 1500, payableFen: 7500, platform: 'weapp' });
    expect(order.breakdown).toEqual(preview.body.breakdown);
    expect([lineOf(order, 0), lineOf(order, 1)].map((l) => [l.discountFen, l.paidFen])).toEqual([
      [1125, 4875],
      [375, 1625],
    ]);
    const adjustments = await ctx.db.selectFrom('order_adjustments').selectAll().where('order_id', '=', order.id).execute();
    expect(adjustments).toEqual([
      expect.objectContaining({
        seq: 1,
        kind: 'coupon',
        code: 'coupon',
        source_type: 'promotion',
        source_id: 42,
        applies_to: 'items',
        amount_fen: 1500,
      }),
    ]);
    const allocations = await ctx.db
      .selectFrom('order_adjustment_lines')
      .selectAll()
      .where('adjustment_id', '=', adjustments[0]!.id)
      .orderBy('order_line_id')
      .execute();
    expect(allocations.map((a) => [a.order_line_id, a.amount_fen])).toEqual([
      [lineOf(order, 0).id, 1125],
      [lineOf(order, 1).id, 375],
    ]);
    expect(ctx.probe.seen.created).toEqual([
      expect.objectContaining({
        orderId: order.id,
        payableFen: 7500,
        adjustments: [expect.objectContaining({ code: 'coupon', source: { type: 'promotion', id: 42 }, amountFen: 1500, lines: expect.any(Array) })],
      }),
    ]);

    // Later the discount is gone and shipping costs more: the order still shows what was decided.
    ctx.probe.offerAdjustments(null);
    await call(ctx, 'PUT', `${M}/order-settings`, shop.owner.headers(), {
      shippingFlatFeeFen: 2500,
      freeShippingThresholdFen: null,
      paymentWindowMinutes: 30,
    });
    const later = (await call(ctx, 'GET', `/api/v1/orders/${order.id}`, m.headers())).body as Order;
    expect(later.breakdown).toEqual(order.breakdown);
    expect(later.payableFen).toBe(7500);
    expect((await call(ctx, 'GET', `${M}/orders/${order.id}`, shop.owner.headers())).body.breakdown).toEqual(order.breakdown);
  });

  it('refunds a discounted line at its share of what was paid, in part and then in whole', async () => {
    ctx.probe.offerAdjustments(() => [coupon({ type: 'fixed', amountFen: 1500 })]);
    const order = await placeOrder(ctx, shop, m);
    ctx.probe.offerAdjustments(null);
    await payOrder(ctx, m, order);

    // One of the two 30.00 units of the line that cost 48.75 after its discount: 24.37, never 30.00.
    const part = await askRefund(order.id, { reason: '少了一件', lines: [{ orderLineId: lineOf(order, 0).id, quantity: 1 }] });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ amountFen: 2437, lines: [{ orderLineId: lineOf(order, 0).id, quantity: 1, amountFen: 2437 }] });
    await approveAndComplete(part.body);
    expect(ctx.probe.seen.refunded.at(-1)).toMatchObject({
      amountFen: 2437,
      fullyRefunded: false,
      refundedLines: [expect.objectContaining({ orderLineId: lineOf(order, 0).id, quantity: 1, amountFen: 2437 })],
    });

    // The rest: the last unit takes what is left of its line (24.38), the other line its 16.25, and the shipping.
    const rest = await askRefund(order.id, { reason: '都退了' });
    expect(rest.body.amountFen).toBe(7500 - 2437);
    expect(rest.body.lines).toEqual(
      expect.arrayContaining([
        { orderLineId: lineOf(order, 0).id, quantity: 1, amountFen: 2438 },
        { orderLineId: lineOf(order, 1).id, quantity: 1, amountFen: 1625 },
      ]),
    );
    await approveAndComplete(rest.body);
    const after = (await call(ctx, 'GET', `/api/v1/orders/${order.id}`, m.headers())).body as Order;
    expect(after).toMatchObject({ status: 'refunded', refundedFen: 7500 });
    const lines = await ctx.db.selectFrom('order_lines').select(['paid_fen', 'refunded_fen']).where('order_id', '=', order.id).execute();
    for (const l of lines) expect(Number(l.refunded_fen)).toBe(Number(l.paid_fen));
    expect(ctx.probe.seen.refunded.at(-1)).toMatchObject({ fullyRefunded: true, includesShipping: true, amountFen: 5063 });
  });

  it('never refunds more than a line cost, however many requests race for it', async () => {
    const p = await createProduct(ctx, shop.owner, { skus: [{ priceFen: 1000, stock: 10 }] });
    ctx.probe.offerAdjustments(() => [coupon({ type: 'fixed', amountFen: 1 })]);
    const order = await placeOrder(ctx, shop, m, [{ skuId: p.skus[0]!.id, quantity: 3 }]);
    ctx.probe.offerAdjustments(null);
    await payOrder(ctx, m, order);
    const line = order.lines[0]!;
    expect(line).toMatchObject({ lineTotalFen: 3000, discountFen: 1, paidFen: 2999 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => askRefund(order.id, { reason: '退一件', lines: [{ orderLineId: line.id, quantity: 1 }] })),
    );
    const taken = results.filter((r) => r.status === 201);
    expect(taken).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    // 9.99 + 9.99 + 10.01 (the last unit takes what is left of the line) + 10.00 shipping with the refund that leaves
    // nothing: exactly what was paid.
    expect(taken.map((r) => r.body.lines[0].amountFen as number).reduce((a, b) => a + b, 0)).toBe(2999);
    expect(taken.map((r) => r.body.amountFen as number).reduce((a, b) => a + b, 0)).toBe(order.payableFen);
    const row = await ctx.db
      .selectFrom('order_lines')
      .select(['refund_reserved_fen', 'refund_reserved_qty'])
      .where('id', '=', line.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ refund_reserved_fen: 2999, refund_reserved_qty: 3 });
  });
});

describe('an order with nothing to pay', () => {
  it('is settled at creation through the paid step, without a platform payment, and never offered to a pay sheet', async () => {
    ctx.probe.offerAdjustments(() => [
      coupon({ type: 'all' }, 1),
      { kind: 'shipping', code: 'free_shipping', label: '包邮', source: { type: 'promotion', id: 2 }, amount: { type: 'all' } },
    ]);
    const order = await placeOrder(ctx, shop, m);
    expect(order).toMatchObject({ status: 'paid', payableFen: 0, discountFen: 9000, paymentPlatform: null, paidAt: expect.any(String) });
    expect(order.events.map((e) => [e.fromStatus, e.toStatus, e.actorType, e.note])).toEqual([
      [null, 'awaiting_payment', 'member', null],
      ['awaiting_payment', 'paid', 'system', 'nothing to pay'],
    ]);
    expect(ctx.probe.seen.paid).toEqual([expect.objectContaining({ orderId: order.id, amountFen: 0, paymentPlatform: null, transactionId: null })]);
    // The same effects as a paid order: stock taken, sales counted.
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([8, 9]);
    expect(
      Number((await ctx.db.selectFrom('products').select('sales_count').where('id', '=', shop.product.id).executeTakeFirstOrThrow()).sales_count),
    ).toBe(3);
    const pay = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {});
    expect(pay.status).toBe(409);
    expect(pay.body.error).toMatchObject({ code: 'INVALID_STATE', details: { status: 'paid' } });
    expect(await ctx.db.selectFrom('payments').selectAll().execute()).toEqual([]);
    // Nothing was paid, so nothing can be refunded as money; it ships like any paid order.
    const refund = await askRefund(order.id, { reason: '不要了' });
    expect(refund.status).toBe(409);
    expect(refund.body.error.code).toBe('INVALID_STATE');
    expect((await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, shop.owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567' })).status).toBe(
      200,
    );
  });
});

describe('the order lifecycle', () => {
  it('runs each step once, for cancel, expiry, payment and completion', async () => {
    const cancelled = await placeOrder(ctx, shop, m);
    await call(ctx, 'POST', `/api/v1/orders/${cancelled.id}/cancel`, m.headers());
    const expiring = await placeOrder(ctx, shop, m);
    ctx.clock.advance(31 * 60_000);
    await Promise.all([ctx.app.services.orders.closeExpiredOrders(ctx.clock.now()), ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())]);
    expect(ctx.probe.seen.closedUnpaid.map((e) => [e.orderId, e.reason, e.stockReturns.reduce((n, r) => n + r.quantity, 0)])).toEqual([
      [cancelled.id, 'cancelled', 3],
      [expiring.id, 'expired', 3],
    ]);
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([10, 10]);

    const order = await placeOrder(ctx, shop, m);
    await payOrder(ctx, m, order);
    await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, shop.owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567' });
    const done = await call(ctx, 'POST', `/api/v1/orders/${order.id}/confirm-receipt`, m.headers());
    expect(done.body.status).toBe('completed');
    expect(ctx.probe.seen.created).toHaveLength(3);
    expect(ctx.probe.seen.paid.map((e) => e.orderId)).toEqual([order.id]);
    expect(ctx.probe.seen.completed).toEqual([expect.objectContaining({ orderId: order.id, actor: { type: 'member', id: m.id } })]);
  });

  it('rolls an order back, stock and all, when a step fails, and a step’s own writes with it', async () => {
    await call(ctx, 'POST', '/api/v1/cart/lines', m.headers(), { skuId: shop.sku(0), quantity: 2 });
    ctx.probe.doInside(async (step, trx) => {
      await trx
        .insertInto('job_state')
        .values({ name: `probe:${step}`, value: '1', updated_at: ctx.clock.now().toISOString() })
        .execute();
    });
    ctx.probe.failOn('created', 'coupon service down');
    const refused = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { fromCart: true, addressId: m.addressId });
    expect(refused.status).toBe(500);
    expect(await ctx.db.selectFrom('orders').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('job_state').selectAll().execute()).toEqual([]);
    expect(await stockOf(ctx, shop.sku(0))).toBe(10);
    expect(await ctx.db.selectFrom('stock_movements').selectAll().where('kind', '=', 'order_reserve').execute()).toEqual([]);
    expect((await call(ctx, 'GET', '/api/v1/cart', m.headers())).body.lines).toHaveLength(1);

    ctx.probe.failOn('closedUnpaid');
    const order = await placeOrder(ctx, shop, m);
    const cancel = await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, m.headers());
    expect(cancel.status).toBe(500);
    expect((await orderRow(ctx, order.id)).status).toBe('awaiting_payment');
    expect(await stockOf(ctx, shop.sku(0))).toBe(8);
    expect((await ctx.db.selectFrom('job_state').select('name').execute()).map((r) => r.name)).toEqual(['probe:created']);
    ctx.probe.failOn(null);
    ctx.probe.doInside(null);
  });
});

describe('the stated maxima of an order', () => {
  it('refuses goods above ¥10,000,000.00 with a 400 naming the field, writing nothing', async () => {
    const dear = await createProduct(ctx, shop.owner, { skus: [{ priceFen: 1_000_000_000, stock: 10 }] });
    const body = { items: [{ skuId: dear.skus[0]!.id, quantity: 2 }], addressId: m.addressId };
    for (const path of ['/api/v1/checkout/preview', '/api/v1/orders']) {
      const res = await call(ctx, 'POST', path, m.headers(), body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('items');
    }
    const one = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { items: [{ skuId: dear.skus[0]!.id, quantity: 1 }], addressId: m.addressId });
    expect(one.status).toBe(201);
    expect(await ctx.db.selectFrom('orders').select('id').execute()).toHaveLength(1);
  });

  it('refuses more than 50 lines from the cart', async () => {
    const many = await createProduct(ctx, shop.owner, {
      skus: Array.from({ length: 51 }, (_, i) => ({ priceFen: 100 + i, stock: 5, specs: { 号: String(i) } })),
    });
    for (const s of many.skus) expect((await call(ctx, 'POST', '/api/v1/cart/lines', m.headers(), { skuId: s.id, quantity: 1 })).status).toBe(200);
    const res = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { fromCart: true, addressId: m.addressId });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({ field: 'fromCart', message: expect.stringContaining('50') });
    expect(await ctx.db.selectFrom('orders').select('id').execute()).toEqual([]);
  });

  it('is held by the database too: amounts that do not add up, or past the maxima, are refused on write', async () => {
    const order = await placeOrder(ctx, shop, m);
    const line = order.lines[0]!;
    const refusedBy = async (work: () => Promise<unknown>) => {
      await expect(work()).rejects.toThrow(/CHECK|check/);
    };
    await refusedBy(() => ctx.db.updateTable('orders').set({ payable_fen: 1 }).where('id', '=', order.id).execute());
    await refusedBy(() =>
      ctx.db.updateTable('orders').set({ items_fen: 1_000_000_001, payable_fen: 1_000_001_001 }).where('id', '=', order.id).execute(),
    );
    await refusedBy(() =>
      ctx.db
        .updateTable('order_lines')
        .set({ paid_fen: Number(line.paidFen) + 1 })
        .where('id', '=', line.id)
        .execute(),
    );
    await refusedBy(() =>
      ctx.db
        .updateTable('order_lines')
        .set({ quantity: 100, line_total_fen: line.unitPriceFen * 100, paid_fen: line.unitPriceFen * 100 })
        .where('id', '=', line.id)
        .execute(),
    );
    await refusedBy(() => ctx.db.updateTable('order_lines').set({ line_no: 51 }).where('id', '=', line.id).execute());
    await refusedBy(() =>
      ctx.db
        .updateTable('order_lines')
        .set({ refund_reserved_fen: Number(line.paidFen) + 1 })
        .where('id', '=', line.id)
        .execute(),
    );
    expect(await orderRow(ctx, order.id)).toMatchObject({ payable_fen: order.payableFen });
  });
});

describe('merchant order lists', () => {
  it('filter by status, platform and business days in the merchant’s time zone, and export to CSV', async () => {
    const ali = await newShopper(ctx, 'alipay');
    // 2026-11-22 23:30 Beijing, then 2026-11-23 00:30 Beijing.
    ctx.clock.set('2026-11-22T15:30:00.000Z');
    const late = await placeOrder(ctx, shop, m);
    ctx.clock.set('2026-11-22T16:30:00.000Z');
    const early = await placeOrder(ctx, shop, ali, [{ skuId: shop.sku(1), quantity: 1 }]);
    await payOrder(ctx, ali, early);
    const owner = await createStaffAndLogin(ctx, 'owner'); // the shop's session from 10:00 has expired by now
    const list = async (query: string) => (await call(ctx, 'GET', `${M}/orders?${query}`, owner.headers())).body.items.map((o: any) => o.id);
    expect(await list('from=2026-11-22&to=2026-11-22')).toEqual([late.id]);
    expect(await list('from=2026-11-23')).toEqual([early.id]);
    expect(await list('platform=alipay')).toEqual([early.id]);
    expect(await list('status=paid&platform=weapp')).toEqual([]);
    expect(await list(`memberId=${m.id}`)).toEqual([late.id]);
    const bad = await call(ctx, 'GET', `${M}/orders?from=2026-13-01&platform=h5`, owner.headers());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: any) => i.field).sort()).toEqual(['query.from', 'query.platform']);

    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const res = await ctx.app.request(`${M}/orders/export.csv?from=2026-11-22`, { headers: viewer.headers() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-2026-11-23\.csv"$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()); // keep the BOM to see it
    expect(text.startsWith('\ufeff订单号,下单时间,状态,下单平台,')).toBe(true);
    const rows = text.trim().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`${early.orderNo},2026-11-23 00:30:00,待发货,支付宝`);
    expect(rows[2]).toContain(`${late.orderNo},2026-11-22 23:30:00,待付款,微信`);
    expect(rows[1]).toContain(',20.00,10.00,0.00,30.00,0.00,支付宝,');
    expect((await ctx.app.request(`${M}/orders/export.csv`, { headers: m.headers() })).status).toBe(403);
  });
});
