import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Coupons (docs/decisions/014-coupons.md).
 *
 * - `coupon_templates`: what the merchant defines. `claimed_count` is raised by a conditional update and checked
 *   against `total_stock` (invariant 2: the total never exceeds the stock, however many claim at once).
 * - `coupons`: a member's coupon, with the template's rule copied at claim (editing a template never changes coupons
 *   already claimed). `claim_seq` numbers a member's coupons of one template 1, 2, … and is unique per (template,
 *   member) and at most the per-member limit in force when claimed: parallel claims past the limit collide or fail the
 *   CHECK (invariant 2). An order takes a coupon by one conditional update from `available`, so one coupon serves one
 *   order. A (source, source_ref) pair — a targeted issue job, a redemption code, a new-member pack — issues at most
 *   once per member and template.
 * - `coupon_code_batches` / `coupon_codes`: redemption codes, each redeemed once.
 * - `coupon_issue_jobs` / `coupon_issue_results`: targeted issuing with a result per member (issued, or skipped and why).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const kinds = sql`('threshold_off', 'no_threshold_off', 'percent_off', 'free_shipping')`;

  await db.schema
    .createTable('coupon_templates')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${kinds}`))
    .addColumn('amount_fen', 'bigint', (c) => c.check(sql`amount_fen > 0`))
    .addColumn('percent_off_bp', 'integer', (c) => c.check(sql`percent_off_bp between 1 and 9999`))
    .addColumn('cap_fen', 'bigint', (c) => c.check(sql`cap_fen >= 0`))
    .addColumn('threshold_fen', 'bigint', (c) => c.notNull().check(sql`threshold_fen >= 0`))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('min_tier_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stacking', 'text', (c) => c.notNull())
    .addColumn('validity_type', 'text', (c) => c.notNull().check(sql`validity_type in ('fixed', 'relative')`))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('valid_days', 'integer')
    .addColumn('starts_next_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_stock', 'bigint', (c) => c.check(sql`total_stock >= 1`))
    .addColumn('per_member_limit', 'integer', (c) => c.notNull().check(sql`per_member_limit between 1 and 100`))
    .addColumn('public', 'integer', (c) => c.notNull().check(sql`public in (0, 1)`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'active', 'paused', 'ended')`))
    .addColumn('claimed_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('used_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', idType, (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('coupon_templates_stock', sql`claimed_count >= 0 and (total_stock is null or claimed_count <= total_stock)`)
    .addCheckConstraint('coupon_templates_used', sql`used_count >= 0 and used_count <= claimed_count`)
    .addCheckConstraint(
      'coupon_templates_validity',
      sql`(validity_type = 'fixed' and valid_from is not null and valid_until is not null and valid_from < valid_until) or (validity_type = 'relative' and valid_days >= 1)`,
    )
    .execute();
  await db.schema.createIndex('coupon_templates_status').on('coupon_templates').columns(['status', 'id']).execute();

  await db.schema
    .createTable('coupons')
    .addColumn('id', idType, id)
    .addColumn('template_id', idType, (c) => c.notNull().references('coupon_templates.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('claim_seq', 'integer', (c) => c.notNull())
    .addColumn('per_member_limit', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${kinds}`))
    .addColumn('amount_fen', 'bigint')
    .addColumn('percent_off_bp', 'integer')
    .addColumn('cap_fen', 'bigint')
    .addColumn('threshold_fen', 'bigint', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('min_tier_level', 'integer', (c) => c.notNull())
    .addColumn('stacking', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('available', 'locked', 'used')`))
    .addColumn('order_id', idType)
    .addColumn('used_at', 'text')
    .addColumn('discount_fen', 'bigint', (c) => c.check(sql`discount_fen >= 0`))
    .addColumn('order_paid_fen', 'bigint', (c) => c.check(sql`order_paid_fen >= 0`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('claim', 'new_member', 'targeted', 'code', 'gift')`))
    .addColumn('source_ref', 'text')
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('coupons_claim_seq', ['template_id', 'member_id', 'claim_seq'])
    .addCheckConstraint('coupons_within_limit', sql`claim_seq between 1 and per_member_limit`)
    .addCheckConstraint('coupons_order', sql`(status = 'available') = (order_id is null)`)
    .addCheckConstraint('coupons_used', sql`(status = 'used') = (used_at is not null)`)
    .execute();
  await db.schema.createIndex('coupons_member').on('coupons').columns(['member_id', 'status', 'valid_until']).execute();
  await db.schema.createIndex('coupons_template').on('coupons').columns(['template_id', 'status']).execute();
  await db.schema.createIndex('coupons_order').on('coupons').column('order_id').execute();
  await sql`create unique index coupons_source_once on coupons (template_id, member_id, source, source_ref) where source_ref is not null`.execute(db);

  await db.schema
    .createTable('coupon_code_batches')
    .addColumn('id', idType, id)
    .addColumn('template_id', idType, (c) => c.notNull().references('coupon_templates.id'))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count between 1 and 10000`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', idType, (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('coupon_codes')
    .addColumn('id', idType, id)
    .addColumn('batch_id', idType, (c) => c.notNull().references('coupon_code_batches.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('redeemed_by', idType, (c) => c.references('members.id'))
    .addColumn('redeemed_at', 'text')
    .addCheckConstraint('coupon_codes_redeemed', sql`(redeemed_by is null) = (redeemed_at is null)`)
    .execute();
  await db.schema.createIndex('coupon_codes_batch').on('coupon_codes').columns(['batch_id', 'id']).execute();

  await db.schema
    .createTable('coupon_issue_jobs')
    .addColumn('id', idType, id)
    .addColumn('template_id', idType, (c) => c.notNull().references('coupon_templates.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`))
    .addColumn('error', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('created_by', idType, (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('coupon_issue_jobs_template').on('coupon_issue_jobs').columns(['template_id', 'id']).execute();
  await db.schema
    .createTable('coupon_issue_results')
    .addColumn('id', idType, id)
    .addColumn('job_id', idType, (c) => c.notNull().references('coupon_issue_jobs.id'))
    .addColumn('member_id', idType, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('issued', 'skipped')`))
    .addColumn('reason', 'text')
    .addColumn('coupon_id', idType)
    .addUniqueConstraint('coupon_issue_results_once', ['job_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['coupon_issue_results', 'coupon_issue_jobs', 'coupon_codes', 'coupon_code_batches', 'coupons', 'coupon_templates']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
