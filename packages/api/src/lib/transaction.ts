import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/connection.js';
import { isPostgres } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

export type Tx = Transaction<Database>;
/** A service function takes either the database or an open transaction, so callers can compose flows. */
export type Executor = DB | Tx;

/**
 * The one transaction helper. Nested calls reuse the open transaction, so a flow that spans
 * modules commits or rolls back as one.
 */
export async function inTransaction<T>(db: Executor, work: (trx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return (db as DB).transaction().execute(work);
}

/**
 * Reads that must write nothing and lock nothing (a preview of what a write would do). PostgreSQL: a REPEATABLE READ,
 * READ ONLY transaction, so the reads see one moment and a write in them is an error. SQLite: the reads run as they
 * are; a transaction would hold the process's one connection and so keep every writer waiting.
 */
export async function readOnly<T>(db: DB, work: (executor: Executor) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work(db);
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(trx);
    return work(trx);
  });
}
