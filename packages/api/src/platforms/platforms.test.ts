import { createPublicKey, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AlipaySdk } from 'alipay-sdk';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../lib/clock.js';
import { rejection } from './platform-test-support.js';
import { signedAlipayParams } from './alipay.js';
import { alipaySignContent, alipayTimestamp, rawJsonMember, rsa2Sign, rsa2Verify, verifyAlipayNotification } from './alipay-sign.js';
import {
  createPlatformAdapters,
  createPlatformSimulator,
  SIMULATOR_BASE,
  simulatorFetch,
  type FetchLike,
  type PlatformSimulatorOptions,
} from './index.js';
import { SIMULATOR_APPS, type SimulatorPublicKeys } from './simulator/simulator.js';

const BASE = 'http://sim.test';
const START = '2026-11-22T02:00:00.000Z'; // 10:00 in Beijing
const PLATFORMS = ['weapp', 'alipay', 'tt'] as const;

function setup(options: PlatformSimulatorOptions = {}, wrapFetch: (inner: FetchLike) => FetchLike = (f) => f) {
  const clock = new ManualClock(START);
  const sim = createPlatformSimulator({ clock, ...options });
  const fetch: FetchLike = async (input, init) => sim.app.request(input, init);
  const config = sim.platformsConfig(BASE);
  const adapters = createPlatformAdapters(config, wrapFetch(fetch), clock);
  return { sim, adapters, config, fetch, clock, advance: (ms: number) => clock.advance(ms) };
}

/** Rewrites the response body text (the body is read once, as the adapters do). */
function rewriteBody(edit: (text: string) => string): (inner: FetchLike) => FetchLike {
  return (inner) => async (input, init) => {
    const res = await inner(input, init);
    return new Response(edit(await res.text()), { status: res.status, headers: res.headers });
  };
}

describe.each(PLATFORMS)('%s login through the production adapter and the simulator', (platform) => {
  it('exchanges a good code for the identity', async () => {
    const { sim, adapters } = setup();
    const identity = await adapters[platform].exchangeLoginCode(sim.issueCode(platform, 'alice').code);
    expect(identity.platform).toBe(platform);
    expect(identity.openId).toBe(sim.openIdOf(platform, 'alice'));
    if (platform === 'alipay') {
      expect(identity).toMatchObject({ unionId: null, sessionKey: null });
    } else {
      expect(identity.unionId).toMatch(/^u/);
      expect(identity.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
    expect(adapters[platform].appId).toBe(sim.apps[platform].appId);
  });

  it('maps the same user to the same openId and different users to different ones', async () => {
    const { sim, adapters } = setup();
    const exchange = (user: string) => adapters[platform].exchangeLoginCode(sim.issueCode(platform, user).code);
    const [a1, a2, b] = [await exchange('alice'), await exchange('alice'), await exchange('bob')];
    expect(a2.openId).toBe(a1.openId);
    expect(b.openId).not.toBe(a1.openId);
    // Stable across simulator instances (dev server restarts keep members' identities).
    const other = setup();
    expect((await other.adapters[platform].exchangeLoginCode(other.sim.issueCode(platform, 'alice').code)).openId).toBe(a1.openId);
    if (platform !== 'alipay') expect(a2.sessionKey).not.toBe(a1.sessionKey);
  });

  it('refuses a reused code', async () => {
    const { sim, adapters } = setup();
    const { code } = sim.issueCode(platform, 'alice');
    await adapters[platform].exchangeLoginCode(code);
    const err = await rejection(adapters[platform].exchangeLoginCode(code));
    expect(err.code).toBe('PLATFORM_CODE_INVALID');
    expect(err.status).toBe(401);
  });

  it('refuses a garbage code and a code issued for another platform', async () => {
    const { sim, adapters } = setup();
    expect((await rejection(adapters[platform].exchangeLoginCode('not-a-code'))).code).toBe('PLATFORM_CODE_INVALID');
    const other = PLATFORMS.find((p) => p !== platform)!;
    expect((await rejection(adapters[platform].exchangeLoginCode(sim.issueCode(other, 'alice').code))).code).toBe('PLATFORM_CODE_INVALID');
  });

  it('expires codes after 5 minutes by the injected clock', async () => {
    const { sim, adapters, advance } = setup();
    const fresh = sim.issueCode(platform, 'alice').code;
    const stale = sim.issueCode(platform, 'alice').code;
    advance(5 * 60 * 1000 - 1000);
    await expect(adapters[platform].exchangeLoginCode(fresh)).resolves.toMatchObject({ platform });
    advance(2000);
    expect((await rejection(adapters[platform].exchangeLoginCode(stale))).code).toBe('PLATFORM_CODE_INVALID');
  });

  it('answers PLATFORM_UNAVAILABLE when the network fails, without echoing the request URL', async () => {
    const { sim, config } = setup();
    const adapters = createPlatformAdapters(config, async () => {
      throw new TypeError(`fetch failed for ${BASE}/?secret=${config.weapp.appSecret}`);
    });
    const err = await rejection(adapters[platform].exchangeLoginCode(sim.issueCode(platform, 'alice').code));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.status).toBe(502);
    expect(JSON.stringify(err.details)).not.toContain('secret');
  });

  it('answers PLATFORM_UNAVAILABLE when the platform is busy, then recovers', async () => {
    const { sim, adapters } = setup();
    sim.simulateOutage(platform);
    const { code } = sim.issueCode(platform, 'alice');
    expect((await rejection(adapters[platform].exchangeLoginCode(code))).code).toBe('PLATFORM_UNAVAILABLE');
    await expect(adapters[platform].exchangeLoginCode(code)).resolves.toMatchObject({ platform });
  });

  it('answers PLATFORM_UNAVAILABLE for a body that is not JSON or a 5xx', async () => {
    const { sim, config } = setup();
    const html = createPlatformAdapters(config, async () => new Response('<html>502 Bad Gateway</html>', { status: 200 }));
    expect((await rejection(html[platform].exchangeLoginCode(sim.issueCode(platform, 'a').code))).code).toBe('PLATFORM_UNAVAILABLE');
    const down = createPlatformAdapters(config, async () => Response.json({}, { status: 503 }));
    expect((await rejection(down[platform].exchangeLoginCode(sim.issueCode(platform, 'a').code))).code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('never puts the session key or our secrets into error details', async () => {
    const { sim, adapters, config } = setup();
    const errors = [await rejection(adapters[platform].exchangeLoginCode('garbage'))];
    sim.simulateOutage(platform);
    errors.push(await rejection(adapters[platform].exchangeLoginCode(sim.issueCode(platform, 'alice').code)));
    const text = JSON.stringify(errors.map((err) => ({ message: err.message, details: err.details })));
    for (const secret of [config.weapp.appSecret, config.tt.appSecret, 'PRIVATE KEY']) expect(text).not.toContain(secret);
  });
});

describe('weapp specifics', () => {
  it('sends the documented query and maps success', async () => {
    const seen: string[] = [];
    const { sim, adapters, config } = setup({}, (inner) => async (input, init) => {
      seen.push(String(input));
      return inner(input, init);
    });
    await adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'alice').code);
    const url = new URL(seen[0]!);
    expect(url.pathname).toBe('/weapp/sns/jscode2session');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      appid: config.weapp.appId,
      secret: config.weapp.appSecret,
      grant_type: 'authorization_code',
    });
    expect(url.searchParams.get('js_code')).toMatch(/^weapp/);
  });

  it('answers 45011 → RATE_LIMITED after 100 exchanges a minute for one user', async () => {
    const { sim, adapters, advance } = setup();
    for (let i = 0; i < 100; i += 1) await adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'busy').code);
    const err = await rejection(adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'busy').code));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.status).toBe(429);
    expect(err.headers).toEqual({ 'Retry-After': '60' });
    expect(err.details).toMatchObject({ errcode: 45011 });
    // Other users are unaffected; a minute later the user may log in again.
    await expect(adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'calm').code)).resolves.toBeTruthy();
    advance(61_000);
    await expect(adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'busy').code)).resolves.toBeTruthy();
  });

  it('maps 40029 to PLATFORM_CODE_INVALID and 40226 (a high-risk user) to LOGIN_REFUSED, with the errcode in details', async () => {
    const { sim, adapters } = setup();
    const invalid = await rejection(adapters.weapp.exchangeLoginCode('garbage'));
    expect(invalid.details).toMatchObject({ errcode: 40029, errmsg: expect.stringMatching(/^invalid code, rid: /) });
    sim.markHighRisk('mallory');
    const risky = await rejection(adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'mallory').code));
    expect(invalid.code).toBe('PLATFORM_CODE_INVALID');
    expect(risky.code).toBe('LOGIN_REFUSED');
    expect(risky.message).toMatch(/high-risk/);
    expect(risky.details).toMatchObject({ platform: 'weapp', platformCode: 40226, errcode: 40226 });
  });

  it('treats a wrong app secret as our misconfiguration (PLATFORM_UNAVAILABLE), not the code', async () => {
    const { sim, config, fetch } = setup();
    const adapters = createPlatformAdapters({ ...config, weapp: { ...config.weapp, appSecret: 'wrong' } }, fetch);
    const err = await rejection(adapters.weapp.exchangeLoginCode(sim.issueCode('weapp', 'alice').code));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.details).toMatchObject({ errcode: 40125 });
  });
});

describe('tt specifics', () => {
  it('posts the documented JSON and carries err_no/err_tips on failure', async () => {
    const bodies: unknown[] = [];
    const { sim, adapters, config } = setup({}, (inner) => async (input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return inner(input, init);
    });
    await adapters.tt.exchangeLoginCode(sim.issueCode('tt', 'alice').code);
    expect(bodies[0]).toEqual({ appid: config.tt.appId, secret: config.tt.appSecret, code: expect.any(String), anonymous_code: '' });
    const err = await rejection(adapters.tt.exchangeLoginCode('garbage'));
    expect(err).toMatchObject({ code: 'PLATFORM_CODE_INVALID', details: { err_no: 40018, err_tips: 'bad code' } });
  });

  it('treats a wrong app secret as PLATFORM_UNAVAILABLE', async () => {
    const { sim, config, fetch } = setup();
    const adapters = createPlatformAdapters({ ...config, tt: { ...config.tt, appSecret: 'wrong' } }, fetch);
    const err = await rejection(adapters.tt.exchangeLoginCode(sim.issueCode('tt', 'alice').code));
    expect(err).toMatchObject({ code: 'PLATFORM_UNAVAILABLE', details: { err_no: 40017 } });
  });
});

describe('alipay specifics', () => {
  it('sends the common parameters, signed, as a form POST with a Beijing timestamp', async () => {
    const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
    const { sim, adapters, config } = setup({}, (inner) => async (input, init) => {
      requests.push({ url: String(input), init });
      return inner(input, init);
    });
    await adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'alice').code);
    const { url, init } = requests[0]!;
    expect(url).toBe(`${BASE}/alipay/gateway.do`);
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    const params = Object.fromEntries(new URLSearchParams(String(init?.body)));
    expect(params).toMatchObject({
      app_id: config.alipay.appId,
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: '2026-11-22 10:00:00',
      version: '1.0',
      grant_type: 'authorization_code',
    });
    expect(params.biz_content).toBeUndefined();
    const { sign, ...rest } = params;
    expect(rsa2Verify(alipaySignContent(rest), sign!, sim.keys.alipayApp.publicKey)).toBe(true);
  });

  it('uses user_id when the app is not in open_id mode', async () => {
    const { sim, adapters } = setup({ alipayIdentity: 'user_id' });
    const identity = await adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'alice').code);
    expect(identity.openId).toMatch(/^2088\d{12}$/);
    expect(identity.openId).toBe(sim.openIdOf('alipay', 'alice'));
  });

  it('maps error_response isv.code-invalid to PLATFORM_CODE_INVALID with sub_code in details', async () => {
    const { adapters } = setup();
    const err = await rejection(adapters.alipay.exchangeLoginCode('garbage'));
    expect(err).toMatchObject({ code: 'PLATFORM_CODE_INVALID', details: { code: '40002', sub_code: 'isv.code-invalid' } });
  });

  it('rejects a response whose member was altered by one character (signature no longer matches)', async () => {
    const { sim, adapters } = setup(
      {},
      rewriteBody((text) => text.replace(/"open_id":"0(.)/, (_m, ch: string) => `"open_id":"0${ch === 'A' ? 'B' : 'A'}`)),
    );
    const err = await rejection(adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'alice').code));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('rejects a response without a signature or signed by another key', async () => {
    const unsigned = setup(
      {},
      rewriteBody((text) => text.replace(/,"sign":"[^"]*"/, '')),
    );
    expect((await rejection(unsigned.adapters.alipay.exchangeLoginCode(unsigned.sim.issueCode('alipay', 'a').code))).code).toBe(
      'PLATFORM_UNAVAILABLE',
    );

    const { sim, config, fetch } = setup();
    const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const adapters = createPlatformAdapters({ ...config, alipay: { ...config.alipay, alipayPublicKey: impostor } }, fetch);
    expect((await rejection(adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'a').code))).code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('rejects a duplicated response member (verify one copy, use the other)', async () => {
    const { sim, adapters } = setup(
      {},
      rewriteBody((text) => text.replace(/,"sign":/, ',"alipay_system_oauth_token_response":{"open_id":"0forged"},"sign":')),
    );
    expect((await rejection(adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'alice').code))).code).toBe('PLATFORM_UNAVAILABLE');
  });

  it('is refused by the simulator when our request is signed with the wrong private key', async () => {
    const { sim, config, fetch } = setup();
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const adapters = createPlatformAdapters({ ...config, alipay: { ...config.alipay, appPrivateKey: wrongKey } }, fetch);
    const err = await rejection(adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'alice').code));
    expect(err.code).toBe('PLATFORM_UNAVAILABLE');
    expect(err.details).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' });
  });

  it('signs exactly like the official alipay-sdk (same signing string, same RSA2 signature)', () => {
    const { sim, config } = setup();
    const sdk = new AlipaySdk({
      appId: config.alipay.appId,
      privateKey: config.alipay.appPrivateKey,
      keyType: 'PKCS8',
      alipayPublicKey: config.alipay.alipayPublicKey,
    });
    const sdkParams = Object.fromEntries(
      new URLSearchParams(sdk.sdkExecute('alipay.system.oauth.token', { grantType: 'authorization_code', code: 'abc 123+/=中文' })),
    );
    const { sign: sdkSign, ...unsigned } = sdkParams;
    expect(unsigned).toMatchObject({
      app_id: config.alipay.appId,
      method: 'alipay.system.oauth.token',
      grant_type: 'authorization_code',
      code: 'abc 123+/=中文',
      sign_type: 'RSA2',
    });
    // RSA PKCS#1 v1.5 signatures are deterministic: equal signatures mean equal signing strings and algorithm.
    expect(rsa2Sign(alipaySignContent(unsigned), config.alipay.appPrivateKey)).toBe(sdkSign);
    // Our builder, at the SDK's timestamp, signs the same string plus the optional `format=JSON` the SDK leaves out.
    const {
      sign: _ours,
      format,
      ...ours
    } = signedAlipayParams(config.alipay, 'alipay.system.oauth.token', { grant_type: 'authorization_code', code: 'abc 123+/=中文' }, new Date(0));
    expect(format).toBe('JSON');
    expect(alipaySignContent({ ...ours, timestamp: unsigned.timestamp })).toBe(alipaySignContent(unsigned));
    // The simulator's gateway accepts the SDK-signed request.
    expect(sim.keys.alipayApp.publicKey).toContain('PUBLIC KEY');
    expect(rsa2Verify(alipaySignContent(unsigned), sdkSign!, sim.keys.alipayApp.publicKey)).toBe(true);
  });

  it('interoperates with the official alipay-sdk end to end (its request verifies, our signed response verifies for it)', async () => {
    const { sim, config } = setup();
    const server = serve({ fetch: sim.app.fetch, hostname: '127.0.0.1', port: 0 });
    try {
      await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
      const { port } = server.address() as AddressInfo;
      const sdk = new AlipaySdk({
        appId: config.alipay.appId,
        privateKey: config.alipay.appPrivateKey,
        keyType: 'PKCS8',
        alipayPublicKey: config.alipay.alipayPublicKey,
        gateway: `http://127.0.0.1:${port}/alipay/gateway.do`,
      });
      const result = await sdk.exec(
        'alipay.system.oauth.token',
        { grantType: 'authorization_code', code: sim.issueCode('alipay', 'alice').code },
        { validateSign: true },
      );
      expect(result).toMatchObject({ openId: sim.openIdOf('alipay', 'alice'), expiresIn: 1296000 });
      // A bad code comes back as the documented error_response. (alipay-sdk v4 cannot verify a signed error_response:
      // its getSignStr only looks for `<method>_response`; our adapter verifies either member.)
      const again = await sdk.exec('alipay.system.oauth.token', { grantType: 'authorization_code', code: 'garbage' });
      expect(again).toMatchObject({ code: '40002', subCode: 'isv.code-invalid' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('alipay signing helpers', () => {
  it('builds the signing content: drop empty, sort, raw values, exclude sign', () => {
    expect(alipaySignContent({ b: '2', a: '1', sign: 'x', empty: '', nil: null, undef: undefined, c: 'a b&c=d' })).toBe('a=1&b=2&c=a b&c=d');
    expect(alipaySignContent({ sign_type: 'RSA2', sign: 'x', a: '1' })).toBe('a=1&sign_type=RSA2');
    expect(alipaySignContent({ sign_type: 'RSA2', sign: 'x', a: '1' }, ['sign', 'sign_type'])).toBe('a=1');
  });

  it('verifies notifications without sign and sign_type', () => {
    const { sim } = setup();
    const params: Record<string, string> = { notify_type: 'trade_status_sync', out_trade_no: 'o1', total_amount: '88.88', sign_type: 'RSA2' };
    params.sign = rsa2Sign(alipaySignContent(params, ['sign', 'sign_type']), sim.keys.alipayPlatform.privateKey);
    expect(verifyAlipayNotification(params, sim.keys.alipayPlatform.publicKey)).toBe(true);
    expect(verifyAlipayNotification({ ...params, total_amount: '0.01' }, sim.keys.alipayPlatform.publicKey)).toBe(false);
  });

  it('formats the timestamp in Beijing time', () => {
    expect(alipayTimestamp(new Date('2026-11-22T16:30:05.999Z'))).toBe('2026-11-23 00:30:05');
  });

  it('extracts a member exactly as sent', () => {
    const member = '{ "a" : "}{\\"x_response\\"", "b":[1,{"c":"]"}], "d":null }';
    const text = ` { "x":"x_response" , "x_response" :${member} ,"sign":"s"} `;
    expect(rawJsonMember(text, 'x_response')).toBe(member);
    expect(rawJsonMember('{"a":1,"b":"two","c":true}', 'b')).toBe('"two"');
    expect(rawJsonMember('{"a":1}', 'x')).toBeNull();
    expect(rawJsonMember('{"x":{"a":1},"x":{"a":2}}', 'x')).toBeNull();
    expect(rawJsonMember('[{"x":1}]', 'x')).toBeNull();
    expect(rawJsonMember('{"x":{"a":1}', 'x')).toBeNull();
    expect(rawJsonMember('{"y":{"x":{"a":1}}}', 'x')).toBeNull();
  });
});

describe('the simulator as an HTTP app', () => {
  it('hands out codes at POST /login-codes and rejects bad input with 400', async () => {
    const { sim, adapters } = setup();
    const post = (body: string) => sim.app.request('/login-codes', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const ok = await post(JSON.stringify({ platform: 'tt', user: 'alice' }));
    expect(ok.status).toBe(200);
    const issued = (await ok.json()) as { code: string; expiresIn: number };
    expect(issued.expiresIn).toBe(300);
    expect((await adapters.tt.exchangeLoginCode(issued.code)).openId).toBe(sim.openIdOf('tt', 'alice'));

    for (const bad of [
      '{"platform":"h5","user":"a"}',
      '{"platform":"weapp","user":""}',
      JSON.stringify({ platform: 'weapp', user: 'x'.repeat(65) }),
      '{"platform":"weapp"}',
      'nope',
    ]) {
      const res = await post(bad);
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('works mounted under a prefix of another app', async () => {
    const sim = createPlatformSimulator();
    const main = new Hono();
    main.route('/__sim', sim.app);
    const adapters = createPlatformAdapters(sim.platformsConfig('http://localhost/__sim/'), async (input, init) => main.request(input, init));
    for (const platform of PLATFORMS) {
      const res = await main.request('/__sim/login-codes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform, user: 'bob' }),
      });
      const { code } = (await res.json()) as { code: string };
      expect((await adapters[platform].exchangeLoginCode(code)).openId).toBe(sim.openIdOf(platform, 'bob'));
    }
  });

  it('serves its public keys at GET /keys, and never a private key', async () => {
    const sim = createPlatformSimulator();
    const res = await sim.app.request('/keys');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/PRIVATE KEY/);
    for (const pair of Object.values(sim.keys).filter((k) => typeof k !== 'string'))
      expect(text).not.toContain(JSON.stringify(pair.privateKey).slice(1, -1));
    expect(text).not.toContain(sim.keys.alipayAes);
    const served = JSON.parse(text) as SimulatorPublicKeys;
    expect(served).toEqual({
      weapp: {
        appId: SIMULATOR_APPS.weapp.appId,
        mchId: SIMULATOR_APPS.weapp.mchId,
        merchantSerialNo: SIMULATOR_APPS.weapp.merchantSerialNo,
        merchantPublicKey: sim.keys.wechatMerchant.publicKey,
        platformSerialNo: SIMULATOR_APPS.weapp.platformSerialNo,
        platformPublicKey: sim.keys.wechatPlatform.publicKey,
      },
      alipay: {
        appId: SIMULATOR_APPS.alipay.appId,
        appPublicKey: sim.keys.alipayApp.publicKey,
        platformPublicKey: sim.keys.alipayPlatform.publicKey,
      },
      tt: {
        appId: SIMULATOR_APPS.tt.appId,
        keyVersion: SIMULATOR_APPS.tt.keyVersion,
        appPublicKey: sim.keys.ttApp.publicKey,
        platformPublicKey: sim.keys.ttPlatform.publicKey,
      },
    });
    // Each is a usable public key that checks what the matching private key signed.
    const pems = [
      served.weapp.merchantPublicKey,
      served.weapp.platformPublicKey,
      served.alipay.appPublicKey,
      served.alipay.platformPublicKey,
      served.tt.appPublicKey,
      served.tt.platformPublicKey,
    ];
    const privates = [
      sim.keys.wechatMerchant,
      sim.keys.wechatPlatform,
      sim.keys.alipayApp,
      sim.keys.alipayPlatform,
      sim.keys.ttApp,
      sim.keys.ttPlatform,
    ].map((p) => p.privateKey);
    pems.forEach((pem, i) => {
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      const key = createPublicKey(pem);
      expect(key.type).toBe('public');
      const signature = createSign('RSA-SHA256').update('probe\n').sign(privates[i]!);
      expect(createVerify('RSA-SHA256').update('probe\n').verify(key, signature)).toBe(true);
    });

    // Mounted as in development.
    const main = new Hono();
    main.route('/__sim', sim.app);
    expect(await (await main.request('/__sim/keys')).json()).toEqual(served);
  });

  it('simulatorFetch routes SIMULATOR_BASE in-process and refuses anything else', async () => {
    const sim = createPlatformSimulator();
    const fetch = simulatorFetch(sim.app);
    const adapters = createPlatformAdapters(sim.platformsConfig(SIMULATOR_BASE), fetch);
    await expect(adapters.alipay.exchangeLoginCode(sim.issueCode('alipay', 'carol').code)).resolves.toMatchObject({
      openId: sim.openIdOf('alipay', 'carol'),
    });
    const viaRequest = await fetch(
      new Request(`${SIMULATOR_BASE}/login-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"platform":"weapp","user":"x"}',
      }),
    );
    expect(viaRequest.status).toBe(200);
    const elsewhere = createPlatformAdapters(sim.platformsConfig('https://example.com'), fetch);
    expect((await rejection(elsewhere.weapp.exchangeLoginCode('x'))).code).toBe('PLATFORM_UNAVAILABLE');
  });
});
