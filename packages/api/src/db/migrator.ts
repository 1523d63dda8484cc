import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import * as m001 from './migrations/001-foundation.js';
import * as m002 from './migrations/002-catalog.js';
import * as m003 from './migrations/003-addresses-cart.js';
import * as m004 from './migrations/004-orders.js';
import * as m005 from './migrations/005-payments-refunds.js';
import * as m006 from './migrations/006-payment-exception-refunds.js';
import * as m007 from './migrations/007-console.js';

/** Migrations are listed here explicitly, so they work the same under tsx, vitest and any bundler. */
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-catalog': m002,
  '003-addresses-cart': m003,
  '004-orders': m004,
  '005-payments-refunds': m005,
  '006-payment-exception-refunds': m006,
  '007-console': m007,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // PostgreSQL: name the schema we run in. Without it Kysely finds its bookkeeping tables in any schema on the
  // server (another app's, a left-over test schema) and never creates them in ours.
  const migrationTableSchema = isPostgres(db) ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
