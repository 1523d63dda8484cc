import { createRoute } from '@hono/zod-openapi';
import { IdParam, MerchantMemberDetail, MerchantMemberPage, MerchantMemberQuery } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonContent, staffErrors } from '../../lib/openapi.js';
import type { MembersService } from './members.service.js';

export function merchantMemberRoutes(deps: { members: MembersService; anyStaff: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: members'];
  const read = { security: [{ staffToken: [] }], middleware: deps.anyStaff };
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members',
      tags,
      summary: 'Members, newest first, by nickname and platform',
      ...read,
      request: { query: MerchantMemberQuery },
      responses: { 200: jsonContent(MerchantMemberPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.members.merchantPage(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}',
      tags,
      summary: 'One member with their platform identities',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(MerchantMemberDetail, 'the member'), ...staffErrors },
    }),
    async (c) => c.json(await deps.members.merchantDetail(c.req.valid('param').id), 200),
  );
  return router;
}
