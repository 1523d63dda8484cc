/**
 * Gift cards (decision 039) through app.request() on SQLite and PostgreSQL: bought through the pay flow, shared by
 * token, claimed once by the first to open it (two at once: one wins), into the balance or kept as a card until its
 * expiry; unclaimed cards return to the buyer by a job safe to re-run; bad input, roles, other members.
 */
import type { GiftCard } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, M } from './factories.js';
import { expectOkAck, newShopper, type Shop, type Shopper, startPayment, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const DAY = 24 * 3600_000;
const balanceOf = async (memberId: number) => {
  const a = await ctx.app.services.wallet.audit(ctx.db, memberId);
  expect(a.account).toEqual(a.ledger);
  return a.account.principalFen + a.account.bonusFen;
};

async function design() {
  const res = await call(ctx, 'POST', `${M}/gift-card-designs`, shop.owner.headers(), { title: '生日快乐' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number };
}

async function boughtCard(buyer: Shopper, faceFen = 20000): Promise<GiftCard> {
  const d = await design();
  const res = await call(ctx, 'POST', '/api/v1/me/gift-cards', buyer.headers(), { designId: d.id, faceFen, message: '生日快乐！' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const card = res.body as GiftCard;
  expect(card.status).toBe('awaiting_payment');
  await startPayment(ctx, buyer, card.orderId!);
  const { deliveries } = await ctx.simulator.pay(buyer.platform, card.orderNo!, { duplicates: 3 });
  for (const d of deliveries) expectOkAck(buyer.platform, d);
  const mine = await call(ctx, 'GET', '/api/v1/me/gift-cards', buyer.headers());
  return mine.body.items.find((c: GiftCard) => c.id === card.id);
}

describe('gift cards', () => {
  it('bought through the pay flow, claimed by a friend into the balance; the buyer cannot claim it', async () => {
    const buyer = await newShopper(ctx, 'tt');
    const friend = await newShopper(ctx, 'alipay');
    const card = await boughtCard(buyer);
    expect(card).toMatchObject({ status: 'sent', role: 'bought', faceFen: 20000, claimToken: expect.any(String) });
    const view = await call(ctx, 'GET', `/api/v1/gift-cards/claim/${card.claimToken}`, friend.headers());
    expect(view.body).toMatchObject({ faceFen: 20000, message: '生日快乐！', status: 'sent', mine: false });
    const self = await call(ctx, 'POST', `/api/v1/gift-cards/claim/${card.claimToken}`, buyer.headers(), {});
    expect(self.status).toBe(409);
    const claimed = await call(ctx, 'POST', `/api/v1/gift-cards/claim/${card.claimToken}`, friend.headers(), {});
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', role: 'received', keptAs: 'balance', claimToken: null, orderId: null });
    expect(await balanceOf(friend.id)).toBe(20000);
    expect(await balanceOf(buyer.id)).toBe(0);
    const again = await call(ctx, 'POST', `/api/v1/gift-cards/claim/${card.claimToken}`, (await newShopper(ctx)).headers(), {});
    expect(again.status).toBe(409);
    // Not refunded to the platform.
    const refund = await call(ctx, 'POST', `/api/v1/orders/${card.orderId}/refunds`, buyer.headers(), { reason: '不要了' });
    expect(refund.status).toBe(409);
  });

  it('claimed by two at once: exactly one gets it, credited once (invariant 25)', async () => {
    const buyer = await newShopper(ctx);
    const card = await boughtCard(buyer);
    const friends = await Promise.all(Array.from({ length: 6 }, () => newShopper(ctx)));
    const results = await Promise.all(friends.map((f) => call(ctx, 'POST', `/api/v1/gift-cards/claim/${card.claimToken}`, f.headers(), {})));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const balances = await Promise.all(friends.map((f) => balanceOf(f.id)));
    expect(balances.reduce((s, b) => s + b, 0)).toBe(20000);
  });

  it('kept as a card: added to the balance once, before its expiry', async () => {
    const buyer = await newShopper(ctx);
    const friend = await newShopper(ctx);
    const card = await boughtCard(buyer, 5000);
    const kept = await call(ctx, 'POST', `/api/v1/gift-cards/claim/${card.claimToken}`, friend.headers(), { keepAs: 'card' });
    expect(kept.body).toMatchObject({ keptAs: 'card', cardExpiresAt: expect.any(String), redeemedAt: null });
    expect(await balanceOf(friend.id)).toBe(0);
    expect((await call(ctx, 'POST', `/api/v1/me/gift-cards/${card.id}/redeem`, buyer.headers(), {})).status).toBe(404);
    const twice = await Promise.all([1, 2].map(() => call(ctx, 'POST', `/api/v1/me/gift-cards/${card.id}/redeem`, friend.headers(), {})));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await balanceOf(friend.id)).toBe(5000);

    const rules = { bonusRule: 'proportional', customTopUp: true, customMinFen: 100, customMaxFen: 5_000_000, giftCardValidDays: 1 };
    expect((await call(ctx, 'PUT', `${M}/wallet/settings`, shop.owner.headers(), rules)).status).toBe(200);
    const late = await boughtCard(buyer, 3000);
    await call(ctx, 'POST', `/api/v1/gift-cards/claim/${late.claimToken}`, friend.headers(), { keepAs: 'card' });
    ctx.clock.advance(DAY + 1000);
    expect((await call(ctx, 'POST', `/api/v1/me/gift-cards/${late.id}/redeem`, friend.headers(), {})).status).toBe(409);
  });

  it('unclaimed cards return to the buyer after the window, once, however often (or concurrently) the job runs', async () => {
    const buyer = await newShopper(ctx);
    const card = await boughtCard(buyer, 8000);
    expect(await ctx.app.services.giftCards.returnUnclaimed(ctx.clock.now())).toEqual({ returned: 0 });
    ctx.clock.advance(7 * DAY + 1000);
    const runs = await Promise.all([1, 2, 3].map(() => ctx.app.services.giftCards.returnUnclaimed(ctx.clock.now())));
    expect(runs.reduce((s, r) => s + r.returned, 0)).toBe(1);
    expect(await balanceOf(buyer.id)).toBe(8000);
    const claim = await call(ctx, 'POST', `/api/v1/gift-cards/claim/${card.claimToken}`, (await newShopper(ctx)).headers(), {});
    expect(claim.status).toBe(409);
    expect(claim.body.error.details.status).toBe('returned');
  });

  it('answers bad input with 400 naming the field; unknown tokens 404; member tokens refused on merchant endpoints', async () => {
    const m = await newShopper(ctx);
    const d = await design();
    for (const [body, field] of [
      [{ designId: d.id, faceFen: 50 }, 'faceFen'],
      [{ designId: d.id, faceFen: 500_001 }, 'faceFen'],
      [{ designId: d.id, faceFen: 1000, message: 'x'.repeat(101) }, 'message'],
      [{ faceFen: 1000 }, 'designId'],
      [{ designId: 999999, faceFen: 1000 }, 'designId'],
    ] as const) {
      const res = await call(ctx, 'POST', '/api/v1/me/gift-cards', m.headers(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(field);
    }
    expect((await ctx.db.selectFrom('gift_cards').select('id').execute()).length).toBe(0);
    expect((await call(ctx, 'GET', '/api/v1/gift-cards/claim/short', m.headers())).status).toBe(400);
    expect((await call(ctx, 'GET', `/api/v1/gift-cards/claim/${'a'.repeat(24)}`, m.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', `${M}/gift-cards`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/gift-card-designs`, m.headers(), { title: 'x' })).status).toBe(403);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'POST', `${M}/gift-card-designs`, viewer.headers(), { title: 'x' })).status).toBe(403);
    const sales = await call(ctx, 'GET', `${M}/gift-cards`, viewer.headers());
    expect(sales.status).toBe(200);
  });
});
