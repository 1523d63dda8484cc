/**
 * Payments through the production adapters and the simulator. Notifications under test are built independently
 * of our verifier: WeChat and Douyin ones with Node's crypto following the documented algorithms, Alipay ones with
 * the official alipay-sdk's own signer.
 */
import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { fenToYuanString, platformYuanToFen } from '@siyu/shared/money';
import { type Clock, ManualClock } from '../lib/clock.js';
import { rejection } from './platform-test-support.js';
import {
  createPaymentAdapters,
  createPlatformSimulator,
  PaymentNotificationError,
  SIMULATOR_APPS,
  type FetchLike,
  type PaymentAdapters,
  type PaymentNotification,
  type PaymentPlatform,
  type PlatformsConfig,
} from './index.js';

const BASE = 'http://sim.test';
const NOTIFY_BASE = 'http://api.test/payments/notify';
const START = '2026-11-22T02:00:00.000Z'; // 10:00 in Beijing
const W = SIMULATOR_APPS.weapp;

/** The official SDK's OpenAPI 2.0 signer (`sign` in its util module, which the package does not re-export). */
type SdkSign = (method: string, params: Record<string, unknown>, config: unknown) => Record<string, string>;
const sdkUtilUrl = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json')), 'dist/esm/util.js')).href;
const { sign: alipaySdkSign } = (await import(sdkUtilUrl)) as { sign: SdkSign };

function rsaPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}
const stranger = rsaPair();

interface Setup {
  sim: ReturnType<typeof createPlatformSimulator>;
  adapters: PaymentAdapters;
  config: PlatformsConfig;
  clock: ManualClock;
  advance(ms: number): void;
  simFetch: FetchLike;
  /** What our stand-in notify endpoint accepted and rejected, in order. */
  accepted: PaymentNotification[];
  rejected: PaymentNotificationError[];
}

/**
 * The simulator delivers into a tiny in-process "API" whose notify endpoint does what the orders module will:
 * verify, then answer the platform's acknowledgement.
 */
function setup(options: { autoCompleteRefunds?: boolean; edit?: (c: PlatformsConfig) => PlatformsConfig } = {}): Setup {
  const clock = new ManualClock(START);
  const accepted: PaymentNotification[] = [];
  const rejected: PaymentNotificationError[] = [];
  const api = new Hono();
  let adapters!: PaymentAdapters;
  api.post('/payments/notify/:platform', async (c) => {
    const adapter = adapters[c.req.param('platform') as PaymentPlatform];
    const rawBody = await c.req.text();
    const headers = Object.fromEntries(c.req.raw.headers.entries());
    let ack: ReturnType<typeof adapter.acknowledgement>;
    try {
      accepted.push(adapter.verifyNotification({ rawBody, headers }));
      ack = adapter.acknowledgement(true);
    } catch (err) {
      if (!(err instanceof PaymentNotificationError)) throw err;
      rejected.push(err);
      ack = adapter.acknowledgement(false, err.message);
    }
    return new Response(ack.body, { status: ack.status, headers: ack.headers });
  });
  const sim = createPlatformSimulator({
    clock,
    deliver: (url, init) => api.request(url, init),
    autoCompleteRefunds: options.autoCompleteRefunds ?? false,
  });
  const simFetch: FetchLike = async (input, init) => sim.app.request(input, init);
  const base = sim.platformsConfig(BASE, { notifyUrlBase: NOTIFY_BASE });
  const config = options.edit ? options.edit(base) : base;
  adapters = createPaymentAdapters(config, simFetch, clock);
  return { sim, adapters, config, clock, advance: (ms) => clock.advance(ms), simFetch, accepted, rejected };
}

function notificationRejection(fn: () => unknown): PaymentNotificationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PaymentNotificationError) return err;
    throw err;
  }
  throw new Error('expected the notification to be rejected');
}

const order = (outTradeNo: string, amountFen: number, payerOpenId: string, clock: Clock) => ({
  outTradeNo,
  amountFen,
  description: '思域小店-测试商品',
  payerOpenId,
  expiresAt: new Date(clock.now().getTime() + 30 * 60_000),
});

const sha256Verify = (content: string, signature: string, publicKey: string) =>
  createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKey, signature, 'base64');
const sha256Sign = (content: string, privateKey: string) => createSign('RSA-SHA256').update(content, 'utf8').sign(privateKey, 'base64');

describe('money helpers', () => {
  it('converts fen to yuan and back exactly, with integer arithmetic', () => {
    expect([1, 5, 10, 100, 8888, 1999, 123456789].map(fenToYuanString)).toEqual(['0.01', '0.05', '0.10', '1.00', '88.88', '19.99', '1234567.89']);
    expect(['0.01', '0.1', '0.07', '88.88', '19.99', '1', '1234567.89', '0.29', '1.15'].map(platformYuanToFen)).toEqual([
      1, 10, 7, 8888, 1999, 100, 123456789, 29, 115,
    ]);
    for (const bad of ['', '-1.00', '1.001', '1e2', ' 1.00', '01.00', '1.', '.5', 'NaN', '0x10']) expect(platformYuanToFen(bad)).toBeNull();
    for (let fen = 0; fen < 2000; fen += 1) expect(platformYuanToFen(fenToYuanString(fen))).toBe(fen);
  });
});

// ------------------------------------------------------------------------------------------------------------
// WeChat Pay v3
// ------------------------------------------------------------------------------------------------------------

/** A WeChat Pay v3 notification built from the documentation with Node's crypto (not our code). */
function wechatNotification(
  plaintext: Record<string, unknown>,
  opts: { platformKey?: string; serial?: string; timestamp?: number; apiV3Key?: string; eventType?: string; id?: string; now: Date },
) {
  const nonce = 'a1b2c3d4e5f6';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(opts.apiV3Key ?? W.apiV3Key), Buffer.from(nonce));
  const aad = opts.eventType?.startsWith('REFUND') ? 'refund' : 'transaction';
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plaintext)), cipher.final(), cipher.getAuthTag()]).toString('base64');
  const body = JSON.stringify({
    id: opts.id ?? randomUUID(),
    create_time: '2026-11-22T10:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: opts.eventType ?? 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: aad, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: aad, nonce },
  });
  return { body, headers: wechatHeaders(body, opts) };
}

function wechatHeaders(body: string, opts: { platformKey?: string; serial?: string; timestamp?: number; now: Date }) {
  const timestamp = String(opts.timestamp ?? Math.floor(opts.now.getTime() / 1000));
  const nonce = `N0nce${randomUUID().replaceAll('-', '')}`;
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': sha256Sign(`${timestamp}\n${nonce}\n${body}\n`, opts.platformKey ?? setupKeys().wechatPlatform.privateKey),
    'Wechatpay-Serial': opts.serial ?? W.platformSerialNo,
  };
}
function setupKeys() {
  return createPlatformSimulator().keys;
}

const transaction = (over: Record<string, unknown> = {}) => ({
  mchid: W.mchId,
  appid: W.appId,
  out_trade_no: 'SY20261122000001',
  transaction_id: '4200000000202611220000000001',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'OTHERS',
  attach: '',
  success_time: '2026-11-22T10:00:05+08:00',
  payer: { openid: 'oUser' },
  amount: { total: 8888, payer_total: 8888, currency: 'CNY', payer_currency: 'CNY' },
  ...over,
});

describe('WeChat Pay v3', () => {
  it('creates a JSAPI payment: our request is signed, the simulator opens the trade, paySign verifies with the merchant key', async () => {
    const { adapters, sim, clock } = setup();
    const payment = await adapters.weapp.createPayment(order('SY20261122000001', 8888, 'oPayer', clock));
    expect(payment.platform).toBe('weapp');
    if (payment.platform !== 'weapp') throw new Error('unreachable');
    const p = payment.params;
    expect(p.signType).toBe('RSA');
    expect(p.timeStamp).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(p.package).toMatch(/^prepay_id=wx\d{8}[0-9a-f]+$/);
    expect(sha256Verify(`${W.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign, sim.keys.wechatMerchant.publicKey)).toBe(true);
    expect(sha256Verify(`${W.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}x\n`, p.paySign, sim.keys.wechatMerchant.publicKey)).toBe(false);
    expect(sim.trade('weapp', 'SY20261122000001')).toMatchObject({
      amountFen: 8888,
      payerOpenId: 'oPayer',
      status: 'NOTPAY',
      notifyUrl: `${NOTIFY_BASE}/weapp`,
    });
    // Asking again for an unpaid order gives the same prepay_id.
    const again = await adapters.weapp.createPayment(order('SY20261122000001', 8888, 'oPayer', clock));
    expect(again.platform === 'weapp' && again.params.package).toBe(p.package);
  });

  it('a request signed with the wrong merchant key gets WeChat Pay 401 SIGN_ERROR', async () => {
    const { adapters, clock, simFetch } = setup({
      edit: (c) => ({ ...c, weapp: { ...c.weapp, pay: { ...c.weapp.pay!, merchantPrivateKey: stranger.privateKey } } }),
    });
    const err = await rejection(adapters.weapp.createPayment(order('SY000001', 100, 'oPayer', clock)));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.details).toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    const res = await simFetch(`${BASE}/wechatpay/v3/pay/transactions/jsapi`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'WECHATPAY2-SHA256-RSA2048 mchid="x"' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SIGN_ERROR' });
  });

  it('refuses bad input before calling the platform, and answers PLATFORM_REFUSED for an order already paid', async () => {
    const { adapters, sim, clock } = setup();
    expect((await rejection(adapters.weapp.createPayment(order('bad no!', 100, 'o', clock)))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(adapters.weapp.createPayment(order('SY000002', 0, 'o', clock)))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(adapters.weapp.createPayment(order('SY000002', 1.5, 'o', clock)))).code).toBe('VALIDATION_FAILED');
    await adapters.weapp.createPayment(order('SY000002', 100, 'o', clock));
    await sim.pay('weapp', 'SY000002');
    const err = await rejection(adapters.weapp.createPayment(order('SY000002', 100, 'o', clock)));
    expect(err.code).toBe('PLATFORM_REFUSED');
    expect(err.status).toBe(409);
    expect(err.details).toMatchObject({ platform: 'weapp', platformCode: 'ORDERPAID' });
  });

  it('verifies and decrypts a notification built with Node crypto from the documented algorithm', () => {
    const { adapters, sim, clock } = setup();
    const n = wechatNotification(transaction(), { platformKey: sim.keys.wechatPlatform.privateKey, now: clock.now(), id: 'EV-1' });
    const decoded = adapters.weapp.verifyNotification({ rawBody: n.body, headers: n.headers });
    expect(decoded).toMatchObject({
      platform: 'weapp',
      kind: 'payment',
      outTradeNo: 'SY20261122000001',
      transactionId: '4200000000202611220000000001',
      amountFen: 8888,
      appId: W.appId,
      mchId: W.mchId,
      tradeState: 'SUCCESS',
      eventId: 'EV-1',
      occurredAt: '2026-11-22T10:00:05+08:00',
    });
    expect(decoded.raw).toMatchObject({ payer: { openid: 'oUser' } });
    // Header names are matched case-insensitively (Node lower-cases them).
    const lower = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(adapters.weapp.verifyNotification({ rawBody: n.body, headers: lower }).eventId).toBe('EV-1');
    // Other trade states normalise.
    for (const [state, expected] of [
      ['NOTPAY', 'PENDING'],
      ['CLOSED', 'CLOSED'],
      ['REVOKED', 'CLOSED'],
      ['PAYERROR', 'FAILED'],
      ['REFUND', 'REFUND'],
    ] as const) {
      const m = wechatNotification(transaction({ trade_state: state }), { platformKey: sim.keys.wechatPlatform.privateKey, now: clock.now() });
      expect(adapters.weapp.verifyNotification({ rawBody: m.body, headers: m.headers }).tradeState).toBe(expected);
    }
  });

  it('rejects every tampered notification with a typed reason', () => {
    const { adapters, sim, clock } = setup();
    const key = sim.keys.wechatPlatform.privateKey;
    const now = clock.now();
    const verify = (body: string, headers: Record<string, string>) => () => adapters.weapp.verifyNotification({ rawBody: body, headers });
    const good = wechatNotification(transaction(), { platformKey: key, now });
    expect(() => verify(good.body, good.headers)()).not.toThrow();

    // Body changed after signing (even one amount digit in a plaintext-looking field), and a signature by another key.
    expect(notificationRejection(verify(good.body.replace('支付成功', '支付失败'), good.headers)).reason).toBe('BAD_SIGNATURE');
    expect(notificationRejection(verify(` ${good.body}`, good.headers)).reason).toBe('BAD_SIGNATURE');
    const forged = wechatNotification(transaction(), { platformKey: stranger.privateKey, now });
    expect(notificationRejection(verify(forged.body, forged.headers)).reason).toBe('BAD_SIGNATURE');
    expect(notificationRejection(verify(good.body, { ...good.headers, 'Wechatpay-Signature': 'not base64!!' })).reason).toBe('BAD_SIGNATURE');
    // Unknown serial (signed correctly otherwise).
    const unknown = wechatNotification(transaction(), { platformKey: key, now, serial: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' });
    expect(notificationRejection(verify(unknown.body, unknown.headers)).reason).toBe('UNKNOWN_SERIAL');
    // Stale and future timestamps (> 5 minutes), validly signed; 5 minutes exactly still passes.
    const t = Math.floor(now.getTime() / 1000);
    for (const ts of [t - 301, t + 301, t - 86_400]) {
      const stale = wechatNotification(transaction(), { platformKey: key, now, timestamp: ts });
      expect(notificationRejection(verify(stale.body, stale.headers)).reason).toBe('STALE_TIMESTAMP');
    }
    const edge = wechatNotification(transaction(), { platformKey: key, now, timestamp: t - 300 });
    expect(() => verify(edge.body, edge.headers)()).not.toThrow();
    // Tampered ciphertext / associated data, re-signed so that only GCM authentication can catch it.
    const env = JSON.parse(good.body) as { resource: { ciphertext: string; associated_data: string } };
    const bytes = Buffer.from(env.resource.ciphertext, 'base64');
    bytes[5] = bytes[5]! ^ 0x01;
    const flipped = JSON.stringify({ ...env, resource: { ...env.resource, ciphertext: bytes.toString('base64') } });
    expect(notificationRejection(verify(flipped, wechatHeaders(flipped, { platformKey: key, now }))).reason).toBe('DECRYPT_FAILED');
    const aad = JSON.stringify({ ...env, resource: { ...env.resource, associated_data: 'refund' } });
    expect(notificationRejection(verify(aad, wechatHeaders(aad, { platformKey: key, now }))).reason).toBe('DECRYPT_FAILED');
    const wrongKey = wechatNotification(transaction(), { platformKey: key, now, apiV3Key: 'another0apiv3key0000000000000001' });
    expect(notificationRejection(verify(wrongKey.body, wrongKey.headers)).reason).toBe('DECRYPT_FAILED');
    // Wrong app id / merchant inside a genuine, decryptable resource.
    const otherApp = wechatNotification(transaction({ appid: 'wx0000000000000bad' }), { platformKey: key, now });
    expect(notificationRejection(verify(otherApp.body, otherApp.headers)).reason).toBe('WRONG_APP_ID');
    const otherMch = wechatNotification(transaction({ mchid: '1900000999' }), { platformKey: key, now });
    expect(notificationRejection(verify(otherMch.body, otherMch.headers)).reason).toBe('WRONG_MERCHANT');
    // Malformed: missing headers, non-JSON body, non-integer amount.
    const { 'Wechatpay-Serial': _s, ...noSerial } = good.headers;
    expect(notificationRejection(verify(good.body, noSerial)).reason).toBe('MALFORMED');
    expect(notificationRejection(verify('not json', wechatHeaders('not json', { platformKey: key, now }))).reason).toBe('MALFORMED');
    const fractional = wechatNotification(transaction({ amount: { total: 88.88, currency: 'CNY' } }), { platformKey: key, now });
    expect(notificationRejection(verify(fractional.body, fractional.headers)).reason).toBe('MALFORMED');
  });

  it('acknowledges as WeChat expects: 204 without a body, or 5xx with {code: FAIL, message}', () => {
    const { adapters } = setup();
    expect(adapters.weapp.acknowledgement(true)).toEqual({ status: 204, headers: {}, body: null });
    const fail = adapters.weapp.acknowledgement(false, '签名错误');
    expect(fail.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(fail.body!)).toEqual({ code: 'FAIL', message: '签名错误' });
  });

  it('the simulator pays and delivers 15 duplicates concurrently, all verified and acknowledged; a late retry still verifies', async () => {
    const { adapters, sim, clock, accepted, rejected, advance } = setup();
    await adapters.weapp.createPayment(order('SY000003', 1999, 'oPayer', clock));
    const { eventId, deliveries } = await sim.pay('weapp', 'SY000003', { duplicates: 15 });
    expect(deliveries).toHaveLength(15);
    expect(deliveries.every((d) => d.status === 204 && d.body === '')).toBe(true);
    expect(rejected).toHaveLength(0);
    expect(accepted).toHaveLength(15);
    expect(new Set(accepted.map((n) => n.eventId))).toEqual(new Set([eventId]));
    expect(accepted[0]).toMatchObject({
      kind: 'payment',
      outTradeNo: 'SY000003',
      amountFen: 1999,
      tradeState: 'SUCCESS',
      appId: W.appId,
      mchId: W.mchId,
    });
    expect(sim.trade('weapp', 'SY000003')?.status).toBe('SUCCESS');
    // Hours later WeChat retries the same event, re-signed at the time of sending.
    advance(6 * 3600_000);
    const late = await sim.redeliver(eventId);
    expect(late?.map((d) => d.status)).toEqual([204]);
    expect(accepted.at(-1)?.eventId).toBe(eventId);
    // Paying again resends the same event too.
    expect((await sim.pay('weapp', 'SY000003')).eventId).toBe(eventId);
  });

  it('refund request and refund notification round trip', async () => {
    const { adapters, sim, clock, accepted } = setup();
    await adapters.weapp.createPayment(order('SY000004', 5000, 'oPayer', clock));
    await sim.pay('weapp', 'SY000004');
    const refund = await adapters.weapp.refund({ outTradeNo: 'SY000004', outRefundNo: 'RF4-1', refundFen: 2000, totalFen: 5000, reason: '不想要了' });
    expect(refund).toMatchObject({ status: 'PROCESSING' });
    expect(refund.refundId).toMatch(/^\d+$/);
    // Same refund number again: the same refund, not a second one.
    expect(await adapters.weapp.refund({ outTradeNo: 'SY000004', outRefundNo: 'RF4-1', refundFen: 2000, totalFen: 5000 })).toEqual(refund);
    // More than is left: refused.
    const over = await rejection(adapters.weapp.refund({ outTradeNo: 'SY000004', outRefundNo: 'RF4-2', refundFen: 3001, totalFen: 5000 }));
    expect(over.details).toMatchObject({ code: 'INVALID_REQUEST' });
    const { deliveries } = await sim.completeRefund('weapp', 'RF4-1', { duplicates: 3 });
    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    expect(accepted.at(-1)).toMatchObject({
      kind: 'refund',
      outTradeNo: 'SY000004',
      outRefundNo: 'RF4-1',
      refundId: refund.refundId,
      refundFen: 2000,
      amountFen: 5000,
      refundState: 'SUCCESS',
    });
  });

  it('refunds complete on their own when the simulator is left to it', async () => {
    const { adapters, sim, clock, accepted } = setup({ autoCompleteRefunds: true });
    await adapters.weapp.createPayment(order('SY000005', 300, 'oPayer', clock));
    await sim.pay('weapp', 'SY000005');
    await adapters.weapp.refund({ outTradeNo: 'SY000005', outRefundNo: 'RF5', refundFen: 300, totalFen: 300 });
    await sim.settled();
    expect(accepted.filter((n) => n.kind === 'refund')).toHaveLength(1);
    expect(sim.trade('weapp', 'SY000005')?.status).toBe('REFUND');
  });
});

// ------------------------------------------------------------------------------------------------------------
// Alipay
// ------------------------------------------------------------------------------------------------------------

/** An SDK configured with "Alipay's" private key, so that its own signer produces what Alipay would sign. */
function alipaySigner(privateKey: string, appId: string = SIMULATOR_APPS.alipay.appId) {
  const sdk = new AlipaySdk({ appId, privateKey, keyType: 'PKCS8', alipayPublicKey: stranger.publicKey });
  return (params: Record<string, string>) => {
    const signed = alipaySdkSign('alipay.trade.notify', params, sdk.config);
    return new URLSearchParams(Object.entries(signed).map(([k, v]): [string, string] => [k, String(v)])).toString();
  };
}

const alipayFields = (over: Record<string, string> = {}): Record<string, string> => ({
  notify_time: '2026-11-22 10:00:06',
  notify_type: 'trade_status_sync',
  notify_id: 'ntf20261122000001',
  trade_no: '2026112222001400000000000001',
  out_trade_no: 'SY20261122000001',
  buyer_open_id: '0buyer',
  seller_id: SIMULATOR_APPS.alipay.sellerId,
  trade_status: 'TRADE_SUCCESS',
  total_amount: '88.88',
  receipt_amount: '88.88',
  subject: '思域小店-测试商品 & 赠品=1',
  gmt_payment: '2026-11-22 10:00:05',
  ...over,
});

describe('Alipay', () => {
  it('creates the trade with alipay.trade.create: yuan from fen exactly, tradeNO back', async () => {
    const { adapters, sim, clock } = setup();
    for (const [no, fen] of [
      ['SYA00001', 8888],
      ['SYA00002', 5],
      ['SYA00003', 100],
      ['SYA00004', 123456789],
    ] as const) {
      const payment = await adapters.alipay.createPayment(order(no, fen, sim.openIdOf('alipay', 'alice'), clock));
      expect(payment.platform).toBe('alipay');
      if (payment.platform !== 'alipay') throw new Error('unreachable');
      expect(payment.params.tradeNO).toMatch(/^\d{28}$/);
      expect(sim.trade('alipay', no)).toMatchObject({ amountFen: fen, transactionId: payment.params.tradeNO, notifyUrl: `${NOTIFY_BASE}/alipay` });
    }
  });

  it('a request signed with the wrong app key gets isv.invalid-signature', async () => {
    const { adapters, clock } = setup({ edit: (c) => ({ ...c, alipay: { ...c.alipay, appPrivateKey: stranger.privateKey } }) });
    const err = await rejection(adapters.alipay.createPayment(order('SYA00005', 100, '0buyer', clock)));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.details).toMatchObject({ sub_code: 'isv.invalid-signature' });
  });

  it('verifies a notification signed by the official alipay-sdk, decoding the amount exactly', () => {
    const { adapters, sim } = setup();
    const sign = alipaySigner(sim.keys.alipayPlatform.privateKey);
    for (const [yuan, fen] of [
      ['88.88', 8888],
      ['0.07', 7],
      ['0.1', 10],
      ['1234567.89', 123456789],
      ['19.99', 1999],
    ] as const) {
      const n = adapters.alipay.verifyNotification({ rawBody: sign(alipayFields({ total_amount: yuan })), headers: {} });
      expect(n).toMatchObject({
        platform: 'alipay',
        kind: 'payment',
        outTradeNo: 'SY20261122000001',
        transactionId: '2026112222001400000000000001',
        amountFen: fen,
        appId: SIMULATOR_APPS.alipay.appId,
        mchId: SIMULATOR_APPS.alipay.sellerId,
        tradeState: 'SUCCESS',
        eventId: 'ntf20261122000001',
        occurredAt: '2026-11-22T10:00:05+08:00',
      });
    }
    expect(adapters.alipay.verifyNotification({ rawBody: sign(alipayFields({ trade_status: 'TRADE_CLOSED' })), headers: {} }).tradeState).toBe(
      'CLOSED',
    );
    expect(adapters.alipay.verifyNotification({ rawBody: sign(alipayFields({ trade_status: 'WAIT_BUYER_PAY' })), headers: {} }).tradeState).toBe(
      'PENDING',
    );
  });

  it('rejects tampered, forged and foreign notifications', () => {
    const { adapters, sim } = setup();
    const sign = alipaySigner(sim.keys.alipayPlatform.privateKey);
    const verify = (rawBody: string) => () => adapters.alipay.verifyNotification({ rawBody, headers: {} });
    const good = sign(alipayFields());
    const tampered = new URLSearchParams(good);
    tampered.set('total_amount', '0.01');
    expect(notificationRejection(verify(tampered.toString())).reason).toBe('BAD_SIGNATURE');
    expect(notificationRejection(verify(alipaySigner(stranger.privateKey)(alipayFields()))).reason).toBe('BAD_SIGNATURE');
    const unsigned = new URLSearchParams(good);
    unsigned.delete('sign');
    expect(notificationRejection(verify(unsigned.toString())).reason).toBe('MALFORMED');
    // A second copy of a parameter after the signed one.
    expect(notificationRejection(verify(`${good}&total_amount=0.01`)).reason).toBe('MALFORMED');
    expect(notificationRejection(verify(alipaySigner(sim.keys.alipayPlatform.privateKey, '2021000000000999')(alipayFields()))).reason).toBe(
      'WRONG_APP_ID',
    );
    expect(notificationRejection(verify(sign(alipayFields({ seller_id: '2088000000000999' })))).reason).toBe('WRONG_MERCHANT');
    // Genuinely signed but not a yuan amount: never guessed at.
    expect(notificationRejection(verify(sign(alipayFields({ total_amount: '88.888' })))).reason).toBe('MALFORMED');
    expect(notificationRejection(verify(sign(alipayFields({ total_amount: '-1.00' })))).reason).toBe('MALFORMED');
  });

  it("the simulator's notifications verify with the official SDK and with our adapter; duplicates arrive concurrently", async () => {
    const { adapters, sim, clock, accepted, rejected, config } = setup();
    await adapters.alipay.createPayment(order('SYA00006', 4321, sim.openIdOf('alipay', 'bob'), clock));
    const { eventId, deliveries } = await sim.pay('alipay', 'SYA00006', { duplicates: 15 });
    expect(deliveries.map((d) => [d.status, d.body])).toEqual(Array.from({ length: 15 }, () => [200, 'success']));
    expect(rejected).toHaveLength(0);
    expect(accepted.map((n) => n.eventId)).toEqual(Array.from({ length: 15 }, () => eventId));
    expect(accepted[0]).toMatchObject({ outTradeNo: 'SYA00006', amountFen: 4321, tradeState: 'SUCCESS' });
    const sdk = new AlipaySdk({
      appId: config.alipay.appId,
      privateKey: config.alipay.appPrivateKey,
      keyType: 'PKCS8',
      alipayPublicKey: sim.keys.alipayPlatform.publicKey,
    });
    const params = accepted[0]!.raw as Record<string, string>;
    expect(sdk.checkNotifySignV2({ ...params })).toBe(true);
    expect(sdk.checkNotifySignV2({ ...params, total_amount: '0.01' })).toBe(false);
  });

  it('refunds synchronously and then notifies (refund_fee cumulative)', async () => {
    const { adapters, sim, clock, accepted } = setup({ autoCompleteRefunds: true });
    await adapters.alipay.createPayment(order('SYA00007', 1000, '0buyer', clock));
    await sim.pay('alipay', 'SYA00007');
    expect(
      await adapters.alipay.refund({ outTradeNo: 'SYA00007', outRefundNo: 'RFA7-1', refundFen: 300, totalFen: 1000, reason: '尺码不合适' }),
    ).toEqual({ refundId: 'RFA7-1', status: 'SUCCESS' });
    expect(await adapters.alipay.refund({ outTradeNo: 'SYA00007', outRefundNo: 'RFA7-2', refundFen: 700, totalFen: 1000 })).toEqual({
      refundId: 'RFA7-2',
      status: 'SUCCESS',
    });
    // Repeating a request number moves no money: PROCESSING, settled by the notification.
    expect((await adapters.alipay.refund({ outTradeNo: 'SYA00007', outRefundNo: 'RFA7-2', refundFen: 700, totalFen: 1000 })).status).toBe(
      'PROCESSING',
    );
    const over = await rejection(adapters.alipay.refund({ outTradeNo: 'SYA00007', outRefundNo: 'RFA7-3', refundFen: 1, totalFen: 1000 }));
    expect(over.details).toMatchObject({ sub_code: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL' });
    await sim.settled();
    const refunds = accepted.filter((n) => n.kind === 'refund');
    expect(refunds.map((n) => n.outRefundNo).sort()).toEqual(['RFA7-1', 'RFA7-2']);
    expect(refunds.map((n) => n.refundedTotalFen).sort((a, b) => a! - b!)).toEqual([300, 1000]);
    expect(refunds.find((n) => n.refundedTotalFen === 1000)?.tradeState).toBe('CLOSED');
  });

  it('acknowledges with the literal success / fail', () => {
    const { adapters } = setup();
    expect(adapters.alipay.acknowledgement(true)).toMatchObject({ status: 200, body: 'success' });
    expect(adapters.alipay.acknowledgement(false)).toMatchObject({ status: 200, body: 'fail' });
  });
});

// ------------------------------------------------------------------------------------------------------------
// Douyin general trade
// ------------------------------------------------------------------------------------------------------------

function parseAuth(header: string) {
  expect(header).toMatch(/^SHA256-RSA2048 /);
  return Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function ttCallback(type: 'payment' | 'refund', msg: Record<string, unknown>, opts: { key: string; now: Date; timestamp?: number }) {
  const body = JSON.stringify({ version: '3.0', msg: JSON.stringify(msg), type });
  const timestamp = String(opts.timestamp ?? Math.floor(opts.now.getTime() / 1000));
  const nonce = randomUUID();
  return {
    body,
    headers: { 'Byte-Timestamp': timestamp, 'Byte-Nonce-Str': nonce, 'Byte-Signature': sha256Sign(`${timestamp}\n${nonce}\n${body}\n`, opts.key) },
  };
}

const ttPaid = (over: Record<string, unknown> = {}) => ({
  app_id: SIMULATOR_APPS.tt.appId,
  out_order_no: 'SYT00001',
  order_id: 'ot7000000000000000001',
  status: 'SUCCESS',
  total_amount: 8888,
  discount_amount: 0,
  pay_channel: 1,
  channel_pay_id: '4200000000',
  merchant_uid: '7000',
  message: '',
  event_time: 1795000000000,
  ...over,
});

describe('Douyin general trade', () => {
  it('signs the order data: byteAuthorization verifies with our app public key and the simulator accepts it', async () => {
    const { adapters, sim, clock } = setup();
    const payment = await adapters.tt.createPayment(order('SYT00001', 8888, '_000x', clock));
    if (payment.platform !== 'tt') throw new Error('expected a Douyin payment');
    const auth = parseAuth(payment.params.byteAuthorization);
    expect(auth).toMatchObject({ appid: SIMULATOR_APPS.tt.appId, key_version: '1', timestamp: String(Math.floor(clock.now().getTime() / 1000)) });
    expect(
      sha256Verify(`POST\n/requestOrder\n${auth.timestamp}\n${auth.nonce_str}\n${payment.params.data}\n`, auth.signature!, sim.keys.ttApp.publicKey),
    ).toBe(true);
    expect(JSON.parse(payment.params.data)).toMatchObject({ outOrderNo: 'SYT00001', totalAmount: 8888, payNotifyUrl: `${NOTIFY_BASE}/tt` });
    await expect(
      sim.requestTtOrder({ data: payment.params.data.replace('8888', '1'), byteAuthorization: payment.params.byteAuthorization }),
    ).rejects.toThrow(/signature/);
    const { orderId } = await sim.requestTtOrder(payment.params);
    expect(sim.trade('tt', 'SYT00001')).toMatchObject({ transactionId: orderId, amountFen: 8888 });
  });

  it('verifies a callback signed with Node crypto; rejects bad signature, stale timestamp, wrong app id', () => {
    const { adapters, sim, clock } = setup();
    const key = sim.keys.ttPlatform.privateKey;
    const now = clock.now();
    const verify = (c: { body: string; headers: Record<string, string> }) => () =>
      adapters.tt.verifyNotification({ rawBody: c.body, headers: c.headers });
    expect(verify(ttCallback('payment', ttPaid(), { key, now }))()).toMatchObject({
      platform: 'tt',
      kind: 'payment',
      outTradeNo: 'SYT00001',
      transactionId: 'ot7000000000000000001',
      amountFen: 8888,
      appId: SIMULATOR_APPS.tt.appId,
      tradeState: 'SUCCESS',
    });
    const good = ttCallback('payment', ttPaid(), { key, now });
    expect(notificationRejection(verify({ ...good, body: good.body.replace('8888', '1') })).reason).toBe('BAD_SIGNATURE');
    expect(notificationRejection(verify(ttCallback('payment', ttPaid(), { key: stranger.privateKey, now }))).reason).toBe('BAD_SIGNATURE');
    expect(
      notificationRejection(verify(ttCallback('payment', ttPaid(), { key, now, timestamp: Math.floor(now.getTime() / 1000) - 301 }))).reason,
    ).toBe('STALE_TIMESTAMP');
    expect(notificationRejection(verify(ttCallback('payment', ttPaid({ app_id: 'tt0000000000000bad' }), { key, now }))).reason).toBe('WRONG_APP_ID');
    expect(notificationRejection(verify(ttCallback('payment', ttPaid({ total_amount: '88.88' }), { key, now }))).reason).toBe('MALFORMED');
  });

  it('pays with duplicates and round-trips a refund (client token, create_refund, refund callback)', async () => {
    const { adapters, sim, clock, accepted, rejected } = setup();
    const payment = await adapters.tt.createPayment(order('SYT00002', 2500, '_000x', clock));
    if (payment.platform !== 'tt') throw new Error('expected a Douyin payment');
    const { orderId } = await sim.requestTtOrder(payment.params);
    const { deliveries } = await sim.pay('tt', 'SYT00002', { duplicates: 5 });
    expect(deliveries.map((d) => [d.status, JSON.parse(d.body) as unknown])).toEqual(
      Array.from({ length: 5 }, () => [200, { err_no: 0, err_tips: 'success' }]),
    );
    expect(rejected).toHaveLength(0);
    expect(new Set(accepted.map((n) => n.eventId)).size).toBe(1);
    expect(accepted[0]).toMatchObject({ outTradeNo: 'SYT00002', transactionId: orderId, amountFen: 2500 });
    const refund = await adapters.tt.refund({
      outTradeNo: 'SYT00002',
      outRefundNo: 'RFT2',
      refundFen: 1000,
      totalFen: 2500,
      transactionId: orderId,
      reason: '不想要了',
    });
    expect(refund.status).toBe('PROCESSING');
    await sim.completeRefund('tt', 'RFT2');
    expect(accepted.at(-1)).toMatchObject({
      kind: 'refund',
      outRefundNo: 'RFT2',
      refundId: refund.refundId,
      refundFen: 1000,
      refundState: 'SUCCESS',
    });
    expect((await rejection(adapters.tt.refund({ outTradeNo: 'SYT00002', outRefundNo: 'RFT3', refundFen: 1000, totalFen: 2500 }))).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('acknowledges with {"err_no":0,"err_tips":"success"}', () => {
    const { adapters } = setup();
    expect(adapters.tt.acknowledgement(true)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"err_no":0,"err_tips":"success"}',
    });
    expect(adapters.tt.acknowledgement(false).status).toBeGreaterThanOrEqual(400);
  });
});

describe('simulator payment routes', () => {
  it('POST /pay delivers, GET /pay-page shows the amount in yuan, unknown trades are 404', async () => {
    const { adapters, sim, clock, accepted } = setup();
    await adapters.weapp.createPayment(order('SYP00001', 8888, 'oPayer', clock));
    const page = await sim.app.request('/pay-page?platform=weapp&outTradeNo=SYP00001&returnUrl=/pages/order/detail?id=1');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('模拟支付');
    expect(html).toContain('¥88.88');
    expect(html).toContain('确认支付');
    expect(html).toContain('"/pages/order/detail?id=1"');
    const evil = await (await sim.app.request('/pay-page?platform=weapp&outTradeNo=SYP00001&returnUrl=javascript:alert(1)')).text();
    expect(evil).not.toContain('javascript:alert');
    expect((await sim.app.request('/pay-page?platform=weapp&outTradeNo=nope')).status).toBe(404);

    const res = await sim.app.request('/pay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'weapp', outTradeNo: 'SYP00001', duplicates: 3 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { eventId: string; deliveries: Array<{ status: number }> };
    expect(body.deliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    expect(accepted).toHaveLength(3);
    const delayed = await sim.app.request('/redeliver', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: body.eventId, delayMs: 5 }),
    });
    expect(delayed.status).toBe(202);
    await sim.settled();
    expect(accepted).toHaveLength(4);
    expect(
      (
        await sim.app.request('/pay', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ platform: 'weapp', outTradeNo: 'nope' }),
        })
      ).status,
    ).toBe(404);
    expect((await sim.app.request('/pay', { method: 'POST', body: 'x' })).status).toBe(400);
  });
});

describe('active payment query (queryPayment)', () => {
  it('WeChat Pay: signed GET /v3/pay/transactions/out-trade-no/{no}?mchid=…, signed answer, normalised', async () => {
    const { adapters, sim, clock, accepted, simFetch } = setup();
    expect((await rejection(adapters.weapp.queryPayment({ outTradeNo: 'SYQ00001' }))).code).toBe('NOT_FOUND');
    await adapters.weapp.createPayment(order('SYQ00001', 8888, 'oPayer', clock));
    expect(await adapters.weapp.queryPayment({ outTradeNo: 'SYQ00001' })).toMatchObject({
      tradeState: 'PENDING',
      transactionId: null,
      amountFen: 8888,
      appId: W.appId,
    });

    const { deliveries } = await sim.pay('weapp', 'SYQ00001', { lost: true });
    expect(deliveries).toEqual([]);
    expect(accepted).toHaveLength(0);
    const paid = await adapters.weapp.queryPayment({ outTradeNo: 'SYQ00001' });
    expect(paid).toMatchObject({
      tradeState: 'SUCCESS',
      transactionId: sim.trade('weapp', 'SYQ00001')!.transactionId,
      amountFen: 8888,
      appId: W.appId,
      paidAt: '2026-11-22T10:00:00+08:00',
    });

    // The simulator checks our signature as WeChat Pay does: unsigned or mis-signed queries get 401 SIGN_ERROR.
    const unsigned = await simFetch(`${BASE}/wechatpay/v3/pay/transactions/out-trade-no/SYQ00001?mchid=${W.mchId}`, { method: 'GET' });
    expect(unsigned.status).toBe(401);
    const wrongKey = setup({ edit: (c) => ({ ...c, weapp: { ...c.weapp, pay: { ...c.weapp.pay!, merchantPrivateKey: stranger.privateKey } } }) });
    const err = await rejection(wrongKey.adapters.weapp.queryPayment({ outTradeNo: 'SYQ00001' }));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.details).toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  });

  it('WeChat Pay: an answer that does not verify with the platform key is refused', async () => {
    const { adapters, clock } = setup();
    await adapters.weapp.createPayment(order('SYQ00002', 100, 'oPayer', clock));
    const other = setup({
      edit: (c) => ({ ...c, weapp: { ...c.weapp, pay: { ...c.weapp.pay!, platformPublicKeys: { [W.platformSerialNo]: stranger.publicKey } } } }),
    });
    await other.adapters.weapp.createPayment(order('SYQ00002', 100, 'oPayer', clock)).catch(() => undefined);
    const err = await rejection(other.adapters.weapp.queryPayment({ outTradeNo: 'SYQ00002' }));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.message).toMatch(/signature/);
  });

  it('Alipay: alipay.trade.query, response sign verified over the raw member, yuan decoded exactly', async () => {
    const { adapters, sim, clock } = setup();
    const buyer = sim.openIdOf('alipay', 'alice');
    expect((await rejection(adapters.alipay.queryPayment({ outTradeNo: 'SYQA0001' }))).code).toBe('NOT_FOUND');
    const payment = await adapters.alipay.createPayment(order('SYQA0001', 1999, buyer, clock));
    if (payment.platform !== 'alipay') throw new Error('unreachable');
    expect(await adapters.alipay.queryPayment({ outTradeNo: 'SYQA0001' })).toMatchObject({
      tradeState: 'PENDING',
      amountFen: 1999,
      appId: SIMULATOR_APPS.alipay.appId,
    });
    await sim.pay('alipay', 'SYQA0001', { lost: true });
    const paid = await adapters.alipay.queryPayment({ outTradeNo: 'SYQA0001', transactionId: payment.params.tradeNO });
    expect(paid).toMatchObject({
      tradeState: 'SUCCESS',
      transactionId: payment.params.tradeNO,
      amountFen: 1999,
      appId: SIMULATOR_APPS.alipay.appId,
      paidAt: '2026-11-22T10:00:00+08:00',
    });

    const forged = setup({ edit: (c) => ({ ...c, alipay: { ...c.alipay, alipayPublicKey: stranger.publicKey } }) });
    await forged.adapters.alipay.createPayment(order('SYQA0002', 100, buyer, clock)).catch(() => undefined);
    expect((await rejection(forged.adapters.alipay.queryPayment({ outTradeNo: 'SYQA0002' }))).code).toBe('PLATFORM_UNAVAILABLE');
    const wrongKey = setup({ edit: (c) => ({ ...c, alipay: { ...c.alipay, appPrivateKey: stranger.privateKey } }) });
    const err = await rejection(wrongKey.adapters.alipay.queryPayment({ outTradeNo: 'SYQA0001' }));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.details).toMatchObject({ sub_code: 'isv.invalid-signature' });
  });

  it('Douyin: query_order with the client token, by order_id or out_order_no', async () => {
    const { adapters, sim, clock } = setup();
    const payment = await adapters.tt.createPayment(order('SYQT0001', 2500, '_000x', clock));
    if (payment.platform !== 'tt') throw new Error('unreachable');
    // Until tt.requestOrder opens it, Douyin knows no such order.
    expect((await rejection(adapters.tt.queryPayment({ outTradeNo: 'SYQT0001' }))).code).toBe('NOT_FOUND');
    const { orderId } = await sim.requestTtOrder(payment.params);
    expect(await adapters.tt.queryPayment({ outTradeNo: 'SYQT0001' })).toMatchObject({
      tradeState: 'PENDING',
      transactionId: orderId,
      amountFen: 2500,
      appId: SIMULATOR_APPS.tt.appId,
    });
    await sim.pay('tt', 'SYQT0001', { lost: true });
    for (const q of [{ outTradeNo: 'SYQT0001' }, { outTradeNo: 'SYQT0001', transactionId: orderId }]) {
      expect(await adapters.tt.queryPayment(q)).toMatchObject({
        tradeState: 'SUCCESS',
        transactionId: orderId,
        amountFen: 2500,
        appId: SIMULATOR_APPS.tt.appId,
        paidAt: '2026-11-22T10:00:00+08:00',
      });
    }
    // An answer about another order (order_id pointing elsewhere) is refused.
    expect((await rejection(adapters.tt.queryPayment({ outTradeNo: 'SYQT9999', transactionId: orderId }))).code).toBe('PLATFORM_UNAVAILABLE');
    const noToken = await sim.app.request('/douyin-open/api/apps/trade/v2/order/query_order', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_id: orderId }),
    });
    expect(await noToken.json()).toMatchObject({ err_no: 28001008 });
  });

  it('a lost notification is still sent by a later redelivery (the late retry)', async () => {
    const { adapters, sim, clock, accepted } = setup();
    await adapters.weapp.createPayment(order('SYQ00003', 300, 'oPayer', clock));
    const { eventId } = await sim.pay('weapp', 'SYQ00003', { lost: true });
    expect(accepted).toHaveLength(0);
    const res = await sim.app.request('/pay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'weapp', outTradeNo: 'SYQ00003', lost: true }),
    });
    expect(((await res.json()) as { deliveries: unknown[] }).deliveries).toEqual([]);
    const late = await sim.redeliver(eventId);
    expect(late!.map((d) => d.status)).toEqual([204]);
    expect(accepted).toEqual([expect.objectContaining({ outTradeNo: 'SYQ00003', tradeState: 'SUCCESS', eventId })]);
  });
});
