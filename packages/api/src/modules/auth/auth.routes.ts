import { createRoute } from '@hono/zod-openapi';
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
import { jsonBody, jsonContent, memberRead, staffRead } from '../../lib/openapi.js';
import type { MembersService } from '../members/index.js';
import type { StaffService } from '../staff/index.js';
import type { AuthService } from './auth.service.js';

export function memberAuthRoutes(deps: { auth: AuthService; members: MembersService; member: MiddlewareHandler<AppEnv>; trustProxy: boolean }) {
  const router = createRouter();
  const read = memberRead(deps);
  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Log a member in with a platform one-time code (wx.login, my.getAuthCode, tt.login)',
      middleware: [noStore] as const,
      request: { body: jsonBody(MemberLoginRequest) },
      responses: {
        200: jsonContent(MemberLoginResponse, 'our own session token and the member'),
        400: jsonContent(ErrorResponse, 'invalid request; details name the field'),
        401: jsonContent(ErrorResponse, 'PLATFORM_CODE_INVALID: the platform refused the code (garbage, reused or expired)'),
        403: jsonContent(ErrorResponse, 'LOGIN_REFUSED: the platform refused this user (WeChat risk control); a new code will not help'),
        429: jsonContent(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
        502: jsonContent(ErrorResponse, 'PLATFORM_UNAVAILABLE'),
      },
    }),
    async (c) => {
      const { platform, code, shareId } = c.req.valid('json');
      return c.json(await deps.auth.loginMember(platform, code, clientAddress(c, deps.trustProxy), shareId), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The logged-in member',
      ...read,
      responses: { 200: jsonContent(MemberProfile, 'the member'), 401: jsonContent(ErrorResponse, 'not logged in') },
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
  const read = staffRead(deps);
  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['merchant: auth'],
      summary: 'Log merchant staff in with username and password',
      middleware: [noStore] as const,
      request: { body: jsonBody(StaffLoginRequest) },
      responses: {
        200: jsonContent(StaffLoginResponse, 'a staff session token'),
        400: jsonContent(ErrorResponse, 'invalid request; details name the field'),
        401: jsonContent(ErrorResponse, 'INVALID_CREDENTIALS'),
        429: jsonContent(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
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
      request: { body: jsonBody(StaffLoginRequest) },
      responses: {
        200: jsonContent(ConsoleLoginResponse, 'logged in; cookies set'),
        400: jsonContent(ErrorResponse, 'invalid request; details name the field'),
        401: jsonContent(ErrorResponse, 'INVALID_CREDENTIALS'),
        429: jsonContent(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
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
        401: jsonContent(ErrorResponse, 'no bearer token and no console cookie'),
        403: jsonContent(ErrorResponse, 'a member token (merchant endpoint), or a cookie session without the CSRF token'),
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
      ...read,
      responses: {
        200: jsonContent(MerchantMe, 'who is logged in'),
        401: jsonContent(ErrorResponse, 'not logged in'),
        403: jsonContent(ErrorResponse, 'not staff'),
      },
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
