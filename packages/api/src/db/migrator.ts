import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import * as m001 from './migrations/001-foundation.js';
import * as m002 from './migrations/002-catalog.js';
import * as m003 from './migrations/003-addresses-cart.js';
import * as m004 from './migrations/004-orders.js';
import * as m005 from './migrations/005-payments-refunds.js';
import * as m006 from './migrations/006-payment-exception-refunds.js';
import * as m007 from './migrations/007-order-pricing.js';
import * as m008 from './migrations/008-module-boundaries-and-maintenance.js';
import * as m009 from './migrations/009-coupons.js';
import * as m010 from './migrations/010-console.js';
import * as m011 from './migrations/011-points.js';
import * as m012 from './migrations/012-points-mall.js';
import * as m014 from './migrations/014-tiers.js';
import * as m015 from './migrations/015-members.js';
import * as m016 from './migrations/016-check-in-cycles.js';
import * as m017 from './migrations/017-favourites.js';
import * as m018 from './migrations/018-image-keys.js';
import * as m021 from './migrations/021-wallet.js';
import * as m022 from './migrations/022-member-cards.js';

/**
 * Migrations are listed here explicitly, so they work the same under tsx, vitest and any bundler.
 *
 * There is no 013, and none is missing: no migration 013 was ever committed. The tiers work was written from a tree
 * that ended at 011 while the points mall (which took 012) and other branches were being written beside it, and
 * numbered itself 014; when the branches were merged nothing had used 013. The numbers stay as they are: Kysely
 * records each applied migration by name, refuses to run when an applied one is missing from this list, and runs them
 * in name order, so renaming 014-017 would break every database already migrated. A new migration takes the highest
 * number + 1 (018).
 */
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-catalog': m002,
  '003-addresses-cart': m003,
  '004-orders': m004,
  '005-payments-refunds': m005,
  '006-payment-exception-refunds': m006,
  '007-order-pricing': m007,
  '008-module-boundaries-and-maintenance': m008,
  '009-coupons': m009,
  '010-console': m010,
  '011-points': m011,
  '012-points-mall': m012,
  '014-tiers': m014,
  '015-members': m015,
  '016-check-in-cycles': m016,
  '017-favourites': m017,
  '018-image-keys': m018,
  '021-wallet': m021,
  '022-member-cards': m022,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  // PostgreSQL: name the schema we run in. Without it Kysely finds its bookkeeping tables in any schema on the
  // server (another app's, a left-over test schema) and never creates them in ours.
  const migrationTableSchema = isPostgres(db) ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

function applied(result: Awaited<ReturnType<Migrator['migrateToLatest']>>): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return applied(await (await migratorFor(db)).migrateToLatest());
}

/** Up (or down) to the named migration: for tests that bring a database of an earlier version up to date. */
export async function migrateTo(db: Kysely<any>, name: keyof typeof migrations): Promise<string[]> {
  return applied(await (await migratorFor(db)).migrateTo(name));
}
