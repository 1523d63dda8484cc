import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * The points mall (docs/decisions/016-points-mall.md).
 *
 * - `points_mall_items`: what members redeem. `stock_left` moves only by conditional updates and is CHECKed between 0
 *   and `total_stock`, so racing redemptions cannot oversell (invariant 1).
 * - `points_mall_member_totals` / `points_mall_member_days`: how many units of an item a member holds in all and per
 *   business day. Each moves by a conditional update `redeemed + q <= limit` (CHECK redeemed >= 0), after an insert of
 *   the zero row that does nothing when it is there, so a member racing against their own limit cannot pass it.
 * - `points_mall_redemptions`: one per redemption, with the item as it was, the points and cash it took, its order for
 *   the cash part (unique: one redemption per order) and its state; the points it took are a ledger entry with the
 *   source key `mall:redemption:<id>` (the reasons `mall_redemption` and `mall_return` are already on the ledger's list).
 * - `orders.kind`: `goods` (checkout) or `points_mall` (the cash part of a redemption, paid like any order).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const kinds = sql`('sku', 'coupon', 'virtual')`;

  await db.schema
    .createTable('points_mall_items')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${kinds}`))
    .addColumn('sku_id', idType, (c) => c.references('skus.id'))
    .addColumn('coupon_template_id', idType, (c) => c.references('coupon_templates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('points_price', 'bigint', (c) => c.notNull().check(sql`points_price between 1 and 100000000`))
    .addColumn('cash_fen', 'bigint', (c) => c.notNull().check(sql`cash_fen between 0 and 100000000`))
    .addColumn('total_stock', 'bigint', (c) => c.notNull())
    .addColumn('stock_left', 'bigint', (c) => c.notNull())
    .addColumn('per_member_limit', 'integer', (c) => c.check(sql`per_member_limit >= 1`))
    .addColumn('per_member_daily_limit', 'integer', (c) => c.check(sql`per_member_daily_limit >= 1`))
    .addColumn('on_sale_from', 'text')
    .addColumn('on_sale_until', 'text')
    .addColumn('min_tier_level', 'integer', (c) => c.notNull().defaultTo(0).check(sql`min_tier_level >= 0`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('on', 'off')`))
    .addColumn('created_by', idType, (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('points_mall_items_stock', sql`stock_left >= 0 and stock_left <= total_stock`)
    .addCheckConstraint(
      'points_mall_items_target',
      sql`(kind = 'sku' and sku_id is not null and coupon_template_id is null) or (kind = 'coupon' and coupon_template_id is not null and sku_id is null) or (kind = 'virtual' and sku_id is null and coupon_template_id is null)`,
    )
    .addCheckConstraint('points_mall_items_window', sql`on_sale_from is null or on_sale_until is null or on_sale_from < on_sale_until`)
    .execute();
  await db.schema.createIndex('points_mall_items_listing').on('points_mall_items').columns(['status', 'sort_order', 'id']).execute();

  await db.schema
    .createTable('points_mall_member_totals')
    .addColumn('item_id', idType, (c) => c.notNull().references('points_mall_items.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('redeemed', 'integer', (c) => c.notNull().check(sql`redeemed >= 0`))
    .addPrimaryKeyConstraint('points_mall_member_totals_pk', ['item_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('points_mall_member_days')
    .addColumn('item_id', idType, (c) => c.notNull().references('points_mall_items.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('redeemed', 'integer', (c) => c.notNull().check(sql`redeemed >= 0`))
    .addPrimaryKeyConstraint('points_mall_member_days_pk', ['item_id', 'member_id', 'business_date'])
    .execute();

  await db.schema
    .createTable('points_mall_redemptions')
    .addColumn('id', idType, id)
    .addColumn('redemption_no', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('item_id', idType, (c) => c.notNull().references('points_mall_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${kinds}`))
    .addColumn('item_snapshot', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 99`))
    .addColumn('points', 'bigint', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('cash_fen', 'bigint', (c) => c.notNull().check(sql`cash_fen >= 0`))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('awaiting_payment', 'awaiting_fulfilment', 'fulfilled', 'cancelled', 'closed')`),
    )
    .addColumn('order_id', idType, (c) => c.unique().references('orders.id'))
    .addColumn('payment_deadline', 'text')
    .addColumn('address', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('coupon_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('instructions', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('fulfilled_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A redemption with cash to pay has its order; a shipped one has its carrier and tracking number.
    .addCheckConstraint('points_mall_redemptions_cash_order', sql`cash_fen = 0 or order_id is not null or status <> 'awaiting_payment'`)
    .addCheckConstraint('points_mall_redemptions_shipped', sql`kind <> 'sku' or status <> 'fulfilled' or tracking_no is not null`)
    .execute();
  await db.schema.createIndex('points_mall_redemptions_member').on('points_mall_redemptions').columns(['member_id', 'id']).execute();
  await db.schema.createIndex('points_mall_redemptions_status').on('points_mall_redemptions').columns(['status', 'id']).execute();
  await db.schema.createIndex('points_mall_redemptions_item').on('points_mall_redemptions').columns(['item_id', 'id']).execute();

  await db.schema
    .alterTable('orders')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('goods').check(sql`kind in ('goods', 'points_mall')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('kind').execute();
  for (const t of ['points_mall_redemptions', 'points_mall_member_days', 'points_mall_member_totals', 'points_mall_items'])
    await db.schema.dropTable(t).ifExists().execute();
}
