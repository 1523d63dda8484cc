import { createCipheriv, randomBytes } from 'node:crypto';
import type { LoginPlatform } from '@siyu/shared/platforms';
import { rsa2Sign } from '../alipay-sign.js';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

/**
 * What a phone-number proof request asks for: `ok` (the member agrees), `refused` (WeChat/Douyin: the member taps
 * 拒绝, so the button gives no proof; Alipay: a signed refusal, code 40006), `denied` (the client-side refusal on every
 * platform), `bad_signature` (a forged proof: WeChat a code it never issued, Alipay signed with another key, Douyin
 * data made for another app), `stale_session` (Douyin: encrypted with a session key Douyin refreshed since our last
 * code exchange).
 */
export const PHONE_PROOF_OUTCOMES = ['ok', 'refused', 'denied', 'bad_signature', 'stale_session'] as const;
export type PhoneProofOutcome = (typeof PHONE_PROOF_OUTCOMES)[number];

export type PhoneProofAnswer = { ok: true; proof: Record<string, unknown> } | { ok: false; message: string };

/** The button's client-side refusal, as each platform words it. */
const DENIED: Record<LoginPlatform, Record<string, unknown>> = {
  weapp: { errMsg: 'getPhoneNumber:fail user deny' },
  alipay: { error: 11, errorMessage: '用户取消授权' },
  tt: { errMsg: 'getPhoneNumber:fail auth deny' },
};

function aes128Cbc(plain: string, keyBase64: string, iv: Buffer): string {
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(keyBase64, 'base64'), iv);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/**
 * Alipay's `my.getPhoneNumber()` answer: `res.response` is a JSON text whose `response` is the AES-encrypted content
 * (the app's AES key, zero IV) and whose `sign` is RSA2 with Alipay's key over that ciphertext in double quotes.
 */
export function alipayPhoneResponse(
  ctx: SimulatorContext,
  content: Record<string, unknown>,
  signingKey = ctx.keys.alipayPlatform.privateKey,
): string {
  const ciphertext = aes128Cbc(JSON.stringify(content), ctx.keys.alipayAes, Buffer.alloc(16));
  return JSON.stringify({
    response: ciphertext,
    sign: rsa2Sign(`"${ciphertext}"`, signingKey),
    sign_type: 'RSA2',
    encrypt_type: 'AES',
    charset: 'UTF-8',
  });
}

/** What the platform's phone-number button gives the client for a simulated user (the stand-in for the tap). */
export function phoneProof(
  ctx: SimulatorContext,
  platform: LoginPlatform,
  user: string,
  phone: string | undefined,
  outcome: PhoneProofOutcome,
): PhoneProofAnswer {
  const number = phone ?? ctx.phoneOf(user);
  if (outcome === 'denied' || (outcome === 'refused' && platform !== 'alipay')) return { ok: true, proof: DENIED[platform] };
  if (outcome === 'stale_session' && platform !== 'tt') {
    return { ok: false, message: `stale_session is Douyin's (it encrypts with the session key); ${platform} proofs do not depend on one` };
  }

  if (platform === 'weapp') {
    const code = outcome === 'bad_signature' ? randomBytes(32).toString('hex') : ctx.issuePhoneCode(user, number);
    return { ok: true, proof: { errMsg: 'getPhoneNumber:ok', code } };
  }

  if (platform === 'alipay') {
    const content =
      outcome === 'refused'
        ? {
            code: '40006',
            msg: 'Insufficient Permissions',
            sub_code: 'isv.insufficient-isv-permissions',
            sub_msg: 'ISV权限不足，建议在开发者中心检查对应功能是否已经添加',
          }
        : { code: '10000', msg: 'Success', mobile: number };
    // A forgery: signed with a key that is not Alipay's (our own app key will do).
    const key = outcome === 'bad_signature' ? ctx.keys.alipayApp.privateKey : ctx.keys.alipayPlatform.privateKey;
    return { ok: true, proof: { response: alipayPhoneResponse(ctx, content, key) } };
  }

  const sessionKey = ctx.ttCurrentSessionKey(user, { silentRefresh: outcome === 'stale_session' });
  const iv = randomBytes(16);
  const plain = JSON.stringify({
    phoneNumber: number,
    purePhoneNumber: number,
    countryCode: '86',
    watermark: {
      appid: outcome === 'bad_signature' ? 'tt0000000000000000' : SIMULATOR_APPS.tt.appId,
      timestamp: Math.floor(ctx.clock.now().getTime() / 1000),
    },
  });
  return {
    ok: true,
    proof: { errMsg: 'getPhoneNumber:ok', encryptedData: aes128Cbc(plain, sessionKey, iv), iv: iv.toString('base64') },
  };
}
