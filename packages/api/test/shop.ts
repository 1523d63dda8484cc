/** Helpers for the payments and refunds suites: a shop with stock, a member with an address, orders paid end to end. */
import type { LoginPlatform, Order, PayOrderResponse } from '@siyu/shared';
import { expect } from 'vitest';
import type { TestContext } from './context.js';
import {
  call,
  createProduct,
  createStaffAndLogin,
  loginMember,
  type StaffSession,
  type TestMember,
  type TestProduct,
  addAddress,
} from './factories.js';

export interface Shopper extends TestMember {
  platform: LoginPlatform;
  addressId: number;
}

export async function newShopper(ctx: TestContext, platform: LoginPlatform = 'weapp'): Promise<Shopper> {
  const m = await loginMember(ctx, { platform });
  return { ...m, platform, addressId: await addAddress(ctx, m) };
}

export interface Shop {
  owner: StaffSession;
  /** Two SKUs: 30.00 and 20.00 yuan, stock 10 each. */
  product: TestProduct;
  /** The id of the product's i-th SKU. */
  sku(i: number): number;
}

export async function newShop(ctx: TestContext): Promise<Shop> {
  const owner = await createStaffAndLogin(ctx, 'owner');
  const product = await createProduct(ctx, owner, {
    skus: [
      { priceFen: 3000, stock: 10 },
      { priceFen: 2000, stock: 10 },
    ],
  });
  return { owner, product, sku: (i) => product.skus[i]!.id };
}

/** 2 × 30.00 + 1 × 20.00 + 10.00 shipping (below the 99.00 free-shipping threshold) = 90.00 unless told otherwise. */
export async function placeOrder(ctx: TestContext, shop: Shop, m: Shopper, items?: { skuId: number; quantity: number }[]): Promise<Order> {
  const res = await call(ctx, 'POST', '/api/v1/orders', m.headers(), {
    items: items ?? [
      { skuId: shop.sku(0), quantity: 2 },
      { skuId: shop.sku(1), quantity: 1 },
    ],
    addressId: m.addressId,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Order;
}

export async function startPayment(ctx: TestContext, m: Shopper, orderId: number): Promise<PayOrderResponse> {
  const res = await call(ctx, 'POST', `/api/v1/orders/${orderId}/pay`, m.headers(), {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const body = res.body as PayOrderResponse;
  // Douyin opens the trade from the client (tt.requestOrder); the simulator stands in for it.
  if (body.payment.platform === 'tt') await ctx.simulator.requestTtOrder(body.payment.params);
  return body;
}

/** The ok acknowledgement each platform expects. */
export function expectOkAck(platform: LoginPlatform, delivery: { status: number; body: string }) {
  if (platform === 'weapp') expect(delivery).toMatchObject({ status: 204, body: '' });
  if (platform === 'alipay') expect(delivery).toMatchObject({ status: 200, body: 'success' });
  if (platform === 'tt')
    expect({ status: delivery.status, body: JSON.parse(delivery.body) }).toEqual({ status: 200, body: { err_no: 0, err_tips: 'success' } });
}

/** Creates the platform payment and has the simulator pay it, delivering the real notification in-process. */
export async function payOrder(ctx: TestContext, m: Shopper, order: Order): Promise<{ eventId: string }> {
  await startPayment(ctx, m, order.id);
  const { eventId, deliveries } = await ctx.simulator.pay(m.platform, order.orderNo);
  expect(deliveries).toHaveLength(1);
  expectOkAck(m.platform, deliveries[0]!);
  return { eventId };
}

export async function paidOrder(ctx: TestContext, shop: Shop, m: Shopper, items?: { skuId: number; quantity: number }[]): Promise<Order> {
  const order = await placeOrder(ctx, shop, m, items);
  await payOrder(ctx, m, order);
  const res = await call(ctx, 'GET', `/api/v1/orders/${order.id}`, m.headers());
  expect(res.body.status).toBe('paid');
  return res.body as Order;
}

export const stockOf = async (ctx: TestContext, skuId: number) =>
  Number((await ctx.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()).stock);
export const orderRow = (ctx: TestContext, id: number) => ctx.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const paidEvents = async (ctx: TestContext, orderId: number) =>
  (await ctx.db.selectFrom('order_events').select('id').where('order_id', '=', orderId).where('to_status', '=', 'paid').execute()).length;

/** A shop, and a shop with a weapp shopper, for eachTestContext (test/context.ts). */
export const withShop = async (ctx: TestContext) => ({ shop: await newShop(ctx) });
export const withShopAndShopper = async (ctx: TestContext) => ({ ...(await withShop(ctx)), m: await newShopper(ctx) });

type TraceTable = 'payment_notifications' | 'payment_exceptions' | 'order_events' | 'payments';
export const countRows = async (ctx: TestContext, table: TraceTable) => (await ctx.db.selectFrom(table).select('id').execute()).length;

/** What paying an order writes: its status and times, its trades, and the exceptions and events recorded. */
export async function paymentTrace(ctx: TestContext, orderId: number) {
  const o = await orderRow(ctx, orderId);
  return {
    status: o.status,
    paidAt: o.paid_at,
    updatedAt: o.updated_at,
    transactionId: o.payment_transaction_id,
    exceptions: await countRows(ctx, 'payment_exceptions'),
    events: await countRows(ctx, 'order_events'),
    payments: await ctx.db
      .selectFrom('payments')
      .select(['status', 'transaction_id', 'paid_at', 'updated_at'])
      .where('order_id', '=', orderId)
      .execute(),
  };
}

/** A refund asked by the member (the whole order, or `lines`) and approved by a fresh owner session, completed if the platform is still processing it. */
export async function approvedRefund(ctx: TestContext, who: Shopper, orderId: number, lines?: { orderLineId: number; quantity: number }[]) {
  const owner = await createStaffAndLogin(ctx, 'owner');
  const asked = await call(ctx, 'POST', `/api/v1/orders/${orderId}/refunds`, who.headers(), { reason: '不要了', ...(lines ? { lines } : {}) });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const approved = await call(ctx, 'POST', `/api/v1/merchant/refunds/${asked.body.id}/approve`, owner.headers(), {});
  expect(approved.status).toBe(200);
  if (approved.body.status === 'processing') await ctx.simulator.completeRefund(who.platform, asked.body.refundNo);
  return asked.body;
}
