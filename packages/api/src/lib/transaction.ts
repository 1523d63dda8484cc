import type { Transaction } from 'kysely';
import type { DB } from '../db/connection.js';
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
