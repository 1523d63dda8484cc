import { sql } from 'kysely';
import type { Executor } from '../../lib/transaction.js';
import type { PointsLedgerTable } from '../../db/schema.js';

export interface NewLedgerEntry {
  memberId: number;
  delta: number;
  reason: PointsLedgerTable['reason'];
  sourceKey: string;
  note?: string | null;
  createdAt: string;
  staffId?: number | null;
}

export function insertLedgerEntry(db: Executor, entry: NewLedgerEntry) {
  return db
    .insertInto('points_ledger')
    .values({
      member_id: entry.memberId,
      delta: entry.delta,
      reason: entry.reason,
      source_key: entry.sourceKey,
      note: entry.note ?? null,
      created_at: entry.createdAt,
      staff_id: entry.staffId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Moves the cached balance by `delta` in one statement. A credit opens the account if need be; a debit is a conditional
 * update that only matches while the balance covers it (the CHECK balance >= 0 stands behind it). Returns the new
 * balance, or undefined when a debit is refused.
 */
export async function applyToBalance(db: Executor, memberId: number, delta: number, updatedAt: string): Promise<number | undefined> {
  if (delta > 0) {
    const row = await db
      .insertInto('points_accounts')
      .values({ member_id: memberId, balance: delta, updated_at: updatedAt })
      .onConflict((oc) => oc.column('member_id').doUpdateSet({ balance: sql`points_accounts.balance + ${delta}`, updated_at: updatedAt }))
      .returning('balance')
      .executeTakeFirstOrThrow();
    return Number(row.balance);
  }
  const row = await db
    .updateTable('points_accounts')
    .set({ balance: sql`balance + ${delta}`, updated_at: updatedAt })
    .where('member_id', '=', memberId)
    .where('balance', '>=', -delta)
    .returning('balance')
    .executeTakeFirst();
  return row ? Number(row.balance) : undefined;
}

/** The cached balances of several members (members without entries are missing: 0). */
export function findBalances(db: Executor, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('points_accounts').select(['member_id', 'balance']).where('member_id', 'in', memberIds).execute();
}

/** The cached balance; 0 for a member without entries. */
export async function findBalance(db: Executor, memberId: number): Promise<number> {
  const row = await db.selectFrom('points_accounts').select('balance').where('member_id', '=', memberId).executeTakeFirst();
  return row ? Number(row.balance) : 0;
}

export function listLedger(db: Executor, memberId: number, limit: number, beforeId?: number) {
  let q = db
    .selectFrom('points_ledger')
    .select(['id', 'delta', 'reason', 'source_key', 'note', 'created_at', 'staff_id'])
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(limit);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  return q.execute();
}

export async function sumLedger(db: Executor, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('points_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), sql<number>`0`).as('total'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
