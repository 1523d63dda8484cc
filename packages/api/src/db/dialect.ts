import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** The one place that asks which engine we are on; SQL that must differ branches on this. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A unique or primary-key violation, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A CHECK constraint violation, on either engine (e.g. a balance that would go negative). */
export function isCheckViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23514' || e?.code === 'SQLITE_CONSTRAINT_CHECK';
}

/**
 * Serialises transactions that touch one member's rows (e.g. the address count limit) until commit.
 * PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do; a write transaction already excludes others.
 */
export async function lockForTransaction(trx: Kysely<any>, scope: string, id: number): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope}:${id}`}, 0))`.execute(trx);
}
