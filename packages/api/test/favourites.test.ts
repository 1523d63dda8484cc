/**
 * Favourites (decision 022): idempotent under parallel requests, capped per member under parallel requests, private
 * to their member, off-shelf products kept and flagged. On SQLite and PostgreSQL.
 */
import { MAX_FAVOURITES_PER_MEMBER } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, loginMember, type StaffSession, type TestMember, withOwnerAndMember } from './factories.js';

let ctx: TestContext;
let owner: StaffSession;
let member: TestMember;
eachTestContext(withOwnerAndMember, (s) => ({ ctx, owner, member } = s));

const put = (m: TestMember, productId: number | string, headers: Record<string, string> = {}) =>
  call(ctx, 'PUT', `/api/v1/me/favourites/${productId}`, m.headers(headers));
const del = (m: TestMember, productId: number | string) => call(ctx, 'DELETE', `/api/v1/me/favourites/${productId}`, m.headers());
const list = (m: TestMember, query = '') => call(ctx, 'GET', `/api/v1/me/favourites${query}`, m.headers());
const rows = (memberId?: number) => {
  let q = ctx.db.selectFrom('member_favourites').selectAll();
  if (memberId !== undefined) q = q.where('member_id', '=', memberId);
  return q.execute();
};
const countOf = async (memberId: number) =>
  Number(
    (await ctx.db.selectFrom('member_favourite_counts').select('favourites').where('member_id', '=', memberId).executeTakeFirst())?.favourites ?? 0,
  );

describe('favourites', () => {
  it('adds, reports, lists newest first with product cards, and removes; both idempotent', async () => {
    const tea = await createProduct(ctx, owner, { title: '明前龙井', skus: [{ priceFen: 12800, stock: 5 }] });
    const cup = await createProduct(ctx, owner, { title: '青瓷杯', skus: [{ priceFen: 3900, stock: 5 }] });
    expect((await call(ctx, 'GET', `/api/v1/me/favourites/${tea.id}`, member.headers())).body).toEqual({ productId: tea.id, isFavourite: false });
    const added = await put(member, tea.id);
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ productId: tea.id, isFavourite: true });
    ctx.clock.advance(1000);
    expect((await put(member, cup.id)).status).toBe(200);
    expect((await put(member, tea.id)).status).toBe(200); // again: nothing changes, its place included
    expect((await call(ctx, 'GET', `/api/v1/me/favourites/${tea.id}`, member.headers())).body.isFavourite).toBe(true);

    const page = await list(member);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(page.body.items.map((f: any) => [f.product.title, f.product.minPriceFen, f.onSale])).toEqual([
      ['青瓷杯', 3900, true],
      ['明前龙井', 12800, true],
    ]);
    expect(await countOf(member.id)).toBe(2);

    expect((await del(member, tea.id)).status).toBe(204);
    expect((await del(member, tea.id)).status).toBe(204);
    expect((await list(member)).body.items.map((f: any) => f.product.id)).toEqual([cup.id]);
    expect(await countOf(member.id)).toBe(1);
  });

  it('keeps a favourite that went off shelf, flagged, and lets it be removed; an off-shelf product cannot be added', async () => {
    const tea = await createProduct(ctx, owner);
    const draft = await createProduct(ctx, owner, { shelve: false });
    await put(member, tea.id);
    expect((await call(ctx, 'POST', `/api/v1/merchant/products/${tea.id}/unshelve`, owner.headers())).status).toBe(200);
    const page = await list(member);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ onSale: false, product: { id: tea.id, status: 'off_shelf' } });
    expect((await put(member, draft.id)).status).toBe(404);
    expect((await put(member, tea.id)).status).toBe(404);
    expect((await del(member, tea.id)).status).toBe(204);
    expect(await rows(member.id)).toEqual([]);
  });

  it('answers 404 for a product that does not exist and 400 naming the field for a bad id; writes nothing', async () => {
    const missing = await put(member, 999999);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await del(member, 999999)).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/me/favourites/999999', member.headers())).status).toBe(404);
    for (const bad of ['abc', '0', '-1', '1.5', '01', '99999999999999999999']) {
      const res = await put(member, bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('path.productId');
    }
    const badPage = await list(member, '?pageSize=1000');
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.details.issues[0].field).toBe('query.pageSize');
    expect(await rows()).toEqual([]);
  });

  it('needs a member token; a staff token is refused', async () => {
    expect((await call(ctx, 'GET', '/api/v1/me/favourites', {})).status).toBe(401);
    expect((await call(ctx, 'PUT', '/api/v1/me/favourites/1', owner.headers())).status).toBe(403);
  });

  it('never shows or changes another member’s favourites', async () => {
    const tea = await createProduct(ctx, owner);
    await put(member, tea.id);
    const other = await loginMember(ctx);
    expect((await list(other)).body).toMatchObject({ items: [], total: 0 });
    expect((await call(ctx, 'GET', `/api/v1/me/favourites/${tea.id}`, other.headers())).body.isFavourite).toBe(false);
    expect((await del(other, tea.id)).status).toBe(204);
    expect(await rows(member.id)).toHaveLength(1);
    expect(await countOf(member.id)).toBe(1);
  });

  it('parallel additions of the same favourite leave one row and a count of one', async () => {
    const tea = await createProduct(ctx, owner);
    const results = await Promise.all(Array.from({ length: 12 }, () => put(member, tea.id)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(await rows(member.id)).toHaveLength(1);
    expect(await countOf(member.id)).toBe(1);
    const removals = await Promise.all(Array.from({ length: 6 }, () => del(member, tea.id)));
    expect(removals.map((r) => r.status)).toEqual(Array(6).fill(204));
    expect(await rows(member.id)).toHaveLength(0);
    expect(await countOf(member.id)).toBe(0);
  });

  it('holds the per-member cap under parallel additions', async () => {
    const products = await Promise.all(Array.from({ length: 8 }, () => createProduct(ctx, owner)));
    // Start three short of the cap.
    await ctx.db
      .insertInto('member_favourite_counts')
      .values({ member_id: member.id, favourites: MAX_FAVOURITES_PER_MEMBER - 3 })
      .execute();
    const results = await Promise.all(products.map((p) => put(member, p.id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.body.error.code).toBe('LIMIT_REACHED');
    expect(await rows(member.id)).toHaveLength(3);
    expect(await countOf(member.id)).toBe(MAX_FAVOURITES_PER_MEMBER);
    // Removing one makes room for one.
    const kept = results.findIndex((r) => r.status === 200);
    await del(member, products[kept]!.id);
    const again = await Promise.all(products.map((p) => put(member, p.id)));
    expect(again.filter((r) => r.status === 200)).toHaveLength(3); // the two still there (idempotent) and one new
    expect(await countOf(member.id)).toBe(MAX_FAVOURITES_PER_MEMBER);
  });

  it('honours Idempotency-Key: the same key replays the stored answer and the work happens once', async () => {
    const tea = await createProduct(ctx, owner);
    const first = await put(member, tea.id, { 'idempotency-key': 'fav-1' });
    const again = await put(member, tea.id, { 'idempotency-key': 'fav-1' });
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    expect(await rows(member.id)).toHaveLength(1);
    expect(await countOf(member.id)).toBe(1);
  });

  it('pages newest first', async () => {
    const products = [];
    for (let i = 0; i < 3; i++) {
      const p = await createProduct(ctx, owner, { title: `茶${i}` });
      products.push(p);
      await put(member, p.id);
      ctx.clock.advance(1000);
    }
    const second = await list(member, '?page=2&pageSize=2');
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(second.body.items.map((f: any) => f.product.title)).toEqual(['茶0']);
  });
});
