import { type Insertable, sql } from 'kysely';
import { isCheckViolation, isPostgres } from '../../db/dialect.js';
import type { WalletLedgerTable, WalletOrderPaymentsTable, WalletPackagesTable, WalletTopUpsTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Executor, Tx } from '../../lib/transaction.js';

/** Every Kysely query of the wallet module (its tables: wallet_*). */

export interface Account {
  principalFen: number;
  bonusFen: number;
}

export async function findAccount(db: Executor, memberId: number): Promise<Account> {
  const row = await db.selectFrom('wallet_accounts').select(['principal_fen', 'bonus_fen']).where('member_id', '=', memberId).executeTakeFirst();
  return { principalFen: Number(row?.principal_fen ?? 0), bonusFen: Number(row?.bonus_fen ?? 0) };
}

/**
 * The member's account row, locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite: the write transaction
 * already excludes others), created empty if missing. Spends read the balance through it, so the split between
 * principal and bonus is decided on the balance no one else is changing.
 */
export async function lockAccount(trx: Tx, memberId: number, at: string): Promise<Account> {
  await trx
    .insertInto('wallet_accounts')
    .values({ member_id: memberId, principal_fen: 0, bonus_fen: 0, updated_at: at })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
  let q = trx.selectFrom('wallet_accounts').select(['principal_fen', 'bonus_fen']).where('member_id', '=', memberId);
  if (isPostgres(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  return { principalFen: Number(row.principal_fen), bonusFen: Number(row.bonus_fen) };
}

/**
 * Appends a ledger entry; the database adds it to the account (a trigger) and refuses it when principal or bonus
 * would go below zero (CHECK). False when the member already has an entry with this source key (a retried event).
 */
export async function postEntry(trx: Tx, entry: Insertable<WalletLedgerTable>): Promise<boolean> {
  try {
    const r = await trx
      .insertInto('wallet_ledger')
      .values(entry)
      .onConflict((oc) => oc.columns(['member_id', 'source_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  } catch (err) {
    if (isCheckViolation(err)) throw new AppError('INSUFFICIENT_BALANCE', 'the balance does not cover this', { memberId: entry.member_id });
    throw err;
  }
}

export async function ledgerPage(db: Executor, memberId: number, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('wallet_ledger')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('wallet_ledger')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function ledgerSums(db: Executor, memberId: number): Promise<Account> {
  const r = await db
    .selectFrom('wallet_ledger')
    .select([sql<number>`coalesce(sum(principal_delta), 0)`.as('p'), sql<number>`coalesce(sum(bonus_delta), 0)`.as('b')])
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return { principalFen: Number(r.p), bonusFen: Number(r.b) };
}

/** What the shop owed members at an instant: the ledger summed up to it (entries are never changed afterwards). */
export async function liabilityAt(db: Executor, at: string) {
  const perMember = db
    .selectFrom('wallet_ledger')
    .select(['member_id', sql<number>`sum(principal_delta)`.as('p'), sql<number>`sum(bonus_delta)`.as('b')])
    .where('created_at', '<=', at)
    .groupBy('member_id')
    .as('m');
  const r = await db
    .selectFrom(perMember)
    .select([
      sql<number>`coalesce(sum(m.p), 0)`.as('p'),
      sql<number>`coalesce(sum(m.b), 0)`.as('b'),
      sql<number>`coalesce(sum(case when m.p + m.b > 0 then 1 else 0 end), 0)`.as('n'),
    ])
    .executeTakeFirstOrThrow();
  return { principalFen: Number(r.p), bonusFen: Number(r.b), members: Number(r.n) };
}

export const listPackages = (db: Executor, onlyOn: boolean) => {
  let q = db.selectFrom('wallet_packages').selectAll();
  if (onlyOn) q = q.where('status', '=', 'on');
  return q.orderBy('sort', 'desc').orderBy('id').execute();
};
export const findPackage = (db: Executor, id: number) => db.selectFrom('wallet_packages').selectAll().where('id', '=', id).executeTakeFirst();
export const insertPackage = async (db: Executor, row: Insertable<WalletPackagesTable>) =>
  (await db.insertInto('wallet_packages').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const updatePackage = async (db: Executor, id: number, row: Partial<Insertable<WalletPackagesTable>>) =>
  Number((await db.updateTable('wallet_packages').set(row).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0;

export const insertTopUp = async (db: Executor, row: Insertable<WalletTopUpsTable>) =>
  (await db.insertInto('wallet_top_ups').values(row).returning('id').executeTakeFirstOrThrow()).id;
export const setTopUpOrder = (db: Executor, id: number, orderId: number) =>
  db.updateTable('wallet_top_ups').set({ order_id: orderId }).where('id', '=', id).execute();
export const findTopUp = (db: Executor, id: number) => db.selectFrom('wallet_top_ups').selectAll().where('id', '=', id).executeTakeFirst();
export const findTopUpByOrder = (db: Executor, orderId: number) =>
  db.selectFrom('wallet_top_ups').selectAll().where('order_id', '=', orderId).executeTakeFirst();

/** A guarded move of a top-up: true for the one caller that moved it. */
export async function moveTopUp(db: Executor, id: number, from: WalletTopUpsTable['status'], to: WalletTopUpsTable['status'], at: string) {
  const r = await db
    .updateTable('wallet_top_ups')
    .set({ status: to, updated_at: at, ...(to === 'credited' ? { credited_at: at } : {}) })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const insertOrderPayment = (db: Executor, row: Insertable<WalletOrderPaymentsTable>) =>
  db.insertInto('wallet_order_payments').values(row).execute();
export const findOrderPayment = (db: Executor, orderId: number) =>
  db.selectFrom('wallet_order_payments').selectAll().where('order_id', '=', orderId).executeTakeFirst();

/** A guarded move of an order's balance part (held → paid / released): true for the one caller that moved it. */
export async function moveOrderPayment(db: Executor, orderId: number, from: 'held', to: 'paid' | 'released', at: string) {
  const r = await db
    .updateTable('wallet_order_payments')
    .set({ status: to, updated_at: at })
    .where('order_id', '=', orderId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Counts what a refund gave back of an order's balance part (CHECK: never more than was paid). */
export async function addReturned(db: Executor, orderId: number, principalFen: number, bonusFen: number, at: string) {
  await db
    .updateTable('wallet_order_payments')
    .set({
      returned_principal_fen: sql`returned_principal_fen + ${principalFen}`,
      returned_bonus_fen: sql`returned_bonus_fen + ${bonusFen}`,
      updated_at: at,
    })
    .where('order_id', '=', orderId)
    .execute();
}
