import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Distribution (分销), withdrawals and payouts, stores and shopping guides (docs/decisions/036-distribution.md).
 *
 * - `distributors`: one per member (unique), with a status the merchant moves (pending → active ↔ frozen, or
 *   refused) and the commission account: `balance_fen` (settled, withdrawable, CHECK >= 0) and `debt_fen` (commission
 *   reversed after it was withdrawn, repaid by the next settlements). balance − debt = the sum of the ledger.
 * - `distribution_bindings`: who brought a customer, one row per customer and sharer kind (a distributor, a guide):
 *   the unique key is what makes "bound to exactly one at a time" hold however many landings race (invariant 22).
 * - `commission_rules`: rates in basis points for the store, a category or a product (unique per scope and target).
 * - `commissions`: one per order and level (unique), frozen at payment, settled once by the job after the refund
 *   window, cut by refunds; `commission_lines`: the base (what the customer paid for the line), the rate and the
 *   refunded part of each line, so the commission is always floor(rate × kept) per line (invariant 23).
 * - `commission_ledger`: append-only (triggers), one entry per source key and distributor (a retried settlement or
 *   reversal posts nothing twice).
 * - `withdrawals`: the amount taken from the balance, the fee, the payout's state and its bill number (unique: a
 *   payout is idempotent by it); `withdrawal_days`: what each distributor asked for each business day, a counter moved
 *   by a conditional update under the daily cap.
 * - `stores` and `guides` (a staff member guiding for a store).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('stores')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guides')
    .addColumn('id', idType, id)
    .addColumn('staff_id', idType, (c) => c.notNull().unique().references('staff.id'))
    .addColumn('store_id', idType, (c) => c.notNull().references('stores.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'disabled')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // An order credited to the guide (and the guide's store) its buyer was bound to when it was paid.
  await db.schema
    .createTable('guide_orders')
    .addColumn('order_id', idType, (c) => c.primaryKey().references('orders.id'))
    .addColumn('guide_id', idType, (c) => c.notNull().references('guides.id'))
    .addColumn('store_id', idType, (c) => c.notNull().references('stores.id'))
    .addColumn('buyer_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().check(sql`paid_fen >= 0`))
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addCheckConstraint('guide_orders_refunded', sql`refunded_fen >= 0 and refunded_fen <= paid_fen`)
    .execute();
  await db.schema.createIndex('guide_orders_guide').on('guide_orders').columns(['guide_id', 'paid_at']).execute();

  await db.schema
    .createTable('distributors')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().unique().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'active', 'frozen', 'refused')`))
    .addColumn('qualified_by', 'text', (c) => c.notNull().check(sql`qualified_by in ('apply', 'tier', 'task', 'card', 'staff')`))
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`balance_fen >= 0`))
    .addColumn('debt_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`debt_fen >= 0`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('distributors_status').on('distributors').columns(['status', 'id']).execute();

  await db.schema
    .createTable('distribution_bindings')
    .addColumn('id', idType, id)
    .addColumn('customer_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('sharer_kind', 'text', (c) => c.notNull().check(sql`sharer_kind in ('distributor', 'guide')`))
    .addColumn('sharer_id', idType, (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('share_id', 'text')
    .addUniqueConstraint('distribution_bindings_one', ['customer_id', 'sharer_kind'])
    .execute();
  await db.schema.createIndex('distribution_bindings_sharer').on('distribution_bindings').columns(['sharer_kind', 'sharer_id']).execute();

  await db.schema
    .createTable('commission_rules')
    .addColumn('id', idType, id)
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('store', 'category', 'product')`))
    .addColumn('target_id', idType, (c) => c.notNull())
    .addColumn('level1_bp', 'integer', (c) => c.notNull().check(sql`level1_bp >= 0 and level1_bp <= 5000`))
    .addColumn('level2_bp', 'integer', (c) => c.notNull().check(sql`level2_bp >= 0 and level2_bp <= 5000`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('commission_rules_target', ['scope', 'target_id'])
    .execute();

  await db.schema
    .createTable('commissions')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level in (1, 2)`))
    .addColumn('distributor_id', idType, (c) => c.notNull().references('distributors.id'))
    .addColumn('buyer_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('guide_id', idType)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('frozen', 'settled', 'cancelled')`))
    .addColumn('initial_fen', 'bigint', (c) => c.notNull().check(sql`initial_fen >= 0`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('base_fen', 'bigint', (c) => c.notNull().check(sql`base_fen >= 0`))
    .addColumn('settle_after', 'text')
    .addColumn('settled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('commissions_order_level', ['order_id', 'level'])
    .addCheckConstraint('commissions_amount', sql`amount_fen >= 0 and amount_fen <= initial_fen`)
    .execute();
  await db.schema.createIndex('commissions_due').on('commissions').columns(['status', 'settle_after']).execute();
  await db.schema.createIndex('commissions_distributor').on('commissions').columns(['distributor_id', 'id']).execute();

  await db.schema
    .createTable('commission_lines')
    .addColumn('id', idType, id)
    .addColumn('commission_id', idType, (c) => c.notNull().references('commissions.id'))
    .addColumn('order_line_id', idType, (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull().check(sql`rate_bp >= 0 and rate_bp <= 5000`))
    .addColumn('base_fen', 'bigint', (c) => c.notNull().check(sql`base_fen >= 0`))
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('commission_lines_line', ['commission_id', 'order_line_id'])
    .addCheckConstraint('commission_lines_refunded', sql`refunded_fen >= 0 and refunded_fen <= base_fen`)
    // What a line pays never exceeds its rate times what the customer kept paying (invariant 23).
    .addCheckConstraint('commission_lines_amount', sql`amount_fen >= 0 and amount_fen * 10000 <= rate_bp * (base_fen - refunded_fen)`)
    .execute();

  await db.schema
    .createTable('commission_ledger')
    .addColumn('id', idType, id)
    .addColumn('distributor_id', idType, (c) => c.notNull().references('distributors.id'))
    .addColumn('delta_fen', 'bigint', (c) => c.notNull().check(sql`delta_fen <> 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('settle', 'reverse', 'withdraw', 'withdraw_return', 'adjust')`))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('commission_id', idType)
    .addColumn('withdrawal_id', idType)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('commission_ledger_source', ['distributor_id', 'source_key'])
    .execute();
  await db.schema.createIndex('commission_ledger_distributor').on('commission_ledger').columns(['distributor_id', 'id']).execute();
  if (pg) {
    await sql`create function commission_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'commission_ledger is append-only'; end; $$`.execute(db);
    await sql`create trigger commission_ledger_no_change before update or delete on commission_ledger
      for each row execute function commission_ledger_append_only()`.execute(db);
  } else {
    await sql`create trigger commission_ledger_no_update before update on commission_ledger
      begin select raise(abort, 'commission_ledger is append-only'); end`.execute(db);
    await sql`create trigger commission_ledger_no_delete before delete on commission_ledger
      begin select raise(abort, 'commission_ledger is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('withdrawals')
    .addColumn('id', idType, id)
    .addColumn('distributor_id', idType, (c) => c.notNull().references('distributors.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('fee_fen', 'bigint', (c) => c.notNull().check(sql`fee_fen >= 0`))
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('weapp', 'alipay', 'tt')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('requested', 'refused', 'paying', 'awaiting_confirmation', 'paid', 'failed')`),
    )
    .addColumn('bill_no', 'text', (c) => c.notNull().unique())
    .addColumn('transfer_bill_no', 'text')
    .addColumn('package_info', 'text')
    .addColumn('fail_reason', 'text')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('staff_id', idType)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('withdrawals_fee', sql`fee_fen < amount_fen`)
    .execute();
  await db.schema.createIndex('withdrawals_distributor').on('withdrawals').columns(['distributor_id', 'id']).execute();
  await db.schema.createIndex('withdrawals_status').on('withdrawals').columns(['status', 'id']).execute();

  await db.schema
    .createTable('withdrawal_days')
    .addColumn('distributor_id', idType, (c) => c.notNull().references('distributors.id'))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addPrimaryKeyConstraint('withdrawal_days_pk', ['distributor_id', 'business_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'withdrawal_days',
    'withdrawals',
    'commission_ledger',
    'commission_lines',
    'commissions',
    'commission_rules',
    'distribution_bindings',
    'distributors',
    'guide_orders',
    'guides',
    'stores',
  ])
    await db.schema.dropTable(t).ifExists().execute();
  if (isPostgres(db)) await sql`drop function if exists commission_ledger_append_only()`.execute(db);
}
