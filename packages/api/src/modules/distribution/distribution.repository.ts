import { sql } from 'kysely';
import { isPostgres, isUniqueViolation } from '../../db/dialect.js';
import type { CommissionLedgerTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';

// Every query of the distribution module's own tables.

export const findDistributorByMember = (db: Executor, memberId: number) =>
  db.selectFrom('distributors').selectAll().where('member_id', '=', memberId).executeTakeFirst();

export const findDistributor = (db: Executor, id: number) => db.selectFrom('distributors').selectAll().where('id', '=', id).executeTakeFirst();

/** The distributor's row, locked until commit (PostgreSQL; SQLite's one writer already excludes the rest). */
export function lockDistributor(db: Executor, id: number) {
  const q = db.selectFrom('distributors').selectAll().where('id', '=', id);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

/** A commission row, locked until commit: the refund and the settlement job both take it first (invariant 21). */
export function lockCommission(db: Executor, id: number) {
  const q = db.selectFrom('commissions').selectAll().where('id', '=', id);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export function lockCommissionsOfOrder(db: Executor, orderId: number) {
  const q = db.selectFrom('commissions').selectAll().where('order_id', '=', orderId).orderBy('level');
  return (isPostgres(db) ? q.forUpdate() : q).execute();
}

/**
 * One ledger entry; false when its source key was already posted for the distributor (a retried event posts nothing).
 */
export async function insertLedgerEntry(
  db: Executor,
  e: Omit<CommissionLedgerTable, 'id' | 'commission_id' | 'withdrawal_id'> & { commission_id?: number | null; withdrawal_id?: number | null },
): Promise<boolean> {
  try {
    const r = await db
      .insertInto('commission_ledger')
      .values({ ...e, commission_id: e.commission_id ?? null, withdrawal_id: e.withdrawal_id ?? null })
      .onConflict((oc) => oc.columns(['distributor_id', 'source_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** A credit: repays debt first, the rest to the balance (one statement; SET reads the row as it was). */
export function creditBalance(db: Executor, distributorId: number, amount: number, at: string) {
  return db
    .updateTable('distributors')
    .set({
      balance_fen: sql`balance_fen + case when debt_fen >= ${amount} then 0 else ${amount} - debt_fen end`,
      debt_fen: sql`case when debt_fen >= ${amount} then debt_fen - ${amount} else 0 end`,
      updated_at: at,
    })
    .where('id', '=', distributorId)
    .execute();
}

/** A debit that must be covered: false (nothing moved) when the balance is short. The CHECK stands behind it. */
export async function debitBalance(db: Executor, distributorId: number, amount: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('distributors')
    .set({ balance_fen: sql`balance_fen - ${amount}`, updated_at: at })
    .where('id', '=', distributorId)
    .where('balance_fen', '>=', amount)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A reversal: takes what the balance has, the rest becomes debt repaid by later settlements. */
export function reverseIntoBalance(db: Executor, distributorId: number, amount: number, at: string) {
  return db
    .updateTable('distributors')
    .set({
      balance_fen: sql`case when balance_fen >= ${amount} then balance_fen - ${amount} else 0 end`,
      debt_fen: sql`debt_fen + case when balance_fen >= ${amount} then 0 else ${amount} - balance_fen end`,
      updated_at: at,
    })
    .where('id', '=', distributorId)
    .execute();
}

export async function ledgerSum(db: Executor, distributorId: number): Promise<number> {
  const r = await db
    .selectFrom('commission_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta_fen'), sql<number>`0`).as('s'))
    .where('distributor_id', '=', distributorId)
    .executeTakeFirstOrThrow();
  return Number(r.s);
}

/** The customer's current binding of a kind (expired ones included: the caller decides). */
export const findBinding = (db: Executor, customerId: number, kind: 'distributor' | 'guide') =>
  db.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', customerId).where('sharer_kind', '=', kind).executeTakeFirst();

export function dueCommissions(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('commissions')
    .select(['id'])
    .where('status', '=', 'frozen')
    .where('settle_after', '<=', now)
    .orderBy('settle_after')
    .orderBy('id')
    .limit(limit)
    .execute();
}
