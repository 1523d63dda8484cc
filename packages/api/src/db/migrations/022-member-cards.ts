import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * The paid membership card (付费会员; docs/decisions/040-member-cards.md), owned by the member-cards module.
 *
 * - `member_cards`: the cards the merchant sells (price, period in months, benefits, refund window).
 * - `member_card_holdings`: one row per member who ever held a card: which card, until when, the purchase that last
 *   extended it and how often its benefits were used since (the refund rule reads it; a conditional update moves it).
 * - `member_card_purchases`: one row per card order. `pending_member_id` is set while the order waits for payment and is
 *   unique, so a member has at most one card order open at a time (a second purchase at once is refused by the
 *   database). `order_id` is unique: a paid order extends the card once, however often its notification arrives.
 * - `member_card_savings`: what the card's benefits took off one order (one row per order).
 * - `member_card_coupon_packs`: one row per member and month a coupon pack was issued (the job runs it once).
 * - `member_card_reminders`: one row per member, expiry and lead time a reminder was recorded (the messages module
 *   sends them).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const members = (c: any) => c.notNull().references('members.id').onDelete('cascade');

  await db.schema
    .createTable('member_cards')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen > 0 and price_fen <= 10000000`))
    .addColumn('period_months', 'integer', (c) => c.notNull().check(sql`period_months between 1 and 36`))
    .addColumn('member_price_bp', 'integer', (c) => c.notNull().check(sql`member_price_bp between 0 and 9000`))
    .addColumn('points_multiplier_bp', 'integer', (c) => c.notNull().check(sql`points_multiplier_bp between 10000 and 100000`))
    .addColumn('free_shipping', 'integer', (c) => c.notNull().check(sql`free_shipping in (0, 1)`))
    .addColumn('may_distribute', 'integer', (c) => c.notNull().check(sql`may_distribute in (0, 1)`))
    .addColumn('coupon_template_id', idType, (c) => c.references('coupon_templates.id'))
    .addColumn('coupons_per_month', 'integer', (c) => c.notNull().check(sql`coupons_per_month between 0 and 10`))
    .addColumn('refund_days', 'integer', (c) => c.notNull().check(sql`refund_days between 0 and 28`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('on_sale', 'off_sale')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_card_holdings')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('card_id', idType, (c) => c.notNull().references('member_cards.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'expired', 'refunded')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_purchase_id', idType, (c) => c.notNull())
    .addColumn('uses_since_purchase', 'integer', (c) => c.notNull().defaultTo(0).check(sql`uses_since_purchase >= 0`))
    .addColumn('saved_fen', 'integer', (c) => c.notNull().defaultTo(0).check(sql`saved_fen >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_card_holdings_due').on('member_card_holdings').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('member_card_purchases')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, members)
    .addColumn('pending_member_id', idType, (c) => c.unique())
    .addColumn('card_id', idType, (c) => c.notNull().references('member_cards.id'))
    .addColumn('order_id', idType, (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'paid', 'closed', 'refunded')`))
    .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen > 0`))
    .addColumn('period_months', 'integer', (c) => c.notNull())
    .addColumn('extended_from', 'text')
    .addColumn('extended_to', 'text')
    .addColumn('refund_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('refunded_at', 'text')
    .addCheckConstraint('member_card_purchases_pending', sql`(status = 'pending') = (pending_member_id is not null)`)
    .execute();
  await db.schema.createIndex('member_card_purchases_member').on('member_card_purchases').columns(['member_id', 'id']).execute();

  await db.schema
    .createTable('member_card_savings')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, members)
    .addColumn('order_id', idType, (c) => c.notNull().unique())
    .addColumn('card_id', idType, (c) => c.notNull())
    .addColumn('saved_fen', 'integer', (c) => c.notNull().check(sql`saved_fen >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_card_savings_member').on('member_card_savings').columns(['member_id', 'id']).execute();

  await db.schema
    .createTable('member_card_coupon_packs')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, members)
    .addColumn('card_id', idType, (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('coupons', 'integer', (c) => c.notNull().check(sql`coupons >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('member_card_coupon_packs_once', ['member_id', 'month'])
    .execute();

  await db.schema
    .createTable('member_card_reminders')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, members)
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('member_card_reminders_once', ['member_id', 'expires_at', 'days_before'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'member_card_reminders',
    'member_card_coupon_packs',
    'member_card_savings',
    'member_card_purchases',
    'member_card_holdings',
    'member_cards',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
