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
import { call, createStaffAndLogin, freshAddress, loginMember } from './factories.js';

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

/** The fields a 400 VALIDATION_FAILED names. */
async function refusedFields(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.details.issues.map((i: { field: string }) => i.field);
}

describe('integers in paths and queries', () => {
  const NOT_DECIMAL = ['0x10', '1e1', '%201', '1%20', '01', '+1', '-1', '1.0', '0b1', '１'];

  it.each([...NOT_DECIMAL, '0', '9007199254740992'])('refuses the product id %s with 400 naming path.id', async (id) => {
    expect(await refusedFields(await ctx.app.request(`/api/v1/products/${id}`))).toEqual(['path.id']);
  });

  it('refuses such ids on member and merchant paths alike, before anything is written', async () => {
    const m = await loginMember(ctx);
    const staff = await createStaffAndLogin(ctx);
    expect(await refusedFields(await ctx.app.request('/api/v1/orders/0x1', { headers: m.headers() }))).toEqual(['path.id']);
    expect(await refusedFields(await ctx.app.request('/api/v1/addresses/1e0', { method: 'DELETE', headers: m.headers() }))).toEqual(['path.id']);
    const renamed = await call(ctx, 'PATCH', '/api/v1/merchant/categories/%201', staff.headers(), { name: '改名' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['path.id']);
  });

  it.each([
    ['/api/v1/products?page=0x2', 'query.page'],
    ['/api/v1/products?page=%202', 'query.page'],
    ['/api/v1/products?page=02', 'query.page'],
    ['/api/v1/products?pageSize=1e1', 'query.pageSize'],
    ['/api/v1/products?pageSize=101', 'query.pageSize'],
    ['/api/v1/products?categoryId=0x1', 'query.categoryId'],
    ['/api/v1/products?page=1&page=2', 'query.page'],
  ])('refuses %s naming %s', async (path, field) => {
    expect(await refusedFields(await ctx.app.request(path))).toEqual([field]);
  });

  it('refuses non-decimal memberId, cursor and limit; decimal ones still work', async () => {
    const m = await loginMember(ctx);
    const staff = await createStaffAndLogin(ctx);
    expect(await refusedFields(await ctx.app.request('/api/v1/merchant/orders?memberId=1e0', { headers: staff.headers() }))).toEqual([
      'query.memberId',
    ]);
    expect(await refusedFields(await ctx.app.request('/api/v1/points/ledger?cursor=0x1', { headers: m.headers() }))).toEqual(['query.cursor']);
    expect(await refusedFields(await ctx.app.request('/api/v1/points/ledger?limit=-5', { headers: m.headers() }))).toEqual(['query.limit']);
    expect((await ctx.app.request(`/api/v1/merchant/orders?memberId=${m.id}&page=1&pageSize=5`, { headers: staff.headers() })).status).toBe(200);
    expect((await ctx.app.request('/api/v1/points/ledger?cursor=10&limit=100', { headers: m.headers() })).status).toBe(200);
    const page = await call(ctx, 'GET', '/api/v1/products?page=%32&pageSize=7', {});
    expect(page.body).toMatchObject({ page: 2, pageSize: 7 });
  });
});
