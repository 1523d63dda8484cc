import { createRoute, type z } from '@hono/zod-openapi';
import {
  ConsoleLoginResponse,
  ErrorResponse,
  MemberLoginRequest,
  MemberLoginResponse,
  MemberProfile,
  MerchantMe,
  StaffLoginRequest,
  StaffLoginResponse,
  businessDateOf,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../lib/app-error.js';
import { clearStaffSessionCookies, noStore, setStaffSessionCookies, staffSessionToken, verifyCsrf } from '../../lib/auth.js';
import type { Clock } from '../../lib/clock.js';
import { clientAddress, createRouter, type AppEnv } from '../../lib/http.js';
import type { MembersService } from '../members/index.js';
import type { StaffService } from '../staff/index.js';
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
        403: json(ErrorResponse, 'LOGIN_REFUSED: the platform refused this user (WeChat risk control); a new code will not help'),
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

export function staffAuthRoutes(deps: {
  auth: AuthService;
  staff: StaffService;
  anyStaff: MiddlewareHandler<AppEnv>;
  clock: Clock;
  timeZone: string;
  sessionTtlSeconds: number;
  trustProxy: boolean;
}) {
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
  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/console-login',
      tags: ['merchant: auth'],
      summary: 'Log staff into the merchant console: the session is set as an httpOnly SameSite=Strict cookie, never in the body',
      description:
        'Sets `siyu_staff` (httpOnly, path /api) and `siyu_csrf` (readable). Requests on the cookie that change anything must send the CSRF token in `X-CSRF-Token`.',
      request: { body: { required: true, content: { 'application/json': { schema: StaffLoginRequest } } } },
      responses: {
        200: json(ConsoleLoginResponse, 'logged in; cookies set'),
        400: json(ErrorResponse, 'invalid request; details name the field'),
        401: json(ErrorResponse, 'INVALID_CREDENTIALS'),
        429: json(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const { token, expiresAt, staff } = await deps.auth.loginStaff(username, password, clientAddress(c, deps.trustProxy));
      const csrfToken = setStaffSessionCookies(c, token, deps.sessionTtlSeconds, deps.trustProxy);
      c.header('Cache-Control', 'no-store');
      return c.json({ expiresAt, staff, csrfToken }, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['merchant: auth'],
      summary: 'End the staff session (bearer token or console cookie) and clear the console cookies',
      security: [{ staffToken: [] }],
      middleware: [noStore] as const,
      responses: {
        204: { description: 'logged out (also when the session had already ended)' },
        401: json(ErrorResponse, 'no bearer token and no console cookie'),
        403: json(ErrorResponse, 'a member token (merchant endpoint), or a cookie session without the CSRF token'),
      },
    }),
    async (c) => {
      const found = staffSessionToken(c);
      if (!found) throw new AppError('UNAUTHENTICATED', 'missing bearer token in Authorization header (or the console session cookie)');
      // Like every merchant endpoint, a member's token is refused: it must not end the member's session here.
      if ((await deps.auth.sessionKind(found.token)) === 'member')
        throw new AppError('FORBIDDEN', 'merchant endpoint: member tokens are not accepted');
      if (found.via === 'cookie') verifyCsrf(c, found.token);
      await deps.auth.logoutStaff(found.token);
      clearStaffSessionCookies(c, deps.trustProxy);
      return c.body(null, 204);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['merchant: auth'],
      summary: 'The logged-in staff member, their role, and the merchant’s time zone and business date',
      security: [{ staffToken: [] }],
      middleware: [deps.anyStaff] as const,
      responses: { 200: json(MerchantMe, 'who is logged in'), 401: json(ErrorResponse, 'not logged in'), 403: json(ErrorResponse, 'not staff') },
    }),
    async (c) =>
      c.json(
        {
          staff: await deps.staff.profile(c.get('staff').id),
          timeZone: deps.timeZone,
          businessDate: businessDateOf(deps.clock.now(), deps.timeZone),
        },
        200,
      ),
  );
  return router;
}
