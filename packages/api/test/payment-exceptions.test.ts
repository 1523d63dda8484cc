/**
 * Payments that arrive for an order already cancelled or expired are refunded by the server: a worker claims each
 * queued exception with a guarded update, asks the platform (through the simulator, in-process) with a refund number
 * fixed per exception, and the platform's refund notification completes it. Failures back off and finally wait for
 * a human, who revives them through the merchant endpoint.
 */
import type { LoginPlatform, PaymentException } from '@siyu/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../src/lib/app-error.js';
import { silentLogger } from '../src/lib/logger.js';
import { createPaymentExceptionsService, exceptionRefundNo, startPaymentExceptionRefundJob } from '../src/modules/payments/index.js';
import type { RefundInput } from '../src/platforms/types.js';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, M } from './factories.js';
import { expectOkAck, newShop, newShopper, orderRow, placeOrder, startPayment, stockOf, type Shop } from './shop.js';

const PLATFORMS: LoginPlatform[] = ['weapp', 'alipay', 'tt'];
const SETTINGS = { maxFailures: 3, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000, leaseMs: 5 * 60_000 };

let ctx: TestContext;
let shop: Shop;
async function setup(autoCompleteRefunds: boolean) {
  // When the simulator completes refunds by itself, it waits long enough for the worker to record the platform's answer.
  ctx = await createTestContext({ paymentExceptionRefunds: SETTINGS }, undefined, { autoCompleteRefunds, refundDelayMs: 150 });
  shop = await newShop(ctx);
}
afterEach(async () => {
  await ctx.close();
});

const service = () => ctx.app.services.paymentExceptions;
const exception = (id: number) => service().get(id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A shopper opens the payment, the order closes (member cancel or payment window expiry), then the payment lands. */
async function paidAfterClose(platform: LoginPlatform, how: 'cancel' | 'expire' = 'cancel') {
  const m = await newShopper(ctx, platform);
  const order = await placeOrder(ctx, shop, m);
  await startPayment(ctx, m, order.id);
  if (how === 'cancel') {
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, m.headers())).status).toBe(200);
  } else {
    ctx.clock.advance(31 * 60_000);
    expect(await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())).toEqual({ closed: 1 });
  }
  const { deliveries } = await ctx.simulator.pay(platform, order.orderNo);
  expectOkAck(platform, deliveries[0]!);
  const [row] = await ctx.app.services.paymentExceptions.forOrder(order.id);
  expect(row).toMatchObject({ kind: 'payment_received_after_close', state: 'refund_pending', platform, amount_fen: 9000 });
  const id = Number(row!.id);
  return { m, order, id, refundNo: exceptionRefundNo({ id, order_no: order.orderNo }) };
}

/** Wraps a platform's refund call: counts calls per refund number, optionally slows or fails them. */
function instrument(platform: LoginPlatform, behaviour: { delayMs?: number } = {}) {
  const real = ctx.payments[platform];
  const calls: RefundInput[] = [];
  const state = { failWith: null as Error | null };
  ctx.payments[platform] = {
    ...real,
    refund: async (input) => {
      calls.push(input);
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      if (state.failWith) throw state.failWith;
      return real.refund(input);
    },
  };
  return { calls, state, restore: () => void (ctx.payments[platform] = real) };
}

const unavailable = () => new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay could not be reached', { reason: 'timeout' });

async function refundNotifications(orderNo: string) {
  return (await ctx.app.services.payments.notificationsOf(orderNo)).filter((n) => n.kind === 'refund');
}

describe('the background job', () => {
  beforeEach(() => setup(true));

  it.each(PLATFORMS)('%s: refunds a payment for a closed order once; the refund notification completes it', async (platform) => {
    const { order, id, refundNo } = await paidAfterClose(platform, platform === 'weapp' ? 'expire' : 'cancel');
    const probe = instrument(platform);

    const job = startPaymentExceptionRefundJob({ exceptions: service(), logger: silentLogger, intervalMs: 15 });
    await waitFor(async () => (await exception(id)).state === 'refunded', 'the exception to be refunded');
    await sleep(100); // more ticks: nothing left to do
    await job.stop();
    await ctx.simulator.settled();

    expect(probe.calls).toEqual([
      expect.objectContaining({
        outTradeNo: order.orderNo,
        outRefundNo: refundNo,
        refundFen: 9000,
        totalFen: 9000,
        transactionId: ctx.simulator.trade(platform, order.orderNo)!.transactionId,
      }),
    ]);
    expect(ctx.simulator.trade(platform, order.orderNo)!.refunds).toEqual([
      expect.objectContaining({ outRefundNo: refundNo, refundFen: 9000, status: 'SUCCESS' }),
    ]);
    const done = await exception(id);
    expect(done).toMatchObject({
      state: 'refunded',
      refundNo,
      attempts: 1,
      failures: 0,
      lastError: null,
      refundedAt: expect.any(String),
      platformRefundId: expect.any(String),
    });

    // The platform's refund notification was recognised, not refused as an unknown refund number.
    const refundDeliveries = ctx.simulator.deliveries.filter((d) => d.kind === 'refund');
    expect(refundDeliveries).toHaveLength(1);
    for (const d of refundDeliveries) expectOkAck(platform, d);
    // Alipay refunds synchronously: its notification finds the exception already refunded.
    expect(await refundNotifications(order.orderNo)).toEqual([
      expect.objectContaining({ out_refund_no: refundNo, outcome: platform === 'alipay' ? 'exception_already_refunded' : 'exception_refunded' }),
    ]);

    // Replays of the notification, concurrently: acknowledged, and nothing changes.
    const events = await service().events(id);
    const replays = await ctx.simulator.redeliver(refundDeliveries[0]!.eventId, { duplicates: 5 });
    for (const d of replays!) expectOkAck(platform, d);
    expect(await exception(id)).toEqual(done);
    expect(await service().events(id)).toEqual(events);
    expect(events.map((e) => [e.from_state, e.to_state, e.actor_type])).toEqual(
      platform === 'alipay'
        ? [
            ['refund_pending', 'refunding', 'system'],
            ['refunding', 'refunded', 'platform'],
          ]
        : [
            ['refund_pending', 'refunding', 'system'],
            ['refunding', 'refund_processing', 'system'],
            ['refund_processing', 'refunded', 'platform'],
          ],
    );

    // The order stays closed and its stock stays back; the merchant sees the refunded exception.
    expect((await orderRow(ctx, order.id)).status).toBe('cancelled');
    expect([await stockOf(ctx, shop.sku(0)), await stockOf(ctx, shop.sku(1))]).toEqual([10, 10]);
    const listed = await call(ctx, 'GET', `${M}/payment-exceptions?state=refunded`, shop.owner.headers());
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [{ id, orderId: order.id, orderNo: order.orderNo, platform, state: 'refunded', amountFen: 9000, refundNo }],
    });
  });

  it('stops cleanly and does nothing when the queue is empty', async () => {
    const job = startPaymentExceptionRefundJob({ exceptions: service(), logger: silentLogger, intervalMs: 5 });
    await sleep(30);
    await job.stop();
    await job.stop();
    expect(await ctx.db.selectFrom('payment_exception_events').select('id').execute()).toEqual([]);
  });
});

describe('working through the queue', () => {
  beforeEach(() => setup(false));

  it('two workers (and two processes) racing over the queue refund each exception once', async () => {
    const made = [];
    for (const platform of [...PLATFORMS, ...PLATFORMS]) made.push({ platform, ...(await paidAfterClose(platform)) });
    const probes = Object.fromEntries(PLATFORMS.map((p) => [p, instrument(p, { delayMs: 5 })]));
    // A second process: its own service instance over the same database and platforms.
    const other = createPaymentExceptionsService({ db: ctx.db, clock: ctx.clock, payments: ctx.payments, logger: silentLogger, settings: SETTINGS });

    const tallies = await Promise.all([service().processQueue(), other.processQueue(), service().processQueue(), other.processQueue()]);
    const sum = (k: 'refunded' | 'processing' | 'retrying' | 'failed' | 'superseded') => tallies.reduce((n, t) => n + t[k], 0);
    expect([sum('refunded'), sum('processing'), sum('retrying'), sum('failed'), sum('superseded')]).toEqual([2, 4, 0, 0, 0]);

    const allCalls = PLATFORMS.flatMap((p) => probes[p]!.calls.map((c) => c.outRefundNo));
    expect(allCalls.sort()).toEqual(made.map((x) => x.refundNo).sort());
    for (const x of made) {
      expect(ctx.simulator.trade(x.platform, x.order.orderNo)!.refunds).toHaveLength(1);
      const e = await exception(x.id);
      expect(e).toMatchObject({ state: x.platform === 'alipay' ? 'refunded' : 'refund_processing', attempts: 1, refundNo: x.refundNo });
      expect((await service().events(x.id)).filter((ev) => ev.to_state === 'refunding')).toHaveLength(1);
    }
    expect(await service().processQueue()).toEqual({ refunded: 0, processing: 0, retrying: 0, failed: 0, superseded: 0 });

    // The notifications, each delivered 5 times at once, complete them; Alipay's are no-ops.
    await Promise.all(
      made.map(async (x) => {
        const { deliveries } = await ctx.simulator.completeRefund(x.platform, x.refundNo, { duplicates: 5 });
        for (const d of deliveries) expectOkAck(x.platform, d);
      }),
    );
    for (const x of made) expect((await exception(x.id)).state).toBe('refunded');
    expect(PLATFORMS.reduce((n, p) => n + probes[p]!.calls.length, 0)).toBe(6);
  });

  it('a worker that died mid-call is replaced after its lease, with the same refund number: one refund on the platform', async () => {
    const { order, id, refundNo } = await paidAfterClose('weapp');
    // Worker A claims and reaches the platform, then dies before recording the answer.
    const at = ctx.clock.now().toISOString();
    await ctx.db
      .updateTable('payment_exceptions')
      .set({
        state: 'refunding',
        attempts: 1,
        refund_no: refundNo,
        claimed_until: new Date(ctx.clock.now().getTime() + SETTINGS.leaseMs).toISOString(),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    await ctx.payments.weapp.refund({ outTradeNo: order.orderNo, outRefundNo: refundNo, refundFen: 9000, totalFen: 9000 });

    expect((await service().processQueue()).processing).toBe(0); // the lease still holds
    ctx.clock.advance(SETTINGS.leaseMs);
    expect((await service().processQueue()).processing).toBe(1);
    expect(await exception(id)).toMatchObject({ state: 'refund_processing', attempts: 2, refundNo });
    expect(ctx.simulator.trade('weapp', order.orderNo)!.refunds).toHaveLength(1);
    await ctx.simulator.completeRefund('weapp', refundNo);
    expect((await exception(id)).state).toBe('refunded');
  });

  it('a platform failure backs off, then the retry succeeds', async () => {
    const { order, id, refundNo } = await paidAfterClose('weapp');
    const probe = instrument('weapp');
    probe.state.failWith = unavailable();
    const t0 = ctx.clock.now().getTime();

    expect(await service().processQueue()).toMatchObject({ retrying: 1 });
    expect(await exception(id)).toMatchObject({
      state: 'refund_pending',
      attempts: 1,
      failures: 1,
      lastError: 'WeChat Pay could not be reached',
      nextAttemptAt: new Date(t0 + 60_000).toISOString(),
      refundNo,
    });
    expect(await service().processQueue()).toMatchObject({ retrying: 0 }); // not due yet
    ctx.clock.advance(59_999);
    await service().processQueue();
    expect(probe.calls).toHaveLength(1);

    ctx.clock.advance(1);
    expect(await service().processQueue()).toMatchObject({ retrying: 1 });
    expect(await exception(id)).toMatchObject({
      state: 'refund_pending',
      attempts: 2,
      failures: 2,
      nextAttemptAt: new Date(t0 + 60_000 + 120_000).toISOString(),
    }); // doubled

    probe.state.failWith = null;
    ctx.clock.advance(120_000);
    expect(await service().processQueue()).toMatchObject({ processing: 1, retrying: 0 });
    expect(await exception(id)).toMatchObject({ state: 'refund_processing', attempts: 3, failures: 0, lastError: null, nextAttemptAt: null });
    expect(probe.calls.map((c) => c.outRefundNo)).toEqual([refundNo, refundNo, refundNo]);
    expect(ctx.simulator.trade('weapp', order.orderNo)!.refunds).toHaveLength(1);

    const { deliveries } = await ctx.simulator.completeRefund('weapp', refundNo, { duplicates: 3 });
    for (const d of deliveries) expectOkAck('weapp', d);
    expect((await exception(id)).state).toBe('refunded');
  });

  it('after N failures it is refund_failed for a human, and the merchant retry revives it', async () => {
    const { id, refundNo } = await paidAfterClose('tt');
    const probe = instrument('tt');
    probe.state.failWith = new AppError('PLATFORM_UNAVAILABLE', 'Douyin refused the refund', { err_no: 28001019 });
    await service().processQueue();
    ctx.clock.advance(60_000);
    await service().processQueue();
    ctx.clock.advance(120_000);
    expect(await service().processQueue()).toMatchObject({ failed: 1 });
    expect(await exception(id)).toMatchObject({
      state: 'refund_failed',
      attempts: 3,
      failures: 3,
      nextAttemptAt: null,
      lastError: 'Douyin refused the refund',
    });
    ctx.clock.advance(6 * 3600_000); // well past any backoff (staff sessions last 12 hours)
    await service().processQueue();
    expect(probe.calls).toHaveLength(3); // the queue leaves it alone now

    const listed = await call(ctx, 'GET', `${M}/payment-exceptions?state=refund_failed`, shop.owner.headers());
    expect(listed.body).toMatchObject({ total: 1, items: [{ id, state: 'refund_failed', failures: 3 }] });
    expect((await call(ctx, 'GET', `${M}/payment-exceptions?state=refund_pending`, shop.owner.headers())).body).toMatchObject({
      total: 0,
      items: [],
    });

    // Still failing: the retry answers with the exception back in the queue, backing off again.
    const operator = await createStaffAndLogin(ctx, 'operator');
    const again = await call(ctx, 'POST', `${M}/payment-exceptions/${id}/retry`, operator.headers());
    expect(again.status).toBe(200);
    expect(again.body as PaymentException).toMatchObject({
      id,
      state: 'refund_pending',
      attempts: 4,
      failures: 1,
      lastError: 'Douyin refused the refund',
    });
    expect((await call(ctx, 'POST', `${M}/payment-exceptions/${id}/retry`, operator.headers())).status).toBe(409);
    ctx.clock.advance(60_000);
    await service().processQueue();
    ctx.clock.advance(120_000);
    await service().processQueue();
    expect((await exception(id)).state).toBe('refund_failed');

    probe.state.failWith = null;
    const revived = await call(ctx, 'POST', `${M}/payment-exceptions/${id}/retry`, shop.owner.headers());
    expect(revived.status).toBe(200);
    expect(revived.body).toMatchObject({ id, state: 'refund_processing', attempts: 7, failures: 0, lastError: null, refundNo });
    const conflict = await call(ctx, 'POST', `${M}/payment-exceptions/${id}/retry`, shop.owner.headers());
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'INVALID_STATE', details: { state: 'refund_processing' } });

    const { deliveries } = await ctx.simulator.completeRefund('tt', refundNo);
    expectOkAck('tt', deliveries[0]!);
    expect((await exception(id)).state).toBe('refunded');
    const staffMoves = (await service().events(id)).filter((e) => e.actor_type === 'staff');
    expect(staffMoves.map((e) => [e.from_state, e.to_state])).toEqual([
      ['refund_failed', 'refund_pending'],
      ['refund_failed', 'refund_pending'],
    ]);
  });

  it('refuses a refund notification that does not match the exception, changing nothing', async () => {
    const { order, id, refundNo } = await paidAfterClose('weapp');
    // Someone refunds a different amount on the platform under the exception's refund number.
    await ctx.payments.weapp.refund({ outTradeNo: order.orderNo, outRefundNo: refundNo, refundFen: 1500, totalFen: 9000 });
    expect(await service().processQueue()).toMatchObject({ retrying: 1 }); // the platform refuses our (different) amount
    const before = await exception(id);
    const { deliveries } = await ctx.simulator.completeRefund('weapp', refundNo);
    expect(deliveries[0]!.status).toBe(500);
    expect(await exception(id)).toEqual(before);
    expect(await refundNotifications(order.orderNo)).toEqual([]);
  });
});

describe('the merchant endpoints', () => {
  beforeEach(() => setup(false));

  it('keep member tokens out and viewers to reading (invariant 13)', async () => {
    const { m, id } = await paidAfterClose('weapp');
    await ctx.db.updateTable('payment_exceptions').set({ state: 'refund_failed', failures: 3 }).where('id', '=', id).execute();
    expect((await call(ctx, 'GET', `${M}/payment-exceptions`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/payment-exceptions/${id}/retry`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/payment-exceptions`, {})).status).toBe(401);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const listed = await call(ctx, 'GET', `${M}/payment-exceptions`, viewer.headers());
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id, state: 'refund_failed' }] });
    expect((await call(ctx, 'POST', `${M}/payment-exceptions/${id}/retry`, viewer.headers())).status).toBe(403);
    expect((await exception(id)).state).toBe('refund_failed');
    expect((await call(ctx, 'POST', `${M}/payment-exceptions/999999/retry`, shop.owner.headers())).status).toBe(404);
  });

  it('pages newest first', async () => {
    const a = await paidAfterClose('weapp');
    const b = await paidAfterClose('alipay');
    const page1 = await call(ctx, 'GET', `${M}/payment-exceptions?pageSize=1`, shop.owner.headers());
    expect(page1.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: b.id }] });
    const page2 = await call(ctx, 'GET', `${M}/payment-exceptions?pageSize=1&page=2`, shop.owner.headers());
    expect(page2.body).toMatchObject({
      total: 2,
      page: 2,
      items: [{ id: a.id, orderNo: a.order.orderNo, state: 'refund_pending', refundNo: null, attempts: 0 }],
    });
  });

  it('refuse bad query and path input with 400 naming the field, changing nothing (invariant 16)', async () => {
    const { id } = await paidAfterClose('weapp');
    const before = await exception(id);
    const queries: [string, string][] = [
      ['state=bogus', 'query.state'],
      ['state=REFUNDED', 'query.state'],
      ['page=0', 'query.page'],
      ['page=abc', 'query.page'],
      ['page=1.5', 'query.page'],
      ['pageSize=101', 'query.pageSize'],
      ['pageSize=-1', 'query.pageSize'],
      ['pageSize=1e20', 'query.pageSize'],
    ];
    for (const [q, field] of queries) {
      const res = await call(ctx, 'GET', `${M}/payment-exceptions?${q}`, shop.owner.headers());
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        res.body.error.details.issues.map((i: any) => i.field),
        q,
      ).toContain(field);
    }
    for (const p of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await call(ctx, 'POST', `${M}/payment-exceptions/${p}/retry`, shop.owner.headers());
      expect(res.status, p).toBe(400);
      expect(
        res.body.error.details.issues.map((i: any) => i.field),
        p,
      ).toContain('path.id');
    }
    expect(await exception(id)).toEqual(before);
    expect(await service().events(id)).toEqual([]);
  });

  it('are in the OpenAPI document', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/merchant/payment-exceptions'].get).toBeDefined();
    expect(doc.paths['/api/v1/merchant/payment-exceptions/{id}/retry'].post).toBeDefined();
    expect(doc.components.schemas.PaymentException).toBeDefined();
  });
});
