import { createRoute } from '@hono/zod-openapi';
import {
  ApproveRefundRequest,
  CreateRefundRequest,
  ErrorResponse,
  IdParam,
  MerchantRefundPage,
  MerchantRefundQuery,
  Refund,
  RefundList,
  RefundPreview,
  RefundPreviewRequest,
  RejectRefundRequest,
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
import type { RefundsService } from './refunds.service.js';

export function refundRoutes(deps: { refunds: RefundsService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['refunds'];
  const { read, write } = memberAccess(deps);
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/refunds',
      tags,
      summary: 'Ask for a refund of the whole order (omit lines) or of chosen lines; amounts are computed by the server',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam, body: jsonBody(CreateRefundRequest) },
      responses: { 201: jsonContent(Refund, 'the refund, awaiting the merchant'), ...memberErrors },
    }),
    async (c) => c.json(await deps.refunds.request(c.get('memberId'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/refunds/preview',
      tags,
      summary: 'What a refund of these lines (omit: everything left) would come to; nothing is written',
      ...read,
      request: { params: IdParam, body: jsonBody(RefundPreviewRequest) },
      responses: { 200: jsonContent(RefundPreview, 'the amounts the request would be given'), ...memberErrors },
    }),
    async (c) => c.json(await deps.refunds.preview(c.get('memberId'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{id}/refunds',
      tags,
      summary: 'Refunds of one of my orders, newest first',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(RefundList, 'the refunds'), ...memberErrors },
    }),
    async (c) => c.json(await deps.refunds.memberRefunds(c.get('memberId'), c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantRefundRoutes(deps: { refunds: RefundsService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: refunds'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/refunds',
      tags,
      summary: 'Refunds by status, newest first',
      ...read,
      request: { query: MerchantRefundQuery },
      responses: { 200: jsonContent(MerchantRefundPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.refunds.merchantRefunds(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/refunds/{id}/approve',
      tags,
      summary: 'Approve a requested refund: the platform refund is requested (again, for one left processing by a platform failure)',
      ...write,
      request: { params: IdParam, body: optionalJsonBody(ApproveRefundRequest) },
      responses: {
        200: jsonContent(Refund, 'processing (succeeded where the platform refunds at once)'),
        ...staffErrors,
        502: jsonContent(ErrorResponse, 'PLATFORM_UNAVAILABLE: the platform did not take the refund; it stays processing, approve again to retry'),
      },
    }),
    async (c) => c.json(await deps.refunds.approve(c.get('staff').id, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/refunds/{id}/reject',
      tags,
      summary: 'Reject a requested refund, with the reason the member will see',
      ...write,
      request: { params: IdParam, body: jsonBody(RejectRefundRequest) },
      responses: { 200: jsonContent(Refund, 'rejected'), ...staffErrors },
    }),
    async (c) => c.json(await deps.refunds.reject(c.get('staff').id, c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  return router;
}
