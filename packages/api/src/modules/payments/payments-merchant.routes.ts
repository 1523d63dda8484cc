import { createRoute } from '@hono/zod-openapi';
import { IdParam, OrderPayments } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonContent, staffErrors, staffRead } from '../../lib/openapi.js';
import type { PaymentsStatsService } from './payments-stats.service.js';

export function merchantOrderPaymentRoutes(deps: { stats: PaymentsStatsService; anyStaff: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const read = staffRead(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{id}/payments',
      tags: ['merchant: orders'],
      summary: 'The platform trades opened for an order (one per payment attempt platform), oldest first',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(OrderPayments, 'the order’s payments'), ...staffErrors },
    }),
    async (c) => c.json(await deps.stats.orderPayments(c.req.valid('param').id), 200),
  );
  return router;
}
