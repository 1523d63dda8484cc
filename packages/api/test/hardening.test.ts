/**
 * The request path as a stranger meets it: what a client outside our own mini-program can send (odd text, odd
 * numbers, no body, too much body, junk notifications), and what every answer carries. Each case here was once a
 * 500, a silent change or a lock-out.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { once } from 'node:events';
import http from 'node:http';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorHandler, type AppEnv } from '../src/lib/http.js';
import { silentLogger } from '../src/lib/logger.js';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, freshAddress, loginMember, TEST_ADDRESS } from './factories.js';
import { orderRow as orderRowOf, newShop, newShopper, paidOrder, placeOrder, stockOf } from './shop.js';

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

  it('stores no 415 under an Idempotency-Key: the same request with a proper Content-Type then goes through', async () => {
    const m = await loginMember(ctx);
    const body = JSON.stringify(TEST_ADDRESS);
    const send = (contentType: string) =>
      ctx.app.request('/api/v1/addresses', {
        method: 'POST',
        headers: m.headers({ 'content-type': contentType, 'idempotency-key': 'addr-415' }),
        body,
      });
    expect((await send('application/json;')).status).toBe(415);
    expect((await send('application/json')).status).toBe(201);
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

const count = async (table: 'addresses' | 'categories' | 'orders' | 'products' | 'sessions') =>
  Number(
    (
      await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('text the database cannot store', () => {
  // PostgreSQL refuses U+0000 in text (a 500 before); a lone UTF-16 surrogate has no UTF-8 form at all (pg would
  // silently store U+FFFD instead). Both are refused as input, on both engines, naming the field.
  const NUL = 'a\u0000b';
  const LONE = 'a\ud800b';

  it.each([
    ['/api/v1/products?keyword=%00', 'query.keyword'],
    ['/api/v1/products?keyword=a%00b', 'query.keyword'],
  ])('refuses %s in a public search naming %s', async (path, field) => {
    expect(await refusedFields(await ctx.app.request(path))).toEqual([field]);
  });

  it('refuses them in merchant product and order searches', async () => {
    const staff = await createStaffAndLogin(ctx);
    expect(await refusedFields(await ctx.app.request('/api/v1/merchant/products?keyword=%00', { headers: staff.headers() }))).toEqual([
      'query.keyword',
    ]);
    expect(await refusedFields(await ctx.app.request('/api/v1/merchant/orders?orderNo=1%002', { headers: staff.headers() }))).toEqual([
      'query.orderNo',
    ]);
  });

  it.each([NUL, LONE])('refuses a staff username %j naming username, and logs nobody in', async (username) => {
    const res = await ctx.app.request('/api/v1/merchant/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({ username, password: 'whatever' }),
    });
    expect(await refusedFields(res)).toEqual(['username']);
    expect(await count('sessions')).toBe(0);
  });

  it.each([NUL, LONE])('refuses an address name %j naming name, and writes nothing', async (name) => {
    const m = await loginMember(ctx);
    const res = await call(ctx, 'POST', '/api/v1/addresses', m.headers(), {
      name,
      phone: '13812345678',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '龙井路 1 号',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['name']);
    expect(await count('addresses')).toBe(0);
  });

  it.each([NUL, LONE])('refuses an order remark %j naming remark: no order, no stock taken', async (remark) => {
    const shop = await newShop(ctx);
    const m = await newShopper(ctx);
    const skuId = shop.sku(0);
    const res = await call(ctx, 'POST', '/api/v1/orders', m.headers(), { items: [{ skuId, quantity: 1 }], addressId: m.addressId, remark });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['remark']);
    expect(await count('orders')).toBe(0);
    expect(await stockOf(ctx, skuId)).toBe(10);
  });

  it.each([NUL, LONE])('refuses a category name %j, and text deep inside a body (a SKU spec key and value)', async (text) => {
    const staff = await createStaffAndLogin(ctx);
    const category = await call(ctx, 'POST', '/api/v1/merchant/categories', staff.headers(), { name: text });
    expect(category.status).toBe(400);
    expect(category.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['name']);
    expect(await count('categories')).toBe(0);
    const product = (specs: Record<string, string>) =>
      call(ctx, 'POST', '/api/v1/merchant/products', staff.headers(), { title: '茶', skus: [{ code: 'TEA-1', specs, priceFen: 100 }] });
    const value = await product({ 规格: text });
    expect(value.status).toBe(400);
    expect(value.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['skus.0.specs.规格']);
    const key = await product({ [text]: '大' });
    expect(key.status).toBe(400);
    expect(key.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['skus.0.specs']);
    expect(await count('products')).toBe(0);
  });

  it('still takes ordinary text: emoji (surrogate pairs), CJK, newlines', async () => {
    const m = await loginMember(ctx);
    const res = await call(ctx, 'POST', '/api/v1/addresses', m.headers(), { ...TEST_ADDRESS, name: '林晓🍵', detail: '龙井路 1 号\n2 楼' });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('林晓🍵');
  });
});

/** The app on a real port (@hono/node-server, as server.ts runs it), for what app.request() cannot show. */
async function listen(): Promise<{ server: ServerType; port: number; close: () => Promise<void> }> {
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { server, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP/1.1 request written byte for byte on a socket, the way curl sends `curl -X DELETE url` (no body, no
 * Content-Length, no Content-Type): fetch and node:http add headers of their own.
 */
async function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<RawResponse> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const lines = [
    `${method} ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  if (body) socket.write(body);
  const chunks: Buffer[] = [];
  socket.on('data', (d: Buffer) => chunks.push(d));
  await once(socket, 'end');
  const text = Buffer.concat(chunks).toString('utf8');
  const [head, ...rest] = text.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head!.split('\r\n');
  return {
    status: Number(statusLine!.split(' ')[1]),
    headers: Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()])),
    body: rest.join('\r\n\r\n'),
  };
}

describe('requests without a body', () => {
  it('cancels an order and deletes an address with no body and no Content-Type, on a real socket (POST and DELETE)', async () => {
    const shop = await newShop(ctx);
    const m = await newShopper(ctx);
    const order = await placeOrder(ctx, shop, m);
    const { port, close } = await listen();
    try {
      const auth = { Authorization: `Bearer ${m.token}` };
      const cancelled = await rawRequest(port, 'POST', `/api/v1/orders/${order.id}/cancel`, auth);
      expect(cancelled.status, cancelled.body).toBe(200);
      expect(JSON.parse(cancelled.body).status).toBe('cancelled');
      const deleted = await rawRequest(port, 'DELETE', `/api/v1/addresses/${m.addressId}`, auth);
      expect(deleted.status, deleted.body).toBe(204);
      expect(await count('addresses')).toBe(0);
      // The mini-program's form of DELETE: a POST with the override header, still without a body.
      const other = await call(ctx, 'POST', '/api/v1/addresses', m.headers(), { ...TEST_ADDRESS, detail: '龙井路 2 号' });
      const overridden = await rawRequest(port, 'POST', `/api/v1/addresses/${other.body.id}`, { ...auth, 'X-HTTP-Method-Override': 'DELETE' });
      expect(overridden.status, overridden.body).toBe(204);
    } finally {
      await close();
    }
  });

  it('takes no body where the operation’s body is an empty object (pay, payment status, approve a refund)', async () => {
    const shop = await newShop(ctx);
    const m = await newShopper(ctx);
    const order = await placeOrder(ctx, shop, m);
    const paid = await paidOrder(ctx, shop, m);
    const refund = await call(ctx, 'POST', `/api/v1/orders/${paid.id}/refunds`, m.headers(), { reason: '不要了' });
    expect(refund.status).toBe(201);
    const { port, close } = await listen();
    try {
      const member = { Authorization: `Bearer ${m.token}` };
      const pay = await rawRequest(port, 'POST', `/api/v1/orders/${order.id}/pay`, member);
      expect(pay.status, pay.body).toBe(200);
      expect(JSON.parse(pay.body).payment.platform).toBe('weapp');
      const status = await rawRequest(port, 'POST', `/api/v1/orders/${order.id}/payment-status`, member);
      expect(status.status, status.body).toBe(200);
      const approve = await rawRequest(port, 'POST', `/api/v1/merchant/refunds/${refund.body.id}/approve`, {
        Authorization: shop.owner.headers().authorization!,
      });
      expect(approve.status, approve.body).toBe(200);
      expect(JSON.parse(approve.body).status).toBe('processing');
      // An empty body that says it is JSON is no body too; `{}` still works.
      const again = await rawRequest(port, 'POST', `/api/v1/orders/${order.id}/pay`, {
        ...member,
        'Content-Type': 'application/json',
        'Content-Length': '0',
      });
      expect(again.status, again.body).toBe(200);
      const braces = await rawRequest(
        port,
        'POST',
        `/api/v1/orders/${order.id}/pay`,
        { ...member, 'Content-Type': 'application/json', 'Content-Length': '2' },
        Buffer.from('{}'),
      );
      expect(braces.status, braces.body).toBe(200);
    } finally {
      await close();
    }
  });

  it('still asks for a body where the operation needs one, naming body', async () => {
    const m = await loginMember(ctx);
    const { port, close } = await listen();
    try {
      const res = await rawRequest(port, 'POST', '/api/v1/addresses', { Authorization: `Bearer ${m.token}` });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error.details.issues).toEqual([{ field: 'body', code: 'required', message: expect.stringContaining('required') }]);
    } finally {
      await close();
    }
  });

  it('keeps Idempotency-Key working for a request without a body: the replay is the stored answer', async () => {
    const shop = await newShop(ctx);
    const m = await newShopper(ctx);
    const order = await placeOrder(ctx, shop, m);
    const { port, close } = await listen();
    try {
      const headers = { Authorization: `Bearer ${m.token}`, 'Idempotency-Key': 'cancel-1' };
      const first = await rawRequest(port, 'POST', `/api/v1/orders/${order.id}/cancel`, headers);
      const second = await rawRequest(port, 'POST', `/api/v1/orders/${order.id}/cancel`, headers);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toBe(first.body);
    } finally {
      await close();
    }
  });
});

describe('body rules come after authentication', () => {
  it('answers 401, not 400, to an unauthenticated request with a body that is not JSON or no body at all', async () => {
    for (const init of [
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' },
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' },
      { method: 'POST', body: 'no content type' },
      { method: 'POST' },
    ]) {
      const res = await ctx.app.request('/api/v1/addresses', init);
      expect(res.status, JSON.stringify(init)).toBe(401);
    }
    const staffOnly = await ctx.app.request('/api/v1/merchant/categories', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(staffOnly.status).toBe(401);
  });

  it('then refuses a body that is not JSON, or has no Content-Type, naming header.Content-Type', async () => {
    const m = await loginMember(ctx);
    const { 'content-type': _json, ...bare } = m.headers();
    for (const headers of [{ ...bare, 'content-type': 'text/plain' }, bare, { ...bare, 'content-type': 'application/x-www-form-urlencoded' }]) {
      const res = await ctx.app.request('/api/v1/addresses', { method: 'POST', headers, body: 'name=x' });
      expect(await refusedFields(res)).toEqual(['header.Content-Type']);
    }
    expect(await count('addresses')).toBe(0);
  });
});

describe('bodies that are not UTF-8', () => {
  const invalid = Buffer.concat([
    Buffer.from('{"name":"'),
    Buffer.from([0xff, 0xfe, 0xfd, 0x28]),
    Buffer.from('","phone":"13812345678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"龙井路 1 号"}'),
  ]);

  it('refuses invalid UTF-8 in a JSON body naming body, instead of storing U+FFFD', async () => {
    const m = await loginMember(ctx);
    const res = await ctx.app.request('/api/v1/addresses', { method: 'POST', headers: m.headers(), body: invalid });
    expect(await refusedFields(res)).toEqual(['body']);
    // With an Idempotency-Key too (that middleware reads the body first), and on a real socket.
    const keyed = await ctx.app.request('/api/v1/addresses', { method: 'POST', headers: m.headers({ 'idempotency-key': 'utf8-1' }), body: invalid });
    expect(await refusedFields(keyed)).toEqual(['body']);
    const { port, close } = await listen();
    try {
      const raw = await rawRequest(
        port,
        'POST',
        '/api/v1/addresses',
        { Authorization: `Bearer ${m.token}`, 'Content-Type': 'application/json', 'Content-Length': String(invalid.length) },
        invalid,
      );
      expect(raw.status).toBe(400);
      expect(JSON.parse(raw.body).error.details.issues).toEqual([
        { field: 'body', code: 'not_utf8', message: expect.stringContaining('not valid UTF-8') },
      ]);
    } finally {
      await close();
    }
    expect(await count('addresses')).toBe(0);
    // The same address in proper UTF-8 is taken, and the key refused above can be used for it.
    const ok = await ctx.app.request('/api/v1/addresses', {
      method: 'POST',
      headers: m.headers({ 'idempotency-key': 'utf8-1' }),
      body: invalid.toString('utf8').replace('\ufffd\ufffd\ufffd(', '林晓'),
    });
    expect(ok.status).toBe(201);
  });
});

/** A request through node:http (keep-alive agent), reading the whole answer; a socket error is returned, not thrown. */
function httpRequest(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  options: { body?: Buffer; chunked?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; socketReused: boolean } | { error: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body && !options.chunked) headers['content-length'] = String(options.body.length);
    const req = http.request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), socketReused: req.reusedSocket }),
      );
      res.on('error', (e) => resolve({ error: String(e) }));
    });
    req.on('error', (e) => resolve({ error: String(e) }));
    if (options.body && options.chunked) {
      // Sent in pieces: Transfer-Encoding: chunked, no Content-Length.
      for (let i = 0; i < options.body.length; i += 64 * 1024) req.write(options.body.subarray(i, i + 64 * 1024));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

describe('bodies over the limit, on a real socket', () => {
  const MB = Buffer.alloc(1024 * 1024, 'x');

  it.each([
    ['/api/v1/check-in', { 'content-type': 'application/json' }],
    ['/payments/notify/weapp', { 'content-type': 'application/json' }],
    ['/payments/notify/alipay', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('answers 1 MB posted to %s with a complete 413 JSON answer, and the connection stays usable', async (path, headers) => {
    const { port, close } = await listen();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const chunked of [false, true, false]) {
        const res = await httpRequest(agent, port, 'POST', path, { body: MB, chunked, headers });
        expect(res, `chunked: ${chunked}`).not.toHaveProperty('error');
        if ('error' in res) return;
        expect(res.status).toBe(413);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
        // The next request on the same keep-alive connection (or a fresh one, if the server closed it) is answered.
        const next = await httpRequest(agent, port, 'GET', '/api/health');
        expect(next, `after chunked: ${chunked}`).toMatchObject({ status: 200 });
        if (res.headers.connection === 'close') expect((next as { socketReused: boolean }).socketReused).toBe(false);
      }
    } finally {
      agent.destroy();
      await close();
    }
  });

  it('takes a chunked body under the limit as the body (read, then checked and validated as usual)', async () => {
    const m = await loginMember(ctx);
    const { port, close } = await listen();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const address = { name: '林晓', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路 1 号' };
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${m.token}` };
      const res = await httpRequest(agent, port, 'POST', '/api/v1/addresses', { body: Buffer.from(JSON.stringify(address)), chunked: true, headers });
      expect(res).toMatchObject({ status: 201 });
      expect(JSON.parse((res as { body: string }).body).name).toBe('林晓');
    } finally {
      agent.destroy();
      await close();
    }
  });

  it('answers a chunked body that goes on past what is worth draining (16 MiB) with a complete 413 and Connection: close', async () => {
    const { port, close } = await listen();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const res = await httpRequest(agent, port, 'POST', '/api/v1/check-in', {
        body: Buffer.alloc(16 * 1024 * 1024, 'x'),
        chunked: true,
        headers: { 'content-type': 'application/json' },
      });
      expect(res).toMatchObject({ status: 413, headers: { connection: 'close' } });
      expect(JSON.parse((res as { body: string }).body).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await httpRequest(agent, port, 'GET', '/api/health')).toMatchObject({ status: 200, socketReused: false });
    } finally {
      agent.destroy();
      await close();
    }
  });
});

describe('response headers', () => {
  it('sends X-Content-Type-Options: nosniff (and the other secure headers) on API and notification answers', async () => {
    const m = await loginMember(ctx);
    for (const res of [
      await ctx.app.request('/api/health'),
      await ctx.app.request('/api/v1/products'),
      await ctx.app.request('/api/v1/products/0x1'),
      await ctx.app.request('/api/v1/nope'),
      await ctx.app.request('/api/v1/me', { headers: m.headers() }),
      await ctx.app.request('/payments/notify/weapp', { method: 'POST', body: '{}' }),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      // Left to whoever terminates TLS: it would cover every subdomain of the host.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('marks every answer of an authenticated route Cache-Control: no-store, errors included; public reads stay cacheable', async () => {
    const m = await loginMember(ctx);
    const staff = await createStaffAndLogin(ctx);
    const shop = await newShop(ctx);
    const shopper = await newShopper(ctx);
    const order = await placeOrder(ctx, shop, shopper);
    const cancel = () =>
      ctx.app.request(`/api/v1/orders/${order.id}/cancel`, { method: 'POST', headers: shopper.headers({ 'idempotency-key': 'c-1' }) });
    for (const [what, res] of [
      ['member read', await ctx.app.request('/api/v1/me', { headers: m.headers() })],
      ['member 401', await ctx.app.request('/api/v1/me')],
      ['member 404', await ctx.app.request('/api/v1/orders/999999', { headers: m.headers() })],
      ['member 400', await ctx.app.request('/api/v1/orders/0x1', { headers: m.headers() })],
      ['staff read', await ctx.app.request('/api/v1/merchant/orders', { headers: staff.headers() })],
      ['staff 403 (member token)', await ctx.app.request('/api/v1/merchant/orders', { headers: m.headers() })],
      ['staff 401', await ctx.app.request('/api/v1/merchant/orders')],
      ['first of an idempotent pair', await cancel()],
      ['its replay', await cancel()],
      [
        'member login',
        await ctx.app.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
          body: JSON.stringify({ platform: 'weapp', code: ctx.simulator.issueCode('weapp', 'someone').code }),
        }),
      ],
      [
        'staff login refused',
        await ctx.app.request('/api/v1/merchant/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
          body: JSON.stringify({ username: 'nobody', password: 'wrong' }),
        }),
      ],
    ] as const) {
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
    expect((await ctx.app.request('/api/v1/products')).headers.get('cache-control')).toBeNull();
    expect((await ctx.app.request('/api/health')).headers.get('cache-control')).toBeNull();
  });

  it('leaves the API reference page and the H5 site working: no policy that would block their scripts', async () => {
    const docs = await ctx.app.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/openapi.json');
    // No CSP and no COEP on the reference page (its viewer is served by this API: see storefront.test.ts).
    expect(docs.headers.get('content-security-policy')).toBeNull();
    expect(docs.headers.get('cross-origin-embedder-policy')).toBeNull();

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-h5-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script src="/js/app.js"></script>');
    fs.mkdirSync(path.join(dir, 'js'));
    fs.writeFileSync(path.join(dir, 'js/app.js'), 'console.log(1)');
    const site = await createTestContext({ staticDir: dir });
    try {
      for (const p of ['/', '/js/app.js', '/pages/order/detail']) {
        const res = await site.app.request(p);
        expect(res.status, p).toBe(200);
        expect(res.headers.get('content-security-policy'), p).toBeNull();
        expect(res.headers.get('cross-origin-resource-policy'), p).toBeNull();
      }
    } finally {
      await site.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('junk posted to the payment notification URLs', () => {
  const JUNK: [string, Record<string, string>, string][] = [
    ['not JSON', { 'content-type': 'application/json' }, 'not json at all'],
    ['an empty object', { 'content-type': 'application/json' }, '{}'],
    ['a truncated object', { 'content-type': 'application/json' }, '{'],
    ['a form with random fields', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=2&sign=&notify_id='],
    ['nothing', {}, ''],
    [
      'headers that look right around a junk body',
      {
        'content-type': 'application/json',
        'wechatpay-timestamp': '1',
        'wechatpay-nonce': 'n',
        'wechatpay-signature': 'x',
        'wechatpay-serial': 'y',
        'byte-timestamp': '1',
        'byte-nonce-str': 'n',
        'byte-signature': 'x',
      },
      '[1,2]',
    ],
  ];

  it.each(['weapp', 'alipay', 'tt'] as const)(
    '%s: answers 400 with the platform’s failure acknowledgement, logs a warning, changes nothing',
    async (platform) => {
      const lines: { level: number; msg: string }[] = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
      const logged = await createTestContext({}, undefined, {}, logger);
      try {
        const shop = await newShop(logged);
        const m = await newShopper(logged, platform);
        const order = await placeOrder(logged, shop, m);
        for (const [what, headers, body] of JUNK) {
          lines.length = 0;
          const res = await logged.app.request(`/payments/notify/${platform}`, { method: 'POST', headers, body });
          expect(res.status, what).toBe(400);
          const text = await res.text();
          if (platform === 'weapp') expect(JSON.parse(text), what).toEqual({ code: 'FAIL', message: expect.any(String) });
          if (platform === 'alipay') expect(text, what).toBe('fail');
          if (platform === 'tt') expect(JSON.parse(text), what).toEqual({ err_no: expect.any(Number), err_tips: expect.any(String) });
          if (platform === 'tt') expect(JSON.parse(text).err_no, what).not.toBe(0);
          expect(
            lines.filter((l) => l.level >= 50),
            what,
          ).toEqual([]);
          expect(
            lines.some((l) => l.level === 40 && /notification/.test(l.msg)),
            what,
          ).toBe(true);
        }
        expect((await logged.db.selectFrom('payment_notifications').selectAll().execute()).length).toBe(0);
        expect((await orderRowOf(logged, order.id)).status).toBe('awaiting_payment');
      } finally {
        await logged.close();
      }
    },
  );
});

describe('staff login throttling', () => {
  const staffLogin = (username: string, password: string, address: string) =>
    ctx.app.request('/api/v1/merchant/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });
  /** How long the injected clock was made to wait by the call (the throttle sleeps through it). */
  async function timed<T>(fn: () => T | Promise<T>): Promise<{ result: T; waitedMs: number }> {
    const before = ctx.clock.now().getTime();
    const result = await fn();
    return { result, waitedMs: ctx.clock.now().getTime() - before };
  }

  beforeEach(async () => {
    await ctx.app.services.staff.create({ username: 'owner1', displayName: '店主', role: 'owner', password: 'the-right-one' });
  });

  it('lets the owner in from a clean address after wrong passwords from many other addresses, only a little later', async () => {
    const attackers = Array.from({ length: 8 }, () => freshAddress());
    const waits: number[] = [];
    for (const address of attackers) {
      for (let i = 0; i < 3; i += 1) {
        const { result, waitedMs } = await timed(() => staffLogin('Owner1', `guess-${i}`, address));
        expect(result.status).toBe(401);
        waits.push(waitedMs);
      }
    }
    // Progressively slower, capped at a couple of seconds.
    expect(waits[0]).toBe(0);
    expect(waits.at(-1)).toBeGreaterThan(waits[3]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(2000);
    const { result, waitedMs } = await timed(() => staffLogin('owner1', 'the-right-one', freshAddress()));
    expect(result.status).toBe(200);
    expect(waitedMs).toBeLessThanOrEqual(2000);
  });

  it('checks parallel guesses at one username from many addresses one at a time, refuses those past the line with 429, and lets the owner in at once from their usual address', async () => {
    const usual = freshAddress();
    expect((await staffLogin('owner1', 'the-right-one', usual)).status).toBe(200);
    // Three failures from elsewhere: from now on every check at owner1 waits first.
    for (let i = 0; i < 3; i += 1) expect((await staffLogin('owner1', `typo-${i}`, freshAddress())).status).toBe(401);

    // The throttle's waits are held until the owner has been answered (at most 3 s), and counted while they last.
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let waiting = 0;
    let mostWaitingAtOnce = 0;
    ctx.clock.sleep = async (ms: number) => {
      waiting += 1;
      mostWaitingAtOnce = Math.max(mostWaitingAtOnce, waiting);
      await Promise.race([gate, new Promise((resolve) => setTimeout(resolve, 3000))]);
      waiting -= 1;
      ctx.clock.advance(ms);
    };
    const staff = ctx.app.services.staff;
    const authenticate = staff.authenticate.bind(staff);
    let checking = 0;
    let mostCheckedAtOnce = 0;
    staff.authenticate = async (...args: Parameters<typeof authenticate>) => {
      checking += 1;
      mostCheckedAtOnce = Math.max(mostCheckedAtOnce, checking);
      try {
        return await authenticate(...args);
      } finally {
        checking -= 1;
      }
    };

    const guesses = Array.from({ length: 12 }, (_, i) => staffLogin('owner1', `guess-${i}`, freshAddress()));
    const started = performance.now();
    const owner = await staffLogin('owner1', 'the-right-one', usual);
    const ownerMs = performance.now() - started;
    openGate();
    const answers = await Promise.all(guesses);
    expect(owner.status).toBe(200);
    expect(ownerMs).toBeLessThan(1500);

    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(7);
    for (const refused of answers.filter((r) => r.status === 429)) {
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    }
    // One guess at a time: never two waits, nor two password checks of the guessers, at once.
    expect(mostWaitingAtOnce).toBe(1);
    expect(mostCheckedAtOnce).toBeLessThanOrEqual(2);
  });

  it('answers 429 with Retry-After to brute force from one address, even for the right password; other addresses are not refused', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await staffLogin('owner1', `guess-${i}`, address)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await staffLogin('owner1', 'the-right-one', address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    expect((await staffLogin('owner1', 'the-right-one', freshAddress())).status).toBe(200);
  });

  it('limits failures per address across usernames too', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await staffLogin(`nobody-${i}`, 'x', address)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('counts failures only: a success clears that address’s failures for the username, and successes are never limited', async () => {
    const address = freshAddress();
    for (let i = 0; i < 4; i += 1) expect((await staffLogin('owner1', 'wrong', address)).status).toBe(401);
    expect((await staffLogin('owner1', 'the-right-one', address)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await staffLogin('owner1', 'wrong', address)).status).toBe(401);
    const office = freshAddress();
    for (let i = 0; i < 25; i += 1) expect((await staffLogin('owner1', 'the-right-one', office)).status).toBe(200);
  });
});
