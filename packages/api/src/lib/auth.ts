import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { LoginPlatform, StaffRole } from '@siyu/shared';
import { AppError } from './app-error.js';
import type { AppEnv } from './http.js';
import { csrfTokenFor } from './tokens.js';
import { withinRequest } from './request-scope.js';
import type { MemberGuard } from './transaction.js';

export interface ResolvedSession {
  subjectType: 'member' | 'staff';
  subjectId: number;
  role?: StaffRole;
  /** Members: the platform the session was opened from (payments go through it). */
  platform?: LoginPlatform | null;
}

/** Looks a bearer token up; null when unknown or expired. Provided by the auth module. */
export type SessionResolver = (token: string) => Promise<ResolvedSession | null>;

/** The merchant console's session: an httpOnly cookie sent to /api only, and the CSRF token readable by the page. */
export const STAFF_SESSION_COOKIE = 'siyu_staff';
export const CSRF_COOKIE = 'siyu_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1] ?? null;
}

async function resolve(resolver: SessionResolver, header: string | undefined): Promise<ResolvedSession> {
  const token = bearerToken(header);
  if (!token) throw new AppError('UNAUTHENTICATED', 'missing bearer token in Authorization header');
  const session = await resolver(token);
  if (!session) throw new AppError('UNAUTHENTICATED', 'session expired or unknown; log in again');
  return session;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The staff session token of a request and how it came: the Authorization header (API clients) or the console's
 * cookie. A cookie comes with every request the browser sends to us, whoever made the page that sent it, so a
 * mutating request on the cookie must also carry the session's CSRF token in X-CSRF-Token (double submit: the page
 * reads it from the siyu_csrf cookie, which another site cannot read). Null when the request carries neither.
 */
export function staffSessionToken(c: Context): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const token = bearerToken(header);
    return token ? { token, via: 'bearer' } : null;
  }
  const cookie = getCookie(c, STAFF_SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Throws FORBIDDEN unless a mutating cookie request carries the session's CSRF token (header and cookie alike). */
export function verifyCsrf(c: Context, sessionToken: string): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const header = c.req.header(CSRF_HEADER) ?? '';
  const cookie = getCookie(c, CSRF_COOKIE) ?? '';
  const expected = csrfTokenFor(sessionToken);
  if (!header || !sameSecret(header, cookie) || !sameSecret(header, expected)) {
    throw new AppError('FORBIDDEN', `missing or wrong ${CSRF_HEADER}: a console request that changes something must echo the ${CSRF_COOKIE} cookie`, {
      reason: 'csrf',
    });
  }
}

/** Whether the request reached us over https (directly, or through a proxy we trust that says so). */
function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** Sets the console's session cookie (httpOnly, SameSite=Strict, /api only) and its readable CSRF cookie. */
export function setStaffSessionCookies(c: Context, token: string, maxAgeSeconds: number, trustProxy: boolean): string {
  const secure = isHttps(c, trustProxy);
  const csrf = csrfTokenFor(token);
  setCookie(c, STAFF_SESSION_COOKIE, token, { path: '/api', httpOnly: true, sameSite: 'Strict', secure, maxAge: maxAgeSeconds });
  // Readable by the console's pages (under /admin), so its path is the whole site.
  setCookie(c, CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'Strict', secure, maxAge: maxAgeSeconds });
  return csrf;
}

export function clearStaffSessionCookies(c: Context, trustProxy: boolean): void {
  const secure = isHttps(c, trustProxy);
  deleteCookie(c, STAFF_SESSION_COOKIE, { path: '/api', httpOnly: true, sameSite: 'Strict', secure });
  deleteCookie(c, CSRF_COOKIE, { path: '/', sameSite: 'Strict', secure });
}

/**
 * What an authenticated route answers is for that one caller: no cache may keep it, errors included. Prepared
 * before anything can fail, so c.json() (the handler's or the error handler's) builds the response with it.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  await next();
};

/**
 * Member endpoints: a member's token only. The member is read from the token before anything else, so every
 * transaction the request opens first runs `guard` (the members module's): it locks the member's row and refuses a
 * member closed or merged since the token was read (decision 027).
 */
export function requireMember(resolver: SessionResolver, guard: MemberGuard): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const session = await resolve(resolver, c.req.header('authorization'));
    if (session.subjectType !== 'member') throw new AppError('FORBIDDEN', 'this endpoint is for members; staff tokens are not accepted');
    c.set('memberId', session.subjectId);
    c.set('memberPlatform', session.platform ?? null);
    await withinRequest({ member: { id: session.subjectId, guard } }, next);
  };
}

/**
 * Merchant endpoints: staff only (member tokens are refused), and only the listed roles. The session comes as a
 * bearer token or as the console's cookie; on the cookie, a mutating request must pass the CSRF check.
 */
export function requireStaff(resolver: SessionResolver, roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const found = staffSessionToken(c);
    if (!found) throw new AppError('UNAUTHENTICATED', 'missing bearer token in Authorization header (or the console session cookie)');
    const session = await resolver(found.token);
    if (!session) throw new AppError('UNAUTHENTICATED', 'session expired or unknown; log in again');
    if (session.subjectType !== 'staff' || !session.role) throw new AppError('FORBIDDEN', 'merchant endpoint: member tokens are not accepted');
    if (found.via === 'cookie') verifyCsrf(c, found.token);
    if (!roles.includes(session.role)) throw new AppError('FORBIDDEN', `role ${session.role} may not do this; needs one of ${roles.join(', ')}`);
    c.set('staff', { id: session.subjectId, role: session.role });
    await next();
  };
}

export const ALL_STAFF_ROLES: readonly StaffRole[] = ['owner', 'operator', 'viewer'];
export const STAFF_EDITORS: readonly StaffRole[] = ['owner', 'operator'];
export const STAFF_OWNERS: readonly StaffRole[] = ['owner'];
