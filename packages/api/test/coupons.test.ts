/**
 * Coupons through app.request() on SQLite and PostgreSQL: templates, claims within stock and limits under real
 * concurrency, redemption codes, targeted issuing, the new-member pack, coupons at checkout (best combination, reasons,
 * explicit choice) and through the order lifecycle (taken, used, given back), and the template's figures.
 */
import type { Coupon, CouponTemplate } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, freshAddress, loginMember, type StaffSession, M } from './factories.js';
import { newShopper, orderRow, payOrder, placeOrder, type Shop, type Shopper, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const week = { type: 'relative', days: 7 } as const;

async function template(body: Record<string, unknown>, staff: StaffSession = shop.owner, activate = true): Promise<CouponTemplate> {
  const res = await call(ctx, 'POST', `${M}/coupon-templates`, staff.headers(), { name: '测试券', validity: week, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (!activate) return res.body;
  const active = await call(ctx, 'POST', `${M}/coupon-templates/${res.body.id}/activate`, staff.headers());
  expect(active.status).toBe(200);
  return active.body;
}
const claim = (who: { headers: (h?: Record<string, string>) => Record<string, string> }, templateId: number) =>
  call(ctx, 'POST', '/api/v1/coupons/claim', who.headers({ 'x-forwarded-for': freshAddress() }), { templateId });
const preview = (who: Shopper, extra: Record<string, unknown> = {}) =>
  call(ctx, 'POST', '/api/v1/checkout/preview', who.headers(), {
    items: [
      { skuId: shop.sku(0), quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ],
    addressId: who.addressId,
    ...extra,
  });
const couponRow = (id: number) => ctx.db.selectFrom('coupons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('coupon templates (merchant)', () => {
  it('validate the rule, naming the field, and write nothing', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'threshold_off', amountFen: 2000 }, 'thresholdFen'],
      [{ kind: 'threshold_off', amountFen: 30000, thresholdFen: 19900 }, 'amountFen'],
      [{ kind: 'no_threshold_off' }, 'amountFen'],
      [{ kind: 'percent_off' }, 'percentOffBp'],
      [{ kind: 'percent_off', percentOffBp: 10000 }, 'percentOffBp'],
      [{ kind: 'free_shipping', amountFen: 100 }, 'amountFen'],
      [{ kind: 'no_threshold_off', amountFen: 100, scope: { type: 'categories', ids: [] } }, 'scope.ids'],
      [
        { kind: 'no_threshold_off', amountFen: 100, validity: { type: 'fixed', from: '2026-12-01T00:00:00Z', until: '2026-11-01T00:00:00Z' } },
        'validity.until',
      ],
      [{ kind: 'no_threshold_off', amountFen: 100, perMemberLimit: 0 }, 'perMemberLimit'],
      [{ kind: 'no_threshold_off', amountFen: 100, name: 'a\u0000b' }, 'name'],
      [{ kind: 'cash_back', amountFen: 100 }, 'kind'],
    ];
    for (const [body, field] of bad) {
      const res = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), { name: '坏券', validity: week, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect(await ctx.db.selectFrom('coupon_templates').selectAll().execute()).toEqual([]);
  });

  it('are for staff only, and viewers only read', async () => {
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const body = { name: '券', kind: 'no_threshold_off', amountFen: 500, validity: week };
    expect((await call(ctx, 'POST', `${M}/coupon-templates`, viewer.headers(), body)).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/coupon-templates`, m.headers(), body)).status).toBe(403);
    const t = await template({ kind: 'no_threshold_off', amountFen: 500 });
    expect((await call(ctx, 'GET', `${M}/coupon-templates/${t.id}`, viewer.headers())).status).toBe(200);
    expect((await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/pause`, viewer.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/coupon-templates/${t.id}/stats`, m.headers())).status).toBe(403);
  });

  it('move draft → active → paused → active → ended, and editing never changes coupons already claimed', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 500, totalStock: 10 }, shop.owner, false);
    expect(t.status).toBe('draft');
    expect((await claim(m, t.id)).status).toBe(404);
    await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/activate`, shop.owner.headers());
    const mine = (await claim(m, t.id)).body as Coupon;
    expect(mine).toMatchObject({ name: '测试券', amountFen: 500, status: 'available', source: 'claim' });
    const edited = await call(ctx, 'PATCH', `${M}/coupon-templates/${t.id}`, shop.owner.headers(), {
      name: '新名字',
      validity: { type: 'relative', days: 1 },
    });
    expect(edited.body).toMatchObject({ name: '新名字', validity: { type: 'relative', days: 1 } });
    expect((await call(ctx, 'GET', `/api/v1/coupons/${mine.id}`, m.headers())).body).toMatchObject({ name: '测试券', validUntil: mine.validUntil });
    const lower = await call(ctx, 'PATCH', `${M}/coupon-templates/${t.id}`, shop.owner.headers(), { totalStock: 0 });
    expect(lower.status).toBe(400);
    await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/pause`, shop.owner.headers());
    expect((await claim(m, t.id)).body.error.code).toBe('INVALID_STATE');
    await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/end`, shop.owner.headers());
    const again = await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/activate`, shop.owner.headers());
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_STATE', details: { status: 'ended' } });
  });
});

describe('claiming', () => {
  it('never issues more than the stock, with 30 members racing for 10 (invariant 2)', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 300, totalStock: 10 });
    const members = await Promise.all(Array.from({ length: 30 }, () => loginMember(ctx)));
    const results = await Promise.all(members.map((x) => claim(x, t.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'COUPON_SOLD_OUT')).toBe(true);
    expect(await ctx.db.selectFrom('coupons').select('id').where('template_id', '=', t.id).execute()).toHaveLength(10);
    expect((await call(ctx, 'GET', `${M}/coupon-templates/${t.id}`, shop.owner.headers())).body.claimedCount).toBe(10);
  });

  it('holds the per-member limit against one member claiming in parallel (invariant 2)', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 300, perMemberLimit: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, () => claim(m, t.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status !== 201).every((r) => r.body.error.code === 'LIMIT_REACHED')).toBe(true);
    expect(await ctx.db.selectFrom('coupons').select('claim_seq').where('member_id', '=', m.id).orderBy('claim_seq').execute()).toEqual([
      { claim_seq: 1 },
      { claim_seq: 2 },
      { claim_seq: 3 },
    ]);
    const centre = await call(ctx, 'GET', '/api/v1/coupon-centre', m.headers());
    expect(centre.body.items).toEqual([expect.objectContaining({ id: t.id, claimedByMe: 3, canClaim: false, soldOut: false })]);
  });

  it('is rate-limited per member (invariant 15)', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 300, perMemberLimit: 100 });
    const results = [];
    for (let i = 0; i < 31; i += 1) results.push(await claim(m, t.id));
    expect(results.slice(0, 30).every((r) => r.status === 201)).toBe(true);
    expect(results[30]!.status).toBe(429);
  });

  it('gives coupons valid from the next business day when the template says so', async () => {
    ctx.clock.set('2026-11-22T15:30:00.000Z'); // 23:30 in Beijing
    const owner = await createStaffAndLogin(ctx, 'owner');
    const t = await template({ kind: 'no_threshold_off', amountFen: 300, validity: { type: 'relative', days: 3, startsNextDay: true } }, owner);
    const late = await loginMember(ctx);
    const c = (await claim(late, t.id)).body as Coupon;
    expect([c.validFrom, c.validUntil]).toEqual(['2026-11-22T16:00:00.000Z', '2026-11-25T16:00:00.000Z']);
  });

  it('lists my coupons by state, and another member’s coupon is 404 (invariant 12)', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 300, validity: { type: 'relative', days: 1 } });
    const c = (await claim(m, t.id)).body as Coupon;
    expect((await call(ctx, 'GET', '/api/v1/coupons?status=usable', m.headers())).body.items.map((x: Coupon) => x.id)).toEqual([c.id]);
    const other = await loginMember(ctx);
    expect((await call(ctx, 'GET', `/api/v1/coupons/${c.id}`, other.headers())).status).toBe(404);
    ctx.clock.advance(25 * 3600_000);
    expect((await call(ctx, 'GET', '/api/v1/coupons?status=expired', m.headers())).body.items).toEqual([
      expect.objectContaining({ id: c.id, status: 'expired' }),
    ]);
    expect((await call(ctx, 'GET', '/api/v1/coupons?status=usable', m.headers())).body.items).toEqual([]);
    expect((await call(ctx, 'GET', '/api/v1/coupons?status=gone', m.headers())).status).toBe(400);
  });
});

describe('at checkout', () => {
  it('chooses the best allowed combination, explains the rest, and the member can choose otherwise', async () => {
    // Goods 80.00 (2 × 30.00 + 20.00), shipping 10.00 below 99.00.
    const big = await template({ kind: 'threshold_off', amountFen: 1500, thresholdFen: 8000 });
    const small = await template({ kind: 'no_threshold_off', amountFen: 500 });
    const far = await template({ kind: 'threshold_off', amountFen: 5000, thresholdFen: 20000 });
    const other = await createProduct(ctx, shop.owner, { skus: [{ priceFen: 100, stock: 5 }] });
    const scoped = await template({ kind: 'no_threshold_off', amountFen: 800, scope: { type: 'products', ids: [other.id] } });
    const ids = {} as Record<string, number>;
    for (const [name, t] of Object.entries({ big, small, far, scoped })) ids[name] = ((await claim(m, t.id)).body as Coupon).id;

    const auto = await preview(m);
    expect(auto.status).toBe(200);
    expect(auto.body.coupons).toMatchObject({ auto: true, selectedIds: [ids.big], savingFen: 1500 });
    expect(auto.body).toMatchObject({ discountFen: 1500, payableFen: 7500 });
    expect(auto.body.breakdown).toContainEqual({
      kind: 'discount',
      code: 'coupon_threshold_off',
      label: '测试券',
      amountFen: -1500,
      source: { type: 'coupon', id: ids.big },
    });
    expect(auto.body.coupons.usable.map((u: { coupon: Coupon; savingFen: number }) => [u.coupon.id, u.savingFen])).toEqual([
      [ids.big, 1500],
      [ids.small, 500],
    ]);
    expect(auto.body.coupons.unusable.map((u: { coupon: Coupon; reason: string; detail: string }) => [u.coupon.id, u.reason, u.detail])).toEqual([
      [ids.far, 'below_threshold', '满 ¥200.00 可用'],
      [ids.scoped, 'outside_scope', '所选商品不在使用范围内'],
    ]);

    const chosen = await preview(m, { couponIds: [ids.small] });
    expect(chosen.body.coupons).toMatchObject({ auto: false, selectedIds: [ids.small], savingFen: 500 });
    const none = await preview(m, { couponIds: [] });
    expect(none.body).toMatchObject({ discountFen: 0, payableFen: 9000 });
    // One per kind unless both allow each other; an unusable or foreign coupon is refused by name.
    const two = await preview(m, { couponIds: [ids.big, ids.far] });
    expect(two.status).toBe(409);
    expect(two.body.error).toMatchObject({ code: 'COUPON_UNUSABLE', details: { field: 'couponIds.1', reason: 'below_threshold' } });
    const notMine = await preview(m, { couponIds: [999_999] });
    expect(notMine.status).toBe(404);
    expect((await preview(m, { couponIds: [ids.big, ids.big] })).status).toBe(400);
  });

  it('stacks only kinds that allow each other, and a free-shipping coupon only touches shipping', async () => {
    const stack = { withCouponKinds: ['free_shipping', 'percent_off'] };
    const pct = await template({
      kind: 'percent_off',
      percentOffBp: 2000,
      capFen: 1000,
      stacking: { withCouponKinds: ['no_threshold_off', 'free_shipping'] },
    });
    const flat = await template({ kind: 'no_threshold_off', amountFen: 500, stacking: stack });
    const ship = await template({ kind: 'free_shipping', stacking: { withCouponKinds: ['no_threshold_off', 'percent_off'] } });
    for (const t of [pct, flat, ship]) await claim(m, t.id);
    const res = await preview(m);
    // 80.00 − 5.00 = 75.00, then 20 % (capped at 10.00) = 10.00 → 65.00; shipping 10.00 − 10.00.
    expect(res.body).toMatchObject({ itemsFen: 8000, shippingFen: 1000, discountFen: 2500, payableFen: 6500 });
    expect(res.body.breakdown.map((b: { code: string; amountFen: number }) => [b.code, b.amountFen])).toEqual([
      ['items', 8000],
      ['coupon_no_threshold_off', -500],
      ['coupon_percent_off', -1000],
      ['shipping_flat', 1000],
      ['coupon_free_shipping', -1000],
    ]);
  });

  it('is taken by one order only, however many race for it (invariant 2)', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 1000 });
    const c = ((await claim(m, t.id)).body as Coupon).id;
    const orders = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(ctx, 'POST', '/api/v1/orders', m.headers(), { items: [{ skuId: shop.sku(1), quantity: 1 }], addressId: m.addressId, couponIds: [c] }),
      ),
    );
    const won = orders.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(orders.filter((r) => r.status === 409).every((r) => r.body.error.code === 'COUPON_UNUSABLE')).toBe(true);
    expect(await couponRow(c)).toMatchObject({ status: 'locked', order_id: won[0]!.body.id });
    expect(await ctx.db.selectFrom('orders').select('id').execute()).toHaveLength(1);
    // Held by the unpaid order, it shows as in use; a discount larger than the goods leaves them free, never negative.
    expect((await preview(m)).body.coupons.unusable).toEqual([expect.objectContaining({ reason: 'in_use' })]);
  });

  it('is locked at creation, back when the unpaid order closes, used when paid, back when the order is wholly refunded', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 1000 });
    const c = ((await claim(m, t.id)).body as Coupon).id;
    const first = await placeOrder(ctx, shop, m);
    expect(first.discountFen).toBe(1000);
    expect((await couponRow(c)).status).toBe('locked');
    await call(ctx, 'POST', `/api/v1/orders/${first.id}/cancel`, m.headers());
    expect(await couponRow(c)).toMatchObject({ status: 'available', order_id: null });

    const second = await placeOrder(ctx, shop, m);
    ctx.clock.advance(31 * 60_000);
    await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now());
    expect((await couponRow(c)).status).toBe('available');

    const third = await placeOrder(ctx, shop, m);
    await payOrder(ctx, m, third);
    expect(await couponRow(c)).toMatchObject({ status: 'used', order_id: third.id, discount_fen: 1000, order_paid_fen: 8000 });
    let stats = (await call(ctx, 'GET', `${M}/coupon-templates/${t.id}/stats`, shop.owner.headers())).body;
    expect(stats).toEqual({ templateId: t.id, claimed: 1, used: 1, expired: 0, discountFen: 1000, salesFen: 8000 });
    expect(second.id).not.toBe(third.id);

    // A partial refund keeps it used; the refund that empties the order gives it back (still valid).
    const part = await call(ctx, 'POST', `/api/v1/orders/${third.id}/refunds`, m.headers(), {
      reason: '少了一件',
      lines: [{ orderLineId: third.lines[0]!.id, quantity: 1 }],
    });
    await call(ctx, 'POST', `${M}/refunds/${part.body.id}/approve`, shop.owner.headers(), {});
    await ctx.simulator.completeRefund('weapp', part.body.refundNo);
    expect((await couponRow(c)).status).toBe('used');
    const rest = await call(ctx, 'POST', `/api/v1/orders/${third.id}/refunds`, m.headers(), { reason: '都退了' });
    await call(ctx, 'POST', `${M}/refunds/${rest.body.id}/approve`, shop.owner.headers(), {});
    await ctx.simulator.completeRefund('weapp', rest.body.refundNo);
    expect((await orderRow(ctx, third.id)).status).toBe('refunded');
    expect(await couponRow(c)).toMatchObject({ status: 'available', order_id: null });
    stats = (await call(ctx, 'GET', `${M}/coupon-templates/${t.id}/stats`, shop.owner.headers())).body;
    expect(stats).toMatchObject({ used: 0, discountFen: 0 });
  });

  it('stays used when the order is wholly refunded after the coupon expired', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 1000, validity: { type: 'relative', days: 1 } });
    const c = ((await claim(m, t.id)).body as Coupon).id;
    const order = await placeOrder(ctx, shop, m);
    await payOrder(ctx, m, order);
    ctx.clock.advance(2 * 24 * 3600_000);
    const owner = await createStaffAndLogin(ctx, 'owner');
    const all = await call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds`, m.headers(), { reason: '不要了' });
    await call(ctx, 'POST', `${M}/refunds/${all.body.id}/approve`, owner.headers(), {});
    await ctx.simulator.completeRefund('weapp', all.body.refundNo);
    expect((await couponRow(c)).status).toBe('used');
  });
});

describe('redemption codes', () => {
  it('are unguessable, redeemed once, rate-limited, and exported for staff who can edit', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 800, public: false, perMemberLimit: 5 });
    const batch = await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/code-batches`, shop.owner.headers(), { count: 20, note: '线下活动' });
    expect(batch.status).toBe(201);
    const csv = await ctx.app.request(`${M}/coupon-code-batches/${batch.body.id}/codes.csv`, { headers: shop.owner.headers() });
    const rows = (await csv.text()).trim().split('\n').slice(1);
    expect(rows).toHaveLength(20);
    const codes = rows.map((r) => r.split(',')[0]!);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(20);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await ctx.app.request(`${M}/coupon-code-batches/${batch.body.id}/codes.csv`, { headers: viewer.headers() })).status).toBe(403);

    const redeem = (code: string, who = m, address = freshAddress()) =>
      call(ctx, 'POST', '/api/v1/coupons/redeem', who.headers({ 'x-forwarded-for': address }), { code });
    const typed = codes[0]!.toLowerCase().replaceAll('-', ' ');
    const got = await redeem(typed);
    expect(got.status).toBe(201);
    expect(got.body).toMatchObject({ templateId: t.id, source: 'code' });
    const twice = await Promise.all([redeem(codes[0]!), redeem(codes[0]!, await newShopper(ctx))]);
    expect(twice.map((r) => r.body.error.code)).toEqual(['COUPON_CODE_USED', 'COUPON_CODE_USED']);
    expect((await redeem('NOPE-NOPE-NOPE-NOPE')).body.error).toMatchObject({ code: 'COUPON_CODE_INVALID', details: { field: 'code' } });
    // Guessing: a few tries a minute per member, and per address.
    const guesser = await newShopper(ctx);
    const tries = [];
    for (let i = 0; i < 11; i += 1) tries.push(await redeem('AAAA-BBBB-CCCC-DDDD', guesser));
    expect(tries[10]!.status).toBe(429);
    expect(tries[10]!.body.error.code).toBe('RATE_LIMITED');
    const listed = await call(ctx, 'GET', `${M}/coupon-templates/${t.id}/code-batches`, viewer.headers());
    expect(listed.body.items).toEqual([expect.objectContaining({ count: 20, redeemed: 1, note: '线下活动' })]);
  });
});

describe('targeted issuing', () => {
  it('reaches a filtered audience once, however often or concurrently the job runs, and reports why others were skipped', async () => {
    const t = await template({ kind: 'no_threshold_off', amountFen: 500, public: false, totalStock: 4 });
    const ali = await Promise.all([loginMember(ctx, { platform: 'alipay' }), loginMember(ctx, { platform: 'alipay' })]);
    const tt = await loginMember(ctx, { platform: 'tt' });
    // One alipay member has ordered (paid).
    const buyer = await newShopper(ctx, 'alipay');
    await payOrder(ctx, buyer, await placeOrder(ctx, shop, buyer));

    const bad = await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/issue-jobs`, shop.owner.headers(), { memberIds: [1], filter: {} });
    expect(bad.status).toBe(400);
    const created = await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/issue-jobs`, shop.owner.headers(), {
      filter: { platform: 'alipay', hasOrdered: false },
    });
    expect(created.status).toBe(202);
    const jobId = created.body.id;
    // Run it twice more at once, beside the run that creating it started.
    await Promise.all([
      ctx.app.services.couponIssueJobs.run(jobId),
      ctx.app.services.couponIssueJobs.run(jobId),
      ctx.app.services.couponIssueJobs.processQueue(),
    ]);
    for (let i = 0; i < 50 && (await ctx.app.services.couponIssueJobs.job(jobId)).status !== 'done'; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    const job = (await call(ctx, 'GET', `${M}/coupon-issue-jobs/${jobId}`, shop.owner.headers())).body;
    expect(job).toMatchObject({ status: 'done', issued: 2, skipped: 0, matched: 2 });
    const holders = await ctx.db.selectFrom('coupons').select('member_id').where('template_id', '=', t.id).orderBy('member_id').execute();
    expect(holders.map((h) => Number(h.member_id))).toEqual(ali.map((a) => a.id).sort((a, b) => a - b));
    expect(holders.map((h) => Number(h.member_id))).not.toContain(tt.id);

    // Chosen members beyond the stock, and one who does not exist.
    const others = await Promise.all([loginMember(ctx), loginMember(ctx), loginMember(ctx)]);
    const second = await call(ctx, 'POST', `${M}/coupon-templates/${t.id}/issue-jobs`, shop.owner.headers(), {
      memberIds: [...others.map((o) => o.id), 999_999, ali[0]!.id],
    });
    await ctx.app.services.couponIssueJobs.run(second.body.id);
    for (let i = 0; i < 50 && (await ctx.app.services.couponIssueJobs.job(second.body.id)).status !== 'done'; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    const report = (await call(ctx, 'GET', `${M}/coupon-issue-jobs/${second.body.id}`, shop.owner.headers())).body;
    expect(report).toMatchObject({ status: 'done', matched: 5, issued: 2, skipped: 3 });
    expect(report.skippedByReason).toEqual({ member_not_found: 1, limit_reached: 1, sold_out: 1 });
  });
});

describe('the new-member pack', () => {
  it('gives its coupons once, on a member’s first login, whatever the platform', async () => {
    const a = await template({ kind: 'no_threshold_off', amountFen: 500, public: false });
    const b = await template({ kind: 'free_shipping', public: false });
    const set = await call(ctx, 'PUT', `${M}/coupon-settings/new-member-pack`, shop.owner.headers(), { templateIds: [a.id, b.id] });
    expect(set.status).toBe(200);
    expect((await call(ctx, 'PUT', `${M}/coupon-settings/new-member-pack`, shop.owner.headers(), { templateIds: [999_999] })).status).toBe(404);
    const fresh = await loginMember(ctx, { platform: 'tt', user: 'newcomer' });
    const mine = (await call(ctx, 'GET', '/api/v1/coupons', fresh.headers())).body.items as Coupon[];
    expect(mine.map((c) => [c.templateId, c.source]).sort()).toEqual(
      [
        [a.id, 'new_member'],
        [b.id, 'new_member'],
      ].sort(),
    );
    await loginMember(ctx, { platform: 'tt', user: 'newcomer' });
    expect((await call(ctx, 'GET', '/api/v1/coupons', fresh.headers())).body.items).toHaveLength(2);
    // Members who joined before the pack existed get nothing.
    expect((await call(ctx, 'GET', '/api/v1/coupons', m.headers())).body.items).toHaveLength(0);
  });
});

describe('on the product page', () => {
  it('lists the claimable coupons that apply to the product', async () => {
    const everywhere = await template({ kind: 'no_threshold_off', amountFen: 100 });
    const elsewhere = await template({ kind: 'no_threshold_off', amountFen: 100, scope: { type: 'products', ids: [shop.product.id + 1000] } });
    const excluded = await template({
      kind: 'no_threshold_off',
      amountFen: 100,
      scope: { type: 'all', ids: [], excludeProductIds: [shop.product.id] },
    });
    const res = await call(ctx, 'GET', `/api/v1/products/${shop.product.id}/coupons`, m.headers());
    expect(res.body.items.map((t: { id: number }) => t.id)).toEqual([everywhere.id]);
    expect([elsewhere.id, excluded.id]).not.toContain(res.body.items[0].id);
  });

  it('leaves out a coupon the member claimed and used up, and keeps one still held', async () => {
    const once = await template({ kind: 'no_threshold_off', amountFen: 100, perMemberLimit: 1 });
    const listed = async () =>
      (await call(ctx, 'GET', `/api/v1/products/${shop.product.id}/coupons`, m.headers())).body.items.map((t: { id: number }) => t.id);
    expect((await claim(m, once.id)).status).toBe(201);
    // Held and usable: still listed (已领取).
    expect(await listed()).toEqual([once.id]);
    const order = await placeOrder(ctx, shop, m);
    await payOrder(ctx, m, order);
    expect(order.breakdown.some((l: { source: { type: string } | null }) => l.source?.type === 'coupon')).toBe(true);
    // Used, and no more to claim: gone from the 领券 row.
    expect(await listed()).toEqual([]);
  });
});
