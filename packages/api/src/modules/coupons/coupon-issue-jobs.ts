import type { CouponAudience, CouponIssueJob } from '@siyu/shared';
import { CouponAudience as CouponAudienceSchema } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { readJson } from '../../db/json-column.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { MembersService } from '../members/index.js';
import type { OrdersService } from '../orders/index.js';
import type { CouponsService } from './coupons.service.js';
import * as repo from './coupons.repository.js';

type JobRow = NonNullable<Awaited<ReturnType<typeof repo.findJob>>>;

const BATCH = 200;
const LEASE_MS = 2 * 60_000;

export interface CouponIssueJobs {
  run(jobId: number): Promise<void>;
  /**
   * Queues a job and starts it in the background (a periodic sweep also picks up queued and abandoned jobs).
   */
  create(templateId: number, audience: CouponAudience, staffId: number): Promise<CouponIssueJob>;
  job(id: number): Promise<CouponIssueJob>;
  jobs(templateId: number): Promise<{ items: CouponIssueJob[] }>;
  /**
   * Runs every queued job, and every job whose worker's lease ran out.
   */
  processQueue(): Promise<number>;
}

/**
 * Targeted issuing: staff grant a template to chosen members or to everyone matching a filter. A job works through the
 * audience in batches by member id, issuing with the job as the source (so a member gets at most one coupon from a
 * job, however often or however concurrently it runs) and recording one result per member (issued, or skipped and
 * why). A worker holds the job under a lease it renews; a job whose worker died is taken over and carries on.
 */
export function createCouponIssueJobs(deps: {
  db: DB;
  clock: Clock;
  coupons: CouponsService;
  members: MembersService;
  orders: OrdersService;
  tierLevel: (executor: Executor, memberId: number) => Promise<number>;
  logger: Logger;
}): CouponIssueJobs {
  const { db, clock, coupons, members, orders, logger } = deps;

  async function toJob(row: JobRow): Promise<CouponIssueJob> {
    const counts = await repo.resultCounts(db, [row.id]);
    const skippedByReason: Record<string, number> = {};
    let issued = 0;
    let skipped = 0;
    for (const c of counts) {
      if (c.outcome === 'issued') issued += c.n;
      else {
        skipped += c.n;
        skippedByReason[c.reason ?? 'unknown'] = (skippedByReason[c.reason ?? 'unknown'] ?? 0) + c.n;
      }
    }
    return {
      id: row.id,
      templateId: row.template_id,
      status: row.status,
      audience: readJson(row.audience, CouponAudienceSchema, 'coupon_issue_jobs.audience'),
      matched: issued + skipped,
      issued,
      skipped,
      skippedByReason,
      error: row.error,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  /**
   * The next BATCH members of the audience after `afterId`, in id order: `ids` to issue to, `missing` chosen ids with no
   * member, and `scannedUpTo` the last id looked at (members filtered out still move the position on); null at the end.
   */
  async function nextMembers(audience: CouponAudience, afterId: number): Promise<{ ids: number[]; missing: number[]; scannedUpTo: number | null }> {
    if (audience.memberIds) {
      const ids = [...new Set(audience.memberIds)]
        .sort((a, b) => a - b)
        .filter((id) => id > afterId)
        .slice(0, BATCH);
      if (ids.length === 0) return { ids, missing: [], scannedUpTo: null };
      const existing = await members.existingIds(db, ids);
      return { ids: ids.filter((id) => existing.has(id)), missing: ids.filter((id) => !existing.has(id)), scannedUpTo: ids[ids.length - 1]! };
    }
    const f = audience.filter ?? {};
    const scanned = await members.audience(db, { joinedFrom: f.joinedFrom, joinedTo: f.joinedTo, platform: f.platform }, afterId, BATCH);
    if (scanned.length === 0) return { ids: [], missing: [], scannedUpTo: null };
    let ids = scanned;
    if (f.hasOrdered !== undefined) {
      const ordered = await orders.memberIdsWithPaidOrders(db, ids);
      ids = ids.filter((id) => ordered.has(id) === f.hasOrdered);
    }
    if (f.minTierLevel !== undefined) {
      const min = f.minTierLevel;
      const levels = await Promise.all(ids.map((id) => deps.tierLevel(db, id)));
      ids = ids.filter((_, i) => levels[i]! >= min);
    }
    return { ids, missing: [], scannedUpTo: scanned[scanned.length - 1]! };
  }

  async function run(jobId: number): Promise<void> {
    const lease = () => {
      const now = clock.now();
      return { now: now.toISOString(), until: new Date(now.getTime() + LEASE_MS).toISOString() };
    };
    if (!(await repo.claimJob(db, jobId, { ...lease(), renewing: false }))) return;
    const job = (await repo.findJob(db, jobId))!;
    const audience = readJson(job.audience, CouponAudienceSchema, 'coupon_issue_jobs.audience');
    const templateId = job.template_id;
    try {
      let afterId = 0;
      for (;;) {
        const batch = await nextMembers(audience, afterId);
        if (batch.scannedUpTo === null) break;
        for (const memberId of batch.missing) {
          await repo.recordResult(db, { job_id: jobId, member_id: memberId, outcome: 'skipped', reason: 'member_not_found', coupon_id: null });
        }
        const done = new Set((await repo.resultsDone(db, jobId, batch.ids)).map((r) => r.member_id));
        for (const memberId of batch.ids) {
          if (done.has(memberId)) continue;
          await inTransaction(db, async (trx) => {
            const outcome = await coupons.issue(trx, { templateId, memberId, source: 'targeted', sourceRef: `job:${jobId}` });
            await repo.recordResult(trx, {
              job_id: jobId,
              member_id: memberId,
              outcome: outcome.ok ? 'issued' : 'skipped',
              reason: outcome.ok ? null : outcome.reason,
              coupon_id: outcome.ok ? outcome.couponId : null,
            });
          });
        }
        afterId = batch.scannedUpTo;
        if (!(await repo.claimJob(db, jobId, { ...lease(), renewing: true }))) return;
      }
      await repo.finishJob(db, jobId, { status: 'done', error: null, at: clock.now().toISOString() });
    } catch (err) {
      logger.error({ err, jobId }, 'coupon issue job failed');
      await repo.finishJob(db, jobId, {
        status: 'failed',
        error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
        at: clock.now().toISOString(),
      });
    }
  }

  return {
    run,

    /** Queues a job and starts it in the background (a periodic sweep also picks up queued and abandoned jobs). */
    async create(templateId: number, audience: CouponAudience, staffId: number): Promise<CouponIssueJob> {
      const t = await coupons.template(templateId);
      if (t.status !== 'active')
        throw new AppError('INVALID_STATE', `coupon template is ${t.status}; only an active one can be issued`, { status: t.status });
      const id = await repo.insertJob(db, {
        template_id: templateId,
        audience: JSON.stringify(audience),
        status: 'queued',
        error: null,
        claimed_until: null,
        created_by: staffId,
        created_at: clock.now().toISOString(),
        finished_at: null,
      });
      const created = await toJob((await repo.findJob(db, id))!);
      void run(id).catch((err) => logger.error({ err, jobId: id }, 'coupon issue job failed to start'));
      return created;
    },

    async job(id: number): Promise<CouponIssueJob> {
      const row = await repo.findJob(db, id);
      if (!row) throw new AppError('NOT_FOUND', `issue job ${id} not found`);
      return toJob(row);
    },

    async jobs(templateId: number): Promise<{ items: CouponIssueJob[] }> {
      await coupons.template(templateId);
      return { items: await Promise.all((await repo.listJobs(db, templateId)).map(toJob)) };
    },

    /** Runs every queued job, and every job whose worker's lease ran out. */
    async processQueue(): Promise<number> {
      const ids = await repo.runnableJobIds(db, clock.now().toISOString());
      for (const id of ids) await run(id);
      return ids.length;
    },
  };
}
