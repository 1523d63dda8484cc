/**
 * POST /api/v1/me/phone on each platform, through the real adapters against the simulator: the proof each platform's
 * button gives, the platform's refusals and forgeries, Douyin's stale session key (log in again, retry once), the
 * session's platform deciding the proof's shape, and the rate limit (invariant 15). The member side (storing the phone,
 * merging members) is the members module's and is tested there; these assertions hold whether or not it stores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_PLATFORMS, type LoginPlatform, maskPhone } from '@siyu/shared';
import { createTestContext, type TestContext } from './context.js';
import { createStaffAndLogin, freshAddress, loginMember, type TestMember } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function bind(m: TestMember, body: unknown, address = freshAddress(), extra: Record<string, string> = {}) {
  return ctx.app.request('/api/v1/me/phone', {
    method: 'POST',
    headers: m.headers({ 'x-forwarded-for': address, ...extra }),
    body: JSON.stringify(body),
  });
}

/** The fields the proof carries to our API (the button's errMsg stays on the client). */
function proofBody(proof: Record<string, unknown>): Record<string, unknown> {
  const { errMsg: _errMsg, ...rest } = proof;
  return rest;
}

describe.each(LOGIN_PLATFORMS)('binding a phone on %s', (platform) => {
  it('binds the phone the platform vouches for and answers it masked', async () => {
    const m = await loginMember(ctx, { platform });
    const proof = ctx.simulator.phoneProof(platform, m.user, { phone: '13812345678' });
    const res = await bind(m, proofBody(proof));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ memberId: m.id, phoneMasked: '138****5678', merged: null });
    expect(JSON.stringify(body)).not.toMatch(/13812345678|session_?key/i);
  });

  it('gives a simulated user a stable phone of their own by default', async () => {
    const m = await loginMember(ctx, { platform });
    const phone = ctx.simulator.phoneOf(m.user);
    expect(phone).toMatch(/^1[3-9]\d{9}$/);
    expect(ctx.simulator.phoneOf(m.user)).toBe(phone);
    const res = await bind(m, proofBody(ctx.simulator.phoneProof(platform, m.user)));
    expect(res.status).toBe(200);
    expect((await res.json()).phoneMasked).toBe(maskPhone(phone));
  });

  it('refuses a forged proof with PHONE_PROOF_INVALID, naming the field', async () => {
    const m = await loginMember(ctx, { platform });
    const res = await bind(m, proofBody(ctx.simulator.phoneProof(platform, m.user, { outcome: 'bad_signature' })));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('PHONE_PROOF_INVALID');
    expect(body.error.details.field).toBe(platform === 'weapp' ? 'code' : platform === 'alipay' ? 'response' : 'encryptedData');
    expect(body.error.details.hint).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses another platform’s proof shape with a 400 naming the fields (the session’s platform decides)', async () => {
    const m = await loginMember(ctx, { platform });
    const other: LoginPlatform = platform === 'weapp' ? 'tt' : 'weapp';
    const res = await bind(m, proofBody(ctx.simulator.phoneProof(other, m.user)));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.details.issues.map((i: { field: string }) => i.field).sort();
    const expected = { weapp: ['code'], alipay: ['response'], tt: ['encryptedData', 'iv'] }[platform];
    for (const f of expected) expect(fields).toContain(f);
    const foreign = other === 'weapp' ? ['code'] : ['encryptedData', 'iv'];
    for (const f of foreign) expect(fields).toContain(f);
  });
});

describe('phone binding: bad input', () => {
  it('400s name the field: no body, unknown fields, empty and oversized values, wrong types', async () => {
    const m = await loginMember(ctx, { platform: 'weapp' });
    const cases: Array<[unknown, string]> = [
      [{}, 'code'],
      [{ code: '' }, 'code'],
      [{ code: 42 }, 'code'],
      [{ code: 'x'.repeat(257) }, 'code'],
      [{ code: 'abc', extra: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await bind(m, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()).error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(err.details.issues)).toContain(field);
    }
    const noBody = await ctx.app.request('/api/v1/me/phone', { method: 'POST', headers: m.headers() });
    expect(noBody.status).toBe(400);
  });

  it('needs a member session: none is 401, a staff token is refused', async () => {
    const res = await ctx.app.request('/api/v1/me/phone', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x' }),
    });
    expect(res.status).toBe(401);
    const staff = await createStaffAndLogin(ctx, 'owner');
    const asStaff = await ctx.app.request('/api/v1/me/phone', { method: 'POST', headers: staff.headers(), body: JSON.stringify({ code: 'x' }) });
    expect(asStaff.status).toBe(403);
  });

  it('Douyin: iv and encryptedData that are not base64 are 400s naming them', async () => {
    const m = await loginMember(ctx, { platform: 'tt' });
    const good = ctx.simulator.phoneProof('tt', m.user) as { encryptedData: string; iv: string };
    let res = await bind(m, { encryptedData: good.encryptedData, iv: 'not base64!' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.field).toBe('iv');
    res = await bind(m, { encryptedData: '%%%', iv: good.iv });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.field).toBe('encryptedData');
  });
});

describe('phone binding: the platforms’ failures', () => {
  it('WeChat: a reused phone code is refused (40029 → PHONE_PROOF_INVALID)', async () => {
    const m = await loginMember(ctx, { platform: 'weapp' });
    const proof = proofBody(ctx.simulator.phoneProof('weapp', m.user));
    expect((await bind(m, proof)).status).toBe(200);
    const again = await bind(m, proof);
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatchObject({ code: 'PHONE_PROOF_INVALID', details: { errcode: 40029 } });
  });

  it('WeChat: busy (-1) is a 503 with Retry-After, and the same code works afterwards', async () => {
    const m = await loginMember(ctx, { platform: 'weapp' });
    const proof = proofBody(ctx.simulator.phoneProof('weapp', m.user));
    // The first bind fetches the access token (that succeeds), then the phone exchange meets the outage.
    expect((await bind(m, proofBody(ctx.simulator.phoneProof('weapp', m.user)))).status).toBe(200);
    ctx.simulator.simulateOutage('weapp', 1);
    const busy = await bind(m, proof);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBeTruthy();
    expect((await busy.json()).error.code).toBe('PLATFORM_BUSY');
    expect((await bind(m, proof)).status).toBe(200);
  });

  it('WeChat: a revoked access token (40001) is replaced once and the binding goes through', async () => {
    const m = await loginMember(ctx, { platform: 'weapp' });
    expect((await bind(m, proofBody(ctx.simulator.phoneProof('weapp', m.user)))).status).toBe(200);
    ctx.simulator.invalidateWeappAccessTokens();
    const res = await bind(m, proofBody(ctx.simulator.phoneProof('weapp', m.user)));
    expect(res.status).toBe(200);
  });

  it('Alipay: a signed refusal (40006 isv.insufficient-isv-permissions) is 422 PHONE_REFUSED', async () => {
    const m = await loginMember(ctx, { platform: 'alipay' });
    const res = await bind(m, proofBody(ctx.simulator.phoneProof('alipay', m.user, { outcome: 'refused' })));
    expect(res.status).toBe(422);
    const err = (await res.json()).error;
    expect(err).toMatchObject({ code: 'PHONE_REFUSED', details: { code: '40006', sub_code: 'isv.insufficient-isv-permissions' } });
    expect(err.details.hint).toMatch(/[\u4e00-\u9fff]/);
  });

  it('Douyin: a proof made after Douyin refreshed the session is 409 SESSION_STALE; logging in again and retrying the same proof binds', async () => {
    const m = await loginMember(ctx, { platform: 'tt' });
    const proof = proofBody(ctx.simulator.phoneProof('tt', m.user, { outcome: 'stale_session' }));
    const stale = await bind(m, proof);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('SESSION_STALE');
    // The client logs in again (tt.login, our login endpoint stores the session's current key) and retries once.
    const again = await loginMember(ctx, { platform: 'tt', user: m.user });
    expect(again.id).toBe(m.id);
    const retried = await bind(again, proof);
    expect(retried.status).toBe(200);
  });

  it('Douyin: a login after the proof was made makes it stale (the new session has a new key)', async () => {
    const m = await loginMember(ctx, { platform: 'tt' });
    const proof = proofBody(ctx.simulator.phoneProof('tt', m.user));
    await loginMember(ctx, { platform: 'tt', user: m.user });
    const res = await bind(m, proof);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('SESSION_STALE');
  });
});

describe('phone binding: rate limits (invariant 15)', () => {
  it('a burst from one member gets 429 with Retry-After beyond the limit', async () => {
    const m = await loginMember(ctx, { platform: 'alipay' });
    const proofs = Array.from({ length: 8 }, () => proofBody(ctx.simulator.phoneProof('alipay', m.user)));
    const results = await Promise.all(proofs.map((p) => bind(m, p)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
  });

  it('a burst from one address across members gets 429 beyond the per-address limit', async () => {
    const address = freshAddress();
    const members = await Promise.all(Array.from({ length: 12 }, () => loginMember(ctx, { platform: 'tt' })));
    const requests = members.flatMap((m) => [0, 1, 2].map(() => bind(m, proofBody(ctx.simulator.phoneProof('tt', m.user)), address)));
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(36 - 30);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
  });

  it('a bad request does not use up the limit', async () => {
    const m = await loginMember(ctx, { platform: 'weapp' });
    for (let i = 0; i < 8; i += 1) expect((await bind(m, {})).status).toBe(400);
    expect((await bind(m, proofBody(ctx.simulator.phoneProof('weapp', m.user)))).status).toBe(200);
  });
});

describe('phone binding: idempotency', () => {
  it('a retried request with the same Idempotency-Key replays the answer instead of spending the one-time code again', async () => {
    const m = await loginMember(ctx, { platform: 'weapp' });
    const proof = proofBody(ctx.simulator.phoneProof('weapp', m.user, { phone: '13900001111' }));
    const first = await bind(m, proof, freshAddress(), { 'idempotency-key': 'bind-1' });
    const second = await bind(m, proof, freshAddress(), { 'idempotency-key': 'bind-1' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
  });
});
