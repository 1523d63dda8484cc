/**
 * The points mall through app.request() on SQLite and PostgreSQL: items and their rules, the member's view with why
 * not, points-only and points-plus-cash redemptions on every platform, payment windows on an injected clock, staff
 * fulfilment and cancellation, roles, bad input, other members' ids, and real concurrency for stock, limits and points.
 */
import type { LoginPlatform, MerchantPointsMallItem, PointsMallItem, PointsMallRedemption } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../src/lib/transaction.js';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, loginMember, type StaffSession, type TestMember, M } from './factories.js';
import { expectOkAck, newShopper, type Shop, type Shopper, startPayment, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

let keyCounter = 0;

async function grant(memberId: number, points: number) {
  keyCounter += 1;
  await ctx.app.services.points.post(ctx.db, {
    memberId,
    delta: points,
    reason: 'adjustment',
    kind: 'adjust',
    sourceKey: `test-grant:${memberId}:${keyCounter}:${Math.random()}`,
    at: ctx.clock.now(),
  });
}
const balance = (memberId: number) => ctx.app.services.points.balance(ctx.db, memberId);
async function expectLedgerConsistent(memberId: number) {
  const audit = await ctx.app.services.points.audit(ctx.db, memberId);
  expect(audit.balance).toBeGreaterThanOrEqual(0);
  expect(audit.ledger).toBe(audit.balance - audit.debt);
  expect(audit.lots).toBe(audit.balance);
}

const virtualItem = { kind: 'virtual', title: '会员专享停车券', instructions: '到店出示核销码即可', pointsPrice: 100, totalStock: 10, status: 'on' };

async function item(body: Record<string, unknown> = {}, staff: StaffSession = shop.owner): Promise<MerchantPointsMallItem> {
  const res = await call(ctx, 'POST', `${M}/points-mall/items`, staff.headers(), { ...virtualItem, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const redeem = (who: TestMember, body: Record<string, unknown>, extra: Record<string, string> = {}) =>
  call(ctx, 'POST', '/api/v1/points-mall/redemptions', who.headers(extra), body);
const view = async (who: TestMember, id: number): Promise<PointsMallItem> => {
  const res = await call(ctx, 'GET', `/api/v1/points-mall/items/${id}`, who.headers());
  expect(res.status).toBe(200);
  return res.body;
};
const itemRow = (id: number) => ctx.db.selectFrom('points_mall_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const redemptionCount = async (itemId: number) =>
  (
    await ctx.db
      .selectFrom('points_mall_redemptions')
      .select('id')
      .where('item_id', '=', itemId)
      .where('status', 'not in', ['cancelled', 'closed'])
      .execute()
  ).length;
const fields = (res: { body: any }) => res.body.error.details.issues.map((i: { field: string }) => i.field);

describe('items (merchant)', () => {
  it('validate, naming the field, and write nothing', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'sku' }, 'skuId'],
      [{ kind: 'coupon' }, 'couponTemplateId'],
      [{ kind: 'virtual', instructions: '' }, 'instructions'],
      [{ kind: 'virtual', skuId: shop.sku(0) }, 'skuId'],
      [{ kind: 'lottery' }, 'kind'],
      [{ pointsPrice: 0 }, 'pointsPrice'],
      [{ pointsPrice: 1.5 }, 'pointsPrice'],
      [{ cashFen: -1 }, 'cashFen'],
      [{ totalStock: -1 }, 'totalStock'],
      [{ totalStock: 10_000_001 }, 'totalStock'],
      [{ perMemberLimit: 0 }, 'perMemberLimit'],
      [{ perMemberLimit: 2, perMemberDailyLimit: 3 }, 'perMemberDailyLimit'],
      [{ onSaleFrom: '2026-12-01T00:00:00Z', onSaleUntil: '2026-11-01T00:00:00Z' }, 'onSaleUntil'],
      [{ onSaleFrom: 'tomorrow' }, 'onSaleFrom'],
      [{ title: '' }, 'title'],
      [{ title: 'a\u0000b' }, 'title'],
      [{ title: 'x'.repeat(41) }, 'title'],
      [{ status: 'maybe' }, 'status'],
      [{ kind: 'sku', skuId: 999_999 }, 'skuId'],
      [{ kind: 'coupon', couponTemplateId: 999_999 }, 'couponTemplateId'],
      [{ price: 1 }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await call(ctx, 'POST', `${M}/points-mall/items`, shop.owner.headers(), { ...virtualItem, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(fields(res), JSON.stringify(body)).toContain(field);
    }
    expect(await ctx.db.selectFrom('points_mall_items').selectAll().execute()).toEqual([]);
  });

  it('bad input on every other merchant endpoint is a 400 naming the field, and changes nothing', async () => {
    const it1 = await item();
    const before = await itemRow(it1.id);
    const cases: [string, string, unknown, string][] = [
      ['PATCH', `/points-mall/items/${it1.id}`, { pointsPrice: 0 }, 'pointsPrice'],
      ['PATCH', `/points-mall/items/${it1.id}`, { kind: 'sku' }, ''],
      ['PATCH', `/points-mall/items/${it1.id}`, { onSaleFrom: '2027-01-02T00:00:00Z', onSaleUntil: '2027-01-01T00:00:00Z' }, 'onSaleUntil'],
      ['PATCH', `/points-mall/items/${it1.id}`, { instructions: '' }, 'instructions'],
      ['PATCH', `/points-mall/items/${it1.id}`, { perMemberDailyLimit: 5, perMemberLimit: 2 }, 'perMemberDailyLimit'],
      ['PATCH', '/points-mall/items/abc', { title: 'x' }, 'path.id'],
      ['PUT', `/points-mall/items/${it1.id}/status`, { status: 'gone' }, 'status'],
      ['POST', `/points-mall/items/${it1.id}/stock`, { delta: 0, reason: '盘点' }, 'delta'],
      ['POST', `/points-mall/items/${it1.id}/stock`, { delta: -11, reason: '盘点' }, 'delta'],
      ['POST', `/points-mall/items/${it1.id}/stock`, { delta: 1 }, 'reason'],
      ['POST', `/points-mall/items/${it1.id}/stock`, { delta: 1e12, reason: 'x' }, 'delta'],
      ['POST', '/points-mall/redemptions/1/fulfil', { carrier: '顺丰', trackingNo: '!!' }, 'trackingNo'],
      ['POST', '/points-mall/redemptions/1/fulfil', { trackingNo: 'SF1234567' }, 'carrier'],
      ['POST', '/points-mall/redemptions/1/cancel', { reason: '' }, 'reason'],
      ['POST', '/points-mall/redemptions/1/cancel', {}, 'reason'],
      ['GET', '/points-mall/redemptions?status=lost', undefined, 'query.status'],
      ['GET', '/points-mall/redemptions?itemId=0x1', undefined, 'query.itemId'],
      ['GET', '/points-mall/redemptions?from=2026-13-01', undefined, 'query.from'],
      ['GET', '/points-mall/items?pageSize=1000', undefined, 'query.pageSize'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await call(ctx, method, `${M}${path}`, shop.owner.headers(), body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      if (field) expect(fields(res), `${method} ${path}`).toContain(field);
    }
    expect(await itemRow(it1.id)).toEqual(before);
  });

  it('are for staff: member tokens are refused, viewers only read, operators and owners change', async () => {
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const operator = await createStaffAndLogin(ctx, 'operator');
    const it1 = await item({}, operator);
    const writes: [string, string, unknown][] = [
      ['POST', '/points-mall/items', virtualItem],
      ['PATCH', `/points-mall/items/${it1.id}`, { title: '改' }],
      ['PUT', `/points-mall/items/${it1.id}/status`, { status: 'off' }],
      ['POST', `/points-mall/items/${it1.id}/stock`, { delta: 1, reason: '补货' }],
      ['POST', '/points-mall/redemptions/1/fulfil', { carrier: '顺丰', trackingNo: 'SF1234567' }],
      ['POST', '/points-mall/redemptions/1/cancel', { reason: '缺货' }],
    ];
    const reads = ['/points-mall/items', `/points-mall/items/${it1.id}`, '/points-mall/redemptions', '/points-mall/redemptions/1'];
    for (const [method, path, body] of writes) {
      expect((await call(ctx, method, `${M}${path}`, viewer.headers(), body)).status, `viewer ${path}`).toBe(403);
      expect((await call(ctx, method, `${M}${path}`, m.headers(), body)).status, `member ${path}`).toBe(403);
    }
    for (const path of reads) {
      expect((await call(ctx, 'GET', `${M}${path}`, m.headers())).status, `member ${path}`).toBe(403);
      expect((await call(ctx, 'GET', `${M}${path}`, {})).status).toBe(401);
    }
    expect((await call(ctx, 'GET', `${M}/points-mall/items`, viewer.headers())).body.total).toBe(1);
    expect((await call(ctx, 'GET', `${M}/points-mall/items/${it1.id}`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/points-mall/redemptions`, viewer.headers())).status).toBe(200);
    const edited = await call(ctx, 'PATCH', `${M}/points-mall/items/${it1.id}`, operator.headers(), { title: '改名' });
    expect(edited.body.title).toBe('改名');
    const off = await call(ctx, 'PUT', `${M}/points-mall/items/${it1.id}/status`, shop.owner.headers(), { status: 'off' });
    expect(off.body.status).toBe('off');
    const more = await call(ctx, 'POST', `${M}/points-mall/items/${it1.id}/stock`, operator.headers(), { delta: 5, reason: '补货' });
    expect(more.body).toMatchObject({ totalStock: 15, stockLeft: 15, redeemedCount: 0 });
    const less = await call(ctx, 'POST', `${M}/points-mall/items/${it1.id}/stock`, operator.headers(), { delta: -15, reason: '下架' });
    expect(less.body).toMatchObject({ totalStock: 0, stockLeft: 0 });
  });
});

describe('what a member sees', () => {
  it('lists items on sale with whether they can redeem each and why not; an item switched off is not found', async () => {
    const cheap = await item({ title: '便宜', pointsPrice: 50, perMemberLimit: 3, perMemberDailyLimit: 2, sortOrder: 5 });
    const dear = await item({ title: '贵', pointsPrice: 5000 });
    const gone = await item({ title: '抢光', totalStock: 0 });
    const vip = await item({ title: '会员', minTierLevel: 1 });
    const later = await item({ title: '以后', onSaleFrom: '2026-12-01T00:00:00.000Z' });
    const hidden = await item({ title: '隐藏', status: 'off' });
    await grant(m.id, 200);
    const list = await call(ctx, 'GET', '/api/v1/points-mall/items', m.headers());
    expect(list.status).toBe(200);
    expect(list.body.availablePoints).toBe(200);
    const byTitle = new Map((list.body.items as PointsMallItem[]).map((i) => [i.title, i]));
    expect([...byTitle.keys()].sort()).toEqual(['会员', '便宜', '抢光', '贵'].sort());
    expect(list.body.items[0].title).toBe('便宜');
    expect(byTitle.get('便宜')).toMatchObject({ canRedeem: true, unavailableReason: null, maxQuantity: 2 });
    expect(byTitle.get('贵')).toMatchObject({ canRedeem: false, unavailableReason: 'NOT_ENOUGH_POINTS', maxQuantity: 0 });
    expect(byTitle.get('抢光')).toMatchObject({ canRedeem: false, unavailableReason: 'SOLD_OUT' });
    expect(byTitle.get('会员')).toMatchObject({ canRedeem: false, unavailableReason: 'TIER_TOO_LOW' });
    expect((await view(m, later.id)).unavailableReason).toBe('NOT_ON_SALE');
    expect((await call(ctx, 'GET', `/api/v1/points-mall/items/${hidden.id}`, m.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/points-mall/items/999999', m.headers())).status).toBe(404);

    expect((await redeem(m, { itemId: cheap.id, quantity: 2 })).status).toBe(201);
    expect(await view(m, cheap.id)).toMatchObject({ redeemedByMe: 2, redeemedByMeToday: 2, unavailableReason: 'DAILY_LIMIT_REACHED' });
    ctx.clock.advance(24 * 3600_000);
    expect(await view(m, cheap.id)).toMatchObject({ redeemedByMe: 2, redeemedByMeToday: 0, canRedeem: true, maxQuantity: 1 });
    expect((await redeem(m, { itemId: cheap.id })).status).toBe(201);
    expect(await view(m, cheap.id)).toMatchObject({ unavailableReason: 'LIMIT_REACHED' });
    void dear;
    void gone;
    void vip;
  });

  it('refuses each rule on redeeming, with its code, and writes nothing', async () => {
    const dear = await item({ pointsPrice: 5000 });
    const gone = await item({ totalStock: 1 });
    const vip = await item({ minTierLevel: 1 });
    const later = await item({ onSaleFrom: '2026-12-01T00:00:00.000Z' });
    const hidden = await item({ status: 'off' });
    await grant(m.id, 1000);
    const other = await loginMember(ctx);
    await grant(other.id, 1000);
    expect((await redeem(other, { itemId: gone.id })).status).toBe(201);
    const expectations: [Record<string, unknown>, number, string][] = [
      [{ itemId: dear.id }, 409, 'INSUFFICIENT_POINTS'],
      [{ itemId: gone.id }, 409, 'POINTS_MALL_SOLD_OUT'],
      [{ itemId: vip.id }, 403, 'POINTS_MALL_TIER_TOO_LOW'],
      [{ itemId: later.id }, 409, 'POINTS_MALL_NOT_ON_SALE'],
      [{ itemId: hidden.id }, 404, 'NOT_FOUND'],
    ];
    for (const [body, status, code] of expectations) {
      const res = await redeem(m, body);
      expect(res.status, code).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(await balance(m.id)).toBe(1000);
    expect((await call(ctx, 'GET', '/api/v1/points-mall/redemptions', m.headers())).body.total).toBe(0);
    expect(Number((await itemRow(dear.id)).stock_left)).toBe(10);
    expect(
      await ctx.db.selectFrom('points_mall_member_totals').selectAll().where('member_id', '=', m.id).where('redeemed', '>', 0).execute(),
    ).toEqual([]);
  });

  it('bad input on every member endpoint is a 400 naming the field, and writes nothing', async () => {
    const it1 = await item();
    await grant(m.id, 1000);
    const bad: [Record<string, unknown>, string][] = [
      [{}, 'itemId'],
      [{ itemId: 'one' }, 'itemId'],
      [{ itemId: it1.id, quantity: 0 }, 'quantity'],
      [{ itemId: it1.id, quantity: 100 }, 'quantity'],
      [{ itemId: it1.id, quantity: -1 }, 'quantity'],
      [{ itemId: it1.id, quantity: 1.5 }, 'quantity'],
      [{ itemId: it1.id, addressId: 0 }, 'addressId'],
      [{ itemId: it1.id, points: 1 }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await redeem(m, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field) expect(fields(res)).toContain(field);
    }
    expect((await call(ctx, 'POST', '/api/v1/points-mall/redemptions', m.headers(), '{"itemId":')).status).toBe(400);
    for (const path of [
      '/api/v1/points-mall/items?kind=car',
      '/api/v1/points-mall/items?page=0',
      '/api/v1/points-mall/redemptions?status=x',
      '/api/v1/points-mall/items/1e1',
      '/api/v1/points-mall/redemptions/-1',
    ]) {
      expect((await call(ctx, 'GET', path, m.headers())).status, path).toBe(400);
    }
    expect((await call(ctx, 'POST', '/api/v1/points-mall/redemptions/x/cancel', m.headers(), {})).status).toBe(400);
    const sku = await item({ kind: 'sku', skuId: shop.sku(0), instructions: '' });
    const noAddress = await redeem(m, { itemId: sku.id });
    expect(noAddress.status).toBe(400);
    expect(fields(noAddress)).toEqual(['addressId']);
    const strangerAddress = await redeem(m, { itemId: sku.id, addressId: 999_999 });
    expect(strangerAddress.status).toBe(404);
    expect(await balance(m.id)).toBe(1000);
    expect(Number((await itemRow(sku.id)).stock_left)).toBe(10);
    expect(await ctx.db.selectFrom('points_mall_redemptions').selectAll().execute()).toEqual([]);
    expect((await call(ctx, 'GET', '/api/v1/points-mall/items', {})).status).toBe(401);
  });
});

describe('points-only redemptions', () => {
  it('a virtual item: points debited once, stock taken, instructions shown; replayed by Idempotency-Key; nobody else sees it', async () => {
    const it1 = await item({ pointsPrice: 120 });
    await grant(m.id, 500);
    const key = { 'idempotency-key': 'redeem-1' };
    const res = await redeem(m, { itemId: it1.id, quantity: 2 }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body as PointsMallRedemption;
    expect(r).toMatchObject({
      status: 'fulfilled',
      quantity: 2,
      points: 240,
      cashFen: 0,
      orderId: null,
      instructions: '到店出示核销码即可',
      item: { kind: 'virtual', title: '会员专享停车券', pointsPrice: 120 },
    });
    const replay = await redeem(m, { itemId: it1.id, quantity: 2 }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(r);
    expect((await redeem(m, { itemId: it1.id, quantity: 1 }, key)).status).toBe(422);
    expect(await balance(m.id)).toBe(260);
    expect(Number((await itemRow(it1.id)).stock_left)).toBe(8);
    const entry = await ctx.db
      .selectFrom('points_ledger')
      .selectAll()
      .where('member_id', '=', m.id)
      .where('reason', '=', 'mall_redemption')
      .executeTakeFirstOrThrow();
    expect(Number(entry.delta)).toBe(-240);
    expect(entry.source_key).toBe(`mall:redemption:${r.id}`);
    await expectLedgerConsistent(m.id);

    expect((await call(ctx, 'GET', `/api/v1/points-mall/redemptions/${r.id}`, m.headers())).body).toEqual(r);
    const mine = await call(ctx, 'GET', '/api/v1/points-mall/redemptions?status=fulfilled', m.headers());
    expect(mine.body.items.map((x: PointsMallRedemption) => x.id)).toEqual([r.id]);
    const other = await loginMember(ctx);
    expect((await call(ctx, 'GET', `/api/v1/points-mall/redemptions/${r.id}`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'POST', `/api/v1/points-mall/redemptions/${r.id}/cancel`, other.headers(), {})).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/points-mall/redemptions', other.headers())).body.total).toBe(0);
  });

  it('a coupon item issues the coupons through the coupons module', async () => {
    const t = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: '积分兑换券',
      kind: 'no_threshold_off',
      amountFen: 500,
      validity: { type: 'relative', days: 7 },
      perMemberLimit: 5,
      public: false,
    });
    await call(ctx, 'POST', `${M}/coupon-templates/${t.body.id}/activate`, shop.owner.headers());
    const it1 = await item({ kind: 'coupon', couponTemplateId: t.body.id, instructions: '' });
    await grant(m.id, 1000);
    const res = await redeem(m, { itemId: it1.id, quantity: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('fulfilled');
    expect(res.body.couponIds).toHaveLength(2);
    const coupons = await call(ctx, 'GET', '/api/v1/coupons', m.headers());
    expect(coupons.body.items.map((c: { id: number }) => c.id).sort()).toEqual([...res.body.couponIds].sort());
    // A coupon that cannot be issued refuses the redemption as a whole.
    const tooMany = await redeem(m, { itemId: it1.id, quantity: 4 });
    expect(tooMany.status).toBe(409);
    expect(await balance(m.id)).toBe(800);
    expect(Number((await itemRow(it1.id)).stock_left)).toBe(8);
  });

  it('a sku item waits for staff to ship it with a tracking number; staff cancel what is not shipped, giving everything back', async () => {
    const it1 = await item({ kind: 'sku', skuId: shop.sku(0), instructions: '', pointsPrice: 300, perMemberLimit: 1 });
    await grant(m.id, 1000);
    const a = await redeem(m, { itemId: it1.id, addressId: m.addressId });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ status: 'awaiting_fulfilment', address: { name: '林晓', city: '杭州市' }, carrier: null });
    // Not shipped yet: closing the account is refused, naming the redemption by the item's title.
    const refused = await call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: true });
    expect(refused.body.error.details.redemptions).toEqual([{ redemptionNo: a.body.redemptionNo, status: 'awaiting_fulfilment', title: it1.title }]);
    const operator = await createStaffAndLogin(ctx, 'operator');
    const shipped = await call(ctx, 'POST', `${M}/points-mall/redemptions/${a.body.id}/fulfil`, operator.headers(), {
      carrier: '顺丰',
      trackingNo: 'SF1234567890',
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'fulfilled', carrier: '顺丰', trackingNo: 'SF1234567890', memberId: m.id });
    expect(
      (
        await call(ctx, 'POST', `${M}/points-mall/redemptions/${a.body.id}/fulfil`, operator.headers(), {
          carrier: '顺丰',
          trackingNo: 'SF1' + '0000',
        })
      ).status,
    ).toBe(409);
    expect((await call(ctx, 'POST', `${M}/points-mall/redemptions/${a.body.id}/cancel`, operator.headers(), { reason: '错' })).status).toBe(409);
    expect((await redeem(m, { itemId: it1.id, addressId: m.addressId })).body.error.code).toBe('POINTS_MALL_LIMIT_REACHED');

    const it2 = await item({ kind: 'sku', skuId: shop.sku(1), instructions: '', pointsPrice: 200, totalStock: 1, perMemberLimit: 1 });
    const b = await redeem(m, { itemId: it2.id, addressId: m.addressId });
    expect(await balance(m.id)).toBe(500);
    const cancelled = await call(ctx, 'POST', `${M}/points-mall/redemptions/${b.body.id}/cancel`, operator.headers(), { reason: '缺货' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '缺货' });
    expect(await balance(m.id)).toBe(700);
    expect(Number((await itemRow(it2.id)).stock_left)).toBe(1);
    const back = await ctx.db
      .selectFrom('points_ledger')
      .selectAll()
      .where('source_key', '=', `mall:redemption:${b.body.id}:return`)
      .executeTakeFirstOrThrow();
    expect(back).toMatchObject({ kind: 'reverse', reason: 'mall_return' });
    expect(Number(back.delta)).toBe(200);
    await expectLedgerConsistent(m.id);
    // Cancelled, it no longer counts against the limit: the member can redeem it again.
    expect((await redeem(m, { itemId: it2.id, addressId: m.addressId })).status).toBe(201);
    expect((await call(ctx, 'POST', `${M}/points-mall/redemptions/${b.body.id}/cancel`, operator.headers(), { reason: '再' })).status).toBe(409);
    const listed = await call(
      ctx,
      'GET',
      `${M}/points-mall/redemptions?status=cancelled&memberId=${m.id}&kind=sku&itemId=${it2.id}`,
      operator.headers(),
    );
    expect(listed.body.items.map((x: { id: number }) => x.id)).toEqual([b.body.id]);
    const byNo = await call(ctx, 'GET', `${M}/points-mall/redemptions?redemptionNo=${a.body.redemptionNo}`, operator.headers());
    expect(byNo.body.total).toBe(1);
    const today = await call(ctx, 'GET', `${M}/points-mall/redemptions?from=2026-11-22&to=2026-11-22`, operator.headers());
    expect(today.body.total).toBe(3);
    const tomorrow = await call(ctx, 'GET', `${M}/points-mall/redemptions?from=2026-11-23`, operator.headers());
    expect(tomorrow.body.total).toBe(0);
  });
});

describe('time: the on-sale window and the business day (injected clock)', () => {
  it('opens and closes the window on the instant', async () => {
    const it1 = await item({ onSaleFrom: '2026-11-23T00:00:00.000Z', onSaleUntil: '2026-11-24T00:00:00.000Z' });
    await grant(m.id, 1000);
    ctx.clock.set('2026-11-22T23:59:59.999Z');
    expect((await redeem(m, { itemId: it1.id })).body.error.code).toBe('POINTS_MALL_NOT_ON_SALE');
    expect((await call(ctx, 'GET', '/api/v1/points-mall/items', m.headers())).body.total).toBe(0);
    ctx.clock.set('2026-11-23T00:00:00.000Z');
    expect((await redeem(m, { itemId: it1.id })).status).toBe(201);
    expect((await call(ctx, 'GET', '/api/v1/points-mall/items', m.headers())).body.total).toBe(1);
    ctx.clock.set('2026-11-24T00:00:00.000Z');
    expect((await redeem(m, { itemId: it1.id })).body.error.code).toBe('POINTS_MALL_NOT_ON_SALE');
  });

  it('counts the daily limit per business day in Beijing time: 15:59:59Z and 16:00:00Z are different days', async () => {
    const it1 = await item({ perMemberDailyLimit: 2, perMemberLimit: 3, pointsPrice: 10 });
    await grant(m.id, 1000);
    ctx.clock.set('2026-11-22T15:59:59.000Z');
    expect((await redeem(m, { itemId: it1.id, quantity: 2 })).status).toBe(201);
    expect((await redeem(m, { itemId: it1.id })).body.error.code).toBe('POINTS_MALL_DAILY_LIMIT_REACHED');
    ctx.clock.set('2026-11-22T16:00:00.000Z');
    expect((await redeem(m, { itemId: it1.id, quantity: 2 })).body.error.code).toBe('POINTS_MALL_LIMIT_REACHED');
    expect((await redeem(m, { itemId: it1.id })).status).toBe(201);
    expect((await redeem(m, { itemId: it1.id })).body.error.code).toBe('POINTS_MALL_LIMIT_REACHED');
    expect(await balance(m.id)).toBe(970);
  });
});

describe('points plus cash', () => {
  const cashItem = { pointsPrice: 200, cashFen: 990 };

  it.each(['weapp', 'alipay', 'tt'] as LoginPlatform[])(
    'holds the points and stock, is paid through %s like an order, and is then fulfilled',
    async (platform) => {
      const shopper = await newShopper(ctx, platform);
      const it1 = await item({ ...cashItem, totalStock: 3 });
      await grant(shopper.id, 1000);
      const res = await redeem(shopper, { itemId: it1.id, quantity: 2 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const r = res.body as PointsMallRedemption;
      expect(r).toMatchObject({ status: 'awaiting_payment', points: 400, cashFen: 1980, instructions: null });
      expect(r.orderId).not.toBeNull();
      expect(r.paymentDeadline).toBe('2026-11-22T02:30:00.000Z');
      expect(await balance(shopper.id)).toBe(600);
      expect(Number((await itemRow(it1.id)).stock_left)).toBe(1);
      // The order is the cash part only: not among the member's orders, not refundable on its own.
      expect((await call(ctx, 'GET', '/api/v1/orders', shopper.headers())).body.total).toBe(0);
      const pay = await startPayment(ctx, shopper, r.orderId!);
      expect(pay.payableFen).toBe(1980);
      const { deliveries } = await ctx.simulator.pay(platform, pay.orderNo);
      expectOkAck(platform, deliveries[0]!);
      const after = await call(ctx, 'GET', `/api/v1/points-mall/redemptions/${r.id}`, shopper.headers());
      expect(after.body).toMatchObject({ status: 'fulfilled', instructions: '到店出示核销码即可' });
      expect(after.body.paidAt).not.toBeNull();
      expect(await balance(shopper.id)).toBe(600);
      // Paid with points: the cash part earns no points, and no catalog stock moved.
      expect(await ctx.db.selectFrom('points_pending').selectAll().where('member_id', '=', shopper.id).execute()).toEqual([]);
      expect(Number((await ctx.db.selectFrom('skus').select('stock').where('id', '=', shop.sku(0)).executeTakeFirstOrThrow()).stock)).toBe(10);
      const refund = await call(ctx, 'POST', `/api/v1/orders/${r.orderId}/refunds`, shopper.headers(), { reason: '不想要了' });
      expect(refund.status).toBe(409);
      const ship = await call(ctx, 'POST', `${M}/orders/${r.orderId}/ship`, shop.owner.headers(), { carrier: '顺丰', trackingNo: 'SF12345678' });
      expect(ship.status).toBe(409);
      await expectLedgerConsistent(shopper.id);
    },
  );

  it('gives back points and stock once the payment window passes, once however often or concurrently the job runs', async () => {
    const it1 = await item({ ...cashItem, totalStock: 1 });
    await grant(m.id, 1000);
    const r = (await redeem(m, { itemId: it1.id })).body as PointsMallRedemption;
    expect((await view(m, it1.id)).unavailableReason).toBe('SOLD_OUT');
    ctx.clock.advance(29 * 60_000);
    expect((await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())).closed).toBe(0);
    ctx.clock.advance(60_000);
    const runs = await Promise.all(Array.from({ length: 4 }, () => ctx.app.services.orders.closeExpiredOrders(ctx.clock.now())));
    expect(runs.reduce((s, x) => s + x.closed, 0)).toBe(1);
    const closed = await call(ctx, 'GET', `/api/v1/points-mall/redemptions/${r.id}`, m.headers());
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(await balance(m.id)).toBe(1000);
    expect(Number((await itemRow(it1.id)).stock_left)).toBe(1);
    await expectLedgerConsistent(m.id);
    // A payment that arrives after the close is not applied to the redemption (the payments module keeps it to refund).
    await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now());
    expect(await balance(m.id)).toBe(1000);
    expect((await view(m, it1.id)).canRedeem).toBe(true);
  });

  it('settles a paid redemption at the payment’s time, not at the server’s clock', async () => {
    const it1 = await item({ ...cashItem, totalStock: 5 });
    await grant(m.id, 1000);
    const r = (await redeem(m, { itemId: it1.id })).body as PointsMallRedemption;
    const pay = await startPayment(ctx, m, r.orderId!);
    // The notification arrives ten minutes after the platform took the money.
    const paidAt = new Date(ctx.clock.now().getTime() + 60_000).toISOString();
    ctx.clock.advance(11 * 60_000);
    await inTransaction(ctx.db, (trx) =>
      ctx.app.services.orders.markOrderPaid(trx, {
        orderNo: pay.orderNo,
        amountFen: 990,
        platform: 'weapp',
        transactionId: 'tx-late',
        paidAt: new Date(paidAt),
      }),
    );
    const order = await call(ctx, 'GET', `${M}/orders/${r.orderId}`, shop.owner.headers());
    expect(order.body.paidAt).toBe(paidAt);
    const after = await call(ctx, 'GET', `/api/v1/points-mall/redemptions/${r.id}`, m.headers());
    expect(after.body).toMatchObject({ status: 'fulfilled', paidAt, fulfilledAt: paidAt });
  });

  it('records a staff cancel of an unpaid redemption on its order as the staff’s, with the reason', async () => {
    const it1 = await item({ ...cashItem, totalStock: 5 });
    await grant(m.id, 1000);
    const r = (await redeem(m, { itemId: it1.id })).body as PointsMallRedemption;
    const cancelled = await call(ctx, 'POST', `${M}/points-mall/redemptions/${r.id}/cancel`, shop.owner.headers(), { reason: '活动取消' });
    expect(cancelled.status).toBe(200);
    const order = await call(ctx, 'GET', `${M}/orders/${r.orderId}`, shop.owner.headers());
    const closing = order.body.events.find((e: { toStatus: string }) => e.toStatus === 'cancelled');
    expect(closing).toMatchObject({ fromStatus: 'awaiting_payment', actorType: 'staff', note: 'cancelled by staff: 活动取消' });
    expect(closing.actorId).not.toBeNull();
  });

  it('the member may withdraw before paying; staff may cancel unpaid or paid (the cash is refunded)', async () => {
    const it1 = await item({ ...cashItem, totalStock: 5, kind: 'sku', skuId: shop.sku(0), instructions: '' });
    await grant(m.id, 1000);
    const a = (await redeem(m, { itemId: it1.id, addressId: m.addressId })).body as PointsMallRedemption;
    const withdrawn = await call(ctx, 'POST', `/api/v1/points-mall/redemptions/${a.id}/cancel`, m.headers(), {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('closed');
    expect((await call(ctx, 'GET', `/api/v1/orders/${a.orderId}`, m.headers())).body.status).toBe('cancelled');
    expect((await call(ctx, 'POST', `/api/v1/points-mall/redemptions/${a.id}/cancel`, m.headers(), {})).status).toBe(409);

    const b = (await redeem(m, { itemId: it1.id, addressId: m.addressId })).body as PointsMallRedemption;
    const staffCancel = await call(ctx, 'POST', `${M}/points-mall/redemptions/${b.id}/cancel`, shop.owner.headers(), { reason: '活动取消' });
    expect(staffCancel.body).toMatchObject({ status: 'cancelled', cancelReason: '活动取消' });
    expect((await call(ctx, 'GET', `/api/v1/orders/${b.orderId}`, m.headers())).body.status).toBe('cancelled');
    expect(await balance(m.id)).toBe(1000);

    const c = (await redeem(m, { itemId: it1.id, addressId: m.addressId })).body as PointsMallRedemption;
    const pay = await startPayment(ctx, m, c.orderId!);
    await ctx.simulator.pay('weapp', pay.orderNo);
    expect((await call(ctx, 'GET', `/api/v1/points-mall/redemptions/${c.id}`, m.headers())).body.status).toBe('awaiting_fulfilment');
    const paidCancel = await call(ctx, 'POST', `${M}/points-mall/redemptions/${c.id}/cancel`, shop.owner.headers(), { reason: '缺货' });
    expect(paidCancel.status).toBe(200);
    expect(paidCancel.body.status).toBe('cancelled');
    await ctx.simulator.settled();
    const refunds = await call(ctx, 'GET', `/api/v1/orders/${c.orderId}/refunds`, m.headers());
    expect(refunds.body.items).toHaveLength(1);
    expect(refunds.body.items[0]).toMatchObject({ amountFen: 990, status: 'succeeded' });
    expect((await call(ctx, 'GET', `/api/v1/orders/${c.orderId}`, m.headers())).body.status).toBe('refunded');
    expect(await balance(m.id)).toBe(1000);
    expect(Number((await itemRow(it1.id)).stock_left)).toBe(5);
    await expectLedgerConsistent(m.id);
  });
});

describe('real concurrency', () => {
  it('many members racing for the last items: exactly the stock succeeds, never below zero (invariant 1)', async () => {
    const it1 = await item({ totalStock: 5, pointsPrice: 10 });
    const members = await Promise.all(Array.from({ length: 30 }, () => loginMember(ctx)));
    for (const x of members) await grant(x.id, 100);
    const results = await Promise.all(members.map((x) => redeem(x, { itemId: it1.id })));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'POINTS_MALL_SOLD_OUT')).toBe(true);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    expect(Number((await itemRow(it1.id)).stock_left)).toBe(0);
    expect(await redemptionCount(it1.id)).toBe(5);
    const spent = await ctx.db.selectFrom('points_ledger').select('member_id').where('reason', '=', 'mall_redemption').execute();
    expect(spent).toHaveLength(5);
  });

  it('many members racing for the last items with cash too: held stock is never oversold', async () => {
    const it1 = await item({ totalStock: 3, pointsPrice: 10, cashFen: 100 });
    const members = await Promise.all(Array.from({ length: 12 }, () => loginMember(ctx)));
    for (const x of members) await grant(x.id, 100);
    const results = await Promise.all(members.map((x) => redeem(x, { itemId: it1.id, quantity: 2 })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const singles = await Promise.all(members.map((x) => redeem(x, { itemId: it1.id })));
    expect(singles.filter((r) => r.status === 201)).toHaveLength(1);
    expect(Number((await itemRow(it1.id)).stock_left)).toBe(0);
    expect(await redemptionCount(it1.id)).toBe(2);
  });

  it('one member racing against their own total and daily limits', async () => {
    const total = await item({ totalStock: 100, pointsPrice: 1, perMemberLimit: 3 });
    const daily = await item({ totalStock: 100, pointsPrice: 1, perMemberDailyLimit: 2 });
    await grant(m.id, 1000);
    const a = await Promise.all(Array.from({ length: 12 }, () => redeem(m, { itemId: total.id })));
    expect(a.filter((r) => r.status === 201)).toHaveLength(3);
    expect(a.filter((r) => r.status === 409).every((r) => r.body.error.code === 'POINTS_MALL_LIMIT_REACHED')).toBe(true);
    const b = await Promise.all(Array.from({ length: 12 }, (_, i) => redeem(m, { itemId: daily.id, quantity: 1 + (i % 2) })));
    const units = b.filter((r) => r.status === 201).reduce((s, r) => s + r.body.quantity, 0);
    expect(units).toBe(2);
    expect(b.filter((r) => r.status === 409).every((r) => r.body.error.code === 'POINTS_MALL_DAILY_LIMIT_REACHED')).toBe(true);
    expect(await redemptionCount(total.id)).toBe(3);
    expect(Number((await itemRow(total.id)).stock_left)).toBe(97);
    const counted = await ctx.db.selectFrom('points_mall_member_days').selectAll().where('item_id', '=', daily.id).executeTakeFirstOrThrow();
    expect(counted.redeemed).toBe(2);
    await expectLedgerConsistent(m.id);
  });

  it('payment windows closing while the same members redeem again: no deadlock, stock and counts add up', async () => {
    const it1 = await item({ totalStock: 6, pointsPrice: 100, cashFen: 100, perMemberLimit: 2 });
    const members = await Promise.all(Array.from({ length: 3 }, () => loginMember(ctx)));
    for (const x of members) await grant(x.id, 1000);
    for (const x of members) expect((await redeem(x, { itemId: it1.id, quantity: 2 })).status).toBe(201);
    ctx.clock.advance(31 * 60_000);
    const [closing, ...again] = await Promise.all([
      Promise.all(Array.from({ length: 3 }, () => ctx.app.services.orders.closeExpiredOrders(ctx.clock.now()))),
      ...members.flatMap((x) => [redeem(x, { itemId: it1.id }), redeem(x, { itemId: it1.id })]),
    ]);
    expect((closing as { closed: number }[]).reduce((s, c) => s + c.closed, 0)).toBe(3);
    const statuses = (again as { status: number; body: any }[]).map((r) => (r.status === 201 ? 'ok' : r.body.error.code));
    expect(
      statuses.every((s) => s === 'ok' || s === 'POINTS_MALL_SOLD_OUT' || s === 'POINTS_MALL_LIMIT_REACHED'),
      statuses.join(),
    ).toBe(true);
    const row = await itemRow(it1.id);
    const held = await ctx.db
      .selectFrom('points_mall_redemptions')
      .select(['quantity', 'member_id'])
      .where('item_id', '=', it1.id)
      .where('status', '=', 'awaiting_payment')
      .execute();
    expect(Number(row.stock_left)).toBe(6 - held.reduce((s, r) => s + r.quantity, 0));
    for (const x of members) {
      const mine = held.filter((r) => Number(r.member_id) === x.id).reduce((s, r) => s + r.quantity, 0);
      const counted = await ctx.db
        .selectFrom('points_mall_member_totals')
        .select('redeemed')
        .where('item_id', '=', it1.id)
        .where('member_id', '=', x.id)
        .executeTakeFirstOrThrow();
      expect(counted.redeemed).toBe(mine);
      expect(await balance(x.id)).toBe(1000 - 100 * mine);
      await expectLedgerConsistent(x.id);
    }
  });

  it('the same points spent by a redemption and by an order at once: the balance never goes below zero (invariant 3)', async () => {
    const it1 = await item({ totalStock: 100, pointsPrice: 800 });
    const members = await Promise.all(Array.from({ length: 6 }, () => newShopper(ctx)));
    for (const x of members) await grant(x.id, 1000);
    await Promise.all(
      members.flatMap((x) => [
        redeem(x, { itemId: it1.id }),
        redeem(x, { itemId: it1.id }),
        call(ctx, 'POST', '/api/v1/orders', x.headers(), {
          items: [{ skuId: shop.sku(1), quantity: 1 }],
          addressId: x.addressId,
          usePoints: true,
        }),
      ]),
    );
    for (const x of members) {
      const spent = await ctx.db.selectFrom('points_ledger').select('delta').where('member_id', '=', x.id).where('delta', '<', 0).execute();
      expect(spent.reduce((s, e) => s - Number(e.delta), 0)).toBeLessThanOrEqual(1000);
      expect(await balance(x.id)).toBeGreaterThanOrEqual(0);
      expect(await redemptionCount(it1.id)).toBeLessThanOrEqual(6);
      await expectLedgerConsistent(x.id);
    }
  });
});
