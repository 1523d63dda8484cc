import { AppError } from '../lib/app-error.js';
import { asRecord, callPlatform, jsonObjectOrUndefined, nonEmptyString, parseJsonObject } from './http.js';
import { aes128CbcDecrypt, decodeBase64, platformPhone, proofFor, proofInvalid } from './phone-common.js';
import type { FetchLike, PlatformAdapter, PlatformPhoneNumber } from './types.js';
import { createTtClientTokenCache, DOUYIN_OPEN_BASE, type TtPayConfig } from './tt-pay.js';
import { thrownSendOutcome, ttSendOutcome } from './subscribe-messages.js';
import { type Clock, systemClock } from '../lib/clock.js';

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

/**
 * The getPhoneNumber button's `encryptedData` and `iv` (docs/platform-protocols.md, Douyin "Phone number"), decrypted
 * with the member's current session key: AES-128-CBC, key and IV base64-decoded, PKCS#7, into
 * `{ phoneNumber, purePhoneNumber, countryCode, watermark: { appid, timestamp } }`. A key that does not decrypt it is
 * stale (Douyin refreshed the session since our last code exchange): SESSION_STALE, so the client logs in again and
 * retries once. Decrypted data for another app is a forged proof.
 */
export function decryptTtPhone(appId: string, encryptedData: string, iv: string, sessionKey: string | null): PlatformPhoneNumber {
  const data = decodeBase64(encryptedData);
  if (!data) throw proofInvalid('encryptedData must be base64', 'encryptedData');
  const ivBytes = decodeBase64(iv);
  if (ivBytes?.length !== 16) throw proofInvalid('iv must be 16 bytes in base64', 'iv');
  const key = sessionKey ? decodeBase64(sessionKey) : null;
  if (!key) throw new AppError('SESSION_STALE', 'we hold no Douyin session key for this member; log in again (tt.login), then retry');
  const plain = aes128CbcDecrypt(data, key, ivBytes);
  const content = plain === null ? undefined : jsonObjectOrUndefined(plain);
  if (!content)
    throw new AppError('SESSION_STALE', 'the session key we hold does not decrypt the phone data; log in again (tt.login), then retry once');
  const watermarkAppId = asRecord(content.watermark)?.appid;
  if (watermarkAppId !== appId)
    throw proofInvalid('the phone data was made for another app', 'encryptedData', { watermarkAppId: watermarkAppId ?? null });
  return platformPhone('Douyin', content.countryCode, content.purePhoneNumber);
}

/** Douyin mini-program login: `jscode2session` v2; phone numbers decrypted with the session key (docs/platform-protocols.md, Douyin). */
export function createTtAdapter(config: TtConfig, fetch: FetchLike, clock: Clock = systemClock): PlatformAdapter {
  const base = (config.baseUrl ?? 'https://developer.toutiao.com').replace(/\/+$/, '');
  const openBase = (config.pay?.openApiBaseUrl ?? DOUYIN_OPEN_BASE).replace(/\/+$/, '');
  const clientToken = createTtClientTokenCache(config.appId, config.appSecret, openBase, fetch, clock);
  return {
    platform: 'tt',
    appId: config.appId,
    async sendSubscribeMessage(input) {
      try {
        const { text } = await callPlatform(fetch, 'Douyin', `${openBase}/api/notification/v2/subscription/notify_user/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'access-token': await clientToken.get() },
          body: JSON.stringify({ open_id: input.openId, msg_id: input.templateId, data: input.data, ...(input.page ? { page: input.page } : {}) }),
        });
        const body = parseJsonObject('Douyin', text);
        const errNo = typeof body.err_no === 'number' ? body.err_no : -1;
        if (errNo === 28001008) clientToken.invalidate();
        return ttSendOutcome(errNo, typeof body.err_msg === 'string' ? body.err_msg : null);
      } catch (err) {
        return thrownSendOutcome(err);
      }
    },
    async getPhoneNumber(proof, context) {
      const { encryptedData, iv } = proofFor(proof, 'tt');
      return decryptTtPhone(config.appId, encryptedData, iv, context.sessionKey);
    },
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
