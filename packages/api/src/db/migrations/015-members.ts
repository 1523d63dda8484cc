import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * One member across platforms (decision 019):
 * - `members`: `phone` (normalised "+<country code>-<number>", unique: the database makes a phone belong to one member),
 *   `phone_bound_at`, `gender`, `closed_at` (an account closed by its member: anonymised, kept for the ledger and
 *   orders) and `merged_into` (an absorbed member kept as a tombstone pointing at the survivor, so old references stay
 *   explainable).
 * - `member_merges`: one row per merge (survivor, absorbed, phone, what moved as JSON); a member is absorbed once.
 * - The append-only ledgers (`points_ledger`, `growth_ledger`) allow exactly one kind of update: moving an entry from
 *   a member already marked as merged into the survivor, changing nothing but `member_id` and, where the survivor
 *   already has the source key, prefixing the key with `merge:<absorbed id>:`. Deletes stay refused.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .alterTable('members')
    .addColumn('phone', 'text', (c) => c.check(sql`phone is null or (length(phone) between 7 and 22 and phone like '+%-%')`))
    .execute();
  await db.schema.alterTable('members').addColumn('phone_bound_at', 'text').execute();
  await db.schema
    .alterTable('members')
    .addColumn('gender', 'text', (c) => c.notNull().defaultTo('unknown').check(sql`gender in ('unknown', 'male', 'female')`))
    .execute();
  await db.schema.alterTable('members').addColumn('closed_at', 'text').execute();
  await db.schema
    .alterTable('members')
    .addColumn('merged_into', idType, (c) => c.references('members.id'))
    .execute();
  await db.schema.createIndex('members_phone').on('members').column('phone').unique().execute();

  await db.schema
    .createTable('member_merges')
    .addColumn('id', idType, id)
    .addColumn('survivor_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('absorbed_id', idType, (c) => c.notNull().unique().references('members.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('phone')`))
    /** JSON MemberMergeSummary. */
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('member_merges_two', sql`survivor_id <> absorbed_id`)
    .execute();
  await db.schema.createIndex('member_merges_survivor').on('member_merges').columns(['survivor_id', 'id']).execute();

  await allowMergeMoves(db, 'points_ledger', ['delta', 'kind', 'reason', 'note', 'created_at', 'staff_id']);
  await allowMergeMoves(db, 'growth_ledger', ['delta', 'reason', 'note', 'created_at', 'staff_id']);
}

/** The one update an append-only ledger allows: a merged member's entry moved to the survivor (see above). */
async function allowMergeMoves(db: Kysely<any>, table: string, unchanged: string[]) {
  const same = (o: string, n: string) =>
    unchanged.map((c) => (isPostgres(db) ? `${n}.${c} is not distinct from ${o}.${c}` : `${n}.${c} is ${o}.${c}`));
  const prefix = isPostgres(db) ? `'merge:' || OLD.member_id::text || ':' || OLD.source_key` : `'merge:' || OLD.member_id || ':' || OLD.source_key`;
  const move = [
    'NEW.id = OLD.id',
    ...same('OLD', 'NEW'),
    `(NEW.source_key = OLD.source_key or NEW.source_key = ${prefix})`,
    `exists (select 1 from members m where m.id = OLD.member_id and m.merged_into = NEW.member_id)`,
  ].join(' and ');
  if (isPostgres(db)) {
    await sql
      .raw(
        `create or replace function ${table}_append_only() returns trigger language plpgsql as $$
        begin
          if TG_OP = 'UPDATE' and ${move} then return NEW; end if;
          raise exception '${table} is append-only';
        end; $$`,
      )
      .execute(db);
    return;
  }
  await sql.raw(`drop trigger if exists ${table}_no_update`).execute(db);
  await sql
    .raw(`create trigger ${table}_no_update before update on ${table} when not (${move}) begin select raise(abort, '${table} is append-only'); end`)
    .execute(db);
}

export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('015 cannot be undone in place (merged members would lose their tombstones): restore a backup instead');
}
