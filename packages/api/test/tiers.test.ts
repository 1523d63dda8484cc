/**
 * Tiers and growth through app.request() and the tiers service, on SQLite and PostgreSQL: growth from paid orders taken
 * back by refunds, upgrades the moment a threshold is reached (once, however many payments race), the member price and
 * free shipping in the checkout and the order's rows, the points multiplier, downgrades after the hold (and never, by
 * policy) by a job safe to run twice at once, check-in growth, birthday gifts, bad input and access.
 */
import type { TierRules, TiersConfig } from '@siyu/shared';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIER_RULES } from '../src/modules/tiers/index.js';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, loginMember, type StaffSession, NO_TIER_BENEFITS, M, DAY } from './factories.js';
import { newShopper, payOrder, placeOrder, type Shop, type Shopper, withShopAndShopper, approvedRefund } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const tiers = () => ctx.app.services.tiers;

/** 普通 0 / 银卡 100 (10 % off everything, 1.5× points, 50 birthday points) / 金卡 300 (20 % off a category, free shipping, 2×). */
function ladder(goldCategoryId = 1): TiersConfig {
  return {
    tiers: [
      { level: 0, name: '普通', growthThreshold: 0, benefits: NO_TIER_BENEFITS },
      {
        level: 1,
        name: '银卡',
        growthThreshold: 100,
        benefits: {
          ...NO_TIER_BENEFITS,
          memberPrice: { basisPoints: 1000, scope: 'all', ids: [] },
          pointsMultiplierBp: 15_000,
          birthdayGift: { points: 50, couponTemplateId: null },
          display: [{ icon: 'discount', text: '全场 9 折' }],
        },
      },
      {
        level: 2,
        name: '金卡',
        growthThreshold: 300,
        benefits: {
          ...NO_TIER_BENEFITS,
          memberPrice: { basisPoints: 2000, scope: 'categories', ids: [goldCategoryId] },
          pointsMultiplierBp: 20_000,
          freeShipping: true,
        },
      },
    ],
  };
}

async function configure(config: TiersConfig = ladder(), rules: Partial<TierRules> = {}) {
  const owner = await createStaffAndLogin(ctx, 'owner');
  const saved = await call(ctx, 'PUT', `${M}/tiers`, owner.headers(), config);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const r = await call(ctx, 'PUT', `${M}/tiers/rules`, owner.headers(), { ...DEFAULT_TIER_RULES, task: 0, checkIn: 5, ...rules });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return owner;
}

const adjust = async (memberId: number, delta: number, owner?: StaffSession) => {
  const staff = owner ?? (await createStaffAndLogin(ctx, 'operator'));
  const res = await call(ctx, 'POST', `${M}/members/${memberId}/growth-adjustments`, staff.headers(), { delta, reason: '测试' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const memberTier = (memberId: number) => ctx.db.selectFrom('member_tiers').selectAll().where('member_id', '=', memberId).executeTakeFirst();
const changes = (memberId: number) => ctx.db.selectFrom('tier_changes').selectAll().where('member_id', '=', memberId).orderBy('id').execute();
const growthSum = async (memberId: number) =>
  (await ctx.db.selectFrom('growth_ledger').select('delta').where('member_id', '=', memberId).execute()).reduce((s, r) => s + Number(r.delta), 0);
const myTier = async (who: Shopper) => (await call(ctx, 'GET', '/api/v1/tiers/me', who.headers())).body;

const refund = (orderId: number, who: Shopper, lines?: { orderLineId: number; quantity: number }[]) => approvedRefund(ctx, who, orderId, lines);

describe('growth from orders', () => {
  it('grows by the yuan paid for goods and upgrades the moment the threshold is reached, once', async () => {
    await configure();
    const first = await placeOrder(ctx, shop, m); // 80.00 of goods + 10.00 shipping
    await payOrder(ctx, m, first);
    expect(await myTier(m)).toMatchObject({
      tier: { level: 0, name: '普通' },
      growth: 80,
      next: { tier: { level: 1 }, growthNeeded: 20, progressBp: 8000 },
    });
    expect(await changes(m.id)).toHaveLength(0);

    await payOrder(ctx, m, await placeOrder(ctx, shop, m));
    const paidAt = ctx.clock.now().toISOString();
    // The second order was priced before the upgrade (no member price): 80 more.
    const mine = await myTier(m);
    expect(mine).toMatchObject({ tier: { level: 1, name: '银卡' }, growth: 160, qualifyingGrowth: 160, reachedAt: paidAt });
    expect(mine.heldUntil).toBe(new Date(Date.UTC(2027, 10, 22, 2)).toISOString());
    expect(mine.next).toMatchObject({ tier: { level: 2 }, growthNeeded: 140 });
    expect(await changes(m.id)).toEqual([expect.objectContaining({ from_level: 0, to_level: 1, reason: 'upgrade' })]);
    const ledger = (await call(ctx, 'GET', '/api/v1/tiers/me/growth', m.headers())).body;
    expect(ledger.growth).toBe(160);
    expect(ledger.entries.map((e: { reason: string; delta: number; sourceKey: string }) => [e.reason, e.delta, e.sourceKey])).toEqual([
      ['order', 80, expect.stringMatching(/^order:\d+$/)],
      ['order', 80, `order:${first.id}`],
    ]);
    // Coupons see the level.
    expect(await tiers().levelOf(ctx.db, m.id)).toBe(1);
  });

  it('takes back growth in proportion to a partial refund, and the rest with the refund that empties the order', async () => {
    await configure();
    const order = await placeOrder(ctx, shop, m);
    await payOrder(ctx, m, order);
    expect(await growthSum(m.id)).toBe(80);
    const line = order.lines.find((l) => l.skuId === shop.sku(0))!;
    const part = await refund(order.id, m, [{ orderLineId: line.id, quantity: 1 }]);
    const back = Math.floor((80 * part.amountFen) / order.payableFen);
    expect((await myTier(m)).growth).toBe(80 - back);
    await refund(order.id, m);
    expect((await myTier(m)).growth).toBe(0);
    expect(await growthSum(m.id)).toBe(0);
    const reasons = (await call(ctx, 'GET', '/api/v1/tiers/me/growth', m.headers())).body.entries.map((e: { reason: string }) => e.reason);
    expect(reasons).toEqual(['order_refund', 'order_refund', 'order']);
  });

  it('gives one upgrade record when two payments crossing the threshold land at once', async () => {
    await configure();
    const a = await placeOrder(ctx, shop, m);
    const b = await placeOrder(ctx, shop, m);
    await Promise.all([payOrder(ctx, m, a), payOrder(ctx, m, b)]);
    expect(await memberTier(m.id)).toMatchObject({ level: 1 });
    expect(Number((await memberTier(m.id))!.growth)).toBe(160);
    expect(await changes(m.id)).toHaveLength(1);
  });

  it('moves up once per threshold under many concurrent adjustments, and the cached growth equals the ledger', async () => {
    await configure();
    const operator = await createStaffAndLogin(ctx, 'operator');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, operator.headers(), { delta: 20, reason: '活动奖励' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(Number((await memberTier(m.id))!.growth)).toBe(400);
    expect(await growthSum(m.id)).toBe(400);
    // The same key sent twice posts once.
    const once = { delta: 5, reason: '补发', key: 'fix-42' };
    expect((await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, operator.headers(), once)).status).toBe(201);
    const twice = await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, operator.headers(), once);
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.issues[0].field).toBe('key');
    expect(await growthSum(m.id)).toBe(405);
    expect((await changes(m.id)).map((c) => [c.from_level, c.to_level])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});

describe('benefits at checkout', () => {
  it('shows the member price and free shipping as named lines, stores them on the order, and refunds what lines really cost', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const tea = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '茶叶' });
    const green = await call(ctx, 'POST', `${M}/categories`, owner.headers(), { name: '绿茶', parentId: tea.body.id });
    const longjing = await createProduct(ctx, owner, { categoryId: green.body.id, skus: [{ priceFen: 3000, stock: 10 }] });
    await configure(ladder(tea.body.id));
    await adjust(m.id, 300);
    expect((await myTier(m)).tier.level).toBe(2);

    const items = [
      { skuId: longjing.skus[0]!.id, quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ];
    const preview = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), { items, addressId: m.addressId });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // 80.00 of goods; 20 % off the tea (a subcategory of the tier's category): 12.00; 10.00 shipping, free for 金卡.
    expect(preview.body.breakdown).toEqual([
      expect.objectContaining({ kind: 'items', amountFen: 8000 }),
      { kind: 'discount', code: 'member_price', label: '金卡会员价', amountFen: -1200, source: { type: 'tier', id: expect.any(Number) } },
      expect.objectContaining({ kind: 'shipping', code: 'shipping_flat', amountFen: 1000 }),
      { kind: 'discount', code: 'tier_free_shipping', label: '金卡包邮', amountFen: -1000, source: { type: 'tier', id: expect.any(Number) } },
    ]);
    expect(preview.body.payableFen).toBe(6800);

    const created = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { items, addressId: m.addressId });
    expect(created.status).toBe(201);
    expect(created.body.breakdown).toEqual(preview.body.breakdown);
    expect(created.body.payableFen).toBe(6800);
    const teaLine = created.body.lines.find((l: { skuId: number }) => l.skuId === longjing.skus[0]!.id);
    expect(teaLine).toMatchObject({ lineTotalFen: 6000, discountFen: 1200, paidFen: 4800 });
    const rows = await ctx.db
      .selectFrom('order_adjustments')
      .select(['kind', 'code', 'amount_fen', 'applies_to'])
      .where('order_id', '=', created.body.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.kind, r.code, Number(r.amount_fen), r.applies_to])).toEqual([
      ['member_price', 'member_price', 1200, 'items'],
      ['shipping', 'tier_free_shipping', 1000, 'shipping'],
    ]);
    await payOrder(ctx, m, created.body);
    // One of the two tea units gives back half of what the line really cost.
    const part = await refund(created.body.id, m, [{ orderLineId: teaLine.id, quantity: 1 }]);
    expect(part.amountFen).toBe(2400);
  });

  it('prices products for the member (member price, and 券后价 after the best coupon held) in queries that do not grow with the products', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    const more = await Promise.all([
      createProduct(ctx, owner, { skus: [{ priceFen: 8800, stock: 5 }] }),
      createProduct(ctx, owner, { skus: [{ priceFen: 1000, stock: 5 }] }),
    ]);
    const ids = [shop.product.id, ...more.map((p) => p.id)];
    const prices = () => call(ctx, 'POST', '/api/v1/checkout/member-prices', m.headers(), { productIds: ids });
    // Without a tier's member price or a coupon: nothing to show beyond the price.
    const plain = await prices();
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(
      plain.body.items.map((i: { minMemberPriceFen: unknown; minCouponPriceFen: unknown }) => [i.minMemberPriceFen, i.minCouponPriceFen]),
    ).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);

    await configure();
    await adjust(m.id, 100); // 银卡: 10 % off everything
    const coupon = await call(ctx, 'POST', `${M}/coupon-templates`, owner.headers(), {
      name: '满50减15',
      kind: 'threshold_off',
      amountFen: 1500,
      thresholdFen: 5000,
      validity: { type: 'relative', days: 7 },
    });
    await call(ctx, 'POST', `${M}/coupon-templates/${coupon.body.id}/activate`, owner.headers());
    const claimed = await call(ctx, 'POST', '/api/v1/coupons/claim', m.headers(), { templateId: coupon.body.id });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);

    const spy = vi.spyOn(ctx.db.getExecutor(), 'executeQuery');
    const res = await prices();
    const queriesForThree = spy.mock.calls.length;
    expect(queriesForThree).toBeGreaterThan(0);
    const [shopProduct, big, small] = res.body.items;
    // ¥88.00: ¥79.20 for 银卡, and ¥64.20 with the 满50减15 on top of it.
    expect(big).toEqual({
      productId: more[0]!.id,
      memberPriceLabel: '银卡会员价',
      minMemberPriceFen: 7920,
      minCouponPriceFen: 6420,
      skus: [{ skuId: more[0]!.skus[0]!.id, priceFen: 8800, memberPriceFen: 7920, couponPriceFen: 6420 }],
    });
    // ¥10.00: ¥9.00 for 银卡, below the coupon's threshold.
    expect(small).toMatchObject({ minMemberPriceFen: 900, minCouponPriceFen: null });
    expect(shopProduct.skus).toHaveLength(shop.product.skus.length);
    // The same reads for one product as for three: no query per product.
    spy.mockClear();
    await call(ctx, 'POST', '/api/v1/checkout/member-prices', m.headers(), { productIds: [ids[0]] });
    expect(spy.mock.calls.length).toBe(queriesForThree);
    spy.mockRestore();
    // Off the shelf: left out. Bad input: 400 naming the field.
    await call(ctx, 'POST', `${M}/products/${more[1]!.id}/unshelve`, owner.headers());
    expect((await prices()).body.items.map((i: { productId: number }) => i.productId)).toEqual(ids.slice(0, 2));
    const bad = await call(ctx, 'POST', '/api/v1/checkout/member-prices', m.headers(), { productIds: [] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('productIds');
  });

  it('multiplies the points an order earns by the tier’s multiplier', async () => {
    await configure();
    await adjust(m.id, 100);
    await payOrder(ctx, m, await placeOrder(ctx, shop, m));
    // 80.00 − 10 % member price = 72 yuan paid for goods, × 1.5.
    const summary = (await call(ctx, 'GET', '/api/v1/points', m.headers())).body;
    expect(summary.pending).toBe(108);

    // 1.15× on 100 yuan is 115 points, counted in integers (100 × 1.15 is 114.999… as a float).
    const config = ladder();
    config.tiers[1]!.benefits = { ...NO_TIER_BENEFITS, pointsMultiplierBp: 11_500 };
    await configure(config);
    const second = await placeOrder(ctx, shop, m, [{ skuId: shop.sku(1), quantity: 5 }]);
    await payOrder(ctx, m, second);
    const pending = (await call(ctx, 'GET', '/api/v1/points', m.headers())).body.pendingItems;
    expect(pending).toContainEqual(expect.objectContaining({ orderId: second.id, points: 115 }));
  });
});

describe('downgrades', () => {
  it('re-evaluates on the last months’ growth when the hold ends, once however many jobs run, and keeps a tier still earned', async () => {
    await configure();
    await adjust(m.id, 150);
    const keeper = await newShopper(ctx);
    await adjust(keeper.id, 150);
    ctx.clock.advance(300 * DAY);
    await tiers().post(ctx.db, { memberId: keeper.id, delta: 120, reason: 'manual', sourceKey: 'manual:later', at: ctx.clock.now().toISOString() });
    const heldUntil = (await memberTier(m.id))!.held_until!;
    ctx.clock.set(new Date(Date.parse(heldUntil) - 1000).toISOString());
    expect(await tiers().reviewDue()).toEqual({ reviewed: 0, downgraded: 0 });
    ctx.clock.set(heldUntil);
    const runs = await Promise.all([tiers().reviewDue(), tiers().reviewDue(), tiers().reviewDue()]);
    expect(runs.reduce((s, r) => s + r.downgraded, 0)).toBe(1);
    expect(await memberTier(m.id)).toMatchObject({ level: 0, held_until: null });
    expect((await changes(m.id)).map((c) => [c.from_level, c.to_level, c.reason])).toEqual([
      [0, 1, 'upgrade'],
      [1, 0, 'downgrade'],
    ]);
    // 120 of the keeper's growth is from the last 12 months: 银卡 holds for another 12 months.
    expect(await memberTier(keeper.id)).toMatchObject({ level: 1 });
    expect((await memberTier(keeper.id))!.held_until! > heldUntil).toBe(true);
    expect(await changes(keeper.id)).toHaveLength(1);
    // Growth is kept; the member climbs back as soon as recent growth reaches the threshold.
    expect(Number((await memberTier(m.id))!.growth)).toBe(150);
    expect(await tiers().reviewDue()).toEqual({ reviewed: 0, downgraded: 0 });
  });

  it('never downgrades under the never policy', async () => {
    await configure(ladder(), { downgrade: { policy: 'never', holdMonths: 12, windowMonths: 12 } });
    await adjust(m.id, 150);
    expect(await memberTier(m.id)).toMatchObject({ level: 1, held_until: null });
    ctx.clock.advance(800 * DAY);
    expect(await tiers().reviewDue()).toEqual({ reviewed: 0, downgraded: 0 });
    expect(await memberTier(m.id)).toMatchObject({ level: 1 });
    // Switching to holds later: the hold counts from when the tier was reached, so it is over and re-evaluated at once.
    const owner = await createStaffAndLogin(ctx, 'owner');
    expect((await call(ctx, 'PUT', `${M}/tiers/rules`, owner.headers(), { ...DEFAULT_TIER_RULES })).status).toBe(200);
    expect(await tiers().reviewDue()).toEqual({ reviewed: 1, downgraded: 1 });
  });
  it('moves members up once after the ladder lowers a threshold, with the reason config', async () => {
    await configure();
    await adjust(m.id, 80);
    expect(await tiers().upgradeAfterLadderChange()).toBe(0);
    const lower = ladder();
    lower.tiers[1]!.growthThreshold = 50;
    ctx.clock.advance(1000);
    await configure(lower);
    const runs = await Promise.all([tiers().upgradeAfterLadderChange(), tiers().upgradeAfterLadderChange()]);
    expect(runs[0]! + runs[1]!).toBe(1);
    expect(await tiers().upgradeAfterLadderChange()).toBe(0);
    expect((await changes(m.id)).map((c) => [c.from_level, c.to_level, c.reason])).toEqual([[0, 1, 'config']]);
  });
});

describe('activity', () => {
  it('grows by the merchant’s rate on each check-in, once a day', async () => {
    await configure();
    expect((await call(ctx, 'POST', '/api/v1/check-in', m.headers())).status).toBe(200);
    expect((await call(ctx, 'POST', '/api/v1/check-in', m.headers())).status).toBe(409);
    const entries = (await call(ctx, 'GET', '/api/v1/tiers/me/growth', m.headers())).body.entries;
    expect(entries).toEqual([expect.objectContaining({ reason: 'check_in', delta: 5, sourceKey: 'check-in:2026-11-22' })]);
  });

  it('grows once for a completed points task', async () => {
    await configure(ladder(), { task: 7 });
    await payOrder(ctx, m, await placeOrder(ctx, shop, m)); // the first-order task
    const reasons = (await call(ctx, 'GET', '/api/v1/tiers/me/growth', m.headers())).body.entries.map((e: { reason: string; delta: number }) => [
      e.reason,
      e.delta,
    ]);
    expect(reasons).toContainEqual(['task', 7]);
  });
});

describe('birthday gifts', () => {
  it('gives the tier’s gift once a year in the birthday month, catching up later in the month, safe to run at once', async () => {
    await configure();
    await adjust(m.id, 100);
    expect((await call(ctx, 'PUT', '/api/v1/me/birthday', m.headers(), { birthday: '1995-12-20' })).status).toBe(200);
    const again = await call(ctx, 'PUT', '/api/v1/me/birthday', m.headers(), { birthday: '1995-11-20' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BIRTHDAY_ALREADY_SET');
    const gifts = ctx.app.services.birthdayGifts;
    expect(await gifts.grantDue()).toBe(0); // November
    ctx.clock.set('2026-12-28T02:00:00.000Z'); // the job was down until late in the month
    const runs = await Promise.all([gifts.grantDue(), gifts.grantDue()]);
    expect(runs[0]! + runs[1]!).toBe(1);
    expect(await gifts.grantDue()).toBe(0);
    const entries = (await ctx.app.services.points.ledgerPage(ctx.db, m.id, 10, undefined, { reason: 'birthday_gift' })).entries;
    expect(entries).toEqual([expect.objectContaining({ delta: 50, sourceKey: 'birthday:2026' })]);
    ctx.clock.set('2027-12-01T02:00:00.000Z');
    expect(await gifts.grantDue()).toBe(1);
  });

  it('on the day, when the merchant says so', async () => {
    await configure(ladder(), { birthdayGift: { when: 'day' } });
    await adjust(m.id, 100);
    await call(ctx, 'PUT', '/api/v1/me/birthday', m.headers(), { birthday: '1995-11-25' });
    expect(await ctx.app.services.birthdayGifts.grantDue()).toBe(0);
    ctx.clock.set('2026-11-24T16:00:00.000Z'); // 00:00 on the 25th in Beijing
    expect(await ctx.app.services.birthdayGifts.grantDue()).toBe(1);
  });
});

describe('configuration, bad input and access', () => {
  it('refuses a bad ladder or rule naming the field, and writes nothing', async () => {
    const owner = await configure();
    const before = (await call(ctx, 'GET', `${M}/tiers`, owner.headers())).body;
    const bad = (change: (c: TiersConfig) => void) => {
      const c = structuredClone(ladder());
      change(c);
      return call(ctx, 'PUT', `${M}/tiers`, owner.headers(), c);
    };
    const field = (res: { status: number; body: any }) => {
      expect(res.status).toBe(400);
      return res.body.error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(field(await bad((c) => (c.tiers[2]!.growthThreshold = 100)))).toContain('tiers.2.growthThreshold');
    expect(field(await bad((c) => (c.tiers[0]!.growthThreshold = 5)))).toContain('tiers.0.growthThreshold');
    expect(field(await bad((c) => (c.tiers[1]!.level = 2)))).toContain('tiers.1.level');
    expect(field(await bad((c) => (c.tiers[1]!.benefits.memberPrice.basisPoints = 10_000)))).toContain('tiers.1.benefits.memberPrice.basisPoints');
    expect(field(await bad((c) => (c.tiers[1]!.benefits.birthdayGift.couponTemplateId = 999_999)))).toContain(
      'tiers.1.benefits.birthdayGift.couponTemplateId',
    );
    expect(
      field(await call(ctx, 'PUT', `${M}/tiers/rules`, owner.headers(), { ...DEFAULT_TIER_RULES, downgrade: { policy: 'sometimes' } })),
    ).toContain('downgrade.policy');
    expect(field(await call(ctx, 'PUT', `${M}/tiers/rules`, owner.headers(), { ...DEFAULT_TIER_RULES, perYuan: -1 }))).toContain('perYuan');
    expect(field(await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, owner.headers(), { delta: 0, reason: 'x' }))).toContain('delta');
    expect(field(await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, owner.headers(), { delta: '5', reason: 'x' }))).toContain(
      'delta',
    );
    expect(field(await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, owner.headers(), { delta: 5 }))).toContain('reason');
    expect(field(await call(ctx, 'PUT', '/api/v1/me/birthday', m.headers(), { birthday: '1995-02-30' }))).toContain('birthday');
    expect((await call(ctx, 'GET', `${M}/tiers`, owner.headers())).body).toEqual(before);
    expect(await growthSum(m.id)).toBe(0);
    expect(await ctx.db.selectFrom('members').select('birthday').where('id', '=', m.id).executeTakeFirst()).toEqual({ birthday: null });
    // A deduction beyond the growth, and dropping a level someone holds: refused, nothing written.
    const over = await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, owner.headers(), { delta: -1, reason: 'x' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('INSUFFICIENT_GROWTH');
    await adjust(m.id, 300, owner);
    const drop = await call(ctx, 'PUT', `${M}/tiers`, owner.headers(), { tiers: ladder().tiers.slice(0, 2) });
    expect(drop.status).toBe(409);
    expect(drop.body.error.code).toBe('TIER_IN_USE');
    expect((await call(ctx, 'GET', `${M}/tiers`, owner.headers())).body.tiers).toHaveLength(3);
  });

  it('refuses member tokens on merchant endpoints, keeps viewers read-only, and shows members only their own growth', async () => {
    await configure();
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    for (const [method, path, body] of [
      ['GET', `${M}/tiers`, undefined],
      ['PUT', `${M}/tiers`, ladder()],
      ['GET', `${M}/tiers/rules`, undefined],
      ['GET', `${M}/members/${m.id}/tier`, undefined],
      ['GET', `${M}/members/${m.id}/growth-ledger`, undefined],
      ['POST', `${M}/members/${m.id}/growth-adjustments`, { delta: 5, reason: 'x' }],
    ] as const) {
      expect((await call(ctx, method, path, m.headers(), body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await call(ctx, 'GET', `${M}/tiers`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/tiers/rules`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'GET', `${M}/members/${m.id}/tier`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'PUT', `${M}/tiers`, viewer.headers(), ladder())).status).toBe(403);
    expect((await call(ctx, 'PUT', `${M}/tiers/rules`, viewer.headers(), DEFAULT_TIER_RULES)).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/members/${m.id}/growth-adjustments`, viewer.headers(), { delta: 5, reason: 'x' })).status).toBe(403);
    expect(await growthSum(m.id)).toBe(0);
    expect((await call(ctx, 'GET', '/api/v1/tiers/me', {})).status).toBe(401);
    expect((await call(ctx, 'GET', `${M}/members/999999/tier`, viewer.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', `${M}/members/999999/growth-ledger`, viewer.headers())).status).toBe(404);

    await adjust(m.id, 150);
    const other = await loginMember(ctx);
    const theirs = (await call(ctx, 'GET', '/api/v1/tiers/me/growth', other.headers())).body;
    expect(theirs).toEqual({ growth: 0, entries: [], nextCursor: null });
    expect((await call(ctx, 'GET', '/api/v1/tiers/me', other.headers())).body.tier.level).toBe(0);
    // The merchant sees the history, with who adjusted.
    const history = (await call(ctx, 'GET', `${M}/members/${m.id}/tier`, viewer.headers())).body;
    expect(history).toMatchObject({ level: 1, tierName: '银卡', growth: 150, changes: [{ fromLevel: 0, toLevel: 1, reason: 'upgrade' }] });
    const ledger = (await call(ctx, 'GET', `${M}/members/${m.id}/growth-ledger`, viewer.headers())).body;
    expect(ledger.entries[0]).toMatchObject({ reason: 'manual', delta: 150, staffId: expect.any(Number) });
    // The public ladder.
    expect((await call(ctx, 'GET', '/api/v1/tiers', {})).body.tiers.map((t: { name: string }) => t.name)).toEqual(['普通', '银卡', '金卡']);
  });
});
