import { createRoute, type z } from '@hono/zod-openapi';
import { ErrorResponse, MemberLoginRequest, MemberLoginResponse, MemberProfile, StaffLoginRequest, StaffLoginResponse } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { noStore } from '../../lib/auth.js';
import { clientAddress, createRouter, type AppEnv } from '../../lib/http.js';
import type { MembersService } from '../members/index.js';
import type { AuthService } from './auth.service.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export function memberAuthRoutes(deps: { auth: AuthService; members: MembersService; member: MiddlewareHandler<AppEnv>; trustProxy: boolean }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Log a member in with a platform one-time code (wx.login, my.getAuthCode, tt.login)',
      middleware: [noStore] as const,
      request: { body: { required: true, content: { 'application/json': { schema: MemberLoginRequest } } } },
      responses: {
        200: json(MemberLoginResponse, 'our own session token and the member'),
        400: json(ErrorResponse, 'invalid request; details name the field'),
        401: json(ErrorResponse, 'PLATFORM_CODE_INVALID: the platform refused the code (garbage, reused or expired)'),
        429: json(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
        502: json(ErrorResponse, 'PLATFORM_UNAVAILABLE'),
      },
    }),
    async (c) => {
      const { platform, code } = c.req.valid('json');
      return c.json(await deps.auth.loginMember(platform, code, clientAddress(c, deps.trustProxy)), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The logged-in member',
      security: [{ memberToken: [] }],
      middleware: [deps.member] as const,
      responses: { 200: json(MemberProfile, 'the member'), 401: json(ErrorResponse, 'not logged in') },
    }),
    async (c) => c.json(await deps.members.profile(c.get('memberId')), 200),
  );
  return router;
}

export function staffAuthRoutes(deps: { auth: AuthService; trustProxy: boolean }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['merchant: auth'],
      summary: 'Log merchant staff in with username and password',
      middleware: [noStore] as const,
      request: { body: { required: true, content: { 'application/json': { schema: StaffLoginRequest } } } },
      responses: {
        200: json(StaffLoginResponse, 'a staff session token'),
        400: json(ErrorResponse, 'invalid request; details name the field'),
        401: json(ErrorResponse, 'INVALID_CREDENTIALS'),
        429: json(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      return c.json(await deps.auth.loginStaff(username, password, clientAddress(c, deps.trustProxy)), 200);
    },
  );
  return router;
}
