import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, loginMember, type StaffSession, type TestMember, withOwnerAndMember, TEST_ADDRESS } from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
let member: TestMember;
eachTestContext(withOwnerAndMember, (s) => ({ ctx, owner, member } = s));

const addressRows = () => ctx.db.selectFrom('addresses').selectAll().execute();

describe('address regions', () => {
  it.each([
    [{ province: '浙江' }, 'province'],
    [{ province: '火星省' }, 'province'],
    [{ city: '南京市' }, 'city'],
    [{ district: '海淀区' }, 'district'],
    [{ province: '北京市', city: '北京市', district: '西湖区' }, 'district'],
  ])('refuses a region not in the data set with a 400 naming the field (%j) and writes nothing', async (change, field) => {
    const res = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), { ...TEST_ADDRESS, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.issues[0].field).toBe(field);
    expect(await addressRows()).toEqual([]);
  });

  it('accepts municipalities and checks a changed region against the rest of the stored address', async () => {
    const bj = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), {
      ...TEST_ADDRESS,
      province: '北京市',
      city: '北京市',
      district: '海淀区',
    });
    expect(bj.status).toBe(201);
    // Changing only the district: checked within the stored province and city.
    expect((await call(ctx, 'PATCH', `/api/v1/addresses/${bj.body.id}`, member.headers(), { district: '朝阳区' })).status).toBe(200);
    const bad = await call(ctx, 'PATCH', `/api/v1/addresses/${bj.body.id}`, member.headers(), { district: '西湖区' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('district');
    expect((await addressRows())[0]).toMatchObject({ district: '朝阳区' });
  });

  it('keeps an address stored before the check usable: changes that leave its region alone are accepted', async () => {
    const created = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), TEST_ADDRESS);
    await ctx.db.updateTable('addresses').set({ province: '旧省', city: '旧市', district: '旧区' }).where('id', '=', created.body.id).execute();
    const edited = await call(ctx, 'PATCH', `/api/v1/addresses/${created.body.id}`, member.headers(), { detail: '新门牌 2 号', isDefault: true });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ province: '旧省', detail: '新门牌 2 号' });
    expect((await call(ctx, 'GET', `/api/v1/addresses/${created.body.id}`, member.headers())).status).toBe(200);
  });
});

describe('addresses', () => {
  it('creates, lists, edits and deletes; the first is the default and one default is kept', async () => {
    const first = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), TEST_ADDRESS);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...TEST_ADDRESS, isDefault: true });
    const second = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), { ...TEST_ADDRESS, name: '王芳' });
    expect(second.body.isDefault).toBe(false);
    const third = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), { ...TEST_ADDRESS, name: '陈杰', isDefault: true });
    expect(third.body.isDefault).toBe(true);
    let list = (await call(ctx, 'GET', '/api/v1/addresses', member.headers())).body.items;
    expect(list.map((a: any) => [a.name, a.isDefault])).toEqual([
      ['陈杰', true],
      ['王芳', false],
      ['林晓', false],
    ]);

    const edited = await call(ctx, 'PATCH', `/api/v1/addresses/${second.body.id}`, member.headers(), { detail: '新地址', isDefault: true });
    expect(edited.body).toMatchObject({ detail: '新地址', isDefault: true });
    list = (await call(ctx, 'GET', '/api/v1/addresses', member.headers())).body.items;
    expect(list.filter((a: any) => a.isDefault).map((a: any) => a.id)).toEqual([second.body.id]);

    expect((await call(ctx, 'DELETE', `/api/v1/addresses/${first.body.id}`, member.headers())).status).toBe(204);
    expect((await call(ctx, 'GET', `/api/v1/addresses/${first.body.id}`, member.headers())).status).toBe(404);
  });

  it('answers 404 for another member’s address and changes nothing', async () => {
    const mine = (await call(ctx, 'POST', '/api/v1/addresses', member.headers(), TEST_ADDRESS)).body;
    const other = await loginMember(ctx);
    expect((await call(ctx, 'GET', `/api/v1/addresses/${mine.id}`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'PATCH', `/api/v1/addresses/${mine.id}`, other.headers(), { name: '黑客' })).status).toBe(404);
    expect((await call(ctx, 'DELETE', `/api/v1/addresses/${mine.id}`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/addresses', other.headers())).body.items).toEqual([]);
    expect((await addressRows())[0]).toMatchObject({ name: '林晓' });
  });

  it.each([
    [{ ...TEST_ADDRESS, phone: '12345678901' }, 'phone'],
    [{ ...TEST_ADDRESS, phone: '1381234567' }, 'phone'],
    [{ ...TEST_ADDRESS, name: '' }, 'name'],
    [{ ...TEST_ADDRESS, detail: 'x'.repeat(121) }, 'detail'],
    [{ ...TEST_ADDRESS, city: undefined }, 'city'],
    [{ ...TEST_ADDRESS, isDefault: 'yes' }, 'isDefault'],
    [{ ...TEST_ADDRESS, memberId: 1 }, 'body'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: any) => i.field)).toContain(field);
    expect(await addressRows()).toHaveLength(0);
  });

  it('keeps at most one default and at most 20 addresses under concurrent requests', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call(ctx, 'POST', '/api/v1/addresses', member.headers(), { ...TEST_ADDRESS, name: `收件人${i}`, isDefault: true }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    expect(results.filter((r) => r.status !== 201).every((r) => r.body.error.code === 'LIMIT_REACHED')).toBe(true);
    const rows = await addressRows();
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.is_default === 1)).toHaveLength(1);
    // Racing "make default" on several addresses: still exactly one.
    await Promise.all(rows.slice(0, 10).map((r) => call(ctx, 'PATCH', `/api/v1/addresses/${r.id}`, member.headers(), { isDefault: true })));
    expect((await addressRows()).filter((r) => r.is_default === 1)).toHaveLength(1);
  });

  it('refuses staff tokens on member endpoints', async () => {
    expect((await call(ctx, 'GET', '/api/v1/addresses', owner.headers())).status).toBe(403);
  });
});

describe('cart', () => {
  it('adds, merges, changes, selects and removes lines', async () => {
    const p = await createProduct(ctx, owner, {
      skus: [
        { priceFen: 1000, stock: 50 },
        { priceFen: 2500, stock: 50 },
      ],
    });
    const [a, b] = p.skus as unknown as [{ id: number }, { id: number }];
    let cart = (await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: a.id, quantity: 2 })).body;
    cart = (await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: a.id, quantity: 3 })).body;
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({ skuId: a.id, quantity: 5, selected: true, priceFen: 1000, problems: [] });
    cart = (await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: b.id })).body;
    expect(cart).toMatchObject({ selectedCount: 2, selectedItemsFen: 5 * 1000 + 2500 });
    const lineB = cart.lines.find((l: any) => l.skuId === b.id);
    cart = (await call(ctx, 'PATCH', `/api/v1/cart/lines/${lineB.id}`, member.headers(), { quantity: 4, selected: false })).body;
    expect(cart).toMatchObject({ selectedCount: 1, selectedItemsFen: 5000 });
    cart = (await call(ctx, 'PUT', '/api/v1/cart/selection', member.headers(), { selected: true })).body;
    expect(cart.selectedItemsFen).toBe(5000 + 4 * 2500);
    cart = (await call(ctx, 'DELETE', `/api/v1/cart/lines/${lineB.id}`, member.headers())).body;
    expect(cart.lines).toHaveLength(1);
    // Merging past 99 is refused.
    const over = await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: a.id, quantity: 95 });
    expect(over.status).toBe(409);
    expect((await call(ctx, 'GET', '/api/v1/cart', member.headers())).body.lines[0].quantity).toBe(5);
  });

  it('flags stale lines instead of dropping them', async () => {
    const p1 = await createProduct(ctx, owner, { skus: [{ priceFen: 1000, stock: 3 }] });
    const p2 = await createProduct(ctx, owner, { skus: [{ priceFen: 500, stock: 10 }] });
    const p3 = await createProduct(ctx, owner, { skus: [{ priceFen: 800, stock: 10 }] });
    const p4 = await createProduct(ctx, owner, { skus: [{ priceFen: 900, stock: 10 }] });
    for (const [p, q] of [
      [p1, 2],
      [p2, 1],
      [p3, 1],
      [p4, 1],
    ] as const)
      await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[0]!.id, quantity: q });
    await call(ctx, 'POST', `/api/v1/merchant/skus/${p1.skus[0]!.id}/stock-adjustments`, owner.headers(), { delta: -2, reason: '损耗' });
    await call(ctx, 'POST', `/api/v1/merchant/products/${p2.id}/unshelve`, owner.headers());
    await call(ctx, 'PATCH', `/api/v1/merchant/skus/${p3.skus[0]!.id}`, owner.headers(), { priceFen: 850 });
    await call(ctx, 'POST', `/api/v1/merchant/skus/${p4.skus[0]!.id}/stock-adjustments`, owner.headers(), { delta: -10, reason: '售罄' });
    const cart = (await call(ctx, 'GET', '/api/v1/cart', member.headers())).body;
    const bySku = (p: { skus: { id: number }[] }) => cart.lines.find((l: any) => l.skuId === p.skus[0]!.id);
    expect(cart.lines).toHaveLength(4);
    expect(bySku(p1).problems).toEqual(['insufficient_stock']);
    expect(bySku(p2).problems).toEqual(['off_shelf']);
    expect(bySku(p3)).toMatchObject({ problems: ['price_changed'], priceFen: 850, priceWhenAddedFen: 800 });
    expect(bySku(p4).problems).toEqual(['out_of_stock']);
    expect(cart).toMatchObject({ selectedCount: 1, selectedItemsFen: 850 });
  });

  it('refuses bad input, unknown or unlisted SKUs, and other members’ lines', async () => {
    const p = await createProduct(ctx, owner);
    const draft = await createProduct(ctx, owner, { shelve: false });
    for (const [body, field] of [
      [{ skuId: p.skus[0]!.id, quantity: 0 }, 'quantity'],
      [{ skuId: p.skus[0]!.id, quantity: 100 }, 'quantity'],
      [{ skuId: p.skus[0]!.id, quantity: -1 }, 'quantity'],
      [{ skuId: 'x' }, 'skuId'],
      [{ skuId: p.skus[0]!.id, priceFen: 1 }, 'body'],
    ] as const) {
      const res = await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues.map((i: any) => i.field)).toContain(field);
    }
    expect((await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: draft.skus[0]!.id })).status).toBe(404);
    expect((await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: 999999 })).status).toBe(404);
    expect(await ctx.db.selectFrom('cart_lines').selectAll().execute()).toHaveLength(0);

    const line = (await call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[0]!.id })).body.lines[0];
    const other = await loginMember(ctx);
    expect((await call(ctx, 'PATCH', `/api/v1/cart/lines/${line.id}`, other.headers(), { quantity: 9 })).status).toBe(404);
    expect((await call(ctx, 'DELETE', `/api/v1/cart/lines/${line.id}`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/cart', other.headers())).body.lines).toEqual([]);
    expect((await call(ctx, 'GET', '/api/v1/cart', member.headers())).body.lines[0].quantity).toBe(1);
  });

  it('merges concurrent adds of the same SKU into one line with the summed quantity', async () => {
    const p = await createProduct(ctx, owner, { skus: [{ priceFen: 100, stock: 100 }] });
    await Promise.all(
      Array.from({ length: 10 }, () => call(ctx, 'POST', '/api/v1/cart/lines', member.headers(), { skuId: p.skus[0]!.id, quantity: 2 })),
    );
    const rows = await ctx.db.selectFrom('cart_lines').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.quantity).toBe(20);
  });
});

describe('method override for mini-program clients (no PATCH in wx.request / tt.request)', () => {
  it('routes a POST carrying X-HTTP-Method-Override as PATCH or DELETE, idempotency included', async () => {
    const created = (await call(ctx, 'POST', '/api/v1/addresses', member.headers(), TEST_ADDRESS)).body;
    const key = { 'Idempotency-Key': 'override-edit-1' };
    const edited = await call(
      ctx,
      'POST',
      `/api/v1/addresses/${created.id}`,
      { ...member.headers(), ...key, 'X-HTTP-Method-Override': 'PATCH' },
      { detail: '改过的地址' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.id, detail: '改过的地址' });
    const replay = await call(
      ctx,
      'POST',
      `/api/v1/addresses/${created.id}`,
      { ...member.headers(), ...key, 'X-HTTP-Method-Override': 'PATCH' },
      { detail: '改过的地址' },
    );
    expect(replay).toEqual(edited);
    expect((await addressRows())[0]!.detail).toBe('改过的地址');

    const other = await loginMember(ctx, { user: 'someone-else' });
    expect((await call(ctx, 'POST', `/api/v1/addresses/${created.id}`, { ...other.headers(), 'X-HTTP-Method-Override': 'DELETE' })).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/addresses/${created.id}`, { ...member.headers(), 'X-HTTP-Method-Override': 'DELETE' })).status).toBe(
      204,
    );
    expect(await addressRows()).toHaveLength(0);
  });

  it('refuses an override on anything but a POST, or naming anything but PUT, PATCH or DELETE, with 400 naming the header', async () => {
    const created = (await call(ctx, 'POST', '/api/v1/addresses', member.headers(), TEST_ADDRESS)).body;
    for (const [method, wanted] of [
      ['POST', 'GET'],
      ['POST', 'patch'],
      ['POST', 'CONNECT'],
      ['PUT', 'DELETE'],
    ] as const) {
      const res = await call(
        ctx,
        method,
        `/api/v1/addresses/${created.id}`,
        { ...member.headers(), 'X-HTTP-Method-Override': wanted },
        { detail: 'x' },
      );
      expect(res.status, `${method} with ${wanted}`).toBe(400);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['header.X-HTTP-Method-Override']);
    }
    expect((await addressRows())[0]!.detail).toBe(TEST_ADDRESS.detail);
  });
});
