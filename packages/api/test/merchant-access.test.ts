/**
 * Invariant 13 over the whole merchant API: every merchant operation of the OpenAPI document refuses a member's token
 * with 403 and a request without credentials with 401, and neither changes anything. Walking the document (not a list
 * kept by hand) means a new merchant endpoint is covered the day it is routed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engine, createTestContext, type TestContext } from './context.js';
import { call } from './factories.js';
import { newShop, newShopper, paidOrder } from './shop.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
}

/** Every merchant operation that needs a staff session, from the served OpenAPI document. */
async function merchantOperations(): Promise<Operation[]> {
  const doc = (await call(ctx, 'GET', '/api/openapi.json', {})).body as {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], { security?: Record<string, unknown>[] }>>>;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/merchant/')) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // The logins are the only merchant operations open to anyone (they declare no security).
      if (!op.security?.some((s) => 'staffToken' in s)) {
        expect(path, `${method} ${path} declares no staff security`).toMatch(/\/auth\/(console-)?login$/);
        continue;
      }
      ops.push({ method, path });
    }
  }
  return ops;
}

/** Every row of every table of the test database, to prove that nothing changed. */
async function snapshot(): Promise<string> {
  const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db)).rows[0]!.s : undefined;
  const tables = (await ctx.db.introspection.getTables())
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .sort();
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await (ctx.db as any).selectFrom(table).selectAll().execute();
    out[table] = rows.map((r: unknown) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(out);
}

describe('member tokens on merchant endpoints (invariant 13)', () => {
  it('every merchant operation answers 403 to a member token and 401 to no credentials, and changes nothing', async () => {
    // Data behind the ids the walk uses (1 is the first row of every table here), so a leaking endpoint would act.
    const shop = await newShop(ctx);
    const m = await newShopper(ctx);
    await paidOrder(ctx, shop, m);
    const ops = await merchantOperations();
    expect(ops.length).toBeGreaterThan(60);
    expect(ops).toContainEqual({ method: 'post', path: '/api/v1/merchant/auth/logout' });

    const before = await snapshot();
    const problems: string[] = [];
    for (const { method, path } of ops) {
      const url = path.replace(/\{[^}]+\}/g, '1');
      const body = method === 'get' ? undefined : '{}';
      for (const [who, headers, status] of [
        ['member', { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' }, 403],
        ['nobody', { 'content-type': 'application/json' }, 401],
      ] as const) {
        const res = await ctx.app.request(url, { method: method.toUpperCase(), headers, ...(body ? { body } : {}) });
        const code = res.status === status ? (await res.json()).error.code : null;
        if (res.status !== status || code !== (status === 403 ? 'FORBIDDEN' : 'UNAUTHENTICATED'))
          problems.push(`${method.toUpperCase()} ${path} as ${who}: ${res.status} ${code ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toBe(before);
    // The member's session survived the walk (the merchant logout did not end it).
    expect((await call(ctx, 'GET', '/api/v1/me', m.headers())).status).toBe(200);
  });
});
