import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckInService } from '../src/modules/check-in/index.js';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, loginMember, type StaffSession, type TestMember } from './factories.js';

// Cycles, cumulative rewards and make-up check-in (decision 021). Times are UTC; Beijing is UTC+8, so noon there is 04:00Z.
// 2026-11-22 is a Sunday, 2026-11-23 a Monday.

let ctx: TestContext;
let member: TestMember;
let owner: StaffSession;
beforeEach(async () => {
  ctx = await createTestContext();
  member = await loginMember(ctx);
  owner = await createStaffAndLogin(ctx, 'owner');
});
afterEach(async () => {
  await ctx.close();
});

const noon = (date: string) => ctx.clock.set(`${date}T04:00:00.000Z`);
const checkIn = (m: TestMember = member) => call(ctx, 'POST', '/api/v1/check-in', m.headers(), {});
const makeUp = (date: string, m: TestMember = member, headers: Record<string, string> = {}) =>
  call(ctx, 'POST', '/api/v1/check-in/make-up', m.headers(headers), { date });
async function status(m: TestMember = member) {
  const res = await call(ctx, 'GET', '/api/v1/check-in/status', m.headers());
  expect(res.status).toBe(200);
  return res.body;
}
async function setRules(rules: Record<string, unknown>) {
  const res = await call(ctx, 'PUT', '/api/v1/merchant/check-in/rules', owner.headers(), {
    rewards: [1, 2, 3, 4, 5, 6, 7],
    afterCycle: 'hold',
    ...rules,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
async function give(points: number, m: TestMember = member) {
  await ctx.app.services.points.post(ctx.db, {
    memberId: m.id,
    delta: points,
    reason: 'adjustment',
    sourceKey: `test:${Math.random()}`,
    at: ctx.clock.now(),
  });
}
async function balance(m: TestMember = member) {
  const [b, sum] = await Promise.all([ctx.app.services.points.balance(ctx.db, m.id), ctx.app.services.points.ledgerSum(ctx.db, m.id)]);
  expect(b).toBe(sum);
  expect(b).toBeGreaterThanOrEqual(0);
  return b;
}
const rows = (m: TestMember = member) =>
  ctx.db
    .selectFrom('check_ins')
    .select(['business_date', 'streak', 'reward', 'made_up_at'])
    .where('member_id', '=', m.id)
    .orderBy('business_date')
    .execute();
const ledger = (sourceKey: string, m: TestMember = member) =>
  ctx.db
    .selectFrom('points_ledger')
    .select(['delta', 'reason', 'kind', 'note'])
    .where('member_id', '=', m.id)
    .where('source_key', '=', sourceKey)
    .execute();
const growth = (sourceKey: string, m: TestMember = member) =>
  ctx.db.selectFrom('growth_ledger').select(['delta', 'reason', 'note']).where('member_id', '=', m.id).where('source_key', '=', sourceKey).execute();

const MAKE_UP = { enabled: true, costPoints: 10, maxPerCycle: 2, payReward: false };

describe('check-in cycles', () => {
  it('keeps a stored setting of the old shape working, with defaults for the new fields', async () => {
    await ctx.db
      .insertInto('merchant_settings')
      .values({
        key: 'check_in.rules',
        value: JSON.stringify({ rewards: [3, 4], afterCycle: 'hold' }),
        updated_at: ctx.clock.now().toISOString(),
        updated_by: null,
      })
      .execute();
    const res = await call(ctx, 'GET', '/api/v1/merchant/check-in/rules', owner.headers());
    expect(res.body).toEqual({
      rewards: [3, 4],
      afterCycle: 'hold',
      cycle: 'streak',
      cumulativeRewards: [],
      makeUp: { enabled: false, costPoints: 0, maxPerCycle: 1, payReward: false },
    });
    expect((await checkIn()).body).toMatchObject({ reward: 3, bonus: 0 });
    expect((await status()).cycle).toEqual({ kind: 'streak', start: null, end: null, count: 0 });
  });

  it('starts a weekly cycle on Monday 00:00 Beijing time (15:59:59Z Sunday vs 16:00:00Z)', async () => {
    await setRules({ cycle: 'week' });
    ctx.clock.set('2026-11-21T04:00:00.000Z'); // Saturday
    await checkIn();
    ctx.clock.set('2026-11-22T15:59:59.000Z'); // Sunday 23:59:59 in Beijing
    expect((await status()).cycle).toEqual({ kind: 'week', start: '2026-11-16', end: '2026-11-22', count: 1 });
    expect((await checkIn()).body).toMatchObject({ businessDate: '2026-11-22', streak: 2, reward: 2 });
    ctx.clock.set('2026-11-22T16:00:00.000Z'); // Monday 00:00 in Beijing
    const monday = await status();
    expect(monday.cycle).toEqual({ kind: 'week', start: '2026-11-23', end: '2026-11-29', count: 0 });
    expect(monday.todayReward).toBe(1);
    // The streak runs on; the reward table starts again with the cycle.
    expect((await checkIn()).body).toMatchObject({ businessDate: '2026-11-23', streak: 3, reward: 1, tomorrowReward: 2 });
  });

  it('starts a monthly cycle on the 1st 00:00 Beijing time', async () => {
    await setRules({ cycle: 'month' });
    ctx.clock.set('2026-11-30T15:59:59.000Z');
    expect((await status()).cycle).toMatchObject({ start: '2026-11-01', end: '2026-11-30' });
    expect((await checkIn()).body).toMatchObject({ businessDate: '2026-11-30', reward: 1 });
    ctx.clock.set('2026-11-30T16:00:00.000Z');
    expect((await status()).cycle).toEqual({ kind: 'month', start: '2026-12-01', end: '2026-12-31', count: 0 });
    expect((await checkIn()).body).toMatchObject({ businessDate: '2026-12-01', streak: 2, reward: 1 });
  });
});

describe('growth from check-in', () => {
  it('grants growth at the merchant’s check-in rate, once per day', async () => {
    const rates = await call(ctx, 'GET', '/api/v1/merchant/tiers/rules', owner.headers());
    const put = await call(ctx, 'PUT', '/api/v1/merchant/tiers/rules', owner.headers(), { ...rates.body, checkIn: 4 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await checkIn();
    expect((await checkIn()).status).toBe(409);
    expect(await growth('check-in:2026-11-22')).toEqual([{ delta: 4, reason: 'check_in', note: null }]);
  });

  it('is part of the check-in’s transaction: a failing growth step leaves no check-in and no points', async () => {
    const failing = createCheckInService({
      db: ctx.db,
      clock: ctx.clock,
      timeZone: 'Asia/Shanghai',
      points: ctx.app.services.points,
      settings: ctx.app.services.settings,
      participants: [
        {
          name: 'failing-growth',
          checkedIn: async () => {
            throw new Error('growth step failed');
          },
        },
      ],
    });
    await expect(failing.checkIn(member.id)).rejects.toThrow('growth step failed');
    expect(await rows()).toEqual([]);
    expect(await ledger('check-in:2026-11-22')).toEqual([]);
    expect(await balance()).toBe(0);
  });
});

describe('cumulative rewards', () => {
  it('pays a milestone once per cycle, with its growth, and again in the next cycle', async () => {
    await setRules({
      cycle: 'week',
      cumulativeRewards: [
        { count: 2, points: 100, growth: 7 },
        { count: 3, points: 50 },
      ],
    });
    noon('2026-11-23');
    expect((await checkIn()).body).toMatchObject({ reward: 1, bonus: 0 });
    noon('2026-11-24');
    expect((await checkIn()).body).toMatchObject({ reward: 2, bonus: 100, pointsBalance: 103 });
    noon('2026-11-26'); // a gap: the count goes on, the streak does not
    expect((await checkIn()).body).toMatchObject({ streak: 1, reward: 1, bonus: 50 });
    const s = await status();
    expect(s.cycle.count).toBe(3);
    expect(s.milestones).toEqual([
      { count: 2, points: 100, growth: 7, reached: true, claimed: true },
      { count: 3, points: 50, growth: 0, reached: true, claimed: true },
    ]);
    expect(await ledger('check-in-bonus:week:2026-11-23:2')).toEqual([{ delta: 100, reason: 'check_in', kind: 'earn', note: '累计签到 2 天奖励' }]);
    // Named for what it is (the growth page shows it as its title), not as a day's check-in.
    expect(await growth('check-in-bonus:week:2026-11-23:2')).toEqual([{ delta: 7, reason: 'check_in', note: '累计签到 2 天奖励' }]);
    noon('2026-11-30');
    await checkIn();
    noon('2026-12-01');
    expect((await checkIn()).body.bonus).toBe(100);
    expect(await ledger('check-in-bonus:week:2026-11-30:2')).toHaveLength(1);
    expect(await balance()).toBe(1 + 2 + 100 + 1 + 50 + 1 + 2 + 100);
  });

  it('pays once when concurrent check-ins and a make-up reach it together', async () => {
    await setRules({ cycle: 'month', cumulativeRewards: [{ count: 3, points: 40 }], makeUp: { ...MAKE_UP, costPoints: 0 } });
    noon('2026-11-02');
    await checkIn();
    noon('2026-11-04'); // the 3rd is missed; today's check-in and the make-up of the 3rd both make the count 3
    const results = await Promise.all([...Array.from({ length: 10 }, () => checkIn()), makeUp('2026-11-03'), makeUp('2026-11-03')]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(await ledger('check-in-bonus:month:2026-11:3')).toEqual([{ delta: 40, reason: 'check_in', kind: 'earn', note: '累计签到 3 天奖励' }]);
    expect(await ctx.db.selectFrom('check_in_cycle_rewards').selectAll().where('member_id', '=', member.id).execute()).toHaveLength(1);
    expect((await rows()).map((r) => [r.business_date, r.streak])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-03', 2],
      ['2026-11-04', 3],
    ]);
    await balance();
  });
});

describe('make-up check-in', () => {
  it('restores the streak, charges the cost, pays no reward unless the merchant says so, and counts its uses', async () => {
    await setRules({ cycle: 'week', makeUp: MAKE_UP });
    noon('2026-11-23');
    await checkIn();
    noon('2026-11-27'); // Friday; Tuesday to Thursday missed
    await checkIn();
    await give(100);
    const before = await status();
    expect(before.makeUp).toEqual({
      enabled: true,
      costPoints: 10,
      payReward: false,
      maxPerCycle: 2,
      used: 0,
      left: 2,
      days: ['2026-11-24', '2026-11-25', '2026-11-26'],
    });

    const first = await makeUp('2026-11-26');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({
      businessDate: '2026-11-26',
      streak: 1,
      currentStreak: 2,
      reward: 0,
      cost: 10,
      bonus: 0,
      pointsBalance: 1 + 1 + 100 - 10,
      makeUpsLeft: 1,
    });
    const second = await makeUp('2026-11-25');
    expect(second.body).toMatchObject({ streak: 1, currentStreak: 3, makeUpsLeft: 0 });
    expect((await rows()).map((r) => [r.business_date, r.streak, r.reward, r.made_up_at !== null])).toEqual([
      ['2026-11-23', 1, 1, false],
      ['2026-11-25', 1, 0, true],
      ['2026-11-26', 2, 0, true],
      ['2026-11-27', 3, 1, false],
    ]);
    expect(await ledger('check-in-make-up:2026-11-25')).toEqual([{ delta: -10, reason: 'check_in', kind: 'spend', note: '补签 11月25日' }]);
    expect(await ledger('check-in:2026-11-25')).toEqual([]);
    expect(await growth('check-in:2026-11-25')).toEqual([]);

    const third = await makeUp('2026-11-24');
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('MAKE_UP_LIMIT_REACHED');
    const after = await status();
    expect(after).toMatchObject({ streak: 3, madeUpDates: ['2026-11-25', '2026-11-26'] });
    expect(after.makeUp).toMatchObject({ used: 2, left: 0, days: [] });
    expect(after.checkedInDates).toEqual(['2026-11-23', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(await balance()).toBe(82);

    // The streak table runs on from the restored streak.
    noon('2026-11-28');
    expect((await checkIn()).body).toMatchObject({ streak: 4, reward: 4 });
  });

  it('pays the day’s reward and its growth when the merchant says so, joining the streak on both sides', async () => {
    await setRules({ cycle: 'month', makeUp: { enabled: true, costPoints: 0, maxPerCycle: 3, payReward: true } });
    noon('2026-11-10');
    await checkIn();
    noon('2026-11-12');
    await checkIn();
    noon('2026-11-13');
    const res = await makeUp('2026-11-11');
    expect(res.body).toMatchObject({ streak: 2, reward: 2, cost: 0, currentStreak: 3, pointsBalance: 1 + 1 + 2 });
    expect(await ledger('check-in:2026-11-11')).toEqual([{ delta: 2, reason: 'check_in', kind: 'earn', note: '补签 11月11日' }]);
    expect(await growth('check-in:2026-11-11')).toEqual([{ delta: 1, reason: 'check_in', note: null }]);
    expect((await rows()).map((r) => r.streak)).toEqual([1, 2, 3]);
    // Today not yet checked in: its reward follows the restored streak.
    expect((await status()).todayReward).toBe(4);
  });

  it('refuses today, the future, another cycle, a kept day, a day before the first check-in, and when switched off', async () => {
    await setRules({ cycle: 'week', makeUp: MAKE_UP });
    await give(100);
    noon('2026-11-27'); // Friday of the previous week
    await checkIn();
    noon('2026-12-01');
    await checkIn(); // Tuesday
    noon('2026-12-02');
    const cases: [string, number, string, string?][] = [
      ['2026-12-02', 409, 'MAKE_UP_NOT_ALLOWED', 'not_past'],
      ['2026-12-03', 409, 'MAKE_UP_NOT_ALLOWED', 'not_past'],
      ['2026-11-28', 409, 'MAKE_UP_NOT_ALLOWED', 'outside_cycle'],
      ['2026-12-01', 409, 'ALREADY_CHECKED_IN'],
    ];
    for (const [date, code, error, reason] of cases) {
      const res = await makeUp(date);
      expect(res.status, date).toBe(code);
      expect(res.body.error.code).toBe(error);
      if (reason) expect(res.body.error.details.reason).toBe(reason);
    }
    expect((await status()).makeUp.days).toEqual(['2026-11-30']);
    const newcomer = await loginMember(ctx);
    await checkIn(newcomer);
    const early = await makeUp('2026-12-01', newcomer);
    expect(early.body.error).toMatchObject({ code: 'MAKE_UP_NOT_ALLOWED', details: { reason: 'before_first_check_in' } });
    expect((await status(newcomer)).makeUp.days).toEqual([]);

    owner = await createStaffAndLogin(ctx, 'owner'); // staff sessions are short: log in again at the new time
    await setRules({ cycle: 'week', makeUp: { ...MAKE_UP, enabled: false } });
    const off = await makeUp('2026-11-30');
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('MAKE_UP_DISABLED');
    expect((await status()).makeUp).toMatchObject({ enabled: false, left: 0, days: [] });
    expect((await rows()).filter((r) => r.made_up_at)).toHaveLength(0);
    expect(await ctx.db.selectFrom('check_in_make_up_counts').selectAll().execute()).toEqual([]);
    expect(await balance()).toBe(101 + 1);
  });

  it('refuses a make-up the member cannot pay for, writing nothing', async () => {
    await setRules({ cycle: 'week', makeUp: { ...MAKE_UP, costPoints: 1000 } });
    noon('2026-11-23');
    await checkIn();
    noon('2026-11-25');
    const res = await makeUp('2026-11-24');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await rows()).toHaveLength(1);
    expect((await status()).makeUp).toMatchObject({ used: 0, left: 2 });
    expect(await balance()).toBe(1);
  });

  it('replays a make-up sent again with the same Idempotency-Key', async () => {
    await setRules({ cycle: 'week', makeUp: { ...MAKE_UP, costPoints: 0 } });
    noon('2026-11-23');
    await checkIn();
    noon('2026-11-25');
    const a = await makeUp('2026-11-24', member, { 'idempotency-key': 'mk-1' });
    const b = await makeUp('2026-11-24', member, { 'idempotency-key': 'mk-1' });
    expect(a.status).toBe(200);
    expect(b).toEqual(a);
    expect((await status()).makeUp.used).toBe(1);
  });

  it('shows made-up days to the merchant', async () => {
    await setRules({ cycle: 'month', makeUp: { ...MAKE_UP, costPoints: 0 } });
    noon('2026-11-10');
    await checkIn();
    noon('2026-11-12');
    await makeUp('2026-11-11');
    const res = await call(ctx, 'GET', `/api/v1/merchant/members/${member.id}/check-ins`, owner.headers());
    // The dashboard counts check-ins made on each day: the made-up day is not one.
    const counts = await ctx.app.services.checkIn.countsByDay('2026-11-10', '2026-11-12');
    expect([...counts.entries()]).toEqual([['2026-11-10', 1]]);
    expect(res.body.items.map((i: { businessDate: string; madeUpAt: string | null }) => [i.businessDate, i.madeUpAt !== null])).toEqual([
      ['2026-11-10', false],
      ['2026-11-11', true],
    ]);
  });
});

describe('make-up under concurrency', () => {
  async function missedWeek(makeUpRules: Record<string, unknown>) {
    await setRules({ cycle: 'month', makeUp: { ...MAKE_UP, ...makeUpRules } });
    noon('2026-11-10');
    await checkIn();
    noon('2026-11-15'); // 11th to 14th missed
  }

  it('gives exactly one of two parallel make-ups when one is left', async () => {
    await missedWeek({ maxPerCycle: 1, costPoints: 0 });
    const results = await Promise.all([makeUp('2026-11-11'), makeUp('2026-11-12'), makeUp('2026-11-13'), makeUp('2026-11-14')]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(3).fill('MAKE_UP_LIMIT_REACHED'));
    expect((await rows()).filter((r) => r.made_up_at)).toHaveLength(1);
    expect((await ctx.db.selectFrom('check_in_make_up_counts').select('used').execute()).map((r) => Number(r.used))).toEqual([1]);
  });

  it('writes one row for many parallel make-ups of the same day, charged once', async () => {
    await missedWeek({ maxPerCycle: 4 });
    await give(1000);
    const results = await Promise.all(Array.from({ length: 12 }, () => makeUp('2026-11-12')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.status !== 200).map((r) => r.body.error.code))).toEqual(new Set(['ALREADY_CHECKED_IN']));
    expect((await rows()).filter((r) => r.business_date === '2026-11-12')).toHaveLength(1);
    expect(await ledger('check-in-make-up:2026-11-12')).toHaveLength(1);
    expect((await status()).makeUp.used).toBe(1);
    expect(await balance()).toBe(1 + 1000 - 10);
  });

  it('never takes the balance below zero when parallel make-ups want more than it holds', async () => {
    await missedWeek({ maxPerCycle: 4, costPoints: 30 });
    await give(59); // with the day's 1 point: 60, enough for two
    const results = await Promise.all([makeUp('2026-11-11'), makeUp('2026-11-12'), makeUp('2026-11-13'), makeUp('2026-11-14')]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(['INSUFFICIENT_POINTS', 'INSUFFICIENT_POINTS']);
    expect(await balance()).toBe(0);
    expect((await status()).makeUp.used).toBe(2);
  });
});

describe('check-in rules: validation and access', () => {
  it.each([
    [{ cycle: 'year' }, 'cycle'],
    [
      {
        cycle: 'week',
        cumulativeRewards: [
          { count: 3, points: 5 },
          { count: 3, points: 9 },
        ],
      },
      'cumulativeRewards.1.count',
    ],
    [{ cycle: 'week', cumulativeRewards: [{ count: 8, points: 5 }] }, 'cumulativeRewards.0.count'],
    [{ cycle: 'month', cumulativeRewards: [{ count: 32, points: 5 }] }, 'cumulativeRewards.0.count'],
    [{ cycle: 'month', cumulativeRewards: [{ count: 0, points: 5 }] }, 'cumulativeRewards.0.count'],
    [{ cycle: 'month', cumulativeRewards: [{ count: 7, points: -1 }] }, 'cumulativeRewards.0.points'],
    [{ cycle: 'month', cumulativeRewards: [{ count: 7, points: 0 }] }, 'cumulativeRewards.0.points'],
    [{ cycle: 'month', cumulativeRewards: [{ count: 7, points: 1, couponId: 3 }] }, 'cumulativeRewards.0'],
    [{ cycle: 'streak', cumulativeRewards: [{ count: 7, points: 5 }] }, 'cumulativeRewards'],
    [{ cycle: 'streak', makeUp: MAKE_UP }, 'makeUp.enabled'],
    [{ cycle: 'week', makeUp: { ...MAKE_UP, maxPerCycle: 7 } }, 'makeUp.maxPerCycle'],
    [{ cycle: 'week', makeUp: { ...MAKE_UP, maxPerCycle: 0 } }, 'makeUp.maxPerCycle'],
    [{ cycle: 'week', makeUp: { ...MAKE_UP, costPoints: -5 } }, 'makeUp.costPoints'],
    [{ cycle: 'week', makeUp: { ...MAKE_UP, costPoints: 1.5 } }, 'makeUp.costPoints'],
    [{ cycle: 'week', makeUp: { enabled: true } }, 'makeUp.costPoints'],
    [{ cycle: 'week', makeUp: { ...MAKE_UP, payReward: 'yes' } }, 'makeUp.payReward'],
  ])('refuses %j with 400 naming %s and changes nothing', async (rules, field) => {
    const res = await call(ctx, 'PUT', '/api/v1/merchant/check-in/rules', owner.headers(), { rewards: [5], afterCycle: 'hold', ...rules });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await ctx.db.selectFrom('merchant_settings').selectAll().execute()).toHaveLength(0);
  });

  it.each([
    [{}, 'date'],
    [{ date: '2026-11-31' }, 'date'],
    [{ date: '20261120' }, 'date'],
    [{ date: 20261120 }, 'date'],
    [{ date: '2026-11-20', cost: 0 }, 'body'],
  ])('refuses make-up body %j with 400 naming %s', async (body, field) => {
    await setRules({ cycle: 'week', makeUp: MAKE_UP });
    const res = await call(ctx, 'POST', '/api/v1/check-in/make-up', member.headers(), body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await rows()).toHaveLength(0);
  });

  it('refuses member tokens on the rules, lets the viewer read but not change them, and needs a member for make-up', async () => {
    const body = { rewards: [5], afterCycle: 'hold', cycle: 'week' };
    expect((await call(ctx, 'GET', '/api/v1/merchant/check-in/rules', member.headers())).status).toBe(403);
    expect((await call(ctx, 'PUT', '/api/v1/merchant/check-in/rules', member.headers(), body)).status).toBe(403);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'GET', '/api/v1/merchant/check-in/rules', viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'PUT', '/api/v1/merchant/check-in/rules', viewer.headers(), body)).status).toBe(403);
    expect(await ctx.db.selectFrom('merchant_settings').selectAll().execute()).toHaveLength(0);
    expect((await call(ctx, 'POST', '/api/v1/check-in/make-up', owner.headers(), { date: '2026-11-20' })).status).toBe(403);
    expect((await call(ctx, 'POST', '/api/v1/check-in/make-up', { 'content-type': 'application/json' }, { date: '2026-11-20' })).status).toBe(401);
  });
});
