/**
 * The member page's order counts (decision 022): one query, the member's own goods orders, each count equal to the
 * total of the order list's tab it opens. On SQLite and PostgreSQL.
 */
import type { Order, OrderCounts } from '@siyu/shared';
import { expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call } from './factories.js';
import { newShopper, paidOrder, placeOrder, type Shop, type Shopper, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s), {}, undefined, { autoCompleteRefunds: false });

const counts = async (who: Shopper) => {
  const res = await call(ctx, 'GET', '/api/v1/orders/counts', who.headers());
  expect(res.status).toBe(200);
  return res.body as OrderCounts;
};
const tabTotal = async (who: Shopper, query: string) => (await call(ctx, 'GET', `/api/v1/orders${query}`, who.headers())).body.total as number;
const lineOf = (order: Order) => order.lines[0]!.id;

it('counts each tab of the order list exactly as the list shows it', async () => {
  expect(await counts(m)).toEqual({ all: 0, awaitingPayment: 0, paid: 0, shipped: 0, refund: 0 });
  const small = [{ skuId: shop.sku(1), quantity: 1 }];
  await placeOrder(ctx, shop, m, small); // awaiting payment
  const cancelled = await placeOrder(ctx, shop, m, small);
  expect((await call(ctx, 'POST', `/api/v1/orders/${cancelled.id}/cancel`, m.headers(), {})).status).toBe(200);
  await paidOrder(ctx, shop, m, small); // paid
  const shipped = await paidOrder(ctx, shop, m, small);
  expect(
    (await call(ctx, 'POST', `/api/v1/merchant/orders/${shipped.id}/ship`, shop.owner.headers(), { carrier: '顺丰', trackingNo: 'SF1234567' }))
      .status,
  ).toBe(200);
  // A partial refund asked for on a paid order: it stays 待发货 and is on the 退款 tab too.
  const partial = await paidOrder(ctx, shop, m);
  const asked = await call(ctx, 'POST', `/api/v1/orders/${partial.id}/refunds`, m.headers(), {
    reason: '少了一件',
    lines: [{ orderLineId: lineOf(partial), quantity: 1 }],
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  // A points-mall cash part is not in the list, so not in the counts.
  const mallPart = await placeOrder(ctx, shop, m, small);
  await ctx.db.updateTable('orders').set({ kind: 'points_mall' }).where('id', '=', mallPart.id).execute();
  // Another member's orders never count.
  const other = await newShopper(ctx, 'alipay');
  await paidOrder(ctx, shop, other, small);

  const mine = await counts(m);
  expect(mine).toEqual({ all: 5, awaitingPayment: 1, paid: 2, shipped: 1, refund: 1 });
  expect(mine).toEqual({
    all: await tabTotal(m, ''),
    awaitingPayment: await tabTotal(m, '?status=awaiting_payment'),
    paid: await tabTotal(m, '?status=paid'),
    shipped: await tabTotal(m, '?status=shipped'),
    refund: await tabTotal(m, '?refund=any'),
  });
  expect(await counts(other)).toEqual({ all: 1, awaitingPayment: 0, paid: 1, shipped: 0, refund: 0 });
});

it('needs a member token; a staff token is refused', async () => {
  expect((await call(ctx, 'GET', '/api/v1/orders/counts', {})).status).toBe(401);
  expect((await call(ctx, 'GET', '/api/v1/orders/counts', shop.owner.headers())).status).toBe(403);
});
