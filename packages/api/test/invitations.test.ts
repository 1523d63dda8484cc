/**
 * Invitations (邀请有礼, decision 035) on SQLite and PostgreSQL: the merchant's rules (400s naming the field), binding
 * new members only at first login through an invitation (window, no self-invitation, the daily cap under parallel
 * first logins), the welcome pack, the inviter's reward pending on the first paid order and granted once after the
 * refund window (parallel orders, parallel job runs, a refund racing the job), risk flags and withholding, the same
 * person on two platforms after a merge, the member's views and the leaderboard.
 */
import type { CouponTemplate, InvitationRules } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { addAddress, call, createStaffAndLogin, DAY, freshAddress, loginMember, M } from './factories.js';
import { payOrder, placeOrder, type Shop, type Shopper, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

async function couponTemplate(): Promise<CouponTemplate> {
  const res = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
    name: '邀请券',
    kind: 'no_threshold_off',
    amountFen: 500,
    validity: { type: 'relative', days: 7 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (await call(ctx, 'POST', `${M}/coupon-templates/${res.body.id}/activate`, shop.owner.headers())).body;
}

async function setRules(change: Partial<InvitationRules> = {}): Promise<InvitationRules> {
  const current = (await call(ctx, 'GET', `${M}/invitation-rules`, shop.owner.headers())).body;
  const res = await call(ctx, 'PUT', `${M}/invitation-rules`, shop.owner.headers(), {
    ...current,
    inviterReward: { points: 100, couponTemplateIds: [], growth: 10 },
    inviteeWelcome: { points: 50, couponTemplateIds: [] },
    ...change,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function invitation(who: { headers: Shopper['headers'] } = m): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/shares', who.headers(), { kind: 'invitation', channel: 'poster' });
  expect(res.status).toBe(201);
  return res.body.shareId;
}

async function invitee(shareId: string, opts: { address?: string; platform?: Shopper['platform']; user?: string } = {}): Promise<Shopper> {
  const platform = opts.platform ?? 'weapp';
  const t = await loginMember(ctx, {
    platform,
    shareId,
    ...(opts.address ? { address: opts.address } : {}),
    ...(opts.user ? { user: opts.user } : {}),
  });
  return { ...t, platform, addressId: await addAddress(ctx, t) };
}

const invitationOf = (inviteeId: number) =>
  ctx.db.selectFrom('invitations').selectAll().where('invitee_member_id', '=', inviteeId).executeTakeFirst();
const ledger = (memberId: number) =>
  ctx.db
    .selectFrom('points_ledger')
    .select(['delta', 'reason', 'source_key'])
    .where('member_id', '=', memberId)
    .where('reason', '=', 'invitation')
    .execute();
const grantDue = () => ctx.app.services.invitations.grantDue(ctx.clock.now());

async function paid(who: Shopper) {
  const order = await placeOrder(ctx, shop, who, [{ skuId: shop.sku(1), quantity: 1 }]);
  await payOrder(ctx, who, order);
  return order;
}

describe('invitation rules (merchant)', () => {
  it('validate, naming the field, write nothing; member tokens and viewers refused', async () => {
    const good = (await call(ctx, 'GET', `${M}/invitation-rules`, shop.owner.headers())).body as InvitationRules;
    expect(good).toMatchObject({ enabled: true, refundWindowDays: 7, dailyCapPerInviter: 20 });
    const bad: [Record<string, unknown>, string][] = [
      [{ bindWindowDays: 0 }, 'bindWindowDays'],
      [{ refundWindowDays: 61 }, 'refundWindowDays'],
      [{ inviterReward: { points: -1, couponTemplateIds: [], growth: 0 } }, 'inviterReward.points'],
      [{ inviterReward: { points: 1, couponTemplateIds: [999999], growth: 0 } }, 'inviterReward.couponTemplateIds.0'],
      [{ inviteeWelcome: { points: 1, couponTemplateIds: [1, 1] } }, 'inviteeWelcome.couponTemplateIds'],
      [{ dailyCapPerInviter: 1.5 }, 'dailyCapPerInviter'],
      [{ requirePhone: 'yes' }, 'requirePhone'],
      [{ extra: 1 }, 'body'],
    ];
    for (const [change, field] of bad) {
      const res = await call(ctx, 'PUT', `${M}/invitation-rules`, shop.owner.headers(), { ...good, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(
        res.body.error.details.issues.map((i: { field: string }) => i.field),
        JSON.stringify(change),
      ).toContain(field);
    }
    expect((await call(ctx, 'GET', `${M}/invitation-rules`, shop.owner.headers())).body).toEqual(good);
    expect((await call(ctx, 'GET', `${M}/invitation-rules`, m.headers())).status).toBe(403);
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'PUT', `${M}/invitation-rules`, viewer.headers(), good)).status).toBe(403);
    expect((await call(ctx, 'GET', '/api/v1/invitations/rules', m.headers())).body).toMatchObject({ enabled: true, refundWindowDays: 7 });
  });
});

describe('binding', () => {
  it('binds a new member at first login and gives the welcome pack; never an existing member, oneself, another kind or an old invitation', async () => {
    const welcome = await couponTemplate();
    await setRules({ inviteeWelcome: { points: 50, couponTemplateIds: [welcome.id] }, bindWindowDays: 30 });
    const shareId = await invitation();
    const friend = await invitee(shareId);
    expect(await invitationOf(friend.id)).toMatchObject({ inviter_member_id: m.id, status: 'bound', share_id: shareId });
    expect(await ctx.app.services.points.balance(ctx.db, friend.id)).toBe(50);
    expect(await ctx.db.selectFrom('coupons').select('template_id').where('member_id', '=', friend.id).execute()).toContainEqual({
      template_id: welcome.id,
    });

    // An existing member landing later, the inviter on their own invitation, a shop share: no binding.
    const old = await loginMember(ctx);
    await call(ctx, 'POST', '/api/v1/shares/landings', old.headers(), { shareId });
    await loginMember(ctx, { user: old.user, shareId });
    await loginMember(ctx, { user: m.user, shareId });
    const shopShare = (await call(ctx, 'POST', '/api/v1/shares', m.headers(), { kind: 'shop', channel: 'card' })).body.shareId;
    const viaShop = await loginMember(ctx, { shareId: shopShare });
    ctx.clock.advance(31 * DAY);
    const late = await loginMember(ctx, { shareId });
    for (const who of [old.id, m.id, viaShop.id, late.id]) expect(await invitationOf(who)).toBeUndefined();
    expect(await ctx.db.selectFrom('invitations').selectAll().execute()).toHaveLength(1);
  });

  it('holds the daily cap per inviter under parallel first logins; the next day counts again', async () => {
    await setRules({ dailyCapPerInviter: 2 });
    const shareId = await invitation();
    const results = await Promise.all(Array.from({ length: 5 }, () => loginMember(ctx, { shareId })));
    const rows = await ctx.db.selectFrom('invitations').select(['status']).where('inviter_member_id', '=', m.id).execute();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'bound')).toHaveLength(2);
    expect(rows.filter((r) => r.status === 'over_cap')).toHaveLength(3);
    expect(results.every((r) => r.login.isNewMember)).toBe(true);
    ctx.clock.advance(DAY);
    const tomorrow = await loginMember(ctx, { shareId });
    expect((await invitationOf(tomorrow.id))?.status).toBe('bound');
  });
});

describe('the inviter’s reward', () => {
  it('waits for the first paid order and the refund window, then is granted once; the views show it', async () => {
    await setRules();
    const shareId = await invitation();
    const friend = await invitee(shareId);
    expect((await grantDue()).granted).toBe(0);
    const order = await paid(friend);
    const row = await invitationOf(friend.id);
    expect(row).toMatchObject({ status: 'pending', order_id: order.id });
    expect(row!.due_at).toBe(new Date(ctx.clock.now().getTime() + 7 * DAY).toISOString());
    ctx.clock.advance(7 * DAY - 60_000);
    expect((await grantDue()).granted).toBe(0);
    ctx.clock.advance(60_000);
    const before = await ctx.app.services.points.balance(ctx.db, m.id);
    const runs = await Promise.all([grantDue(), grantDue(), grantDue()]);
    expect(runs.reduce((n, r) => n + r.granted, 0)).toBe(1);
    expect(await grantDue()).toEqual({ granted: 0, voided: 0 });
    expect(await ctx.app.services.points.balance(ctx.db, m.id)).toBe(before + 100);
    expect(await ledger(m.id)).toEqual([{ delta: 100, reason: 'invitation', source_key: `invitation:${row!.id}` }]);
    const growth = await ctx.db
      .selectFrom('growth_ledger')
      .select(['delta'])
      .where('member_id', '=', m.id)
      .where('source_key', '=', `invitation:${row!.id}`)
      .execute();
    expect(growth).toEqual([{ delta: 10 }]);

    const mine = await call(ctx, 'GET', '/api/v1/me/invitations', m.headers());
    expect(mine.body).toMatchObject({ invited: 1, pending: 0, granted: 1, pointsEarned: 100 });
    expect(mine.body.items[0].inviteeName).toMatch(/^.\*\*$/);
    expect(mine.body.items[0].status).toBe('granted');
    expect((await call(ctx, 'GET', '/api/v1/me/invitations', friend.headers())).body.items).toEqual([]);
    const board = await call(ctx, 'GET', '/api/v1/invitations/leaderboard', friend.headers());
    expect(board.body).toMatchObject({ month: '2026-11', mine: { rank: null, invited: 0 } });
    expect(board.body.items).toMatchObject([{ rank: 1, invited: 1, me: false }]);
    expect(board.body.items[0].name).toMatch(/^.\*\*$/);
    expect((await call(ctx, 'GET', '/api/v1/invitations/leaderboard?month=2026-13', m.headers())).body.error.details.issues[0].field).toBe(
      'query.month',
    );
  });

  it('two invitees’ first orders in parallel: one reward each; one invitee’s parallel orders: one reward', async () => {
    await setRules();
    const shareId = await invitation();
    const a = await invitee(shareId);
    const b = await invitee(shareId);
    const ordersA = await Promise.all([0, 1, 2].map(() => placeOrder(ctx, shop, a, [{ skuId: shop.sku(1), quantity: 1 }])));
    const orderB = await placeOrder(ctx, shop, b, [{ skuId: shop.sku(1), quantity: 1 }]);
    await Promise.all([...ordersA.map((o) => payOrder(ctx, a, o)), payOrder(ctx, b, orderB)]);
    const rowA = await invitationOf(a.id);
    expect(rowA?.status).toBe('pending');
    expect(ordersA.map((o) => o.id)).toContain(rowA!.order_id);
    expect((await invitationOf(b.id))?.order_id).toBe(orderB.id);
    ctx.clock.advance(8 * DAY);
    const runs = await Promise.all([grantDue(), grantDue()]);
    expect(runs.reduce((n, r) => n + r.granted, 0)).toBe(2);
    expect((await ledger(m.id)).map((e) => e.delta)).toEqual([100, 100]);
  });

  it('a refund in the window cancels it; a refund racing the job: granted or cancelled, exactly once', async () => {
    await setRules();
    const shareId = await invitation();
    const early = await invitee(shareId);
    const order = await paid(early);
    const refund = async (who: Shopper, orderId: number) => {
      const asked = await call(ctx, 'POST', `/api/v1/orders/${orderId}/refunds`, who.headers(), { reason: '不要了' });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      return async () => {
        const owner = await createStaffAndLogin(ctx, 'owner');
        const approved = await call(ctx, 'POST', `${M}/refunds/${asked.body.id}/approve`, owner.headers(), {});
        expect(approved.status).toBe(200);
        if (approved.body.status === 'processing') await ctx.simulator.completeRefund(who.platform, asked.body.refundNo);
      };
    };
    await (await refund(early, order.id))();
    expect(await invitationOf(early.id)).toMatchObject({ status: 'cancelled', reason: 'refunded' });
    ctx.clock.advance(8 * DAY);
    expect((await grantDue()).granted).toBe(0);

    for (let round = 0; round < 3; round += 1) {
      const racer = await invitee(shareId);
      const o = await paid(racer);
      const approve = await refund(racer, o.id);
      ctx.clock.advance(8 * DAY);
      const [, run] = await Promise.all([approve(), grantDue()]);
      const row = await invitationOf(racer.id);
      const posted = (await ledger(m.id)).filter((e) => e.source_key === `invitation:${row!.id}`);
      if (row!.status === 'granted') {
        expect(run.granted).toBe(1);
        expect(posted).toHaveLength(1);
      } else {
        expect(row!.status).toBe('cancelled');
        expect(run.granted).toBe(0);
        expect(posted).toHaveLength(0);
      }
    }
  });

  it('with a bound phone required, an invitee without one earns nothing (void)', async () => {
    await setRules({ requirePhone: true });
    const friend = await invitee(await invitation());
    await paid(friend);
    ctx.clock.advance(8 * DAY);
    expect(await grantDue()).toEqual({ granted: 0, voided: 1 });
    expect(await invitationOf(friend.id)).toMatchObject({ status: 'void', reason: 'no_phone' });
    expect(await ledger(m.id)).toEqual([]);
  });
});

describe('risk and staff', () => {
  it('flags invitees from one network address, lets staff withhold (404 unknown, 409 settled), refuses member tokens', async () => {
    await setRules();
    const shareId = await invitation();
    const place = freshAddress();
    const same = [await invitee(shareId, { address: place }), await invitee(shareId, { address: place }), await invitee(shareId, { address: place })];
    const apart = await invitee(shareId);
    const page = await call(ctx, 'GET', `${M}/invitations`, shop.owner.headers());
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(4);
    const flagged = await call(ctx, 'GET', `${M}/invitations?flagged=true`, shop.owner.headers());
    expect(flagged.body.items.map((i: { invitee: { id: number } }) => i.invitee.id).sort()).toEqual(same.map((s) => s.id).sort());
    expect(flagged.body.items[0]).toMatchObject({ riskFlags: ['shared_address'], sameAddressInvitees: 3, inviter: { id: m.id } });
    const clean = await call(ctx, 'GET', `${M}/invitations?flagged=false`, shop.owner.headers());
    expect(clean.body.items.map((i: { invitee: { id: number } }) => i.invitee.id)).toEqual([apart.id]);

    const target = flagged.body.items[0].id;
    expect((await call(ctx, 'POST', `${M}/invitations/${target}/withhold`, m.headers(), { reason: '同一地址' })).status).toBe(403);
    expect(
      (await call(ctx, 'POST', `${M}/invitations/${target}/withhold`, shop.owner.headers(), { reason: '' })).body.error.details.issues[0].field,
    ).toBe('reason');
    expect((await call(ctx, 'POST', `${M}/invitations/${target}/withhold`, shop.owner.headers(), { reason: '同一地址' })).status).toBe(204);
    expect((await call(ctx, 'POST', `${M}/invitations/${target}/withhold`, shop.owner.headers(), { reason: '同一地址' })).status).toBe(409);
    expect((await call(ctx, 'POST', `${M}/invitations/999999/withhold`, shop.owner.headers(), { reason: 'x' })).status).toBe(404);
    expect((await call(ctx, 'POST', `${M}/invitations/abc/withhold`, shop.owner.headers(), { reason: 'x' })).status).toBe(400);
    expect((await call(ctx, 'GET', `${M}/invitations?status=withheld`, shop.owner.headers())).body.items.map((i: { id: number }) => i.id)).toEqual([
      target,
    ]);
    expect((await call(ctx, 'GET', `${M}/invitations?status=nope`, shop.owner.headers())).status).toBe(400);
  });

  it('the same phone on another platform is the same person: inviting oneself there is void after the merge', async () => {
    await setRules();
    const PHONE = { countryCode: '86', number: '13912345678' };
    await ctx.app.services.members.bindPhone(m.id, PHONE);
    const shareId = await invitation();
    const alsoMe = await invitee(shareId, { platform: 'tt' });
    expect((await invitationOf(alsoMe.id))?.status).toBe('bound');
    await ctx.app.services.members.bindPhone(alsoMe.id, PHONE);
    const row = await ctx.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'void', reason: 'self' });
    // And an invitee who turns out to be someone who was already a member elsewhere: not new.
    const PHONE2 = { countryCode: '86', number: '13712345678' };
    const elsewhere = await loginMember(ctx, { platform: 'alipay' });
    await ctx.app.services.members.bindPhone(elsewhere.id, PHONE2);
    ctx.clock.advance(60_000);
    const posing = await invitee(shareId, { platform: 'weapp' });
    await ctx.app.services.members.bindPhone(posing.id, PHONE2);
    const theirs = await ctx.db.selectFrom('invitations').selectAll().where('share_id', '=', shareId).orderBy('id').execute();
    expect(theirs[1]).toMatchObject({ status: 'void', reason: 'not_new', invitee_member_id: elsewhere.id });
  });
});
