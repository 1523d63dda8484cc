import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { DistributionService } from './distribution.service.js';

/** Settles commission past its refund window and asks again about unanswered payouts every `intervalMs` (default 10 minutes). */
export function startDistributionJob(deps: { distribution: DistributionService; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 10 * 60_000, async () => {
    try {
      const settled = await deps.distribution.settleDue();
      const retried = await deps.distribution.retryPayouts();
      if (settled + retried > 0) deps.logger.info({ settled, retried }, 'distribution: commission settled, payouts asked again');
    } catch (err) {
      deps.logger.error({ err }, 'distribution job failed');
    }
  });
}
