import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createApp, type App } from '../src/app.js';
import { defaultAppConfig, type AppConfig } from '../src/config.js';
import { openDatabase, openSqliteFile, type DB } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrator.js';
import type { Database } from '../src/db/schema.js';
import { createLifecycleProbe, type LifecycleProbe } from './lifecycle-probe.js';
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

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-test-'));
let sqliteTemplate: Promise<string> | undefined;

/** Migrate once into a template file; each test copies it (a few ms) instead of migrating again. */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = path.join(tmpRoot, 'template.db');
    const handle = openDatabase(`sqlite:${file}`);
    await migrateToLatest(handle.db);
    await handle.close();
    return file;
  })();
  return sqliteTemplate;
}

/** An empty database of the engine under test (nothing migrated), for migration tests. */
export async function emptyDatabase(): Promise<{ db: DB; close: () => Promise<void> }> {
  if (TEST_DATABASE_URL) return postgresSchema(false);
  const file = path.join(tmpRoot, `${randomBytes(6).toString('hex')}.db`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteFile(file) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

async function postgresSchema(migrate: boolean): Promise<{ db: DB; close: () => Promise<void> }> {
  const url = TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  // A throwaway schema: commits need not wait for the disk (migrating one takes about a third of the time); what
  // survives a crash is tested on the real process (process.test.ts), not here.
  const handle = openDatabase(url, { searchPath: schema, poolSize: 20, asynchronousCommit: true });
  if (migrate) await migrateToLatest(handle.db);
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

async function freshDatabase(): Promise<{ db: DB; close: () => Promise<void> }> {
  if (TEST_DATABASE_URL) return postgresSchema(true);
  const template = await migratedSqliteTemplate();
  const file = path.join(tmpRoot, `${randomBytes(6).toString('hex')}.db`);
  fs.copyFileSync(template, file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteFile(file) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
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
  app = createApp({
    db,
    clock,
    platforms,
    payments,
    config,
    simulator: simulator.app,
    orderParticipants: [probe.participant],
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
    close: async () => {
      await simulator.settled();
      await close();
    },
  };
}
