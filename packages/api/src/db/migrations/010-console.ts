import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * The merchant console: who posted a manual points adjustment, and indexes for the dashboard's day-by-day figures
 * (orders by the instant they were paid, refunds by the instant they completed, members by when they joined,
 * check-ins by business day).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'bigint' : 'integer';
  await db.schema
    .alterTable('points_ledger')
    .addColumn('staff_id', idType, (c) => c.references('staff.id'))
    .execute();
  await db.schema.createIndex('orders_paid_at').on('orders').column('paid_at').execute();
  await db.schema.createIndex('refunds_completed_at').on('refunds').column('completed_at').execute();
  await db.schema.createIndex('members_created_at').on('members').column('created_at').execute();
  await db.schema.createIndex('check_ins_business_date').on('check_ins').column('business_date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['check_ins_business_date', 'members_created_at', 'refunds_completed_at', 'orders_paid_at']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await sql`alter table points_ledger drop column staff_id`.execute(db);
}
