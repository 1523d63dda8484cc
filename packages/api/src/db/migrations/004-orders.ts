import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Orders with snapshotted lines, the status history (who moved it, when), and payments that
 * arrived for an order already closed (kept and queued for refund, never lost).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const statuses = sql`('awaiting_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded')`;

  await db.schema
    .createTable('orders')
    .addColumn('id', idType, id)
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    .addColumn('items_fen', 'bigint', (c) => c.notNull().check(sql`items_fen >= 0`))
    .addColumn('shipping_fen', 'bigint', (c) => c.notNull().check(sql`shipping_fen >= 0`))
    .addColumn('payable_fen', 'bigint', (c) => c.notNull().check(sql`payable_fen >= 0`))
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('remark', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('paid_amount_fen', 'bigint')
    .addColumn('payment_platform', 'text')
    .addColumn('payment_transaction_id', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('refunded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_member_status').on('orders').columns(['member_id', 'status', 'id']).execute();
  await db.schema.createIndex('orders_status_expires').on('orders').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('sku_id', idType, (c) => c.notNull())
    .addColumn('product_id', idType, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('specs', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull().check(sql`unit_price_fen >= 0`))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('line_total_fen', 'bigint', (c) => c.notNull().check(sql`line_total_fen >= 0`))
    .execute();
  await db.schema.createIndex('order_lines_order').on('order_lines').column('order_id').execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('member', 'staff', 'system', 'platform')`))
    .addColumn('actor_id', idType)
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'id']).execute();

  await db.schema
    .createTable('payment_exceptions')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment_received_after_close', 'duplicate_payment')`))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('refund_pending', 'refunded')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payment_exceptions_transaction', ['platform', 'transaction_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['payment_exceptions', 'order_events', 'order_lines', 'orders']) await db.schema.dropTable(t).ifExists().execute();
}
