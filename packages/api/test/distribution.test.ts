/**
 * Distribution (分销) through app.request() and the distribution service, on SQLite and PostgreSQL: binding, commission
 * frozen at payment on what the customer really paid, settled by the job after the refund window, cut by refunds in
 * proportion (cancelled while frozen, reversed once settled), withdrawals with their minimum, fee and daily cap, payouts
 * through the simulator (success, failure, pending then notified), guides and stores; with real concurrency for the
 * races of invariants 21, 22 and 24.
 */
import type { DistributionSettings } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISTRIBUTION_SETTINGS } from '../src/modules/distribution/index.js';
import { createSimulatedPayoutGateway } from '../src/platforms/simulator/payouts.js';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, DAY, loginMember, M, type StaffSession, type TestMember } from './factories.js';
import { approvedRefund, newShopper, paidOrder, type Shop, type Shopper, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let owner: StaffSession;
eachTestContext(
  async (c) => {
    const s = await withShop(c);
    return { ...s, owner: s.shop.owner };
  },
  (s) => ({ ctx, shop, owner } = s),
);

const D = '/api/v1/distribution';
const svc = () => ctx.app.services.distribution;
const signer = createSimulatedPayoutGateway();

async function setSettings(change: (s: DistributionSettings) => void = () => {}) {
  const s = structuredClone(DEFAULT_DISTRIBUTION_SETTINGS);
  change(s);
  owner = await createStaffAndLogin(ctx, 'owner'); // a fresh session: tests move the clock by days
  const res = await call(ctx, 'PUT', `${M}/distribution/settings`, owner.headers(), s);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function setRules(items: { scope: 'store' | 'category' | 'product'; targetId: number; level1Bp: number; level2Bp: number }[]) {
  const res = await call(ctx, 'PUT', `${M}/distribution/rules`, owner.headers(), { items });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A member who applied and was approved; returns the distributor's id. */
async function distributor(m: TestMember): Promise<number> {
  expect((await call(ctx, 'POST', `${D}/apply`, m.headers())).status).toBe(200);
  const row = await ctx.db.selectFrom('distributors').select('id').where('member_id', '=', m.id).executeTakeFirstOrThrow();
  expect((await call(ctx, 'POST', `${M}/distributors/${row.id}/status`, owner.headers(), { status: 'active' })).status).toBe(204);
  return row.id;
}

const bind = (customerId: number, distributorId: number) =>
  svc().bind(ctx.db, { customerId, sharer: { kind: 'distributor', id: distributorId }, at: ctx.clock.now() });

async function completeOrder(orderId: number, who: Shopper) {
  const o = await createStaffAndLogin(ctx, 'owner');
  expect((await call(ctx, 'POST', `${M}/orders/${orderId}/ship`, o.headers(), { carrier: '顺丰', trackingNo: 'SF1234567' })).status).toBe(200);
  expect((await call(ctx, 'POST', `/api/v1/orders/${orderId}/confirm-receipt`, who.headers())).status).toBe(200);
}

const commissionsOf = (orderId: number) =>
  ctx.db
    .selectFrom('commissions')
    .select(['level', 'distributor_id', 'status', 'amount_fen', 'initial_fen'])
    .where('order_id', '=', orderId)
    .orderBy('level')
    .execute();

async function expectBalanced(distributorId: number) {
  const a = await svc().audit(ctx.db, distributorId);
  expect(a.ledger).toBe(a.balance - a.debt);
  expect(a.balance).toBeGreaterThanOrEqual(0);
  return a;
}

/** A distributor with `balance` fen settled: an order of 80.00 of goods at a store rate of `balance / 80`%. */
async function withBalance(rateBp = 1000) {
  await setRules([{ scope: 'store', targetId: 0, level1Bp: rateBp, level2Bp: 0 }]);
  const dm = await newShopper(ctx);
  const did = await distributor(dm);
  const c = await newShopper(ctx);
  expect(await bind(c.id, did)).toBe(true);
  const order = await paidOrder(ctx, shop, c);
  await completeOrder(order.id, c);
  ctx.clock.advance(7 * DAY + 1000);
  expect(await svc().settleDue()).toBe(1);
  owner = await createStaffAndLogin(ctx, 'owner'); // a fresh session: the clock moved by days
  return { dm, did, c, order };
}

describe('commission', () => {
  it('freezes commission at payment on what each line really cost (not shipping), two levels, and settles it once after the refund window', async () => {
    await setRules([{ scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 500 }]);
    const upper = await newShopper(ctx);
    const upperId = await distributor(upper);
    const dm = await newShopper(ctx);
    const did = await distributor(dm);
    expect(await bind(dm.id, upperId)).toBe(true);
    const c = await newShopper(ctx);
    expect(await bind(c.id, did)).toBe(true);

    const order = await paidOrder(ctx, shop, c); // 2 × 30.00 + 20.00 of goods, 10.00 shipping
    expect(await commissionsOf(order.id)).toEqual([
      { level: 1, distributor_id: did, status: 'frozen', amount_fen: 800, initial_fen: 800 },
      { level: 2, distributor_id: upperId, status: 'frozen', amount_fen: 400, initial_fen: 400 },
    ]);
    expect((await call(ctx, 'GET', D, dm.headers())).body).toMatchObject({ status: 'active', frozenFen: 800, balanceFen: 0 });

    // Not before the order is completed and its window has passed.
    ctx.clock.advance(10 * DAY);
    expect(await svc().settleDue()).toBe(0);
    await completeOrder(order.id, c);
    ctx.clock.advance(7 * DAY - 1000);
    expect(await svc().settleDue()).toBe(0);
    ctx.clock.advance(1000);
    const runs = await Promise.all([svc().settleDue(), svc().settleDue(), svc().settleDue()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await svc().settleDue()).toBe(0);
    expect((await call(ctx, 'GET', D, dm.headers())).body).toMatchObject({ frozenFen: 0, balanceFen: 800, settledTotalFen: 800 });
    expect(await expectBalanced(did)).toMatchObject({ balance: 800 });
    expect(await expectBalanced(upperId)).toMatchObject({ balance: 400 });

    const team = (await call(ctx, 'GET', `${D}/team`, upper.headers())).body;
    expect(team.direct.count).toBe(1);
    expect(team.second.count).toBe(1);
    expect(team.second.members[0].name).toMatch(/^.\*+$/);
    const page = (await call(ctx, 'GET', `${D}/commissions`, dm.headers())).body;
    expect(page.items).toMatchObject([{ orderId: order.id, level: 1, status: 'settled', amountFen: 800 }]);
  });

  it('the most specific rate wins: product over category over store', async () => {
    await setRules([
      { scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 0 },
      { scope: 'product', targetId: shop.product.id, level1Bp: 250, level2Bp: 0 },
    ]);
    const dm = await newShopper(ctx);
    const did = await distributor(dm);
    const c = await newShopper(ctx);
    await bind(c.id, did);
    const order = await paidOrder(ctx, shop, c);
    expect(await commissionsOf(order.id)).toMatchObject([{ level: 1, amount_fen: 200 }]);
    const earning = await call(ctx, 'GET', `/api/v1/products/${shop.product.id}/earning`, dm.headers());
    expect(earning.body).toEqual({ earnFen: 50 }); // 2.5% of the cheapest SKU, 20.00
    expect((await call(ctx, 'GET', `/api/v1/products/${shop.product.id}/earning`, c.headers())).body).toEqual({ earnFen: null });
  });

  it('self-purchase earns only when the merchant allows it; nobody is bound to themselves', async () => {
    await setRules([{ scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 0 }]);
    const dm = await newShopper(ctx);
    const did = await distributor(dm);
    expect(await bind(dm.id, did)).toBe(false);
    const own = await paidOrder(ctx, shop, dm);
    expect(await commissionsOf(own.id)).toEqual([]);
    await setSettings((s) => {
      s.selfPurchase = true;
    });
    const again = await paidOrder(ctx, shop, dm);
    expect(await commissionsOf(again.id)).toMatchObject([{ level: 1, distributor_id: did, amount_fen: 800 }]);
  });

  it('a refund before settlement cancels the frozen part in proportion; after settlement it is reversed in proportion', async () => {
    await setRules([{ scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 0 }]);
    const dm = await newShopper(ctx);
    const did = await distributor(dm);
    const c = await newShopper(ctx);
    await bind(c.id, did);
    const order = await paidOrder(ctx, shop, c);
    const line20 = order.lines.find((l) => l.unitPriceFen === 2000)!;
    await approvedRefund(ctx, c, order.id, [{ orderLineId: line20.id, quantity: 1 }]);
    expect(await commissionsOf(order.id)).toMatchObject([{ status: 'frozen', amount_fen: 600, initial_fen: 800 }]);

    const order2 = await paidOrder(ctx, shop, c);
    await completeOrder(order2.id, c);
    ctx.clock.advance(7 * DAY + 1000);
    await svc().settleDue();
    expect(await expectBalanced(did)).toMatchObject({ balance: 800 });
    const line30 = order2.lines.find((l) => l.unitPriceFen === 3000)!;
    await approvedRefund(ctx, c, order2.id, [{ orderLineId: line30.id, quantity: 1 }]);
    expect(await commissionsOf(order2.id)).toMatchObject([{ status: 'settled', amount_fen: 500 }]);
    expect(await expectBalanced(did)).toMatchObject({ balance: 500, debt: 0 });
  });

  it('a refund racing the settlement job reverses the commission exactly once, whichever runs first', async () => {
    await setRules([{ scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 0 }]);
    const dm = await newShopper(ctx);
    const did = await distributor(dm);
    const c = await newShopper(ctx);
    await bind(c.id, did);
    const order = await paidOrder(ctx, shop, c);
    await completeOrder(order.id, c);
    ctx.clock.advance(7 * DAY + 1000);
    const line20 = order.lines.find((l) => l.unitPriceFen === 2000)!;
    await Promise.all([approvedRefund(ctx, c, order.id, [{ orderLineId: line20.id, quantity: 1 }]), svc().settleDue(), svc().settleDue()]);
    await svc().settleDue();
    expect(await commissionsOf(order.id)).toMatchObject([{ status: 'settled', amount_fen: 600 }]);
    expect(await expectBalanced(did)).toMatchObject({ balance: 600, debt: 0 });
  });
});

describe('binding', () => {
  it('a customer landing through two distributors at once is bound to exactly one (first touch keeps it; last touch moves it)', async () => {
    const a = await distributor(await loginMember(ctx));
    const b = await distributor(await loginMember(ctx));
    const c = await loginMember(ctx);
    const results = await Promise.all([bind(c.id, a), bind(c.id, b), bind(c.id, a), bind(c.id, b)]);
    const rows = await ctx.db.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', c.id).execute();
    expect(rows).toHaveLength(1);
    expect(results.filter(Boolean)).toHaveLength(1);
    const first = rows[0]!.sharer_id;
    expect(await bind(c.id, first === a ? b : a)).toBe(false);
    // The binding lasts 30 days; after that the next landing takes the customer.
    ctx.clock.advance(30 * DAY);
    expect(await bind(c.id, first === a ? b : a)).toBe(true);
    await setSettings((s) => {
      s.binding.touch = 'last';
    });
    expect(await bind(c.id, first)).toBe(true);
    expect((await ctx.db.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', c.id).execute()).map((r) => r.sharer_id)).toEqual([
      first,
    ]);
  });
});

describe('binding through shares (decision 034)', () => {
  const issue = async (who: TestMember) => {
    const res = await call(ctx, 'POST', '/api/v1/shares', who.headers(), { kind: 'shop', channel: 'card' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.shareId as string;
  };
  const land = (who: TestMember, shareId: string) => call(ctx, 'POST', '/api/v1/shares/landings', who.headers(), { shareId });

  it('a new member whose first login came through a distributor’s share is bound to that distributor, and their order pays commission', async () => {
    await setRules([{ scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 0 }]);
    const dm = await newShopper(ctx);
    const did = await distributor(dm);
    const shareId = await issue(dm);
    const { code } = ctx.simulator.issueCode('weapp', 'landed-new-member');
    const login = await call(ctx, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, { platform: 'weapp', code, shareId });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const bound = await ctx.db
      .selectFrom('distribution_bindings')
      .selectAll()
      .where('customer_id', '=', login.body.member.id)
      .executeTakeFirstOrThrow();
    expect(bound).toMatchObject({ sharer_kind: 'distributor', sharer_id: did, share_id: shareId });
    // A non-distributor's share binds nobody.
    const plain = await newShopper(ctx);
    const other = await loginMember(ctx);
    expect((await land(other, await issue(plain))).status).toBe(200);
    expect(await ctx.db.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', other.id).execute()).toEqual([]);
  });

  it('one member landing through two distributors’ shares at once ends bound to exactly one', async () => {
    const a = await newShopper(ctx);
    const b = await newShopper(ctx);
    const [ida, idb] = [await distributor(a), await distributor(b)];
    const [sa, sb] = [await issue(a), await issue(b)];
    const c = await loginMember(ctx);
    const landings = await Promise.all([land(c, sa), land(c, sb), land(c, sa), land(c, sb), land(c, sa), land(c, sb)]);
    expect(landings.every((r) => r.status === 200)).toBe(true);
    const rows = await ctx.db.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', c.id).execute();
    expect(rows).toHaveLength(1);
    expect([ida, idb]).toContain(rows[0]!.sharer_id);
  });

  it('a guide’s personal share binds the customers landing through it to the guide', async () => {
    const store = (await call(ctx, 'POST', `${M}/stores`, owner.headers(), { name: '断桥店' })).body;
    const g = await guideStaff();
    const guide = (await call(ctx, 'POST', `${M}/guides`, owner.headers(), { staffId: g.staffId, storeId: store.id })).body;
    expect((await call(ctx, 'POST', `${M}/guide/share`, owner.headers())).status).toBe(404);
    const share = await call(ctx, 'POST', `${M}/guide/share`, g.headers());
    expect(share.status, JSON.stringify(share.body)).toBe(201);
    const c = await loginMember(ctx);
    expect((await land(c, share.body.shareId)).status).toBe(200);
    expect(await ctx.db.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', c.id).execute()).toMatchObject([
      { sharer_kind: 'guide', sharer_id: guide.id },
    ]);
  });
});

describe('withdrawals and payouts', () => {
  it('refuses below the minimum naming amountFen, charges the fee, and holds the daily cap', async () => {
    await setSettings((s) => {
      s.withdrawal = { minFen: 200, feeBp: 100, dailyCapFen: 500 };
    });
    const { dm, did } = await withBalance();
    const small = await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 199, platform: 'weapp' });
    expect(small.status).toBe(400);
    expect(small.body.error.details.issues[0].field).toBe('amountFen');
    const bad = await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: '300', platform: 'mars' });
    expect(bad.status).toBe(400);
    const ok = await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 300, platform: 'weapp' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ amountFen: 300, feeFen: 3, netFen: 297, status: 'requested' });
    const over = await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 300, platform: 'weapp' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('LIMIT_REACHED');
    expect(await expectBalanced(did)).toMatchObject({ balance: 500 });
    const other = await newShopper(ctx);
    expect((await call(ctx, 'POST', `${D}/withdrawals`, other.headers(), { amountFen: 300, platform: 'weapp' })).body.error.code).toBe(
      'NOT_QUALIFIED',
    );
  });

  it('parallel withdrawals against one balance never take it below zero', async () => {
    const { dm, did } = await withBalance();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 300, platform: 'alipay' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2); // 800 holds two of 300
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'INSUFFICIENT_BALANCE')).toBe(true);
    expect(await expectBalanced(did)).toMatchObject({ balance: 200 });
    expect(await ctx.db.selectFrom('withdrawals').select('id').execute()).toHaveLength(2);
  });

  it('WeChat waits for the member’s confirmation; the notification delivered many times at once pays once', async () => {
    const { dm, did } = await withBalance();
    const w = (await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 500, platform: 'weapp' })).body;
    const approved = await call(ctx, 'POST', `${M}/withdrawals/${w.id}/decision`, owner.headers(), { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'awaiting_confirmation', packageInfo: expect.stringMatching(/^sim-package-/) });
    const n = signer.notification({ billNo: w.billNo, state: 'paid', transferBillNo: '1330000000001', reason: null });
    const forged = await ctx.app.request('/payments/transfer-notify/weapp', {
      method: 'POST',
      body: n.body,
      headers: { ...n.headers, 'x-sim-signature': '0'.repeat(64) },
    });
    expect(forged.status).toBe(400);
    const acks = await Promise.all(
      Array.from({ length: 6 }, () => ctx.app.request('/payments/transfer-notify/weapp', { method: 'POST', body: n.body, headers: n.headers })),
    );
    expect(acks.map((r) => r.status)).toEqual(Array(6).fill(204));
    const mine = (await call(ctx, 'GET', `${D}/withdrawals`, dm.headers())).body.items;
    expect(mine).toMatchObject([{ id: w.id, status: 'paid' }]);
    // A late failure notice for a paid bill changes nothing.
    const late = signer.notification({ billNo: w.billNo, state: 'failed', transferBillNo: null, reason: 'CANCELLED' });
    await ctx.app.request('/payments/transfer-notify/weapp', { method: 'POST', body: late.body, headers: late.headers });
    expect(await expectBalanced(did)).toMatchObject({ balance: 300 });
    expect(
      await ctx.db.selectFrom('commission_ledger').select('kind').where('distributor_id', '=', did).where('kind', '=', 'withdraw_return').execute(),
    ).toHaveLength(0);
  });

  it('a failed payout and a refused withdrawal return the money once; Alipay pays at once; Douyin is paid by hand', async () => {
    const { dm, did } = await withBalance();
    const failing = (await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 113, platform: 'alipay' })).body;
    const failed = await call(ctx, 'POST', `${M}/withdrawals/${failing.id}/decision`, owner.headers(), { decision: 'approve' });
    expect(failed.body).toMatchObject({ status: 'failed', failReason: 'PAYEE_NOT_EXIST' });
    expect(await expectBalanced(did)).toMatchObject({ balance: 800 });

    const refused = (await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 200, platform: 'weapp' })).body;
    const decided = await Promise.all([
      call(ctx, 'POST', `${M}/withdrawals/${refused.id}/decision`, owner.headers(), { decision: 'refuse', reason: '信息不全' }),
      call(ctx, 'POST', `${M}/withdrawals/${refused.id}/decision`, owner.headers(), { decision: 'refuse', reason: '信息不全' }),
    ]);
    expect(decided.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await expectBalanced(did)).toMatchObject({ balance: 800 });

    const alipay = (await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 300, platform: 'alipay' })).body;
    expect((await call(ctx, 'POST', `${M}/withdrawals/${alipay.id}/decision`, owner.headers(), { decision: 'approve' })).body.status).toBe('paid');

    const tt = (await call(ctx, 'POST', `${D}/withdrawals`, dm.headers(), { amountFen: 200, platform: 'tt' })).body;
    expect((await call(ctx, 'POST', `${M}/withdrawals/${tt.id}/decision`, owner.headers(), { decision: 'approve' })).body.status).toBe('paying');
    expect((await call(ctx, 'POST', `${M}/withdrawals/${tt.id}/manual-payout`, owner.headers(), { reference: '' })).status).toBe(400);
    expect((await call(ctx, 'POST', `${M}/withdrawals/${tt.id}/manual-payout`, owner.headers(), { reference: 'BANK-0001' })).body.status).toBe(
      'paid',
    );
    expect((await call(ctx, 'POST', `${M}/withdrawals/${alipay.id}/manual-payout`, owner.headers(), { reference: 'X' })).status).toBe(409);
    expect(await expectBalanced(did)).toMatchObject({ balance: 300 });
  });
});

describe('a merge of members (decision 019)', () => {
  it('when both members distribute, the absorbed account’s balance moves by ledger entries and both ledgers still sum to their accounts', async () => {
    const phone = { countryCode: '86', number: '13812345678' };
    const other = await newShopper(ctx, 'tt');
    const otherId = await distributor(other);
    expect(await ctx.app.services.members.bindPhone(other.id, phone)).toMatchObject({ merged: null });
    const { dm, did } = await withBalance();
    const merged = await ctx.app.services.members.bindPhone(dm.id, phone);
    const survivorId = merged.memberId;
    const [kept, gone] = survivorId === other.id ? [otherId, did] : [did, otherId];
    const keptAudit = await expectBalanced(kept);
    const goneAudit = await expectBalanced(gone);
    expect(keptAudit.balance + goneAudit.balance).toBe(800);
    expect(keptAudit.balance).toBe(800);
    expect((await ctx.db.selectFrom('distributors').select('status').where('id', '=', gone).executeTakeFirstOrThrow()).status).toBe('frozen');
  });
});

describe('access and bad input', () => {
  it('member tokens are refused on merchant endpoints; unknown ids are 404; bad input names the field and writes nothing', async () => {
    const m = await loginMember(ctx);
    expect((await call(ctx, 'GET', `${M}/withdrawals`, m.headers())).status).toBe(403);
    expect((await call(ctx, 'PUT', `${M}/distribution/rules`, m.headers(), { items: [] })).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/withdrawals/999999/decision`, owner.headers(), { decision: 'approve' })).status).toBe(404);
    expect((await call(ctx, 'POST', `${M}/distributors/999999/status`, owner.headers(), { status: 'active' })).status).toBe(404);
    const bad = await call(ctx, 'PUT', `${M}/distribution/rules`, owner.headers(), {
      items: [{ scope: 'store', targetId: 0, level1Bp: 9000, level2Bp: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('items.0.level1Bp');
    const twice = await call(ctx, 'PUT', `${M}/distribution/rules`, owner.headers(), {
      items: [
        { scope: 'store', targetId: 0, level1Bp: 100, level2Bp: 0 },
        { scope: 'store', targetId: 0, level1Bp: 200, level2Bp: 0 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(await ctx.db.selectFrom('commission_rules').select('id').execute()).toHaveLength(0);
    expect((await call(ctx, 'GET', `${D}/commissions`, m.headers())).status).toBe(404);
    const badSettings = await call(ctx, 'PUT', `${M}/distribution/settings`, owner.headers(), { ...DEFAULT_DISTRIBUTION_SETTINGS, levels: 3 });
    expect(badSettings.status).toBe(400);
    expect(badSettings.body.error.details.issues[0].field).toBe('levels');
  });
});

/** A staff member (viewer) with their id and session, to be made a guide. */
async function guideStaff() {
  const username = `guide-${Math.random().toString(36).slice(2, 10)}`;
  const created = await ctx.app.services.staff.create({ username, displayName: '导购', role: 'viewer', password: 'pw-guide-0001' });
  const res = await call(ctx, 'POST', `${M}/auth/login`, { 'content-type': 'application/json' }, { username, password: 'pw-guide-0001' });
  const token = res.body.token as string;
  return { staffId: created, headers: () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' }) };
}

describe('guides and stores', () => {
  it('customers landing through a guide are bound to the guide; the guide sees only their own customers, masked, and their figures', async () => {
    const store = (await call(ctx, 'POST', `${M}/stores`, owner.headers(), { name: '西湖店' })).body;
    const g1Staff = await guideStaff();
    const g2Staff = await guideStaff();
    const g1 = (await call(ctx, 'POST', `${M}/guides`, owner.headers(), { staffId: g1Staff.staffId, storeId: store.id })).body;
    const g2 = (await call(ctx, 'POST', `${M}/guides`, owner.headers(), { staffId: g2Staff.staffId, storeId: store.id })).body;
    expect((await call(ctx, 'POST', `${M}/guides`, owner.headers(), { staffId: g2Staff.staffId, storeId: 999999 })).status).toBe(404);
    const c1 = await newShopper(ctx);
    const c2 = await newShopper(ctx);
    const at = ctx.clock.now();
    expect(await svc().bind(ctx.db, { customerId: c1.id, sharer: { kind: 'guide', id: g1.id }, at })).toBe(true);
    expect(await svc().bind(ctx.db, { customerId: c2.id, sharer: { kind: 'guide', id: g2.id }, at })).toBe(true);
    const order = await paidOrder(ctx, shop, c1);
    expect((await call(ctx, 'GET', `${D}/guide`, c1.headers())).body).toEqual({ guide: { name: '导购', storeName: '西湖店' } });
    expect((await call(ctx, 'GET', `${D}/guide`, (await loginMember(ctx)).headers())).body).toEqual({ guide: null });
    const mine = (await call(ctx, 'GET', `${M}/guide/customers`, g1Staff.headers())).body;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].name).toMatch(/^.\*+$/);
    expect((await call(ctx, 'GET', `${M}/guide/customers`, owner.headers())).status).toBe(404);
    const range = `from=${encodeURIComponent(new Date(at.getTime() - DAY).toISOString())}&to=${encodeURIComponent(new Date(at.getTime() + DAY).toISOString())}`;
    const perf = (await call(ctx, 'GET', `${M}/guide/performance?${range}`, g1Staff.headers())).body;
    expect(perf.guides).toEqual([expect.objectContaining({ guideId: g1.id, newMembers: 1, orders: 1, paidFen: 8000, refundedFen: 0 })]);
    await approvedRefund(ctx, c1, order.id);
    const board = (await call(ctx, 'GET', `${M}/distribution/performance?${range}`, owner.headers())).body;
    expect(board.stores).toEqual([expect.objectContaining({ storeId: store.id, newMembers: 2, orders: 1, paidFen: 8000, refundedFen: 8000 })]);
  });
});
