import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { PointsService } from './points.service.js';

/** Matures pending order points and expires due lots every `intervalMs` (default 10 minutes); safe in several processes. */
export function startPointsJob(deps: { points: PointsService; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 10 * 60_000, async () => {
    try {
      const matured = await deps.points.matureDue();
      const expired = await deps.points.expireDue();
      if (matured + expired > 0) deps.logger.info({ matured, expired }, 'points: matured and expired');
    } catch (err) {
      deps.logger.error({ err }, 'points job failed');
    }
  });
}
