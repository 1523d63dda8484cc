import { Hono } from 'hono';
import { z } from 'zod';
import { LOGIN_PLATFORMS, type LoginPlatform } from '@siyu/shared/platforms';
import type { PlatformsConfig } from '../index.js';
import type { FetchLike } from '../types.js';
import { registerAlipayRoutes } from './alipay.js';
import { sharedTestKeys, type SimulatorKeys } from './keys.js';
import { createSimulatorContext, SIMULATOR_APPS, type AlipayIdentityMode } from './state.js';
import { registerTtRoutes } from './tt.js';
import { registerWeappRoutes } from './weapp.js';

export { SIMULATOR_APPS };

export interface PlatformSimulatorOptions {
  /** The simulator's clock (code expiry, rate windows); inject the app's clock in tests. */
  clock?: () => Date;
  /** Test key pairs; defaults to `sharedTestKeys()`, generated once per process. */
  keys?: SimulatorKeys;
  /** Seeds the stable openid/unionid derivation; the same secret and user always give the same ids. */
  identitySecret?: string;
  /** Whether Alipay identifies members by `open_id` (new apps, default) or `user_id` (2088…, older apps). */
  alipayIdentity?: AlipayIdentityMode;
}

const LoginCodeRequest = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  user: z.string().min(1).max(64),
});

/**
 * A local stand-in for WeChat, Alipay and Douyin's login services, speaking their real request and response
 * shapes, signatures and error codes (PROTOCOLS.md), so the production adapters run unchanged against it.
 * Routes are relative to `app`'s root: mount it anywhere (`mainApp.route('/__sim', sim.app)`) or call it
 * in-process (`sim.app.request(url, init)`). Development and tests only; holds state in memory.
 */
export function createPlatformSimulator(options: PlatformSimulatorOptions = {}) {
  const clock = options.clock ?? (() => new Date());
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

  registerWeappRoutes(app, ctx);
  registerAlipayRoutes(app, ctx);
  registerTtRoutes(app, ctx);

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
    /** WeChat answers 40226 (high-risk user) for this user's logins from now on. */
    markHighRisk(user: string): void {
      ctx.highRiskUsers.add(user);
    },
    /** Adapter settings that point the production adapters at this simulator mounted at `baseUrl`. */
    platformsConfig(baseUrl: string): PlatformsConfig {
      const base = baseUrl.replace(/\/+$/, '');
      return {
        weapp: { appId: SIMULATOR_APPS.weapp.appId, appSecret: SIMULATOR_APPS.weapp.appSecret, baseUrl: `${base}/weapp` },
        alipay: {
          appId: SIMULATOR_APPS.alipay.appId,
          appPrivateKey: keys.alipayApp.privateKey,
          alipayPublicKey: keys.alipayPlatform.publicKey,
          gatewayUrl: `${base}/alipay/gateway.do`,
        },
        tt: { appId: SIMULATOR_APPS.tt.appId, appSecret: SIMULATOR_APPS.tt.appSecret, baseUrl: `${base}/tt` },
      };
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
