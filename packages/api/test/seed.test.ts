import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/db/seed.js';
import { createTestContext, type TestContext } from './context.js';
import { call } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

describe('demo seed', () => {
  it('publishes a browsable catalog once', async () => {
    expect(await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai')).toEqual({ seeded: true });
    expect(await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai')).toEqual({ seeded: false });
    const tree = (await call(ctx, 'GET', '/api/v1/categories', {})).body;
    expect(tree.map((c: any) => c.name)).toEqual(['茶叶', '零食', '茶具']);
    const tea = await call(ctx, 'GET', `/api/v1/products?categoryId=${tree[0].id}`, {});
    expect(tea.body.total).toBe(4);
    const detail = await call(ctx, 'GET', `/api/v1/products/${tea.body.items[0].id}`, {});
    expect(detail.body.skus.length).toBeGreaterThan(0);
    expect(detail.body.skus.every((s: any) => Number.isSafeInteger(s.priceFen))).toBe(true);
  });

  it('has a member who bound one phone on WeChat and Douyin, merged into one, one check-in per day', async () => {
    await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai');
    const merge = await ctx.db.selectFrom('member_merges').selectAll().executeTakeFirstOrThrow();
    const survivor = await ctx.db.selectFrom('members').selectAll().where('id', '=', merge.survivor_id).executeTakeFirstOrThrow();
    expect(survivor).toMatchObject({ nickname: '小美爱喝茶', phone: '+86-13800138000' });
    expect(JSON.parse(merge.summary).duplicateCheckInDays).toHaveLength(1);
    const platforms = await ctx.db.selectFrom('member_identities').select('platform').where('member_id', '=', merge.survivor_id).execute();
    expect(platforms.map((p) => p.platform).sort()).toEqual(['tt', 'weapp']);
    const audit = await ctx.app.services.points.audit(ctx.db, Number(merge.survivor_id));
    expect(audit.balance - audit.debt).toBe(audit.ledger);
  });

  it('opens a points mall with items on sale, one of them points plus cash', async () => {
    await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai');
    const { code } = ctx.simulator.issueCode('weapp', 'seed-reader');
    const login = await call(ctx, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, { platform: 'weapp', code });
    const mall = await call(ctx, 'GET', '/api/v1/points-mall/items', { authorization: `Bearer ${login.body.token}` });
    expect(mall.status).toBe(200);
    expect(mall.body.total).toBe(3);
    expect(mall.body.items.map((i: any) => i.kind).sort()).toEqual(['sku', 'virtual', 'virtual']);
    expect(mall.body.items.some((i: any) => i.cashFen > 0)).toBe(true);
    expect(mall.body.items.every((i: any) => i.unavailableReason === 'NOT_ENOUGH_POINTS')).toBe(true);
  });
});
