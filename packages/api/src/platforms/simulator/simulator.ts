import { fenToYuanString } from '@siyu/shared/money';
import { Hono } from 'hono';
import { z } from 'zod';
import { LOGIN_PLATFORMS, type LoginPlatform } from '@siyu/shared/platforms';
import type { PlatformsConfig } from '../config.js';
import type { FetchLike } from '../types.js';
import { registerAlipayRoutes } from './alipay.js';
import { sharedTestKeys, type SimulatorKeys } from './keys.js';
import {
  createPaymentStore,
  type DeliverFn,
  type DeliveryOptions,
  type DeliveryRecord,
  type PlatformPaySide,
  type SimRefund,
  type SimTrade,
} from './payments.js';
import { PHONE_PROOF_OUTCOMES, phoneProof, type PhoneProofOutcome } from './phone.js';
import { createSimulatorContext, SIMULATOR_APPS, type AlipayIdentityMode } from './state.js';
import { registerTtPayRoutes } from './tt-pay.js';
import { registerSubscribeMessageRoutes, type SimConsentAnswer, type SimReceivedMessage } from './subscribe-messages.js';
import { registerTtRoutes } from './tt.js';
import { registerWeappRoutes } from './weapp.js';
import { registerCodeRoutes } from './codes.js';
import { registerWechatPayRoutes } from './wechatpay.js';
import { type Clock, systemClock } from '../../lib/clock.js';

export type { DeliverFn, DeliveryOptions, DeliveryRecord, SimRefund, SimTrade };

export { SIMULATOR_APPS };

export interface PlatformSimulatorOptions {
  /** The simulator's clock (code expiry, rate windows); inject the app's clock in tests. */
  clock?: Clock;
  /** Test key pairs; defaults to `sharedTestKeys()`, generated once per process. */
  keys?: SimulatorKeys;
  /** Seeds the stable openid/unionid derivation; the same secret and user always give the same ids. */
  identitySecret?: string;
  /** Whether Alipay identifies members by `open_id` (new apps, default) or `user_id` (2088…, older apps). */
  alipayIdentity?: AlipayIdentityMode;
  /** How notifications are POSTed to our notify URLs; defaults to global fetch. */
  deliver?: DeliverFn;
  /** Whether an accepted refund completes (and its notification is sent) on its own; default true. */
  autoCompleteRefunds?: boolean;
  /** How long after acceptance an automatic refund completes; default 10 ms (after the refund call has answered). */
  refundDelayMs?: number;
}

export interface PlatformsConfigOptions {
  /** Notify URLs become `${notifyUrlBase}/weapp`, `/alipay`, `/tt`; default http://127.0.0.1:3000/payments/notify. */
  notifyUrlBase?: string;
}

/** What `GET /keys` answers: public keys (PEM, spki) and the public ids that go with them; no secret. */
export interface SimulatorPublicKeys {
  weapp: { appId: string; mchId: string; merchantSerialNo: string; merchantPublicKey: string; platformSerialNo: string; platformPublicKey: string };
  alipay: { appId: string; appPublicKey: string; platformPublicKey: string };
  tt: { appId: string; keyVersion: string; appPublicKey: string; platformPublicKey: string };
}

const PayRequest = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  outTradeNo: z.string().min(1).max(64),
  duplicates: z.number().int().min(1).max(100).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** Pay without delivering the notification (it is lost; `/redeliver` sends it later). */
  lost: z.boolean().optional(),
});
const RedeliverRequest = z.object({
  eventId: z.string().min(1),
  duplicates: z.number().int().min(1).max(100).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
});
const CompleteRefundRequest = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  outRefundNo: z.string().min(1).max(64),
  duplicates: z.number().int().min(1).max(100).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
});

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const LoginCodeRequest = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  user: z.string().min(1).max(64),
});

const PhoneProofRequest = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  user: z.string().min(1).max(64),
  /** The phone the platform vouches for (national number); default: one derived from the user id. */
  phone: z
    .string()
    .regex(/^\d{5,15}$/, '5 to 15 digits')
    .optional(),
  outcome: z.enum(PHONE_PROOF_OUTCOMES).default('ok'),
});

/**
 * A local stand-in for WeChat, Alipay and Douyin's login services, speaking their real request and response
 * shapes, signatures and error codes (docs/platform-protocols.md), so the production adapters run unchanged against it.
 * Routes are relative to `app`'s root: mount it anywhere (`mainApp.route('/__sim', sim.app)`) or call it
 * in-process (`sim.app.request(url, init)`). Development and tests only; holds state in memory.
 */
export function createPlatformSimulator(options: PlatformSimulatorOptions = {}) {
  const clock = options.clock ?? systemClock;
  const keys = options.keys ?? sharedTestKeys();
  const ctx = createSimulatorContext({
    clock,
    keys,
    identitySecret: options.identitySecret ?? 'siyu-platform-simulator',
    alipayIdentity: options.alipayIdentity ?? 'open_id',
  });

  const app = new Hono();

  /** Stand-in for wx.login / my.getAuthCode / tt.login: a one-time code for a test user. */
  app.post('/login-codes', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = LoginCodeRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'body';
      const message =
        body === undefined
          ? 'body must be JSON: { "platform": "weapp" | "alipay" | "tt", "user": "1 to 64 characters" }'
          : `${field}: ${issue?.message ?? 'invalid'} (expected { "platform": "weapp" | "alipay" | "tt", "user": "1 to 64 characters" })`;
      return c.json({ error: { code: 'VALIDATION_FAILED', message } }, 400);
    }
    return c.json(ctx.issueCode(parsed.data.platform, parsed.data.user));
  });

  /**
   * Stand-in for the platform's phone-number button (WeChat/Douyin `open-type="getPhoneNumber"`, Alipay
   * `my.getPhoneNumber()`): what the client would get for a simulated user, to post to POST /api/v1/me/phone.
   * `outcome` plays refusals, forgeries and Douyin's stale session key (see PHONE_PROOF_OUTCOMES).
   */
  app.post('/phone-proofs', async (c) => {
    const parsed = PhoneProofRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return invalid(c, parsed.error);
    const { platform, user, phone, outcome } = parsed.data;
    const answer = phoneProof(ctx, platform, user, phone, outcome);
    if (!answer.ok) return c.json({ error: { code: 'VALIDATION_FAILED', message: `outcome: ${answer.message}` } }, 400);
    return c.json(answer.proof);
  });

  const store = createPaymentStore(clock, options.deliver ?? ((url, init) => globalThis.fetch(url, init)));
  const autoComplete = options.autoCompleteRefunds ?? true;
  const onRefund = (trade: SimTrade, refund: SimRefund) => {
    if (!autoComplete) return;
    store.schedule(async () => {
      await paySides[trade.platform].completeRefund(trade, refund).deliveries;
    }, options.refundDelayMs ?? 10);
  };

  registerWeappRoutes(app, ctx);
  registerTtRoutes(app, ctx);
  const subscriptions = registerSubscribeMessageRoutes(app, ctx);
  let ttTokenValid: (token: string) => boolean = () => false;
  // Where the simulator is reached (its Alipay code images are URLs under it): set by platformsConfig.
  let publicBase = SIMULATOR_BASE;
  const codes = registerCodeRoutes(app, ctx, { tokenValid: (t) => ttTokenValid(t) }, () => publicBase);
  const paySides: Record<LoginPlatform, PlatformPaySide> = {
    weapp: registerWechatPayRoutes(app, ctx, store, onRefund),
    alipay: registerAlipayRoutes(app, ctx, store, onRefund, { 'alipay.open.app.qrcode.create': codes.alipayQrcodeCreate }),
    tt: registerTtPayRoutes(app, ctx, store, onRefund, (check) => {
      ttTokenValid = check;
    }),
  };

  type PayResult = { ok: true; eventId: string; deliveries: Promise<DeliveryRecord[]> } | { ok: false; status: 404 | 409; message: string };
  function pay(platform: LoginPlatform, outTradeNo: string, opts: DeliveryOptions = {}): PayResult {
    const trade = store.get(platform, outTradeNo);
    if (!trade) return { ok: false, status: 404, message: `no ${platform} trade ${outTradeNo}: create the payment first` };
    if (trade.status === 'CLOSED') return { ok: false, status: 409, message: `${platform} trade ${outTradeNo} is closed` };
    if (trade.status === 'NOTPAY') {
      trade.status = 'SUCCESS';
      trade.paidAt = ctx.clock.now();
    }
    return { ok: true, ...paySides[platform].pay(trade, opts) };
  }
  function completeRefund(platform: LoginPlatform, outRefundNo: string, opts: DeliveryOptions = {}): PayResult {
    for (const trade of store.trades.values()) {
      if (trade.platform !== platform) continue;
      const refund = trade.refunds.find((r) => r.outRefundNo === outRefundNo);
      if (refund) return { ok: true, ...paySides[platform].completeRefund(trade, refund, opts) };
    }
    return { ok: false, status: 404, message: `no ${platform} refund ${outRefundNo}` };
  }
  const invalid = (c: { json: (b: unknown, s: 400) => Response }, error: z.ZodError) => {
    const issue = error.issues[0];
    return c.json(
      { error: { code: 'VALIDATION_FAILED', message: `${issue?.path.map(String).join('.') || 'body'}: ${issue?.message ?? 'invalid'}` } },
      400,
    );
  };

  /**
   * Marks a trade paid and delivers the platform's notification to its notify URL (`duplicates` copies at once).
   * A trade already paid gets the same notification again (a late retry). With `delayMs` it answers 202 at once.
   * With `lost: true` the trade is paid but the notification is not delivered (only `/redeliver` sends it).
   */
  app.post('/pay', async (c) => {
    const parsed = PayRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return invalid(c, parsed.error);
    const { platform, outTradeNo, ...opts } = parsed.data;
    const result = pay(platform, outTradeNo, opts);
    if (!result.ok) return c.json({ error: { code: result.status === 404 ? 'NOT_FOUND' : 'CONFLICT', message: result.message } }, result.status);
    const deliveries = await result.deliveries;
    return c.json({ eventId: result.eventId, deliveries }, opts.delayMs ? 202 : 200);
  });

  /** Sends a past notification again by its event id (WeChat `id`, Alipay `notify_id`, Douyin `payment:…`). */
  app.post('/redeliver', async (c) => {
    const parsed = RedeliverRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return invalid(c, parsed.error);
    const { eventId, ...opts } = parsed.data;
    const deliveries = store.redeliver(eventId, opts);
    if (!deliveries) return c.json({ error: { code: 'NOT_FOUND', message: `no notification ${eventId}` } }, 404);
    return c.json({ eventId, deliveries: await deliveries }, opts.delayMs ? 202 : 200);
  });

  /** Completes a refund now (with `autoCompleteRefunds: false`) or resends its notification. */
  app.post('/refunds/complete', async (c) => {
    const parsed = CompleteRefundRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return invalid(c, parsed.error);
    const { platform, outRefundNo, ...opts } = parsed.data;
    const result = completeRefund(platform, outRefundNo, opts);
    if (!result.ok) return c.json({ error: { code: 'NOT_FOUND', message: result.message } }, 404);
    return c.json({ eventId: result.eventId, deliveries: await result.deliveries }, opts.delayMs ? 202 : 200);
  });

  /**
   * The simulator's PUBLIC keys, so that an out-of-process test (the mini-program's) can verify what our server
   * signed (WeChat paySign, Douyin byteAuthorization) and what the simulator signed. Never a private key. The
   * simulator is development and tests only: env.ts refuses PLATFORM_SIMULATOR in production.
   */
  app.get('/keys', (c) =>
    c.json({
      weapp: {
        appId: SIMULATOR_APPS.weapp.appId,
        mchId: SIMULATOR_APPS.weapp.mchId,
        merchantSerialNo: SIMULATOR_APPS.weapp.merchantSerialNo,
        merchantPublicKey: keys.wechatMerchant.publicKey,
        platformSerialNo: SIMULATOR_APPS.weapp.platformSerialNo,
        platformPublicKey: keys.wechatPlatform.publicKey,
      },
      alipay: { appId: SIMULATOR_APPS.alipay.appId, appPublicKey: keys.alipayApp.publicKey, platformPublicKey: keys.alipayPlatform.publicKey },
      tt: {
        appId: SIMULATOR_APPS.tt.appId,
        keyVersion: SIMULATOR_APPS.tt.keyVersion,
        appPublicKey: keys.ttApp.publicKey,
        platformPublicKey: keys.ttPlatform.publicKey,
      },
    } satisfies SimulatorPublicKeys),
  );

  app.get('/trades/:platform/:outTradeNo', (c) => {
    const platform = c.req.param('platform');
    const trade = (LOGIN_PLATFORMS as readonly string[]).includes(platform)
      ? store.get(platform as LoginPlatform, c.req.param('outTradeNo'))
      : undefined;
    return trade ? c.json(trade) : c.json({ error: { code: 'NOT_FOUND', message: 'no such trade' } }, 404);
  });

  /**
   * The H5 build's payment screen: amount in yuan and a 确认支付 button that POSTs /pay, then goes to `returnUrl` in
   * its place (as a platform's cashier does), so Back from where the payment lands goes to the order, not here.
   */
  app.get('/pay-page', (c) => {
    const platform = c.req.query('platform') ?? '';
    const outTradeNo = c.req.query('outTradeNo') ?? '';
    const returnUrl = c.req.query('returnUrl') ?? '';
    const safeReturn = /^(https?:\/\/|\/(?!\/))/.test(returnUrl) ? returnUrl : '';
    const trade = (LOGIN_PLATFORMS as readonly string[]).includes(platform) ? store.get(platform as LoginPlatform, outTradeNo) : undefined;
    const names: Record<LoginPlatform, string> = { weapp: '微信支付', alipay: '支付宝', tt: '抖音支付' };
    const page = (title: string, inner: string, status: 200 | 404 = 200) =>
      c.html(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>` +
          `<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px;text-align:center}` +
          `.amount{font-size:40px;margin:24px 0}button{font-size:18px;padding:12px 48px;border:0;border-radius:8px;background:#07c160;color:#fff}</style></head><body>${inner}</body></html>`,
        status,
      );
    if (!trade) return page('模拟支付', '<h1>模拟支付</h1><p id="error">订单不存在，请先创建支付</p>', 404);
    const paid = trade.status !== 'NOTPAY';
    return page(
      '模拟支付',
      `<h1>模拟支付</h1><p>${escapeHtml(names[trade.platform])} · 订单号 <span id="out-trade-no">${escapeHtml(trade.outTradeNo)}</span></p>` +
        `<p>${escapeHtml(trade.description)}</p><div class="amount" id="amount">¥${fenToYuanString(trade.amountFen)}</div>` +
        (paid ? '<p id="status">已支付</p>' : '<p id="status">待支付</p>') +
        `<button id="confirm" type="button"${paid ? ' disabled' : ''}>确认支付</button>` +
        `<script>const returnUrl=${JSON.stringify(safeReturn).replace(/</g, '\\u003c')};` +
        `document.getElementById('confirm').addEventListener('click',async(e)=>{e.target.disabled=true;document.getElementById('status').textContent='支付中…';` +
        `const r=await fetch('pay',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({platform:${JSON.stringify(trade.platform)},outTradeNo:${JSON.stringify(trade.outTradeNo).replace(/</g, '\\u003c')}})});` +
        `document.getElementById('status').textContent=r.ok?'支付成功':'支付失败';if(r.ok&&returnUrl)location.replace(returnUrl);else if(!r.ok)e.target.disabled=false;});</script>`,
    );
  });

  return {
    app,
    keys,
    apps: SIMULATOR_APPS,
    /** Same as `POST /login-codes`, in-process. */
    issueCode(platform: LoginPlatform, user: string): { code: string; expiresIn: number } {
      return ctx.issueCode(platform, user);
    },
    /** The openId the adapters will report for `user` on `platform` (for assertions). */
    openIdOf(platform: LoginPlatform, user: string): string {
      if (platform === 'alipay' && ctx.alipayIdentity === 'user_id') return ctx.alipayUserId(user);
      return ctx.openId(platform, user);
    },
    /** The next `times` exchanges on `platform` answer the platform's "system busy" error (WeChat -1, Alipay 20000, Douyin -1). */
    simulateOutage(platform: LoginPlatform, times = 1): void {
      ctx.scheduleOutage(platform, times);
    },
    /** Same as `POST /phone-proofs`, in-process: the client-side payload of the platform's phone-number button. */
    phoneProof(platform: LoginPlatform, user: string, options: { phone?: string; outcome?: PhoneProofOutcome } = {}): Record<string, unknown> {
      const answer = phoneProof(ctx, platform, user, options.phone, options.outcome ?? 'ok');
      if (!answer.ok) throw new Error(answer.message);
      return answer.proof;
    },
    /** The phone a simulated user's proofs give by default. */
    phoneOf(user: string): string {
      return ctx.phoneOf(user);
    },
    /** Revokes every WeChat access token issued so far (getuserphonenumber then answers 40001 until a new one is fetched). */
    invalidateWeappAccessTokens(): void {
      ctx.invalidateWeappAccessTokens();
    },
    /** WeChat answers 40226 (high-risk user) for this user's logins from now on. */
    markHighRisk(user: string): void {
      ctx.highRiskUsers.add(user);
    },
    /** Adapter settings (login and payments) that point the production adapters at this simulator mounted at `baseUrl`. */
    platformsConfig(baseUrl: string, configOptions: PlatformsConfigOptions = {}): PlatformsConfig {
      const base = baseUrl.replace(/\/+$/, '');
      publicBase = base;
      const notify = (configOptions.notifyUrlBase ?? 'http://127.0.0.1:3000/payments/notify').replace(/\/+$/, '');
      return {
        weapp: {
          appId: SIMULATOR_APPS.weapp.appId,
          appSecret: SIMULATOR_APPS.weapp.appSecret,
          baseUrl: `${base}/weapp`,
          pay: {
            mchId: SIMULATOR_APPS.weapp.mchId,
            merchantPrivateKey: keys.wechatMerchant.privateKey,
            merchantSerialNo: SIMULATOR_APPS.weapp.merchantSerialNo,
            apiV3Key: SIMULATOR_APPS.weapp.apiV3Key,
            platformPublicKeys: { [SIMULATOR_APPS.weapp.platformSerialNo]: keys.wechatPlatform.publicKey },
            baseUrl: `${base}/wechatpay`,
            notifyUrl: `${notify}/weapp`,
          },
        },
        alipay: {
          appId: SIMULATOR_APPS.alipay.appId,
          appPrivateKey: keys.alipayApp.privateKey,
          alipayPublicKey: keys.alipayPlatform.publicKey,
          gatewayUrl: `${base}/alipay/gateway.do`,
          sellerId: SIMULATOR_APPS.alipay.sellerId,
          notifyUrl: `${notify}/alipay`,
          aesKey: keys.alipayAes,
        },
        tt: {
          appId: SIMULATOR_APPS.tt.appId,
          appSecret: SIMULATOR_APPS.tt.appSecret,
          baseUrl: `${base}/tt`,
          pay: {
            appPrivateKey: keys.ttApp.privateKey,
            keyVersion: SIMULATOR_APPS.tt.keyVersion,
            platformPublicKey: keys.ttPlatform.publicKey,
            openApiBaseUrl: `${base}/douyin-open`,
            notifyUrl: `${notify}/tt`,
          },
        },
      };
    },
    /** Same as `POST /pay`, in-process: marks the trade paid and delivers its notification (again, if already paid). */
    pay(platform: LoginPlatform, outTradeNo: string, opts?: DeliveryOptions): Promise<{ eventId: string; deliveries: DeliveryRecord[] }> {
      const result = pay(platform, outTradeNo, opts);
      if (!result.ok) return Promise.reject(new Error(result.message));
      return result.deliveries.then((deliveries) => ({ eventId: result.eventId, deliveries }));
    },
    /** Same as `POST /redeliver`: the same notification again (a late retry); null for an unknown event id. */
    redeliver(eventId: string, opts?: DeliveryOptions): Promise<DeliveryRecord[]> | null {
      return store.redeliver(eventId, opts);
    },
    /** Same as `POST /refunds/complete`. */
    completeRefund(platform: LoginPlatform, outRefundNo: string, opts?: DeliveryOptions): Promise<{ eventId: string; deliveries: DeliveryRecord[] }> {
      const result = completeRefund(platform, outRefundNo, opts);
      if (!result.ok) return Promise.reject(new Error(result.message));
      return result.deliveries.then((deliveries) => ({ eventId: result.eventId, deliveries }));
    },
    /** Stand-in for `tt.requestOrder({ data, byteAuthorization })`: checks the signature and opens the order; returns Douyin's order id. */
    async requestTtOrder(params: { data: string; byteAuthorization: string }): Promise<{ orderId: string }> {
      const res = await app.request('/tt/requestOrder', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      const body = (await res.json()) as { err_no: number; err_tips: string; data?: { orderId: string } };
      if (body.err_no !== 0 || !body.data) throw new Error(`tt.requestOrder failed: ${body.err_no} ${body.err_tips}`);
      return { orderId: body.data.orderId };
    },
    /** A trade as the simulated platform sees it. */
    trade(platform: LoginPlatform, outTradeNo: string): SimTrade | undefined {
      return store.get(platform, outTradeNo);
    },
    /**
     * Stand-in for `requestSubscribeMessage` (`POST /subscribe-requests`): the user's answers per template (default:
     * accept), each accept one consent on the platform's side.
     */
    requestSubscribe(platform: LoginPlatform, user: string, tmplIds: string[], answers?: Record<string, SimConsentAnswer>) {
      return subscriptions.ask(platform, user, tmplIds, answers).results;
    },
    /** Every subscription message the platforms delivered, in order (`GET /messages`). */
    receivedMessages: subscriptions.received as readonly SimReceivedMessage[],
    /** Unused consents the platform holds for the openId and template. */
    consentsLeft: subscriptions.consentsLeft,
    /** The next `times` sends on the platform answer the platform's `code` (`POST /subscribe-failures`). */
    failNextSends: subscriptions.failNext,
    /** Every notification delivery so far, with the answer it got. */
    deliveries: store.deliveries as readonly DeliveryRecord[],
    /** Resolves when every scheduled or in-flight delivery (delayed pays, automatic refunds) has been answered. */
    settled(): Promise<void> {
      return store.settled();
    },
  };
}

export type PlatformSimulator = ReturnType<typeof createPlatformSimulator>;

/** A base URL for reaching the simulator in-process through `simulatorFetch` (no port needed). */
export const SIMULATOR_BASE = 'http://platform-simulator.local';

/** A fetch that hands requests under SIMULATOR_BASE to the simulator app in-process; anything else is refused. */
export function simulatorFetch(simulatorApp: { request: Hono['request'] }, base: string = SIMULATOR_BASE): FetchLike {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${base}/`)) throw new TypeError('simulator fetch: URL outside the simulator');
    const path = url.slice(base.length);
    // A Request carries its own method, headers and body: re-target it rather than dropping them.
    if (input instanceof Request) return simulatorApp.request(new Request(new URL(path, 'http://localhost'), input), init);
    return simulatorApp.request(path, init);
  };
}
