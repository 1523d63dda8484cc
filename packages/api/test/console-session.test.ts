import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, freshAddress, loginMember, uniqueName } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

/** Set-Cookie headers of a response as name -> the whole header. */
function cookiesOf(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((h) => [h.slice(0, h.indexOf('=')), h]));
}
const cookieValue = (header: string) => header.slice(header.indexOf('=') + 1, header.indexOf(';'));

async function consoleLogin(role: 'owner' | 'operator' | 'viewer' = 'owner', headers: Record<string, string> = {}) {
  const username = uniqueName(role);
  const password = 'console-pass-1';
  await ctx.app.services.staff.create({ username, displayName: username, role, password });
  const res = await ctx.app.request('/api/v1/merchant/auth/console-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress(), ...headers },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const body = await res.json();
  const cookies = cookiesOf(res);
  const session = cookieValue(cookies.get('siyu_staff')!);
  const csrf = cookieValue(cookies.get('siyu_csrf')!);
  const cookie = `siyu_staff=${session}; siyu_csrf=${csrf}`;
  return { body, cookies, session, csrf, cookie, username };
}

describe('console login: a cookie session with CSRF protection', () => {
  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie, never the token in the body', async () => {
    const { body, cookies, csrf } = await consoleLogin();
    expect(body).toMatchObject({ staff: { role: 'owner' }, csrfToken: csrf });
    expect(body).not.toHaveProperty('token');
    const session = cookies.get('siyu_staff')!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\/api/);
    expect(session).not.toMatch(/Secure/);
    const csrfCookie = cookies.get('siyu_csrf')!;
    expect(csrfCookie).not.toMatch(/HttpOnly/);
    expect(csrfCookie).toMatch(/SameSite=Strict/);
  });

  it('marks the cookies Secure when the request came over https (through a trusted proxy)', async () => {
    const { cookies } = await consoleLogin('owner', { 'x-forwarded-proto': 'https' });
    expect(cookies.get('siyu_staff')).toMatch(/Secure/);
    expect(cookies.get('siyu_csrf')).toMatch(/Secure/);
  });

  it('reads with the cookie alone; changes only with the CSRF token echoed in X-CSRF-Token', async () => {
    const { cookie, csrf } = await consoleLogin();
    const me = await call(ctx, 'GET', '/api/v1/merchant/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ staff: { role: 'owner' }, timeZone: 'Asia/Shanghai', businessDate: '2026-11-22' });

    const body = { name: '新分类' };
    const noToken = await call(ctx, 'POST', '/api/v1/merchant/categories', { cookie, 'content-type': 'application/json' }, body);
    expect(noToken.status).toBe(403);
    expect(noToken.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'csrf' } });
    const wrong = await call(
      ctx,
      'POST',
      '/api/v1/merchant/categories',
      { cookie, 'content-type': 'application/json', 'x-csrf-token': 'x'.repeat(43) },
      body,
    );
    expect(wrong.status).toBe(403);
    // The header must match the cookie too (a token from another session is refused).
    const other = await consoleLogin();
    const foreign = await call(
      ctx,
      'POST',
      '/api/v1/merchant/categories',
      { cookie, 'content-type': 'application/json', 'x-csrf-token': other.csrf },
      body,
    );
    expect(foreign.status).toBe(403);
    expect(await ctx.db.selectFrom('categories').selectAll().execute()).toEqual([]);

    const ok = await call(ctx, 'POST', '/api/v1/merchant/categories', { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf }, body);
    expect(ok.status).toBe(201);
  });

  it('keeps the bearer login for API clients, with no CSRF token needed', async () => {
    const staff = await createStaffAndLogin(ctx, 'operator');
    const me = await call(ctx, 'GET', '/api/v1/merchant/me', staff.headers());
    expect(me.body.staff.role).toBe('operator');
    expect((await call(ctx, 'POST', '/api/v1/merchant/categories', staff.headers(), { name: '茶' })).status).toBe(201);
  });

  it('refuses member tokens and no session on /merchant/me', async () => {
    const m = await loginMember(ctx);
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', m.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', {})).status).toBe(401);
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', { cookie: 'siyu_staff=nonsense' })).status).toBe(401);
  });

  it('expires with the staff session TTL', async () => {
    const { cookie } = await consoleLogin();
    ctx.clock.advance(12 * 3600 * 1000 + 1000);
    const me = await call(ctx, 'GET', '/api/v1/merchant/me', { cookie });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the session is deleted and both cookies cleared; logout itself needs the CSRF token', async () => {
    const { cookie, csrf, session } = await consoleLogin();
    const refused = await ctx.app.request('/api/v1/merchant/auth/logout', { method: 'POST', headers: { cookie } });
    expect(refused.status).toBe(403);
    const res = await ctx.app.request('/api/v1/merchant/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(res.status).toBe(204);
    const cleared = cookiesOf(res);
    expect(cleared.get('siyu_staff')).toMatch(/Max-Age=0/);
    expect(cleared.get('siyu_csrf')).toMatch(/Max-Age=0/);
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', { cookie: `siyu_staff=${session}` })).status).toBe(401);
  });

  it('logs a bearer session out too', async () => {
    const staff = await createStaffAndLogin(ctx, 'viewer');
    const res = await ctx.app.request('/api/v1/merchant/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${staff.token}` } });
    expect(res.status).toBe(204);
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', staff.headers())).status).toBe(401);
  });

  it('refuses bad login input with the field named, and wrong passwords', async () => {
    const bad = await call(
      ctx,
      'POST',
      '/api/v1/merchant/auth/console-login',
      { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      { username: '' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['username', 'password']));
    const { username } = await consoleLogin();
    const res = await ctx.app.request('/api/v1/merchant/auth/console-login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({ username, password: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
