/**
 * A member's writes against a closing or a merge of that member (decision 019, invariant 20), on SQLite and
 * PostgreSQL: closing an account racing a new order or a points-plus-cash redemption never lets both succeed; a write
 * already inside its transaction when a merge of its member commits lands on the survivor; a write whose member was
 * closed or merged after its token was read is refused, never written on the closed member or the tombstone.
 */
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, M } from './factories.js';
import { newShopper, type Shop, type Shopper, withShop } from './shop.js';
import { gate, someoneWaitsForALock } from './waits.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const PHONE = { countryCode: '86', number: '13812345678' };

async function grant(memberId: number, points: number) {
  await ctx.app.services.points.post(ctx.db, {
    memberId,
    delta: points,
    reason: 'adjustment',
    kind: 'adjust',
    sourceKey: `adjustment:grant-${memberId}-${Math.random()}`,
    at: ctx.clock.now(),
  });
}

/** A points-plus-cash virtual item (no address needed): 100 points and 5.00 yuan. */
async function pointsPlusCashItem(): Promise<number> {
  const res = await call(ctx, 'POST', `${M}/points-mall/items`, shop.owner.headers(), {
    kind: 'virtual',
    title: '停车券',
    instructions: '出示核销码',
    pointsPrice: 100,
    cashFen: 500,
    totalStock: 1000,
    status: 'on',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const memberRow = (id: number) => ctx.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const close = (m: Shopper) => call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: true });
const placeOrder = (m: Shopper) =>
  call(ctx, 'POST', '/api/v1/orders', m.headers(), { items: [{ skuId: shop.sku(1), quantity: 1 }], addressId: m.addressId });
const redeem = (m: Shopper, itemId: number) => call(ctx, 'POST', '/api/v1/points-mall/redemptions', m.headers(), { itemId });

/** What a closed member may still have: no order or redemption awaiting anything, and no personal data in snapshots. */
async function expectNothingUnfinishedOrPersonal(memberId: number) {
  const orders = await ctx.db.selectFrom('orders').select(['status', 'address']).where('member_id', '=', memberId).execute();
  for (const o of orders) {
    expect(o.status).not.toBe('awaiting_payment');
    const address = JSON.parse(o.address) as Record<string, string>;
    expect([address.name, address.phone, address.detail].filter(Boolean)).toEqual([]);
  }
  const redemptions = await ctx.db.selectFrom('points_mall_redemptions').select(['status']).where('member_id', '=', memberId).execute();
  for (const r of redemptions) expect(['awaiting_payment', 'awaiting_fulfilment']).not.toContain(r.status);
}

describe('closing an account racing new business (invariant 20)', () => {
  it('a closing and an order sent at the same moment never both succeed', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 16; round += 1) {
      const m = await newShopper(ctx);
      const [closed, ordered] = await Promise.all([close(m), placeOrder(m)]);
      outcomes.add(`${closed.status}/${ordered.status}`);
      expect([closed.status, ordered.status], `round ${round}: ${JSON.stringify([closed.body, ordered.body])}`).not.toEqual([200, 201]);
      if (closed.status === 200) {
        expect((await memberRow(m.id)).closed_at).not.toBeNull();
        await expectNothingUnfinishedOrPersonal(m.id);
      } else {
        expect(closed.body.error.code).toBe('ACCOUNT_HAS_OPEN_ORDERS');
        expect(ordered.status).toBe(201);
      }
    }
  });

  it('a closing and a points-plus-cash redemption sent at the same moment never both succeed', async () => {
    const itemId = await pointsPlusCashItem();
    for (let round = 0; round < 16; round += 1) {
      const m = await newShopper(ctx);
      await grant(m.id, 500);
      const [closed, redeemed] = await Promise.all([close(m), redeem(m, itemId)]);
      expect([closed.status, redeemed.status], `round ${round}: ${JSON.stringify([closed.body, redeemed.body])}`).not.toEqual([200, 201]);
      if (closed.status === 200) await expectNothingUnfinishedOrPersonal(m.id);
      else expect(redeemed.status).toBe(201);
    }
  });

  it('a redemption whose member was closed after its token was read is refused, and writes nothing', async () => {
    const itemId = await pointsPlusCashItem();
    const m = await newShopper(ctx);
    await grant(m.id, 500);
    const mall = ctx.app.services.pointsMall;
    const redeemAsIs = mall.redeem;
    const reached = gate();
    const held = gate();
    // The request has read its token and is about to start its transaction when the member closes the account.
    mall.redeem = async (...args: Parameters<typeof redeemAsIs>) => {
      reached.open();
      await held.passed();
      return redeemAsIs(...args);
    };
    const redeeming = redeem(m, itemId);
    await reached.passed();
    expect((await close(m)).status).toBe(200);
    held.open();
    const refused = await redeeming;
    mall.redeem = redeemAsIs;
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_CLOSED');
    expect(await ctx.db.selectFrom('points_mall_redemptions').select('id').where('member_id', '=', m.id).execute()).toEqual([]);
    expect(await ctx.db.selectFrom('orders').select('id').where('member_id', '=', m.id).execute()).toEqual([]);
  });
});

describe('writes meeting a merge of their member', () => {
  it('a check-in already inside its transaction when the merge runs is not written on the tombstone', async () => {
    const holder = await newShopper(ctx, 'tt');
    await ctx.app.services.members.bindPhone(holder.id, PHONE);
    const absorbed = await newShopper(ctx, 'weapp');
    const points = ctx.app.services.points;
    const settings = ctx.app.services.settings;
    const getAsIs = settings.get;
    const reached = gate();
    const held = gate();
    // The check-in stops inside its transaction, as it reads the rules: before it has written anything.
    let stopped = false;
    settings.get = (async (...args: Parameters<typeof getAsIs>) => {
      if (!stopped && args[0].key === 'check_in.rules' && args[1]?.isTransaction) {
        stopped = true;
        reached.open();
        await held.passed();
      }
      return getAsIs(...args);
    }) as typeof getAsIs;
    const checkingIn = call(ctx, 'POST', '/api/v1/check-in', absorbed.headers(), {});
    await reached.passed();
    const binding = ctx.app.services.members.bindPhone(absorbed.id, PHONE);
    // The merge either waits for the check-in (it must) or, wrongly, finishes without it.
    await Promise.race([binding, someoneWaitsForALock(ctx.db, 'members')]);
    held.open();
    const [checkedIn, bound] = await Promise.all([checkingIn, binding]);
    settings.get = getAsIs;
    expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(200);
    expect(bound).toMatchObject({ memberId: holder.id, merged: { absorbedMemberId: absorbed.id } });
    // Nothing of the absorbed member's stays on the tombstone: the day and its reward moved to the survivor.
    expect(await ctx.db.selectFrom('check_ins').select('id').where('member_id', '=', absorbed.id).execute()).toEqual([]);
    expect(await ctx.db.selectFrom('points_ledger').select('id').where('member_id', '=', absorbed.id).execute()).toEqual([]);
    expect((await ctx.db.selectFrom('check_ins').select('id').where('member_id', '=', holder.id).execute()).length).toBe(1);
    const audit = await points.audit(ctx.db, holder.id);
    expect(audit.ledger).toBe(audit.balance - audit.debt);
  });

  it('a write whose member was merged after its token was read is refused with MEMBER_MERGED; the retry acts as the survivor', async () => {
    const holder = await newShopper(ctx, 'tt');
    await ctx.app.services.members.bindPhone(holder.id, PHONE);
    const absorbed = await newShopper(ctx, 'weapp');
    const checkIn = ctx.app.services.checkIn;
    const checkInAsIs = checkIn.checkIn;
    const reached = gate();
    const held = gate();
    checkIn.checkIn = async (...args: Parameters<typeof checkInAsIs>) => {
      reached.open();
      await held.passed();
      return checkInAsIs(...args);
    };
    const checkingIn = call(ctx, 'POST', '/api/v1/check-in', absorbed.headers(), {});
    await reached.passed();
    await ctx.app.services.members.bindPhone(absorbed.id, PHONE);
    held.open();
    const refused = await checkingIn;
    checkIn.checkIn = checkInAsIs;
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'MEMBER_MERGED', details: { survivorId: holder.id } });
    expect(await ctx.db.selectFrom('check_ins').select('id').where('member_id', '=', absorbed.id).execute()).toEqual([]);
    // The same token now acts as the survivor.
    const again = await call(ctx, 'POST', '/api/v1/check-in', absorbed.headers(), {});
    expect(again.status).toBe(200);
    expect((await ctx.db.selectFrom('check_ins').select('member_id').execute()).map((r) => Number(r.member_id))).toEqual([holder.id]);
  });
});
