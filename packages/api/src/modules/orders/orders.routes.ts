import { createRoute, z } from '@hono/zod-openapi';
import {
  CheckoutPreview,
  CheckoutPreviewRequest,
  CreateOrderRequest,
  IdParam,
  CancelOrderRequest,
  MemberPrices,
  MemberPricesRequest,
  MemberOrderQuery,
  MerchantOrderFilter,
  MerchantOrderQuery,
  Order,
  OrderCounts,
  OrderPage,
  OrderSettings,
  ShipOrderRequest,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import {
  IdempotencyHeader,
  jsonBody,
  jsonContent,
  memberAccess,
  memberErrors,
  optionalJsonBody,
  staffAccess,
  staffErrors,
} from '../../lib/openapi.js';
import type { OrdersService } from './orders.service.js';

export function orderRoutes(deps: { orders: OrdersService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['orders'];
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'post',
      path: '/checkout/preview',
      tags,
      summary: 'Price a checkout on the server: items, shipping, payable, as a breakdown of named lines',
      ...read,
      request: { body: jsonBody(CheckoutPreviewRequest) },
      responses: { 200: jsonContent(CheckoutPreview, 'the computed amounts'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.preview(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/checkout/member-prices',
      tags,
      summary: 'The member price and 券后价 (after the best coupons held) of products for the member asking, one unit of each SKU',
      ...read,
      request: { body: jsonBody(MemberPricesRequest) },
      responses: { 200: jsonContent(MemberPrices, 'prices of the on-shelf products asked for'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.memberPrices(c.get('memberId'), c.req.valid('json').productIds), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders',
      tags,
      summary: 'Place an order from the preview’s inputs (recomputed; reserves stock; honours Idempotency-Key)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(CreateOrderRequest) },
      responses: { 201: jsonContent(Order, 'the order, awaiting payment until expiresAt'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.create(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders',
      tags,
      summary: 'My orders, newest first, by status',
      ...read,
      request: { query: MemberOrderQuery },
      responses: { 200: jsonContent(OrderPage, 'a page'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.memberOrders(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/counts',
      tags,
      summary: 'How many of my orders each tab of the order list shows (待付款, 待发货, 待收货, 退款/售后, 全部)',
      ...read,
      responses: { 200: jsonContent(OrderCounts, 'the counts'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.memberOrderCounts(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{id}',
      tags,
      summary: 'One of my orders with its history',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(Order, 'the order'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.memberOrder(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/cancel',
      tags,
      summary: 'Cancel an unpaid order (its stock goes back), optionally saying why',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam, body: optionalJsonBody(CancelOrderRequest) },
      responses: { 200: jsonContent(Order, 'the cancelled order'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.cancel(c.get('memberId'), c.req.valid('param').id, c.req.valid('json')?.reason), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/confirm-receipt',
      tags,
      summary: 'Confirm a shipped order arrived',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam },
      responses: { 200: jsonContent(Order, 'the completed order'), ...memberErrors },
    }),
    async (c) => c.json(await deps.orders.complete({ type: 'member', id: c.get('memberId') }, c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantOrderRoutes(deps: { orders: OrdersService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: orders'];
  const { read, write } = staffAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders',
      tags,
      summary: 'Orders by status, number or member',
      ...read,
      request: { query: MerchantOrderQuery },
      responses: { 200: jsonContent(OrderPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.orders.merchantOrders(c.req.valid('query')), 200),
  );
  // Before /orders/{id}, so that "export.csv" is not taken for an id.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/export.csv',
      tags,
      summary: 'The filtered orders as CSV (UTF-8 with BOM, Chinese headers, yuan, merchant time), streamed',
      ...read,
      request: { query: MerchantOrderFilter },
      responses: { 200: { description: 'CSV text', content: { 'text/csv': { schema: z.string() } } }, ...staffErrors },
    }),
    (c) => {
      const { fileName, chunks } = deps.orders.exportCsv(c.req.valid('query'));
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        async cancel() {
          await chunks.return(undefined);
        },
      });
      return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{id}',
      tags,
      summary: 'One order with its history',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(Order, 'the order'), ...staffErrors },
    }),
    async (c) => c.json(await deps.orders.merchantOrder(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/ship',
      tags,
      summary: 'Ship a paid order',
      ...write,
      request: { params: IdParam, body: jsonBody(ShipOrderRequest) },
      responses: { 200: jsonContent(Order, 'the shipped order'), ...staffErrors },
    }),
    async (c) => c.json(await deps.orders.ship(c.get('staff').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/complete',
      tags,
      summary: 'Complete a shipped order',
      ...write,
      request: { params: IdParam },
      responses: { 200: jsonContent(Order, 'the completed order'), ...staffErrors },
    }),
    async (c) => c.json(await deps.orders.complete({ type: 'staff', id: c.get('staff').id }, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/order-settings',
      tags,
      summary: 'Shipping rule and payment window',
      ...read,
      responses: { 200: jsonContent(OrderSettings, 'current settings'), ...staffErrors },
    }),
    async (c) => c.json(await deps.orders.settings(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/order-settings',
      tags,
      summary: 'Replace the shipping rule and payment window',
      ...write,
      request: { body: jsonBody(OrderSettings) },
      responses: { 200: jsonContent(OrderSettings, 'saved; applies to new orders'), ...staffErrors },
    }),
    async (c) => c.json(await deps.orders.updateSettings(c.req.valid('json'), c.get('staff').id), 200),
  );
  return router;
}
