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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Moves the cached balance by `delta` in one statement (an account is opened by its first entry); the CHECK
 * (balance >= 0) refuses an overdraft, also for a first entry below zero. Returns the new balance.
 */
export async function applyToBalance(db: Executor, memberId: number, delta: number, updatedAt: string): Promise<number> {
  const row = await db
    .insertInto('points_accounts')
    .values({ member_id: memberId, balance: delta, updated_at: updatedAt })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ balance: sql`points_accounts.balance + ${delta}`, updated_at: updatedAt }))
    .returning('balance')
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

/** The cached balance; 0 for a member without entries. */
export async function findBalance(db: Executor, memberId: number): Promise<number> {
  const row = await db.selectFrom('points_accounts').select('balance').where('member_id', '=', memberId).executeTakeFirst();
  return row ? Number(row.balance) : 0;
}

export function listLedger(db: Executor, memberId: number, limit: number, beforeId?: number) {
  let q = db
    .selectFrom('points_ledger')
    .select(['id', 'delta', 'reason', 'source_key', 'note', 'created_at'])
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
