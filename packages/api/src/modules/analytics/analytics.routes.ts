import { createRoute } from '@hono/zod-openapi';
import { Dashboard } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonContent, staffErrors, staffRead } from '../../lib/openapi.js';
import type { AnalyticsService } from './analytics.service.js';

export function merchantAnalyticsRoutes(deps: { analytics: AnalyticsService; anyStaff: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const read = staffRead(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['merchant: analytics'],
      summary:
        'Today, the last 7 and 30 business days: paid orders, sales, average order, refunds, new members by platform, check-ins; and the 30 days one by one',
      ...read,
      responses: { 200: jsonContent(Dashboard, 'the figures'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.dashboard(), 200),
  );
  return router;
}
