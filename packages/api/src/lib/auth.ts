import type { MiddlewareHandler } from 'hono';
import type { LoginPlatform, StaffRole } from '@siyu/shared';
import { AppError } from './app-error.js';
import type { AppEnv } from './http.js';

export interface ResolvedSession {
  subjectType: 'member' | 'staff';
  subjectId: number;
  role?: StaffRole;
  /** Members: the platform the session was opened from (payments go through it). */
  platform?: LoginPlatform | null;
}

/** Looks a bearer token up; null when unknown or expired. Provided by the auth module. */
export type SessionResolver = (token: string) => Promise<ResolvedSession | null>;

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

/**
 * What an authenticated route answers is for that one caller: no cache may keep it, errors included. Prepared
 * before anything can fail, so c.json() (the handler's or the error handler's) builds the response with it.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  await next();
};

export function requireMember(resolver: SessionResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const session = await resolve(resolver, c.req.header('authorization'));
    if (session.subjectType !== 'member') throw new AppError('FORBIDDEN', 'this endpoint is for members; staff tokens are not accepted');
    c.set('memberId', session.subjectId);
    c.set('memberPlatform', session.platform ?? null);
    await next();
  };
}

/** Merchant endpoints: staff only (member tokens are refused), and only the listed roles. */
export function requireStaff(resolver: SessionResolver, roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const session = await resolve(resolver, c.req.header('authorization'));
    if (session.subjectType !== 'staff' || !session.role) throw new AppError('FORBIDDEN', 'merchant endpoint: member tokens are not accepted');
    if (!roles.includes(session.role)) throw new AppError('FORBIDDEN', `role ${session.role} may not do this; needs one of ${roles.join(', ')}`);
    c.set('staff', { id: session.subjectId, role: session.role });
    await next();
  };
}

export const ALL_STAFF_ROLES: readonly StaffRole[] = ['owner', 'operator', 'viewer'];
export const STAFF_EDITORS: readonly StaffRole[] = ['owner', 'operator'];
