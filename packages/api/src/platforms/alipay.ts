import { AppError } from '../lib/app-error.js';
import { alipayResponseKey, alipaySignContent, alipayTimestamp, rawJsonMember, rsa2Sign, rsa2Verify } from './alipay-sign.js';
import { asRecord, callPlatform, jsonObjectOrUndefined, nonEmptyString, parseJsonObject } from './http.js';
import { aes128CbcDecrypt, decodeBase64, platformPhone, proofFor, proofInvalid } from './phone-common.js';
import { alipaySendOutcome, thrownSendOutcome } from './subscribe-messages.js';
import type { FetchLike, PlatformAdapter, PlatformPhoneNumber } from './types.js';
import { type Clock, systemClock } from '../lib/clock.js';

export interface AlipayConfig {
  appId: string;
  /** Our application private key (PEM), which signs our requests. */
  appPrivateKey: string;
  /** Alipay's public key (PEM), which verifies Alipay's responses. */
  alipayPublicKey: string;
  /** Defaults to https://openapi.alipay.com/gateway.do; the simulator's `${base}/alipay/gateway.do` in development and tests. */
  gatewayUrl?: string;
  /** Payments: our merchant's Alipay user id (2088…), checked as `seller_id` in notifications. Payments are off without it. */
  sellerId?: string;
  /** Payments: the default asynchronous notify URL. */
  notifyUrl?: string;
  /**
   * The app's AES key from the Alipay console (接口内容加密方式, base64 of 16 bytes): decrypts `my.getPhoneNumber()`'s
   * response. Phone binding on Alipay is off without it.
   */
  aesKey?: string;
}

/** AES-128-CBC with a zero IV: how Alipay encrypts content for an app (the official SDK's aesDecrypt). */
const ALIPAY_AES_IV = Buffer.alloc(16);

/**
 * `my.getPhoneNumber()`'s `res.response` (docs/platform-protocols.md, Alipay "Phone number"): a JSON text
 * `{ response: <base64 ciphertext>, sign, sign_type: RSA2, encrypt_type: AES, charset }`. The signature is RSA2 with
 * Alipay's key over the ciphertext wrapped in double quotes (the official SDK's check of an encrypted response); only
 * then is it decrypted, with the app's AES key, into `{ code: '10000', msg, mobile }`. A code other than 10000 is a refusal.
 */
export function readAlipayPhoneResponse(config: Pick<AlipayConfig, 'alipayPublicKey' | 'aesKey'>, responseText: string): PlatformPhoneNumber {
  const envelope = jsonObjectOrUndefined(responseText);
  const ciphertext = nonEmptyString(envelope?.response);
  const sign = nonEmptyString(envelope?.sign);
  if (!envelope || !ciphertext || !sign) throw proofInvalid('not the text my.getPhoneNumber() gives as res.response', 'response');
  if (envelope.sign_type !== undefined && envelope.sign_type !== 'RSA2') throw proofInvalid('sign_type must be RSA2', 'response');
  if (envelope.encrypt_type !== undefined && envelope.encrypt_type !== 'AES') throw proofInvalid('encrypt_type must be AES', 'response');
  if (!rsa2Verify(`"${ciphertext}"`, sign, config.alipayPublicKey)) throw proofInvalid('the response is not signed by Alipay', 'response');

  const key = config.aesKey ? decodeBase64(config.aesKey) : null;
  if (!key) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay phone numbers need our AES key (set ALIPAY_AES_KEY)');
  const bytes = decodeBase64(ciphertext);
  const plain = bytes ? aes128CbcDecrypt(bytes, key, ALIPAY_AES_IV) : null;
  const content = plain === null ? undefined : jsonObjectOrUndefined(plain);
  // Alipay signed it, so it is Alipay's: our key must be the wrong one.
  if (!content) throw new AppError('PLATFORM_UNAVAILABLE', 'could not decrypt Alipay’s phone response (check ALIPAY_AES_KEY)');
  const code = typeof content.code === 'string' ? content.code : String(content.code ?? '');
  if (code !== '10000') {
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    throw new AppError('PHONE_REFUSED', 'Alipay did not give the phone number', {
      platform: 'alipay',
      platformCode: code,
      platformMessage: str(content.sub_msg) ?? str(content.msg),
      code,
      msg: str(content.msg),
      sub_code: str(content.sub_code),
      sub_msg: str(content.sub_msg),
    });
  }
  // Alipay gives mainland mobile numbers, without a country code.
  return platformPhone('Alipay', '86', content.mobile);
}

export const ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';

/** The common parameters plus `extra`, signed (docs/platform-protocols.md, Alipay: "Signing a request"). */
export function signedAlipayParams(
  config: Pick<AlipayConfig, 'appId' | 'appPrivateKey'>,
  method: string,
  extra: Record<string, string>,
  now: Date,
): Record<string, string> {
  const params: Record<string, string> = {
    app_id: config.appId,
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: alipayTimestamp(now),
    version: '1.0',
    ...extra,
  };
  params.sign = rsa2Sign(alipaySignContent(params), config.appPrivateKey);
  return params;
}

export interface AlipayGatewayError {
  code?: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
}

export type AlipayGatewayResult = { ok: true; data: Record<string, unknown> } | { ok: false; error: AlipayGatewayError };

/**
 * Verifies a gateway answer and returns the `<method>_response` member, parsed from the exact text that was
 * signed. A success must carry a valid `sign` over the raw member text; an error with a `sign` must verify too
 * (an error without one is accepted as an error: it grants nothing). Anything unverifiable is PLATFORM_UNAVAILABLE.
 */
export function verifiedAlipayResponse(alipayPublicKey: string, method: string, text: string): AlipayGatewayResult {
  const body = parseJsonObject('Alipay', text);
  const responseKey = alipayResponseKey(method);
  const memberName = responseKey in body ? responseKey : 'error_response' in body ? 'error_response' : null;
  if (!memberName) throw new AppError('PLATFORM_UNAVAILABLE', `Alipay answered without ${responseKey}`);
  const raw = rawJsonMember(text, memberName);
  const parsed = raw === null ? undefined : asRecord(JSON.parse(raw));
  if (!raw || !parsed) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered a malformed response');

  const sign = nonEmptyString(body.sign);
  const signatureValid = sign !== null && rsa2Verify(raw, sign, alipayPublicKey);
  const code = typeof parsed.code === 'string' ? parsed.code : undefined;
  const isError = memberName === 'error_response' || (code !== undefined && code !== '10000');

  if (!isError) {
    if (!signatureValid) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without a valid signature');
    return { ok: true, data: parsed };
  }
  if (sign !== null && !signatureValid) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without a valid signature');
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { ok: false, error: { code, msg: str(parsed.msg), sub_code: str(parsed.sub_code), sub_msg: str(parsed.sub_msg) } };
}

/** Calls one gateway method: sign, form-encoded POST, verify. Reused by the payment side later. */
export async function callAlipayGateway(
  config: AlipayConfig,
  fetch: FetchLike,
  now: Date,
  method: string,
  extra: Record<string, string>,
): Promise<AlipayGatewayResult> {
  const params = signedAlipayParams(config, method, extra, now);
  const { text } = await callPlatform(fetch, 'Alipay', config.gatewayUrl ?? ALIPAY_GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
    body: new URLSearchParams(params).toString(),
  });
  return verifiedAlipayResponse(config.alipayPublicKey, method, text);
}

/** sub_codes meaning "this auth code is no good" (invalid, used, expired, issued to another app). */
function isCodeRejection(subCode: string | undefined): boolean {
  return subCode !== undefined && /^isv\.(code-(invalid|expired|used)|invalid-code|auth-code-invalid)$/.test(subCode);
}

/** Alipay mini-program login: `alipay.system.oauth.token` (docs/platform-protocols.md, Alipay). */
export function createAlipayAdapter(config: AlipayConfig, fetch: FetchLike, clock: Clock = systemClock): PlatformAdapter {
  const method = 'alipay.system.oauth.token';
  return {
    platform: 'alipay',
    appId: config.appId,
    async sendSubscribeMessage(input) {
      // Older apps know members by user_id (2088 and 12 digits), newer ones by open_id.
      const to = /^2088\d{12}$/.test(input.openId) ? { to_user_id: input.openId } : { to_open_id: input.openId };
      const biz = {
        ...to,
        user_template_id: input.templateId,
        page: input.page ?? 'pages/index/index',
        data: JSON.stringify(Object.fromEntries(Object.entries(input.data).map(([k, value]) => [k, { value }]))),
      };
      try {
        const result = await callAlipayGateway(config, fetch, clock.now(), 'alipay.open.app.mini.templatemessage.send', {
          biz_content: JSON.stringify(biz),
        });
        return result.ok ? { outcome: 'sent', code: '10000', detail: null } : alipaySendOutcome(result.error);
      } catch (err) {
        return thrownSendOutcome(err);
      }
    },
    async getPhoneNumber(proof) {
      return readAlipayPhoneResponse(config, proofFor(proof, 'alipay').response);
    },
    async exchangeLoginCode(code) {
      const result = await callAlipayGateway(config, fetch, clock.now(), method, { grant_type: 'authorization_code', code });
      if (result.ok) {
        // open_id for apps in open-id mode (new apps), user_id (2088…) for older ones.
        const openId = nonEmptyString(result.data.open_id) ?? nonEmptyString(result.data.user_id);
        if (!openId) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without open_id or user_id');
        return { platform: 'alipay', openId, unionId: null, sessionKey: null };
      }
      const details = result.error;
      if (isCodeRejection(details.sub_code))
        throw new AppError(
          'PLATFORM_CODE_INVALID',
          'Alipay refused the auth code (invalid, already used or expired); call my.getAuthCode again',
          details,
        );
      if (details.sub_code === 'isv.invalid-signature')
        throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay rejected our request signature (check ALIPAY_APP_PRIVATE_KEY)', details);
      if (details.sub_code === 'isv.invalid-app-id')
        throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay rejected our app id (check ALIPAY_APP_ID)', details);
      throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay login failed', details);
    },
  };
}
