/**
 * The member code at the counter (decision 039) on SQLite and PostgreSQL: a fresh code a minute, identified by staff
 * without using it up, used once by a purchase (two at once: one wins), the purchase earning points and growth like
 * an online order and paid partly from the balance; every action in the audit trail with staff and store; bad input,
 * expired codes, roles, member tokens refused.
 */
import type { MemberCode } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, M, type StaffSession } from './factories.js';
import { newShopper, type Shopper, withShop, type Shop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const codeOf = async (m: Shopper): Promise<MemberCode> => {
  const res = await call(ctx, 'GET', '/api/v1/me/member-code', m.headers());
  expect(res.status).toBe(200);
  return res.body;
};
const purchase = (staff: StaffSession, body: Record<string, unknown>) => call(ctx, 'POST', `${M}/counter/purchases`, staff.headers(), body);

async function fund(m: Shopper, principalDeltaFen: number, bonusDeltaFen = 0) {
  const res = await call(ctx, 'POST', `${M}/wallet/members/${m.id}/adjustments`, shop.owner.headers(), {
    principalDeltaFen,
    bonusDeltaFen,
    reason: '测试充值',
  });
  expect(res.status).toBe(200);
}

describe('member code at the counter', () => {
  it('identifies the member without using the code, records a purchase paid partly from the balance, earning points and growth', async () => {
    const m = await newShopper(ctx);
    await fund(m, 8000, 2000);
    const operator = await createStaffAndLogin(ctx, 'operator');
    const code = await codeOf(m);
    expect(code.code).toMatch(/^\d{18}$/);
    expect(code.refreshSeconds).toBe(60);
    expect((await codeOf(m)).code).not.toBe(code.code);

    const who = await call(ctx, 'POST', `${M}/counter/identify`, operator.headers(), { code: code.code, store: '西湖店' });
    expect(who.status, JSON.stringify(who.body)).toBe(200);
    expect(who.body).toMatchObject({ memberId: m.id, principalFen: 8000, bonusFen: 2000, balanceFen: 10000 });

    const growthBefore = (await ctx.db.selectFrom('growth_ledger').select('delta').where('member_id', '=', m.id).execute()).length;
    const done = await purchase(operator, { code: code.code, store: '西湖店', amountFen: 15000, balanceFen: 5000, note: '两件衬衫' });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({ memberId: m.id, amountFen: 15000, balanceFen: 5000, tillFen: 10000, principalFen: 4000, bonusFen: 1000 });
    const a = await ctx.app.services.wallet.audit(ctx.db, m.id);
    expect(a.account).toEqual(a.ledger);
    const order = await ctx.db.selectFrom('orders').selectAll().where('id', '=', done.body.orderId).executeTakeFirstOrThrow();
    expect(order).toMatchObject({ kind: 'counter', status: 'completed', balance_fen: 5000, payment_platform: 'counter' });
    // Points pending like an online order's (they mature after the refund window), and growth added.
    const pending = await ctx.db.selectFrom('points_pending').selectAll().where('order_id', '=', done.body.orderId).execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.amount).toBeGreaterThan(0);
    expect((await ctx.db.selectFrom('growth_ledger').select('delta').where('member_id', '=', m.id).execute()).length).toBe(growthBefore + 1);

    const trail = await call(ctx, 'GET', `${M}/counter/actions`, shop.owner.headers());
    expect(trail.body.items.map((x: { action: string; store: string }) => [x.action, x.store])).toEqual([
      ['purchase', '西湖店'],
      ['balance_payment', '西湖店'],
      ['identify', '西湖店'],
    ]);
    // Used: a second purchase or identification with it is refused.
    const again = await purchase(operator, { code: code.code, store: '西湖店', amountFen: 100 });
    expect(again.status).toBe(409);
  });

  it('a code used twice at once: one purchase, the other refused (invariant 25)', async () => {
    const m = await newShopper(ctx);
    await fund(m, 1000);
    const code = await codeOf(m);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => purchase(shop.owner, { code: code.code, store: '西湖店', amountFen: 1000, balanceFen: 1000 })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    const a = await ctx.app.services.wallet.audit(ctx.db, m.id);
    expect(a.account).toEqual({ principalFen: 0, bonusFen: 0 });
    expect(a.ledger).toEqual(a.account);
  });

  it('refuses an expired code, a balance short of the payment (nothing written), bad input, viewers and member tokens', async () => {
    const m = await newShopper(ctx);
    await fund(m, 500);
    const code = await codeOf(m);
    const short = await purchase(shop.owner, { code: code.code, store: '西湖店', amountFen: 1000, balanceFen: 600 });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('INSUFFICIENT_BALANCE');
    expect((await ctx.db.selectFrom('orders').select('id').where('kind', '=', 'counter').execute()).length).toBe(0);
    expect((await ctx.db.selectFrom('member_codes').select('used_at').where('code', '=', code.code).executeTakeFirstOrThrow()).used_at).toBeNull();
    for (const [body, field] of [
      [{ code: '123', store: '西湖店', amountFen: 100 }, 'code'],
      [{ code: code.code, store: '', amountFen: 100 }, 'store'],
      [{ code: code.code, store: '西湖店', amountFen: 0 }, 'amountFen'],
      [{ code: code.code, store: '西湖店', amountFen: 100, balanceFen: 200 }, 'balanceFen'],
    ] as const) {
      const res = await purchase(shop.owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(field);
    }
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await purchase(viewer, { code: code.code, store: '西湖店', amountFen: 100 })).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/counter/purchases`, m.headers(), { code: code.code, store: '西湖店', amountFen: 100 })).status).toBe(403);
    expect((await call(ctx, 'POST', `${M}/counter/identify`, shop.owner.headers(), { code: '660000000000000000', store: '西湖店' })).status).toBe(
      404,
    );
    ctx.clock.advance(61_000);
    const expired = await call(ctx, 'POST', `${M}/counter/identify`, shop.owner.headers(), { code: code.code, store: '西湖店' });
    expect(expired.status).toBe(409);
    expect(expired.body.error.details.status).toBe('expired');
  });
});
