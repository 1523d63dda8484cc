import type { Executor } from '../../lib/transaction.js';
import type { SessionsTable } from '../../db/schema.js';

export function insertSession(db: Executor, row: SessionsTable) {
  return db.insertInto('sessions').values(row).execute();
}

/** A live session and, for staff, their current role (disabled staff have none). */
export function findLiveSession(db: Executor, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .leftJoin('staff', (join) =>
      join.onRef('staff.id', '=', 'sessions.subject_id').on('sessions.subject_type', '=', 'staff').on('staff.disabled_at', 'is', null),
    )
    .select(['sessions.subject_type', 'sessions.subject_id', 'sessions.platform', 'staff.role'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export function deleteExpiredSessions(db: Executor, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export function deleteSession(db: Executor, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Every session of one subject (a staff member whose password was reset or who was disabled). */
export function deleteSubjectSessions(db: Executor, subjectType: 'member' | 'staff', subjectId: number) {
  return db.deleteFrom('sessions').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).execute();
}
