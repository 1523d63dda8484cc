import type { Executor } from '../../lib/transaction.js';
import type { StaffTable } from '../../db/schema.js';
import { countAll } from '../../db/aggregates.js';

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
  return r.id;
}

export function listStaff(db: Executor) {
  return db.selectFrom('staff').select(['id', 'username', 'display_name', 'role', 'created_at', 'disabled_at']).orderBy('id').execute();
}

/** Enabled owners other than `exceptId`. */
export async function countOtherActiveOwners(db: Executor, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => countAll(eb).as('n'))
    .where('role', '=', 'owner')
    .where('disabled_at', 'is', null)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function updateStaff(
  db: Executor,
  id: number,
  set: { display_name?: string; role?: StaffTable['role']; disabled_at?: string | null; password_hash?: string },
): Promise<boolean> {
  const r = await db.updateTable('staff').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
