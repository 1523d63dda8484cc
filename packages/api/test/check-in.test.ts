import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { createStaffAndLogin, loginMember, type TestMember, withMember, DAY } from './factories.js';

let ctx: TestContext;
let member: TestMember;
eachTestContext(withMember, (s) => ({ ctx, member } = s));

async function checkIn(m: TestMember = member, headers: Record<string, string> = {}) {
  return ctx.app.request('/api/v1/check-in', { method: 'POST', headers: m.headers(headers), body: '{}' });
}
async function status(m: TestMember = member, query = '') {
  const res = await ctx.app.request(`/api/v1/check-in/status${query}`, { headers: m.headers() });
  expect(res.status).toBe(200);
  return res.json();
}
async function ledgerInvariant(memberId: number) {
  const [balance, sum] = await Promise.all([ctx.app.services.points.balance(ctx.db, memberId), ctx.app.services.points.ledgerSum(ctx.db, memberId)]);
  expect(balance).toBe(sum);
  return balance;
}

describe('daily check-in', () => {
  it('credits day 1, refuses a second check-in the same day, and reports status', async () => {
    const before = await status();
    expect(before).toMatchObject({
      businessDate: '2026-11-22',
      checkedInToday: false,
      streak: 0,
      todayReward: 5,
      tomorrowReward: 5,
      month: '2026-11',
      checkedInDates: [],
    });

    const res = await checkIn();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ businessDate: '2026-11-22', streak: 1, reward: 5, pointsBalance: 5, tomorrowReward: 5, bonus: 0 });

    const again = await checkIn();
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('ALREADY_CHECKED_IN');

    const after = await status();
    expect(after).toMatchObject({ checkedInToday: true, streak: 1, todayReward: 5, tomorrowReward: 5, checkedInDates: ['2026-11-22'] });
    expect(await ledgerInvariant(member.id)).toBe(5);

    const ledger = await (await ctx.app.request('/api/v1/points/ledger', { headers: member.headers() })).json();
    expect(ledger.balance).toBe(5);
    expect(ledger.entries).toEqual([expect.objectContaining({ delta: 5, reason: 'check_in', sourceKey: 'check-in:2026-11-22' })]);
  });

  it('follows the reward table by streak day and restarts the cycle after day 7', async () => {
    const rewards = [];
    for (let day = 0; day < 9; day += 1) {
      const res = await checkIn();
      expect(res.status).toBe(200);
      const body = await res.json();
      rewards.push([body.streak, body.reward]);
      ctx.clock.advance(DAY);
    }
    expect(rewards).toEqual([
      [1, 5],
      [2, 5],
      [3, 10],
      [4, 10],
      [5, 15],
      [6, 15],
      [7, 30],
      [8, 5],
      [9, 5],
    ]);
    expect(await ledgerInvariant(member.id)).toBe(5 + 5 + 10 + 10 + 15 + 15 + 30 + 5 + 5);
  });

  it('holds the last reward past the cycle when configured', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const put = await ctx.app.request('/api/v1/merchant/check-in/rules', {
      method: 'PUT',
      headers: owner.headers(),
      body: JSON.stringify({ rewards: [1, 2, 3], afterCycle: 'hold' }),
    });
    expect(put.status).toBe(200);
    const got = [];
    for (let day = 0; day < 5; day += 1) {
      got.push((await (await checkIn()).json()).reward);
      ctx.clock.advance(DAY);
    }
    expect(got).toEqual([1, 2, 3, 3, 3]);
  });

  it('resets the streak after a missed day', async () => {
    await checkIn();
    ctx.clock.advance(DAY);
    expect((await (await checkIn()).json()).streak).toBe(2);
    ctx.clock.advance(2 * DAY); // skipped one day
    const s = await status();
    expect(s).toMatchObject({ streak: 0, checkedInToday: false, todayReward: 5 });
    const res = await (await checkIn()).json();
    expect(res).toMatchObject({ streak: 1, reward: 5 });
    expect((await status()).checkedInDates).toEqual(['2026-11-22', '2026-11-23', '2026-11-25']);
  });

  it('treats 23:59:59 and 00:00:00 Beijing time (15:59:59Z and 16:00:00Z) as different days', async () => {
    ctx.clock.set('2026-11-22T15:59:59.000Z');
    const late = await (await checkIn()).json();
    expect(late).toMatchObject({ businessDate: '2026-11-22', streak: 1 });
    ctx.clock.set('2026-11-22T15:59:59.999Z');
    expect((await checkIn()).status).toBe(409);
    ctx.clock.set('2026-11-22T16:00:00.000Z');
    const early = await (await checkIn()).json();
    expect(early).toMatchObject({ businessDate: '2026-11-23', streak: 2 });
    expect((await status()).checkedInDates).toEqual(['2026-11-22', '2026-11-23']);
  });

  it('returns another month’s calendar and rejects a bad month', async () => {
    ctx.clock.set('2026-10-31T03:00:00.000Z');
    await checkIn();
    ctx.clock.set('2026-11-01T03:00:00.000Z');
    await checkIn();
    expect((await status(member, '?month=2026-10')).checkedInDates).toEqual(['2026-10-31']);
    expect((await status()).checkedInDates).toEqual(['2026-11-01']);
    for (const bad of ['2026-13', '26-10', 'october']) {
      const res = await ctx.app.request(`/api/v1/check-in/status?month=${bad}`, { headers: member.headers() });
      expect(res.status).toBe(400);
      expect((await res.json()).error.details.issues[0].field).toBe('query.month');
    }
  });

  it('refuses a body with fields: the server decides the reward', async () => {
    const res = await ctx.app.request('/api/v1/check-in', { method: 'POST', headers: member.headers(), body: JSON.stringify({ reward: 1000 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('reward');
    expect(await ctx.db.selectFrom('check_ins').selectAll().execute()).toHaveLength(0);
  });

  it('gives one reward to many concurrent check-ins by one member (invariant 5)', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => checkIn()));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(39);
    expect(await ctx.db.selectFrom('check_ins').selectAll().where('member_id', '=', member.id).execute()).toHaveLength(1);
    expect(await ctx.db.selectFrom('points_ledger').selectAll().where('member_id', '=', member.id).execute()).toHaveLength(1);
    expect(await ledgerInvariant(member.id)).toBe(5);
  });

  it('keeps members apart under concurrent check-ins of many members', async () => {
    const members = await Promise.all(Array.from({ length: 10 }, () => loginMember(ctx)));
    const responses = await Promise.all(members.flatMap((m) => [checkIn(m), checkIn(m), checkIn(m)]));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(10);
    for (const m of members) expect(await ledgerInvariant(m.id)).toBe(5);
  });

  it('requires a member session', async () => {
    expect((await ctx.app.request('/api/v1/check-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(
      401,
    );
    expect((await ctx.app.request('/api/v1/check-in/status')).status).toBe(401);
  });
});

describe('merchant check-in rules', () => {
  it('lets any staff read and only owner/operator change the table', async () => {
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const read = await ctx.app.request('/api/v1/merchant/check-in/rules', { headers: viewer.headers() });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({
      rewards: [5, 5, 10, 10, 15, 15, 30],
      afterCycle: 'restart',
      cycle: 'streak',
      cumulativeRewards: [],
      makeUp: { enabled: false, costPoints: 0, maxPerCycle: 1, payReward: false },
    });
    const body = JSON.stringify({ rewards: [10, 20], afterCycle: 'restart' });
    const denied = await ctx.app.request('/api/v1/merchant/check-in/rules', { method: 'PUT', headers: viewer.headers(), body });
    expect(denied.status).toBe(403);
    const operator = await createStaffAndLogin(ctx, 'operator');
    const ok = await ctx.app.request('/api/v1/merchant/check-in/rules', { method: 'PUT', headers: operator.headers(), body });
    expect(ok.status).toBe(200);
    expect((await status()).todayReward).toBe(10);
    expect((await (await checkIn()).json()).reward).toBe(10);
  });

  it.each([
    [{ rewards: [], afterCycle: 'restart' }, 'rewards'],
    [{ rewards: [5, -1], afterCycle: 'restart' }, 'rewards.1'],
    [{ rewards: [5, 1.5], afterCycle: 'restart' }, 'rewards.1'],
    [{ rewards: [5, 1e12], afterCycle: 'restart' }, 'rewards.1'],
    [{ rewards: ['5'], afterCycle: 'restart' }, 'rewards.0'],
    [{ rewards: Array(32).fill(1), afterCycle: 'restart' }, 'rewards'],
    [{ rewards: [5], afterCycle: 'forever' }, 'afterCycle'],
    [{ rewards: [5] }, 'afterCycle'],
    [{ rewards: [5], afterCycle: 'hold', bonus: 1 }, 'body'],
  ])('refuses %j with 400 naming %s and changes nothing', async (body, field) => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const res = await ctx.app.request('/api/v1/merchant/check-in/rules', { method: 'PUT', headers: owner.headers(), body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await ctx.db.selectFrom('merchant_settings').selectAll().execute()).toHaveLength(0);
  });
});
