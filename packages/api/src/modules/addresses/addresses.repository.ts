import type { AddressesTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

export function listAddresses(db: Executor, memberId: number) {
  return db.selectFrom('addresses').selectAll().where('member_id', '=', memberId).orderBy('is_default', 'desc').orderBy('id', 'desc').execute();
}

/** The member's own address only: another member's id finds nothing. */
export function findAddress(db: Executor, memberId: number, id: number) {
  return db.selectFrom('addresses').selectAll().where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
}

export async function countAddresses(db: Executor, memberId: number): Promise<number> {
  const r = await db
    .selectFrom('addresses')
    .select((eb) => countAll(eb).as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertAddress(db: Executor, row: Omit<AddressesTable, 'id'>): Promise<number> {
  const r = await db.insertInto('addresses').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAddress(
  db: Executor,
  memberId: number,
  id: number,
  set: Partial<Omit<AddressesTable, 'id' | 'member_id'>>,
): Promise<boolean> {
  const r = await db.updateTable('addresses').set(set).where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function clearDefault(db: Executor, memberId: number, at: string) {
  return db.updateTable('addresses').set({ is_default: 0, updated_at: at }).where('member_id', '=', memberId).where('is_default', '=', 1).execute();
}

export async function deleteAddress(db: Executor, memberId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('addresses').where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
