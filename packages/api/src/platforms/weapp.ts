import { AppError } from '../lib/app-error.js';
import { callPlatform, parseJson } from './http.js';
import type { FetchLike, PlatformAdapter } from './types.js';

export interface WeappConfig {
  appId: string;
  appSecret: string;
  baseUrl?: string;
}

/** WeChat mini-program login: `code2session` (PROTOCOLS.md, WeChat). */
export function createWeappAdapter(config: WeappConfig, fetch: FetchLike): PlatformAdapter {
  const base = config.baseUrl ?? 'https://api.weixin.qq.com';
  return {
    platform: 'weapp',
    appId: config.appId,
    async exchangeLoginCode(code) {
      const query = new URLSearchParams({ appid: config.appId, secret: config.appSecret, js_code: code, grant_type: 'authorization_code' });
      const { text } = await callPlatform(fetch, 'WeChat', `${base}/sns/jscode2session?${query}`, { method: 'GET' });
      const body = parseJson('WeChat', text);
      const errcode = Number(body.errcode ?? 0);
      if (errcode === 0 && typeof body.openid === 'string') {
        return { platform: 'weapp', openId: body.openid, unionId: body.unionid ?? null, sessionKey: body.session_key ?? null };
      }
      const details = { errcode, errmsg: body.errmsg };
      if (errcode === 40029 || errcode === 40163) throw new AppError('PLATFORM_CODE_INVALID', 'WeChat refused the login code (invalid, used or expired)', details);
      if (errcode === 40226) throw new AppError('PLATFORM_CODE_INVALID', 'WeChat flagged this user as high-risk and refused the login', details);
      if (errcode === 45011) throw new AppError('RATE_LIMITED', 'WeChat says logins are too frequent for this user', details, { 'Retry-After': '60' });
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat login failed', details);
    },
  };
}
