import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Share attribution (docs/decisions/034-share-attribution.md).
 *
 * - `shares`: one row per share id the server issued (10 base62 characters, the primary key): who shared (a member
 *   or a staff member, exactly one), what (kind and target), through which channel, on which platform, until when.
 * - `share_visits`: every landing through a known, live share: the member (null while anonymous), the platform, the
 *   channel, whether the landing made a new member, when.
 * - `member_share_touches`: a member's first and last touch (one row per member): the share each came through and when.
 * - `order_attributions`: the share an order was placed under (the member's last touch at creation), one row per
 *   order, filled by the shares module's order participant; no column is added to `orders`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const kinds = sql`kind in ('product', 'coupon', 'mall_item', 'invitation', 'poster', 'shop', 'guide')`;
  const channels = (col: string) => sql`${sql.ref(col)} in ('card', 'poster', 'code', 'link', 'timeline')`;

  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`length(id) between 8 and 12`))
    .addColumn('sharer_member_id', idType, (c) => c.references('members.id'))
    .addColumn('sharer_staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(kinds))
    .addColumn('target_id', idType)
    .addColumn('channel', 'text', (c) => c.notNull().check(channels('channel')))
    .addColumn('platform', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addCheckConstraint('shares_one_sharer', sql`(sharer_member_id is null) <> (sharer_staff_id is null)`)
    .execute();
  await db.schema.createIndex('shares_by_member').on('shares').columns(['sharer_member_id', 'created_at']).execute();
  await db.schema.createIndex('shares_by_staff').on('shares').columns(['sharer_staff_id', 'created_at']).execute();

  await db.schema
    .createTable('share_visits')
    .addColumn('id', idType, id)
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('member_id', idType, (c) => c.references('members.id'))
    .addColumn('platform', 'text')
    .addColumn('channel', 'text', (c) => c.notNull().check(channels('channel')))
    .addColumn('new_member', 'integer', (c) => c.notNull().defaultTo(0).check(sql`new_member in (0, 1)`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('share_visits_by_share').on('share_visits').columns(['share_id', 'at']).execute();
  await db.schema.createIndex('share_visits_by_member').on('share_visits').columns(['member_id', 'at']).execute();

  await db.schema
    .createTable('member_share_touches')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id'))
    .addColumn('first_share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('order_attributions')
    .addColumn('order_id', idType, (c) => c.primaryKey().references('orders.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('sharer_member_id', idType, (c) => c.references('members.id'))
    .addColumn('sharer_staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(kinds))
    .addColumn('target_id', idType)
    .addColumn('channel', 'text', (c) => c.notNull().check(channels('channel')))
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_attributions_by_member').on('order_attributions').columns(['member_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_attributions').execute();
  await db.schema.dropTable('member_share_touches').execute();
  await db.schema.dropTable('share_visits').execute();
  await db.schema.dropTable('shares').execute();
}
