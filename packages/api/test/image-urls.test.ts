/**
 * Stored images are keys; URLs are built when answering (decision 029), on SQLite and PostgreSQL: data seeded or
 * uploaded under one address and served under another answers URLs of the second (product galleries and covers, the
 * home page's banners, points-mall items, order lines, the cart, avatars), PUBLIC_BASE_URL wins when set, another
 * site's https image stays as it is, and migration 018 turns the URLs of before into keys.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../src/db/connection.js';
import { migrateTo, migrateToLatest } from '../src/db/migrator.js';
import { seedDemoData } from '../src/db/seed.js';
import { createLocalFileStorage } from '../src/lib/storage.js';
import { createTestContext, eachEmptyDatabase, type TestContext } from './context.js';
import { call, createProduct, loginMember } from './factories.js';
import { newShop, newShopper } from './shop.js';

const SEEDED_AT = 'http://127.0.0.1:3000';
const SERVED_AT = 'http://192.168.1.20:8080';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let ctx: TestContext;
let uploadsDir: string;
beforeEach(async () => {
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-image-urls-'));
  ctx = await createTestContext({ uploadsDir });
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

const at = (origin: string, p: string) => `${origin}${p}`;
const ourImage = (origin: string) => new RegExp(`^${origin.replace(/[.:/]/g, '\\$&')}/uploads/[a-z]+/`);

async function uploadAt(origin: string, headers: Record<string, string>, p: string): Promise<{ url: string; key: string }> {
  const form = new FormData();
  form.set('file', new File([PNG as Uint8Array<ArrayBuffer>], 'a.png', { type: 'image/png' }));
  const { 'content-type': _json, ...rest } = headers;
  const res = await ctx.app.request(at(origin, p), { method: 'POST', headers: rest, body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { url: string; key: string };
}

describe('images answered on the address the API is reached at', () => {
  it('data seeded under one address and served under another answers URLs of the second', async () => {
    // (Before decision 029 the seed took the origin to store; now it stores keys and ignores it.)
    const media = { storage: createLocalFileStorage(uploadsDir), origin: SEEDED_AT };
    await seedDemoData(ctx.db, ctx.clock, 'Asia/Shanghai', media);

    const list = (await call(ctx, 'GET', at(SERVED_AT, '/api/v1/products?pageSize=50'), {})).body;
    expect(list.items.length).toBe(9);
    for (const p of list.items) expect(p.coverUrl, p.title).toMatch(ourImage(SERVED_AT));
    const detail = (await call(ctx, 'GET', at(SERVED_AT, `/api/v1/products/${list.items[0].id}`), {})).body;
    expect(detail.imageUrls).toHaveLength(2);
    for (const url of detail.imageUrls) expect(url).toMatch(ourImage(SERVED_AT));
    // The same data on the first address answers its URLs, and the file is there.
    const again = (await call(ctx, 'GET', at(SEEDED_AT, `/api/v1/products/${list.items[0].id}`), {})).body;
    expect(again.imageUrls[0]).toBe(detail.imageUrls[0].replace(SERVED_AT, SEEDED_AT));
    expect((await ctx.app.request(at(SERVED_AT, new URL(detail.imageUrls[0]).pathname))).status).toBe(200);

    const banners = (await call(ctx, 'GET', at(SERVED_AT, '/api/v1/storefront'), {})).body.banners;
    expect(banners).toHaveLength(2);
    for (const b of banners) expect(b.imageUrl).toMatch(ourImage(SERVED_AT));

    const m = await loginMember(ctx);
    const mall = (await call(ctx, 'GET', at(SERVED_AT, '/api/v1/points-mall/items'), m.headers())).body;
    expect(mall.items.filter((i: { imageUrl: string | null }) => i.imageUrl !== null).map((i: { imageUrl: string }) => i.imageUrl)).toEqual([
      expect.stringMatching(ourImage(SERVED_AT)),
    ]);

    // What the database keeps is the key, on every table.
    const stored = await ctx.db.selectFrom('products').select('image_urls').execute();
    expect(stored.flatMap((r) => JSON.parse(r.image_urls) as string[]).every((u) => /^demo\/[a-z0-9-]+\.jpg$/.test(u))).toBe(true);
  });

  it('an upload saved on a product, an order line and a cart line, and an avatar, answer URLs of the address they are read at', async () => {
    const shop = await newShop(ctx);
    const image = await uploadAt(SEEDED_AT, shop.owner.headers(), '/api/v1/merchant/uploads');
    expect(image.url).toBe(`${SEEDED_AT}/uploads/${image.key}`);
    const foreign = 'https://img.example.com/tea.jpg';
    const product = await createProduct(ctx, shop.owner, { skus: [{ priceFen: 1000, stock: 5 }] });
    const saved = await call(ctx, 'PATCH', at(SEEDED_AT, `/api/v1/merchant/products/${product.id}`), shop.owner.headers(), {
      imageUrls: [image.url, foreign],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.imageUrls).toEqual([image.url, foreign]);
    const row = await ctx.db.selectFrom('products').select('image_urls').where('id', '=', product.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.image_urls)).toEqual([image.key, foreign]);
    expect((await call(ctx, 'GET', at(SERVED_AT, `/api/v1/products/${product.id}`), {})).body.imageUrls).toEqual([
      `${SERVED_AT}/uploads/${image.key}`,
      foreign,
    ]);

    const m = await newShopper(ctx);
    const skuId = product.skus[0]!.id;
    expect((await call(ctx, 'POST', at(SEEDED_AT, '/api/v1/cart/lines'), m.headers(), { skuId, quantity: 1 })).status).toBe(200);
    expect((await call(ctx, 'GET', at(SERVED_AT, '/api/v1/cart'), m.headers())).body.lines[0].imageUrl).toBe(`${SERVED_AT}/uploads/${image.key}`);
    const order = await call(ctx, 'POST', at(SEEDED_AT, '/api/v1/orders'), m.headers(), { items: [{ skuId, quantity: 1 }], addressId: m.addressId });
    expect(order.status).toBe(201);
    expect(order.body.lines[0].imageUrl).toBe(`${SEEDED_AT}/uploads/${image.key}`);
    const line = await ctx.db.selectFrom('order_lines').select('image_url').where('order_id', '=', order.body.id).executeTakeFirstOrThrow();
    expect(line.image_url).toBe(image.key);
    expect((await call(ctx, 'GET', at(SERVED_AT, `/api/v1/orders/${order.body.id}`), m.headers())).body.lines[0].imageUrl).toBe(
      `${SERVED_AT}/uploads/${image.key}`,
    );

    const avatar = await uploadAt(SEEDED_AT, m.headers(), '/api/v1/me/avatar');
    expect((await call(ctx, 'PATCH', at(SEEDED_AT, '/api/v1/me/profile'), m.headers(), { avatarUrl: `/uploads/${avatar.key}` })).status).toBe(200);
    expect((await call(ctx, 'GET', at(SERVED_AT, '/api/v1/me/profile'), m.headers())).body.avatarUrl).toBe(`${SERVED_AT}/uploads/${avatar.key}`);
    expect((await ctx.db.selectFrom('members').select('avatar_url').where('id', '=', m.id).executeTakeFirstOrThrow()).avatar_url).toBe(avatar.key);
  });

  it('answers PUBLIC_BASE_URL when it is set, whatever address the request came in at', async () => {
    const configured = await createTestContext({ uploadsDir, publicBaseUrl: 'https://shop.example.com' });
    try {
      const media = { storage: createLocalFileStorage(uploadsDir), origin: SEEDED_AT };
      await seedDemoData(configured.db, configured.clock, 'Asia/Shanghai', media);
      const list = (await call(configured, 'GET', at(SERVED_AT, '/api/v1/products?pageSize=1'), {})).body;
      expect(list.items[0].coverUrl).toMatch(/^https:\/\/shop\.example\.com\/uploads\/demo\//);
    } finally {
      await configured.close();
    }
  });
});

describe('migration 018: URLs of ours stored before become keys', () => {
  let db: DB;
  eachEmptyDatabase((h) => ({ db } = h));

  it('strips our origins (and the /uploads/ path) from every stored image, keeping other sites’ URLs', async () => {
    await migrateTo(db, '017-favourites');
    const legacy = db as any;
    const now = '2026-11-01T02:00:00.000Z';
    const ours = 'http://127.0.0.1:3000/uploads/products/2026-11/AbCdEfGhIjKlMnOp.png';
    const lan = 'http://192.168.1.20:3000/uploads/demo/longjing-1.jpg';
    const foreign = 'https://img.example.com/uploads/tea.jpg';
    const product = await legacy
      .insertInto('products')
      .values({
        title: '龙井',
        subtitle: '',
        description: '',
        image_urls: JSON.stringify([ours, lan, foreign]),
        status: 'on_shelf',
        sort_order: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const member = await legacy
      .insertInto('members')
      .values({ nickname: '老会员', avatar_url: '/uploads/avatars/2026-11/QrStUvWxYz012345.webp', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await legacy
      .insertInto('members')
      .values({ nickname: '别人', avatar_url: 'https://thirdwx.qlogo.cn/mmopen/x/132', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await legacy
      .insertInto('merchant_settings')
      .values({
        key: 'storefront.settings',
        value: JSON.stringify({
          notice: '',
          hotWords: [],
          salesCountThreshold: 10,
          banners: [
            { imageUrl: lan, title: '新茶', link: { type: 'none' } },
            { imageUrl: foreign, title: '外链', link: { type: 'none' } },
          ],
        }),
        updated_at: now,
        updated_by: null,
      })
      .execute();

    expect(await migrateToLatest(db)).toContain('018-image-keys');

    const p = await legacy.selectFrom('products').select('image_urls').where('id', '=', product.id).executeTakeFirstOrThrow();
    expect(JSON.parse(p.image_urls)).toEqual(['products/2026-11/AbCdEfGhIjKlMnOp.png', 'demo/longjing-1.jpg', foreign]);
    const avatars = await legacy.selectFrom('members').select(['id', 'avatar_url']).orderBy('id').execute();
    expect(avatars.map((r: { avatar_url: string }) => r.avatar_url)).toEqual([
      'avatars/2026-11/QrStUvWxYz012345.webp',
      'https://thirdwx.qlogo.cn/mmopen/x/132',
    ]);
    expect(Number(avatars[0].id)).toBe(Number(member.id));
    expect(Number(avatars[1].id)).toBe(Number(other.id));
    const settings = await legacy.selectFrom('merchant_settings').select('value').where('key', '=', 'storefront.settings').executeTakeFirstOrThrow();
    expect(JSON.parse(settings.value).banners.map((b: { imageUrl: string }) => b.imageUrl)).toEqual(['demo/longjing-1.jpg', foreign]);
  });
});
