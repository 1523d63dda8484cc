/**
 * The points economy through app.request() and the points service, on SQLite and PostgreSQL: lots and expiry, pending
 * order points maturing after the refund window, points at checkout, refunds taking back what an order earned (and
 * both rules for points already spent), tasks, the merchant's rules, and a property test of the ledger's invariants.
 */
import type { PointsRules } from '@siyu/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_RULES } from '../src/modules/points/index.js';
import { eachTestContext, engine, type TestContext } from './context.js';
import { call, createProduct, createStaffAndLogin, loginMember, M, DAY } from './factories.js';
import { newShopper, payOrder, placeOrder, type Shop, type Shopper, withShopAndShopper, approvedRefund } from './shop.js';
import { someoneWaitsForALock } from './waits.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const points = () => ctx.app.services.points;
const grant = (memberId: number, delta: number, key: string) =>
  points().post(ctx.db, { memberId, delta, reason: 'adjustment', kind: 'adjust', sourceKey: `adjustment:${key}`, at: ctx.clock.now() });
const summary = async (who: Shopper) => (await call(ctx, 'GET', '/api/v1/points', who.headers())).body;
const setRules = async (change: (r: PointsRules) => void) => {
  const rules = structuredClone(DEFAULT_POINTS_RULES);
  change(rules);
  const owner = await createStaffAndLogin(ctx, 'owner'); // a fresh session: tests move the clock by days
  const res = await call(ctx, 'PUT', `${M}/points/rules`, owner.headers(), rules);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const expectBalanced = async (memberId: number) => {
  const a = await points().audit(ctx.db, memberId);
  expect(a.ledger).toBe(a.balance - a.debt);
  expect(a.lots).toBe(a.balance);
  expect(a.balance).toBeGreaterThanOrEqual(0);
  return a;
};
async function completeOrder(orderId: number, who: Shopper) {
  const owner = await createStaffAndLogin(ctx, 'owner');
  expect((await call(ctx, 'POST', `${M}/orders/${orderId}/ship`, owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567' })).status).toBe(200);
  expect((await call(ctx, 'POST', `/api/v1/orders/${orderId}/confirm-receipt`, who.headers())).status).toBe(200);
}
const refundWhole = (orderId: number, who: Shopper) => approvedRefund(ctx, who, orderId);

describe('earning from orders', () => {
  it('holds an order’s points as pending until the refund window after completion passes, then makes them available once', async () => {
    const order = await placeOrder(ctx, shop, m); // 80.00 of goods + 10.00 shipping
    await payOrder(ctx, m, order);
    // 100 for the first order (a task, available at once) and 80 pending.
    expect(await summary(m)).toMatchObject({ available: 100, pending: 80, pendingItems: [{ points: 80, orderId: order.id, maturesAt: null }] });
    await completeOrder(order.id, m);
    const due = (await summary(m)).pendingItems[0].maturesAt;
    expect(due).toBe(new Date(ctx.clock.now().getTime() + 7 * DAY).toISOString());
    ctx.clock.advance(7 * DAY - 1000);
    expect(await points().matureDue()).toBe(0);
    ctx.clock.advance(1000);
    const runs = await Promise.all([points().matureDue(), points().matureDue(), points().matureDue()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await summary(m)).toMatchObject({ available: 180, pending: 0 });
    expect((await call(ctx, 'GET', '/api/v1/points/ledger?reason=order', m.headers())).body.entries).toEqual([
      expect.objectContaining({ delta: 80, kind: 'earn', reason: 'order', sourceKey: `order:${order.id}` }),
    ]);
    await expectBalanced(m.id);
  });

  it('pays the first-order task once, and lists the tasks', async () => {
    await payOrder(ctx, m, await placeOrder(ctx, shop, m));
    await payOrder(ctx, m, await placeOrder(ctx, shop, m));
    const tasks = (await call(ctx, 'GET', '/api/v1/points/tasks', m.headers())).body.items;
    expect(tasks).toContainEqual({ task: 'first_order', points: 100, done: true });
    expect(tasks).toContainEqual({ task: 'bind_phone', points: 50, done: false });
    expect((await call(ctx, 'GET', '/api/v1/points/ledger?reason=task', m.headers())).body.entries).toHaveLength(1);
    expect(await points().completeTask(ctx.db, m.id, 'first_order')).toBe(0);
  });
});

describe('expiry', () => {
  it('expires lots by the policy in force when they were earned, oldest first, each once, and says what expires soon', async () => {
    await setRules((r) => {
      r.expiry = { policy: 'days_after_earning', days: 10, noticeDays: 3 };
    });
    await grant(m.id, 100, 'a');
    ctx.clock.advance(2 * DAY);
    await setRules((r) => {
      r.expiry = { policy: 'never', days: 10, noticeDays: 3 };
    });
    await grant(m.id, 50, 'b');
    expect(await summary(m)).toMatchObject({ available: 150, expiringSoon: null, nextExpiries: [{ points: 100 }] });
    ctx.clock.advance(6 * DAY);
    expect((await summary(m)).expiringSoon).toMatchObject({ points: 100 });
    // Spending takes the lot that expires first.
    await points().post(ctx.db, { memberId: m.id, delta: -30, reason: 'mall_redemption', sourceKey: 'mall:1', at: ctx.clock.now() });
    ctx.clock.advance(3 * DAY);
    const runs = await Promise.all([points().expireDue(), points().expireDue()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await summary(m)).toMatchObject({ available: 50, expiringSoon: null, nextExpiries: [] });
    expect((await call(ctx, 'GET', '/api/v1/points/ledger?kind=expire', m.headers())).body.entries).toEqual([
      expect.objectContaining({ delta: -70, kind: 'expire', reason: 'expiry' }),
    ]);
    // Giving the spent points back returns them to their lot, which has expired: the next run expires them too.
    await points().returnDebit(ctx.db, {
      memberId: m.id,
      debitSource: 'mall:1',
      amount: 30,
      reason: 'mall_return',
      sourceKey: 'mall-return:1',
      at: ctx.clock.now(),
    });
    expect(await points().expireDue()).toBe(1);
    expect((await summary(m)).available).toBe(50);
    await expectBalanced(m.id);
  });

  it('ends points earned in a year at the end of the next year, Beijing time', async () => {
    await grant(m.id, 10, 'c');
    expect((await summary(m)).nextExpiries).toEqual([{ points: 10, at: '2027-12-31T16:00:00.000Z' }]);
  });
});

describe('points at checkout', () => {
  /** 80.00 of goods (two of the first SKU, one of the second) to the member's address. */
  const twoLines = () => ({
    items: [
      { skuId: shop.sku(0), quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ],
    addressId: m.addressId,
  });

  it('pays up to the merchant’s share, debits when the order is created, and gives back when it closes or is refunded', async () => {
    await grant(m.id, 5000, 'd');
    const body = twoLines();
    const off = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), body);
    expect(off.body.points).toMatchObject({ enabled: true, available: 5000, maxPoints: 4000, maxSavingFen: 4000, using: false, savingFen: 0 });
    const on = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), { ...body, usePoints: true });
    // 50 % of 80.00 = 40.00 in points (100 points = 1 yuan); shipping 10.00 stays.
    expect(on.body).toMatchObject({ discountFen: 4000, payableFen: 5000, points: { using: true, pointsUsed: 4000, savingFen: 4000 } });
    expect(on.body.breakdown).toContainEqual({
      kind: 'discount',
      code: 'points',
      label: '积分抵扣',
      amountFen: -4000,
      source: { type: 'points', id: null },
    });

    const first = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { ...body, usePoints: true });
    expect(first.status).toBe(201);
    expect((await summary(m)).available).toBe(1000);
    await call(ctx, 'POST', `/api/v1/orders/${first.body.id}/cancel`, m.headers());
    expect((await summary(m)).available).toBe(5000);

    const second = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { ...body, usePoints: true });
    await payOrder(ctx, m, second.body);
    // Earned on what was paid for goods: 80.00 − 40.00 = 40 yuan → 40 points.
    expect((await summary(m)).pending).toBe(40);
    // Refund one of the two 30.00 units: points come back in proportion (what the refund gives back / what was paid).
    const line = second.body.lines.find((l: { skuId: number }) => l.skuId === shop.sku(0));
    const part = await call(ctx, 'POST', `/api/v1/orders/${second.body.id}/refunds`, m.headers(), {
      reason: '少一件',
      lines: [{ orderLineId: line.id, quantity: 1 }],
    });
    const owner = await createStaffAndLogin(ctx, 'owner');
    await call(ctx, 'POST', `${M}/refunds/${part.body.id}/approve`, owner.headers(), {});
    await ctx.simulator.completeRefund('weapp', part.body.refundNo);
    const back = Math.floor((4000 * part.body.amountFen) / 5000);
    // 1000 left, 100 for the first order, and the share the refund gave back.
    expect((await summary(m)).available).toBe(1100 + back);
    await refundWhole(second.body.id, m);
    expect(await summary(m)).toMatchObject({ available: 5100, pending: 0 });
    await expectBalanced(m.id);
  });

  it('says what caps the points (the share of the goods or the balance) and what the order earns, and the paid order says what it earned', async () => {
    await grant(m.id, 5155, 'cap');
    const body = twoLines();
    const off = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), body);
    // 80.00 of goods: half of it (40.00, 4000 points) is the cap, below the 5155 held; unpaid, the goods earn 80.
    expect(off.body.points).toMatchObject({ available: 5155, maxPoints: 4000, maxShareBp: 5000, limitedBy: 'share', earnPoints: 80 });
    const on = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), { ...body, usePoints: true });
    expect(on.body.points).toMatchObject({ using: true, pointsUsed: 4000, limitedBy: 'share', earnPoints: 40 });
    const order = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { ...body, usePoints: true });
    expect(order.body.pointsEarned).toBe(0);
    await payOrder(ctx, m, order.body);
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.body.id}`, m.headers())).body.pointsEarned).toBe(40);
    // 1155 left: now the balance is what stops the points.
    const small = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), body);
    expect(small.body.points).toMatchObject({ available: 1255, maxPoints: 1255, limitedBy: 'balance', earnPoints: 80 });
  });

  it('lets one of two orders racing for the same points take them, never going below zero (invariant 3)', async () => {
    await grant(m.id, 1500, 'e');
    const body = { items: [{ skuId: shop.sku(1), quantity: 2 }], addressId: m.addressId, usePoints: true };
    const results = await Promise.all([
      call(ctx, 'POST', '/api/v1/orders', m.headers(), body),
      call(ctx, 'POST', '/api/v1/orders', m.headers(), body),
    ]);
    expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body?.error ?? r.body?.id))).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await ctx.db.selectFrom('orders').select('id').execute()).toHaveLength(1);
    // 40.00 of goods: up to half (20.00) in points, but only 15.00 worth is there; the winner took all of it.
    expect((await expectBalanced(m.id)).balance).toBe(0);
  });

  it('is not offered when the merchant turns it off or a coupon does not combine with points', async () => {
    await grant(m.id, 500, 'f');
    await setRules((r) => {
      r.checkout.enabled = false;
    });
    const res = await call(ctx, 'POST', '/api/v1/checkout/preview', m.headers(), { items: [{ skuId: shop.sku(1), quantity: 1 }], usePoints: true });
    expect(res.body.points).toMatchObject({ enabled: false, using: false, unavailableReason: '本店暂不支持积分抵扣' });
    expect(res.body.discountFen).toBe(0);
  });
});

describe('refunds of points already spent', () => {
  async function earnAndSpend(who: Shopper) {
    const order = await placeOrder(ctx, shop, who); // earns 80 points
    await payOrder(ctx, who, order);
    await completeOrder(order.id, who);
    ctx.clock.advance(8 * DAY);
    await points().matureDue();
    // 100 (first order) + 80 (matured) = 180; 150 spent, 30 left.
    await points().post(ctx.db, { memberId: who.id, delta: -150, reason: 'mall_redemption', sourceKey: `mall:${order.id}`, at: ctx.clock.now() });
    return order;
  }

  it('lets the balance go below zero by default, and the next earnings repay it', async () => {
    const order = await earnAndSpend(m);
    const refund = await refundWhole(order.id, m);
    expect(refund).toMatchObject({ pointsDeductionFen: 0, payoutFen: 9000 });
    // The refund takes back the order's 80: the 30 there, and 50 owed.
    expect(await summary(m)).toMatchObject({ available: 0, debt: 50 });
    expect((await expectBalanced(m.id)).ledger).toBe(-50);
    await grant(m.id, 100, 'g');
    expect(await summary(m)).toMatchObject({ available: 50, debt: 0 });
    await expectBalanced(m.id);
  });

  it('or takes their value off the refund, when the merchant says so', async () => {
    await setRules((r) => {
      r.refundOfSpentPoints = 'deduct_from_refund';
    });
    const order = await earnAndSpend(m);
    const refund = await refundWhole(order.id, m);
    // 50 points short at 100 points to the yuan: 0.50 kept back.
    expect(refund).toMatchObject({ amountFen: 9000, pointsDeductionFen: 50, payoutFen: 8950 });
    const trade = ctx.simulator.trade('weapp', order.orderNo)!;
    expect(trade.refunds.map((x) => x.refundFen)).toEqual([8950]);
    expect(await summary(m)).toMatchObject({ available: 0, debt: 0 });
    expect((await call(ctx, 'GET', `/api/v1/orders/${order.id}`, m.headers())).body).toMatchObject({ status: 'refunded', refundedFen: 9000 });
    await expectBalanced(m.id);
  });
});

describe('a whole refund racing the maturity job (invariant 21)', () => {
  it('nets the order’s points to zero whichever runs first, round after round', async () => {
    await setRules((r) => {
      r.earning.maturityDays = 0;
    });
    const owner = await createStaffAndLogin(ctx, 'owner');
    // Alipay refunds synchronously: the approval itself completes the refund and runs the refunded step.
    const buyer = await newShopper(ctx, 'alipay');
    const plenty = await createProduct(ctx, owner, { skus: [{ priceFen: 5000, stock: 100 }] });
    const platformRefund = ctx.payments.alipay.refund.bind(ctx.payments.alipay);
    const leaks: string[] = [];
    for (let round = 0; round < 16; round += 1) {
      const order = await placeOrder(ctx, shop, buyer, [{ skuId: plenty.skus[0]!.id, quantity: 1 }]);
      await payOrder(ctx, buyer, order);
      const shipped = await call(ctx, 'POST', `${M}/orders/${order.id}/ship`, owner.headers(), {
        carrier: '顺丰',
        trackingNo: `SF${1_000_000 + round}`,
      });
      expect(shipped.status).toBe(200);
      expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/confirm-receipt`, buyer.headers())).status).toBe(200);
      const asked = await call(ctx, 'POST', `/api/v1/orders/${order.id}/refunds`, buyer.headers(), { reason: '不要了' });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      let approving = true;
      let jobs: Promise<unknown> = Promise.resolve();
      if (engine === 'postgres' && round % 2 === 0) {
        // Inside the refund's transaction, after the points step: the job starts and the refund commits only once the
        // job waits for a lock the refund holds (the job read the order's points before the refund committed).
        ctx.payments.alipay.refund = platformRefund;
        ctx.probe.doInside(async (step) => {
          if (step !== 'refunded') return;
          jobs = points().matureDue();
          await someoneWaitsForALock(ctx.db, 'points_pending');
        });
      } else {
        // Once the platform has taken the refund (the approval's last step before completing it), the job runs again
        // and again until the approval is answered, each round starting a few promise turns later than the one
        // before, so its runs land on every side of the refund's transaction.
        ctx.probe.doInside(null);
        ctx.payments.alipay.refund = async (...args) => {
          const taken = await platformRefund(...args);
          jobs = (async () => {
            for (let turn = 0; turn < round; turn += 1) await Promise.resolve();
            while (approving) await points().matureDue();
          })();
          return taken;
        };
      }
      const approved = await call(ctx, 'POST', `${M}/refunds/${asked.body.id}/approve`, owner.headers(), {});
      approving = false;
      await jobs;
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.status).toBe('succeeded');
      await points().matureDue();
      const entries = await ctx.db
        .selectFrom('points_ledger')
        .select(['delta', 'source_key'])
        .where('member_id', '=', buyer.id)
        .where((eb) => eb.or([eb('source_key', '=', `order:${order.id}`), eb('source_key', 'like', `order-refund:${order.id}:%`)]))
        .execute();
      const net = entries.reduce((sum, e) => sum + Number(e.delta), 0);
      const pending = await ctx.db.selectFrom('points_pending').select(['remaining']).where('order_id', '=', order.id).executeTakeFirstOrThrow();
      if (net !== 0 || Number(pending.remaining) !== 0) leaks.push(`round ${round}: ${JSON.stringify(entries)}, pending left ${pending.remaining}`);
    }
    expect(leaks).toEqual([]);
    await expectBalanced(buyer.id);
  }, 60_000);
});

describe('rules and manual adjustments (merchant)', () => {
  it('validate naming the field, write nothing, and are for staff who may edit', async () => {
    const bad = structuredClone(DEFAULT_POINTS_RULES) as unknown as Record<string, Record<string, unknown>>;
    bad.checkout!.maxShareBp = 0;
    const res = await call(ctx, 'PUT', `${M}/points/rules`, shop.owner.headers(), bad);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('checkout.maxShareBp');
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'PUT', `${M}/points/rules`, viewer.headers(), DEFAULT_POINTS_RULES)).status).toBe(403);
    expect((await call(ctx, 'GET', `${M}/points/rules`, viewer.headers())).body).toEqual(DEFAULT_POINTS_RULES);
    expect((await call(ctx, 'GET', `${M}/points/rules`, m.headers())).status).toBe(403);
    expect(await ctx.db.selectFrom('merchant_settings').selectAll().where('key', '=', 'points.rules').execute()).toEqual([]);
    expect((await call(ctx, 'GET', '/api/v1/points/ledger?kind=gift', m.headers())).status).toBe(400);
  });
});

describe('the ledger’s invariants under random operations (invariants 3 and 4)', () => {
  it('after every step: balance = sum of the ledger (less debt), lots = balance, never below zero, nothing posted twice', async () => {
    const members = [m.id, (await loginMember(ctx)).id, (await loginMember(ctx)).id];
    await setRules((r) => {
      r.expiry = { policy: 'days_after_earning', days: 5, noticeDays: 3 };
    });
    const op = fc.oneof(
      fc.record({ t: fc.constant('earn' as const), who: fc.nat(2), n: fc.integer({ min: 1, max: 500 }), key: fc.nat(40) }),
      fc.record({ t: fc.constant('spend' as const), who: fc.nat(2), n: fc.integer({ min: 1, max: 600 }), key: fc.nat(40) }),
      fc.record({
        t: fc.constant('adjust' as const),
        who: fc.nat(2),
        n: fc.integer({ min: -300, max: 300 }).filter((x) => x !== 0),
        key: fc.nat(40),
      }),
      fc.record({ t: fc.constant('return' as const), who: fc.nat(2), n: fc.integer({ min: 1, max: 600 }), key: fc.nat(40) }),
      fc.record({ t: fc.constant('time' as const), days: fc.integer({ min: 1, max: 3 }) }),
    );
    let step = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 60 }), async (ops) => {
        for (const o of ops) {
          step += 1;
          const at = ctx.clock.now();
          try {
            if (o.t === 'time') {
              ctx.clock.advance(o.days * DAY);
              await points().expireDue();
            } else if (o.t === 'earn') {
              await points().post(ctx.db, { memberId: members[o.who]!, delta: o.n, reason: 'check_in', sourceKey: `earn:${o.key}`, at });
            } else if (o.t === 'spend') {
              await points().post(ctx.db, { memberId: members[o.who]!, delta: -o.n, reason: 'mall_redemption', sourceKey: `spend:${o.key}`, at });
            } else if (o.t === 'adjust') {
              await points().post(ctx.db, {
                memberId: members[o.who]!,
                delta: o.n,
                reason: 'adjustment',
                kind: 'adjust',
                sourceKey: `adjust:${o.key}`,
                at,
              });
            } else {
              await points().returnDebit(ctx.db, {
                memberId: members[o.who]!,
                debitSource: `spend:${o.key}`,
                amount: o.n,
                reason: 'mall_return',
                sourceKey: `return:${step}`,
                at,
              });
            }
          } catch (err) {
            const code = (err as { code?: string }).code;
            // A repeated source key, or spending more than is there: refused, and nothing written.
            if (code !== 'CONFLICT' && code !== 'INSUFFICIENT_POINTS') throw err;
          }
          for (const id of members) await expectBalanced(id);
        }
      }),
      { numRuns: 25 },
    );
    expect(step).toBeGreaterThan(500);
  }, 300_000);
});
