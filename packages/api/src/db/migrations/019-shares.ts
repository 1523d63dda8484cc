import { type Kysely, sql } from 'kysely';
import { addRowCheck, isPostgres } from '../dialect.js';

/**
 * Share attribution (docs/decisions/034-share-attribution.md).
 *
 * - `shares`: one row per share id the server issued (10 base62 characters, the primary key): who shared (a member
 *   or a staff member, exactly one), what (kind and target), through which channel, on which platform, until when.
 * - `share_visits`: every landing through a known, live share: the member (null while anonymous), the platform, the
 *   channel, whether the landing made a new member, when.
 * - `member_share_touches`: a member's first and last touch (one row per member): the share each came through and when.
 * - `order_attributions`: the share an order was placed under (the member's last touch at creation), one row per
 *   order, filled by the shares module's order participant; no column is added to `orders`.
 *
 * Invitations (docs/decisions/035-invitations-and-mini-program-codes.md), owned by the invitations module:
 * - `invitations`: one row per invitee (unique): the inviter, the share, the state of the inviter's reward (bound,
 *   pending after the invitee's first paid order, granted, cancelled by a refund, withheld by staff, over the
 *   inviter's daily cap, void), the reward promised at binding (JSON), the first paid order and when the reward is due.
 * - `invitation_daily_counts`: invitations counted toward the daily cap, per inviter and business day; a conditional
 *   update moves it, a CHECK keeps it from going below zero.
 * - `share_code_images`: each share id's mini-program code image (PNG), cached once made.
 * - The points ledger's reasons gain `invitation`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const kinds = sql`kind in ('product', 'coupon', 'mall_item', 'invitation', 'poster', 'shop', 'guide')`;
  const channels = (col: string) => sql`${sql.ref(col)} in ('card', 'poster', 'code', 'link', 'timeline')`;

  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`length(id) between 8 and 12`))
    .addColumn('sharer_member_id', idType, (c) => c.references('members.id'))
    .addColumn('sharer_staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(kinds))
    .addColumn('target_id', idType)
    .addColumn('channel', 'text', (c) => c.notNull().check(channels('channel')))
    .addColumn('platform', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addCheckConstraint('shares_one_sharer', sql`(sharer_member_id is null) <> (sharer_staff_id is null)`)
    .execute();
  await db.schema.createIndex('shares_by_member').on('shares').columns(['sharer_member_id', 'created_at']).execute();
  await db.schema.createIndex('shares_by_staff').on('shares').columns(['sharer_staff_id', 'created_at']).execute();

  await db.schema
    .createTable('share_visits')
    .addColumn('id', idType, id)
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('member_id', idType, (c) => c.references('members.id'))
    .addColumn('platform', 'text')
    .addColumn('channel', 'text', (c) => c.notNull().check(channels('channel')))
    .addColumn('new_member', 'integer', (c) => c.notNull().defaultTo(0).check(sql`new_member in (0, 1)`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('share_visits_by_share').on('share_visits').columns(['share_id', 'at']).execute();
  await db.schema.createIndex('share_visits_by_member').on('share_visits').columns(['member_id', 'at']).execute();

  await db.schema
    .createTable('member_share_touches')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id'))
    .addColumn('first_share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('order_attributions')
    .addColumn('order_id', idType, (c) => c.primaryKey().references('orders.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('sharer_member_id', idType, (c) => c.references('members.id'))
    .addColumn('sharer_staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(kinds))
    .addColumn('target_id', idType)
    .addColumn('channel', 'text', (c) => c.notNull().check(channels('channel')))
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_attributions_by_member').on('order_attributions').columns(['member_id', 'created_at']).execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', idType, id)
    .addColumn('inviter_member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('invitee_member_id', idType, (c) => c.notNull().unique().references('members.id'))
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('bound', 'pending', 'granted', 'cancelled', 'withheld', 'over_cap', 'void')`),
    )
    .addColumn('reason', 'text')
    .addColumn('reward', 'text', (c) => c.notNull())
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('due_at', 'text')
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('bound_date', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .addColumn('withheld_by_staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('client_key', 'text')
    .addCheckConstraint('invitations_not_self', sql`inviter_member_id <> invitee_member_id`)
    .addCheckConstraint('invitations_pending_has_order', sql`status <> 'pending' or (order_id is not null and due_at is not null)`)
    .execute();
  await db.schema.createIndex('invitations_by_inviter').on('invitations').columns(['inviter_member_id', 'bound_at']).execute();
  await db.schema.createIndex('invitations_due').on('invitations').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('invitations_by_order').on('invitations').columns(['order_id']).execute();
  await db.schema.createIndex('invitations_by_month').on('invitations').columns(['bound_date', 'inviter_member_id']).execute();

  await db.schema
    .createTable('invitation_daily_counts')
    .addColumn('inviter_member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('bound', 'integer', (c) => c.notNull().defaultTo(0).check(sql`bound >= 0`))
    .addPrimaryKeyConstraint('invitation_daily_counts_pk', ['inviter_member_id', 'business_date'])
    .execute();

  await db.schema
    .createTable('share_code_images')
    .addColumn('share_id', 'text', (c) => c.primaryKey().references('shares.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('png_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Invitation rewards are a reason of their own in the points ledger.
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
    "$reason in ('check_in', 'adjustment', 'order', 'task', 'checkout', 'checkout_return', 'order_refund', 'expiry', 'mall_redemption', 'mall_return', 'birthday_gift', 'invitation')",
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('share_code_images').execute();
  await db.schema.dropTable('invitation_daily_counts').execute();
  await db.schema.dropTable('invitations').execute();
  await db.schema.dropTable('order_attributions').execute();
  await db.schema.dropTable('member_share_touches').execute();
  await db.schema.dropTable('share_visits').execute();
  await db.schema.dropTable('shares').execute();
}
