import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Payments (one row per order and platform trade), the platform notifications already applied (one row per
 * event: a redelivered notification finds its row and changes nothing), refunds with their lines and history.
 *
 * "Refunded never exceeds paid" is held by the database: `orders.refund_reserved_fen` (open + succeeded refunds)
 * and `order_lines.refund_reserved_qty` are raised by conditional updates when a refund is requested and carry
 * CHECKs against `payable_fen` / `quantity`; `refunded_fen` and `refunded_qty` (succeeded only) are checked
 * against the reservations. A racing request that would overshoot updates zero rows (or violates a CHECK).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const platforms = sql`('weapp', 'alipay', 'tt')`;

  // Column CHECKs that name other columns of the row: both engines accept and enforce them.
  await db.schema
    .alterTable('orders')
    .addColumn('refund_reserved_fen', 'bigint', (c) =>
      c.notNull().defaultTo(0).check(sql`refund_reserved_fen >= 0 and refund_reserved_fen <= payable_fen`),
    )
    .execute();
  await db.schema
    .alterTable('orders')
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`refunded_fen >= 0 and refunded_fen <= refund_reserved_fen`))
    .execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('refund_reserved_qty', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`refund_reserved_qty >= 0 and refund_reserved_qty <= quantity`),
    )
    .execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('refunded_qty', 'integer', (c) => c.notNull().defaultTo(0).check(sql`refunded_qty >= 0 and refunded_qty <= refund_reserved_qty`))
    .execute();
  await db.schema
    .alterTable('order_lines')
    .addColumn('stock_returned_qty', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`stock_returned_qty >= 0 and stock_returned_qty <= quantity`),
    )
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ${platforms}`))
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('created', 'paid', 'closed')`))
    .addColumn('paid_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_order_platform', ['order_id', 'platform'])
    .addUniqueConstraint('payments_platform_trade', ['platform', 'out_trade_no'])
    .addCheckConstraint('payments_paid_has_transaction', sql`status <> 'paid' or (transaction_id is not null and paid_at is not null)`)
    .execute();

  await db.schema
    .createTable('payment_notifications')
    .addColumn('id', idType, id)
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ${platforms}`))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund')`))
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('out_refund_no', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payment_notifications_event', ['platform', 'event_id'])
    .execute();

  await db.schema
    .createTable('refunds')
    .addColumn('id', idType, id)
    .addColumn('refund_no', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ${platforms}`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'rejected', 'processing', 'succeeded', 'failed')`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('includes_shipping', 'integer', (c) => c.notNull().check(sql`includes_shipping in (0, 1)`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('platform_refund_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('decided_by', idType, (c) => c.references('staff.id'))
    .addColumn('decided_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('refunds_rejected_has_reason', sql`status <> 'rejected' or reject_reason is not null`)
    .addCheckConstraint('refunds_decided', sql`status = 'requested' or decided_at is not null`)
    .execute();
  await db.schema.createIndex('refunds_order').on('refunds').columns(['order_id', 'id']).execute();
  await db.schema.createIndex('refunds_status').on('refunds').columns(['status', 'id']).execute();

  await db.schema
    .createTable('refund_lines')
    .addColumn('id', idType, id)
    .addColumn('refund_id', idType, (c) => c.notNull().references('refunds.id'))
    .addColumn('order_line_id', idType, (c) => c.notNull().references('order_lines.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addUniqueConstraint('refund_lines_refund_line', ['refund_id', 'order_line_id'])
    .execute();

  await db.schema
    .createTable('refund_events')
    .addColumn('id', idType, id)
    .addColumn('refund_id', idType, (c) => c.notNull().references('refunds.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('member', 'staff', 'system', 'platform')`))
    .addColumn('actor_id', idType)
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refund_events_refund').on('refund_events').columns(['refund_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['refund_events', 'refund_lines', 'refunds', 'payment_notifications', 'payments'])
    await db.schema.dropTable(t).ifExists().execute();
  for (const c of ['stock_returned_qty', 'refunded_qty', 'refund_reserved_qty']) await db.schema.alterTable('order_lines').dropColumn(c).execute();
  for (const c of ['refunded_fen', 'refund_reserved_fen']) await db.schema.alterTable('orders').dropColumn(c).execute();
}
