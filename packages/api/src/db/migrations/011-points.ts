import { type Kysely, sql } from 'kysely';
import { addRowCheck, isPostgres } from '../dialect.js';

/**
 * The points economy (docs/decisions/015-points.md).
 *
 * - `points_ledger` gains `kind` (earn, spend, expire, reverse, adjust) and a closed list of reasons, both checked by the
 *   database. Its entries still sum to the member's balance; the source key is still unique per member.
 * - `points_accounts` gains `debt`: points a refund took back after they were spent (when the merchant lets the balance go
 *   below zero), repaid from the next earnings. balance (available, CHECK >= 0) − debt = the sum of the ledger.
 * - `points_lots`: every credit is a lot with an expiry (or none); `remaining` is what is left of it (CHECK 0..amount).
 *   Available points = the lots' remaining. `points_lot_uses` records which lots each debit took, and how much of each
 *   has been given back (CHECK returned <= amount), so a reversal returns exactly those.
 * - `points_pending`: points an order earned, held until the refund window after completion has passed.
 * - `refunds.points_deduction_fen`: the value of earned points already spent that a refund keeps back, when the merchant
 *   deducts them from refunds.
 * - Existing balances become one never-expiring lot per member.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .alterTable('points_ledger')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('earn'))
    .execute();
  await sql`update points_ledger set kind = case when reason = 'adjustment' and delta < 0 then 'adjust' when reason = 'adjustment' then 'adjust' else 'earn' end`.execute(
    db,
  );
  await addRowCheck(db, 'points_ledger', 'points_ledger_kind', "$kind in ('earn', 'spend', 'expire', 'reverse', 'adjust')");
  await addRowCheck(
    db,
    'points_ledger',
    'points_ledger_reason',
    "$reason in ('check_in', 'adjustment', 'order', 'task', 'checkout', 'checkout_return', 'order_refund', 'expiry', 'mall_redemption', 'mall_return')",
  );

  await db.schema
    .alterTable('points_accounts')
    .addColumn('debt', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`debt >= 0`))
    .execute();

  await db.schema
    .createTable('points_lots')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('entry_id', idType, (c) => c.references('points_ledger.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('remaining', 'bigint', (c) => c.notNull())
    .addColumn('expired', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`expired >= 0`))
    .addColumn('earned_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addCheckConstraint('points_lots_remaining', sql`remaining >= 0 and remaining <= amount`)
    .execute();
  await db.schema.createIndex('points_lots_member_open').on('points_lots').columns(['member_id', 'remaining', 'expires_at']).execute();
  await db.schema.createIndex('points_lots_due').on('points_lots').columns(['expires_at', 'remaining']).execute();

  await db.schema
    .createTable('points_lot_uses')
    .addColumn('id', idType, id)
    .addColumn('entry_id', idType, (c) => c.notNull().references('points_ledger.id'))
    .addColumn('lot_id', idType, (c) => c.notNull().references('points_lots.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('returned', 'bigint', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('points_lot_uses_returned', sql`returned >= 0 and returned <= amount`)
    .addUniqueConstraint('points_lot_uses_pair', ['entry_id', 'lot_id'])
    .execute();

  await db.schema
    .createTable('points_pending')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('order_id', idType)
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('remaining', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'matured', 'cancelled')`))
    .addColumn('matures_at', 'text')
    .addColumn('entry_id', idType, (c) => c.references('points_ledger.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('points_pending_source', ['member_id', 'source_key'])
    .addCheckConstraint('points_pending_remaining', sql`remaining >= 0 and remaining <= amount`)
    .execute();
  await db.schema.createIndex('points_pending_due').on('points_pending').columns(['status', 'matures_at']).execute();
  await db.schema.createIndex('points_pending_order').on('points_pending').column('order_id').execute();

  // A refund may keep back the value of points its order earned that were already spent (the merchant's rule).
  await db.schema
    .alterTable('refunds')
    .addColumn('points_deduction_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`points_deduction_fen >= 0`))
    .execute();
  await addRowCheck(db, 'refunds', 'refunds_deduction_max', '$points_deduction_fen <= $amount_fen');

  // What members hold today becomes a lot that never expires.
  await sql`insert into points_lots (member_id, entry_id, amount, remaining, expired, earned_at, expires_at)
    select member_id, null, balance, balance, 0, updated_at, null from points_accounts where balance > 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['points_pending', 'points_lot_uses', 'points_lots']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('points_accounts').dropColumn('debt').execute();
  throw new Error('011 cannot drop the ledger kinds: restore a backup instead');
}
