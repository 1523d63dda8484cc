import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_PLATFORMS } from '@siyu/shared';
import { createTestContext, type TestContext } from './context.js';
import { createStaffAndLogin, freshAddress, loginMember, uniqueName } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function login(body: unknown, address = freshAddress()) {
  return ctx.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const countMembers = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(LOGIN_PLATFORMS)('member login on %s', (platform) => {
  it('exchanges a good code for our own session and the member', async () => {
    const user = uniqueName();
    const res = await login({ platform, code: ctx.simulator.issueCode(platform, user).code });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.isNewMember).toBe(true);
    expect(body.member).toMatchObject({ pointsBalance: 0, platforms: [platform] });
    expect(JSON.stringify(body)).not.toMatch(/session_?key/i);

    const me = await ctx.app.request('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).id).toBe(body.member.id);

    // Logging in again is the same member.
    const again = await login({ platform, code: ctx.simulator.issueCode(platform, user).code });
    const againBody = await again.json();
    expect(againBody.member.id).toBe(body.member.id);
    expect(againBody.isNewMember).toBe(false);
    expect(againBody.token).not.toBe(body.token);
  });

  it('refuses a reused code with the platform’s error and creates nothing more', async () => {
    const { code } = ctx.simulator.issueCode(platform, uniqueName());
    expect((await login({ platform, code })).status).toBe(200);
    const reused = await login({ platform, code });
    expect(reused.status).toBe(401);
    expect((await reused.json()).error.code).toBe('PLATFORM_CODE_INVALID');
    expect(await countMembers()).toBe(1);
  });

  it('refuses a garbage code', async () => {
    const res = await login({ platform, code: 'not-a-real-code' });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('PLATFORM_CODE_INVALID');
    expect(body.requestId).toBeTruthy();
    expect(await countMembers()).toBe(0);
  });
});

describe('member login', () => {
  it('gives different members to different platform users, and one member per identity under concurrent first logins', async () => {
    const a = await loginMember(ctx);
    const b = await loginMember(ctx);
    expect(a.id).not.toBe(b.id);

    const user = uniqueName();
    const codes = Array.from({ length: 8 }, () => ctx.simulator.issueCode('tt', user).code);
    const results = await Promise.all(codes.map((code) => login({ platform: 'tt', code })));
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(bodies.map((b) => b.member.id)).size).toBe(1);
    const identities = await ctx.db.selectFrom('member_identities').selectAll().where('platform', '=', 'tt').execute();
    expect(identities).toHaveLength(1);
  });

  it.each([
    [{ code: 'x' }, 'platform'],
    [{ platform: 'h5', code: 'x' }, 'platform'],
    [{ platform: 'weapp' }, 'code'],
    [{ platform: 'weapp', code: '' }, 'code'],
    [{ platform: 'weapp', code: 42 }, 'code'],
    [{ platform: 'weapp', code: 'x'.repeat(257) }, 'code'],
    [{ platform: 'weapp', code: 'x', admin: true }, 'body'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await login(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe('VALIDATION_FAILED');
    expect(json.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(json.error.message).toContain(field);
    expect(await countMembers()).toBe(0);
  });

  it('answers 400 for malformed JSON and a non-JSON body', async () => {
    const res = await login('{"platform": "weapp", ');
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.issues[0].field).toBe('body');
    const text = await ctx.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(400);
  });

  it('rate-limits per address with 429 and Retry-After', async () => {
    await ctx.close();
    ctx = await createTestContext({
      rateLimits: { ...(await import('../src/config.js')).defaultAppConfig.rateLimits, loginPerAddress: { points: 3, duration: 60 } },
    });
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await login({ platform: 'weapp', code: ctx.simulator.issueCode('weapp', uniqueName()).code }, address)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await login({ platform: 'weapp', code: 'x' }, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await login({ platform: 'weapp', code: ctx.simulator.issueCode('weapp', uniqueName()).code })).status).toBe(200);
  });

  it('rate-limits per platform identity across addresses', async () => {
    await ctx.close();
    ctx = await createTestContext({
      rateLimits: { ...(await import('../src/config.js')).defaultAppConfig.rateLimits, loginPerIdentity: { points: 2, duration: 60 } },
    });
    const user = uniqueName();
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await login({ platform: 'alipay', code: ctx.simulator.issueCode('alipay', user).code })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('expires sessions: an old token answers 401 UNAUTHENTICATED', async () => {
    const m = await loginMember(ctx);
    expect((await ctx.app.request('/api/v1/me', { headers: m.headers() })).status).toBe(200);
    ctx.clock.advance(31 * 24 * 3600 * 1000);
    const res = await ctx.app.request('/api/v1/me', { headers: m.headers() });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses missing, malformed and unknown tokens', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer', 'Bearer nope']) {
      const res = await ctx.app.request('/api/v1/me', { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
    }
  });
});

describe('merchant staff login', () => {
  it('logs staff in with the right password only, never with a member token', async () => {
    await ctx.app.services.staff.create({ username: 'lin', displayName: '林', role: 'owner', password: 'correct horse' });
    const attempt = (password: string) =>
      ctx.app.request('/api/v1/merchant/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
        body: JSON.stringify({ username: 'lin', password }),
      });
    const wrong = await attempt('wrong');
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('INVALID_CREDENTIALS');
    const ok = await attempt('correct horse');
    expect(ok.status).toBe(200);
    expect((await ok.json()).staff).toMatchObject({ username: 'lin', role: 'owner' });

    const stored = await ctx.db.selectFrom('staff').select('password_hash').where('username', '=', 'lin').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain('correct horse');

    const member = await loginMember(ctx);
    const refused = await ctx.app.request('/api/v1/merchant/check-in/rules', { headers: member.headers() });
    expect(refused.status).toBe(403);
    const staff = await createStaffAndLogin(ctx, 'viewer');
    const staffOnMemberEndpoint = await ctx.app.request('/api/v1/me', { headers: staff.headers() });
    expect(staffOnMemberEndpoint.status).toBe(403);
  });

  it('slows down, but never locks out, a username guessed at from many addresses', async () => {
    await ctx.app.services.staff.create({ username: 'target', displayName: 't', role: 'viewer', password: 'pw-123456' });
    const statuses = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await ctx.app.request('/api/v1/merchant/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
        body: JSON.stringify({ username: 'target', password: `guess-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401]);
  });
});
