import { createHmac, randomBytes } from 'node:crypto';
import type { LoginPlatform } from '@siyu/shared/platforms';
import type { SimulatorKeys } from './keys.js';
import type { Clock } from '../../lib/clock.js';

/** The simulator's app credentials; `platformsConfig()` hands them to the production adapters. Test values only. */
export const SIMULATOR_APPS = {
  weapp: {
    appId: 'wx5e1a0c0000000001',
    appSecret: 'sim-weapp-secret-0000000000000001',
    mchId: '1900000001',
    /** 32 bytes, as WeChat Pay APIv3 keys are. */
    apiV3Key: 'sim0apiv3key00000000000000000001',
    merchantSerialNo: '5E1A0C0000000000000000000000000000000001',
    platformSerialNo: '7C3B0A0000000000000000000000000000000001',
  },
  alipay: { appId: '2021000000000001', sellerId: '2088000000000001' },
  tt: { appId: 'tt5e1a0c0000000001', appSecret: 'sim-tt-secret-00000000000000000001', keyVersion: '1' },
} as const;

/** Login codes live about 5 minutes on every platform. */
export const CODE_TTL_SECONDS = 300;

export type AlipayIdentityMode = 'open_id' | 'user_id';

interface IssuedCode {
  platform: LoginPlatform;
  user: string;
  expiresAt: number;
}

/** What the per-platform route modules share. */
export interface SimulatorContext {
  clock: Clock;
  keys: SimulatorKeys;
  alipayIdentity: AlipayIdentityMode;
  issueCode(platform: LoginPlatform, user: string): { code: string; expiresIn: number };
  /** Takes a code for good (one-time), if it was issued for `platform` and has not expired by the injected clock. */
  redeemCode(platform: LoginPlatform, code: string): { user: string } | null;
  openId(platform: LoginPlatform, user: string): string;
  unionId(user: string): string;
  alipayUserId(user: string): string;
  /** True (and one fewer left) while an outage is scheduled for the platform. */
  takeOutage(platform: LoginPlatform): boolean;
  scheduleOutage(platform: LoginPlatform, times: number): void;
  highRiskUsers: Set<string>;
  /** Counts a weapp exchange for `user` and returns how many happened in the last minute (injected clock). */
  countWeappExchange(user: string): number;
  // Phone numbers (docs/platform-protocols.md, "Phone number")
  /** The simulated user's phone: stable, derived from the user id. */
  phoneOf(user: string): string;
  /** A one-time WeChat phone code (getPhoneNumber button) for `user` and the phone it gives. */
  issuePhoneCode(user: string, phone: string): string;
  /** Takes a phone code for good; null when unknown, used or expired. */
  redeemPhoneCode(code: string): { user: string; phone: string } | null;
  /**
   * Douyin session keys, per user. A code exchange hands out the session's key: a fresh one, unless the client's
   * session was refreshed since the last exchange (then that refreshed key, which our server has not seen yet).
   */
  ttSessionKeyForExchange(user: string): string;
  /** The key Douyin encrypts phone data with now; a silent refresh makes a new one our server does not know. */
  ttCurrentSessionKey(user: string, options?: { silentRefresh?: boolean }): string;
  /** WeChat access tokens: issued by stable_token, checked by getuserphonenumber. */
  weappAccessToken(forceRefresh: boolean): { token: string; expiresIn: number };
  weappTokenState(token: string): 'valid' | 'expired' | 'invalid';
  invalidateWeappAccessTokens(): void;
  /** Douyin client tokens issued by `/douyin-open/oauth/client_token/` → when each expires (ms). */
  ttClientTokens: Map<string, number>;
  /** Gateway methods played outside alipay.ts (subscription messages): the method's answer member and payload. */
  alipayMethods: Map<string, (params: Record<string, string>) => { error: boolean; payload: Record<string, unknown> }>;
}

export function createSimulatorContext(options: {
  clock: Clock;
  keys: SimulatorKeys;
  identitySecret: string;
  alipayIdentity: AlipayIdentityMode;
}): SimulatorContext {
  const { clock, identitySecret } = options;
  const codes = new Map<string, IssuedCode>();
  const outages = new Map<LoginPlatform, number>();
  const weappCalls = new Map<string, number[]>();
  const phoneCodes = new Map<string, { user: string; phone: string; expiresAt: number }>();
  const ttKeys = new Map<string, { key: string; exchanged: boolean }>();
  /** Every access token issued: when it expires, and whether a forced refresh or a test revoked it. */
  const weappTokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  let currentWeappToken: string | null = null;
  const ACCESS_TOKEN_TTL_SECONDS = 7200;

  const hmac = (label: string) => createHmac('sha256', identitySecret).update(label).digest();

  function pruneExpired(now: number) {
    if (codes.size < 1000) return;
    for (const [code, issued] of codes) if (issued.expiresAt <= now) codes.delete(code);
  }

  return {
    clock,
    keys: options.keys,
    alipayIdentity: options.alipayIdentity,
    highRiskUsers: new Set(),
    ttClientTokens: new Map(),
    alipayMethods: new Map(),

    issueCode(platform, user) {
      const now = clock.now().getTime();
      pruneExpired(now);
      // Shaped loosely like the real ones (opaque, URL-safe); the prefix only helps reading logs.
      const code = `${platform}${randomBytes(16).toString('hex')}`;
      codes.set(code, { platform, user, expiresAt: now + CODE_TTL_SECONDS * 1000 });
      return { code, expiresIn: CODE_TTL_SECONDS };
    },

    redeemCode(platform, code) {
      const issued = codes.get(code);
      if (!issued || issued.platform !== platform) return null;
      codes.delete(code);
      return issued.expiresAt > clock.now().getTime() ? { user: issued.user } : null;
    },

    // Stable: the same user on the same platform and app always gets the same ids.
    openId(platform, user) {
      const digest = hmac(`openid:${platform}:${SIMULATOR_APPS[platform].appId}:${user}`);
      if (platform === 'weapp') return `o${digest.toString('base64url').slice(0, 27)}`;
      if (platform === 'alipay') return `0${digest.toString('base64url').slice(0, 42)}`;
      return `_000${digest.toString('base64url').slice(0, 40)}`;
    },
    unionId(user) {
      return `u${hmac(`unionid:${user}`).toString('base64url').slice(0, 27)}`;
    },
    alipayUserId(user) {
      const n = BigInt(`0x${hmac(`alipay-user-id:${SIMULATOR_APPS.alipay.appId}:${user}`).toString('hex').slice(0, 16)}`) % 10n ** 12n;
      return `2088${n.toString().padStart(12, '0')}`;
    },

    takeOutage(platform) {
      const left = outages.get(platform) ?? 0;
      if (left <= 0) return false;
      outages.set(platform, left - 1);
      return true;
    },
    scheduleOutage(platform, times) {
      outages.set(platform, Math.max(0, times));
    },

    phoneOf(user) {
      // A mainland mobile number: 1, then 3-9, then nine digits, all from the user id.
      const digest = hmac(`phone:${user}`);
      const n = BigInt(`0x${digest.toString('hex').slice(0, 16)}`);
      return `1${3 + Number(n % 7n)}${((n / 7n) % 10n ** 9n).toString().padStart(9, '0')}`;
    },
    issuePhoneCode(user, phone) {
      const now = clock.now().getTime();
      if (phoneCodes.size >= 1000) for (const [c, v] of phoneCodes) if (v.expiresAt <= now) phoneCodes.delete(c);
      const code = randomBytes(32).toString('hex');
      phoneCodes.set(code, { user, phone, expiresAt: now + CODE_TTL_SECONDS * 1000 });
      return code;
    },
    redeemPhoneCode(code) {
      const issued = phoneCodes.get(code);
      if (!issued) return null;
      phoneCodes.delete(code);
      return issued.expiresAt > clock.now().getTime() ? { user: issued.user, phone: issued.phone } : null;
    },
    ttSessionKeyForExchange(user) {
      const current = ttKeys.get(user);
      if (current && !current.exchanged) {
        current.exchanged = true;
        return current.key;
      }
      const key = randomBytes(16).toString('base64');
      ttKeys.set(user, { key, exchanged: true });
      return key;
    },
    ttCurrentSessionKey(user, opts = {}) {
      const current = ttKeys.get(user);
      if (current && !opts.silentRefresh) return current.key;
      const key = randomBytes(16).toString('base64');
      ttKeys.set(user, { key, exchanged: false });
      return key;
    },
    weappAccessToken(forceRefresh) {
      const now = clock.now().getTime();
      const current = currentWeappToken ? weappTokens.get(currentWeappToken) : undefined;
      if (!forceRefresh && currentWeappToken && current && !current.revoked && current.expiresAt > now) {
        return { token: currentWeappToken, expiresIn: Math.floor((current.expiresAt - now) / 1000) };
      }
      if (current) current.revoked = true;
      const token = `${randomBytes(24).toString('base64url')}_sim`;
      weappTokens.set(token, { expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000, revoked: false });
      currentWeappToken = token;
      return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
    weappTokenState(token) {
      const t = weappTokens.get(token);
      if (!t || t.revoked) return 'invalid';
      return t.expiresAt > clock.now().getTime() ? 'valid' : 'expired';
    },
    invalidateWeappAccessTokens() {
      for (const t of weappTokens.values()) t.revoked = true;
      currentWeappToken = null;
    },

    countWeappExchange(user) {
      const now = clock.now().getTime();
      const recent = (weappCalls.get(user) ?? []).filter((t) => now - t < 60_000);
      recent.push(now);
      weappCalls.set(user, recent);
      return recent.length;
    },
  };
}
