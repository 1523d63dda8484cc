import { createRoute } from '@hono/zod-openapi';
import {
  ErrorResponse,
  IdParam,
  MerchantPointsLedgerPage,
  MerchantPointsLedgerQuery,
  PointsAdjustmentRequest,
  PointsAdjustmentResult,
  PointsLedgerPage,
  PointsLedgerQuery,
  PointsRules,
  PointsSummary,
  PointsTaskList,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import type { DB } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, memberErrors, memberRead, staffAccess, staffErrors } from '../../lib/openapi.js';

import type { PointsService } from './points.service.js';

export function pointsRoutes(deps: { db: DB; points: PointsService; member: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const read = memberRead(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points/ledger',
      tags: ['points'],
      summary: 'The member’s points balance and ledger, newest first',
      ...read,
      request: { query: PointsLedgerQuery },
      responses: {
        200: { description: 'a page of ledger entries', content: { 'application/json': { schema: PointsLedgerPage } } },
        401: { description: 'not logged in', content: { 'application/json': { schema: ErrorResponse } } },
      },
    }),
    async (c) => {
      const { limit, cursor, kind, reason, direction } = c.req.valid('query');
      return c.json(await deps.points.ledgerPage(deps.db, c.get('memberId'), limit, cursor, { kind, reason, direction }), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points',
      tags: ['points'],
      summary: 'My points: available, pending (orders still inside their refund window), debt, and what expires when',
      ...read,
      responses: { 200: jsonContent(PointsSummary, 'the summary'), ...memberErrors },
    }),
    async (c) => c.json(await deps.points.summary(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points/tasks',
      tags: ['points'],
      summary: 'One-off tasks that pay points, and which I have done',
      ...read,
      responses: { 200: jsonContent(PointsTaskList, 'the tasks'), ...memberErrors },
    }),
    async (c) => c.json(await deps.points.tasks(c.get('memberId')), 200),
  );
  return router;
}

export function merchantPointsRoutes(deps: {
  db: DB;
  clock: Clock;
  points: PointsService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: members'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/points-ledger',
      tags,
      summary: 'A member’s points balance and ledger, newest first, with who posted each manual adjustment',
      ...read,
      request: { params: IdParam, query: MerchantPointsLedgerQuery },
      responses: { 200: jsonContent(MerchantPointsLedgerPage, 'a page of entries'), ...staffErrors },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await deps.points.merchantLedgerPage(deps.db, c.req.valid('param').id, limit, cursor, filter), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/points',
      tags,
      summary: 'A member’s points: available, pending (orders inside their refund window), debt, and what expires when',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(PointsSummary, 'the summary'), ...staffErrors },
    }),
    async (c) => c.json(await deps.points.summary(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/members/{id}/points-adjustments',
      tags,
      summary: 'Grant (delta > 0) or deduct (delta < 0) points with a reason (owner, operator); never below zero (409 INSUFFICIENT_POINTS)',
      ...write,
      request: { params: IdParam, body: jsonBody(PointsAdjustmentRequest) },
      responses: { 201: jsonContent(PointsAdjustmentResult, 'posted'), ...staffErrors },
    }),
    async (c) => c.json(await deps.points.adjust(deps.db, c.req.valid('param').id, c.get('staff').id, c.req.valid('json'), deps.clock.now()), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points/rules',
      tags: ['merchant: points'],
      summary: 'Earning, expiry, checkout use, refunds of spent points and task rewards',
      ...read,
      responses: { 200: jsonContent(PointsRules, 'the rules'), ...staffErrors },
    }),
    async (c) => c.json(await deps.points.rules(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/points/rules',
      tags: ['merchant: points'],
      summary: 'Replace the points rules (points already earned keep their expiry)',
      ...write,
      request: { body: jsonBody(PointsRules) },
      responses: { 200: jsonContent(PointsRules, 'saved'), ...staffErrors },
    }),
    async (c) => c.json(await deps.points.updateRules(c.req.valid('json'), c.get('staff').id), 200),
  );
  return router;
}
