import { AppError } from '../lib/app-error.js';
import { callPlatform, parseJson } from './http.js';
import type { FetchLike, PlatformAdapter } from './types.js';

export interface TtConfig {
  appId: string;
  appSecret: string;
  baseUrl?: string;
}

/** Douyin mini-program login: `jscode2session` v2 (PROTOCOLS.md, Douyin). */
export function createTtAdapter(config: TtConfig, fetch: FetchLike): PlatformAdapter {
  const base = config.baseUrl ?? 'https://developer.toutiao.com';
  return {
    platform: 'tt',
    appId: config.appId,
    async exchangeLoginCode(code) {
      const { text } = await callPlatform(fetch, 'Douyin', `${base}/api/apps/v2/jscode2session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appid: config.appId, secret: config.appSecret, code, anonymous_code: '' }),
      });
      const body = parseJson('Douyin', text);
      const errNo = Number(body.err_no ?? -1);
      if (errNo === 0 && typeof body.data?.openid === 'string' && body.data.openid) {
        return { platform: 'tt', openId: body.data.openid, unionId: body.data.unionid || null, sessionKey: body.data.session_key ?? null };
      }
      const details = { err_no: errNo, err_tips: body.err_tips };
      if (errNo === 40015 || errNo === 40018 || errNo === 40019) throw new AppError('PLATFORM_CODE_INVALID', 'Douyin refused the login code (invalid, used or expired)', details);
      throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin login failed', details);
    },
  };
}
