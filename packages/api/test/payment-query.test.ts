/**
 * Active payment query (主动查单): when the platform's notification is late or lost, POST /orders/{id}/payment-status
 * and the background sweep ask the platform (the simulator, in-process) and apply a paid trade through the same
 * path as a notification, once overall, however the query and the late notification interleave.
 */
import { type LoginPlatform, LOGIN_PLATFORMS } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { startPaymentQueryJob } from '../src/modules/payments/index.js';
import { AppError } from '../src/lib/app-error.js';
import { silentLogger } from '../src/lib/logger.js';
import { eachTestContext, type TestContext } from './context.js';
import { call } from './factories.js';
import {
  expectOkAck,
  newShopper,
  orderRow,
  paidEvents,
  placeOrder,
  startPayment,
  type Shop,
  type Shopper,
  withShop,
  countRows,
  paymentTrace,
} from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const status = (m: Shopper, orderId: number, body: unknown = {}) => call(ctx, 'POST', `/api/v1/orders/${orderId}/payment-status`, m.headers(), body);
const count = (table: Parameters<typeof countRows>[1]) => countRows(ctx, table);
const snapshot = (orderId: number) => paymentTrace(ctx, orderId);

/** Counts how often the app asks the platform about a payment, until `restore()`. */
function countedQueries(platform: LoginPlatform) {
  const real = ctx.payments[platform];
  const counter = { asked: 0, restore: () => (ctx.payments[platform] = real) };
  ctx.payments[platform] = {
    ...real,
    queryPayment: async (input) => {
      counter.asked += 1;
      return real.queryPayment(input);
    },
  };
  return counter;
}

/** An order whose trade the simulator marked paid while the notification was lost. */
async function paidWithLostNotification(platform: LoginPlatform) {
  const m = await newShopper(ctx, platform);
  const order = await placeOrder(ctx, shop, m);
  await startPayment(ctx, m, order.id);
  const { eventId, deliveries } = await ctx.simulator.pay(platform, order.orderNo, { lost: true });
  expect(deliveries).toEqual([]);
  expect(ctx.simulator.trade(platform, order.orderNo)!.status).toBe('SUCCESS');
  expect((await orderRow(ctx, order.id)).status).toBe('awaiting_payment');
  return { m, order, eventId, transactionId: ctx.simulator.trade(platform, order.orderNo)!.transactionId };
}

/** The order ids the lifecycle's paid step ran for (seen by the probe plugged into the app). */
const paidOrderIds = () => ctx.probe.seen.paid.map((e) => e.orderId);

describe('POST /orders/{id}/payment-status', () => {
  it.each(LOGIN_PLATFORMS)(
    '%s: a paid trade whose notification was lost → paid once; the late notification is acknowledged and changes nothing',
    async (platform) => {
      const { m, order, eventId, transactionId } = await paidWithLostNotification(platform);

      const res = await status(m, order.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: order.id, status: 'paid', paymentPlatform: platform });
      expect(res.body.events.map((e: any) => [e.fromStatus, e.toStatus, e.actorType])).toEqual([
        [null, 'awaiting_payment', 'member'],
        ['awaiting_payment', 'paid', 'platform'],
      ]);
      expect(paidOrderIds()).toEqual([order.id]);
      expect(await paidEvents(ctx, order.id)).toBe(1);
      expect(await orderRow(ctx, order.id)).toMatchObject({
        payment_platform: platform,
        payment_transaction_id: transactionId,
        paid_amount_fen: 9000,
      });
      expect(await ctx.app.services.payments.paymentsOf(order.id)).toEqual([
        expect.objectContaining({ platform, status: 'paid', transaction_id: transactionId, amount_fen: 9000 }),
      ]);
      expect(await ctx.app.services.payments.notificationsOf(order.orderNo)).toEqual([
        expect.objectContaining({ event_id: `query:${platform}:${transactionId}`, kind: 'payment', outcome: 'paid', transaction_id: transactionId }),
      ]);

      // Asking again (no body and no content type this time) is harmless.
      const { 'content-type': _json, ...bare } = m.headers();
      const again = await call(ctx, 'POST', `/api/v1/orders/${order.id}/payment-status`, bare);
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('paid');

      // The platform's notification finally arrives (and is retried): acknowledged ok, nothing moves again.
      const before = await snapshot(order.id);
      ctx.clock.advance(60_000);
      const late = await ctx.simulator.redeliver(eventId, { duplicates: 3 });
      expect(late).toHaveLength(3);
      for (const d of late!) expectOkAck(platform, d);
      expect(await snapshot(order.id)).toEqual(before);
      expect(paidOrderIds()).toEqual([order.id]);
      expect(await paidEvents(ctx, order.id)).toBe(1);
      const notes = await ctx.app.services.payments.notificationsOf(order.orderNo);
      expect(notes.map((n) => [n.event_id, n.outcome])).toEqual([
        [`query:${platform}:${transactionId}`, 'paid'],
        [eventId, 'already_paid'],
      ]);
    },
  );

  it.each(LOGIN_PLATFORMS)('%s: 10 concurrent queries and 5 concurrent notification replays move the order once (invariant 8)', async (platform) => {
    const { m, order, eventId } = await paidWithLostNotification(platform);
    const [answers, acks] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => status(m, order.id))),
      ctx.simulator.redeliver(eventId, { duplicates: 5 })!,
    ]);
    for (const a of answers) expect(a.status).toBe(200);
    expect(acks).toHaveLength(5);
    for (const d of acks) expectOkAck(platform, d);
    expect((await orderRow(ctx, order.id)).status).toBe('paid');
    expect(await paidEvents(ctx, order.id)).toBe(1);
    expect(paidOrderIds()).toEqual([order.id]);
    expect(await count('payment_exceptions')).toBe(0);
    const outcomes = (await ctx.app.services.payments.notificationsOf(order.orderNo)).map((n) => n.outcome).sort();
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1);
    expect(outcomes.every((o) => o === 'paid' || o === 'already_paid')).toBe(true);
    expect((await status(m, order.id)).body.status).toBe('paid');
  });

  it.each(LOGIN_PLATFORMS)('%s: an unpaid trade stays awaiting payment and nothing is written', async (platform) => {
    const m = await newShopper(ctx, platform);
    const order = await placeOrder(ctx, shop, m);
    await startPayment(ctx, m, order.id);
    const before = await snapshot(order.id);
    const res = await status(m, order.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: order.id, status: 'awaiting_payment' });
    expect(await snapshot(order.id)).toEqual(before);
    expect(await count('payment_notifications')).toBe(0);
  });

  it('Douyin: a payment never opened by tt.requestOrder (unknown to Douyin) stays awaiting payment', async () => {
    const m = await newShopper(ctx, 'tt');
    const order = await placeOrder(ctx, shop, m);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {})).status).toBe(200);
    const res = await status(m, order.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('awaiting_payment');
    expect(await count('payment_notifications')).toBe(0);
  });

  it('without a trade opened it asks nobody; a paid or cancelled order comes back as it is', async () => {
    const m = await newShopper(ctx, 'weapp');
    const order = await placeOrder(ctx, shop, m);
    const weapp = countedQueries('weapp');
    expect((await status(m, order.id)).body.status).toBe('awaiting_payment');
    expect(weapp.asked).toBe(0);
    await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, m.headers());
    expect((await status(m, order.id)).body.status).toBe('cancelled');
    expect(weapp.asked).toBe(0);
    weapp.restore();
  });

  it('is only for the caller’s own orders: another member’s order or an unknown id is 404 and asks no platform (invariant 12)', async () => {
    const { m, order } = await paidWithLostNotification('weapp');
    const other = await newShopper(ctx, 'weapp');
    const weapp = countedQueries('weapp');
    const theirs = await status(other, order.id);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('NOT_FOUND');
    expect((await status(m, 999999)).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/payment-status`, { 'content-type': 'application/json' }, {})).status).toBe(401);
    const bad = await status(m, order.id, { status: 'paid' });
    expect(bad.status).toBe(400);
    expect((await call(ctx, 'POST', '/api/v1/orders/abc/payment-status', m.headers(), {})).status).toBe(400);
    expect((await orderRow(ctx, order.id)).status).toBe('awaiting_payment');
    expect(await count('payment_notifications')).toBe(0);
    expect(weapp.asked).toBe(0);
    // The owner's own request then pays it.
    weapp.restore();
    expect((await status(m, order.id)).body.status).toBe('paid');
  });

  it.each(LOGIN_PLATFORMS)('%s: a query answer with the wrong amount or app id is refused and writes nothing (invariant 9)', async (platform) => {
    const { m, order } = await paidWithLostNotification(platform);
    const real = ctx.payments[platform];
    const before = await snapshot(order.id);
    const cases: [string, (a: Awaited<ReturnType<typeof real.queryPayment>>) => Awaited<ReturnType<typeof real.queryPayment>>][] = [
      ['wrong amount', (a) => ({ ...a, amountFen: a.amountFen - 1 })],
      ['zero amount', (a) => ({ ...a, amountFen: 0 })],
      ['wrong app id', (a) => ({ ...a, appId: 'wx0000000000000bad' })],
      ['no app id', (a) => ({ ...a, appId: null })],
    ];
    for (const [what, edit] of cases) {
      ctx.payments[platform] = { ...real, queryPayment: async (input) => edit(await real.queryPayment(input)) };
      const res = await status(m, order.id);
      expect(res.status, what).toBe(200);
      expect(res.body.status, what).toBe('awaiting_payment');
      expect(await snapshot(order.id), what).toEqual(before);
      expect(await count('payment_notifications'), what).toBe(0);
    }
    ctx.payments[platform] = real;
    expect(paidOrderIds()).toEqual([]);
    expect((await status(m, order.id)).body.status).toBe('paid');
    expect(paidOrderIds()).toEqual([order.id]);
  });

  it('answers 502 PLATFORM_UNAVAILABLE when the platform cannot be asked, and changes nothing', async () => {
    const { m, order } = await paidWithLostNotification('alipay');
    const real = ctx.payments.alipay;
    ctx.payments.alipay = { ...real, queryPayment: async () => Promise.reject(new AppError('PLATFORM_UNAVAILABLE', 'Alipay could not be reached')) };
    const before = await snapshot(order.id);
    const res = await status(m, order.id);
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('PLATFORM_UNAVAILABLE');
    expect(await snapshot(order.id)).toEqual(before);
    ctx.payments.alipay = real;
    expect((await status(m, order.id)).body.status).toBe('paid');
  });
});

describe('the payment query sweep', () => {
  it('pays a stuck order once, only after its trade is a minute old; a later notification changes nothing', async () => {
    const stuck = await paidWithLostNotification('weapp');
    const unpaidShopper = await newShopper(ctx, 'alipay');
    const unpaid = await placeOrder(ctx, shop, unpaidShopper);
    await startPayment(ctx, unpaidShopper, unpaid.id);

    // Too young: the notification may still come.
    expect(await ctx.app.services.payments.reconcileStuckPayments()).toMatchObject({ applied: 0, unpaid: 0 });
    expect((await orderRow(ctx, stuck.order.id)).status).toBe('awaiting_payment');

    ctx.clock.advance(61_000);
    const job = startPaymentQueryJob({ payments: ctx.app.services.payments, logger: silentLogger, intervalMs: 3_600_000 });
    await job.idle();
    await job.stop();
    expect((await orderRow(ctx, stuck.order.id)).status).toBe('paid');
    expect((await orderRow(ctx, unpaid.id)).status).toBe('awaiting_payment');
    expect(paidOrderIds()).toEqual([stuck.order.id]);

    // Runs again: the paid order is no longer a candidate; the unpaid one is asked again and stays unpaid.
    expect(await ctx.app.services.payments.reconcileStuckPayments()).toMatchObject({ applied: 0, unpaid: 1 });
    const late = await ctx.simulator.redeliver(stuck.eventId);
    expectOkAck('weapp', late![0]!);
    expect(await paidEvents(ctx, stuck.order.id)).toBe(1);
    expect(paidOrderIds()).toEqual([stuck.order.id]);
  });

  it('works in bounded batches and gets round to every stuck order', async () => {
    const stuck = [];
    for (const platform of LOGIN_PLATFORMS) stuck.push(await paidWithLostNotification(platform));
    ctx.clock.advance(61_000);
    const sweepPosition = async () =>
      (await ctx.db.selectFrom('job_state').select('value').where('name', '=', 'payments.query-sweep.after-id').executeTakeFirst())?.value;
    const first = await ctx.app.services.payments.reconcileStuckPayments({ batch: 2 });
    expect(first.applied).toBe(2);
    // The position is kept in the database (another process, or this one after a restart, carries on from it).
    const trades = await ctx.db.selectFrom('payments').select('id').orderBy('id').execute();
    expect(await sweepPosition()).toBe(String(trades[1]!.id));
    const second = await ctx.app.services.payments.reconcileStuckPayments({ batch: 2 });
    expect(second.applied).toBe(1);
    expect(await sweepPosition()).toBe('0');
    for (const s of stuck) expect((await orderRow(ctx, s.order.id)).status).toBe('paid');
    expect(paidOrderIds().sort()).toEqual(stuck.map((s) => s.order.id).sort());
    expect(await ctx.app.services.payments.reconcileStuckPayments({ batch: 2 })).toMatchObject({ applied: 0, unpaid: 0 });
  });

  it('a sweep racing the endpoint and the late notification still moves the order once', async () => {
    const { m, order, eventId } = await paidWithLostNotification('tt');
    ctx.clock.advance(61_000);
    await Promise.all([
      ctx.app.services.payments.reconcileStuckPayments(),
      ctx.app.services.payments.reconcileStuckPayments(),
      ...Array.from({ length: 5 }, () => status(m, order.id)),
      ctx.simulator.redeliver(eventId, { duplicates: 5 })!,
    ]);
    expect(await paidEvents(ctx, order.id)).toBe(1);
    expect(paidOrderIds()).toEqual([order.id]);
  });
});
