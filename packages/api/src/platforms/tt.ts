import { AppError } from '../lib/app-error.js';
import { asRecord, callPlatform, nonEmptyString, parseJsonObject } from './http.js';
import type { FetchLike, PlatformAdapter } from './types.js';
import type { TtPayConfig } from './tt-pay.js';

export interface TtConfig {
  appId: string;
  appSecret: string;
  /** Defaults to https://developer.toutiao.com; the simulator's `${base}/tt` in development and tests. */
  baseUrl?: string;
  /** Douyin general-trade payment settings; payments on tt are off without them. */
  pay?: TtPayConfig;
}

/**
 * Douyin err_no values that are our fault or the platform's rather than the code's:
 * -1 system error, 40015 bad appid, 40017 bad secret. Every other non-zero err_no (40014 bad params,
 * 40018 bad code, 40019 bad anonymous code, …) rejects the code.
 */
const UNAVAILABLE_ERR_NOS = new Map<number, string>([
  [-1, 'Douyin is busy; retry shortly'],
  [40015, 'Douyin rejected our app id (check TT_APP_ID)'],
  [40017, 'Douyin rejected our app secret (check TT_APP_SECRET)'],
]);

/** Douyin mini-program login: `jscode2session` v2 (docs/platform-protocols.md, Douyin). */
export function createTtAdapter(config: TtConfig, fetch: FetchLike): PlatformAdapter {
  const base = (config.baseUrl ?? 'https://developer.toutiao.com').replace(/\/+$/, '');
  return {
    platform: 'tt',
    appId: config.appId,
    async exchangeLoginCode(code) {
      const { text } = await callPlatform(fetch, 'Douyin', `${base}/api/apps/v2/jscode2session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appid: config.appId, secret: config.appSecret, code, anonymous_code: '' }),
      });
      const body = parseJsonObject('Douyin', text);
      if (typeof body.err_no !== 'number') throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin answered without err_no');
      const errNo = body.err_no;
      const details = { err_no: errNo, err_tips: typeof body.err_tips === 'string' ? body.err_tips : undefined };
      if (errNo === 0) {
        const data = asRecord(body.data);
        const openId = nonEmptyString(data?.openid);
        if (!openId) throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin answered without an openid', details);
        return { platform: 'tt', openId, unionId: nonEmptyString(data?.unionid), sessionKey: nonEmptyString(data?.session_key) };
      }
      const unavailable = UNAVAILABLE_ERR_NOS.get(errNo);
      if (unavailable) throw new AppError('PLATFORM_UNAVAILABLE', unavailable, details);
      throw new AppError('PLATFORM_CODE_INVALID', 'Douyin refused the login code (invalid, already used or expired); call tt.login again', details);
    },
  };
}
