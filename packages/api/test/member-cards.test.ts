/**
 * The paid membership card (decision 040) through app.request() and the member-cards service, on SQLite and
 * PostgreSQL: the merchant's cards and bad input, member tokens refused; the card's member price, free shipping and
 * points multiplier at checkout and on shelf prices, and its saving recorded per paid order; renewal from the current
 * end; one open purchase per member and one extension per paid order under real concurrency; the refund rule, racing
 * the expiry job; the monthly coupon pack run twice at once; reminders; benefits stopping at expiry; a merge.
 */
import type { MemberCard, MemberCardInput } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../src/lib/transaction.js';
import { DEFAULT_DISTRIBUTION_SETTINGS } from '../src/modules/distribution/index.js';
import { eachTestContext, type TestContext } from './context.js';
import type { LoginPlatform } from '@siyu/shared';
import { call, createStaffAndLogin, DAY, loginMember, M } from './factories.js';
import {
  approvedRefund,
  expectOkAck,
  newShopper,
  orderRow,
  payOrder,
  placeOrder,
  type Shop,
  type Shopper,
  startPayment,
  withShopAndShopper,
} from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const cards = () => ctx.app.services.memberCards;

const YEAR_CARD: MemberCardInput = {
  name: '黑金年卡',
  priceFen: 19_900,
  periodMonths: 12,
  refundDays: 7,
  onSale: true,
  benefits: { memberPriceBp: 1000, pointsMultiplierBp: 20_000, freeShipping: true, mayDistribute: true, couponTemplateId: null, couponsPerMonth: 0 },
};

async function createCard(input: Partial<MemberCardInput> = {}): Promise<MemberCard> {
  const res = await call(ctx, 'POST', `${M}/member-cards`, shop.owner.headers(), { ...YEAR_CARD, ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

let fakeOrderId = 1_000_000;
/**
 * A card order paid, as the order of kind member_card does it: the purchase opened in the order's transaction, then
 * the paid step. (The card order itself goes through the pay flow once orders take the member_card kind.)
 */
async function buyAndPay(memberId: number, cardId: number): Promise<number> {
  const orderId = (fakeOrderId += 1);
  await inTransaction(ctx.db, async (trx) => {
    const { purchaseId } = await cards().openPurchase(trx, memberId, cardId);
    await cards().attachOrder(trx, purchaseId, orderId);
  });
  const paid = await inTransaction(ctx.db, (trx) => cards().applyPaid(trx, { orderId, memberId, paidAt: ctx.clock.now().toISOString() }));
  expect(paid).toBe(true);
  return orderId;
}

const holding = (memberId: number) => ctx.db.selectFrom('member_card_holdings').selectAll().where('member_id', '=', memberId).executeTakeFirst();
const preview = (who: Shopper) =>
  call(ctx, 'POST', '/api/v1/checkout/preview', who.headers(), {
    items: [
      { skuId: shop.sku(0), quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ],
    addressId: who.addressId,
  });

describe('the merchant’s cards', () => {
  it('creates, lists and changes cards; bad input is a 400 naming the field and writes nothing', async () => {
    const card = await createCard();
    expect(card).toMatchObject({ name: '黑金年卡', priceFen: 19_900, periodMonths: 12, onSale: true, benefits: { memberPriceBp: 1000 } });
    const changed = await call(ctx, 'PUT', `${M}/member-cards/${card.id}`, shop.owner.headers(), { ...YEAR_CARD, priceFen: 29_900 });
    expect(changed.status).toBe(200);
    expect(changed.body.priceFen).toBe(29_900);

    const bad: [Record<string, unknown>, string][] = [
      [{ priceFen: 0 }, 'priceFen'],
      [{ priceFen: 1.5 }, 'priceFen'],
      [{ periodMonths: 37 }, 'periodMonths'],
      [{ refundDays: 29 }, 'refundDays'],
      [{ name: '' }, 'name'],
      [{ name: 'a\u0000b' }, 'name'],
      [{ benefits: { ...YEAR_CARD.benefits, memberPriceBp: 9500 } }, 'benefits.memberPriceBp'],
      [{ benefits: { ...YEAR_CARD.benefits, couponsPerMonth: 2 } }, 'benefits.couponTemplateId'],
      [{ benefits: { ...YEAR_CARD.benefits, couponTemplateId: 999_999, couponsPerMonth: 1 } }, 'benefits.couponTemplateId'],
      [{ extra: 1 }, ''],
    ];
    for (const [change, field] of bad) {
      const res = await call(ctx, 'POST', `${M}/member-cards`, shop.owner.headers(), { ...YEAR_CARD, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      if (field)
        expect(
          res.body.error.details.issues.map((i: { field: string }) => i.field),
          JSON.stringify(change),
        ).toContain(field);
    }
    expect((await call(ctx, 'GET', `${M}/member-cards`, shop.owner.headers())).body.items).toHaveLength(1);
    expect((await call(ctx, 'PUT', `${M}/member-cards/999999`, shop.owner.headers(), YEAR_CARD)).status).toBe(404);
  });

  it('refuses member tokens and operators’ writes on merchant endpoints', async () => {
    expect((await call(ctx, 'GET', `${M}/member-cards`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/member-cards`, m.headers(), YEAR_CARD)).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/member-cards/holders`, m.headers())).status).toBe(403);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'POST', `${M}/member-cards`, viewer.headers(), YEAR_CARD)).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/member-cards`, viewer.headers())).status).toBe(200);
    expect(await ctx.db.selectFrom('member_cards').select('id').execute()).toHaveLength(0);
  });
});

describe('benefits', () => {
  it('prices a checkout and shelf with the card, records what it saved when paid, and multiplies points', async () => {
    const card = await createCard();
    const before = await preview(m);
    expect(before.body.payableFen).toBe(9000);
    await buyAndPay(m.id, card.id);

    const after = await preview(m);
    expect(after.status).toBe(200);
    // 80.00 of goods, 10 % off = 72.00; shipping 10.00 free by the card.
    expect(after.body.payableFen).toBe(7200);
    expect(after.body.breakdown.map((b: { code: string }) => b.code)).toEqual(expect.arrayContaining(['card_member_price', 'card_free_shipping']));
    const shelf = await call(ctx, 'POST', '/api/v1/checkout/member-prices', m.headers(), { productIds: [shop.product.id] });
    expect(JSON.stringify(shelf.body)).toContain('2700');

    const order = await placeOrder(ctx, shop, m);
    expect(order.payableFen).toBe(7200);
    await payOrder(ctx, m, order);
    const mine = (await call(ctx, 'GET', '/api/v1/member-cards/me', m.headers())).body.card;
    expect(mine).toMatchObject({ status: 'active', savedFen: 1800, daysLeft: 365, refundableUntil: null });
    const savings = (await call(ctx, 'GET', '/api/v1/member-cards/me/savings', m.headers())).body;
    expect(savings).toEqual({ totalFen: 1800, items: [{ orderId: order.id, savedFen: 1800, createdAt: expect.any(String) }] });
    // 72 yuan paid for goods, times 2 for the card.
    const pending = (await call(ctx, 'GET', '/api/v1/points', m.headers())).body.pendingItems;
    expect(pending).toContainEqual(expect.objectContaining({ orderId: order.id, points: 144 }));
    expect(await cards().mayDistribute(ctx.db, m.id, ctx.clock.now())).toBe(true);
    expect(await cards().hasActiveCard(ctx.db, m.id, ctx.clock.now())).toBe(true);

    // Refunded in full, the order saved nothing after all.
    await approvedRefund(ctx, m, order.id);
    expect((await cards().savings(m.id)).totalFen).toBe(0);
    expect((await cards().myCard(m.id))?.savedFen).toBe(0);
  });

  it('stops at expiry (before and after the job), and the job is safe to re-run', async () => {
    const card = await createCard({ periodMonths: 1 });
    await buyAndPay(m.id, card.id);
    ctx.clock.advance(31 * DAY);
    const request = { items: [{ skuId: shop.sku(0), quantity: 1 }], addressId: m.addressId } as never;
    // Before the job runs, the card no longer prices anything.
    expect((await ctx.app.services.orders.preview(m.id, null, request)).payableFen).toBe(4000);
    expect(await cards().hasActiveCard(ctx.db, m.id, ctx.clock.now())).toBe(false);
    const runs = await Promise.all([cards().expireDue(), cards().expireDue()]);
    expect(runs[0]! + runs[1]!).toBe(1);
    expect(await cards().expireDue()).toBe(0);
    expect((await holding(m.id))?.status).toBe('expired');
    expect(await cards().myCard(m.id)).toMatchObject({ status: 'expired', daysLeft: 0 });
  });

  it('refuses an order priced with a card that ended between checkout and creation', async () => {
    const card = await createCard();
    await buyAndPay(m.id, card.id);
    const offered = await ctx.app.services.orders.preview(m.id, null, {
      items: [{ skuId: shop.sku(0), quantity: 1 }],
      addressId: m.addressId,
    } as never);
    expect(offered.payableFen).toBe(2700);
    await ctx.db.updateTable('member_card_holdings').set({ status: 'refunded' }).where('member_id', '=', m.id).execute();
    // A new checkout no longer sees the card.
    expect((await preview(m)).body.payableFen).toBe(9000);
  });
});

describe('buying and renewing', () => {
  it('renews from the current end, not from today', async () => {
    const card = await createCard();
    await buyAndPay(m.id, card.id);
    const first = (await holding(m.id))!;
    expect(first.expires_at).toBe('2027-11-22T02:00:00.000Z');
    ctx.clock.advance(10 * DAY);
    await buyAndPay(m.id, card.id);
    const second = (await holding(m.id))!;
    expect(second.expires_at).toBe('2028-11-22T02:00:00.000Z');
    expect(second.started_at).toBe(first.started_at);
  });

  it('a card bought twice at once: one purchase opens, the other is refused by the database', async () => {
    const card = await createCard();
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        inTransaction(ctx.db, async (trx) => {
          const { purchaseId } = await cards().openPurchase(trx, m.id, card.id);
          await cards().attachOrder(trx, purchaseId, 2_000_000 + i);
          return purchaseId;
        }),
      ),
    );
    const opened = tries.filter((t) => t.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    for (const t of tries) if (t.status === 'rejected') expect((t.reason as { code?: string }).code).toBe('CONFLICT');
    const rows = await ctx.db.selectFrom('member_card_purchases').selectAll().where('member_id', '=', m.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('a paid order extends once, however many times and however concurrently its payment is applied', async () => {
    const card = await createCard();
    const orderId = 3_000_001;
    await inTransaction(ctx.db, async (trx) => {
      const { purchaseId } = await cards().openPurchase(trx, m.id, card.id);
      await cards().attachOrder(trx, purchaseId, orderId);
    });
    const at = ctx.clock.now().toISOString();
    const applied = await Promise.all(
      Array.from({ length: 8 }, () => inTransaction(ctx.db, (trx) => cards().applyPaid(trx, { orderId, memberId: m.id, paidAt: at }))),
    );
    expect(applied.filter(Boolean)).toHaveLength(1);
    expect((await holding(m.id))?.expires_at).toBe('2027-11-22T02:00:00.000Z');
    // Paid, the member may buy again.
    await buyAndPay(m.id, card.id);
    expect((await holding(m.id))?.expires_at).toBe('2028-11-22T02:00:00.000Z');
  });
});

describe('the refund rule', () => {
  it('allows a full refund within the window when no benefit was used, none after or once used', async () => {
    const card = await createCard();
    const orderId = await buyAndPay(m.id, card.id);
    const at = () => ctx.clock.now().toISOString();
    expect(await cards().refundRefusal(ctx.db, orderId, at())).toBeNull();
    ctx.clock.advance(8 * DAY);
    expect(await cards().refundRefusal(ctx.db, orderId, at())).toMatch(/window/);
    ctx.clock.advance(-8 * DAY);

    const order = await placeOrder(ctx, shop, m);
    expect(order.payableFen).toBe(7200);
    expect(await cards().refundRefusal(ctx.db, orderId, at())).toMatch(/used/);
  });

  it('a refund racing the expiry job nets exactly once', async () => {
    const card = await createCard({ periodMonths: 1 });
    await buyAndPay(m.id, card.id);
    ctx.clock.advance(27 * DAY);
    const renewal = await buyAndPay(m.id, card.id);
    ctx.clock.advance(4 * DAY + 3600_000); // past the first month's end, within the renewal's window
    const at = ctx.clock.now().toISOString();
    const [revoked, expired] = await Promise.all([inTransaction(ctx.db, (trx) => cards().applyRefunded(trx, renewal, at)), cards().expireDue()]);
    expect(revoked).toBe(true);
    expect(expired).toBe(0);
    const h = (await holding(m.id))!;
    expect(h.status).toBe('expired');
    expect(h.expires_at < at).toBe(true);
    expect(await cards().expireDue()).toBe(0);
    const purchases = await ctx.db.selectFrom('member_card_purchases').select(['status']).where('member_id', '=', m.id).orderBy('id').execute();
    expect(purchases.map((p) => p.status)).toEqual(['paid', 'refunded']);
    expect(await inTransaction(ctx.db, (trx) => cards().applyRefunded(trx, renewal, at))).toBe(false);
  });
});

describe('jobs', () => {
  it('issues each month’s coupon pack once, even when the job runs twice at once', async () => {
    const t = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: '会员月券',
      validity: { type: 'relative', days: 30 },
      kind: 'no_threshold_off',
      amountFen: 500,
      perMemberLimit: 100,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect((await call(ctx, 'POST', `${M}/coupon-templates/${t.body.id}/activate`, shop.owner.headers())).status).toBe(200);
    const card = await createCard({ benefits: { ...YEAR_CARD.benefits, couponTemplateId: t.body.id, couponsPerMonth: 2 } });
    await buyAndPay(m.id, card.id);
    const other = await newShopper(ctx);
    await buyAndPay(other.id, card.id);

    const runs = await Promise.all([cards().issueCouponPacks(), cards().issueCouponPacks()]);
    expect(runs[0]!.packs + runs[1]!.packs).toBe(2);
    expect(runs[0]!.coupons + runs[1]!.coupons).toBe(4);
    expect((await cards().issueCouponPacks()).packs).toBe(0);
    const coupons = await ctx.db.selectFrom('coupons').select('member_id').where('template_id', '=', t.body.id).execute();
    expect(coupons).toHaveLength(4);
    ctx.clock.advance(31 * DAY);
    expect(await cards().issueCouponPacks()).toEqual({ packs: 2, coupons: 4 });
  });

  it('records reminders before the end once each', async () => {
    const card = await createCard({ periodMonths: 1 });
    await buyAndPay(m.id, card.id);
    expect(await cards().recordReminders()).toBe(0);
    ctx.clock.advance(25 * DAY);
    const runs = await Promise.all([cards().recordReminders(), cards().recordReminders()]);
    expect(runs[0]! + runs[1]!).toBe(1);
    ctx.clock.advance(4 * DAY);
    expect(await cards().recordReminders()).toBe(1);
    expect(await cards().recordReminders()).toBe(0);
    const rows = await ctx.db.selectFrom('member_card_reminders').select(['days_before']).where('member_id', '=', m.id).orderBy('id').execute();
    expect(rows.map((r) => r.days_before)).toEqual([7, 1]);
    // Each reminder is a message in the member's message centre (sent on the platform where they consented).
    const inbox = (await call(ctx, 'GET', '/api/v1/me/messages', m.headers())).body;
    expect(inbox).toMatchObject({ total: 2, unread: 2 });
    expect(inbox.items.map((i: { kind: string; page: string }) => [i.kind, i.page])).toEqual([
      ['member_card_expiring', 'package-card/pages/mine/index'],
      ['member_card_expiring', 'package-card/pages/mine/index'],
    ]);
    // Newest first: the 1-day reminder, then the 7-day one (sent late here, so it says the days really left).
    const daysLeft = inbox.items.map((i: { body: string }) => Number(i.body.match(/还剩 (\d+) 天/)?.[1]));
    expect(daysLeft[0]).toBe(1);
    expect(daysLeft[1]).toBeGreaterThan(1);
    expect(daysLeft[1]).toBeLessThanOrEqual(7);
  });
});

describe('the purchase page and the merchant’s holders', () => {
  it('estimates the saving from the member’s own paid orders and lists holders with the refund rule', async () => {
    const card = await createCard();
    const order = await placeOrder(ctx, shop, m);
    await payOrder(ctx, m, order);
    const offer = (await call(ctx, 'GET', '/api/v1/member-cards', m.headers())).body;
    expect(offer.mine).toBeNull();
    expect(offer.cards[0]).toMatchObject({ id: card.id, estimate: { orders: 1, savedFen: 800 + 1000 } });
    await buyAndPay(m.id, card.id);
    const holders = (await call(ctx, 'GET', `${M}/member-cards/holders`, shop.owner.headers())).body;
    expect(holders.total).toBe(1);
    expect(holders.items[0]).toMatchObject({
      memberId: m.id,
      status: 'active',
      refundable: true,
      lastPurchase: { status: 'paid', priceFen: 19_900 },
    });
    expect((await call(ctx, 'GET', `${M}/member-cards/holders?status=bogus`, shop.owner.headers())).status).toBe(400);
  });
});

describe('merge', () => {
  it('the survivor keeps its card and gains the days the absorbed member had left', async () => {
    const card = await createCard({ periodMonths: 1 });
    const other = await newShopper(ctx, 'alipay');
    await buyAndPay(m.id, card.id);
    await buyAndPay(other.id, card.id);
    await inTransaction(ctx.db, async (trx) => {
      const p = ctx.app.participants.member.find((x) => x.name === 'member-cards')!;
      await p.merge!(trx, { survivorId: m.id, absorbedId: other.id, at: ctx.clock.now().toISOString() });
    });
    expect((await holding(m.id))?.expires_at).toBe(new Date(new Date('2026-12-22T02:00:00.000Z').getTime() + 30 * DAY).toISOString());
    expect(await holding(other.id)).toBeUndefined();
    expect(await ctx.db.selectFrom('member_card_purchases').select('id').where('member_id', '=', m.id).execute()).toHaveLength(2);
  });
});

describe('bought through the pay flow', () => {
  const buy = (who: Shopper, cardId: number) => call(ctx, 'POST', `/api/v1/member-cards/${cardId}/purchase`, who.headers(), {});

  for (const platform of ['weapp', 'alipay', 'tt'] as LoginPlatform[]) {
    it(`on ${platform}: a card order paid (its notification replayed) extends the card once and member prices follow`, async () => {
      const card = await createCard();
      const who = await newShopper(ctx, platform);
      const bought = await buy(who, card.id);
      expect(bought.status, JSON.stringify(bought.body)).toBe(201);
      expect(await orderRow(ctx, bought.body.orderId)).toMatchObject({ kind: 'member_card', payable_fen: 19_900, status: 'awaiting_payment' });
      await startPayment(ctx, who, bought.body.orderId);
      const { deliveries } = await ctx.simulator.pay(platform, bought.body.orderNo, { duplicates: 5 });
      for (const d of deliveries) expectOkAck(platform, d);
      expect((await orderRow(ctx, bought.body.orderId)).status).toBe('paid');
      expect((await holding(who.id))?.expires_at).toBe('2027-11-22T02:00:00.000Z');
      expect((await preview(who)).body.payableFen).toBe(7200);
      // Buying the card earns no points and no growth (only its own participant acts on a card order).
      expect((await call(ctx, 'GET', '/api/v1/points', who.headers())).body.pending).toBe(0);
    });
  }

  it('a card bought twice at once: one order opens, the others are refused; after paying, buying again renews', async () => {
    const card = await createCard();
    const tries = await Promise.all(Array.from({ length: 5 }, () => buy(m, card.id)));
    const opened = tries.filter((r) => r.status === 201);
    expect(opened).toHaveLength(1);
    for (const r of tries.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.details.orderId).toBe(opened[0]!.body.orderId);
    }
    expect(await ctx.db.selectFrom('orders').select('id').where('kind', '=', 'member_card').execute()).toHaveLength(1);
    await payOrder(ctx, m, { id: opened[0]!.body.orderId, orderNo: opened[0]!.body.orderNo } as never);
    const again = await buy(m, card.id);
    expect(again.status).toBe(201);
    await payOrder(ctx, m, { id: again.body.orderId, orderNo: again.body.orderNo } as never);
    expect((await holding(m.id))?.expires_at).toBe('2028-11-22T02:00:00.000Z');
  });

  it('an unpaid card order closed by its window frees the member to buy again', async () => {
    const card = await createCard();
    const first = await buy(m, card.id);
    expect((await buy(m, card.id)).status).toBe(409);
    ctx.clock.advance(31 * 60_000);
    await ctx.app.services.orders.closeExpiredOrders(ctx.clock.now());
    expect((await orderRow(ctx, first.body.orderId)).status).toBe('cancelled');
    expect((await buy(m, card.id)).status).toBe(201);
  });

  it('refunds in full within the window with no benefit used (the card ends), refuses once a benefit was used', async () => {
    const card = await createCard();
    const bought = (await buy(m, card.id)).body;
    await payOrder(ctx, m, { id: bought.orderId, orderNo: bought.orderNo } as never);
    await approvedRefund(ctx, m, bought.orderId);
    expect(await orderRow(ctx, bought.orderId)).toMatchObject({ status: 'refunded', refunded_fen: 19_900 });
    expect((await holding(m.id))?.status).toBe('refunded');
    expect((await preview(m)).body.payableFen).toBe(9000);

    const second = (await buy(m, card.id)).body;
    await payOrder(ctx, m, { id: second.orderId, orderNo: second.orderNo } as never);
    await placeOrder(ctx, shop, m);
    const refused = await call(ctx, 'POST', `/api/v1/orders/${second.orderId}/refunds`, m.headers(), { reason: '不要了' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/used/);
    expect(await ctx.db.selectFrom('refunds').select('id').where('order_id', '=', second.orderId).execute()).toHaveLength(0);
    expect((await buy(m, 999_999)).status).toBe(404);
    expect((await call(ctx, 'POST', '/api/v1/member-cards/abc/purchase', m.headers(), {})).status).toBe(400);
  });
});

describe('the card model of distribution', () => {
  it('an active card with the right to distribute makes its holder a distributor on applying; no card, or a card without it, does not', async () => {
    const settings = structuredClone(DEFAULT_DISTRIBUTION_SETTINGS);
    settings.qualification.mode = 'card';
    expect((await call(ctx, 'PUT', `${M}/distribution/settings`, shop.owner.headers(), settings)).status).toBe(200);
    const apply = (who: Shopper) => call(ctx, 'POST', '/api/v1/distribution/apply', who.headers(), {});

    const refused = await apply(m);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_QUALIFIED');

    const plain = await createCard({ name: '普通月卡', periodMonths: 1, benefits: { ...YEAR_CARD.benefits, mayDistribute: false } });
    const other = await newShopper(ctx);
    await buyAndPay(other.id, plain.id);
    expect((await apply(other)).body.error.code).toBe('NOT_QUALIFIED');

    const card = await createCard();
    await buyAndPay(m.id, card.id);
    const ok = await apply(m);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('active');
    const row = await ctx.db.selectFrom('distributors').select(['status', 'qualified_by']).where('member_id', '=', m.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'active', qualified_by: 'card' });

    // A holder who applies only after the card ended is refused.
    const late = await newShopper(ctx);
    await buyAndPay(late.id, card.id);
    ctx.clock.advance(400 * DAY);
    const lateAgain = await loginMember(ctx, { user: late.user }); // the old session ended long ago
    expect(lateAgain.id).toBe(late.id);
    expect((await call(ctx, 'POST', '/api/v1/distribution/apply', lateAgain.headers(), {})).body.error.code).toBe('NOT_QUALIFIED');
  });
});
