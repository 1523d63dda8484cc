import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Favourites (docs/decisions/022-addresses-favourites-order-counts.md).
 *
 * - `member_favourites`: one row per member and product (the primary key makes a favourite idempotent under any
 *   number of parallel requests), newest first by `created_at`.
 * - `member_favourite_counts`: how many favourites a member has, moved by a conditional update in the transaction that
 *   adds or removes the row, so the per-member cap holds under concurrency; the CHECK is the last word on it.
 *   A merge of members moves the rows and sets the count to the number of rows the kept member ends with.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'bigint' : 'integer';
  await db.schema
    .createTable('member_favourites')
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('product_id', idType, (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_favourites_pk', ['member_id', 'product_id'])
    .execute();
  await db.schema.createIndex('member_favourites_newest').on('member_favourites').columns(['member_id', 'created_at', 'product_id']).execute();

  await db.schema
    .createTable('member_favourite_counts')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('favourites', 'integer', (c) => c.notNull().defaultTo(0).check(sql`favourites >= 0 and favourites <= 500`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_favourite_counts').execute();
  await db.schema.dropTable('member_favourites').execute();
}
