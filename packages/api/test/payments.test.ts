/**
 * Paying orders end to end through app.request(): POST /orders/{id}/pay → the platform adapter → the simulator
 * "pays" and delivers its real signed notification in-process → /payments/notify/{platform} → the order is paid.
 * Hand-built notifications (tampered ones, and controls that must pass) use Node's crypto following the documented
 * algorithms (WeChat, Douyin) and the official alipay-sdk's signer (Alipay), never our verifier's code.
 */
import { createCipheriv, createSign, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import { type LoginPlatform, LOGIN_PLATFORMS } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_APPS } from '../src/platforms/index.js';
import { eachTestContext, type TestContext } from './context.js';
import { call } from './factories.js';
import {
  expectOkAck,
  newShopper,
  orderRow,
  paidEvents,
  paidOrder,
  placeOrder,
  startPayment,
  stockOf,
  type Shop,
  withShop,
  countRows,
  paymentTrace,
} from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const W = SIMULATOR_APPS.weapp;
const stranger = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const notify = (platform: LoginPlatform, headers: Record<string, string>, body: string) =>
  ctx.app.request(`/payments/notify/${platform}`, { method: 'POST', headers, body });
const count = (table: Parameters<typeof countRows>[1]) => countRows(ctx, table);
/** Everything a notification could have written, to prove a refused one wrote nothing. */
const snapshot = async (orderId: number) => ({ ...(await paymentTrace(ctx, orderId)), notifications: await count('payment_notifications') });

// ---- WeChat Pay v3 notifications, built from the documentation with Node's crypto -----------------------------

interface WechatOptions {
  outTradeNo: string;
  total: number;
  appid?: string;
  mchid?: string;
  signingKey?: string;
  serial?: string;
  timestamp?: number;
  tamperCiphertext?: boolean;
  id?: string;
}
function wechatNotification(o: WechatOptions): { headers: Record<string, string>; body: string } {
  const plaintext = JSON.stringify({
    mchid: o.mchid ?? W.mchId,
    appid: o.appid ?? W.appId,
    out_trade_no: o.outTradeNo,
    transaction_id: `4200${randomBytes(12).toString('hex').replace(/\D/g, '1').slice(0, 24).padEnd(24, '7')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: '2026-11-22T10:00:05+08:00',
    payer: { openid: 'oPayer' },
    amount: { total: o.total, payer_total: o.total, currency: 'CNY', payer_currency: 'CNY' },
  });
  // AEAD_AES_256_GCM: key = APIv3 key, IV = nonce, AAD = associated_data; ciphertext = data ‖ 16-byte tag, base64.
  const nonce = randomBytes(6).toString('hex');
  const associatedData = 'transaction';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(W.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  if (o.tamperCiphertext) sealed[3] = sealed[3]! ^ 0x01;
  const body = JSON.stringify({
    id: o.id ?? randomUUID(),
    create_time: '2026-11-22T10:00:06+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: sealed.toString('base64'),
      associated_data: associatedData,
      nonce,
    },
  });
  // Signature: SHA256withRSA over TIMESTAMP\nNONCE\nBODY\n with the platform key named by Wechatpay-Serial.
  const timestamp = String(o.timestamp ?? Math.floor(ctx.clock.now().getTime() / 1000));
  const headerNonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${headerNonce}\n${body}\n`, 'utf8')
    .sign(o.signingKey ?? ctx.simulator.keys.wechatPlatform.privateKey, 'base64');
  return {
    headers: {
      'content-type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': headerNonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': o.serial ?? W.platformSerialNo,
    },
    body,
  };
}

// ---- Alipay notifications signed by the official alipay-sdk -----------------------------------------------------

type SdkSign = (method: string, params: Record<string, unknown>, config: unknown) => Record<string, string>;
const sdkUtilUrl = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json')), 'dist/esm/util.js')).href;
const { sign: alipaySdkSign } = (await import(sdkUtilUrl)) as { sign: SdkSign };

function alipayNotification(fields: Record<string, string>, o: { signingKey?: string; appId?: string } = {}): string {
  const sdk = new AlipaySdk({
    appId: o.appId ?? SIMULATOR_APPS.alipay.appId,
    privateKey: o.signingKey ?? ctx.simulator.keys.alipayPlatform.privateKey,
    keyType: 'PKCS8',
    alipayPublicKey: stranger.publicKey,
  });
  const signed = alipaySdkSign('alipay.trade.notify', fields, sdk.config);
  return new URLSearchParams(Object.entries(signed).map(([k, v]): [string, string] => [k, String(v)])).toString();
}
const alipayFields = (outTradeNo: string, totalYuan: string, over: Record<string, string> = {}): Record<string, string> => ({
  notify_time: '2026-11-22 10:00:06',
  notify_type: 'trade_status_sync',
  notify_id: `ntf${randomBytes(8).toString('hex')}`,
  trade_no: `2026112222001${randomBytes(6).toString('hex').replace(/\D/g, '3').padEnd(15, '5')}`,
  out_trade_no: outTradeNo,
  buyer_open_id: '0buyer',
  seller_id: SIMULATOR_APPS.alipay.sellerId,
  trade_status: 'TRADE_SUCCESS',
  total_amount: totalYuan,
  receipt_amount: totalYuan,
  subject: '思域小店 & 赠品=1',
  gmt_payment: '2026-11-22 10:00:05',
  ...over,
});

// ---- Douyin callbacks, built from the documentation -------------------------------------------------------------

function ttCallback(o: { outTradeNo: string; total: number; appId?: string; signingKey?: string; timestamp?: number }): {
  headers: Record<string, string>;
  body: string;
} {
  const body = JSON.stringify({
    version: '3.0',
    type: 'payment',
    msg: JSON.stringify({
      app_id: o.appId ?? SIMULATOR_APPS.tt.appId,
      out_order_no: o.outTradeNo,
      order_id: `ot${Date.now()}${randomBytes(3).toString('hex')}`,
      status: 'SUCCESS',
      total_amount: o.total,
      discount_amount: 0,
      pay_channel: 1,
      event_time: ctx.clock.now().getTime(),
    }),
  });
  const timestamp = String(o.timestamp ?? Math.floor(ctx.clock.now().getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`, 'utf8')
    .sign(o.signingKey ?? ctx.simulator.keys.ttPlatform.privateKey, 'base64');
  return { headers: { 'content-type': 'application/json', 'Byte-Timestamp': timestamp, 'Byte-Nonce-Str': nonce, 'Byte-Signature': signature }, body };
}

describe('paying an order end to end', () => {
  it.each(LOGIN_PLATFORMS)('%s: createPayment → simulator pays → signed notification → order paid', async (platform) => {
    const m = await newShopper(ctx, platform);
    const order = await placeOrder(ctx, shop, m);
    expect(order.payableFen).toBe(9000);
    const paid = ctx.probe.seen.paid;

    const res = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orderId: order.id, orderNo: order.orderNo, payableFen: 9000, payment: { platform } });
    if (platform === 'weapp')
      expect(res.body.payment.params).toMatchObject({
        signType: 'RSA',
        package: expect.stringMatching(/^prepay_id=/),
        timeStamp: expect.stringMatching(/^\d+$/),
      });
    if (platform === 'alipay') expect(res.body.payment.params.tradeNO).toMatch(/^\d{28}$/);
    if (platform === 'tt') {
      expect(JSON.parse(res.body.payment.params.data)).toMatchObject({ outOrderNo: order.orderNo, totalAmount: 9000 });
      await ctx.simulator.requestTtOrder(res.body.payment.params);
    }
    // Asking again reuses the trade (same out_trade_no).
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {})).status).toBe(200);
    expect((await orderRow(ctx, order.id)).status).toBe('awaiting_payment');

    const { deliveries } = await ctx.simulator.pay(platform, order.orderNo);
    expect(deliveries).toHaveLength(1);
    expectOkAck(platform, deliveries[0]!);
    const after = await call(ctx, 'GET', `/api/v1/orders/${order.id}`, m.headers());
    expect(after.body).toMatchObject({ status: 'paid', paymentPlatform: platform, refundedFen: 0, refunds: [] });
    expect(after.body.events.map((e: any) => [e.fromStatus, e.toStatus, e.actorType])).toEqual([
      [null, 'awaiting_payment', 'member'],
      ['awaiting_payment', 'paid', 'platform'],
    ]);
    expect(paid).toEqual([expect.objectContaining({ orderId: order.id, amountFen: 9000, platform })]);
    expect(await ctx.app.services.payments.paymentsOf(order.id)).toEqual([
      expect.objectContaining({
        platform,
        out_trade_no: order.orderNo,
        status: 'paid',
        amount_fen: 9000,
        transaction_id: ctx.simulator.trade(platform, order.orderNo)!.transactionId,
      }),
    ]);
  });

  it.each(LOGIN_PLATFORMS)(
    '%s: 15 concurrent replays of one notification pay once, reward once, and are all acknowledged ok (invariant 8)',
    async (platform) => {
      const m = await newShopper(ctx, platform);
      const order = await placeOrder(ctx, shop, m);
      await startPayment(ctx, m, order.id);

      const { eventId, deliveries } = await ctx.simulator.pay(platform, order.orderNo, { duplicates: 15 });
      expect(deliveries).toHaveLength(15);
      for (const d of deliveries) expectOkAck(platform, d);
      expect((await orderRow(ctx, order.id)).status).toBe('paid');
      expect(await paidEvents(ctx, order.id)).toBe(1);
      expect(ctx.probe.seen.paid).toHaveLength(1);
      const applied = await ctx.app.services.payments.notificationsOf(order.orderNo);
      expect(applied).toEqual([expect.objectContaining({ event_id: eventId, kind: 'payment', outcome: 'paid' })]);

      // A late redelivery (the platform retrying after a lost acknowledgement): ok, and nothing changes (invariant 10).
      const before = await snapshot(order.id);
      ctx.clock.advance(60_000);
      const late = await ctx.simulator.redeliver(eventId, { duplicates: 3 });
      for (const d of late!) expectOkAck(platform, d);
      expect(await snapshot(order.id)).toEqual(before);
      expect(ctx.probe.seen.paid).toHaveLength(1);
    },
  );

  it('keeps a payment for a cancelled order and queues it for refund, acknowledging ok', async () => {
    const m = await newShopper(ctx, 'weapp');
    const order = await placeOrder(ctx, shop, m);
    await startPayment(ctx, m, order.id);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, m.headers())).status).toBe(200);
    expect(await stockOf(ctx, shop.sku(0))).toBe(10);

    const { deliveries } = await ctx.simulator.pay('weapp', order.orderNo, { duplicates: 3 });
    for (const d of deliveries) expectOkAck('weapp', d);
    expect((await orderRow(ctx, order.id)).status).toBe('cancelled');
    expect(await stockOf(ctx, shop.sku(0))).toBe(10);
    const transactionId = ctx.simulator.trade('weapp', order.orderNo)!.transactionId;
    expect(await ctx.app.services.paymentExceptions.forOrder(order.id)).toEqual([
      expect.objectContaining({
        kind: 'payment_received_after_close',
        platform: 'weapp',
        transaction_id: transactionId,
        amount_fen: 9000,
        state: 'refund_pending',
      }),
    ]);
    expect(await ctx.db.selectFrom('payment_exceptions').selectAll().where('state', '=', 'refund_pending').execute()).toEqual([
      expect.objectContaining({ order_id: order.id, order_no: order.orderNo }),
    ]);
    expect(await ctx.app.services.payments.paymentsOf(order.id)).toEqual([
      expect.objectContaining({ status: 'paid', transaction_id: transactionId }),
    ]);
  });
});

describe('refused notifications change nothing (invariant 9)', () => {
  it('WeChat: bad signature, unknown serial, stale timestamp, tampered ciphertext, wrong amount, app id or merchant', async () => {
    const m = await newShopper(ctx, 'weapp');
    const order = await placeOrder(ctx, shop, m);
    await startPayment(ctx, m, order.id);
    const before = await snapshot(order.id);
    const now = Math.floor(ctx.clock.now().getTime() / 1000);
    const base = { outTradeNo: order.orderNo, total: order.payableFen };
    const cases: [string, WechatOptions][] = [
      ['bad signature', { ...base, signingKey: stranger.privateKey }],
      ['unknown serial', { ...base, serial: 'FFFF0000000000000000000000000000000000FF' }],
      ['stale timestamp', { ...base, timestamp: now - 301 }],
      ['future timestamp', { ...base, timestamp: now + 301 }],
      ['tampered ciphertext', { ...base, tamperCiphertext: true }],
      ['wrong amount', { ...base, total: order.payableFen - 1 }],
      ['wrong app id', { ...base, appid: 'wx0000000000000bad' }],
      ['wrong merchant', { ...base, mchid: '1900009999' }],
      ['unknown order', { ...base, outTradeNo: '20261122000000999999999999' }],
    ];
    for (const [what, options] of cases) {
      const n = wechatNotification(options);
      const res = await notify('weapp', n.headers, n.body);
      expect(res.status, what).toBe(500);
      expect(await res.json(), what).toMatchObject({ code: 'FAIL', message: expect.any(String) });
      expect(await snapshot(order.id), what).toEqual(before);
    }
    // A body re-serialised after signing (spacing changed) no longer verifies.
    const good = wechatNotification(base);
    expect((await notify('weapp', good.headers, JSON.stringify(JSON.parse(good.body), null, 1))).status).toBe(500);
    expect(await snapshot(order.id)).toEqual(before);

    // The control: the same construction, untampered, is accepted and pays the order.
    const res = await notify('weapp', good.headers, good.body);
    expect(res.status).toBe(204);
    expect((await orderRow(ctx, order.id)).status).toBe('paid');
  });

  it('Alipay: notifications signed by the official alipay-sdk; wrong key, amount, app id or seller refused', async () => {
    const m = await newShopper(ctx, 'alipay');
    const order = await placeOrder(ctx, shop, m);
    await startPayment(ctx, m, order.id);
    const before = await snapshot(order.id);
    const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    const cases: [string, string][] = [
      ['bad signature', alipayNotification(alipayFields(order.orderNo, '90.00'), { signingKey: stranger.privateKey })],
      ['wrong amount', alipayNotification(alipayFields(order.orderNo, '89.99'))],
      ['wrong app id', alipayNotification(alipayFields(order.orderNo, '90.00'), { appId: '2021000000009999' })],
      ['wrong seller', alipayNotification(alipayFields(order.orderNo, '90.00', { seller_id: '2088000000009999' }))],
      ['tampered after signing', alipayNotification(alipayFields(order.orderNo, '0.01')).replace('total_amount=0.01', 'total_amount=90.00')],
    ];
    for (const [what, body] of cases) {
      const res = await notify('alipay', form, body);
      expect(res.status, what).toBe(200);
      expect(await res.text(), what).toBe('fail');
      expect(await snapshot(order.id), what).toEqual(before);
    }
    const fields = alipayFields(order.orderNo, '90.00');
    const res = await notify('alipay', form, alipayNotification(fields));
    expect(await res.text()).toBe('success');
    expect(await orderRow(ctx, order.id)).toMatchObject({ status: 'paid', payment_platform: 'alipay', payment_transaction_id: fields.trade_no });
    // Alipay resends with the same notify_id: acknowledged, no second transition.
    expect(await (await notify('alipay', form, alipayNotification(fields))).text()).toBe('success');
    expect(await paidEvents(ctx, order.id)).toBe(1);
  });

  it('Douyin: bad signature, stale timestamp, wrong amount or app id refused', async () => {
    const m = await newShopper(ctx, 'tt');
    const order = await placeOrder(ctx, shop, m);
    await startPayment(ctx, m, order.id);
    const before = await snapshot(order.id);
    const now = Math.floor(ctx.clock.now().getTime() / 1000);
    const base = { outTradeNo: order.orderNo, total: order.payableFen };
    for (const [what, n] of [
      ['bad signature', ttCallback({ ...base, signingKey: stranger.privateKey })],
      ['stale timestamp', ttCallback({ ...base, timestamp: now - 600 })],
      ['wrong amount', ttCallback({ ...base, total: 1 })],
      ['wrong app id', ttCallback({ ...base, appId: 'tt0000000000000bad' })],
    ] as const) {
      const res = await notify('tt', n.headers, n.body);
      expect(res.status, what).toBe(500);
      expect(await res.json(), what).toMatchObject({ err_no: 1 });
      expect(await snapshot(order.id), what).toEqual(before);
    }
    const good = ttCallback(base);
    expect(await (await notify('tt', good.headers, good.body)).json()).toEqual({ err_no: 0, err_tips: 'success' });
    expect((await orderRow(ctx, order.id)).status).toBe('paid');
  });

  it('answers 404 for an unknown platform and refuses garbage bodies without a 500 page', async () => {
    expect((await ctx.app.request('/payments/notify/paypal', { method: 'POST', body: '{}' })).status).toBe(404);
    const res = await notify('alipay', { 'content-type': 'application/x-www-form-urlencoded' }, 'not=a&notification');
    expect(await res.text()).toBe('fail');
    // Not a notification at all (no signature headers, not an envelope): the sender's mistake, 400 with WeChat's FAIL.
    const junk = await notify('weapp', { 'content-type': 'application/json' }, '{');
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ code: 'FAIL' });
    expect(await count('payment_notifications')).toBe(0);
  });
});

describe('refunds in the development setting', () => {
  it('complete on their own when the simulator is left to it (refund notification delivered in-process)', async () => {
    const m = await newShopper(ctx, 'weapp');
    const order = await paidOrder(ctx, shop, m);
    const r = await call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds`, m.headers(), { reason: '退' });
    expect((await call(ctx, 'POST', `/api/v1/merchant/refunds/${r.body.id}/approve`, shop.owner.headers(), {})).body.status).toBe('processing');
    await ctx.simulator.settled();
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, m.headers())).body).toMatchObject({
      status: 'refunded',
      refundedFen: 9000,
      refunds: [{ status: 'succeeded' }],
    });
  });
});

describe('POST /orders/{id}/pay', () => {
  it('is only for the caller’s own unpaid, unexpired orders', async () => {
    const m = await newShopper(ctx, 'weapp');
    const other = await newShopper(ctx, 'weapp');
    const order = await placeOrder(ctx, shop, m);
    const mine = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, other.headers(), {});
    expect(mine.status).toBe(404);
    expect((await call(ctx, 'POST', '/api/v1/orders/999999/pay', m.headers(), {})).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, { 'content-type': 'application/json' }, {})).status).toBe(401);

    const bad = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), { amountFen: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('body');
    expect((await call(ctx, 'POST', `/api/v1/orders/abc/pay`, m.headers(), {})).status).toBe(400);
    expect(await count('payments')).toBe(0);

    const paid = await paidOrder(ctx, shop, m);
    const again = await call(ctx, 'POST', `/api/v1/orders/${paid.id}/pay`, m.headers(), {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_STATE', details: { status: 'paid' } });

    const cancelled = await placeOrder(ctx, shop, m);
    await call(ctx, 'POST', `/api/v1/orders/${cancelled.id}/cancel`, m.headers());
    expect((await call(ctx, 'POST', `/api/v1/orders/${cancelled.id}/pay`, m.headers(), {})).body.error).toMatchObject({
      code: 'INVALID_STATE',
      details: { status: 'cancelled' },
    });

    ctx.clock.advance(31 * 60_000);
    const expired = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {});
    expect(expired.status).toBe(409);
    expect(expired.body.error).toMatchObject({ code: 'INVALID_STATE', details: { status: 'expired' } });
  });

  it('pays through the platform of the member’s session', async () => {
    const m = await newShopper(ctx, 'alipay');
    const order = await placeOrder(ctx, shop, m);
    const res = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {});
    expect(res.body.payment.platform).toBe('alipay');
    expect(ctx.simulator.trade('alipay', order.orderNo)).toMatchObject({ amountFen: 9000, payerOpenId: ctx.simulator.openIdOf('alipay', m.user) });
    expect(ctx.simulator.trade('weapp', order.orderNo)).toBeUndefined();
  });

  it('honours Idempotency-Key', async () => {
    const m = await newShopper(ctx, 'weapp');
    const order = await placeOrder(ctx, shop, m);
    const first = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers({ 'idempotency-key': 'pay-1' }), {});
    const second = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers({ 'idempotency-key': 'pay-1' }), {});
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('answers PLATFORM_UNAVAILABLE when the platform cannot be reached', async () => {
    const m = await newShopper(ctx, 'weapp');
    const order = await placeOrder(ctx, shop, m);
    const real = ctx.payments.weapp;
    ctx.payments.weapp = {
      ...real,
      createPayment: async () =>
        Promise.reject(new (await import('../src/lib/app-error.js')).AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay could not be reached')),
    };
    const res = await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {});
    ctx.payments.weapp = real;
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('PLATFORM_UNAVAILABLE');
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/pay`, m.headers(), {})).status).toBe(200);
  });
});
