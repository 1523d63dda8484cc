import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * - `payment_exceptions.order_no`: the trade number the exception is about, kept on the row when it is recorded, so the
 *   payments module no longer joins the orders module's table to refund it.
 * - `points_accounts`: the cached points balance moves from `members.points_balance` to a table of the points module,
 *   with the same non-negative CHECK (decision 004), so the points module writes only its own tables.
 * - `job_state`: small named values that periodic jobs keep between runs and across restarts (the payment-query
 *   sweep's position).
 * - Open trades of orders no longer awaiting payment are closed (the payments module now closes them as orders close
 *   or are paid).
 * - Indexes for the maintenance job's purges (expired sessions, old idempotency keys).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payment_exceptions')
    .addColumn('order_no', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update payment_exceptions set order_no = (select o.order_no from orders o where o.id = payment_exceptions.order_id)`.execute(db);

  // Trades left open on orders that were closed or paid another way: the query sweep no longer asks about them.
  await sql`update payments set status = 'closed' where status = 'created' and order_id in (select id from orders where status <> 'awaiting_payment')`.execute(
    db,
  );

  await db.schema
    .createTable('points_accounts')
    .addColumn('member_id', isPostgres(db) ? 'bigint' : 'integer', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('balance', 'bigint', (c) => c.notNull().check(sql`balance >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into points_accounts (member_id, balance, updated_at) select id, points_balance, updated_at from members where points_balance <> 0`.execute(
    db,
  );
  await db.schema.alterTable('members').dropColumn('points_balance').execute();

  await db.schema
    .createTable('job_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').columns(['state', 'created_at']).execute();
  if (isPostgres(db)) await sql`analyze payment_exceptions`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('idempotency_keys_created').ifExists().execute();
  await db.schema.dropIndex('sessions_expires').ifExists().execute();
  await db.schema.dropTable('job_state').ifExists().execute();
  await db.schema.alterTable('payment_exceptions').dropColumn('order_no').execute();
  // members.points_balance is gone: the balances stay in points_accounts.
  throw new Error('008 cannot be undone past the points balances: restore a backup instead');
}
