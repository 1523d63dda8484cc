import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Refunding payments that arrived for a closed order (or twice): `payment_exceptions` becomes a work queue.
 *
 * refund_pending → refunding (claimed by one worker: a guarded update that also counts the attempt and sets a lease;
 *   `attempts` only grows, so it is also the claim's token)
 *   → refund_processing (the platform took it; its notification completes it) → refunded
 *   → refunded (the platform refunded at once: Alipay)
 *   → refund_pending again with `next_attempt_at` (the platform failed; `failures` counts, backing off)
 *   … → refund_failed after N failures (for a human; staff retry puts it back to refund_pending with `failures` 0)
 * A claim whose lease ran out (the worker died mid-call) can be claimed again; the refund number is the same, so the
 * platform sees the same refund. `payment_exception_events` records every move (who, when).
 *
 * SQLite cannot change a column's CHECK, so there the table is rebuilt; PostgreSQL alters it in place.
 */
const STATES = sql`('refund_pending', 'refunding', 'refund_processing', 'refunded', 'refund_failed')`;
const KINDS = sql`('payment_received_after_close', 'duplicate_payment')`;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  if (pg) {
    const checks = await sql<{ conname: string }>`
      select conname from pg_constraint
      where conrelid = 'payment_exceptions'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%refund_pending%'`.execute(db);
    for (const c of checks.rows) await sql`alter table payment_exceptions drop constraint ${sql.id(c.conname)}`.execute(db);
    await sql`alter table payment_exceptions add constraint payment_exceptions_state check (state in ${STATES})`.execute(db);
    await db.schema
      .alterTable('payment_exceptions')
      .addColumn('refund_no', 'text', (c) => c.unique())
      .execute();
    await db.schema
      .alterTable('payment_exceptions')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
      .execute();
    await db.schema
      .alterTable('payment_exceptions')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0).check(sql`failures >= 0`))
      .execute();
    for (const col of ['next_attempt_at', 'claimed_until', 'last_error', 'platform_refund_id', 'refunded_at', 'updated_at']) {
      await db.schema.alterTable('payment_exceptions').addColumn(col, 'text').execute();
    }
    await sql`update payment_exceptions set updated_at = created_at`.execute(db);
    await sql`update payment_exceptions set refunded_at = created_at where state = 'refunded'`.execute(db);
    await sql`alter table payment_exceptions alter column updated_at set not null`.execute(db);
    await sql`alter table payment_exceptions add constraint payment_exceptions_claimed check (state <> 'refunding' or claimed_until is not null)`.execute(
      db,
    );
    await sql`alter table payment_exceptions add constraint payment_exceptions_refunded check (state <> 'refunded' or refunded_at is not null)`.execute(
      db,
    );
  } else {
    await db.schema
      .createTable('payment_exceptions_new')
      .addColumn('id', idType, id)
      .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${KINDS}`))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('transaction_id', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ${STATES}`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('refund_no', 'text', (c) => c.unique())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0).check(sql`failures >= 0`))
      .addColumn('next_attempt_at', 'text')
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('platform_refund_id', 'text')
      .addColumn('refunded_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('payment_exceptions_transaction', ['platform', 'transaction_id'])
      .addCheckConstraint('payment_exceptions_claimed', sql`state <> 'refunding' or claimed_until is not null`)
      .addCheckConstraint('payment_exceptions_refunded', sql`state <> 'refunded' or refunded_at is not null`)
      .execute();
    await sql`
      insert into payment_exceptions_new (id, order_id, kind, platform, transaction_id, amount_fen, state, created_at, refunded_at, updated_at)
      select id, order_id, kind, platform, transaction_id, amount_fen, state, created_at, case when state = 'refunded' then created_at end, created_at
      from payment_exceptions`.execute(db);
    await db.schema.dropTable('payment_exceptions').execute();
    await db.schema.alterTable('payment_exceptions_new').renameTo('payment_exceptions').execute();
  }
  await db.schema.createIndex('payment_exceptions_state').on('payment_exceptions').columns(['state', 'id']).execute();
  await db.schema.createIndex('payment_exceptions_order').on('payment_exceptions').columns(['order_id', 'id']).execute();

  await db.schema
    .createTable('payment_exception_events')
    .addColumn('id', idType, id)
    .addColumn('exception_id', idType, (c) => c.notNull().references('payment_exceptions.id'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull().check(sql`to_state in ${STATES}`))
    .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('staff', 'system', 'platform')`))
    .addColumn('actor_id', idType)
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_exception_events_exception').on('payment_exception_events').columns(['exception_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payment_exception_events').ifExists().execute();
  await db.schema.dropIndex('payment_exceptions_order').ifExists().execute();
  await db.schema.dropIndex('payment_exceptions_state').ifExists().execute();
  // The added columns and states stay: dropping them would lose which payments were refunded.
}
