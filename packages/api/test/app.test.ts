import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { loginMember } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

describe('the service shell', () => {
  it('serves an OpenAPI document generated from the shared schemas, and a reference page', async () => {
    const res = await ctx.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/check-in',
        '/api/v1/check-in/status',
        '/api/v1/points/ledger',
        '/api/v1/merchant/auth/login',
        '/api/v1/merchant/check-in/rules',
      ]),
    );
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema).toBeTruthy();
    const page = await ctx.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/openapi.json');
  });

  it('sends CORS headers on every /api response, and answers preflights', async () => {
    for (const res of [
      await ctx.app.request('/api/health'),
      await ctx.app.request('/api/v1/nope'),
      await ctx.app.request('/api/v1/products?page=0'),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After,X-Request-Id');
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
    const pre = await ctx.app.request('/api/v1/cart', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,Idempotency-Key,X-HTTP-Method-Override');
  });

  it('answers /favicon.ico at the root with the shop’s icon, without an H5 build', async () => {
    const res = await ctx.app.request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // An ICO file: reserved 0, type 1 (icon), one image.
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
  });

  it('answers /admin/favicon.ico with the same icon (the console’s path), built or not', async () => {
    const res = await ctx.app.request('/admin/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
  });

  it('answers unknown routes with a JSON 404 and a request id', async () => {
    const res = await ctx.app.request('/api/v1/nope');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const m = await loginMember(ctx);
    const res = await ctx.app.request('/api/v1/check-in', {
      method: 'POST',
      headers: m.headers(),
      body: JSON.stringify({ pad: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(await ctx.db.selectFrom('check_ins').selectAll().execute()).toHaveLength(0);
  });

  it('hides internals of unexpected errors behind a generic 500', async () => {
    const m = await loginMember(ctx);
    await ctx.close();
    const res = await ctx.app.request('/api/v1/me', { headers: m.headers() });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toEqual({ code: 'INTERNAL', message: 'internal error' });
    ctx = await createTestContext();
  });
});
