import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, type StaffSession, type TestMember, withOwnerAndMember, M } from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
let member: TestMember;
eachTestContext(withOwnerAndMember, (s) => ({ ctx, owner, member } = s));

const productCount = async () => (await ctx.db.selectFrom('products').select('id').execute()).length;

describe('categories', () => {
  it('builds a two-level tree and refuses a third level', async () => {
    const tea = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '茶叶', sortOrder: 2 });
    expect(tea.status).toBe(201);
    const green = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '绿茶', parentId: tea.body.id });
    expect(green.status).toBe(201);
    const third = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '龙井', parentId: green.body.id });
    expect(third.status).toBe(400);
    expect(third.body.error.details.issues[0].field).toBe('parentId');
    const tree = await call(ctx, 'GET', '/api/v1/categories', {});
    expect(tree.body).toEqual([
      {
        id: tea.body.id,
        name: '茶叶',
        parentId: null,
        sortOrder: 2,
        children: [{ id: green.body.id, name: '绿茶', parentId: tea.body.id, sortOrder: 0 }],
      },
    ]);
    const renamed = await call(ctx, 'PATCH', `${M}/categories/${green.body.id}`, owner.headers(), { name: '名优绿茶' });
    expect(renamed.body.name).toBe('名优绿茶');
  });
});

describe('products', () => {
  it('creates a draft with SKUs, hides it from members until shelved, and hides it again when unshelved', async () => {
    const created = await call(ctx, 'POST', `${M}/products`, owner.headers(), {
      title: '明前龙井 250g',
      imageUrls: ['https://img.example.com/lj.jpg'],
      description: '<p>西湖产区</p>',
      skus: [
        { code: 'LJ-250', specs: { 规格: '250g' }, priceFen: 16800, stock: 5 },
        { code: 'LJ-500', specs: { 规格: '500g' }, priceFen: 29800, stock: 0 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      minPriceFen: 16800,
      maxPriceFen: 29800,
      inStock: true,
      coverUrl: 'https://img.example.com/lj.jpg',
      salesCount: 0,
    });
    const id = created.body.id;
    expect((await call(ctx, 'GET', `/api/v1/products/${id}`, {})).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/products', {})).body.total).toBe(0);

    expect((await call(ctx, 'POST', `${M}/products/${id}/shelve`, owner.headers())).body.status).toBe('on_shelf');
    const shelvedAgain = await call(ctx, 'POST', `${M}/products/${id}/shelve`, owner.headers());
    expect(shelvedAgain.status).toBe(409);
    expect(shelvedAgain.body.error.code).toBe('INVALID_STATE');
    const seen = await call(ctx, 'GET', `/api/v1/products/${id}`, member.headers());
    expect(seen.status).toBe(200);
    expect(seen.body.skus.map((s: { specs: unknown }) => s.specs)).toEqual([{ 规格: '250g' }, { 规格: '500g' }]);

    expect((await call(ctx, 'POST', `${M}/products/${id}/unshelve`, owner.headers())).body.status).toBe('off_shelf');
    expect((await call(ctx, 'GET', `/api/v1/products/${id}`, {})).status).toBe(404);
    expect((await call(ctx, 'POST', `${M}/products/${id}/unshelve`, owner.headers())).status).toBe(409);
    // Movements record the initial stock.
    const moves = await call(ctx, 'GET', `${M}/skus/${created.body.skus[0].id}/stock-movements`, owner.headers());
    expect(moves.body.movements).toEqual([expect.objectContaining({ delta: 5, stockAfter: 5, kind: 'initial' })]);
  });

  it('edits fields and SKUs; a duplicate SKU code is a conflict', async () => {
    const p = await createProduct(ctx, owner);
    const edited = await call(ctx, 'PATCH', `${M}/products/${p.id}`, owner.headers(), { title: '新标题', sortOrder: 9 });
    expect(edited.body).toMatchObject({ title: '新标题', sortOrder: 9 });
    const sku = await call(ctx, 'PATCH', `${M}/skus/${p.skus[0]!.id}`, owner.headers(), { priceFen: 2500 });
    expect(sku.body.priceFen).toBe(2500);
    const added = await call(ctx, 'POST', `${M}/products/${p.id}/skus`, owner.headers(), {
      code: 'EXTRA-1',
      specs: { 口味: '辣' },
      priceFen: 100,
      stock: 3,
    });
    expect(added.status).toBe(201);
    expect(added.body.skus).toHaveLength(2);
    const dup = await call(ctx, 'POST', `${M}/products/${p.id}/skus`, owner.headers(), { code: 'EXTRA-1', priceFen: 100 });
    expect(dup.status).toBe(409);
    expect((await call(ctx, 'PATCH', `${M}/products/999999`, owner.headers(), { title: 'x' })).status).toBe(404);
  });

  it('makes a unique SKU code when none is typed, and a reused code is a 409 naming the field', async () => {
    const made = await call(ctx, 'POST', `${M}/products`, owner.headers(), {
      title: '无编码商品',
      skus: [
        { specs: { 颜色: '红' }, priceFen: 100, stock: 1 },
        { code: '  ', specs: { 颜色: '蓝' }, priceFen: 100 },
        { code: 'KEEP-1', specs: { 颜色: '绿' }, priceFen: 100 },
      ],
    });
    expect(made.status).toBe(201);
    const codes = made.body.skus.map((s: any) => s.code);
    expect(codes[2]).toBe('KEEP-1');
    expect(codes[0]).toMatch(/^S[0-9A-Z]{10}$/);
    expect(codes[1]).toMatch(/^S[0-9A-Z]{10}$/);
    expect(new Set(codes).size).toBe(3);
    const added = await call(ctx, 'POST', `${M}/products/${made.body.id}/skus`, owner.headers(), { specs: { 颜色: '黑' }, priceFen: 100 });
    expect(added.status).toBe(201);
    expect(added.body.skus.at(-1).code).toMatch(/^S[0-9A-Z]{10}$/);

    const before = await productCount();
    const reused = await call(ctx, 'POST', `${M}/products`, owner.headers(), {
      title: '重复编码',
      skus: [
        { code: 'NEW-1', priceFen: 100 },
        { code: 'KEEP-1', specs: { 颜色: '红' }, priceFen: 100 },
      ],
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.details.issues).toEqual([{ field: 'skus.1.code', code: 'already_taken', message: expect.any(String) }]);
    expect(await productCount()).toBe(before);
    const patched = await call(ctx, 'PATCH', `${M}/skus/${made.body.skus[0].id}`, owner.headers(), { code: 'KEEP-1' });
    expect(patched.status).toBe(409);
    expect(patched.body.error.details.issues[0]).toMatchObject({ field: 'code', code: 'already_taken' });
  });

  it('lists with filters and pagination for merchants, and by category and keyword for members', async () => {
    const snacks = (await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '零食' })).body;
    const nuts = (await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '坚果', parentId: snacks.id })).body;
    await createProduct(ctx, owner, { title: '每日坚果 100%_混合', categoryId: nuts.id });
    await createProduct(ctx, owner, { title: '手撕牛肉干', categoryId: snacks.id });
    await createProduct(ctx, owner, { title: '草稿坚果', categoryId: nuts.id, shelve: false });
    await createProduct(ctx, owner, { title: 'Green Tea' });

    const all = await call(ctx, 'GET', `${M}/products?pageSize=2`, owner.headers());
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);
    expect((await call(ctx, 'GET', `${M}/products?status=draft`, owner.headers())).body.items.map((p: any) => p.title)).toEqual(['草稿坚果']);
    expect((await call(ctx, 'GET', `${M}/products?keyword=坚果`, owner.headers())).body.total).toBe(2);

    expect((await call(ctx, 'GET', `/api/v1/products?categoryId=${snacks.id}`, {})).body.total).toBe(2);
    expect((await call(ctx, 'GET', `/api/v1/products?categoryId=${nuts.id}`, {})).body.items.map((p: any) => p.title)).toEqual([
      '每日坚果 100%_混合',
    ]);
    expect((await call(ctx, 'GET', '/api/v1/products?keyword=坚果', {})).body.total).toBe(1);
    expect((await call(ctx, 'GET', '/api/v1/products?keyword=green', {})).body.total).toBe(1);
    // LIKE wildcards in a keyword are literal.
    expect((await call(ctx, 'GET', '/api/v1/products?keyword=%25_', {})).body.total).toBe(1);
    expect((await call(ctx, 'GET', '/api/v1/products?keyword=_', {})).body.total).toBe(1);
    expect((await call(ctx, 'GET', '/api/v1/products?page=2&pageSize=2', {})).body.items).toHaveLength(1);
    // Past the last page: no items, the total still counted.
    expect((await call(ctx, 'GET', '/api/v1/products?page=5&pageSize=2', {})).body).toMatchObject({ items: [], total: 3, page: 5 });
  });

  it.each([
    [{ title: '', skus: [{ code: 'A', priceFen: 1 }] }, 'title'],
    [{ title: 'x'.repeat(61), skus: [{ code: 'A', priceFen: 1 }] }, 'title'],
    [{ title: 't', skus: [] }, 'skus'],
    [{ title: 't', skus: [{ code: 'A', priceFen: -1 }] }, 'skus.0.priceFen'],
    [{ title: 't', skus: [{ code: 'A', priceFen: 1.5 }] }, 'skus.0.priceFen'],
    [{ title: 't', skus: [{ code: 'A', priceFen: 1e16 }] }, 'skus.0.priceFen'],
    [{ title: 't', skus: [{ code: 'A', priceFen: '100' }] }, 'skus.0.priceFen'],
    [{ title: 't', skus: [{ code: 'A B', priceFen: 1 }] }, 'skus.0.code'],
    [{ title: 't', skus: [{ code: 'A', priceFen: 1, stock: -3 }] }, 'skus.0.stock'],
    [
      {
        title: 't',
        skus: [
          { code: 'A', priceFen: 1 },
          { code: 'A', priceFen: 2 },
        ],
      },
      'skus.1.code',
    ],
    [{ title: 't', skus: [{ code: 'A', priceFen: 1, specs: { 颜色: 'x'.repeat(31) } }] }, 'skus.0.specs.颜色'],
    [{ title: 't', imageUrls: ['javascript:alert(1)'], skus: [{ code: 'A', priceFen: 1 }] }, 'imageUrls.0'],
    [{ title: 't', description: 'x'.repeat(20_001), skus: [{ code: 'A', priceFen: 1 }] }, 'description'],
    [{ title: 't', status: 'on_shelf', skus: [{ code: 'A', priceFen: 1 }] }, 'body'],
    [{ title: 't', salesCount: 999, skus: [{ code: 'A', priceFen: 1 }] }, 'body'],
  ])('refuses product %j with 400 naming %s and writes nothing', async (body, field) => {
    const res = await call(ctx, 'POST', `${M}/products`, owner.headers(), body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await productCount()).toBe(0);
  });

  it('refuses bad queries and paths with 400', async () => {
    for (const [path, field] of [
      ['/api/v1/products?page=0', 'query.page'],
      ['/api/v1/products?pageSize=1000', 'query.pageSize'],
      ['/api/v1/products?categoryId=abc', 'query.categoryId'],
      ['/api/v1/products/abc', 'path.id'],
      [`${M}/products?status=sold`, 'query.status'],
    ] as const) {
      const res = await call(ctx, 'GET', path, owner.headers());
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(field);
    }
  });

  it('refuses member tokens on merchant endpoints and lets viewers read but not write', async () => {
    const p = await createProduct(ctx, owner);
    expect((await call(ctx, 'GET', `${M}/products`, member.headers())).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/products`, member.headers(), { title: 't', skus: [{ code: 'Z', priceFen: 1 }] })).status).toBe(403);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'GET', `${M}/products/${p.id}`, viewer.headers())).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', `${M}/products`, { title: 't', skus: [{ code: 'Z', priceFen: 1 }] }],
      ['PATCH', `${M}/products/${p.id}`, { title: 'x' }],
      ['POST', `${M}/products/${p.id}/unshelve`, undefined],
      ['POST', `${M}/skus/${p.skus[0]!.id}/stock-adjustments`, { delta: 5, reason: 'x' }],
      ['POST', `${M}/categories`, { name: 'x' }],
    ] as const) {
      expect((await call(ctx, method, path, viewer.headers(), body)).status, path).toBe(403);
    }
    const operator = await createStaffAndLogin(ctx, 'operator');
    expect((await call(ctx, 'PATCH', `${M}/products/${p.id}`, operator.headers(), { title: 'ok' })).status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/products`, {})).status).toBe(401);
  });
});

describe('stock adjustments', () => {
  it('moves stock with a reason, records every change, and never goes below zero', async () => {
    const p = await createProduct(ctx, owner, { skus: [{ priceFen: 100, stock: 3 }] });
    const skuId = p.skus[0]!.id;
    const up = await call(ctx, 'POST', `${M}/skus/${skuId}/stock-adjustments`, owner.headers(), { delta: 7, reason: '到货' });
    expect(up.body.stock).toBe(10);
    const tooMuch = await call(ctx, 'POST', `${M}/skus/${skuId}/stock-adjustments`, owner.headers(), { delta: -11, reason: '盘亏' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('OUT_OF_STOCK');
    for (const [body, field] of [
      [{ delta: 0, reason: 'x' }, 'delta'],
      [{ delta: 1.5, reason: 'x' }, 'delta'],
      [{ delta: 1 }, 'reason'],
      [{ delta: 1, reason: 'x'.repeat(201) }, 'reason'],
    ] as const) {
      const bad = await call(ctx, 'POST', `${M}/skus/${skuId}/stock-adjustments`, owner.headers(), body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.issues[0].field).toBe(field);
    }
    const moves = (await call(ctx, 'GET', `${M}/skus/${skuId}/stock-movements`, owner.headers())).body;
    expect(moves.sku.stock).toBe(10);
    expect(moves.movements.map((m: any) => [m.delta, m.stockAfter, m.kind, m.reason])).toEqual([
      [7, 10, 'adjustment', '到货'],
      [3, 3, 'initial', 'initial stock'],
    ]);
    expect((await call(ctx, 'POST', `${M}/skus/999999/stock-adjustments`, owner.headers(), { delta: 1, reason: 'x' })).status).toBe(404);
  });

  it('keeps stock exact under concurrent adjustments, refusing those that would go negative', async () => {
    const p = await createProduct(ctx, owner, { skus: [{ priceFen: 100, stock: 10 }] });
    const skuId = p.skus[0]!.id;
    const requests = [
      ...Array.from({ length: 20 }, () => call(ctx, 'POST', `${M}/skus/${skuId}/stock-adjustments`, owner.headers(), { delta: -1, reason: '出库' })),
      ...Array.from({ length: 5 }, () => call(ctx, 'POST', `${M}/skus/${skuId}/stock-adjustments`, owner.headers(), { delta: 2, reason: '入库' })),
    ];
    const results = await Promise.all(requests);
    const okDecrements = results.slice(0, 20).filter((r) => r.status === 200).length;
    expect(results.slice(20).every((r) => r.status === 200)).toBe(true);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const sku = await ctx.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow();
    expect(Number(sku.stock)).toBe(10 + 10 - okDecrements);
    expect(Number(sku.stock)).toBeGreaterThanOrEqual(0);
    const sum = await ctx.db.selectFrom('stock_movements').select('delta').where('sku_id', '=', skuId).execute();
    expect(sum.reduce((a, m) => a + Number(m.delta), 0)).toBe(Number(sku.stock));
  });

  it('keeps the movement record append-only', async () => {
    const p = await createProduct(ctx, owner);
    await expect(ctx.db.updateTable('stock_movements').set({ delta: 1000 }).where('sku_id', '=', p.skus[0]!.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.db.deleteFrom('stock_movements').execute()).rejects.toThrow(/append-only/);
  });
});
