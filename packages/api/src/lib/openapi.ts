import { z } from '@hono/zod-openapi';
import { ErrorResponse } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.js';

/** Small helpers for route declarations, so every module documents responses the same way. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
/** The body of an operation that takes none worth sending (an empty object): no body at all is `{}` too. */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({ required: false, content: { 'application/json': { schema } } });

/** What any request of a logged-in caller may meet. */
export const requestErrors = {
  400: jsonContent(ErrorResponse, 'invalid request; details name the field'),
  401: jsonContent(ErrorResponse, 'not logged in'),
};
export const memberErrors = {
  ...requestErrors,
  404: jsonContent(ErrorResponse, 'not found (or not yours)'),
  409: jsonContent(ErrorResponse, 'conflicts with the current state'),
};
export const staffErrors = { ...memberErrors, 403: jsonContent(ErrorResponse, 'not staff, or role may not do this') };
export const IdempotencyHeader = z.object({ 'idempotency-key': z.string().max(128).optional() });

type Guard = MiddlewareHandler<AppEnv>;
const memberSecurity = [{ memberToken: [] }];
const staffSecurity = [{ staffToken: [] }];

/**
 * Who may call a route, to spread into createRoute: the security scheme the OpenAPI document shows and the middleware
 * that enforces it. A member's writes also honour an Idempotency-Key; a merchant's writes are for the roles that edit.
 */
export const memberRead = (deps: { member: Guard }) => ({ security: memberSecurity, middleware: deps.member });
export const memberWrite = (deps: { member: Guard; idempotent: Guard }) => ({ security: memberSecurity, middleware: [deps.member, deps.idempotent] });
export const staffRead = (deps: { anyStaff: Guard }) => ({ security: staffSecurity, middleware: deps.anyStaff });
export const staffWrite = (deps: { editor: Guard }) => ({ security: staffSecurity, middleware: deps.editor });
/** Both, for a router that reads and writes. */
export const memberAccess = (deps: { member: Guard; idempotent: Guard }) => ({ read: memberRead(deps), write: memberWrite(deps) });
export const staffAccess = (deps: { anyStaff: Guard; editor: Guard }) => ({ read: staffRead(deps), write: staffWrite(deps) });
