/**
 * Behaviour events (decision 042) and the analytics built on their rollups (decision 043): a batch stored once by
 * event id however often and however concurrently it is sent, bad input refused whole, rate limits, rollups rebuilt by
 * a job safe to run again, retention, merge and closing, and the reports the console reads. On SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { MAX_EVENTS_PER_BATCH } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, freshAddress, M, type StaffSession } from './factories.js';
import { newShop, newShopper, paidOrder, type Shop, type Shopper } from './shop.js';

let ctx: TestContext;
let owner: StaffSession;
let shop: Shop;
eachTestContext(
  async (c) => ({ owner: await createStaffAndLogin(c, 'owner'), shop: await newShop(c) }),
  (s) => ({ ctx, owner, shop } = s),
);

type Kind = 'page_view' | 'product_view' | 'search' | 'add_to_cart' | 'checkout_start' | 'coupon_claim' | 'share' | 'check_in';
const event = (kind: Kind, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind,
  at: ctx.clock.now().toISOString(),
  sessionId: 's-1',
  platform: 'h5',
  ...extra,
});
const send = (m: Shopper, events: unknown[], headers: Record<string, string> = {}) =>
  call(ctx, 'POST', '/api/v1/events', m.headers(headers), { events });
const stored = (memberId?: number) => {
  let q = ctx.db.selectFrom('member_events').selectAll();
  if (memberId !== undefined) q = q.where('member_id', '=', memberId);
  return q.orderBy('id').execute();
};
const runJobs = () => ctx.app.services.events.rollUp(ctx.clock.now());

describe('ingestion', () => {
  it('stores a batch with the session, attribution and business date; the same batch again, and in parallel, stores nothing twice', async () => {
    const m = await newShopper(ctx, 'weapp');
    const batch = [
      event('page_view', { page: 'pages/index/index', channel: 'share', shareId: 'sh-9' }),
      event('product_view', { productId: shop.product.id }),
      event('search', { detail: '龙井' }),
    ];
    const first = await send(m, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: 3, stored: 3 });
    const again = await Promise.all(Array.from({ length: 8 }, () => send(m, batch)));
    expect(again.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(again.map((r) => r.body.stored)).toEqual(Array(8).fill(0));
    const rows = await stored(m.id);
    expect(rows.map((r) => [r.kind, r.channel, r.share_id, r.business_date])).toEqual([
      ['page_view', 'share', null, '2026-11-22'],
      ['product_view', 'direct', null, '2026-11-22'],
      ['search', 'direct', null, '2026-11-22'],
    ]);
    expect(rows[2]!.detail).toBe('龙井');
  });

  it("carries a share's attribution as the server knows it: a share id it issued gives the share's channel; an unknown one is dropped", async () => {
    const sharer = await newShopper(ctx, 'weapp');
    const issued = await call(ctx, 'POST', '/api/v1/shares', sharer.headers({ 'idempotency-key': randomUUID() }), {
      kind: 'shop',
      channel: 'poster',
    });
    expect(issued.status).toBe(201);
    const m = await newShopper(ctx, 'alipay');
    await send(m, [
      event('page_view', { shareId: issued.body.shareId, channel: 'made-up' }),
      event('page_view', { shareId: 'forged1234', channel: 'card' }),
    ]);
    expect((await stored(m.id)).map((r) => [r.share_id, r.channel])).toEqual([
      [issued.body.shareId, 'poster'],
      [null, 'card'],
    ]);
  });

  it('a fresh batch sent 10 times at once stores each event once', async () => {
    const m = await newShopper(ctx, 'weapp');
    const batch = Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, i) => event(i % 2 ? 'page_view' : 'product_view', { productId: shop.product.id }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(m, batch)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(answers.reduce((s, r) => s + r.body.stored, 0)).toBe(MAX_EVENTS_PER_BATCH);
    expect(await stored(m.id)).toHaveLength(MAX_EVENTS_PER_BATCH);
  });

  it('refuses a bad event naming its field, storing nothing of the batch', async () => {
    const m = await newShopper(ctx, 'weapp');
    const cases: [unknown[], string][] = [
      [[event('page_view'), event('page_view', { kind: 'purchase' })], 'events.1.kind'],
      [[event('page_view', { id: 'has space' })], 'events.0.id'],
      [[event('page_view', { at: 'yesterday' })], 'events.0.at'],
      [[event('page_view', { platform: 'ios' })], 'events.0.platform'],
      [[event('product_view', { productId: -1 })], 'events.0.productId'],
      [[event('search', { detail: 'x'.repeat(101) })], 'events.0.detail'],
      [[event('search', { price: 1 })], 'events.0'],
      [Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event('page_view')), 'events'],
      [[], 'events'],
    ];
    for (const [events, field] of cases) {
      const r = await send(m, events);
      expect(r.status, field).toBe(400);
      expect(r.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect(await stored()).toHaveLength(0);
    expect((await call(ctx, 'POST', '/api/v1/events', m.headers(), '{"events": [')).status).toBe(400);
  });

  it('clamps an event time to the last 7 days and never later than now', async () => {
    const m = await newShopper(ctx, 'weapp');
    await send(m, [event('page_view', { at: '2020-01-01T00:00:00Z' }), event('page_view', { at: '2030-01-01T00:00:00+08:00' })]);
    expect((await stored(m.id)).map((r) => r.business_date)).toEqual(['2026-11-15', '2026-11-22']);
  });

  it('needs a member; staff tokens are refused', async () => {
    expect((await call(ctx, 'POST', '/api/v1/events', { 'content-type': 'application/json' }, { events: [event('page_view')] })).status).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/events', owner.headers(), { events: [event('page_view')] })).status).toBe(403);
  });

  it('is rate-limited per member (429 with Retry-After)', async () => {
    const m = await newShopper(ctx, 'weapp');
    const limit = ctx.app.config.rateLimits.eventsPerMember.points;
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: limit + 3 }, () => send(m, [event('page_view')], { 'x-forwarded-for': address })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(limit);
    const refused = answers.find((r) => r.status === 429);
    expect(refused?.body.error.code).toBe('RATE_LIMITED');
  });
});

describe('rollups and analytics', () => {
  const q = 'from=2026-11-20&to=2026-11-22';

  it('builds daily rollups, rebuilds a date that got late events, and a second run changes nothing', async () => {
    const a = await newShopper(ctx, 'weapp');
    const b = await newShopper(ctx, 'alipay');
    await send(a, [
      event('page_view', { platform: 'weapp', channel: 'share' }),
      event('product_view', { platform: 'weapp', channel: 'share', productId: shop.product.id }),
      event('add_to_cart', { platform: 'weapp', channel: 'share', productId: shop.product.id }),
    ]);
    await send(b, [
      event('page_view', { platform: 'alipay', sessionId: 's-b' }),
      event('product_view', { platform: 'alipay', sessionId: 's-b', productId: shop.product.id }),
    ]);
    await paidOrder(ctx, shop, a);
    const first = await runJobs();
    expect(first.dates).toEqual(['2026-11-22']);
    expect(await runJobs()).toEqual({ dates: [], purged: 0 });

    const traffic = await call(ctx, 'GET', `${M}/analytics/traffic?${q}`, owner.headers());
    expect(traffic.status).toBe(200);
    expect(traffic.body.rows).toEqual([
      { date: '2026-11-22', platform: 'alipay', channel: 'direct', visitors: 1, sessions: 1, pageViews: 1 },
      { date: '2026-11-22', platform: 'weapp', channel: 'share', visitors: 1, sessions: 1, pageViews: 1 },
    ]);
    const funnel = await call(ctx, 'GET', `${M}/analytics/funnel?${q}`, owner.headers());
    expect(funnel.body.steps).toEqual([
      { step: 'visit', members: 2 },
      { step: 'product_view', members: 2 },
      { step: 'add_to_cart', members: 1 },
      { step: 'order', members: 1 },
      { step: 'paid', members: 1 },
    ]);
    const weapp = await call(ctx, 'GET', `${M}/analytics/funnel?${q}&platform=alipay`, owner.headers());
    expect(weapp.body.steps.map((s: { members: number }) => s.members)).toEqual([1, 1, 0, 0, 0]);

    // A late event for the day before: that date is rebuilt, the others are left alone.
    await send(b, [event('page_view', { platform: 'alipay', at: '2026-11-21T03:00:00Z' })]);
    expect((await runJobs()).dates).toEqual(['2026-11-21']);
    const products = await call(ctx, 'GET', `${M}/analytics/products?${q}`, owner.headers());
    expect(products.body.rows).toEqual([
      expect.objectContaining({ productId: shop.product.id, views: 2, viewers: 2, addToCarts: 1, unitsSold: 3, buyers: 1 }),
    ]);
  });

  it('two rollup runs at once rebuild once and agree', async () => {
    const a = await newShopper(ctx, 'weapp');
    await send(a, [event('page_view'), event('page_view', { at: '2026-11-21T03:00:00Z' })]);
    const runs = await Promise.all([runJobs(), runJobs(), runJobs()]);
    expect(runs.flatMap((r) => r.dates).sort()).toEqual(['2026-11-21', '2026-11-22']);
    const kinds = await ctx.db
      .selectFrom('event_daily_kinds')
      .selectAll()
      .where('platform', '=', 'all')
      .where('kind', '=', 'visit')
      .orderBy('date')
      .execute();
    expect(kinds.map((k) => [k.date, Number(k.members)])).toEqual([
      ['2026-11-21', 1],
      ['2026-11-22', 1],
    ]);
  });

  it('purges raw events past the retention the merchant set, keeping the rollups', async () => {
    const a = await newShopper(ctx, 'weapp');
    await send(a, [event('page_view')]);
    await runJobs();
    const bad = await call(ctx, 'PUT', `${M}/events/settings`, owner.headers(), { rawRetentionDays: 7 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('rawRetentionDays');
    expect((await call(ctx, 'PUT', `${M}/events/settings`, owner.headers(), { rawRetentionDays: 30 })).status).toBe(200);
    ctx.clock.advance(30 * 86_400_000);
    expect((await runJobs()).purged).toBe(0);
    ctx.clock.advance(86_400_000);
    expect((await runJobs()).purged).toBe(1);
    expect(await stored()).toHaveLength(0);
    const later = await createStaffAndLogin(ctx, 'viewer'); // the owner's session has expired by now
    const traffic = await call(ctx, 'GET', `${M}/analytics/traffic?${q}`, later.headers());
    expect(traffic.body.rows).toHaveLength(1);
  });

  it('cohorts, buyers, engagement; the viewer role reads them; members are refused; a bad range is 400 naming the field', async () => {
    const a = await newShopper(ctx, 'weapp');
    await paidOrder(ctx, shop, a);
    await paidOrder(ctx, shop, a);
    await send(a, [event('coupon_claim'), event('share'), event('search', { detail: '茶' })]);
    await runJobs();
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const cohorts = await call(ctx, 'GET', `${M}/analytics/cohorts`, viewer.headers());
    expect(cohorts.status).toBe(200);
    expect(cohorts.body.months).toHaveLength(12);
    expect(cohorts.body.cohorts.at(-1)).toEqual({ cohort: '2026-11', buyers: 1, retained: [] });
    const buyers = await call(ctx, 'GET', `${M}/analytics/buyers`, viewer.headers());
    expect(buyers.body.repurchaseRate).toBe(1);
    expect(buyers.body.months.at(-1)).toMatchObject({ month: '2026-11', buyers: 1, newBuyers: 1, returningBuyers: 0, orders: 2 });
    const engagement = await call(ctx, 'GET', `${M}/analytics/engagement?${q}`, viewer.headers());
    expect(engagement.body.days.at(-1)).toMatchObject({ date: '2026-11-22', couponClaims: 1, shares: 1, searches: 1, visitors: 1 });
    expect((await call(ctx, 'GET', `${M}/analytics/traffic?${q}`, a.headers())).status).toBe(403);
    expect((await call(ctx, 'PUT', `${M}/events/settings`, viewer.headers(), { rawRetentionDays: 60 })).status).toBe(403);
    const reversed = await call(ctx, 'GET', `${M}/analytics/funnel?from=2026-11-22&to=2026-11-01`, viewer.headers());
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details.issues[0].field).toBe('query.to');
    const badDate = await call(ctx, 'GET', `${M}/analytics/traffic?from=2026-02-30&to=2026-03-01`, viewer.headers());
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details.issues[0].field).toBe('query.from');
  });
});

describe('privacy', () => {
  it('lists event counts in /me/data, moves events in a merge, and deletes them when the account closes', async () => {
    const a = await newShopper(ctx, 'weapp');
    const b = await newShopper(ctx, 'tt');
    await send(a, [event('page_view'), event('page_view'), event('search')]);
    await send(b, [event('page_view')]);
    const data = await call(ctx, 'GET', '/api/v1/me/data', a.headers());
    expect(data.body.data.events).toEqual({ page_view: 2, search: 1 });

    const phone = { countryCode: '86', number: '13800001111' };
    await ctx.app.services.members.bindPhone(b.id, phone);
    const merge = await ctx.app.services.members.bindPhone(a.id, phone);
    expect(merge.merged).not.toBeNull();
    const owners = (await stored()).map((r) => r.member_id);
    expect(owners).toHaveLength(4);
    expect(new Set(owners)).toEqual(new Set([merge.memberId]));

    const keep = await newShopper(ctx, 'weapp');
    await send(keep, [event('page_view')]);
    const closed = await call(ctx, 'POST', '/api/v1/me/close', keep.headers(), { confirm: true });
    expect(closed.status).toBe(200);
    expect(await stored(keep.id)).toHaveLength(0);
  });

  it('a batch racing the account closing: never both (no events are left for a closed member)', async () => {
    for (let i = 0; i < 5; i++) {
      const m = await newShopper(ctx, 'weapp');
      const [batch, closing] = await Promise.all([
        send(
          m,
          Array.from({ length: 20 }, () => event('page_view')),
        ),
        call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: true }),
      ]);
      expect(closing.status).toBe(200);
      expect([200, 401, 409, 410]).toContain(batch.status);
      expect(await stored(m.id)).toHaveLength(0);
    }
  });
});
