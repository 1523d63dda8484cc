import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Check-in cycles, cumulative rewards and make-up check-in (docs/decisions/021-check-in-cycles.md).
 *
 * - `check_ins.made_up_at`: when a missed day was made up (补签); null for a check-in on the day itself. The row is
 *   otherwise an ordinary check-in, so the unique `(member_id, business_date)` still allows one row per day
 *   (invariant 5) whether the day was kept or made up.
 * - `check_in_make_up_counts`: make-ups a member has used in one cycle (`week:2026-11-23`, `month:2026-11`). It moves
 *   only by `UPDATE … SET used = used + 1 WHERE … AND used + 1 <= limit` after an insert of the zero row that does
 *   nothing when it is there, so two make-ups racing for the last one give one (CHECK used >= 0).
 * - `check_in_cycle_rewards`: one row per cumulative reward a member received in a cycle (unique member, cycle,
 *   count), written in the transaction that pays it, so a milestone pays once per cycle however many check-ins race.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema.alterTable('check_ins').addColumn('made_up_at', 'text').execute();

  await db.schema
    .createTable('check_in_make_up_counts')
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('cycle_key', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().check(sql`used >= 0`))
    .addPrimaryKeyConstraint('check_in_make_up_counts_pk', ['member_id', 'cycle_key'])
    .execute();

  await db.schema
    .createTable('check_in_cycle_rewards')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('cycle_key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 1`))
    .addColumn('points', 'bigint', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('growth', 'bigint', (c) => c.notNull().check(sql`growth >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('check_in_cycle_rewards_once', ['member_id', 'cycle_key', 'count'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_in_cycle_rewards').ifExists().execute();
  await db.schema.dropTable('check_in_make_up_counts').ifExists().execute();
  await db.schema.alterTable('check_ins').dropColumn('made_up_at').execute();
}
