import { createRoute } from '@hono/zod-openapi';
import { Address, AddressList, IdParam, NewAddress, UpdateAddress } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberAccess, memberErrors } from '../../lib/openapi.js';
import type { AddressesService } from './addresses.service.js';

export function addressRoutes(deps: { addresses: AddressesService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['addresses'];
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/addresses',
      tags,
      summary: 'My shipping addresses, default first',
      ...read,
      responses: { 200: jsonContent(AddressList, 'addresses'), ...memberErrors },
    }),
    async (c) => c.json(await deps.addresses.list(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/addresses/{id}',
      tags,
      summary: 'One of my addresses',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(Address, 'the address'), ...memberErrors },
    }),
    async (c) => c.json(await deps.addresses.get(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/addresses',
      tags,
      summary: 'Add an address (the first becomes the default; at most 20)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(NewAddress) },
      responses: { 201: jsonContent(Address, 'created'), ...memberErrors },
    }),
    async (c) => c.json(await deps.addresses.create(c.get('memberId'), c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/addresses/{id}',
      tags,
      summary: 'Change an address or make it the default',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam, body: jsonBody(UpdateAddress) },
      responses: { 200: jsonContent(Address, 'updated'), ...memberErrors },
    }),
    async (c) => c.json(await deps.addresses.update(c.get('memberId'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'delete',
      path: '/addresses/{id}',
      tags,
      summary: 'Delete an address',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam },
      responses: { 204: { description: 'deleted' }, ...memberErrors },
    }),
    async (c) => {
      await deps.addresses.remove(c.get('memberId'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return router;
}
