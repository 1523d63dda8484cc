import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m001 from './migrations/001-foundation.js';
import * as m002 from './migrations/002-catalog.js';
import * as m003 from './migrations/003-addresses-cart.js';
import * as m004 from './migrations/004-orders.js';

/** Migrations are listed here explicitly, so they work the same under tsx, vitest and any bundler. */
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-catalog': m002,
  '003-addresses-cart': m003,
  '004-orders': m004,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
