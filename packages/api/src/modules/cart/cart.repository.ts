import { sql } from 'kysely';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

export function listLines(db: Executor, memberId: number) {
  return db.selectFrom('cart_lines').selectAll().where('member_id', '=', memberId).orderBy('id', 'desc').execute();
}

export async function countLines(db: Executor, memberId: number): Promise<number> {
  const r = await db
    .selectFrom('cart_lines')
    .select((eb) => countAll(eb).as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return r.n;
}

/**
 * Adds a line or merges into the existing one for the same SKU in one statement; the CHECK
 * (quantity between 1 and 99) refuses a merge past 99. The price snapshot follows the latest add.
 */
export function upsertLine(db: Executor, row: { memberId: number; skuId: number; quantity: number; priceFen: number; at: string }) {
  return db
    .insertInto('cart_lines')
    .values({
      member_id: row.memberId,
      sku_id: row.skuId,
      quantity: row.quantity,
      selected: 1,
      price_when_added_fen: row.priceFen,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['member_id', 'sku_id']).doUpdateSet({
        quantity: sql`cart_lines.quantity + excluded.quantity`,
        price_when_added_fen: sql`excluded.price_when_added_fen`,
        selected: 1,
        updated_at: row.at,
      }),
    )
    .execute();
}

export async function updateLine(
  db: Executor,
  memberId: number,
  id: number,
  set: { quantity?: number; selected?: number; updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('cart_lines').set(set).where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function selectAll(db: Executor, memberId: number, selected: number, at: string) {
  return db.updateTable('cart_lines').set({ selected, updated_at: at }).where('member_id', '=', memberId).execute();
}

export async function deleteLine(db: Executor, memberId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('cart_lines').where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function deleteLinesForSkus(db: Executor, memberId: number, skuIds: number[]) {
  if (skuIds.length === 0) return Promise.resolve([]);
  return db.deleteFrom('cart_lines').where('member_id', '=', memberId).where('sku_id', 'in', skuIds).execute();
}
