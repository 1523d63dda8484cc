import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Things members buy that are not goods (decision 038), and the stored-value wallet (decision 039).
 *
 * - `orders.kind` may now also be `top_up` (stored value), `gift_card` and `member_card`: orders created by the module
 *   that sells the thing, paid through the normal pay flow, with participants acting on them by kind. The kinds are
 *   written out here, not imported: a migration keeps meaning what it meant when it ran.
 *   SQLite cannot change a column's CHECK, so there a new column takes the values and the old one is dropped (nothing
 *   indexes or references `kind`); PostgreSQL replaces the constraint.
 */
const ORDER_KINDS_021 = `('goods', 'points_mall', 'top_up', 'gift_card', 'member_card')`;
const ORDER_KINDS_012 = `('goods', 'points_mall')`;

async function setOrderKinds(db: Kysely<any>, kinds: string): Promise<void> {
  if (isPostgres(db)) {
    const found = await sql<{ conname: string }>`
      select c.conname from pg_constraint c join pg_class t on t.oid = c.conrelid
      where t.relname = 'orders' and t.relnamespace = current_schema()::regnamespace and c.contype = 'c'
        and pg_get_constraintdef(c.oid) like '%kind%'`.execute(db);
    for (const { conname } of found.rows) await sql.raw(`alter table orders drop constraint "${conname}"`).execute(db);
    await sql.raw(`alter table orders add constraint orders_kind_check check (kind in ${kinds})`).execute(db);
    return;
  }
  await db.schema
    .alterTable('orders')
    .addColumn('kind_next', 'text', (c) =>
      c
        .notNull()
        .defaultTo('goods')
        .check(sql.raw(`kind_next in ${kinds}`)),
    )
    .execute();
  await sql`update orders set kind_next = kind`.execute(db);
  await db.schema.alterTable('orders').dropColumn('kind').execute();
  await db.schema.alterTable('orders').renameColumn('kind_next', 'kind').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await setOrderKinds(db, ORDER_KINDS_021);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setOrderKinds(db, ORDER_KINDS_012);
}
