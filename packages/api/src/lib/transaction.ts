import { sql } from 'kysely';
import type { DB } from '../db/connection.js';
import { isPostgres } from '../db/dialect.js';
import { currentRequest } from './request-scope.js';
import type { Executor, MemberGuard, MemberLock, Tx } from './transaction-types.js';

export type { Executor, MemberGuard, MemberLock, Tx };

export interface TransactionOptions {
  /**
   * How the member of the request is locked first: `share` (the default: a member's writes do not wait for each
   * other, and a closing or a merge waits for them, and they for it), `update` (the transaction changes the member's
   * own row), or `none` (the transaction locks the members it needs itself, in its own order: phone binding).
   */
  memberLock?: MemberLock | 'none';
}

/**
 * The one transaction helper. Nested calls reuse the open transaction, so a flow that spans modules commits or rolls
 * back as one. A transaction opened by a member's request first runs the member guard (so nothing is written for a
 * member being closed or merged away); the first one an idempotent request commits also records the request's answer,
 * its value, so the answer commits with the work or not at all.
 */
export async function inTransaction<T>(db: Executor, work: (trx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  const scope = currentRequest();
  const answer = scope?.answer?.state === 'closed' ? undefined : scope?.answer;
  if (answer?.state === 'recorded') throw new Error('an idempotent request does its work in one transaction; it opened a second');
  const lock = options.memberLock ?? 'share';
  const value = await (db as DB).transaction().execute(async (trx) => {
    if (scope?.member && lock !== 'none') await scope.member.guard(trx, scope.member.id, lock);
    const result = await work(trx);
    if (answer?.state === 'open') await answer.record(trx, result);
    return result;
  });
  if (answer?.state === 'open') answer.state = 'recorded';
  return value;
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
