import { createRoute } from '@hono/zod-openapi';
import { EventBatch, EventBatchResult, EventSettings, RollupRunResult } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, clientAddress, createRouter } from '../../lib/http.js';
import { jsonBody, jsonContent, memberErrors, memberRead, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { EventsService } from './events.service.js';

/**
 * The tracker's batches. No Idempotency-Key: each event carries its own id, which the database keeps unique, so a
 * batch sent again (a retry after a lost answer) stores nothing twice.
 */
export function eventRoutes(deps: { events: EventsService; member: MiddlewareHandler<AppEnv>; trustProxy: boolean }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/events',
      tags: ['events'],
      summary: 'Send a batch of behaviour events (1-50; each stored once by its id; rate-limited per member and per address)',
      ...memberRead(deps),
      request: { body: jsonBody(EventBatch) },
      responses: { 200: jsonContent(EventBatchResult, 'stored'), ...memberErrors },
    }),
    async (c) => c.json(await deps.events.ingest(c.get('memberId'), clientAddress(c, deps.trustProxy), c.req.valid('json')), 200),
  );
  return router;
}

export function merchantEventRoutes(deps: { events: EventsService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: analytics'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/events/settings',
      tags,
      summary: 'How long raw behaviour events are kept (daily rollups are kept for good)',
      ...read,
      responses: { 200: jsonContent(EventSettings, 'the settings'), ...staffErrors },
    }),
    async (c) => c.json(await deps.events.settings(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/events/settings',
      tags,
      summary: 'Set how long raw behaviour events are kept (30-730 days)',
      ...write,
      request: { body: jsonBody(EventSettings) },
      responses: { 200: jsonContent(EventSettings, 'the settings'), ...staffErrors },
    }),
    async (c) => c.json(await deps.events.setSettings(c.req.valid('json'), c.get('staff').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/events/rollup',
      tags,
      summary: 'Bring the daily rollups up to date now (the job does it every few minutes; safe to run again)',
      ...write,
      responses: { 200: jsonContent(RollupRunResult, 'the dates rebuilt and raw events purged'), ...staffErrors },
    }),
    async (c) => c.json(await deps.events.rollUp(), 200),
  );
  return router;
}
