import { type Insertable, sql, type Updateable } from 'kysely';
import type { PointsMallItemKindValue, PointsMallItemsTable, PointsMallRedemptionStatusValue, PointsMallRedemptionsTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;
export type RedemptionRow = NonNullable<Awaited<ReturnType<typeof findRedemption>>>;

const changed = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) > 0;

// ---- items ----

export async function insertItem(db: Executor, row: Insertable<PointsMallItemsTable>): Promise<number> {
  return (await db.insertInto('points_mall_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findItem(db: Executor, id: number) {
  return db.selectFrom('points_mall_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateItem(db: Executor, id: number, set: Updateable<PointsMallItemsTable>): Promise<boolean> {
  return changed(await db.updateTable('points_mall_items').set(set).where('id', '=', id).executeTakeFirst());
}

export async function pageItems(db: Executor, f: { status?: 'on' | 'off'; kind?: PointsMallItemKindValue }, limit: number, offset: number) {
  let q = db.selectFrom('points_mall_items');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('sort_order', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Items switched on whose on-sale window contains `now` (sold-out ones included: members see them as such). */
export async function pageOnSale(db: Executor, now: string, f: { kind?: PointsMallItemKindValue }, limit: number, offset: number) {
  let q = db
    .selectFrom('points_mall_items')
    .where('status', '=', 'on')
    .where((eb) => eb.or([eb('on_sale_from', 'is', null), eb('on_sale_from', '<=', now)]))
    .where((eb) => eb.or([eb('on_sale_until', 'is', null), eb('on_sale_until', '>', now)]));
  if (f.kind) q = q.where('kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('sort_order', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Takes `quantity` units of an item that is on: false when fewer are left (invariant 1; CHECK stock_left >= 0 behind it). */
export async function takeStock(db: Executor, id: number, quantity: number, at: string): Promise<boolean> {
  return changed(
    await db
      .updateTable('points_mall_items')
      .set({ stock_left: sql`stock_left - ${quantity}`, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'on')
      .where('stock_left', '>=', quantity)
      .executeTakeFirst(),
  );
}

/** Gives back units a redemption held (never above the total: CHECK stock_left <= total_stock). */
export async function giveBackStock(db: Executor, id: number, quantity: number, at: string): Promise<boolean> {
  return changed(
    await db
      .updateTable('points_mall_items')
      .set({ stock_left: sql`stock_left + ${quantity}`, updated_at: at })
      .where('id', '=', id)
      .where(sql<boolean>`stock_left + ${quantity} <= total_stock`)
      .executeTakeFirst(),
  );
}

/** Adds units to the mall (delta > 0) or takes unredeemed ones out (delta < 0): false when fewer are left. */
export async function adjustStock(db: Executor, id: number, delta: number, at: string): Promise<boolean> {
  return changed(
    await db
      .updateTable('points_mall_items')
      .set({ total_stock: sql`total_stock + ${delta}`, stock_left: sql`stock_left + ${delta}`, updated_at: at })
      .where('id', '=', id)
      .where(sql<boolean>`stock_left + ${delta} >= 0`)
      .executeTakeFirst(),
  );
}

// ---- per-member counters ----

/**
 * Counts `quantity` more units of an item against a member's total: the zero row is made if missing (doing nothing
 * when a concurrent transaction made it), then one conditional update decides. False past `limit` (null: no limit).
 */
export async function countTotal(db: Executor, itemId: number, memberId: number, quantity: number, limit: number | null): Promise<boolean> {
  await db
    .insertInto('points_mall_member_totals')
    .values({ item_id: itemId, member_id: memberId, redeemed: 0 })
    .onConflict((oc) => oc.columns(['item_id', 'member_id']).doNothing())
    .execute();
  let q = db
    .updateTable('points_mall_member_totals')
    .set({ redeemed: sql`redeemed + ${quantity}` })
    .where('item_id', '=', itemId)
    .where('member_id', '=', memberId);
  if (limit !== null) q = q.where(sql<boolean>`redeemed + ${quantity} <= ${limit}`);
  return changed(await q.executeTakeFirst());
}

/** The same per business day in the merchant's time zone. */
export async function countDay(
  db: Executor,
  itemId: number,
  memberId: number,
  businessDate: string,
  quantity: number,
  limit: number | null,
): Promise<boolean> {
  await db
    .insertInto('points_mall_member_days')
    .values({ item_id: itemId, member_id: memberId, business_date: businessDate, redeemed: 0 })
    .onConflict((oc) => oc.columns(['item_id', 'member_id', 'business_date']).doNothing())
    .execute();
  let q = db
    .updateTable('points_mall_member_days')
    .set({ redeemed: sql`redeemed + ${quantity}` })
    .where('item_id', '=', itemId)
    .where('member_id', '=', memberId)
    .where('business_date', '=', businessDate);
  if (limit !== null) q = q.where(sql<boolean>`redeemed + ${quantity} <= ${limit}`);
  return changed(await q.executeTakeFirst());
}

/** A cancelled or closed redemption no longer counts against the member's limits. */
export async function uncount(db: Executor, itemId: number, memberId: number, businessDate: string, quantity: number): Promise<boolean> {
  const total = await db
    .updateTable('points_mall_member_totals')
    .set({ redeemed: sql`redeemed - ${quantity}` })
    .where('item_id', '=', itemId)
    .where('member_id', '=', memberId)
    .where('redeemed', '>=', quantity)
    .executeTakeFirst();
  const day = await db
    .updateTable('points_mall_member_days')
    .set({ redeemed: sql`redeemed - ${quantity}` })
    .where('item_id', '=', itemId)
    .where('member_id', '=', memberId)
    .where('business_date', '=', businessDate)
    .where('redeemed', '>=', quantity)
    .executeTakeFirst();
  return changed(total) && changed(day);
}

/** A member's counts for some items: in all, and on one business day. */
export async function memberCounts(db: Executor, memberId: number, itemIds: number[], businessDate: string) {
  if (itemIds.length === 0) return { totals: new Map<number, number>(), today: new Map<number, number>() };
  const [totals, days] = await Promise.all([
    db
      .selectFrom('points_mall_member_totals')
      .select(['item_id', 'redeemed'])
      .where('member_id', '=', memberId)
      .where('item_id', 'in', itemIds)
      .execute(),
    db
      .selectFrom('points_mall_member_days')
      .select(['item_id', 'redeemed'])
      .where('member_id', '=', memberId)
      .where('business_date', '=', businessDate)
      .where('item_id', 'in', itemIds)
      .execute(),
  ]);
  return {
    totals: new Map(totals.map((r) => [r.item_id, r.redeemed])),
    today: new Map(days.map((r) => [r.item_id, r.redeemed])),
  };
}

// ---- redemptions ----

export async function insertRedemption(db: Executor, row: Insertable<PointsMallRedemptionsTable>): Promise<number> {
  return (await db.insertInto('points_mall_redemptions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findRedemption(db: Executor, id: number) {
  return db.selectFrom('points_mall_redemptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRedemptionByOrder(db: Executor, orderId: number) {
  return db.selectFrom('points_mall_redemptions').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

/** A state change from one of `from`, decided by the row (a guarded update): false when it is in none of them. */
export async function moveRedemption(
  db: Executor,
  id: number,
  from: PointsMallRedemptionStatusValue[],
  to: PointsMallRedemptionStatusValue,
  set: Updateable<PointsMallRedemptionsTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable('points_mall_redemptions')
      .set({ ...set, status: to })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst(),
  );
}

export async function updateRedemption(db: Executor, id: number, set: Updateable<PointsMallRedemptionsTable>): Promise<void> {
  await db.updateTable('points_mall_redemptions').set(set).where('id', '=', id).execute();
}

export interface RedemptionFilter {
  memberId?: number;
  status?: PointsMallRedemptionStatusValue;
  kind?: PointsMallItemKindValue;
  itemId?: number;
  redemptionNo?: string;
  createdFrom?: string;
  createdBefore?: string;
}

export async function pageRedemptions(db: Executor, f: RedemptionFilter, limit: number, offset: number) {
  let q = db.selectFrom('points_mall_redemptions');
  if (f.memberId !== undefined) q = q.where('member_id', '=', f.memberId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.itemId !== undefined) q = q.where('item_id', '=', f.itemId);
  if (f.redemptionNo) q = q.where('redemption_no', '=', f.redemptionNo);
  if (f.createdFrom) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
