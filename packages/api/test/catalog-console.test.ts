/** What the console adds to the catalog: bulk shelving, the low-stock filter and stock totals, image uploads. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, loginMember, type StaffSession, M } from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
let uploadsDir: string;
beforeEach(async () => {
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-uploads-'));
  ctx = await createTestContext({ uploadsDir, uploadMaxBytes: 200 * 1024 });
  owner = await createStaffAndLogin(ctx, 'owner');
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

const statusOf = async (id: number) => (await ctx.db.selectFrom('products').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('bulk shelving', () => {
  it('shelves drafts and off-shelf products, skipping the rest with their status', async () => {
    const a = await createProduct(ctx, owner, { shelve: false });
    const b = await createProduct(ctx, owner, { shelve: false });
    const c = await createProduct(ctx, owner); // already on shelf
    const res = await call(ctx, 'POST', `${M}/products/shelf`, owner.headers(), { productIds: [a.id, b.id, c.id, 999999], onShelf: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      moved: [a.id, b.id],
      skipped: [
        { id: c.id, reason: 'invalid_state', status: 'on_shelf' },
        { id: 999999, reason: 'not_found', status: null },
      ],
    });
    expect(await statusOf(a.id)).toBe('on_shelf');
    // Shelved products are what members see.
    const m = await loginMember(ctx);
    expect((await call(ctx, 'GET', `/api/v1/products/${a.id}`, m.headers())).status).toBe(200);

    const off = await call(ctx, 'POST', `${M}/products/shelf`, owner.headers(), { productIds: [a.id, b.id], onShelf: false });
    expect(off.body.moved).toEqual([a.id, b.id]);
    expect(await statusOf(b.id)).toBe('off_shelf');
    expect((await call(ctx, 'GET', `/api/v1/products/${a.id}`, m.headers())).status).toBe(404);
  });

  it('refuses bad input naming the field and moves nothing', async () => {
    const a = await createProduct(ctx, owner, { shelve: false });
    const dup = await call(ctx, 'POST', `${M}/products/shelf`, owner.headers(), { productIds: [a.id, a.id], onShelf: true });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details.issues[0].field).toBe('productIds.1');
    const empty = await call(ctx, 'POST', `${M}/products/shelf`, owner.headers(), { productIds: [], onShelf: 'yes' });
    expect(empty.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['onShelf', 'productIds']);
    expect(await statusOf(a.id)).toBe('draft');
  });

  it('is for owners and operators', async () => {
    const a = await createProduct(ctx, owner, { shelve: false });
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'POST', `${M}/products/shelf`, viewer.headers(), { productIds: [a.id], onShelf: true })).status).toBe(403);
    const m = await loginMember(ctx);
    expect((await call(ctx, 'POST', `${M}/products/shelf`, m.headers(), { productIds: [a.id], onShelf: true })).status).toBe(403);
    expect(await statusOf(a.id)).toBe('draft');
  });
});

describe('low stock', () => {
  it('filters products with a SKU at or below the threshold and shows stock totals to the merchant only', async () => {
    const low = await createProduct(ctx, owner, {
      skus: [
        { priceFen: 100, stock: 2 },
        { priceFen: 200, stock: 50 },
      ],
    });
    await createProduct(ctx, owner, { skus: [{ priceFen: 100, stock: 40 }] });
    const res = await call(ctx, 'GET', `${M}/products?lowStock=5`, owner.headers());
    expect(res.body.items.map((p: { id: number }) => p.id)).toEqual([low.id]);
    expect(res.body.items[0]).toMatchObject({ totalStock: 52, lowestStock: 2 });
    const member = await call(ctx, 'GET', '/api/v1/products?lowStock=5', {});
    expect(member.body.items).toHaveLength(2);
    expect(member.body.items[0]).not.toHaveProperty('totalStock');
    const bad = await call(ctx, 'GET', `${M}/products?lowStock=-1`, owner.headers());
    expect(bad.body.error.details.issues[0].field).toBe('query.lowStock');
  });
});

// The smallest valid images of each kind.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(14)]);

function upload(headers: Record<string, string>, bytes: Uint8Array, name = 'a.png', type = 'image/png', extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  const { 'content-type': _json, ...rest } = headers;
  return ctx.app.request(`http://shop.test${M}/uploads`, { method: 'POST', headers: { ...rest, ...extra }, body: form });
}
const storedFiles = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir, { recursive: true }).filter((f) => String(f).includes('.')) : []);

describe('image uploads', () => {
  it('stores JPEG, PNG and WebP by their bytes, answers an absolute URL, and serves it back', async () => {
    for (const [bytes, type] of [
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      const res = await upload(owner.headers(), bytes, 'photo.bin', 'application/octet-stream');
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toMatchObject({ contentType: type, bytes: bytes.length });
      expect(body.url).toMatch(/^http:\/\/shop\.test\/uploads\/products\/2026-11\/[A-Za-z0-9_-]+\.(png|jpg|webp)$/);
      const served = await ctx.app.request(new URL(body.url).pathname);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
    }
    // The URL is accepted as a product image.
    const url = (await (await upload(owner.headers(), PNG)).json()).url;
    const created = await call(ctx, 'POST', `${M}/products`, owner.headers(), {
      title: '带图商品',
      imageUrls: [url],
      skus: [{ code: 'IMG-1', priceFen: 100 }],
    });
    expect(created.status).toBe(201);
    expect(created.body.coverUrl).toBe(url);
  });

  it('builds the URL from the configured public base URL, or the proxy’s forwarded origin', async () => {
    const viaProxy = await upload(owner.headers(), PNG, 'a.png', 'image/png', {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'shop.example.com',
    });
    expect((await viaProxy.json()).url).toMatch(/^https:\/\/shop\.example\.com\/uploads\//);
    await ctx.close();
    ctx = await createTestContext({ uploadsDir, publicBaseUrl: 'https://cdn.example.com/' });
    owner = await createStaffAndLogin(ctx, 'owner');
    expect((await (await upload(owner.headers(), PNG)).json()).url).toMatch(/^https:\/\/cdn\.example\.com\/uploads\//);
  });

  it('refuses other types, empty and oversized files, and non-multipart bodies, storing nothing', async () => {
    const gif = await upload(owner.headers(), Buffer.from('GIF89a....'), 'a.png', 'image/png');
    expect(gif.status).toBe(415);
    expect((await gif.json()).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { issues: [{ field: 'file' }] } });
    const svg = await upload(owner.headers(), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg', 'image/svg+xml');
    expect(svg.status).toBe(415);
    const empty = await upload(owner.headers(), new Uint8Array(), 'a.png');
    expect(empty.status).toBe(400);
    const big = await upload(owner.headers(), Buffer.concat([PNG, Buffer.alloc(210 * 1024)]));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const noFile = await ctx.app.request(`${M}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}` },
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.details.issues[0].field).toBe('file');
    const json = await call(ctx, 'POST', `${M}/uploads`, owner.headers(), { file: 'x' });
    expect(json.status).toBe(400);
    expect(storedFiles()).toEqual([]);
  });

  it('keeps the 64 KB JSON limit everywhere else', async () => {
    const res = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
  });

  it('is for owners and operators; members and viewers are refused', async () => {
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await upload(viewer.headers(), PNG)).status).toBe(403);
    const m = await loginMember(ctx);
    expect((await upload(m.headers(), PNG)).status).toBe(403);
    expect((await upload({}, PNG)).status).toBe(401);
    expect(storedFiles()).toEqual([]);
  });

  it('serves nothing outside the uploads folder', async () => {
    for (const p of ['/uploads/../package.json', '/uploads/%2e%2e/x.png', '/uploads/products/x.exe', '/uploads/nope.png']) {
      expect((await ctx.app.request(p)).status).toBe(404);
    }
  });
});
