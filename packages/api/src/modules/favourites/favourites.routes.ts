import { createRoute } from '@hono/zod-openapi';
import { FavouritePage, FavouriteProductParam, FavouriteQuery, FavouriteState } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonContent, memberAccess, memberErrors } from '../../lib/openapi.js';
import type { FavouritesService } from './favourites.service.js';

export function favouriteRoutes(deps: { favourites: FavouritesService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['favourites'];
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/favourites',
      tags,
      summary: 'My favourite products, newest first (an off-shelf one has onSale false)',
      ...read,
      request: { query: FavouriteQuery },
      responses: { 200: jsonContent(FavouritePage, 'a page'), ...memberErrors },
    }),
    async (c) => c.json(await deps.favourites.page(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/favourites/{productId}',
      tags,
      summary: 'Whether a product is one of my favourites',
      ...read,
      request: { params: FavouriteProductParam },
      responses: { 200: jsonContent(FavouriteState, 'the state'), ...memberErrors },
    }),
    async (c) => c.json(await deps.favourites.state(c.get('memberId'), c.req.valid('param').productId), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/me/favourites/{productId}',
      tags,
      summary: 'Add an on-shelf product to my favourites (idempotent; at most 500)',
      ...write,
      request: { headers: IdempotencyHeader, params: FavouriteProductParam },
      responses: { 200: jsonContent(FavouriteState, 'a favourite'), ...memberErrors },
    }),
    async (c) => c.json(await deps.favourites.add(c.get('memberId'), c.req.valid('param').productId), 200),
  );
  router.openapi(
    createRoute({
      method: 'delete',
      path: '/me/favourites/{productId}',
      tags,
      summary: 'Remove a product from my favourites (idempotent)',
      ...write,
      request: { headers: IdempotencyHeader, params: FavouriteProductParam },
      responses: { 204: { description: 'not a favourite now' }, ...memberErrors },
    }),
    async (c) => {
      await deps.favourites.remove(c.get('memberId'), c.req.valid('param').productId);
      return c.body(null, 204);
    },
  );
  return router;
}
