/**
 * The phone-number adapters (docs/platform-protocols.md, "Phone number") against the simulator, and Alipay's response
 * checked both ways against the official alipay-sdk: what our simulator produces passes the SDK's own verify and
 * decrypt, and what the SDK's helpers produce passes our adapter.
 */
import { createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../lib/app-error.js';
import { type Clock, ManualClock } from '../lib/clock.js';
import { rejection } from './platform-test-support.js';
import { readAlipayPhoneResponse } from './alipay.js';
import { createPlatformAdapters, createPlatformSimulator, type FetchLike, type PhoneProof } from './index.js';
import { decryptTtPhone } from './tt.js';
import { ACCESS_TOKEN_REFRESH_EARLY_MS } from './weapp.js';

const BASE = 'http://sim.test';
const START = '2026-11-22T02:00:00.000Z';

/** The official SDK's helpers that the package does not re-export (its util module). */
type SdkUtil = {
  aesEncrypt: (data: unknown, aesKey: string) => string;
  aesDecrypt: (encryptedText: string, aesKey: string) => Record<string, unknown>;
  signatureV3: (signString: string, privateKey: string) => string;
};
const sdkUtilUrl = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json')), 'dist/esm/util.js')).href;
const sdkUtil = (await import(sdkUtilUrl)) as SdkUtil;

function setup(options: { adapterClock?: Clock; wrapFetch?: (inner: FetchLike) => FetchLike } = {}) {
  const clock = new ManualClock(START);
  const sim = createPlatformSimulator({ clock });
  const calls: string[] = [];
  const fetch: FetchLike = async (input, init) => {
    calls.push(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname);
    return sim.app.request(input, init);
  };
  const config = sim.platformsConfig(BASE);
  const adapters = createPlatformAdapters(config, (options.wrapFetch ?? ((f) => f))(fetch), options.adapterClock ?? clock);
  const tokenCalls = () => calls.filter((p) => p.endsWith('/cgi-bin/stable_token')).length;
  return { sim, adapters, config, clock, calls, tokenCalls, advance: (ms: number) => clock.advance(ms) };
}

const weappProof = (proof: Record<string, unknown>): PhoneProof => ({ platform: 'weapp', code: proof.code as string });
const alipayProof = (proof: Record<string, unknown>): PhoneProof => ({ platform: 'alipay', response: proof.response as string });
const ttProof = (proof: Record<string, unknown>): PhoneProof => ({
  platform: 'tt',
  encryptedData: proof.encryptedData as string,
  iv: proof.iv as string,
});
const noKey = { sessionKey: null };

describe('WeChat phone number: getuserphonenumber with a cached stable access token', () => {
  it('exchanges a one-time code for the phone and refuses it the second time (40029)', async () => {
    const { sim, adapters } = setup();
    const proof = weappProof(sim.phoneProof('weapp', 'alice', { phone: '13812345678' }));
    expect(await adapters.weapp.getPhoneNumber(proof, noKey)).toEqual({ countryCode: '86', number: '13812345678' });
    const err = await rejection(adapters.weapp.getPhoneNumber(proof, noKey));
    expect(err.code).toBe('PHONE_PROOF_INVALID');
    expect(err.details).toMatchObject({ field: 'code', errcode: 40029 });
  });

  it('refuses a code WeChat never issued', async () => {
    const { sim, adapters } = setup();
    const err = await rejection(adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice', { outcome: 'bad_signature' })), noKey));
    expect(err.code).toBe('PHONE_PROOF_INVALID');
  });

  it('fetches the access token once for many calls, concurrent ones included, and again shortly before it expires', async () => {
    const { sim, adapters, tokenCalls, advance } = setup();
    const proofs = Array.from({ length: 5 }, () => weappProof(sim.phoneProof('weapp', 'alice')));
    await Promise.all(proofs.map((p) => adapters.weapp.getPhoneNumber(p, noKey)));
    expect(tokenCalls()).toBe(1);
    advance(7200_000 - ACCESS_TOKEN_REFRESH_EARLY_MS - 1000);
    await adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey);
    expect(tokenCalls()).toBe(1);
    advance(2000);
    await adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey);
    expect(tokenCalls()).toBe(2);
  });

  it('replaces a token WeChat says is invalid (40001) or expired (42001) once, and the call goes through', async () => {
    // The adapter's clock stands still while WeChat's moves on: its cached token expires without its knowing.
    const frozen = new Date(START);
    const { sim, adapters, tokenCalls, advance } = setup({ adapterClock: new ManualClock(frozen) });
    await adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey);
    sim.invalidateWeappAccessTokens();
    expect(await adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice', { phone: '13900000001' })), noKey)).toMatchObject({
      number: '13900000001',
    });
    expect(tokenCalls()).toBe(2);
    advance(7201_000);
    expect(await adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice', { phone: '13900000002' })), noKey)).toMatchObject({
      number: '13900000002',
    });
    expect(tokenCalls()).toBe(3);
  });

  it('gives up after one refresh when WeChat keeps refusing the token', async () => {
    const always40001: (inner: FetchLike) => FetchLike = (inner) => async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('getuserphonenumber')) return new Response(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      return inner(input, init);
    };
    const { sim, adapters, tokenCalls } = setup({ wrapFetch: always40001 });
    const err = await rejection(adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(tokenCalls()).toBe(2);
  });

  it('is PLATFORM_BUSY (with Retry-After) when WeChat says -1, on the token or on the number', async () => {
    const { sim, adapters } = setup();
    sim.simulateOutage('weapp', 1);
    const onToken = await rejection(adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey));
    expect(onToken.code).toBe('PLATFORM_BUSY');
    expect(onToken.headers?.['Retry-After']).toBeTruthy();
    const proof = weappProof(sim.phoneProof('weapp', 'alice'));
    await adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey); // token now cached
    sim.simulateOutage('weapp', 1);
    expect((await rejection(adapters.weapp.getPhoneNumber(proof, noKey))).code).toBe('PLATFORM_BUSY');
    expect((await adapters.weapp.getPhoneNumber(proof, noKey)).countryCode).toBe('86');
  });

  it('refuses a phone_info whose watermark names another app', async () => {
    const otherApp: (inner: FetchLike) => FetchLike = (inner) => async (input, init) => {
      const res = await inner(input, init);
      const text = await res.text();
      return new Response(text.replace(/"appid":"wx[^"]+"/, '"appid":"wx0000000000000000"'), { status: res.status });
    };
    const { sim, adapters } = setup({ wrapFetch: otherApp });
    const err = await rejection(adapters.weapp.getPhoneNumber(weappProof(sim.phoneProof('weapp', 'alice')), noKey));
    expect(err.code).toBe('PHONE_PROOF_INVALID');
  });

  it('stable_token answers the documented errors for bad credentials', async () => {
    const { sim } = setup();
    const res = await sim.app.request('/weapp/cgi-bin/stable_token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: sim.apps.weapp.appId, secret: 'wrong' }),
    });
    expect(await res.json()).toMatchObject({ errcode: 40125 });
  });
});

describe('Alipay phone number: the signed, AES-encrypted my.getPhoneNumber() response', () => {
  it('verifies, decrypts and reads the mobile', async () => {
    const { sim, adapters } = setup();
    expect(await adapters.alipay.getPhoneNumber(alipayProof(sim.phoneProof('alipay', 'alice', { phone: '13812345678' })), noKey)).toEqual({
      countryCode: '86',
      number: '13812345678',
    });
  });

  it('a signed refusal (code 40006) is PHONE_REFUSED with Alipay’s codes', async () => {
    const { sim, adapters } = setup();
    const err = await rejection(adapters.alipay.getPhoneNumber(alipayProof(sim.phoneProof('alipay', 'alice', { outcome: 'refused' })), noKey));
    expect(err.code).toBe('PHONE_REFUSED');
    expect(err.details).toMatchObject({ code: '40006', sub_code: 'isv.insufficient-isv-permissions' });
  });

  it('refuses a response signed by another key, a tampered ciphertext, and text that is not the envelope', async () => {
    const { sim, adapters } = setup();
    const forged = alipayProof(sim.phoneProof('alipay', 'alice', { outcome: 'bad_signature' }));
    expect((await rejection(adapters.alipay.getPhoneNumber(forged, noKey))).code).toBe('PHONE_PROOF_INVALID');

    const genuine = JSON.parse(sim.phoneProof('alipay', 'alice').response as string) as Record<string, string>;
    const other = JSON.parse(sim.phoneProof('alipay', 'bob').response as string) as Record<string, string>;
    // Bob's ciphertext under Alice's signature: the signature covers the ciphertext.
    const swapped = JSON.stringify({ ...genuine, response: other.response });
    expect((await rejection(adapters.alipay.getPhoneNumber({ platform: 'alipay', response: swapped }, noKey))).code).toBe('PHONE_PROOF_INVALID');
    for (const text of ['not json', '[]', '{}', JSON.stringify({ ...genuine, sign_type: 'RSA' }), JSON.stringify({ ...genuine, sign: '' })]) {
      const err = await rejection(adapters.alipay.getPhoneNumber({ platform: 'alipay', response: text }, noKey));
      expect(err.code, text).toBe('PHONE_PROOF_INVALID');
      expect(err.details).toMatchObject({ field: 'response' });
    }
  });

  it('without our AES key, or with a wrong one, it is PLATFORM_UNAVAILABLE (our configuration, not the member’s proof)', async () => {
    const { sim, config } = setup();
    const response = sim.phoneProof('alipay', 'alice').response as string;
    expect(() => readAlipayPhoneResponse({ ...config.alipay, aesKey: undefined }, response)).toThrow(/ALIPAY_AES_KEY/);
    const wrong = randomBytes(16).toString('base64');
    const err = (() => {
      try {
        readAlipayPhoneResponse({ ...config.alipay, aesKey: wrong }, response);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected a throw');
    })();
    // A wrong key almost always breaks the padding; in the rare case it does not, the text is not JSON.
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('what our simulator produces passes the official alipay-sdk’s own signature check and decryption', () => {
    const { sim, config } = setup();
    const envelope = JSON.parse(sim.phoneProof('alipay', 'alice', { phone: '13812345678' }).response as string) as Record<string, string>;
    const sdk = new AlipaySdk({
      appId: config.alipay.appId,
      privateKey: config.alipay.appPrivateKey,
      keyType: 'PKCS8',
      alipayPublicKey: config.alipay.alipayPublicKey,
      encryptKey: config.alipay.aesKey,
    });
    // The SDK's documented check of a front-end response: the ciphertext in double quotes, RSA2.
    expect(sdk.rsaCheck(`"${envelope.response}"`, envelope.sign!, 'RSA2')).toBe(true);
    expect(sdk.rsaCheck(envelope.response!, envelope.sign!, 'RSA2')).toBe(false);
    expect(JSON.parse(sdk.aesDecrypt(envelope.response!))).toEqual({ code: '10000', msg: 'Success', mobile: '13812345678' });
    expect(sdkUtil.aesDecrypt(envelope.response!, config.alipay.aesKey!)).toMatchObject({ mobile: '13812345678' });
  });

  it('what the official alipay-sdk’s helpers produce passes our adapter', async () => {
    const { sim, adapters } = setup();
    const ciphertext = sdkUtil.aesEncrypt({ code: '10000', msg: 'Success', mobile: '15900001234' }, sim.keys.alipayAes);
    const sign = sdkUtil.signatureV3(`"${ciphertext}"`, sim.keys.alipayPlatform.privateKey);
    const response = JSON.stringify({ response: ciphertext, sign, sign_type: 'RSA2', encrypt_type: 'AES', charset: 'UTF-8' });
    expect(await adapters.alipay.getPhoneNumber({ platform: 'alipay', response }, noKey)).toEqual({ countryCode: '86', number: '15900001234' });
    // Signed by a key that is not Alipay's: refused.
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const forged = JSON.stringify({ response: ciphertext, sign: sdkUtil.signatureV3(`"${ciphertext}"`, stranger), sign_type: 'RSA2' });
    expect((await rejection(adapters.alipay.getPhoneNumber({ platform: 'alipay', response: forged }, noKey))).code).toBe('PHONE_PROOF_INVALID');
  });
});

describe('Douyin phone number: encryptedData decrypted with the session key we hold', () => {
  async function loginKey(sim: ReturnType<typeof setup>['sim'], adapters: ReturnType<typeof setup>['adapters'], user: string) {
    return (await adapters.tt.exchangeLoginCode(sim.issueCode('tt', user).code)).sessionKey;
  }

  it('decrypts with the key from the last code exchange', async () => {
    const { sim, adapters } = setup();
    const sessionKey = await loginKey(sim, adapters, 'alice');
    const proof = ttProof(sim.phoneProof('tt', 'alice', { phone: '13812345678' }));
    expect(await adapters.tt.getPhoneNumber(proof, { sessionKey })).toEqual({ countryCode: '86', number: '13812345678' });
  });

  it('a key older than the proof is SESSION_STALE; the next login hands out the key the proof was made with', async () => {
    const { sim, adapters } = setup();
    const before = await loginKey(sim, adapters, 'alice');
    const proof = ttProof(sim.phoneProof('tt', 'alice', { outcome: 'stale_session' }));
    expect((await rejection(adapters.tt.getPhoneNumber(proof, { sessionKey: before }))).code).toBe('SESSION_STALE');
    const after = await loginKey(sim, adapters, 'alice');
    expect(after).not.toBe(before);
    expect((await adapters.tt.getPhoneNumber(proof, { sessionKey: after })).countryCode).toBe('86');
    // A login after that is a new session with a new key: the old proof is stale again.
    const newer = await loginKey(sim, adapters, 'alice');
    expect((await rejection(adapters.tt.getPhoneNumber(proof, { sessionKey: newer }))).code).toBe('SESSION_STALE');
  });

  it('no key held is SESSION_STALE; data made for another app is PHONE_PROOF_INVALID', async () => {
    const { sim, adapters } = setup();
    const sessionKey = await loginKey(sim, adapters, 'alice');
    expect((await rejection(adapters.tt.getPhoneNumber(ttProof(sim.phoneProof('tt', 'alice')), noKey))).code).toBe('SESSION_STALE');
    const forged = ttProof(sim.phoneProof('tt', 'alice', { outcome: 'bad_signature' }));
    const err = await rejection(adapters.tt.getPhoneNumber(forged, { sessionKey }));
    expect(err.code).toBe('PHONE_PROOF_INVALID');
    expect(err.details).toMatchObject({ field: 'encryptedData', watermarkAppId: 'tt0000000000000000' });
  });

  it('decrypts data encrypted independently of the simulator (AES-128-CBC, PKCS#7), as Douyin documents it', () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const plain = JSON.stringify({
      phoneNumber: '+86 13812345678',
      purePhoneNumber: '13812345678',
      countryCode: '86',
      watermark: { appid: 'ttA', timestamp: 1 },
    });
    const cipher = createCipheriv('aes-128-cbc', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
    expect(decryptTtPhone('ttA', data, iv.toString('base64'), key.toString('base64'))).toEqual({ countryCode: '86', number: '13812345678' });
    expect(() => decryptTtPhone('ttB', data, iv.toString('base64'), key.toString('base64'))).toThrow(/another app/);
  });
});

describe('the simulator’s phone proofs', () => {
  it('answers each platform’s client-side refusal as the button words it', async () => {
    const { sim } = setup();
    expect(sim.phoneProof('weapp', 'alice', { outcome: 'refused' })).toEqual({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(sim.phoneProof('tt', 'alice', { outcome: 'denied' })).toEqual({ errMsg: 'getPhoneNumber:fail auth deny' });
    expect(sim.phoneProof('alipay', 'alice', { outcome: 'denied' })).toMatchObject({ error: 11 });
    const res = await sim.app.request('/phone-proofs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'weapp', user: 'alice', outcome: 'stale_session' }),
    });
    expect(res.status).toBe(400);
    const bad = await sim.app.request('/phone-proofs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'weapp', user: 'alice', phone: '12ab' }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^phone/);
  });
});
