import { createRoute } from '@hono/zod-openapi';
import { AddCartLine, Cart, IdParam, SelectAllCartLines, UpdateCartLine } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberErrors, memberRead, memberWrite } from '../../lib/openapi.js';
import type { CartService } from './cart.service.js';

export function cartRoutes(deps: { cart: CartService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['cart'];
  const write = memberWrite(deps);
  const responses = { 200: jsonContent(Cart, 'the whole cart, stale lines flagged'), ...memberErrors };

  router.openapi(createRoute({ method: 'get', path: '/cart', tags, summary: 'My cart', ...memberRead(deps), responses }), async (c) =>
    c.json(await deps.cart.get(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/cart/lines',
      tags,
      summary: 'Add a SKU (merges with an existing line)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(AddCartLine) },
      responses,
    }),
    async (c) => c.json(await deps.cart.add(c.get('memberId'), c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/cart/lines/{id}',
      tags,
      summary: 'Change quantity or selection',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam, body: jsonBody(UpdateCartLine) },
      responses,
    }),
    async (c) => c.json(await deps.cart.update(c.get('memberId'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'delete',
      path: '/cart/lines/{id}',
      tags,
      summary: 'Remove a line',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam },
      responses,
    }),
    async (c) => c.json(await deps.cart.remove(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/cart/selection',
      tags,
      summary: 'Select or deselect every line',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(SelectAllCartLines) },
      responses,
    }),
    async (c) => c.json(await deps.cart.selectAll(c.get('memberId'), c.req.valid('json').selected), 200),
  );
  return router;
}
