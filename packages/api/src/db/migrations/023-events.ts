import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Behaviour events and their daily rollups (docs/decisions/042-behaviour-events.md, 043-analytics-rollups.md).
 *
 * - `member_events`: what the mini-program's tracker sent, one row per event, appended by multi-row inserts; the
 *   client's event id is unique, so a batch sent twice (or twice at once) stores each event once. Kept for the
 *   merchant's retention period, moved in a member merge, deleted when the account is closed.
 * - `event_daily_traffic`, `event_daily_kinds`, `event_daily_products`: the daily rollups the analytics read, per
 *   business date in the merchant's time zone; no member in them, kept for good. A rollup job rebuilds every date that
 *   received events since its last run (its position is in `job_state`), so running it again changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('member_events')
    .addColumn('id', idType, id)
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('page_view', 'product_view', 'search', 'add_to_cart', 'checkout_start', 'coupon_claim', 'share', 'check_in')`),
    )
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('weapp', 'alipay', 'tt', 'h5')`))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('share_id', 'text')
    .addColumn('product_id', idType)
    .addColumn('page', 'text')
    .addColumn('detail', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_events_by_date').on('member_events').columns(['business_date']).execute();
  await db.schema.createIndex('member_events_by_member').on('member_events').columns(['member_id']).execute();

  await db.schema
    .createTable('event_daily_traffic')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull().check(sql`visitors >= 0`))
    .addColumn('sessions', 'integer', (c) => c.notNull().check(sql`sessions >= 0`))
    .addColumn('page_views', 'integer', (c) => c.notNull().check(sql`page_views >= 0`))
    .addPrimaryKeyConstraint('event_daily_traffic_pk', ['date', 'platform', 'channel'])
    .execute();

  // `platform` 'all' holds the day's members over every platform (a member on two platforms counts once there).
  // `kind` 'visit' is any event at all.
  await db.schema
    .createTable('event_daily_kinds')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull().check(sql`events >= 0`))
    .addColumn('members', 'integer', (c) => c.notNull().check(sql`members >= 0`))
    .addPrimaryKeyConstraint('event_daily_kinds_pk', ['date', 'platform', 'kind'])
    .execute();

  await db.schema
    .createTable('event_daily_products')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('product_id', idType, (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().check(sql`views >= 0`))
    .addColumn('viewers', 'integer', (c) => c.notNull().check(sql`viewers >= 0`))
    .addColumn('add_to_carts', 'integer', (c) => c.notNull().check(sql`add_to_carts >= 0`))
    .addPrimaryKeyConstraint('event_daily_products_pk', ['date', 'product_id'])
    .execute();

  // The buyer reports (cohorts, new and returning buyers, repurchase) read each member's paid orders in time order,
  // from the index alone (it holds every column they read).
  await db.schema
    .createIndex('orders_member_paid_at')
    .on('orders')
    .columns(['member_id', 'paid_at', 'kind', 'payable_fen'])
    .where(sql.ref('paid_at'), 'is not', null)
    .execute();
  // The funnel's orders and payments per day, and the dashboard's sales per day, read from these alone (measured with
  // 300,000 orders: 630 ms to 50 ms for a month's orders on SQLite; bench/events.bench.ts).
  await db.schema.createIndex('orders_created_cover').on('orders').columns(['created_at', 'kind', 'platform', 'member_id']).execute();
  await db.schema
    .createIndex('orders_paid_cover')
    .on('orders')
    .columns(['paid_at', 'kind', 'platform', 'member_id', 'payable_fen', 'payment_platform'])
    .where(sql.ref('paid_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_paid_cover').execute();
  await db.schema.dropIndex('orders_created_cover').execute();
  await db.schema.dropIndex('orders_member_paid_at').execute();
  await db.schema.dropTable('event_daily_products').execute();
  await db.schema.dropTable('event_daily_kinds').execute();
  await db.schema.dropTable('event_daily_traffic').execute();
  await db.schema.dropTable('member_events').execute();
}
