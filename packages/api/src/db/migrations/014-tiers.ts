import { type Kysely, sql } from 'kysely';
import { addRowCheck, isPostgres } from '../dialect.js';

/**
 * Tiers and growth (docs/decisions/017-tiers-and-growth.md).
 *
 * - `tiers`: the merchant's ladder (a first tier, level 0 with no benefits, is there from the start). One row per level (unique), each with its growth threshold and benefits: a
 *   member-price discount in basis points on every product or on listed products or categories, a points multiplier in
 *   basis points (10000 = 1×), free shipping, a birthday gift (points and/or a coupon template), and display benefits
 *   (JSON: icon and text).
 * - `growth_ledger`: append-only (a trigger refuses updates and deletes), a reason from a closed list, a source key
 *   unique per member so no event grants growth twice.
 * - `member_tiers`: a member's current level, cached total growth (= the ledger's sum, never below zero), when the
 *   level was reached and until when it is held. No row: level 0, no growth.
 * - `tier_changes`: every change of level, with from, to, the reason and when.
 * - `members.birthday` (YYYY-MM-DD, nullable) and `tier_birthday_gifts` (one gift per member and year, unique), and the
 *   points ledger's reasons gain `birthday_gift`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('tiers')
    .addColumn('id', idType, id)
    .addColumn('level', 'integer', (c) => c.notNull().unique().check(sql`level >= 0 and level <= 50`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('growth_threshold', 'bigint', (c) => c.notNull().check(sql`growth_threshold >= 0`))
    .addColumn('member_price_bp', 'integer', (c) => c.notNull().defaultTo(0).check(sql`member_price_bp >= 0 and member_price_bp < 10000`))
    .addColumn('member_price_scope', 'text', (c) => c.notNull().defaultTo('all').check(sql`member_price_scope in ('all', 'products', 'categories')`))
    /** JSON array of product or category ids (by the scope); empty for 'all'. */
    .addColumn('member_price_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('points_multiplier_bp', 'integer', (c) =>
      c.notNull().defaultTo(10000).check(sql`points_multiplier_bp >= 10000 and points_multiplier_bp <= 100000`),
    )
    .addColumn('free_shipping', 'integer', (c) => c.notNull().defaultTo(0).check(sql`free_shipping in (0, 1)`))
    .addColumn('birthday_points', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`birthday_points >= 0`))
    .addColumn('birthday_coupon_template_id', idType, (c) => c.references('coupon_templates.id'))
    /** JSON array of { icon, text }. */
    .addColumn('display_benefits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The first tier is everyone's.
    .addCheckConstraint('tiers_first_is_free', sql`level > 0 or growth_threshold = 0`)
    .execute();
  // Every member is on the first tier until the merchant builds a ladder.
  const now = new Date().toISOString();
  await db.insertInto('tiers').values({ level: 0, name: '普通会员', growth_threshold: 0, created_at: now, updated_at: now }).execute();

  await db.schema
    .createTable('growth_ledger')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('delta', 'bigint', (c) => c.notNull().check(sql`delta <> 0`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('order', 'order_refund', 'check_in', 'task', 'manual', 'merge')`))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('staff_id', idType)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('growth_ledger_source', ['member_id', 'source_key'])
    .execute();
  await db.schema.createIndex('growth_ledger_member').on('growth_ledger').columns(['member_id', 'created_at']).execute();
  if (pg) {
    await sql`create function growth_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'growth_ledger is append-only'; end; $$`.execute(db);
    await sql`create trigger growth_ledger_no_update before update or delete on growth_ledger
      for each row execute function growth_ledger_append_only()`.execute(db);
  } else {
    await sql`create trigger growth_ledger_no_update before update on growth_ledger
      begin select raise(abort, 'growth_ledger is append-only'); end`.execute(db);
    await sql`create trigger growth_ledger_no_delete before delete on growth_ledger
      begin select raise(abort, 'growth_ledger is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('member_tiers')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0).check(sql`level >= 0`))
    .addColumn('growth', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`growth >= 0`))
    .addColumn('reached_at', 'text')
    .addColumn('held_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_tiers_due').on('member_tiers').columns(['level', 'held_until']).execute();

  await db.schema
    .createTable('tier_changes')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('from_level', 'integer', (c) => c.notNull())
    .addColumn('to_level', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('upgrade', 'downgrade', 'config')`))
    .addColumn('growth', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('tier_changes_moves', sql`from_level <> to_level`)
    .execute();
  await db.schema.createIndex('tier_changes_member').on('tier_changes').columns(['member_id', 'id']).execute();

  await db.schema.alterTable('members').addColumn('birthday', 'text').execute();

  await db.schema
    .createTable('tier_birthday_gifts')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('points', 'bigint', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('coupon_id', idType)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tier_birthday_gifts_once', ['member_id', 'year'])
    .execute();

  // Birthday points are a reason of their own in the points ledger.
  if (pg) {
    await sql`alter table points_ledger drop constraint if exists points_ledger_reason`.execute(db);
  } else {
    await sql`drop trigger if exists points_ledger_reason_insert`.execute(db);
    await sql`drop trigger if exists points_ledger_reason_update`.execute(db);
  }
  await addRowCheck(
    db,
    'points_ledger',
    'points_ledger_reason',
    "$reason in ('check_in', 'adjustment', 'order', 'task', 'checkout', 'checkout_return', 'order_refund', 'expiry', 'mall_redemption', 'mall_return', 'birthday_gift')",
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['tier_birthday_gifts', 'tier_changes', 'member_tiers', 'growth_ledger', 'tiers'])
    await db.schema.dropTable(t).ifExists().execute();
  if (isPostgres(db)) await sql`drop function if exists growth_ledger_append_only()`.execute(db);
  await db.schema.alterTable('members').dropColumn('birthday').execute();
}
