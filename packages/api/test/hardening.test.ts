/**
 * The request path as a stranger meets it: what a client outside our own mini-program can send (odd text, odd
 * numbers, no body, too much body, junk notifications), and what every answer carries. Each case here was once a
 * 500, a silent change or a lock-out.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorHandler, type AppEnv } from '../src/lib/http.js';
import { silentLogger } from '../src/lib/logger.js';
import { createTestContext, type TestContext } from './context.js';
import { freshAddress } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

describe('error mapping', () => {
  it.each([
    [400, 'VALIDATION_FAILED'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [405, 'METHOD_NOT_ALLOWED'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [418, 'BAD_REQUEST'],
  ] as const)('answers a Hono HTTPException %i with its status and code %s in the envelope', async (status, code) => {
    const app = new Hono<AppEnv>();
    app.onError(errorHandler(silentLogger));
    app.get('/x', () => {
      throw new HTTPException(status as never, { message: 'from a middleware' });
    });
    const res = await app.request('/x');
    expect(res.status).toBe(status === 418 ? 400 : status);
    const body = await res.json();
    expect(body).toMatchObject({ error: { code, message: expect.any(String) }, requestId: expect.any(String) });
  });

  it('answers zod-openapi’s own 415 (a content type it does not take) as 415 UNSUPPORTED_MEDIA_TYPE, not 500', async () => {
    const res = await ctx.app.request('/api/v1/merchant/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json;', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
