import { createRoute } from '@hono/zod-openapi';
import {
  CancelPointsMallRedemptionRequest,
  FulfilPointsMallRedemptionRequest,
  IdParam,
  MemberPointsMallRedemptionQuery,
  MerchantPointsMallItem,
  MerchantPointsMallItemPage,
  MerchantPointsMallItemQuery,
  MerchantPointsMallRedemption,
  MerchantPointsMallRedemptionPage,
  MerchantPointsMallRedemptionQuery,
  NewPointsMallItem,
  PointsMallItem,
  PointsMallItemPage,
  PointsMallItemQuery,
  PointsMallItemStatusRequest,
  PointsMallRedemption,
  PointsMallRedemptionPage,
  PointsMallStockAdjustment,
  RedeemPointsMallItemRequest,
  UpdatePointsMallItem,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, createRouter } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberAccess, memberErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { PointsMallService } from './points-mall.service.js';

export function pointsMallRoutes(deps: { mall: PointsMallService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['points mall'];
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/items',
      tags,
      summary: 'Items on sale now, with whether I can redeem each and why not',
      ...read,
      request: { query: PointsMallItemQuery },
      responses: { 200: jsonContent(PointsMallItemPage, 'a page'), ...memberErrors },
    }),
    async (c) => c.json(await deps.mall.memberItems(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/items/{id}',
      tags,
      summary: 'One item, with whether I can redeem it and why not',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(PointsMallItem, 'the item'), ...memberErrors },
    }),
    async (c) => c.json(await deps.mall.memberItem(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/points-mall/redemptions',
      tags,
      summary: 'Redeem an item (points only: done at once; with cash: pay its order before the payment deadline)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(RedeemPointsMallItemRequest) },
      responses: { 201: jsonContent(PointsMallRedemption, 'the redemption'), ...memberErrors },
    }),
    async (c) => c.json(await deps.mall.redeem(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/redemptions',
      tags,
      summary: 'My redemptions, newest first',
      ...read,
      request: { query: MemberPointsMallRedemptionQuery },
      responses: { 200: jsonContent(PointsMallRedemptionPage, 'a page'), ...memberErrors },
    }),
    async (c) => c.json(await deps.mall.memberRedemptions(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/redemptions/{id}',
      tags,
      summary: 'One of my redemptions',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(PointsMallRedemption, 'the redemption'), ...memberErrors },
    }),
    async (c) => c.json(await deps.mall.memberRedemption(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/points-mall/redemptions/{id}/cancel',
      tags,
      summary: 'Withdraw a redemption whose cash part is unpaid (points and stock come back)',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam },
      responses: { 200: jsonContent(PointsMallRedemption, 'the redemption, closed'), ...memberErrors },
    }),
    async (c) => c.json(await deps.mall.withdraw(c.get('memberId'), c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantPointsMallRoutes(deps: { mall: PointsMallService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: points mall'];
  const { read, write } = staffAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/items',
      tags,
      summary: 'Points-mall items, by sort order then newest',
      ...read,
      request: { query: MerchantPointsMallItemQuery },
      responses: { 200: jsonContent(MerchantPointsMallItemPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.merchantItems(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/points-mall/items',
      tags,
      summary: 'Publish an item (off until switched on, unless status is on)',
      ...write,
      request: { body: jsonBody(NewPointsMallItem) },
      responses: { 201: jsonContent(MerchantPointsMallItem, 'the item'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.createItem(c.get('staff').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/items/{id}',
      tags,
      summary: 'One item',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(MerchantPointsMallItem, 'the item'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.merchantItem(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/points-mall/items/{id}',
      tags,
      summary: 'Edit an item (redemptions already made keep what they were)',
      ...write,
      request: { params: IdParam, body: jsonBody(UpdatePointsMallItem) },
      responses: { 200: jsonContent(MerchantPointsMallItem, 'the item'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.updateItem(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/points-mall/items/{id}/status',
      tags,
      summary: 'Switch an item on or off',
      ...write,
      request: { params: IdParam, body: jsonBody(PointsMallItemStatusRequest) },
      responses: { 200: jsonContent(MerchantPointsMallItem, 'the item'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.updateItem(c.req.valid('param').id, { status: c.req.valid('json').status }), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/points-mall/items/{id}/stock',
      tags,
      summary: 'Add stock, or take unredeemed stock out',
      ...write,
      request: { params: IdParam, body: jsonBody(PointsMallStockAdjustment) },
      responses: { 200: jsonContent(MerchantPointsMallItem, 'the item'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.adjustStock(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/redemptions',
      tags,
      summary: 'Redemptions, newest first, with filters',
      ...read,
      request: { query: MerchantPointsMallRedemptionQuery },
      responses: { 200: jsonContent(MerchantPointsMallRedemptionPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.merchantRedemptions(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points-mall/redemptions/{id}',
      tags,
      summary: 'One redemption',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(MerchantPointsMallRedemption, 'the redemption'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.merchantRedemption(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/points-mall/redemptions/{id}/fulfil',
      tags,
      summary: 'Ship a sku redemption: carrier and tracking number',
      ...write,
      request: { params: IdParam, body: jsonBody(FulfilPointsMallRedemptionRequest) },
      responses: { 200: jsonContent(MerchantPointsMallRedemption, 'the redemption'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.fulfil(c.get('staff').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/points-mall/redemptions/{id}/cancel',
      tags,
      summary: 'Cancel a redemption not yet fulfilled: points and stock come back, a paid cash part is refunded',
      ...write,
      request: { params: IdParam, body: jsonBody(CancelPointsMallRedemptionRequest) },
      responses: { 200: jsonContent(MerchantPointsMallRedemption, 'the redemption'), ...staffErrors },
    }),
    async (c) => c.json(await deps.mall.cancel(c.get('staff').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return router;
}
