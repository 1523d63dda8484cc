import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext, eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, loginMember, type StaffSession, withOwner, addAddress, M } from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
eachTestContext(withOwner, (s) => ({ ctx, owner } = s));

async function category(name: string, parentId: number | null = null): Promise<number> {
  const res = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name, parentId });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function setSubtitle(id: number, subtitle: string) {
  expect((await call(ctx, 'PATCH', `${M}/products/${id}`, owner.headers(), { subtitle })).status).toBe(200);
}

describe('search', () => {
  it('matches the title, subtitle, category (or its parent) and spec values, ranked by where it matched', async () => {
    const teas = await category('茶叶');
    const green = await category('绿茶', teas);
    const gifts = await category('礼盒');
    const byTitle = await createProduct(ctx, owner, { title: '明前龙井茶 250g', categoryId: green });
    const bySubtitle = await createProduct(ctx, owner, { title: '碧螺春 100g', categoryId: gifts });
    await setSubtitle(bySubtitle.id, '太湖东山 春茶');
    const byCategory = await createProduct(ctx, owner, { title: '安吉白叶', categoryId: green });
    const bySpec = await createProduct(ctx, owner, {
      title: '青瓷杯',
      categoryId: gifts,
      skus: [{ priceFen: 3900, stock: 5, specs: { 搭配: '配茶' } }],
    });
    const bySpecName = await createProduct(ctx, owner, { title: '竹编篮', skus: [{ priceFen: 1900, stock: 5, specs: { 茶具: '无' } }] });
    await createProduct(ctx, owner, { title: '手工皂' });
    const unshelved = await createProduct(ctx, owner, { title: '老白茶', shelve: false });

    const found = await call(ctx, 'GET', `/api/v1/products?keyword=${encodeURIComponent('茶')}`, {});
    expect(found.status).toBe(200);
    const ids = found.body.items.map((p: { id: number }) => p.id);
    expect(ids).toEqual([byTitle.id, bySubtitle.id, byCategory.id, bySpec.id]);
    expect(found.body.total).toBe(4);
    expect(ids).not.toContain(bySpecName.id); // a spec's name is not its value
    expect(ids).not.toContain(unshelved.id);

    // Case-insensitive, and LIKE's wildcards are literal.
    await createProduct(ctx, owner, { title: 'Green Tea 100%' });
    const latin = await call(ctx, 'GET', `/api/v1/products?keyword=${encodeURIComponent('TEA 100%')}`, {});
    expect(latin.body.items.map((p: { title: string }) => p.title)).toEqual(['Green Tea 100%']);
    expect((await call(ctx, 'GET', `/api/v1/products?keyword=${encodeURIComponent('%')}`, {})).body.total).toBe(1);
  });

  it('sorts by sales, price and newest, and filters by category and price', async () => {
    const teas = await category('茶叶');
    const cheap = await createProduct(ctx, owner, { title: '茶 A', categoryId: teas, skus: [{ priceFen: 1000, stock: 5 }] });
    const dear = await createProduct(ctx, owner, { title: '茶 B', skus: [{ priceFen: 9000, stock: 5 }] });
    const mid = await createProduct(ctx, owner, {
      title: '茶 C',
      categoryId: teas,
      skus: [
        { priceFen: 5000, stock: 5 },
        { priceFen: 20000, stock: 5 },
      ],
    });
    await ctx.db.updateTable('products').set({ sales_count: 50 }).where('id', '=', dear.id).execute();
    await ctx.db.updateTable('products').set({ sales_count: 20 }).where('id', '=', cheap.id).execute();
    const list = async (q: string) => {
      const res = await call(ctx, 'GET', `/api/v1/products?${q}`, {});
      expect(res.status, q).toBe(200);
      return res.body.items.map((p: { id: number }) => p.id);
    };
    expect(await list('sort=sales')).toEqual([dear.id, cheap.id, mid.id]);
    expect(await list('sort=price_asc')).toEqual([cheap.id, mid.id, dear.id]);
    expect(await list('sort=price_desc')).toEqual([dear.id, mid.id, cheap.id]);
    expect(await list('sort=newest')).toEqual([mid.id, dear.id, cheap.id]);
    expect(await list(`categoryId=${teas}&sort=price_desc`)).toEqual([mid.id, cheap.id]);
    // A product matches a price range when any of its SKUs does.
    expect(await list('minPriceFen=15000&sort=price_asc')).toEqual([mid.id]);
    expect(await list('minPriceFen=4000&maxPriceFen=9000&sort=price_asc')).toEqual([mid.id, dear.id]);

    const bad = await call(ctx, 'GET', '/api/v1/products?sort=cheapest', {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('query.sort');
    const inverted = await call(ctx, 'GET', '/api/v1/products?minPriceFen=500&maxPriceFen=100', {});
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.details.issues[0].field).toBe('query.maxPriceFen');
  });
});

describe('storefront settings', () => {
  it('hides sales counts from shoppers below the merchant’s threshold (10 until set), never from the merchant', async () => {
    const few = await createProduct(ctx, owner, { title: '新品' });
    const many = await createProduct(ctx, owner, { title: '爆款' });
    await ctx.db.updateTable('products').set({ sales_count: 3 }).where('id', '=', few.id).execute();
    await ctx.db.updateTable('products').set({ sales_count: 120 }).where('id', '=', many.id).execute();
    const shopperSales = async () => {
      const page = await call(ctx, 'GET', '/api/v1/products', {});
      const byId = new Map(page.body.items.map((p: { id: number; salesCount: number | null }) => [p.id, p.salesCount]));
      const detail = await call(ctx, 'GET', `/api/v1/products/${few.id}`, {});
      return { few: byId.get(few.id), many: byId.get(many.id), fewDetail: detail.body.salesCount };
    };
    expect(await shopperSales()).toEqual({ few: null, many: 120, fewDetail: null });
    const merchant = await call(ctx, 'GET', `${M}/products`, owner.headers());
    expect(merchant.body.items.find((p: { id: number }) => p.id === few.id).salesCount).toBe(3);

    const current = await call(ctx, 'GET', `${M}/storefront-settings`, owner.headers());
    expect(current.body).toEqual({ salesCountThreshold: 10, notice: '', banners: [], hotWords: [] });
    const saved = await call(ctx, 'PUT', `${M}/storefront-settings`, owner.headers(), { ...current.body, salesCountThreshold: 0 });
    expect(saved.status).toBe(200);
    expect(await shopperSales()).toEqual({ few: 3, many: 120, fewDetail: 3 });
    await call(ctx, 'PUT', `${M}/storefront-settings`, owner.headers(), { ...current.body, salesCountThreshold: 200 });
    expect(await shopperSales()).toEqual({ few: null, many: null, fewDetail: null });
  });

  it('gives shoppers the banners, notice, hot words and free-shipping threshold; refuses bad input naming the field', async () => {
    const product = await createProduct(ctx, owner);
    const settings = {
      salesCountThreshold: 5,
      notice: '双十二全场满 99 包邮',
      banners: [
        { imageUrl: 'https://img.example.com/b1.jpg', title: '新茶上市', link: { type: 'product', productId: product.id } },
        { imageUrl: 'https://img.example.com/b2.jpg', link: { type: 'page', page: 'coupon-centre' } },
      ],
      hotWords: ['龙井', '白茶'],
    };
    expect((await call(ctx, 'PUT', `${M}/storefront-settings`, owner.headers(), settings)).status).toBe(200);
    const shown = await call(ctx, 'GET', '/api/v1/storefront', {});
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      notice: '双十二全场满 99 包邮',
      banners: [settings.banners[0], { ...settings.banners[1], title: '' }],
      hotWords: ['龙井', '白茶'],
      freeShippingThresholdFen: 9900,
    });

    const badLink = await call(ctx, 'PUT', `${M}/storefront-settings`, owner.headers(), {
      ...settings,
      banners: [{ imageUrl: 'https://img.example.com/b1.jpg', link: { type: 'page', page: 'nowhere' } }],
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body.error.details.issues[0].field).toBe('banners.0.link.page');
    const negative = await call(ctx, 'PUT', `${M}/storefront-settings`, owner.headers(), { ...settings, salesCountThreshold: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.issues[0].field).toBe('salesCountThreshold');
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'PUT', `${M}/storefront-settings`, viewer.headers(), settings)).status).toBe(403);
  });
});

describe('paths nothing serves', () => {
  it('answers JSON 404 under /api/, /payments/ and /__sim/, and 405 with Allow for a wrong method', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-h5-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
    fs.mkdirSync(path.join(dir, 'js'));
    fs.writeFileSync(path.join(dir, 'js/app.js'), 'console.log(1)');
    const site = await createTestContext({ staticDir: dir });
    try {
      for (const p of [
        '/api/v1/prodcts',
        '/api/v2/products',
        '/api/',
        '/payments/unknown',
        '/payments/notify/weapp/extra',
        '/payments/',
        '/__sim/nothing-here',
        '/no-such-file.js',
      ]) {
        const res = await site.app.request(p);
        expect(res.status, p).toBe(404);
        expect(res.headers.get('content-type'), p).toMatch(/^application\/json/);
        expect((await res.json()).error.code, p).toBe('NOT_FOUND');
      }
      for (const [method, p, allow] of [
        ['GET', '/payments/notify/weapp', 'POST'],
        ['DELETE', '/api/v1/products', 'GET, HEAD'],
        ['POST', '/api/v1/products/1', 'GET, HEAD'],
        ['GET', '/api/v1/auth/login', 'POST'],
        ['GET', '/__sim/login-codes', 'POST'],
      ] as const) {
        const res = await site.app.request(p, { method });
        expect(res.status, `${method} ${p}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${p}`).toBe(allow);
        expect((await res.json()).error.code).toBe('METHOD_NOT_ALLOWED');
      }
      // The storefront still serves its files and its page routes.
      for (const p of ['/', '/index.html', '/js/app.js', '/package-product/pages/detail/index', '/package-order/pages/detail/index']) {
        expect((await site.app.request(p)).status, p).toBe(200);
      }
    } finally {
      await site.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the API reference and every asset it loads from this API (nothing from a CDN)', async () => {
    const docs = await ctx.app.request('/api/docs');
    expect(docs.status).toBe(200);
    const html = await docs.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      expect(url, 'same-origin path').toMatch(/^\/api\/docs\/assets\//);
      const res = await ctx.app.request(url);
      expect(res.status, url).toBe(200);
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(50);
    }
    expect(html).not.toMatch(/https?:\/\//);
    expect((await ctx.app.request('/api/docs/assets/secret.txt')).status).toBe(404);
    expect((await ctx.app.request('/api/openapi.json')).status).toBe(200);
  });
});

describe('cart and checkout agree', () => {
  it('leaves an off-shelf or sold-out selected line out of checkout, keeping it in the cart, and buys the rest', async () => {
    const member = await loginMember(ctx);
    const addressId = await addAddress(ctx, member);
    const kept = await createProduct(ctx, owner, { skus: [{ priceFen: 2000, stock: 5 }] });
    const gone = await createProduct(ctx, owner, { skus: [{ priceFen: 3000, stock: 5 }] });
    const soldOut = await createProduct(ctx, owner, { skus: [{ priceFen: 4000, stock: 1 }] });
    for (const p of [kept, gone, soldOut]) {
      expect((await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[0]!.id, quantity: 1 })).status).toBe(200);
    }
    expect((await call(ctx, 'POST', `${M}/products/${gone.id}/unshelve`, owner.headers())).status).toBe(200);
    await ctx.db.updateTable('skus').set({ stock: 0 }).where('id', '=', soldOut.skus[0]!.id).execute();

    const cart = await call(ctx, 'GET', '/api/v1/cart', member.headers());
    expect(cart.body).toMatchObject({ selectedCount: 1, selectedItemsFen: 2000 });
    const preview = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), { fromCart: true, addressId });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ itemsFen: 2000, canSubmit: true });
    expect(preview.body.lines.map((l: { skuId: number }) => l.skuId)).toEqual([kept.skus[0]!.id]);

    const order = await call(ctx, 'POST', '/api/v1/orders', member.headers({ 'Idempotency-Key': 'agree-1' }), {
      fromCart: true,
      addressId,
    });
    expect(order.status).toBe(201);
    expect(order.body.lines.map((l: { skuId: number }) => l.skuId)).toEqual([kept.skus[0]!.id]);
    const after = await call(ctx, 'GET', '/api/v1/cart', member.headers());
    expect(after.body.lines.map((l: { skuId: number }) => l.skuId).sort()).toEqual([gone.skus[0]!.id, soldOut.skus[0]!.id].sort());

    // Nothing buyable left selected: a 400 naming fromCart, as for an empty selection.
    const nothing = await call(ctx, 'POST', '/api/v1/checkout/preview', member.headers(), { fromCart: true, addressId });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.details.issues[0].field).toBe('fromCart');
  });
});

describe('a cancel reason', () => {
  it('keeps the member’s reason in the order’s history; without one the cancel still works; a bad one is a 400 naming reason', async () => {
    const member = await loginMember(ctx);
    const addressId = await addAddress(ctx, member);
    const product = await createProduct(ctx, owner);
    const place = async (key: string) =>
      (
        await call(ctx, 'POST', '/api/v1/orders', member.headers({ 'Idempotency-Key': key }), {
          items: [{ skuId: product.skus[0]!.id, quantity: 1 }],
          addressId,
        })
      ).body;
    const first = await place('cancel-1');
    const tooLong = await call(ctx, 'POST', `/api/v1/orders/${first.id}/cancel`, member.headers({ 'Idempotency-Key': 'c-0' }), {
      reason: 'x'.repeat(101),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.issues[0].field).toBe('reason');
    const cancelled = await call(ctx, 'POST', `/api/v1/orders/${first.id}/cancel`, member.headers({ 'Idempotency-Key': 'c-1' }), {
      reason: '不想要了',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.events.at(-1)).toMatchObject({ toStatus: 'cancelled', note: 'cancelled by member: 不想要了' });
    const second = await place('cancel-2');
    const plain = await call(ctx, 'POST', `/api/v1/orders/${second.id}/cancel`, member.headers({ 'Idempotency-Key': 'c-2' }));
    expect(plain.status).toBe(200);
    expect(plain.body.events.at(-1)).toMatchObject({ toStatus: 'cancelled', note: 'cancelled by member' });
  });
});
