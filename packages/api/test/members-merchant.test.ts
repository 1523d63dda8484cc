/** The merchant's member pages: list and search, detail with identities, ledger, check-ins, manual points adjustments. */
import { describe, expect, it } from 'vitest';
import { eachTestContext, engine, type TestContext } from './context.js';
import { call, createStaffAndLogin, loginMember, type StaffSession, type TestMember, withOwner, M } from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
eachTestContext(withOwner, (s) => ({ ctx, owner } = s));

const ledgerRows = (memberId: number) => ctx.db.selectFrom('points_ledger').selectAll().where('member_id', '=', memberId).execute();
const balanceOf = async (memberId: number) =>
  Number((await ctx.db.selectFrom('points_accounts').select('balance').where('member_id', '=', memberId).executeTakeFirst())?.balance ?? 0);

async function named(nickname: string, platform: 'weapp' | 'alipay' | 'tt' = 'weapp'): Promise<TestMember> {
  const m = await loginMember(ctx, { platform });
  await ctx.db.updateTable('members').set({ nickname }).where('id', '=', m.id).execute();
  return m;
}

describe('member list and detail', () => {
  it('pages members newest first and finds them by nickname and platform', async () => {
    const a = await named('小美爱喝茶', 'weapp');
    const b = await named('阿杰', 'alipay');
    const c = await named('糖糖_100%', 'tt');
    const all = await call(ctx, 'GET', `${M}/members?pageSize=2`, owner.headers());
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items.map((m: { id: number }) => m.id)).toEqual([c.id, b.id]);
    expect(all.body.items[0]).toMatchObject({ nickname: '糖糖_100%', platforms: ['tt'], pointsBalance: 0 });

    const byName = await call(ctx, 'GET', `${M}/members?keyword=${encodeURIComponent('喝茶')}`, owner.headers());
    expect(byName.body.items.map((m: { id: number }) => m.id)).toEqual([a.id]);
    // LIKE wildcards in the keyword are literal.
    const literal = await call(ctx, 'GET', `${M}/members?keyword=${encodeURIComponent('%')}`, owner.headers());
    expect(literal.body.items.map((m: { id: number }) => m.id)).toEqual([c.id]);
    const byPlatform = await call(ctx, 'GET', `${M}/members?platform=alipay`, owner.headers());
    expect(byPlatform.body.items.map((m: { id: number }) => m.id)).toEqual([b.id]);
  });

  it('shows a member’s identities without the platform session key or full openid', async () => {
    const m = await loginMember(ctx, { platform: 'alipay' });
    const res = await call(ctx, 'GET', `${M}/members/${m.id}`, owner.headers());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m.id, platforms: ['alipay'], identities: [{ platform: 'alipay', hasUnionId: expect.any(Boolean) }] });
    expect(res.body.identities[0].openIdTail).toHaveLength(6);
    expect(JSON.stringify(res.body)).not.toMatch(/session_?key|openId"/i);
    expect((await call(ctx, 'GET', `${M}/members/999999`, owner.headers())).status).toBe(404);
  });

  it('refuses bad queries naming the field, and member tokens', async () => {
    const bad = await call(ctx, 'GET', `${M}/members?platform=h5&pageSize=1000`, owner.headers());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['query.pageSize', 'query.platform']);
    const m = await loginMember(ctx);
    for (const path of [`${M}/members`, `${M}/members/${m.id}`, `${M}/members/${m.id}/points-ledger`, `${M}/members/${m.id}/check-ins`]) {
      expect((await call(ctx, 'GET', path, m.headers())).status).toBe(403);
    }
    expect((await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, m.headers(), { delta: 10, reason: 'x' })).status).toBe(403);
  });

  it('lists a member’s check-ins by month', async () => {
    const m = await loginMember(ctx);
    expect((await call(ctx, 'POST', '/api/v1/check-in', m.headers(), {})).status).toBe(200);
    const res = await call(ctx, 'GET', `${M}/members/${m.id}/check-ins`, owner.headers());
    expect(res.body).toMatchObject({ month: '2026-11', items: [{ businessDate: '2026-11-22', streak: 1, reward: 5 }] });
    expect((await call(ctx, 'GET', `${M}/members/${m.id}/check-ins?month=2026-10`, owner.headers())).body.items).toEqual([]);
    const bad = await call(ctx, 'GET', `${M}/members/${m.id}/check-ins?month=2026-13`, owner.headers());
    expect(bad.body.error.details.issues[0].field).toBe('query.month');
  });
});

describe('manual points adjustments', () => {
  it('grants and deducts with a reason through the ledger, recording the staff member', async () => {
    const m = await loginMember(ctx);
    const staffId = (await call(ctx, 'GET', `${M}/me`, owner.headers())).body.staff.id;
    const grant = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: 120, reason: '客诉补偿' });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ balance: 120, entry: { delta: 120, reason: 'adjustment', note: '客诉补偿', staffId } });
    const operator = await createStaffAndLogin(ctx, 'operator');
    const deduct = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, operator.headers(), { delta: -20, reason: '误发积分扣回' });
    expect(deduct.body.balance, JSON.stringify(deduct.body)).toBe(100);

    const ledger = await call(ctx, 'GET', `${M}/members/${m.id}/points-ledger?limit=1`, owner.headers());
    expect(ledger.body).toMatchObject({ balance: 100, entries: [{ delta: -20, note: '误发积分扣回' }] });
    expect(ledger.body.nextCursor).toEqual(expect.any(Number));
    const rows = await ledgerRows(m.id);
    expect(rows.map((r) => Number(r.staff_id))).toEqual([staffId, expect.any(Number)]);
    expect(new Set(rows.map((r) => r.source_key)).size).toBe(2);
    // The member sees the entries too, without the staff ids.
    const mine = await call(ctx, 'GET', '/api/v1/points/ledger', m.headers());
    expect(mine.body.balance).toBe(100);
    expect(mine.body.entries[0]).not.toHaveProperty('staffId');
  });

  it('posts an adjustment once per key, however often it is sent', async () => {
    const m = await loginMember(ctx);
    const body = { delta: 50, reason: '活动奖励', key: 'adj-0123456789' };
    expect((await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), body)).status).toBe(201);
    const again = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), body);
    expect(again.status).toBe(409);
    expect(again.body.error.details.issues[0].field).toBe('key');
    expect(await balanceOf(m.id)).toBe(50);
  });

  it('never takes the balance below zero, and writes nothing when refused', async () => {
    const m = await loginMember(ctx);
    await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: 30, reason: '补偿' });
    const over = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: -31, reason: '扣回' });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'INSUFFICIENT_POINTS', details: { balance: 30, issues: [{ field: 'delta' }] } });
    expect(await balanceOf(m.id)).toBe(30);
    expect(await ledgerRows(m.id)).toHaveLength(1);
  });

  it('a deduction racing another spend: one wins, the balance never goes below zero and matches the ledger', async () => {
    const m = await loginMember(ctx);
    await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: 100, reason: '补偿' });
    const operator = await createStaffAndLogin(ctx, 'operator');
    // Two deductions of 70 at once (two staff, or a deduction and another spend of the same points): only one fits.
    const [a, b] = await Promise.all([
      call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: -70, reason: '扣回 A' }),
      call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, operator.headers(), { delta: -70, reason: '扣回 B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await balanceOf(m.id)).toBe(30);
    expect(await ctx.app.services.points.ledgerSum(ctx.db, m.id)).toBe(30);
    expect(await ledgerRows(m.id)).toHaveLength(2);
  });

  it(`refuses bad input naming the field (${engine})`, async () => {
    const m = await loginMember(ctx);
    const bad = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: 0, reason: '', key: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['delta', 'key', 'reason']);
    const fractional = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: 1.5, reason: 'x' });
    expect(fractional.body.error.details.issues[0].field).toBe('delta');
    expect(await ledgerRows(m.id)).toHaveLength(0);
    expect((await call(ctx, 'POST', `${M}/members/999999/points-adjustments`, owner.headers(), { delta: 5, reason: 'x' })).status).toBe(404);
  });

  it('filters the ledger by kind, reason, direction and days in the merchant’s time zone, and shows the member’s points', async () => {
    const m = await loginMember(ctx);
    // 2026-11-22 (Asia/Shanghai): a grant and a check-in; the next day a deduction.
    await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: 100, reason: '补偿' });
    expect((await call(ctx, 'POST', '/api/v1/check-in', m.headers(), {})).status).toBe(200);
    ctx.clock.advance(24 * 3600_000);
    owner = await createStaffAndLogin(ctx, 'owner');
    await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, owner.headers(), { delta: -30, reason: '扣回' });
    const ledger = (q: string) => call(ctx, 'GET', `${M}/members/${m.id}/points-ledger?${q}`, owner.headers());
    const deltas = async (q: string) => {
      const r = await ledger(q);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.entries.map((e: { delta: number }) => e.delta);
    };
    expect(await deltas('')).toEqual([-30, 5, 100]);
    expect(await deltas('kind=adjust')).toEqual([-30, 100]);
    expect(await deltas('reason=check_in')).toEqual([5]);
    expect(await deltas('direction=out')).toEqual([-30]);
    expect(await deltas('from=2026-11-23')).toEqual([-30]);
    expect(await deltas('to=2026-11-22')).toEqual([5, 100]);
    expect(await deltas('from=2026-11-22&to=2026-11-22&kind=adjust')).toEqual([100]);
    const bad = await ledger('from=2026-13-01&reason=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['query.from', 'query.reason']);

    const summary = await call(ctx, 'GET', `${M}/members/${m.id}/points`, owner.headers());
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ available: 75, pending: 0, debt: 0 });
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'GET', `${M}/members/${m.id}/points`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/members/${m.id}/points`, m.headers())).status).toBe(403);
  });

  it('is for owners and operators; viewers read only', async () => {
    const m = await loginMember(ctx);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, viewer.headers(), { delta: 5, reason: 'x' })).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/members/${m.id}/points-ledger`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/members`, viewer.headers())).status).toBe(200);
    expect(await ledgerRows(m.id)).toHaveLength(0);
  });
});
