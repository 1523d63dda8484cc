import { type Insertable, sql, type Updateable } from 'kysely';
import type { CouponIssueJobsTable, CouponsTable, CouponTemplatesTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll, sumOrZero } from '../../db/aggregates.js';

// ---- templates ----

export async function insertTemplate(db: Executor, row: Insertable<CouponTemplatesTable>): Promise<number> {
  return (await db.insertInto('coupon_templates').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findTemplate(db: Executor, id: number) {
  return db.selectFrom('coupon_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTemplate(db: Executor, id: number, set: Updateable<CouponTemplatesTable>): Promise<boolean> {
  const r = await db.updateTable('coupon_templates').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A status change from one of `from`, decided by the row (a guarded update). */
export async function transitionTemplate(
  db: Executor,
  id: number,
  from: CouponTemplatesTable['status'][],
  to: CouponTemplatesTable['status'],
  at: string,
) {
  const r = await db
    .updateTable('coupon_templates')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function pageTemplates(db: Executor, filter: { status?: CouponTemplatesTable['status'] }, limit: number, offset: number) {
  let q = db.selectFrom('coupon_templates');
  if (filter.status) q = q.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Active public templates whose fixed validity has not ended, for the claim centre. */
export function claimableTemplates(db: Executor, now: string) {
  return db
    .selectFrom('coupon_templates')
    .selectAll()
    .where('status', '=', 'active')
    .where('public', '=', 1)
    .where((eb) => eb.or([eb('validity_type', '=', 'relative'), eb('valid_until', '>', now)]))
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** Takes one from the template's stock: false when it is not active or none is left (invariant 2). */
export async function takeFromStock(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('coupon_templates')
    .set({ claimed_count: sql`claimed_count + 1`, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('total_stock', 'is', null), eb('claimed_count', '<', eb.ref('total_stock'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function countUse(db: Executor, templateId: number, delta: 1 | -1) {
  return db
    .updateTable('coupon_templates')
    .set({ used_count: sql`used_count + ${delta}` })
    .where('id', '=', templateId)
    .execute();
}

// ---- members' coupons ----

export async function insertCoupon(db: Executor, row: Insertable<CouponsTable>): Promise<number> {
  return (await db.insertInto('coupons').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The next claim number of a member for a template (1 for the first). Racing claims collide on the unique key. */
export async function nextClaimSeq(db: Executor, templateId: number, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('coupons')
    .select((eb) => eb.fn.max('claim_seq').as('seq'))
    .where('template_id', '=', templateId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return (row?.seq ?? 0) + 1;
}

export function countMemberClaims(db: Executor, memberId: number, templateIds: number[]) {
  if (templateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coupons')
    .select(['template_id', (eb) => countAll(eb).as('n')])
    .where('member_id', '=', memberId)
    .where('template_id', 'in', templateIds)
    .groupBy('template_id')
    .execute();
}

/** Of these templates, the ones the member holds a coupon of that can be used now (not used, held by no order, not expired). */
export async function templatesHeldUsable(db: Executor, memberId: number, templateIds: number[], now: string): Promise<Set<number>> {
  if (templateIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('coupons')
    .select('template_id')
    .distinct()
    .where('member_id', '=', memberId)
    .where('template_id', 'in', templateIds)
    .where('status', '=', 'available')
    .where('valid_until', '>', now)
    .execute();
  return new Set(rows.map((r) => r.template_id));
}

export function findCoupon(db: Executor, id: number) {
  return db.selectFrom('coupons').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Coupons a checkout may consider: available, or held by an unpaid order (shown as in use). */
export function walletCoupons(db: Executor, memberId: number, now: string) {
  return db
    .selectFrom('coupons')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('status', 'in', ['available', 'locked'])
    .where('valid_until', '>', now)
    .orderBy('valid_until')
    .orderBy('id')
    .limit(200)
    .execute();
}

export async function pageMemberCoupons(
  db: Executor,
  memberId: number,
  view: 'usable' | 'used' | 'expired',
  now: string,
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('coupons').where('member_id', '=', memberId);
  if (view === 'usable') q = q.where('status', 'in', ['available', 'locked']).where('valid_until', '>', now);
  if (view === 'used') q = q.where('status', '=', 'used');
  if (view === 'expired') q = q.where('status', '=', 'available').where('valid_until', '<=', now);
  const ordered = view === 'usable' ? q.selectAll().orderBy('valid_until').orderBy('id') : q.selectAll().orderBy('id', 'desc');
  const [rows, count] = await Promise.all([
    ordered.limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** An order takes a coupon: one conditional update from available (and valid now), so one coupon serves one order. */
export async function lockForOrder(db: Executor, input: { couponId: number; memberId: number; orderId: number; now: string }): Promise<boolean> {
  const r = await db
    .updateTable('coupons')
    .set({ status: 'locked', order_id: input.orderId, updated_at: input.now })
    .where('id', '=', input.couponId)
    .where('member_id', '=', input.memberId)
    .where('status', '=', 'available')
    .where('valid_from', '<=', input.now)
    .where('valid_until', '>', input.now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function releaseForOrder(db: Executor, orderId: number, at: string) {
  return db
    .updateTable('coupons')
    .set({ status: 'available', order_id: null, updated_at: at })
    .where('order_id', '=', orderId)
    .where('status', '=', 'locked')
    .returning(['id'])
    .execute();
}

export function markUsed(db: Executor, input: { couponId: number; orderId: number; discountFen: number; orderPaidFen: number; at: string }) {
  return db
    .updateTable('coupons')
    .set({ status: 'used', used_at: input.at, discount_fen: input.discountFen, order_paid_fen: input.orderPaidFen, updated_at: input.at })
    .where('id', '=', input.couponId)
    .where('order_id', '=', input.orderId)
    .where('status', '=', 'locked')
    .returning(['template_id'])
    .executeTakeFirst();
}

/** A wholly refunded order gives its coupons back while they are still valid. */
export function returnUsed(db: Executor, orderId: number, now: string) {
  return db
    .updateTable('coupons')
    .set({ status: 'available', order_id: null, used_at: null, discount_fen: null, order_paid_fen: null, updated_at: now })
    .where('order_id', '=', orderId)
    .where('status', '=', 'used')
    .where('valid_until', '>', now)
    .returning(['template_id'])
    .execute();
}

export async function templateStats(db: Executor, templateId: number, now: string) {
  const row = await db
    .selectFrom('coupons')
    .select((eb) => [
      countAll(eb).as('claimed'),
      sumOrZero(eb, eb.case().when('status', '=', 'used').then(1).else(0).end()).as('used'),
      sumOrZero(
        eb,
        eb
          .case()
          .when(eb.and([eb('status', '=', 'available'), eb('valid_until', '<=', now)]))
          .then(1)
          .else(0)
          .end(),
      ).as('expired'),
      sumOrZero(eb, eb.case().when('status', '=', 'used').then(eb.ref('discount_fen')).else(0).end()).as('discount'),
      sumOrZero(eb, eb.case().when('status', '=', 'used').then(eb.ref('order_paid_fen')).else(0).end()).as('sales'),
    ])
    .where('template_id', '=', templateId)
    .executeTakeFirstOrThrow();
  return { claimed: row.claimed, used: row.used, expired: row.expired, discount: row.discount, sales: row.sales };
}

// ---- codes ----

export async function insertBatch(db: Executor, row: { template_id: number; count: number; note: string; created_by: number; created_at: string }) {
  return (await db.insertInto('coupon_code_batches').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertCodes(db: Executor, batchId: number, codes: string[]) {
  return db
    .insertInto('coupon_codes')
    .values(codes.map((code) => ({ batch_id: batchId, code })))
    .execute();
}

export function listBatches(db: Executor, templateId: number) {
  return db
    .selectFrom('coupon_code_batches as b')
    .select(['b.id', 'b.template_id', 'b.count', 'b.note', 'b.created_at'])
    .select((eb) =>
      eb
        .selectFrom('coupon_codes as c')
        .select((e) => countAll(e).as('n'))
        .whereRef('c.batch_id', '=', 'b.id')
        .where('c.redeemed_by', 'is not', null)
        .as('redeemed'),
    )
    .where('b.template_id', '=', templateId)
    .orderBy('b.id', 'desc')
    .execute();
}

export function findBatch(db: Executor, id: number) {
  return db.selectFrom('coupon_code_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function codesOfBatch(db: Executor, batchId: number, afterId: number, limit: number) {
  return db
    .selectFrom('coupon_codes')
    .select(['id', 'code', 'redeemed_by', 'redeemed_at'])
    .where('batch_id', '=', batchId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function findCode(db: Executor, code: string) {
  return db
    .selectFrom('coupon_codes')
    .innerJoin('coupon_code_batches', 'coupon_code_batches.id', 'coupon_codes.batch_id')
    .select(['coupon_codes.id', 'coupon_codes.redeemed_by', 'coupon_code_batches.template_id'])
    .where('coupon_codes.code', '=', code)
    .executeTakeFirst();
}

/** A code is redeemed once: a conditional update from unredeemed. */
export async function redeemCode(db: Executor, codeId: number, memberId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('coupon_codes')
    .set({ redeemed_by: memberId, redeemed_at: at })
    .where('id', '=', codeId)
    .where('redeemed_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- targeted issue jobs ----

export async function insertJob(db: Executor, row: Insertable<CouponIssueJobsTable>): Promise<number> {
  return (await db.insertInto('coupon_issue_jobs').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findJob(db: Executor, id: number) {
  return db.selectFrom('coupon_issue_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listJobs(db: Executor, templateId: number) {
  return db.selectFrom('coupon_issue_jobs').selectAll().where('template_id', '=', templateId).orderBy('id', 'desc').limit(50).execute();
}

/** Jobs a worker may take: queued, or running under a lease that ran out (the worker died). */
export async function runnableJobIds(db: Executor, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('coupon_issue_jobs')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('claimed_until', '<=', now)])]))
    .orderBy('id')
    .limit(10)
    .execute();
  return rows.map((r) => r.id);
}

/** Takes a job (or extends the lease on it): from queued, or from running under a lease that ran out or is ours. */
export async function claimJob(db: Executor, id: number, input: { now: string; until: string; renewing: boolean }): Promise<boolean> {
  const r = await db
    .updateTable('coupon_issue_jobs')
    .set({ status: 'running', claimed_until: input.until })
    .where('id', '=', id)
    .where((eb) =>
      input.renewing
        ? eb('status', '=', 'running')
        : eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('claimed_until', '<=', input.now)])]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function finishJob(db: Executor, id: number, set: { status: 'done' | 'failed'; error: string | null; at: string }) {
  return db
    .updateTable('coupon_issue_jobs')
    .set({ status: set.status, error: set.error, finished_at: set.at, claimed_until: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/** One result per member and job: a member already counted by this job (an earlier run) is not issued again. */
export async function recordResult(
  db: Executor,
  row: { job_id: number; member_id: number; outcome: 'issued' | 'skipped'; reason: string | null; coupon_id: number | null },
): Promise<boolean> {
  const r = await db
    .insertInto('coupon_issue_results')
    .values(row)
    .onConflict((oc) => oc.columns(['job_id', 'member_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function resultsDone(db: Executor, jobId: number, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('coupon_issue_results').select('member_id').where('job_id', '=', jobId).where('member_id', 'in', memberIds).execute();
}

export function resultCounts(db: Executor, jobIds: number[]) {
  if (jobIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coupon_issue_results')
    .select(['job_id', 'outcome', 'reason', (eb) => countAll(eb).as('n')])
    .where('job_id', 'in', jobIds)
    .groupBy(['job_id', 'outcome', 'reason'])
    .execute();
}
