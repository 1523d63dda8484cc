import { AppError } from '../lib/app-error.js';
import { callPlatform, nonEmptyString, parseJsonObject } from './http.js';
import type { FetchLike, PlatformAdapter } from './types.js';
import type { WeappPayConfig } from './wechatpay.js';

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

/** WeChat mini-program login: `jscode2session` (docs/platform-protocols.md, WeChat). */
export function createWeappAdapter(config: WeappConfig, fetch: FetchLike): PlatformAdapter {
  const base = (config.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  return {
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
      if (errcode === 40226) throw new AppError('PLATFORM_CODE_INVALID', 'WeChat flagged this user as high-risk and refused the login', details);
      if (errcode === 45011)
        throw new AppError('RATE_LIMITED', 'WeChat says this user is logging in too often; retry in a minute', details, { 'Retry-After': '60' });
      if (CREDENTIAL_ERRCODES.has(errcode))
        throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat rejected our app credentials (check WEAPP_APP_ID / WEAPP_APP_SECRET)', details);
      if (errcode === -1) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat is busy; retry shortly', details);
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat login failed', details);
    },
  };
}
