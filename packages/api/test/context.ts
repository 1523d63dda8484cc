import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, inject } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { defaultAppConfig, type AppConfig } from '../src/config.js';
import { openDatabase, openSqliteFile, type DB } from '../src/db/connection.js';
import type { Database } from '../src/db/schema.js';
import { createDatabase, databaseUrl, withAdmin } from './postgres-databases.js';
import { createLifecycleProbe, type LifecycleProbe } from './lifecycle-probe.js';
import type { ShareLandedEvent } from '../src/modules/shares/index.js';
import { ManualClock } from '../src/lib/clock.js';
import type { Logger } from '../src/lib/logger.js';
import {
  SIMULATOR_BASE,
  createPaymentAdapters,
  createPlatformAdapters,
  createPlatformSimulator,
  simulatorFetch,
  type PaymentAdapters,
  type PlatformSimulatorOptions,
} from '../src/platforms/index.js';

/** Which engine this run tests: PostgreSQL when TEST_DATABASE_URL is set, SQLite otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const engine: 'sqlite' | 'postgres' = TEST_DATABASE_URL ? 'postgres' : 'sqlite';

// Test databases are throwaway: their commits do not wait for the disk (decision 025). What survives a crash is
// tested on the real process (process.test.ts), with full durability.
const durability = 'relaxed';

/** The run's migrated SQLite template (test/global-setup.ts); this worker's files go beside it, removed at the end. */
const sqliteTemplate = inject('sqliteTemplate');
const tmpRoot = fs.mkdtempSync(path.join(path.dirname(sqliteTemplate), 'worker-'));

function sqliteFile(file: string): { db: DB; close: () => Promise<void> } {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteFile(file, { durability }) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

/** An empty database of the engine under test (nothing migrated), for migration tests. */
export async function emptyDatabase(): Promise<{ db: DB; close: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) return sqliteFile(path.join(tmpRoot, `${randomBytes(6).toString('hex')}.db`));
  const name = `${inject('postgresRun')}_empty_${randomBytes(4).toString('hex')}`;
  await withAdmin(TEST_DATABASE_URL, (admin) => createDatabase(admin, name, 'template0'));
  const handle = openDatabase(databaseUrl(TEST_DATABASE_URL, name), { durability });
  return {
    db: handle.db,
    close: () => handle.close(), // dropped with the run's other databases, at its end
  };
}

interface PostgresSlot {
  name: string;
  busy: boolean;
}

/**
 * This worker's PostgreSQL databases, copies of the run's template. Slots are named by the worker's pool id, so the
 * files a worker runs one after another reuse them (whether or not modules are isolated); a test that holds two
 * contexts at once takes a second slot.
 */
const postgresSlots: PostgresSlot[] = [];

async function postgresSlot(url: string): Promise<PostgresSlot> {
  const free = postgresSlots.find((s) => !s.busy);
  if (free) {
    free.busy = true;
    return free;
  }
  const run = inject('postgresRun');
  const slot: PostgresSlot = { name: `${run}_w${process.env.VITEST_POOL_ID ?? process.pid}_${postgresSlots.length}`, busy: true };
  postgresSlots.push(slot);
  await withAdmin(url, (admin) => createDatabase(admin, slot.name, `${run}_tpl`));
  return slot;
}

async function freshDatabase(): Promise<{ db: DB; close: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) {
    const file = path.join(tmpRoot, `${randomBytes(6).toString('hex')}.db`);
    fs.copyFileSync(sqliteTemplate, file);
    return sqliteFile(file);
  }
  const slot = await postgresSlot(TEST_DATABASE_URL);
  const url = databaseUrl(TEST_DATABASE_URL, slot.name);
  // Reset before the test, not after: a test that died half-way leaves nothing for the next one.
  await withAdmin(url, (admin) => admin.query(inject('postgresReset')));
  const handle = openDatabase(url, { poolSize: 20, durability });
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      slot.busy = false;
    },
  };
}

export interface TestContext {
  app: App;
  db: DB;
  clock: ManualClock;
  simulator: ReturnType<typeof createPlatformSimulator>;
  /** The payment adapters the app uses (the same record: a test may swap one platform's adapter for a failing one). */
  payments: PaymentAdapters;
  /** A participant in the order lifecycle plugged into this app like any module: records steps, fails on demand, offers discounts. */
  probe: LifecycleProbe;
  /** Every share landing's `landed` event (decision 034), from a shares participant plugged in like any module. */
  landed: ShareLandedEvent[];
  close(): Promise<void>;
}

/** 2026-11-22 10:00 Beijing time. */
export const DEFAULT_NOW = '2026-11-22T02:00:00.000Z';

/** Where the simulator addresses notifications; they are delivered to the app in-process by path. */
export const NOTIFY_URL_BASE = 'http://api.test/payments/notify';

export async function createTestContext(
  overrides: Partial<AppConfig> = {},
  now: string = DEFAULT_NOW,
  simulatorOptions: Pick<PlatformSimulatorOptions, 'autoCompleteRefunds' | 'refundDelayMs'> = {},
  logger?: Logger,
  options: { testHooks?: boolean } = {},
): Promise<TestContext> {
  const { db, close } = await freshDatabase();
  const clock = new ManualClock(now);
  let app: App | undefined;
  const simulator = createPlatformSimulator({
    clock,
    ...simulatorOptions,
    // Notifications go to this app in-process, by the notify URL's path.
    deliver: (url, init) => app!.request(new URL(url).pathname, init),
  });
  const platformsConfig = simulator.platformsConfig(SIMULATOR_BASE, { notifyUrlBase: NOTIFY_URL_BASE });
  const platforms = createPlatformAdapters(platformsConfig, simulatorFetch(simulator.app), clock);
  const payments = createPaymentAdapters(platformsConfig, simulatorFetch(simulator.app), clock);
  const config: AppConfig = { ...defaultAppConfig, trustProxy: true, uploadsDir: path.join(tmpRoot, 'uploads'), ...overrides };
  const probe = createLifecycleProbe();
  const landed: ShareLandedEvent[] = [];
  app = createApp({
    db,
    clock,
    platforms,
    payments,
    config,
    simulator: simulator.app,
    orderParticipants: [probe.participant],
    sharesParticipants: [{ name: 'test-landings', landed: async (_trx, e) => void landed.push(e) }],
    ...(logger ? { logger } : {}),
    ...(options.testHooks ? { testHooks: { clock } } : {}),
  });
  return {
    app,
    db,
    clock,
    simulator,
    payments,
    probe,
    landed,
    close: async () => {
      await simulator.settled();
      await close();
    },
  };
}

/**
 * For each test of the file: a fresh context (closed after the test) and what `build` makes on it, handed to `keep`
 * for the file's own variables. `contextArgs` are createTestContext's.
 */
export function eachTestContext<T extends object>(
  build: (ctx: TestContext) => Promise<T>,
  keep: (scene: T & { ctx: TestContext }) => void,
  ...contextArgs: Parameters<typeof createTestContext>
): void {
  let ctx: TestContext | undefined;
  beforeEach(async () => {
    ctx = await createTestContext(...contextArgs);
    keep({ ...(await build(ctx)), ctx });
  });
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });
}

/** For each test of the file (or describe block): an empty database (nothing migrated), closed after the test. */
export function eachEmptyDatabase(keep: (handle: { db: DB; close: () => Promise<void> }) => void): void {
  let close: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const handle = await emptyDatabase();
    close = handle.close;
    keep(handle);
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
}
