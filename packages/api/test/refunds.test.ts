/**
 * Refunds through app.request(): the member asks (whole order or chosen lines), staff approve or reject, the
 * platform's refund notification (delivered by the simulator in-process) completes it. Amounts come from the
 * server; what is refunded never exceeds what was paid, however requests and approvals race.
 */
import type { LoginPlatform, Order, Refund } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/lib/app-error.js';
import { eachTestContext, engine, type TestContext } from './context.js';
import { call, createStaffAndLogin, type StaffSession, M } from './factories.js';
import { expectOkAck, newShopper, orderRow, paidOrder, stockOf, type Shop, type Shopper, withShopAndShopper } from './shop.js';
import { gate, within } from './waits.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
// Refunds complete when a test says so (sim.completeRefund), not on a timer.
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s), {}, undefined, { autoCompleteRefunds: false });

const lineOf = (order: Order, i: number) => order.lines.find((l) => l.skuId === shop.sku(i))!.id;
const askRefund = (who: Shopper, orderId: number, body: unknown, headers: Record<string, string> = {}) =>
  call(ctx, 'POST', `/api/v1/orders/${orderId}/refunds`, who.headers(headers), body);
const approve = (staff: StaffSession, id: number) => call(ctx, 'POST', `${M}/refunds/${id}/approve`, staff.headers(), {});
const reject = (staff: StaffSession, id: number, reason: string) => call(ctx, 'POST', `${M}/refunds/${id}/reject`, staff.headers(), { reason });
const getOrder = async (who: Shopper, id: number) => (await call(ctx, 'GET', `/api/v1/orders/${id}`, who.headers())).body as Order;
const refundCount = async () => (await ctx.db.selectFrom('refunds').select('id').execute()).length;

/** The platform confirms the refund: its real signed notification, delivered to the API. */
async function platformCompletes(platform: LoginPlatform, refundNo: string, duplicates = 1) {
  const { eventId, deliveries } = await ctx.simulator.completeRefund(platform, refundNo, { duplicates });
  for (const d of deliveries) expectOkAck(platform, d);
  return eventId;
}

/** The refunded steps seen by the lifecycle probe plugged into the app (see lifecycle-probe.ts). */
async function refundedListener() {
  return ctx.probe.seen.refunded;
}

describe('asking for a refund', () => {
  it('refunds the whole order: requested → processing → notification → succeeded; stock back, order refunded', async () => {
    const order = await paidOrder(ctx, shop, m);
    const seen = await refundedListener();
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([8, 9]);

    const asked = await askRefund(m, order.id, { reason: '不想要了' });
    expect(asked.status).toBe(201);
    const refund = asked.body as Refund;
    expect(refund).toMatchObject({
      orderId: order.id,
      status: 'requested',
      amountFen: 9000, // both lines and the shipping fee
      reason: '不想要了',
      rejectReason: null,
      decidedAt: null,
      completedAt: null,
      refundNo: expect.stringMatching(/^R\d{22}$/),
    });
    expect(refund.lines).toEqual(
      expect.arrayContaining([
        { orderLineId: lineOf(order, 0), quantity: 2, amountFen: 6000 },
        { orderLineId: lineOf(order, 1), quantity: 1, amountFen: 2000 },
      ]),
    );
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}/refunds`, m.headers())).body).toEqual({ items: [refund] });

    const owner = shop.owner;
    const listed = await call(ctx, 'GET', `${M}/refunds?status=requested`, owner.headers());
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: refund.id, orderNo: order.orderNo, status: 'requested' }] });

    const approved = await approve(owner, refund.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'processing', decidedAt: expect.any(String), completedAt: null });
    expect(ctx.simulator.trade('weapp', order.orderNo)!.refunds).toEqual([
      expect.objectContaining({ outRefundNo: refund.refundNo, refundFen: 9000 }),
    ]);
    expect((await getOrder(m, order.id)).status).toBe('paid');

    const eventId = await platformCompletes('weapp', refund.refundNo);
    const after = await getOrder(m, order.id);
    expect(after).toMatchObject({
      status: 'refunded',
      refundedFen: 9000,
      refunds: [{ id: refund.id, status: 'succeeded', completedAt: expect.any(String) }],
    });
    expect(after.events.at(-1)).toMatchObject({ fromStatus: 'paid', toStatus: 'refunded', actorType: 'platform' });
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([10, 10]);
    expect(seen).toEqual([
      expect.objectContaining({
        orderId: order.id,
        amountFen: 9000,
        refundNo: refund.refundNo,
        fullyRefunded: true,
        includesShipping: true,
        stockReturns: [expect.objectContaining({ skuId: shop.sku(0), quantity: 2 }), expect.objectContaining({ skuId: shop.sku(1), quantity: 1 })],
      }),
    ]);
    const history = await ctx.app.services.refunds.events(refund.id);
    expect(history.map((e) => [e.from_status, e.to_status, e.actor_type])).toEqual([
      [null, 'requested', 'member'],
      ['requested', 'processing', 'staff'],
      ['processing', 'succeeded', 'platform'],
    ]);

    // A duplicate notification (now, and later, several at once) changes nothing.
    const before = await orderRow(ctx, order.id);
    for (const d of (await ctx.simulator.redeliver(eventId, { duplicates: 5 }))!) expectOkAck('weapp', d);
    expect(await orderRow(ctx, order.id)).toEqual(before);
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([10, 10]);
    expect(seen).toHaveLength(1);
    // Nothing is left to refund.
    expect((await askRefund(m, order.id, { reason: '再退一次' })).status).toBe(409);
  });

  it('refunds chosen lines at their paid prices; shipping goes with the refund that leaves nothing', async () => {
    const order = await paidOrder(ctx, shop, m);
    const seen = await refundedListener();
    const first = await askRefund(m, order.id, { reason: '少了一件', lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] });
    expect(first.body).toMatchObject({ amountFen: 3000, lines: [{ orderLineId: lineOf(order, 0), quantity: 1, amountFen: 3000 }] });
    await approve(shop.owner, first.body.id);
    await platformCompletes('weapp', first.body.refundNo);
    expect(await getOrder(m, order.id)).toMatchObject({ status: 'paid', refundedFen: 3000 });
    expect(await stockOf(ctx, shop.sku(0))).toBe(9);
    expect(seen).toEqual([
      expect.objectContaining({
        amountFen: 3000,
        fullyRefunded: false,
        includesShipping: false,
        stockReturns: [expect.objectContaining({ skuId: shop.sku(0), quantity: 1 })],
      }),
    ]);

    // The price changed since: the refund still uses what was paid.
    expect((await call(ctx, 'PATCH', `${M}/skus/${shop.sku(1)}`, shop.owner.headers(), { priceFen: 1 })).status).toBe(200);
    const rest = await askRefund(m, order.id, { reason: '都退了' });
    expect(rest.body).toMatchObject({ amountFen: 6000 }); // 1 × 30.00 + 1 × 20.00 + 10.00 shipping
    expect(rest.body.lines).toEqual(
      expect.arrayContaining([
        { orderLineId: lineOf(order, 0), quantity: 1, amountFen: 3000 },
        { orderLineId: lineOf(order, 1), quantity: 1, amountFen: 2000 },
      ]),
    );
    await approve(shop.owner, rest.body.id);
    await platformCompletes('weapp', rest.body.refundNo);
    const after = await getOrder(m, order.id);
    expect(after).toMatchObject({ status: 'refunded', refundedFen: 9000 });
    expect(after.refunds.map((r) => r.id)).toEqual([rest.body.id, first.body.id]); // newest first
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([10, 10]);
  });

  it('keeps stock out when the order has shipped', async () => {
    const order = await paidOrder(ctx, shop, m);
    expect(
      (await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, shop.owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567890' })).status,
    ).toBe(200);
    const r = await askRefund(m, order.id, { reason: '破损', lines: [{ orderLineId: lineOf(order, 1), quantity: 1 }] });
    await approve(shop.owner, r.body.id);
    await platformCompletes('weapp', r.body.refundNo);
    expect(await getOrder(m, order.id)).toMatchObject({ status: 'shipped', refundedFen: 2000 });
    expect(await stockOf(ctx, shop.sku(1))).toBe(9);
    const whole = await askRefund(m, order.id, { reason: '全退' });
    await approve(shop.owner, whole.body.id);
    await platformCompletes('weapp', whole.body.refundNo);
    expect(await getOrder(m, order.id)).toMatchObject({ status: 'refunded', refundedFen: 9000 });
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([8, 9]);
  });

  it('lets staff reject with a reason; the lines can be asked for again', async () => {
    const order = await paidOrder(ctx, shop, m);
    const r = await askRefund(m, order.id, { reason: '不想要了' });
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await reject(viewer, r.body.id, '已发货')).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/refunds/${r.body.id}/reject`, m.headers(), { reason: 'x' })).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/refunds/${r.body.id}/reject`, shop.owner.headers(), {})).body.error.details.issues[0].field).toBe('reason');
    const rejected = await reject(shop.owner, r.body.id, '商品已拆封');
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '商品已拆封', decidedAt: expect.any(String) });
    expect((await reject(shop.owner, r.body.id, '再拒')).status).toBe(409);
    expect((await approve(shop.owner, r.body.id)).status).toBe(409);
    expect(await orderRow(ctx, order.id)).toMatchObject({ refund_reserved_fen: 0, refunded_fen: 0, status: 'paid' });
    const again = await askRefund(m, order.id, { reason: '再申请' });
    expect(again.status).toBe(201);
    expect(again.body.amountFen).toBe(9000);
  });

  it('keeps members to their own orders and staff to their role (invariants 12 and 13)', async () => {
    const order = await paidOrder(ctx, shop, m);
    const other = await newShopper(ctx, 'weapp');
    expect((await askRefund(other, order.id, { reason: '不是我的' })).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}/refunds`, other.headers())).status).toBe(404);
    const r = await askRefund(m, order.id, { reason: '退' });
    expect((await call(ctx, 'GET', `${M}/refunds`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/refunds/${r.body.id}/approve`, m.headers(), {})).status).toBe(403);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'GET', `${M}/refunds`, viewer.headers())).status).toBe(200);
    expect((await approve(viewer, r.body.id)).status).toBe(403);
    expect((await approve(shop.owner, 999999)).status).toBe(404);
    expect(await refundCount()).toBe(1);
  });

  it('refuses orders that are not paid', async () => {
    const res = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { items: [{ skuId: shop.sku(0), quantity: 1 }], addressId: m.addressId });
    const asked = await askRefund(m, res.body.id, { reason: '未付款' });
    expect(asked.status).toBe(409);
    expect(asked.body.error.code).toBe('INVALID_STATE');
    expect(await refundCount()).toBe(0);
  });

  it('refuses bad input with 400 naming the field, writing nothing (invariant 16)', async () => {
    const order = await paidOrder(ctx, shop, m);
    const otherOrder = await paidOrder(ctx, shop, m, [{ skuId: shop.sku(0), quantity: 1 }]);
    const l0 = lineOf(order, 0);
    const cases: [unknown, string][] = [
      [{}, 'reason'],
      [{ reason: '' }, 'reason'],
      [{ reason: '   ' }, 'reason'],
      [{ reason: 'x'.repeat(201) }, 'reason'],
      [{ reason: 42 }, 'reason'],
      [{ reason: '退', lines: [] }, 'lines'],
      [{ reason: '退', lines: 'all' }, 'lines'],
      [{ reason: '退', lines: [{ orderLineId: l0, quantity: 0 }] }, 'lines.0.quantity'],
      [{ reason: '退', lines: [{ orderLineId: l0, quantity: -1 }] }, 'lines.0.quantity'],
      [{ reason: '退', lines: [{ orderLineId: l0, quantity: 1.5 }] }, 'lines.0.quantity'],
      [{ reason: '退', lines: [{ orderLineId: l0, quantity: 1e20 }] }, 'lines.0.quantity'],
      [{ reason: '退', lines: [{ orderLineId: l0, quantity: 3 }] }, 'lines.0.quantity'],
      [{ reason: '退', lines: [{ orderLineId: otherOrder.lines[0]!.id, quantity: 1 }] }, 'lines.0.orderLineId'],
      [{ reason: '退', lines: [{ orderLineId: 'x', quantity: 1 }] }, 'lines.0.orderLineId'],
      [
        {
          reason: '退',
          lines: [
            { orderLineId: l0, quantity: 1 },
            { orderLineId: l0, quantity: 1 },
          ],
        },
        'lines.1.orderLineId',
      ],
      [{ reason: '退', lines: [{ orderLineId: l0, quantity: 1, amountFen: 1 }] }, 'lines.0'],
      [{ reason: '退', amountFen: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await askRefund(m, order.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        res.body.error.details.issues.map((i: any) => i.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const malformed = await askRefund(m, order.id, '{"reason": ');
    expect(malformed.status).toBe(400);
    expect(await refundCount()).toBe(0);
    expect(await orderRow(ctx, order.id)).toMatchObject({ refund_reserved_fen: 0 });
    expect(
      (await ctx.db.selectFrom('order_lines').select('refund_reserved_qty').where('order_id', '=', order.id).execute()).every(
        (l) => Number(l.refund_reserved_qty) === 0,
      ),
    ).toBe(true);
  });

  it('honours Idempotency-Key (invariant 11)', async () => {
    const order = await paidOrder(ctx, shop, m);
    const body = { reason: '重复提交', lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] };
    const first = await askRefund(m, order.id, body, { 'idempotency-key': 'refund-1' });
    const replay = await askRefund(m, order.id, body, { 'idempotency-key': 'refund-1' });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await refundCount()).toBe(1);
    expect((await askRefund(m, order.id, { ...body, reason: '另一个' }, { 'idempotency-key': 'refund-1' })).status).toBe(422);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        askRefund(m, order.id, { reason: '并发', lines: [{ orderLineId: lineOf(order, 1), quantity: 1 }] }, { 'idempotency-key': 'refund-2' }),
      ),
    );
    expect(concurrent.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(concurrent.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await refundCount()).toBe(2);
  });
});

describe('the orders with refunds (the 退款 tab)', () => {
  it('lists orders with a refund asked for or made, partial ones included, whatever their status', async () => {
    const untouched = await paidOrder(ctx, shop, m);
    const partial = await paidOrder(ctx, shop, m);
    const pending = await paidOrder(ctx, shop, m);
    const part = await askRefund(m, partial.id, { reason: '少了一件', lines: [{ orderLineId: lineOf(partial, 0), quantity: 1 }] });
    await approve(shop.owner, part.body.id);
    await platformCompletes('weapp', part.body.refundNo);
    expect(await getOrder(m, partial.id)).toMatchObject({ status: 'paid', refundedFen: 3000 });
    await askRefund(m, pending.id, { reason: '不想要了' });

    const tab = await call(ctx, 'GET', '/api/v1/orders?refund=any', m.headers());
    expect(tab.status).toBe(200);
    expect(tab.body.items.map((o: { id: number }) => o.id)).toEqual([pending.id, partial.id]);
    expect(tab.body.total).toBe(2);
    const all = await call(ctx, 'GET', '/api/v1/orders', m.headers());
    expect(all.body.items.map((o: { id: number }) => o.id)).toContain(untouched.id);
    const bad = await call(ctx, 'GET', '/api/v1/orders?refund=some', m.headers());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('query.refund');
  });
});

describe('the amount before asking', () => {
  it('previews a refund of chosen lines or of everything left with the amounts the request then gets; writes nothing', async () => {
    const order = await paidOrder(ctx, shop, m);
    const preview = (body: unknown) => call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds/preview`, m.headers(), body);
    const one = await preview({ lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      amountFen: 3000,
      payoutFen: 3000,
      includesShipping: false,
      lines: [{ orderLineId: lineOf(order, 0), amountFen: 3000 }],
    });
    const all = await preview({});
    expect(all.body).toMatchObject({ amountFen: 9000, includesShipping: true });
    expect(await refundCount()).toBe(0);
    expect(await getOrder(m, order.id)).toMatchObject({ refundedFen: 0 });
    const asked = await askRefund(m, order.id, { reason: '少了一件', lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] });
    expect(asked.body.amountFen).toBe(one.body.amountFen);

    const bad = await preview({ lines: [{ orderLineId: lineOf(order, 0), quantity: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('lines.0.quantity');
    const other = await newShopper(ctx, 'weapp');
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds/preview`, other.headers(), {})).status).toBe(404);
  });
});

describe('the preview takes no lock and writes nothing', () => {
  it('a refund request goes ahead while a preview of the same order is under way', async () => {
    const order = await paidOrder(ctx, shop, m);
    const orders = ctx.app.services.orders;
    const deduction = orders.refundDeduction;
    const inPreview = gate();
    const held = gate();
    // The preview stops half-way (after the amounts, before the deduction) until the request below is answered.
    let calls = 0;
    orders.refundDeduction = async (...args: Parameters<typeof deduction>) => {
      calls += 1;
      if (calls === 1) {
        inPreview.open();
        await held.passed();
      }
      return deduction(...args);
    };
    const preview = call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds/preview`, m.headers(), {});
    await inPreview.passed();
    const asked = await within(askRefund(m, order.id, { reason: '不要了', lines: [{ orderLineId: lineOf(order, 1), quantity: 1 }] }), 3000);
    held.open();
    orders.refundDeduction = deduction;
    expect(asked === 'timed out' ? asked : asked.status).toBe(201);
    expect((await preview).status).toBe(200);
  });

  it.runIf(engine === 'postgres')('a preview answers while another transaction holds the order for a write (PostgreSQL)', async () => {
    const order = await paidOrder(ctx, shop, m);
    const before = await orderRow(ctx, order.id);
    const held: { answer: Awaited<ReturnType<typeof call>> | 'timed out' } = { answer: 'timed out' };
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('orders').set({ remark: '商家备注' }).where('id', '=', order.id).execute();
        await trx.updateTable('order_lines').set({ title: '改名' }).where('order_id', '=', order.id).execute();
        held.answer = await within(call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds/preview`, m.headers(), {}), 3000);
        throw new Error('roll the held write back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll the held write back'));
    expect(held.answer === 'timed out' ? held.answer : held.answer.status).toBe(200);
    expect(await orderRow(ctx, order.id)).toEqual(before);
  });
});

describe('never refunding more than was paid', () => {
  it('racing requests for the same units: exactly what is left is granted', async () => {
    const order = await paidOrder(ctx, shop, m);
    const l0 = lineOf(order, 0); // 2 units
    const results = await Promise.all(
      Array.from({ length: 12 }, () => askRefund(m, order.id, { reason: '抢', lines: [{ orderLineId: l0, quantity: 1 }] })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(10);
    const wholes = await Promise.all(Array.from({ length: 8 }, () => askRefund(m, order.id, { reason: '全退' })));
    expect(wholes.filter((r) => r.status === 201)).toHaveLength(1);
    expect(wholes.find((r) => r.status === 201)!.body.amountFen).toBe(3000); // the 20.00 line and shipping
    const o = await orderRow(ctx, order.id);
    expect(Number(o.refund_reserved_fen)).toBe(9000);
    expect(
      await ctx.db
        .selectFrom('refunds')
        .select(({ fn }) => fn.sum<number>('amount_fen').as('total'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ total: 9000 });
  });

  it('racing mixed partial and whole requests never reserve more than the payable', async () => {
    const order = await paidOrder(ctx, shop, m);
    const bodies = [
      { reason: 'a' },
      { reason: 'b', lines: [{ orderLineId: lineOf(order, 0), quantity: 2 }] },
      { reason: 'c', lines: [{ orderLineId: lineOf(order, 1), quantity: 1 }] },
      { reason: 'd', lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] },
      { reason: 'e' },
      {
        reason: 'f',
        lines: [
          { orderLineId: lineOf(order, 0), quantity: 1 },
          { orderLineId: lineOf(order, 1), quantity: 1 },
        ],
      },
    ];
    const results = await Promise.all([...bodies, ...bodies].map((b) => askRefund(m, order.id, b)));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const granted = results.filter((r) => r.status === 201).reduce((sum, r) => sum + r.body.amountFen, 0);
    const o = await orderRow(ctx, order.id);
    expect(Number(o.refund_reserved_fen)).toBe(granted);
    expect(granted).toBeLessThanOrEqual(9000);
    const lines = await ctx.db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).execute();
    for (const l of lines) expect(Number(l.refund_reserved_qty)).toBeLessThanOrEqual(l.quantity);
    // When every unit is taken, the refunds add up to exactly the payable (shipping went with one of them).
    if (lines.every((l) => Number(l.refund_reserved_qty) === l.quantity)) expect(granted).toBe(9000);
  });

  it('concurrent approvals and notifications refund each request once and never more than was paid', async () => {
    const order = await paidOrder(ctx, shop, m);
    const a = await askRefund(m, order.id, { reason: 'a', lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] });
    const b = await askRefund(m, order.id, { reason: 'b', lines: [{ orderLineId: lineOf(order, 0), quantity: 1 }] });
    const c = await askRefund(m, order.id, { reason: 'c' });
    const ids = [a.body.id, b.body.id, c.body.id];
    const approvals = await Promise.all(ids.flatMap((id) => Array.from({ length: 5 }, () => approve(shop.owner, id))));
    expect(approvals.every((r) => r.status === 200 && r.body.status === 'processing')).toBe(true);
    for (const id of ids) {
      const history = await ctx.app.services.refunds.events(id);
      expect(history.filter((e) => e.from_status === 'requested' && e.to_status === 'processing')).toHaveLength(1);
    }
    const trade = ctx.simulator.trade('weapp', order.orderNo)!;
    expect(trade.refunds.map((r) => r.refundFen).sort()).toEqual([3000, 3000, 3000]);

    const refundNos = [a.body.refundNo, b.body.refundNo, c.body.refundNo];
    await Promise.all(refundNos.map((no) => platformCompletes('weapp', no, 5)));
    const after = await getOrder(m, order.id);
    expect(after).toMatchObject({ status: 'refunded', refundedFen: 9000 });
    expect(after.refunds.every((r) => r.status === 'succeeded')).toBe(true);
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([10, 10]);
  });

  it('the database itself refuses an overshoot (CHECK constraints)', async () => {
    const order = await paidOrder(ctx, shop, m);
    await expect(ctx.db.updateTable('orders').set({ refund_reserved_fen: 9001 }).where('id', '=', order.id).execute()).rejects.toThrow(/check/i);
    await expect(ctx.db.updateTable('orders').set({ refunded_fen: 1 }).where('id', '=', order.id).execute()).rejects.toThrow(/check/i);
    await expect(ctx.db.updateTable('order_lines').set({ refund_reserved_qty: 3 }).where('id', '=', lineOf(order, 0)).execute()).rejects.toThrow(
      /check/i,
    );
  });
});

describe('the platform side of refunds', () => {
  it('leaves a refund the platform did not take in processing, answers PLATFORM_UNAVAILABLE, and retries idempotently', async () => {
    const order = await paidOrder(ctx, shop, m);
    const r = await askRefund(m, order.id, { reason: '退' });
    const real = ctx.payments.weapp;
    ctx.payments.weapp = {
      ...real,
      refund: () => Promise.reject(new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay could not be reached', { reason: 'timeout' })),
    };
    const failed = await approve(shop.owner, r.body.id);
    ctx.payments.weapp = real;
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ code: 'PLATFORM_UNAVAILABLE', details: { refundId: r.body.id, status: 'processing' } });
    const stored = await ctx.db.selectFrom('refunds').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'processing', last_error: 'WeChat Pay could not be reached' });

    const retried = await approve(shop.owner, r.body.id);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('processing');
    expect(await approve(shop.owner, r.body.id)).toMatchObject({ status: 200 }); // the platform sees the same refund number
    expect(ctx.simulator.trade('weapp', order.orderNo)!.refunds).toHaveLength(1);
    await platformCompletes('weapp', r.body.refundNo);
    expect(await getOrder(m, order.id)).toMatchObject({ status: 'refunded', refundedFen: 9000 });
    expect((await approve(shop.owner, r.body.id)).status).toBe(409);
  });

  it('Alipay refunds synchronously: succeeded at approval, the later notification is a no-op', async () => {
    const ali = await newShopper(ctx, 'alipay');
    const order = await paidOrder(ctx, shop, ali);
    const seen = await refundedListener();
    const r = await askRefund(ali, order.id, { reason: '退', lines: [{ orderLineId: lineOf(order, 1), quantity: 1 }] });
    const approved = await approve(shop.owner, r.body.id);
    expect(approved.body).toMatchObject({ status: 'succeeded', completedAt: expect.any(String) });
    await platformCompletes('alipay', r.body.refundNo, 3);
    expect(await getOrder(ali, order.id)).toMatchObject({ status: 'paid', refundedFen: 2000 });
    expect(seen).toHaveLength(1);
    const whole = await askRefund(ali, order.id, { reason: '全退' });
    await approve(shop.owner, whole.body.id);
    await platformCompletes('alipay', whole.body.refundNo);
    expect(await getOrder(ali, order.id)).toMatchObject({ status: 'refunded', refundedFen: 9000 });
  });

  it('Douyin: processing until its refund callback', async () => {
    const tt = await newShopper(ctx, 'tt');
    const order = await paidOrder(ctx, shop, tt);
    const r = await askRefund(tt, order.id, { reason: '退' });
    expect((await approve(shop.owner, r.body.id)).body.status).toBe('processing');
    await platformCompletes('tt', r.body.refundNo, 4);
    expect(await getOrder(tt, order.id)).toMatchObject({ status: 'refunded', refundedFen: 9000 });
  });

  it('refuses a refund notification that does not match our refund, changing nothing', async () => {
    const order = await paidOrder(ctx, shop, m);
    const r = await askRefund(m, order.id, { reason: '退', lines: [{ orderLineId: lineOf(order, 1), quantity: 1 }] });
    // The platform accepts a different amount under our refund number (a refund made outside the API).
    const adapters = ctx.payments;
    await adapters.weapp.refund({ outTradeNo: order.orderNo, outRefundNo: r.body.refundNo, refundFen: 1500, totalFen: 9000 });
    const before = await orderRow(ctx, order.id);
    const { deliveries } = await ctx.simulator.completeRefund('weapp', r.body.refundNo);
    expect(deliveries[0]!.status).toBe(500);
    expect(await orderRow(ctx, order.id)).toEqual(before);
    expect((await ctx.db.selectFrom('refunds').select('status').where('id', '=', r.body.id).executeTakeFirstOrThrow()).status).toBe('requested');
  });
});
