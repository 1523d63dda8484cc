import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/db/seed.js';
import { createLocalFileStorage } from '../src/lib/storage.js';
import { sniffImageType } from '../src/modules/media/index.js';
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

  it('gives every demo product a gallery of its own images, and the home page two linked banners', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-seed-media-'));
    try {
      const storage = createLocalFileStorage(dir);
      await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai', { storage });
      // Stored by key; answered on the address the API is reached at.
      const list = (await call(ctx, 'GET', 'http://shop.test:3000/api/v1/products?pageSize=50', {})).body;
      expect(list.total).toBe(9);
      const seen = new Set<string>();
      for (const p of list.items) {
        const detail = (await call(ctx, 'GET', `http://shop.test:3000/api/v1/products/${p.id}`, {})).body;
        expect(detail.imageUrls, p.title).toHaveLength(2);
        expect(p.coverUrl).toBe(detail.imageUrls[0]);
        for (const url of detail.imageUrls as string[]) {
          expect(url).toMatch(/^http:\/\/shop\.test:3000\/uploads\/demo\/[a-z]+-[12]\.jpg$/);
          seen.add(url);
          const stored = await storage.get(url.replace('http://shop.test:3000/uploads/', ''));
          // A JPEG (shown by every mini-program version), small enough for a phone on a slow network.
          expect(sniffImageType(stored!.bytes)?.contentType).toBe('image/jpeg');
          expect(stored!.bytes.length).toBeLessThan(40 * 1024);
        }
      }
      expect(seen.size).toBe(18);
      const storefront = (await call(ctx, 'GET', 'http://shop.test:3000/api/v1/storefront', {})).body;
      expect(storefront.banners.map((b: any) => [b.title, b.link.type])).toEqual([
        ['明前新茶上市', 'product'],
        ['茶点配好茶', 'category'],
      ]);
      expect(await storage.get(storefront.banners[0].imageUrl.replace('http://shop.test:3000/uploads/', ''))).not.toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the demo products of a database seeded before the images their galleries, once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-seed-media-'));
    try {
      expect(await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai')).toEqual({ seeded: true });
      const before = (await call(ctx, 'GET', '/api/v1/products?pageSize=50', {})).body;
      expect(before.items.every((p: any) => p.coverUrl === null)).toBe(true);
      const media = { storage: createLocalFileStorage(dir) };
      expect(await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai', media)).toEqual({ seeded: true });
      const after = (await call(ctx, 'GET', 'http://127.0.0.1:3000/api/v1/products?pageSize=50', {})).body;
      expect(after.items.every((p: any) => typeof p.coverUrl === 'string' && p.coverUrl.startsWith('http://127.0.0.1:3000/uploads/demo/'))).toBe(
        true,
      );
      expect(await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai', media)).toEqual({ seeded: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
