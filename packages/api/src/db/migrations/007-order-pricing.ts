import { type Kysely, sql } from 'kysely';
import { addRowCheck, isPostgres } from '../dialect.js';

/**
 * Orders that can carry discounts (docs/decisions/013-pricing-and-the-order-lifecycle.md).
 *
 * - `order_adjustments`: what the pricing module decided at creation, one row per discount that applied (kind, code,
 *   label, source, amount, on goods or on shipping), in the order applied; `order_adjustment_lines` says how each goods
 *   discount fell on the lines. The breakdown shown later is read from these rows, never recomputed.
 * - `order_lines.discount_fen` / `paid_fen`: what each line really cost (paid + discount = line total), and per-line
 *   refund accounting in fen (`refund_reserved_fen` <= `paid_fen`), so a refund never gives back more than the line cost.
 * - `orders.discount_fen` with payable = items + shipping - discount held by the database; `orders.platform` (where the
 *   order was placed); `orders.shipping_rule` (flat, free above the threshold, or nothing to ship) for the shipping line.
 * - Stated maxima: 50 lines per order (line_no 1-50, unique per order), 99 units per line, ¥10,000,000.00 per unit and
 *   per order's goods.
 * - The breakdown JSON column goes: the rows above replace it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .alterTable('orders')
    .addColumn('discount_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`discount_fen >= 0`))
    .execute();
  await db.schema
    .alterTable('orders')
    .addColumn('platform', 'text', (c) => c.check(sql`platform in ('weapp', 'alipay', 'tt')`))
    .execute();
  await db.schema
    .alterTable('orders')
    .addColumn('shipping_rule', 'text', (c) => c.notNull().defaultTo('flat').check(sql`shipping_rule in ('flat', 'free_threshold', 'none')`))
    .execute();
  await sql`update orders set shipping_rule = case
      when items_fen = 0 then 'none'
      when shipping_fen = 0 and breakdown like ${'%满额包邮%'} then 'free_threshold'
      else 'flat' end`.execute(db);
  await db.schema.alterTable('orders').dropColumn('breakdown').execute();
  await addRowCheck(db, 'orders', 'orders_payable_sum', '$payable_fen = $items_fen + $shipping_fen - $discount_fen');
  await addRowCheck(db, 'orders', 'orders_items_max', '$items_fen <= 1000000000');
  await db.schema.createIndex('orders_created').on('orders').columns(['created_at', 'id']).execute();

  await db.schema
    .alterTable('order_lines')
    .addColumn('line_no', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update order_lines set line_no = (select count(*) from order_lines o2 where o2.order_id = order_lines.order_id and o2.id <= order_lines.id)`.execute(
    db,
  );
  await db.schema.createIndex('order_lines_order_line_no').on('order_lines').columns(['order_id', 'line_no']).unique().execute();
  await addRowCheck(db, 'order_lines', 'order_lines_line_no', '$line_no between 1 and 50');
  await db.schema
    .alterTable('order_lines')
    .addColumn('discount_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`discount_fen >= 0`))
    .execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`paid_fen >= 0`))
    .execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('refund_reserved_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`refund_reserved_fen >= 0`))
    .execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`refunded_fen >= 0`))
    .execute();
  // Until now nothing was discounted: each line cost its total, and its refunds were recorded per line in fen.
  await sql`update order_lines set paid_fen = line_total_fen`.execute(db);
  await sql`update order_lines set
      refund_reserved_fen = coalesce((select sum(rl.amount_fen) from refund_lines rl join refunds r on r.id = rl.refund_id
        where rl.order_line_id = order_lines.id and r.status in ('requested', 'processing', 'succeeded')), 0),
      refunded_fen = coalesce((select sum(rl.amount_fen) from refund_lines rl join refunds r on r.id = rl.refund_id
        where rl.order_line_id = order_lines.id and r.status = 'succeeded'), 0)`.execute(db);
  await addRowCheck(db, 'order_lines', 'order_lines_paid_sum', '$paid_fen + $discount_fen = $line_total_fen');
  await addRowCheck(db, 'order_lines', 'order_lines_total', '$line_total_fen = $unit_price_fen * $quantity');
  await addRowCheck(db, 'order_lines', 'order_lines_quantity_max', '$quantity <= 99');
  await addRowCheck(db, 'order_lines', 'order_lines_unit_price_max', '$unit_price_fen <= 1000000000');
  await addRowCheck(db, 'order_lines', 'order_lines_refund_reserved_max', '$refund_reserved_fen <= $paid_fen');
  await addRowCheck(db, 'order_lines', 'order_lines_refunded_max', '$refunded_fen <= $refund_reserved_fen');

  await db.schema
    .createTable('order_adjustments')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('member_price', 'coupon', 'points', 'shipping')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', idType)
    .addColumn('applies_to', 'text', (c) => c.notNull().check(sql`applies_to in ('items', 'shipping')`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addUniqueConstraint('order_adjustments_order_seq', ['order_id', 'seq'])
    .addCheckConstraint('order_adjustments_shipping_kind', sql`(kind = 'shipping') = (applies_to = 'shipping')`)
    .execute();
  await db.schema.createIndex('order_adjustments_source').on('order_adjustments').columns(['source_type', 'source_id']).execute();

  await db.schema
    .createTable('order_adjustment_lines')
    .addColumn('id', idType, id)
    .addColumn('adjustment_id', idType, (c) => c.notNull().references('order_adjustments.id'))
    .addColumn('order_line_id', idType, (c) => c.notNull().references('order_lines.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addUniqueConstraint('order_adjustment_lines_pair', ['adjustment_id', 'order_line_id'])
    .execute();
  await db.schema.createIndex('order_adjustment_lines_line').on('order_adjustment_lines').column('order_line_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_adjustment_lines').ifExists().execute();
  await db.schema.dropTable('order_adjustments').ifExists().execute();
  throw new Error('007-order-pricing cannot be undone past its new tables: restore a backup instead');
}
