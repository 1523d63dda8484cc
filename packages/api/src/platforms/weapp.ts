import { AppError } from '../lib/app-error.js';
import { asRecord, callPlatform, nonEmptyString, parseJsonObject } from './http.js';
import { platformPhone, proofFor, proofInvalid } from './phone-common.js';
import { thrownSendOutcome, weappSendOutcome } from './subscribe-messages.js';
import type { FetchLike, PlatformAdapter, PlatformPhoneNumber, SubscribeMessageInput, SubscribeMessageResult } from './types.js';
import type { WeappPayConfig } from './wechatpay.js';
import { type Clock, systemClock } from '../lib/clock.js';

export interface WeappConfig {
  appId: string;
  appSecret: string;
  /** Defaults to https://api.weixin.qq.com; the simulator's `${base}/weapp` in development and tests. */
  baseUrl?: string;
  /** WeChat Pay API v3 merchant settings; payments on weapp are off without them. */
  pay?: WeappPayConfig;
}

/** errcodes meaning "this code is no good": invalid or reused (40029), used (40163), missing (41008). */
const INVALID_CODE_ERRCODES = new Set([40029, 40163, 41008]);
/** errcodes meaning our own app id / secret is wrong: a server misconfiguration, not the member's fault. */
const CREDENTIAL_ERRCODES = new Set([40013, 40125, 41002, 41004]);

/** errcodes meaning the access token is no good: invalid or not the latest (40001), expired (42001), invalid (40014). */
const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
/** A cached access token is replaced this long before WeChat says it expires (it lasts up to 7200 s). */
export const ACCESS_TOKEN_REFRESH_EARLY_MS = 5 * 60 * 1000;

/**
 * Our app's access token (`POST /cgi-bin/stable_token`, docs/platform-protocols.md, WeChat), cached until shortly before
 * it expires. Concurrent callers share one request. `invalidate()` drops it (WeChat said 40001/42001).
 */
export function createAccessTokenCache(config: WeappConfig, base: string, fetch: FetchLike, clock: Clock) {
  let cached: { token: string; refreshAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const { text } = await callPlatform(fetch, 'WeChat', `${base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: config.appId, secret: config.appSecret, force_refresh: false }),
    });
    const body = parseJsonObject('WeChat', text);
    const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
    const token = nonEmptyString(body.access_token);
    const expiresIn = Number(body.expires_in);
    if (errcode === 0 && token && Number.isFinite(expiresIn) && expiresIn > 0) {
      const refreshAt = clock.now().getTime() + Math.max(expiresIn * 1000 - ACCESS_TOKEN_REFRESH_EARLY_MS, (expiresIn * 1000) / 2);
      cached = { token, refreshAt };
      return token;
    }
    const details = { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : undefined };
    if (errcode === -1) throw new AppError('PLATFORM_BUSY', 'WeChat is busy; retry shortly', details, { 'Retry-After': '2' });
    if (CREDENTIAL_ERRCODES.has(errcode))
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat rejected our app credentials (check WEAPP_APP_ID / WEAPP_APP_SECRET)', details);
    throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat gave no access token', details);
  }

  return {
    async get(): Promise<string> {
      if (cached && clock.now().getTime() < cached.refreshAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    /** Drops `token` if it is still the cached one (a concurrent caller may have replaced it already). */
    invalidate(token: string): void {
      if (cached?.token === token) cached = null;
    },
  };
}

/** WeChat mini-program login: `jscode2session`; phone numbers: `getuserphonenumber` (docs/platform-protocols.md, WeChat). */
export function createWeappAdapter(config: WeappConfig, fetch: FetchLike, clock: Clock = systemClock): PlatformAdapter {
  const base = (config.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  const accessToken = createAccessTokenCache(config, base, fetch, clock);

  /** One getuserphonenumber call; `stale` when WeChat says the token is invalid or expired. */
  async function exchangePhoneCode(code: string, token: string): Promise<{ stale: true } | { stale: false; phone: PlatformPhoneNumber }> {
    const { text } = await callPlatform(fetch, 'WeChat', `${base}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = parseJsonObject('WeChat', text);
    const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
    const details = { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : undefined };
    if (errcode === 0) {
      const info = asRecord(body.phone_info);
      if (!info) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat answered without phone_info', details);
      const appid = asRecord(info.watermark)?.appid;
      if (appid !== config.appId) throw proofInvalid('the phone code was issued to another app', 'code', { watermarkAppId: appid ?? null });
      return { stale: false, phone: platformPhone('WeChat', info.countryCode, info.purePhoneNumber) };
    }
    if (STALE_TOKEN_ERRCODES.has(errcode)) return { stale: true };
    if (INVALID_CODE_ERRCODES.has(errcode))
      throw proofInvalid('WeChat refused the phone code (invalid, already used or expired); ask the member to tap the button again', 'code', details);
    if (errcode === -1) throw new AppError('PLATFORM_BUSY', 'WeChat is busy; retry shortly', details, { 'Retry-After': '2' });
    if (errcode === 45011) throw new AppError('RATE_LIMITED', 'WeChat says too frequent; retry in a minute', details, { 'Retry-After': '60' });
    if (CREDENTIAL_ERRCODES.has(errcode))
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat rejected our app credentials (check WEAPP_APP_ID / WEAPP_APP_SECRET)', details);
    throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat could not give the phone number', details);
  }

  /** One subscribeMessage.send call; `stale` when WeChat says the token is invalid or expired. */
  async function sendOnce(input: SubscribeMessageInput, token: string): Promise<{ stale: true } | { stale: false; result: SubscribeMessageResult }> {
    const { text } = await callPlatform(fetch, 'WeChat', `${base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: input.openId,
        template_id: input.templateId,
        ...(input.page ? { page: input.page } : {}),
        data: Object.fromEntries(Object.entries(input.data).map(([k, value]) => [k, { value }])),
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      }),
    });
    const body = parseJsonObject('WeChat', text);
    const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
    if (STALE_TOKEN_ERRCODES.has(errcode)) return { stale: true };
    return { stale: false, result: weappSendOutcome(errcode, typeof body.errmsg === 'string' ? body.errmsg : null) };
  }

  return {
    async sendSubscribeMessage(input) {
      try {
        const first = await accessToken.get();
        const answer = await sendOnce(input, first);
        if (!answer.stale) return answer.result;
        accessToken.invalidate(first);
        const again = await sendOnce(input, await accessToken.get());
        return again.stale ? { outcome: 'retry', code: '40001', detail: 'WeChat refused a freshly issued access token' } : again.result;
      } catch (err) {
        return thrownSendOutcome(err);
      }
    },
    async getPhoneNumber(proof) {
      const { code } = proofFor(proof, 'weapp');
      const first = await accessToken.get();
      const answer = await exchangePhoneCode(code, first);
      if (!answer.stale) return answer.phone;
      // The token went bad before we thought (another process refreshed it, WeChat revoked it): once more, fresh.
      accessToken.invalidate(first);
      const again = await exchangePhoneCode(code, await accessToken.get());
      if (!again.stale) return again.phone;
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat refused a freshly issued access token');
    },
    platform: 'weapp',
    appId: config.appId,
    async exchangeLoginCode(code) {
      const query = new URLSearchParams({ appid: config.appId, secret: config.appSecret, js_code: code, grant_type: 'authorization_code' });
      const { text } = await callPlatform(fetch, 'WeChat', `${base}/sns/jscode2session?${query}`, { method: 'GET' });
      const body = parseJsonObject('WeChat', text);
      const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
      const openId = nonEmptyString(body.openid);
      if (errcode === 0 && openId) {
        return { platform: 'weapp', openId, unionId: nonEmptyString(body.unionid), sessionKey: nonEmptyString(body.session_key) };
      }
      const details = { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : undefined };
      if (errcode === 0) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat answered without an openid', details);
      if (INVALID_CODE_ERRCODES.has(errcode))
        throw new AppError('PLATFORM_CODE_INVALID', 'WeChat refused the login code (invalid, already used or expired); call wx.login again', details);
      if (errcode === 40226) {
        // Risk control refuses the user, not the code: a new wx.login code would be refused the same way.
        throw new AppError('LOGIN_REFUSED', 'WeChat flagged this user as high-risk and refused the login', {
          platform: 'weapp',
          platformCode: errcode,
          platformMessage: details.errmsg,
          ...details,
        });
      }
      if (errcode === 45011)
        throw new AppError('RATE_LIMITED', 'WeChat says this user is logging in too often; retry in a minute', details, { 'Retry-After': '60' });
      if (CREDENTIAL_ERRCODES.has(errcode))
        throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat rejected our app credentials (check WEAPP_APP_ID / WEAPP_APP_SECRET)', details);
      if (errcode === -1) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat is busy; retry shortly', details);
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat login failed', details);
    },
  };
}
