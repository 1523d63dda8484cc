import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.js';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, loginMember } from './factories.js';

// The test-only hooks (/__test): a movable clock and the due jobs run at once, for end-to-end tests. Mounted only when
// asked for (TEST_HOOKS=1), absent otherwise, and refused in production.

describe('TEST_HOOKS in the environment', () => {
  it('is off by default, on with 1, and refused in production, naming it', () => {
    expect(readEnv({}).TEST_HOOKS).toBe(false);
    expect(readEnv({ TEST_HOOKS: '1' }).TEST_HOOKS).toBe(true);
    expect(() => readEnv({ TEST_HOOKS: 'yes' })).toThrow(/TEST_HOOKS/);
    expect(() => readEnv({ NODE_ENV: 'production', TEST_HOOKS: '1' })).toThrow(/TEST_HOOKS: the test hooks .* must not run in production/);
  });
});

describe('the hooks in an app', () => {
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });
  const post = (c: TestContext, url: string, body?: unknown) =>
    c.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('are absent without the flag', async () => {
    ctx = await createTestContext();
    expect((await post(ctx, '/__test/clock', { advanceMs: 1000 })).status).toBe(404);
    expect((await post(ctx, '/__test/jobs/run')).status).toBe(404);
    expect((await ctx.app.request('/__test/clock')).status).toBe(404);
  });

  it('move the app’s clock and run the due jobs at its time; bad input is a 400 naming the field', async () => {
    ctx = await createTestContext({}, '2026-11-22T02:00:00.000Z', {}, undefined, { testHooks: true });
    const moved = await post(ctx, '/__test/clock', { advanceMs: 3_600_000 });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { now: string }).now).toBe('2026-11-22T03:00:00.000Z');
    expect(ctx.clock.now().toISOString()).toBe('2026-11-22T03:00:00.000Z');
    const set = await post(ctx, '/__test/clock', { set: '2027-01-01T00:00:00.000Z' });
    expect(((await set.json()) as { now: string }).now).toBe('2027-01-01T00:00:00.000Z');
    for (const [body, field] of [
      [{}, 'advanceMs'],
      [{ advanceMs: -1 }, 'advanceMs'],
      [{ set: 'tomorrow' }, 'set'],
      [{ advanceMs: 1, set: '2027-01-01T00:00:00.000Z' }, 'advanceMs'],
    ] as const) {
      const res = await post(ctx, '/__test/clock', body);
      expect(res.status).toBe(400);
      const err = (await res.json()) as { error: { details: { issues: { field: string }[] } } };
      expect(err.error.details.issues.map((i) => i.field)).toContain(field);
    }
    expect(ctx.clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    const run = await post(ctx, '/__test/jobs/run');
    expect(run.status).toBe(200);
    expect(await run.json()).toEqual({
      now: '2027-01-01T00:00:00.000Z',
      pointsMatured: 0,
      pointsExpired: 0,
      ordersClosed: 0,
      messagesSent: 0,
      eventDatesRolledUp: 0,
      eventsPurged: 0,
      invitationRewardsGranted: 0,
      commissionSettled: 0,
    });
  });
});

describe('the due jobs through the hooks', () => {
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });

  it('close a points-plus-cash redemption once its payment window has passed, giving back its points and stock', async () => {
    ctx = await createTestContext({}, '2026-11-22T02:00:00.000Z', {}, undefined, { testHooks: true });
    const c = ctx;
    const owner = await createStaffAndLogin(c, 'owner');
    const m = await loginMember(c);
    await c.app.services.points.post(c.db, {
      memberId: m.id,
      delta: 500,
      reason: 'adjustment',
      kind: 'adjust',
      sourceKey: 'grant',
      at: c.clock.now(),
    });
    const item = await call(c, 'POST', '/api/v1/merchant/points-mall/items', owner.headers(), {
      kind: 'virtual',
      title: '升杯券',
      instructions: '到店出示',
      pointsPrice: 300,
      cashFen: 500,
      totalStock: 1,
      status: 'on',
    });
    const r = await call(c, 'POST', '/api/v1/points-mall/redemptions', m.headers(), { itemId: item.body.id });
    expect(r.body.status).toBe('awaiting_payment');
    const hook = (path: string, body: unknown) => call(c, 'POST', `/__test${path}`, { 'content-type': 'application/json' }, body);
    expect((await hook('/jobs/run', {})).body.ordersClosed).toBe(0);
    await hook('/clock', { advanceMs: 31 * 60_000 });
    expect((await hook('/jobs/run', {})).body.ordersClosed).toBe(1);
    expect((await hook('/jobs/run', {})).body.ordersClosed).toBe(0);
    expect((await call(c, 'GET', `/api/v1/points-mall/redemptions/${r.body.id}`, m.headers())).body.status).toBe('closed');
    expect(await c.app.services.points.balance(c.db, m.id)).toBe(500);
    expect((await call(c, 'GET', `/api/v1/merchant/points-mall/items/${item.body.id}`, owner.headers())).body.stockLeft).toBe(1);
  });
});

// The real server process: mounted with the flag, absent without it, refused in production. Always a throwaway SQLite file.
describe('the hooks in the server process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-hooks-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const freePort = () =>
    new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
  const exited = (child: ChildProcess) => new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));

  async function start(env: Record<string, string>) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        H5_DIST_DIR: path.join(dir, 'no-h5'),
        DATABASE_URL: `sqlite:${path.join(dir, `hooks-${port}.db`)}`,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) return { child, base, stderr: () => stderr, up: false };
      try {
        if ((await fetch(`${base}/api/health`)).ok) return { child, base, stderr: () => stderr, up: true };
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error('server did not start');
  }
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('mounts them with TEST_HOOKS=1 and not without; refuses to start with them in production', async () => {
    const withHooks = await start({ TEST_HOOKS: '1' });
    expect(withHooks.up).toBe(true);
    const before = Date.now();
    const res = await post(`${withHooks.base}/__test/clock`, { advanceMs: 2 * 24 * 3600_000 });
    expect(res.status).toBe(200);
    const state = (await res.json()) as { now: string; offsetMs: number };
    expect(Date.parse(state.now) - before).toBeGreaterThanOrEqual(2 * 24 * 3600_000);
    expect((await post(`${withHooks.base}/__test/jobs/run`, {})).status).toBe(200);
    withHooks.child.kill('SIGTERM');
    expect(await exited(withHooks.child)).toBe(0);

    const without = await start({});
    expect(without.up).toBe(true);
    expect((await post(`${without.base}/__test/clock`, { advanceMs: 1000 })).status).toBe(404);
    expect((await post(`${without.base}/__test/jobs/run`, {})).status).toBe(404);
    without.child.kill('SIGTERM');
    expect(await exited(without.child)).toBe(0);

    const production = await start({ NODE_ENV: 'production', TEST_HOOKS: '1', PLATFORM_SIMULATOR: 'off' });
    expect(production.up).toBe(false);
    expect(production.child.exitCode).not.toBe(0);
    expect(production.stderr()).toContain('TEST_HOOKS: the test hooks (a movable clock) must not run in production');
  }, 90_000);
});
