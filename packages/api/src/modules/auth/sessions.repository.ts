import type { Executor } from '../../lib/transaction.js';
import type { SessionsTable } from '../../db/schema.js';

export function insertSession(db: Executor, row: SessionsTable) {
  return db.insertInto('sessions').values(row).execute();
}

/** A live (unexpired) session. */
export function findLiveSession(db: Executor, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .select(['subject_type', 'subject_id', 'platform'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function deleteSession(db: Executor, tokenHash: string, subjectType: 'member' | 'staff') {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).where('subject_type', '=', subjectType).execute();
}

/** Every session of one subject (a staff member whose password was reset or who was disabled). */
export function deleteSubjectSessions(db: Executor, subjectType: 'member' | 'staff', subjectId: number) {
  return db.deleteFrom('sessions').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).execute();
}
