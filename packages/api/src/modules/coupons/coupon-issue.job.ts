import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { CouponIssueJobs } from './coupon-issue-jobs.js';

/** Picks up queued issue jobs and jobs whose worker died (its lease ran out), every `intervalMs` (default 30 s). */
export function startCouponIssueJob(deps: { jobs: CouponIssueJobs; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 30_000, () =>
    deps.jobs
      .processQueue()
      .then(() => undefined)
      .catch((err) => deps.logger.error({ err }, 'coupon issue jobs failed')),
  );
}
