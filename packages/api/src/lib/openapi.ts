import { z } from '@hono/zod-openapi';
import { ErrorResponse } from '@siyu/shared';

/** Small helpers for route declarations, so every module documents responses the same way. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
/** The body of an operation that takes none worth sending (an empty object): no body at all is `{}` too. */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({ required: false, content: { 'application/json': { schema } } });

export const memberErrors = {
  400: jsonContent(ErrorResponse, 'invalid request; details name the field'),
  401: jsonContent(ErrorResponse, 'not logged in'),
  404: jsonContent(ErrorResponse, 'not found (or not yours)'),
  409: jsonContent(ErrorResponse, 'conflicts with the current state'),
};
export const staffErrors = { ...memberErrors, 403: jsonContent(ErrorResponse, 'not staff, or role may not do this') };
export const IdempotencyHeader = z.object({ 'idempotency-key': z.string().max(128).optional() });
