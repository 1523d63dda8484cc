import { createRoute } from '@hono/zod-openapi';
import { ErrorResponse, PointsLedgerPage, PointsLedgerQuery } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import type { DB } from '../../db/connection.js';
import { createRouter, type AppEnv } from '../../lib/http.js';
import type { PointsService } from './points.service.js';

export function pointsRoutes(deps: { db: DB; points: PointsService; member: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/points/ledger',
      tags: ['points'],
      summary: 'The member’s points balance and ledger, newest first',
      security: [{ memberToken: [] }],
      middleware: [deps.member] as const,
      request: { query: PointsLedgerQuery },
      responses: {
        200: { description: 'a page of ledger entries', content: { 'application/json': { schema: PointsLedgerPage } } },
        401: { description: 'not logged in', content: { 'application/json': { schema: ErrorResponse } } },
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await deps.points.ledgerPage(deps.db, c.get('memberId'), limit, cursor), 200);
    },
  );
  return router;
}
