import { createRoute } from '@hono/zod-openapi';
import { Storefront, StorefrontSettings } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { StorefrontService } from './storefront.service.js';

export function storefrontRoutes(deps: { storefront: StorefrontService }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/storefront',
      tags: ['storefront'],
      summary: 'Home banners, notice bar, search hot words and the free-shipping threshold (no login needed)',
      responses: { 200: jsonContent(Storefront, 'what the storefront shows') },
    }),
    async (c) => c.json(await deps.storefront.forShoppers(), 200),
  );
  return router;
}

export function merchantStorefrontRoutes(deps: {
  storefront: StorefrontService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: storefront'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/storefront-settings',
      tags,
      summary: 'Banners, notice bar, hot words and the sales-count threshold',
      ...read,
      responses: { 200: jsonContent(StorefrontSettings, 'current settings'), ...staffErrors },
    }),
    async (c) => c.json(await deps.storefront.settings(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/storefront-settings',
      tags,
      summary: 'Replace the storefront settings (owner, operator)',
      ...write,
      request: { body: jsonBody(StorefrontSettings) },
      responses: { 200: jsonContent(StorefrontSettings, 'saved; shoppers see it on their next load'), ...staffErrors },
    }),
    async (c) => c.json(await deps.storefront.updateSettings(c.req.valid('json'), c.get('staff').id), 200),
  );
  return router;
}
