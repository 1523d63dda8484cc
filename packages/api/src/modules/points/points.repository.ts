import { sql } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import type { PointsKindValue, PointsLedgerTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { sumOrZero } from '../../db/aggregates.js';

export interface NewLedgerEntry {
  memberId: number;
  delta: number;
  kind: PointsKindValue;
  reason: PointsLedgerTable['reason'];
  sourceKey: string;
  note?: string | null;
  createdAt: string;
  staffId?: number | null;
}

export async function insertLedgerEntry(db: Executor, entry: NewLedgerEntry): Promise<number> {
  const row = await db
    .insertInto('points_ledger')
    .values({
      member_id: entry.memberId,
      delta: entry.delta,
      kind: entry.kind,
      reason: entry.reason,
      source_key: entry.sourceKey,
      note: entry.note ?? null,
      created_at: entry.createdAt,
      staff_id: entry.staffId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findEntryBySource(db: Executor, memberId: number, sourceKey: string) {
  return db.selectFrom('points_ledger').selectAll().where('member_id', '=', memberId).where('source_key', '=', sourceKey).executeTakeFirst();
}

// ---- the account: available balance and debt ----

/** Opens the member's account if it has none (a first credit or a first debt). */
export function ensureAccount(db: Executor, memberId: number, at: string) {
  return db
    .insertInto('points_accounts')
    .values({ member_id: memberId, balance: 0, debt: 0, updated_at: at })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
}

export function findAccount(db: Executor, memberId: number) {
  return db.selectFrom('points_accounts').select(['balance', 'debt']).where('member_id', '=', memberId).executeTakeFirst();
}

/**
 * Moves the available balance: a credit always, a debit only while the balance covers it (a conditional update, with
 * the CHECK balance >= 0 behind it, invariant 3). On PostgreSQL it also locks the account row, so one member's
 * debits are serialised. Returns the new balance, or undefined when a debit is refused.
 */
export async function moveBalance(db: Executor, memberId: number, delta: number, at: string): Promise<number | undefined> {
  let q = db
    .updateTable('points_accounts')
    .set({ balance: sql`balance + ${delta}`, updated_at: at })
    .where('member_id', '=', memberId);
  if (delta < 0) q = q.where('balance', '>=', -delta);
  const row = await q.returning('balance').executeTakeFirst();
  return row ? row.balance : undefined;
}

/** Repays up to `amount` of debt; returns how much was repaid. */
export async function repayDebt(db: Executor, memberId: number, amount: number, at: string): Promise<number> {
  const account = await findAccount(db, memberId);
  const repay = Math.min(amount, account?.debt ?? 0);
  if (repay <= 0) return 0;
  const r = await db
    .updateTable('points_accounts')
    .set({ debt: sql`debt - ${repay}`, updated_at: at })
    .where('member_id', '=', memberId)
    .where('debt', '>=', repay)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? repay : 0;
}

export function addDebt(db: Executor, memberId: number, amount: number, at: string) {
  return db
    .updateTable('points_accounts')
    .set({ debt: sql`debt + ${amount}`, updated_at: at })
    .where('member_id', '=', memberId)
    .execute();
}

export async function findBalance(db: Executor, memberId: number): Promise<number> {
  const row = await db.selectFrom('points_accounts').select('balance').where('member_id', '=', memberId).executeTakeFirst();
  return row ? row.balance : 0;
}

export function findBalances(db: Executor, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('points_accounts').select(['member_id', 'balance']).where('member_id', 'in', memberIds).execute();
}

// ---- lots ----

export async function insertLot(
  db: Executor,
  row: { memberId: number; entryId: number; amount: number; earnedAt: string; expiresAt: string | null },
): Promise<number> {
  const r = await db
    .insertInto('points_lots')
    .values({
      member_id: row.memberId,
      entry_id: row.entryId,
      amount: row.amount,
      remaining: row.amount,
      earned_at: row.earnedAt,
      expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A member's lots with points left, soonest to expire first (never-expiring last), then oldest. */
export function openLots(db: Executor, memberId: number) {
  return db
    .selectFrom('points_lots')
    .select(['id', 'remaining', 'expires_at', 'earned_at'])
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .orderBy(sql`case when expires_at is null then 1 else 0 end`)
    .orderBy('expires_at')
    .orderBy('id')
    .execute();
}

/** Takes `amount` from a lot while it has it. */
export async function takeFromLot(db: Executor, lotId: number, amount: number): Promise<boolean> {
  const r = await db
    .updateTable('points_lots')
    .set({ remaining: sql`remaining - ${amount}` })
    .where('id', '=', lotId)
    .where('remaining', '>=', amount)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function giveBackToLot(db: Executor, lotId: number, amount: number) {
  return db
    .updateTable('points_lots')
    .set({ remaining: sql`remaining + ${amount}` })
    .where('id', '=', lotId)
    .execute();
}

export function insertLotUses(db: Executor, rows: { entryId: number; lotId: number; amount: number }[]) {
  if (rows.length === 0) return Promise.resolve();
  return db
    .insertInto('points_lot_uses')
    .values(rows.map((r) => ({ entry_id: r.entryId, lot_id: r.lotId, amount: r.amount })))
    .execute();
}

/** What a debit took from each lot and has not yet been given back, the lots that expire last first. */
export function returnableUses(db: Executor, entryId: number) {
  return db
    .selectFrom('points_lot_uses')
    .innerJoin('points_lots', 'points_lots.id', 'points_lot_uses.lot_id')
    .select([
      'points_lot_uses.id as useId',
      'points_lot_uses.lot_id as lotId',
      'points_lot_uses.amount as amount',
      'points_lot_uses.returned as returned',
    ])
    .where('points_lot_uses.entry_id', '=', entryId)
    .where(sql<boolean>`points_lot_uses.returned < points_lot_uses.amount`)
    .orderBy(sql`case when points_lots.expires_at is null then 0 else 1 end`)
    .orderBy('points_lots.expires_at', 'desc')
    .orderBy('points_lot_uses.id', 'desc')
    .execute();
}

export async function markReturned(db: Executor, useId: number, amount: number): Promise<boolean> {
  const r = await db
    .updateTable('points_lot_uses')
    .set({ returned: sql`returned + ${amount}` })
    .where('id', '=', useId)
    .where(sql`returned + ${amount}`, '<=', sql.ref('amount'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Lots past their expiry with points left, oldest first. */
export function dueLots(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('points_lots')
    .select(['id', 'member_id', 'remaining', 'expired', 'expires_at'])
    .where('expires_at', '<=', now)
    .where('remaining', '>', 0)
    .orderBy('expires_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Expires what is left of a lot, exactly as read: a second worker that read the same row changes nothing. */
export async function expireLot(db: Executor, lot: { id: number; remaining: number; expired: number }): Promise<boolean> {
  const r = await db
    .updateTable('points_lots')
    .set({ remaining: 0, expired: sql`expired + ${lot.remaining}` })
    .where('id', '=', lot.id)
    .where('remaining', '=', lot.remaining)
    .where('expired', '=', lot.expired)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The next expiry dates of a member's open lots: points per instant, soonest first. */
export function upcomingExpiries(db: Executor, memberId: number, limit: number) {
  return db
    .selectFrom('points_lots')
    .select(['expires_at', (eb) => sumOrZero(eb, 'remaining').as('points')])
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .where('expires_at', 'is not', null)
    .groupBy('expires_at')
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

export async function sumOpenLots(db: Executor, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('points_lots')
    .select((eb) => sumOrZero(eb, 'remaining').as('total'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return row.total;
}

// ---- pending (order) points ----

export async function insertPending(
  db: Executor,
  row: { memberId: number; sourceKey: string; orderId: number | null; amount: number; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('points_pending')
    .values({
      member_id: row.memberId,
      source_key: row.sourceKey,
      order_id: row.orderId,
      amount: row.amount,
      remaining: row.amount,
      status: 'pending',
      matures_at: null,
      entry_id: null,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['member_id', 'source_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findPendingForOrder(db: Executor, orderId: number) {
  return db.selectFrom('points_pending').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

/**
 * An order's pending points, locked until commit (PostgreSQL; SQLite's one writer already excludes the rest): the
 * refund and the maturity job both take this row first, so each sees what the other did.
 */
export function lockPendingForOrder(db: Executor, orderId: number) {
  const q = db.selectFrom('points_pending').selectAll().where('order_id', '=', orderId);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

/** One pending row, locked until commit (see lockPendingForOrder). */
export function lockPending(db: Executor, id: number) {
  const q = db.selectFrom('points_pending').selectAll().where('id', '=', id);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export function setMaturesAt(db: Executor, id: number, maturesAt: string, at: string) {
  return db
    .updateTable('points_pending')
    .set({ matures_at: maturesAt, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Takes `amount` off what an order earned (pending or matured): false when less is left. */
export async function reducePending(db: Executor, id: number, amount: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('points_pending')
    .set({ remaining: sql`remaining - ${amount}`, updated_at: at })
    .where('id', '=', id)
    .where('remaining', '>=', amount)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function dueToMature(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('points_pending')
    .selectAll()
    .where('status', '=', 'pending')
    .where('matures_at', '<=', now)
    .orderBy('matures_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** pending → matured (or cancelled when nothing is left), once: the guarded update decides which worker does it. */
export async function settlePending(db: Executor, id: number, to: 'matured' | 'cancelled', at: string): Promise<boolean> {
  const r = await db
    .updateTable('points_pending')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function linkPendingEntry(db: Executor, id: number, entryId: number) {
  return db.updateTable('points_pending').set({ entry_id: entryId }).where('id', '=', id).execute();
}

export function pendingOf(db: Executor, memberId: number) {
  return db
    .selectFrom('points_pending')
    .select(['remaining', 'order_id', 'matures_at'])
    .where('member_id', '=', memberId)
    .where('status', '=', 'pending')
    .where('remaining', '>', 0)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

// ---- reading the ledger ----

export interface LedgerFilter {
  kind?: PointsKindValue | undefined;
  reason?: PointsLedgerTable['reason'] | undefined;
  direction?: 'in' | 'out' | undefined;
  /** ISO instants: posted at or after, and before. */
  createdFrom?: string | undefined;
  createdBefore?: string | undefined;
}

export function listLedger(db: Executor, memberId: number, limit: number, beforeId?: number, f: LedgerFilter = {}) {
  let q = db
    .selectFrom('points_ledger')
    .select(['id', 'delta', 'kind', 'reason', 'source_key', 'note', 'created_at', 'staff_id'])
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(limit);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.reason) q = q.where('reason', '=', f.reason);
  if (f.direction === 'in') q = q.where('delta', '>', 0);
  if (f.direction === 'out') q = q.where('delta', '<', 0);
  if (f.createdFrom) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  return q.execute();
}

export async function sumLedger(db: Executor, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('points_ledger')
    .select((eb) => sumOrZero(eb, 'delta').as('total'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return row.total;
}

export async function sumLedgerBySources(db: Executor, memberId: number, sourceKeyPrefix: string): Promise<number> {
  const row = await db
    .selectFrom('points_ledger')
    .select((eb) => sumOrZero(eb, 'delta').as('total'))
    .where('member_id', '=', memberId)
    .where('source_key', 'like', `${sourceKeyPrefix}%`)
    .executeTakeFirstOrThrow();
  return row.total;
}
