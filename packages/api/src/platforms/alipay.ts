import { AppError } from '../lib/app-error.js';
import { alipaySignContent, alipayTimestamp, rawJsonMember, rsa2Sign, rsa2Verify } from './alipay-sign.js';
import { callPlatform, parseJson } from './http.js';
import type { FetchLike, PlatformAdapter } from './types.js';

export interface AlipayConfig {
  appId: string;
  /** Our application private key (PEM), which signs our requests. */
  appPrivateKey: string;
  /** Alipay's public key (PEM), which verifies Alipay's responses. */
  alipayPublicKey: string;
  gatewayUrl?: string;
}

/** The common parameters and signature of an Alipay gateway call (PROTOCOLS.md, Alipay). */
export function signedAlipayParams(config: AlipayConfig, method: string, extra: Record<string, string>, now: Date): Record<string, string> {
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

/** Verifies and returns the `<method>_response` member of a gateway answer, or the error_response. */
export function verifiedAlipayResponse(config: AlipayConfig, method: string, text: string): { ok: Record<string, any> } | { error: Record<string, any> } {
  const body = parseJson('Alipay', text);
  const member = `${method.replaceAll('.', '_')}_response`;
  const name = body[member] ? member : body.error_response ? 'error_response' : null;
  const raw = name ? rawJsonMember(text, name) : null;
  if (!name || !raw || typeof body.sign !== 'string' || !rsa2Verify(raw, body.sign, config.alipayPublicKey)) {
    throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without a valid signature');
  }
  return name === member ? { ok: body[member] } : { error: body.error_response };
}

/** Alipay mini-program login: `alipay.system.oauth.token`. */
export function createAlipayAdapter(config: AlipayConfig, fetch: FetchLike, clock: () => Date = () => new Date()): PlatformAdapter {
  const gateway = config.gatewayUrl ?? 'https://openapi.alipay.com/gateway.do';
  const method = 'alipay.system.oauth.token';
  return {
    platform: 'alipay',
    appId: config.appId,
    async exchangeLoginCode(code) {
      const params = signedAlipayParams(config, method, { grant_type: 'authorization_code', code }, clock());
      const { text } = await callPlatform(fetch, 'Alipay', gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      });
      const result = verifiedAlipayResponse(config, method, text);
      if ('ok' in result) {
        const openId = result.ok.open_id ?? result.ok.user_id;
        if (typeof openId !== 'string' || !openId) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without a user id');
        return { platform: 'alipay', openId, unionId: null, sessionKey: null };
      }
      const details = { code: result.error.code, sub_code: result.error.sub_code, sub_msg: result.error.sub_msg };
      if (String(result.error.sub_code ?? '').includes('code')) throw new AppError('PLATFORM_CODE_INVALID', 'Alipay refused the auth code (invalid, used or expired)', details);
      throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay login failed', details);
    },
  };
}
