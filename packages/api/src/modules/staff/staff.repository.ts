import type { Executor } from '../../lib/transaction.js';
import type { StaffTable } from '../../db/schema.js';

export function findStaffByUsername(db: Executor, username: string) {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findStaff(db: Executor, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStaff(
  db: Executor,
  row: { username: string; displayName: string; role: StaffTable['role']; passwordHash: string; at: string },
) {
  const r = await db
    .insertInto('staff')
    .values({ username: row.username, display_name: row.displayName, role: row.role, password_hash: row.passwordHash, created_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}
