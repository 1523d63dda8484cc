import { createRoute } from '@hono/zod-openapi';
import {
  AnalyticsRangeQuery,
  BuyersReport,
  CohortReport,
  Dashboard,
  EngagementReport,
  FunnelReport,
  ProductInterestReport,
  TrafficReport,
} from '@siyu/shared';
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
  const tags = ['merchant: analytics'];
  router.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/traffic',
      tags,
      summary: 'Visitors, sessions and page views per day, platform and channel (from the daily rollups)',
      ...read,
      request: { query: AnalyticsRangeQuery },
      responses: { 200: jsonContent(TrafficReport, 'the rows'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.traffic(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/funnel',
      tags,
      summary: 'Visit → product view → add to cart → order → paid, in member-days, per day and in total',
      ...read,
      request: { query: AnalyticsRangeQuery },
      responses: { 200: jsonContent(FunnelReport, 'the funnel'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.funnel(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/cohorts',
      tags,
      summary: 'Monthly cohorts by first paid order (the last 12 months) and how many of each paid again in each month after',
      ...read,
      responses: { 200: jsonContent(CohortReport, 'the cohorts'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.cohorts(), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/buyers',
      tags,
      summary: 'Per month: buyers, new and returning, orders, sales and average order; the repurchase rate',
      ...read,
      responses: { 200: jsonContent(BuyersReport, 'the months'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.buyers(), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/products',
      tags,
      summary: 'The most viewed products with their viewers, add-to-carts, units sold and buyers in the range',
      ...read,
      request: { query: AnalyticsRangeQuery },
      responses: { 200: jsonContent(ProductInterestReport, 'the products'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.products(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/engagement',
      tags,
      summary: 'Per day: coupon claims, check-in members, shares, searches, visitors; coupon and points returns',
      ...read,
      request: { query: AnalyticsRangeQuery },
      responses: { 200: jsonContent(EngagementReport, 'the figures'), ...staffErrors },
    }),
    async (c) => c.json(await deps.analytics.engagement(c.req.valid('query')), 200),
  );
  return router;
}
