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

const staffCount = async () => (await ctx.db.selectFrom('staff').select('id').execute()).length;
const login = (username: string, password: string) =>
  call(ctx, 'POST', '/api/v1/merchant/auth/login', { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, { username, password });

describe('staff accounts (owner only)', () => {
  it('lists, creates, changes a role, resets a password and disables an account', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const username = uniqueName('ops').replace(/[^A-Za-z0-9_.-]/g, '');
    const created = await call(ctx, 'POST', '/api/v1/merchant/staff', owner.headers(), {
      username,
      displayName: '运营 小王',
      role: 'operator',
      password: 'first-password',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username, role: 'operator', disabled: false, disabledAt: null });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);
    const id = created.body.id;

    const list = await call(ctx, 'GET', '/api/v1/merchant/staff', owner.headers());
    expect(list.body.items.map((s: { username: string }) => s.username)).toContain(username);

    const first = await login(username, 'first-password');
    expect(first.status).toBe(200);
    const role = await call(ctx, 'PATCH', `/api/v1/merchant/staff/${id}`, owner.headers(), { role: 'viewer' });
    expect(role.body.role).toBe('viewer');
    // The new role applies to the open session at once.
    const asViewer = await call(
      ctx,
      'POST',
      '/api/v1/merchant/categories',
      { authorization: `Bearer ${first.body.token}`, 'content-type': 'application/json' },
      { name: '茶' },
    );
    expect(asViewer.status).toBe(403);

    const reset = await ctx.app.request(`/api/v1/merchant/staff/${id}/reset-password`, {
      method: 'POST',
      headers: owner.headers(),
      body: JSON.stringify({ password: 'second-password' }),
    });
    expect(reset.status).toBe(204);
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', { authorization: `Bearer ${first.body.token}` })).status).toBe(401);
    expect((await login(username, 'first-password')).status).toBe(401);
    const second = await login(username, 'second-password');
    expect(second.status).toBe(200);

    const disabled = await call(ctx, 'PATCH', `/api/v1/merchant/staff/${id}`, owner.headers(), { disabled: true });
    expect(disabled.body).toMatchObject({ disabled: true, disabledAt: '2026-11-22T02:00:00.000Z' });
    expect((await call(ctx, 'GET', '/api/v1/merchant/me', { authorization: `Bearer ${second.body.token}` })).status).toBe(401);
    expect((await login(username, 'second-password')).status).toBe(401);
    const enabled = await call(ctx, 'PATCH', `/api/v1/merchant/staff/${id}`, owner.headers(), { disabled: false });
    expect(enabled.body.disabled).toBe(false);
    expect((await login(username, 'second-password')).status).toBe(200);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const before = await staffCount();
    const bad = await call(ctx, 'POST', '/api/v1/merchant/staff', owner.headers(), {
      username: 'a b',
      displayName: '',
      role: 'boss',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    expect(await staffCount()).toBe(before);
    const empty = await call(ctx, 'PATCH', '/api/v1/merchant/staff/1', owner.headers(), {});
    expect(empty.status).toBe(400);
    const shortReset = await call(ctx, 'POST', '/api/v1/merchant/staff/1/reset-password', owner.headers(), { password: '123' });
    expect(shortReset.body.error.details.issues[0].field).toBe('password');
  });

  it('refuses a taken username with 409 naming the field', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const body = { username: 'same-name', displayName: 'A', role: 'viewer', password: 'password-1' };
    expect((await call(ctx, 'POST', '/api/v1/merchant/staff', owner.headers(), body)).status).toBe(201);
    const again = await call(ctx, 'POST', '/api/v1/merchant/staff', owner.headers(), body);
    expect(again.status).toBe(409);
    expect(again.body.error.details.issues[0].field).toBe('username');
  });

  it('never demotes or disables the last enabled owner', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const me = await call(ctx, 'GET', '/api/v1/merchant/me', owner.headers());
    const id = me.body.staff.id;
    const demote = await call(ctx, 'PATCH', `/api/v1/merchant/staff/${id}`, owner.headers(), { role: 'operator' });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({ code: 'LAST_OWNER', details: { issues: [{ field: 'role' }] } });
    // With a second owner, one may step down; then the other is the last.
    const second = await call(ctx, 'POST', '/api/v1/merchant/staff', owner.headers(), {
      username: 'owner-two',
      displayName: 'B',
      role: 'owner',
      password: 'password-2',
    });
    expect((await call(ctx, 'PATCH', `/api/v1/merchant/staff/${id}`, owner.headers(), { role: 'operator' })).status).toBe(200);
    const other = await login('owner-two', 'password-2');
    const disable = await call(
      ctx,
      'PATCH',
      `/api/v1/merchant/staff/${second.body.id}`,
      { authorization: `Bearer ${other.body.token}`, 'content-type': 'application/json' },
      { role: 'viewer' },
    );
    expect(disable.status).toBe(409);
    const roles = await ctx.db.selectFrom('staff').select(['role', 'disabled_at']).where('role', '=', 'owner').execute();
    expect(roles).toHaveLength(1);
  });

  it('two owners demoting each other at once: one of them stays owner', async () => {
    const a = await createStaffAndLogin(ctx, 'owner');
    const b = await createStaffAndLogin(ctx, 'owner');
    const idA = (await call(ctx, 'GET', '/api/v1/merchant/me', a.headers())).body.staff.id;
    const idB = (await call(ctx, 'GET', '/api/v1/merchant/me', b.headers())).body.staff.id;
    const [r1, r2] = await Promise.all([
      call(ctx, 'PATCH', `/api/v1/merchant/staff/${idB}`, a.headers(), { role: 'viewer' }),
      call(ctx, 'PATCH', `/api/v1/merchant/staff/${idA}`, b.headers(), { role: 'viewer' }),
    ]);
    // The loser is refused as the last owner (409), or, demoted before its own request was checked, as a viewer (403).
    const statuses = [r1.status, r2.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const owners = await ctx.db.selectFrom('staff').select('id').where('role', '=', 'owner').where('disabled_at', 'is', null).execute();
    expect(owners).toHaveLength(1);
  });

  it('is for owners only: operators and viewers are refused, members too', async () => {
    for (const role of ['operator', 'viewer'] as const) {
      const s = await createStaffAndLogin(ctx, role);
      expect((await call(ctx, 'GET', '/api/v1/merchant/staff', s.headers())).status).toBe(403);
      expect(
        (
          await call(ctx, 'POST', '/api/v1/merchant/staff', s.headers(), {
            username: 'x-user',
            displayName: 'x',
            role: 'owner',
            password: 'password-x',
          })
        ).status,
      ).toBe(403);
      expect((await call(ctx, 'POST', '/api/v1/merchant/staff/1/reset-password', s.headers(), { password: 'password-x' })).status).toBe(403);
    }
    const m = await loginMember(ctx);
    expect((await call(ctx, 'GET', '/api/v1/merchant/staff', m.headers())).status).toBe(403);
  });

  it('refuses an owner disabling their own account', async () => {
    const a = await createStaffAndLogin(ctx, 'owner');
    await createStaffAndLogin(ctx, 'owner');
    const idA = (await call(ctx, 'GET', '/api/v1/merchant/me', a.headers())).body.staff.id;
    const res = await call(ctx, 'PATCH', `/api/v1/merchant/staff/${idA}`, a.headers(), { disabled: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('disabled');
  });
});
