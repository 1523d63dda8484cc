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

/** Moves the cached balance by `delta`; the CHECK (points_balance >= 0) refuses an overdraft. Returns the new balance. */
export async function applyToBalance(db: Executor, memberId: number, delta: number, updatedAt: string): Promise<number> {
  const row = await db
    .updateTable('members')
    .set({ points_balance: sql`points_balance + ${delta}`, updated_at: updatedAt })
    .where('id', '=', memberId)
    .returning('points_balance')
    .executeTakeFirstOrThrow();
  return Number(row.points_balance);
}

export async function findBalance(db: Executor, memberId: number): Promise<number | undefined> {
  const row = await db.selectFrom('members').select('points_balance').where('id', '=', memberId).executeTakeFirst();
  return row ? Number(row.points_balance) : undefined;
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
