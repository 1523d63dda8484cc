import { createRoute } from '@hono/zod-openapi';
import { IdParam, NewStaffMember, ResetStaffPassword, StaffList, StaffMember, UpdateStaffMember } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, staffErrors } from '../../lib/openapi.js';
import type { StaffService } from './staff.service.js';

/** Staff accounts and their roles: owners only. */
export function merchantStaffRoutes(deps: { staff: StaffService; owner: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: staff'];
  const owner = { security: [{ staffToken: [] }], middleware: deps.owner };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/staff',
      tags,
      summary: 'Staff accounts (owner)',
      ...owner,
      responses: { 200: jsonContent(StaffList, 'all accounts'), ...staffErrors },
    }),
    async (c) => c.json({ items: await deps.staff.list() }, 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/staff',
      tags,
      summary: 'Add a staff account (owner)',
      ...owner,
      request: { body: jsonBody(NewStaffMember) },
      responses: { 201: jsonContent(StaffMember, 'created'), ...staffErrors },
    }),
    async (c) => c.json(await deps.staff.add(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/staff/{id}',
      tags,
      summary: 'Change a staff account’s role or name, disable or enable it (owner); the last enabled owner stays an owner (409 LAST_OWNER)',
      ...owner,
      request: { params: IdParam, body: jsonBody(UpdateStaffMember) },
      responses: { 200: jsonContent(StaffMember, 'updated'), ...staffErrors },
    }),
    async (c) => c.json(await deps.staff.update(c.get('staff').id, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/staff/{id}/reset-password',
      tags,
      summary: 'Set a new password for a staff account (owner); its sessions end',
      ...owner,
      request: { params: IdParam, body: jsonBody(ResetStaffPassword) },
      responses: { 204: { description: 'password changed' }, ...staffErrors },
    }),
    async (c) => {
      await deps.staff.resetPassword(c.req.valid('param').id, c.req.valid('json').password);
      return c.body(null, 204);
    },
  );
  return router;
}
