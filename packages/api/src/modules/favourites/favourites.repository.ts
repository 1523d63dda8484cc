import { MAX_FAVOURITES_PER_MEMBER } from '@siyu/shared';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

/** Adds the favourite; false when the member already has it (the primary key decides, however many race). */
export async function insertFavourite(db: Executor, memberId: number, productId: number, at: string): Promise<boolean> {
  const r = await db
    .insertInto('member_favourites')
    .values({ member_id: memberId, product_id: productId, created_at: at })
    .onConflict((oc) => oc.columns(['member_id', 'product_id']).doNothing())
    .returning('product_id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteFavourite(db: Executor, memberId: number, productId: number): Promise<boolean> {
  const r = await db.deleteFrom('member_favourites').where('member_id', '=', memberId).where('product_id', '=', productId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * One more favourite for the member, unless that passes the cap: a conditional update, so parallel additions each see
 * the count the one before left (the row is locked on PostgreSQL; SQLite writes one at a time). False at the cap.
 */
export async function countOneMore(db: Executor, memberId: number): Promise<boolean> {
  await db
    .insertInto('member_favourite_counts')
    .values({ member_id: memberId, favourites: 0 })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
  const r = await db
    .updateTable('member_favourite_counts')
    .set((eb) => ({ favourites: eb('favourites', '+', 1) }))
    .where('member_id', '=', memberId)
    .where('favourites', '<', MAX_FAVOURITES_PER_MEMBER)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function countOneLess(db: Executor, memberId: number) {
  return db
    .updateTable('member_favourite_counts')
    .set((eb) => ({ favourites: eb('favourites', '-', 1) }))
    .where('member_id', '=', memberId)
    .where('favourites', '>', 0)
    .execute();
}

export async function isFavourite(db: Executor, memberId: number, productId: number): Promise<boolean> {
  const row = await db
    .selectFrom('member_favourites')
    .select('product_id')
    .where('member_id', '=', memberId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A page of the member's favourites, newest first. */
export async function pageFavourites(db: Executor, memberId: number, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('member_favourites')
      .select(['product_id', 'created_at'])
      .where('member_id', '=', memberId)
      .orderBy('created_at', 'desc')
      .orderBy('product_id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('member_favourites')
      .select((eb) => countAll(eb).as('n'))
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
