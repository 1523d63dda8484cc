/**
 * One member across platforms (decision 019, invariant 19) on SQLite and PostgreSQL: binding a phone, the merge when
 * the phone already belongs to another member (everything moves, nothing is credited twice, no business day keeps two
 * check-ins, the balance equals the merged ledger), a crash injected after each step of the merge (nothing half-merged),
 * concurrent bindings of one phone (one member), the unionid join at login, and the merchant's view of merges.
 */
import { describe, expect, it } from 'vitest';
import { membersTestHooks } from '../src/modules/members/index.js';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, freshAddress, NO_TIER_BENEFITS, M } from './factories.js';
import { newShopper, paidOrder, type Shop, type Shopper, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const PHONE = { countryCode: '86', number: '13812345678' };
const members = () => ctx.app.services.members;
const day = (iso: string) => ctx.clock.set(iso);

async function checkIn(m: Shopper) {
  const res = await call(ctx, 'POST', '/api/v1/check-in', m.headers(), {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function couponTemplate(perMemberLimit = 1): Promise<number> {
  const res = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
    name: '合并券',
    kind: 'no_threshold_off',
    amountFen: 500,
    perMemberLimit,
    validity: { type: 'relative', days: 30 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect((await call(ctx, 'POST', `${M}/coupon-templates/${res.body.id}/activate`, shop.owner.headers())).status).toBe(200);
  return res.body.id;
}

async function claim(m: Shopper, templateId: number) {
  const res = await call(ctx, 'POST', '/api/v1/coupons/claim', m.headers({ 'x-forwarded-for': freshAddress() }), { templateId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function addToCart(m: Shopper, skuId: number, quantity: number) {
  const res = await call(ctx, 'POST', '/api/v1/cart/lines', m.headers(), { skuId, quantity });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

const rows = (table: string, memberId: number) =>
  (ctx.db as any).selectFrom(table).selectAll().where('member_id', '=', memberId).execute() as Promise<Record<string, unknown>[]>;
const memberRow = (id: number) => ctx.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Every member-owned row of the two members, for "nothing changed" comparisons. */
async function snapshot(ids: number[]) {
  const tables = [
    'member_identities',
    'addresses',
    'cart_lines',
    'orders',
    'refunds',
    'coupons',
    'points_ledger',
    'points_lots',
    'points_pending',
    'points_accounts',
    'check_ins',
    'growth_ledger',
    'member_tiers',
    'tier_changes',
    'idempotency_keys',
    'member_favourites',
    'member_favourite_counts',
    'check_in_make_up_counts',
    'check_in_cycle_rewards',
    'messages',
    'message_consents',
    'message_preferences',
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const r = await (ctx.db as any).selectFrom(t).selectAll().where('member_id', 'in', ids).execute();
    out[t] = r.map((x: Record<string, unknown>) => JSON.stringify(x)).sort();
  }
  out.members = (await ctx.db.selectFrom('members').selectAll().where('id', 'in', ids).orderBy('id').execute()).map((x) => JSON.stringify(x));
  out.sessions = (await ctx.db.selectFrom('sessions').selectAll().where('subject_type', '=', 'member').where('subject_id', 'in', ids).execute())
    .map((x) => JSON.stringify(x))
    .sort();
  out.merges = await ctx.db.selectFrom('member_merges').selectAll().execute();
  return out;
}

/** A Douyin member holding the phone, and a WeChat member with an order, points, check-ins, a coupon and a cart. */
async function twoMembers() {
  // Yesterday only the WeChat member checks in; today both do (a duplicate business day).
  day('2026-11-21T02:00:00.000Z');
  const wechat = await newShopper(ctx, 'weapp');
  await checkIn(wechat);
  day('2026-11-22T02:00:00.000Z');
  const douyin = await newShopper(ctx, 'tt');
  expect(await members().bindPhone(douyin.id, PHONE)).toMatchObject({ memberId: douyin.id, phoneMasked: '138****5678', merged: null });
  await checkIn(douyin);
  await checkIn(wechat);
  const order = await paidOrder(ctx, shop, wechat);
  const template = await couponTemplate(1);
  await claim(wechat, template);
  await claim(douyin, template);
  await addToCart(wechat, shop.sku(0), 60);
  await addToCart(douyin, shop.sku(0), 50);
  await addToCart(wechat, shop.sku(1), 1);
  return { wechat, douyin, order, template };
}

async function ledgerSum(memberId: number) {
  return ctx.app.services.points.ledgerSum(ctx.db, memberId);
}

describe('binding a phone', () => {
  it('binds a free phone once, is idempotent, refuses a second phone, and names bad fields', async () => {
    const m = await newShopper(ctx, 'alipay');
    const first = await members().bindPhone(m.id, PHONE);
    expect(first).toEqual({ memberId: m.id, phoneMasked: '138****5678', merged: null });
    expect(await members().bindPhone(m.id, PHONE)).toEqual(first);
    expect((await memberRow(m.id)).phone).toBe('+86-13812345678');
    // The bind_phone task pays once.
    const tasks = (await rows('points_ledger', m.id)).filter((e) => e.source_key === 'task:bind_phone');
    expect(tasks).toHaveLength(1);
    await expect(members().bindPhone(m.id, { countryCode: '86', number: '13900000000' })).rejects.toMatchObject({
      code: 'PHONE_ALREADY_BOUND',
      details: { phoneMasked: '138****5678' },
    });
    for (const [bad, field] of [
      [{ countryCode: '086', number: '13812345678' }, 'phone.countryCode'],
      [{ countryCode: '86', number: '1381234abcd' }, 'phone.number'],
      [{ countryCode: '86', number: '1'.repeat(16) }, 'phone.number'],
    ] as const) {
      await expect(members().bindPhone(m.id, bad)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: expect.arrayContaining([expect.objectContaining({ field })]) },
      });
    }
    const profile = await call(ctx, 'GET', '/api/v1/me/profile', m.headers());
    expect(profile.body.phoneMasked).toBe('138****5678');
  });

  it('the database keeps a phone on one member', async () => {
    const a = await newShopper(ctx, 'weapp');
    const b = await newShopper(ctx, 'tt');
    await members().bindPhone(a.id, PHONE);
    await expect(ctx.db.updateTable('members').set({ phone: '+86-13812345678' }).where('id', '=', b.id).execute()).rejects.toThrow();
  });
});

describe('the merge (invariant 19)', () => {
  it('moves everything of the WeChat member to the Douyin member who held the phone, crediting nothing twice', async () => {
    const { wechat, douyin, order } = await twoMembers();
    const before = { wechat: await ledgerSum(wechat.id), douyin: await ledgerSum(douyin.id) };
    const todayReward = (await rows('check_ins', wechat.id)).find((r) => r.business_date === '2026-11-22')!.reward as number;
    const wechatGrowth = Number(
      (await ctx.db.selectFrom('member_tiers').select('growth').where('member_id', '=', wechat.id).executeTakeFirstOrThrow()).growth,
    );
    const douyinGrowth = Number(
      (await ctx.db.selectFrom('member_tiers').select('growth').where('member_id', '=', douyin.id).executeTakeFirstOrThrow()).growth,
    );

    const result = await members().bindPhone(wechat.id, PHONE);
    expect(result.memberId).toBe(douyin.id);
    expect(result.merged).toMatchObject({ absorbedMemberId: wechat.id });

    // The WeChat token now acts as the survivor.
    const me = await call(ctx, 'GET', '/api/v1/me', wechat.headers());
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(douyin.id);
    expect(me.body.platforms).toEqual(['tt', 'weapp']);
    const orders = await call(ctx, 'GET', '/api/v1/orders', douyin.headers());
    expect(orders.body.items.map((o: { id: number }) => o.id)).toContain(order.id);

    // Nothing is left on the absorbed member, which stays as a tombstone.
    for (const t of [
      'member_identities',
      'addresses',
      'cart_lines',
      'orders',
      'coupons',
      'points_ledger',
      'points_lots',
      'check_ins',
      'growth_ledger',
    ])
      expect(await rows(t, wechat.id), t).toHaveLength(0);
    expect((await memberRow(wechat.id)).merged_into).toBe(douyin.id);

    // One check-in per business day; the duplicate day's reward reversed, once.
    const days = (await rows('check_ins', douyin.id)).map((r) => r.business_date).sort();
    expect(days).toEqual(['2026-11-21', '2026-11-22']);
    const ledger = await rows('points_ledger', douyin.id);
    const reversal = ledger.filter((e) => String(e.source_key).startsWith('merge-reverse:'));
    expect(reversal.map((e) => [e.source_key, Number(e.delta)])).toEqual([[`merge-reverse:${wechat.id}:check-in:2026-11-22`, -todayReward]]);
    expect(ledger.filter((e) => e.source_key === `merge:${wechat.id}:check-in:2026-11-22`)).toHaveLength(1);

    // The balance equals the merged ledger; the lots cover it.
    const audit = await ctx.app.services.points.audit(ctx.db, douyin.id);
    expect(audit.ledger).toBe(before.wechat + before.douyin - todayReward);
    expect(audit.balance - audit.debt).toBe(audit.ledger);
    expect(audit.lots).toBe(audit.balance);
    expect(await ctx.db.selectFrom('points_accounts').selectAll().where('member_id', '=', wechat.id).execute()).toHaveLength(0);

    // Coupons: both kept, numbered one after the other; a further claim of the limit-1 template is refused.
    const coupons = (await rows('coupons', douyin.id)).map((c) => Number(c.claim_seq)).sort();
    expect(coupons).toEqual([1, 2]);
    // The cart: one line per SKU, quantities added up to the line's limit.
    const cart = (await rows('cart_lines', douyin.id)).map((l) => [Number(l.sku_id), Number(l.quantity)]).sort((a, b) => a[0]! - b[0]!);
    expect(cart).toEqual([
      [shop.sku(0), 99],
      [shop.sku(1), 1],
    ]);
    // Addresses: both kept, one default.
    const addresses = await rows('addresses', douyin.id);
    expect(addresses).toHaveLength(2);
    expect(addresses.filter((a) => Number(a.is_default) === 1)).toHaveLength(1);
    // Growth summed, the duplicate day's check-in growth taken back once.
    const tier = await ctx.db.selectFrom('member_tiers').selectAll().where('member_id', '=', douyin.id).executeTakeFirstOrThrow();
    expect(Number(tier.growth)).toBe(wechatGrowth + douyinGrowth - 1);
    const growthSum = (await rows('growth_ledger', douyin.id)).reduce((s, e) => s + Number(e.delta), 0);
    expect(growthSum).toBe(Number(tier.growth));

    // The record names both and what moved.
    const merge = await ctx.db.selectFrom('member_merges').selectAll().executeTakeFirstOrThrow();
    expect([Number(merge.survivor_id), Number(merge.absorbed_id), merge.phone]).toEqual([douyin.id, wechat.id, '+86-13812345678']);
    const summary = JSON.parse(merge.summary);
    expect(summary.duplicateCheckInDays).toEqual(['2026-11-22']);
    expect(summary.moved.orders).toBe(1);
    expect(summary.moved.coupons).toBe(1);
    expect(summary.pointsMoved).toBe(before.wechat);

    // Binding again from either platform is a no-op.
    expect(await members().bindPhone(wechat.id, PHONE)).toMatchObject({ memberId: douyin.id, merged: null });
  });

  it('keeps the higher tier, sums growth, and moves up when the summed growth reaches the next tier', async () => {
    const tiers = {
      tiers: [
        { level: 0, name: '普通', growthThreshold: 0, benefits: NO_TIER_BENEFITS },
        { level: 1, name: '银卡', growthThreshold: 100, benefits: NO_TIER_BENEFITS },
        { level: 2, name: '金卡', growthThreshold: 300, benefits: NO_TIER_BENEFITS },
      ],
    };
    const saved = await call(ctx, 'PUT', `${M}/tiers`, shop.owner.headers(), tiers);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const grow = async (memberId: number, delta: number) =>
      expect((await call(ctx, 'POST', `${M}/members/${memberId}/growth-adjustments`, shop.owner.headers(), { delta, reason: '测试' })).status).toBe(
        201,
      );
    const holder = await newShopper(ctx, 'tt');
    await members().bindPhone(holder.id, PHONE);
    const other = await newShopper(ctx, 'weapp');
    await grow(holder.id, 50); // level 0 (with the bind_phone task's growth)
    await grow(other.id, 150); // level 1
    const result = await members().bindPhone(other.id, PHONE);
    expect(result.memberId).toBe(holder.id);
    const tier = await ctx.db.selectFrom('member_tiers').selectAll().where('member_id', '=', holder.id).executeTakeFirstOrThrow();
    const growthOf = async (id: number) => (await rows('growth_ledger', id)).reduce((s, e) => s + Number(e.delta), 0);
    expect(Number(tier.growth)).toBe(await growthOf(holder.id));
    expect(Number(tier.growth)).toBeGreaterThanOrEqual(210);
    // 210+ growth is still below 金卡; the higher of the two tiers (银卡) is kept.
    expect(Number(tier.level)).toBe(1);
    expect(await ctx.db.selectFrom('member_tiers').selectAll().where('member_id', '=', other.id).execute()).toHaveLength(0);
    const changes = (await rows('tier_changes', holder.id)).map((c) => [Number(c.from_level), Number(c.to_level)]);
    expect(changes).toContainEqual([0, 1]);
    const merge = await ctx.db.selectFrom('member_merges').select('summary').executeTakeFirstOrThrow();
    expect(JSON.parse(merge.summary)).toMatchObject({ tierBefore: { survivor: 0, absorbed: 1 }, tierAfter: 1 });

    // A third member with enough growth to reach 金卡 together.
    const third = await newShopper(ctx, 'alipay');
    await grow(third.id, 100);
    await members().bindPhone(third.id, PHONE);
    const after = await ctx.db.selectFrom('member_tiers').selectAll().where('member_id', '=', holder.id).executeTakeFirstOrThrow();
    expect(Number(after.growth)).toBeGreaterThanOrEqual(300);
    expect(Number(after.level)).toBe(2);
  });

  it('favourites: a product both kept stays once, the rest move, the count row follows the survivor', async () => {
    const other = await createProduct(ctx, shop.owner, { skus: [{ priceFen: 1000, stock: 5 }] });
    const wechat = await newShopper(ctx, 'weapp');
    const douyin = await newShopper(ctx, 'tt');
    await members().bindPhone(douyin.id, PHONE);
    const fav = async (m: Shopper, productId: number) =>
      expect((await call(ctx, 'PUT', `/api/v1/me/favourites/${productId}`, m.headers())).status).toBeLessThan(300);
    await fav(wechat, shop.product.id);
    await fav(wechat, other.id);
    await fav(douyin, shop.product.id);
    const crashed = membersTestHooks(members()).mergeStepNames();
    expect(crashed).toContain('favourites');
    await expect(membersTestHooks(members()).bindPhoneFailingAfter(wechat.id, PHONE, 'favourites')).rejects.toThrow('after merge step favourites');
    expect(await rows('member_favourites', wechat.id)).toHaveLength(2);

    expect((await members().bindPhone(wechat.id, PHONE)).memberId).toBe(douyin.id);
    const kept = await rows('member_favourites', douyin.id);
    expect(kept.map((r) => Number(r.product_id)).sort((a, b) => a - b)).toEqual([shop.product.id, other.id].sort((a, b) => a - b));
    expect(await rows('member_favourites', wechat.id)).toEqual([]);
    expect((await rows('member_favourite_counts', douyin.id))[0]?.favourites).toBe(2);
    expect(await rows('member_favourite_counts', wechat.id)).toEqual([]);
    // The WeChat token now acts as the survivor and sees both favourites.
    const list = await call(ctx, 'GET', '/api/v1/me/favourites', wechat.headers());
    expect(list.body.items.map((i: { product: { id: number } }) => i.product.id).sort()).toEqual([shop.product.id, other.id].sort());
  });

  it('a crash after any step leaves both members as they were', async () => {
    const { wechat, douyin } = await twoMembers();
    const ids = [wechat.id, douyin.id];
    const before = await snapshot(ids);
    const steps = membersTestHooks(members()).mergeStepNames();
    expect(steps).toEqual(
      expect.arrayContaining(['tombstone', 'members', 'sessions', 'orders', 'coupons', 'points', 'check_ins', 'tiers', 'record']),
    );
    for (const step of steps) {
      await expect(membersTestHooks(members()).bindPhoneFailingAfter(wechat.id, PHONE, step), step).rejects.toThrow(`after merge step ${step}`);
      expect(await snapshot(ids), step).toEqual(before);
    }
    expect((await members().bindPhone(wechat.id, PHONE)).memberId).toBe(douyin.id);
  });

  it('two concurrent bindings of one phone from two platforms end in one member', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await newShopper(ctx, 'weapp');
      const b = await newShopper(ctx, 'tt');
      await checkIn(a);
      await checkIn(b);
      const phone = { countryCode: '86', number: `1390000000${round}` };
      const [ra, rb] = await Promise.all([members().bindPhone(a.id, phone), members().bindPhone(b.id, phone)]);
      expect(ra.memberId).toBe(rb.memberId);
      const holders = await ctx.db.selectFrom('members').select('id').where('phone', '=', `+86-${phone.number}`).execute();
      expect(holders.map((h) => Number(h.id))).toEqual([ra.memberId]);
      const absorbed = ra.memberId === a.id ? b.id : a.id;
      expect((await memberRow(absorbed)).merged_into).toBe(ra.memberId);
      expect(await rows('check_ins', ra.memberId)).toHaveLength(1);
      const audit = await ctx.app.services.points.audit(ctx.db, ra.memberId);
      expect(audit.balance - audit.debt).toBe(audit.ledger);
    }
  });

  it('members racing to bind a phone a third member holds are both absorbed by it', async () => {
    const holder = await newShopper(ctx, 'alipay');
    await members().bindPhone(holder.id, PHONE);
    const a = await newShopper(ctx, 'weapp');
    const b = await newShopper(ctx, 'tt');
    const results = await Promise.all([members().bindPhone(a.id, PHONE), members().bindPhone(b.id, PHONE), members().bindPhone(a.id, PHONE)]);
    expect(new Set(results.map((r) => r.memberId))).toEqual(new Set([holder.id]));
    expect(await ctx.db.selectFrom('member_merges').select('absorbed_id').orderBy('absorbed_id').execute()).toHaveLength(2);
  });

  it('the ledgers refuse any other change: an entry moved without a recorded merge, or a changed amount', async () => {
    const a = await newShopper(ctx, 'weapp');
    const b = await newShopper(ctx, 'tt');
    await checkIn(a);
    await expect(ctx.db.updateTable('points_ledger').set({ member_id: b.id }).where('member_id', '=', a.id).execute()).rejects.toThrow(/append-only/);
    await ctx.db.updateTable('members').set({ merged_into: b.id }).where('id', '=', a.id).execute();
    await expect(ctx.db.updateTable('points_ledger').set({ member_id: b.id, delta: 999 }).where('member_id', '=', a.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      ctx.db.updateTable('growth_ledger').set({ member_id: b.id, source_key: 'x' }).where('member_id', '=', a.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('points_ledger').where('member_id', '=', a.id).execute()).rejects.toThrow(/append-only/);
  });
});

describe('unionid at login', () => {
  it('joins identities of one open-platform account (same unionid, another app of the same platform) to one member', async () => {
    const identity = (openId: string, unionId: string | null, platform: 'weapp' | 'tt' = 'weapp') => ({
      platform,
      openId,
      unionId,
      sessionKey: null,
    });
    const first = await members().findOrCreateByIdentity(identity('o-app-1', 'U-1'), 'wx-app-1');
    const second = await members().findOrCreateByIdentity(identity('o-app-2', 'U-1'), 'wx-app-2');
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ memberId: first.memberId, isNew: false });
    expect((await members().findOrCreateByIdentity(identity('o-app-3', 'U-2'), 'wx-app-2')).memberId).not.toBe(first.memberId);
    // A unionid means nothing across platforms (WeChat's and Douyin's open platforms are not one).
    expect((await members().findOrCreateByIdentity(identity('o-tt', 'U-1', 'tt'), 'tt-app')).memberId).not.toBe(first.memberId);
    // Concurrent first logins of the two apps end on one member too.
    const [x, y] = await Promise.all([
      members().findOrCreateByIdentity(identity('o-a', 'U-3'), 'wx-app-1'),
      members().findOrCreateByIdentity(identity('o-b', 'U-3'), 'wx-app-2'),
    ]);
    if (x.memberId !== y.memberId) {
      // Two first logins of one person racing on two apps may make two members; a later login of either joins the older.
      const again = await members().findOrCreateByIdentity(identity('o-c', 'U-3'), 'wx-app-3');
      expect([x.memberId, y.memberId]).toContain(again.memberId);
    }
  });
});

describe('the merchant’s view of members and merges', () => {
  it('shows the profile fields and merge records; searches by the whole phone; masks it; refuses member tokens', async () => {
    const { wechat, douyin } = await twoMembers();
    await members().bindPhone(wechat.id, PHONE);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const detail = await call(ctx, 'GET', `${M}/members/${douyin.id}`, viewer.headers());
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ phoneMasked: '138****5678', gender: 'unknown', closedAt: null, mergedInto: null });
    expect(detail.body.merges).toHaveLength(1);
    expect(detail.body.merges[0]).toMatchObject({ survivorId: douyin.id, absorbedId: wechat.id, phoneMasked: '138****5678' });
    const tomb = await call(ctx, 'GET', `${M}/members/${wechat.id}`, viewer.headers());
    expect(tomb.body.mergedInto).toBe(douyin.id);
    const merges = await call(ctx, 'GET', `${M}/members/${wechat.id}/merges`, viewer.headers());
    expect(merges.status).toBe(200);
    expect(merges.body.items[0].summary.duplicateCheckInDays).toEqual(['2026-11-22']);
    for (const q of ['13812345678', '+8613812345678']) {
      const found = await call(ctx, 'GET', `${M}/members?phone=${encodeURIComponent(q)}`, viewer.headers());
      expect(found.status).toBe(200);
      expect(found.body.items.map((i: { id: number }) => i.id)).toEqual([douyin.id]);
      expect(found.body.items[0].phoneMasked).toBe('138****5678');
    }
    expect((await call(ctx, 'GET', `${M}/members?phone=1381234`, viewer.headers())).body.total).toBe(0);
    const bad = await call(ctx, 'GET', `${M}/members?phone=abc`, viewer.headers());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('query.phone');
    expect((await call(ctx, 'GET', `${M}/members/999999/merges`, viewer.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', `${M}/members/${douyin.id}/merges`, douyin.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/members/${douyin.id}/merges`, {})).status).toBe(401);
  });
});
