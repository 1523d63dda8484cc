import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Foundation: members and their platform identities, sessions, staff, merchant settings,
 * check-ins and the append-only points ledger, idempotency keys.
 * Migrations import nothing from the app but the dialect probe, so they stay valid as the code moves on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('members')
    .addColumn('id', idType, id)
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('avatar_url', 'text')
    .addColumn('points_balance', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`points_balance >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_identities')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('weapp', 'alipay', 'tt')`))
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('open_id', 'text', (c) => c.notNull())
    .addColumn('union_id', 'text')
    .addColumn('session_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('member_identities_platform_open_id', ['platform', 'app_id', 'open_id'])
    .execute();
  await db.schema.createIndex('member_identities_member').on('member_identities').column('member_id').execute();
  await db.schema.createIndex('member_identities_union').on('member_identities').column('union_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type in ('member', 'staff')`))
    .addColumn('subject_id', idType, (c) => c.notNull())
    .addColumn('platform', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_subject').on('sessions').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', idType, id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'operator', 'viewer')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('merchant_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', idType, (c) => c.references('staff.id'))
    .execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('streak', 'integer', (c) => c.notNull().check(sql`streak >= 1`))
    .addColumn('reward', 'integer', (c) => c.notNull().check(sql`reward >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // invariant 5: one check-in per member per business day, enforced here and nowhere else.
    .addUniqueConstraint('check_ins_member_day', ['member_id', 'business_date'])
    .execute();

  await db.schema
    .createTable('points_ledger')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('delta', 'bigint', (c) => c.notNull().check(sql`delta <> 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // invariant 4: one credit per source event.
    .addUniqueConstraint('points_ledger_member_source', ['member_id', 'source_key'])
    .execute();
  await db.schema.createIndex('points_ledger_member_id').on('points_ledger').columns(['member_id', 'id']).execute();

  // invariant 3: the ledger is append-only; a correction is a reversing entry.
  if (pg) {
    await sql`create function points_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'points_ledger is append-only'; end; $$`.execute(db);
    await sql`create trigger points_ledger_no_update before update or delete on points_ledger
      for each row execute function points_ledger_append_only()`.execute(db);
  } else {
    await sql`create trigger points_ledger_no_update before update on points_ledger
      begin select raise(abort, 'points_ledger is append-only'); end`.execute(db);
    await sql`create trigger points_ledger_no_delete before delete on points_ledger
      begin select raise(abort, 'points_ledger is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('member_id', idType, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('in_flight', 'done')`))
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['member_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['idempotency_keys', 'points_ledger', 'check_ins', 'merchant_settings', 'staff', 'sessions', 'member_identities', 'members']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  if (isPostgres(db)) await sql`drop function if exists points_ledger_append_only()`.execute(db);
}
