import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { EventsService } from './events.service.js';

/** Brings the daily rollups up to date and purges raw events past retention every `intervalMs` (default 5 minutes). */
export function startEventsRollupJob(deps: { events: EventsService; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 5 * 60_000, async () => {
    try {
      const { dates, purged } = await deps.events.rollUp();
      if (dates.length + purged > 0) deps.logger.info({ dates: dates.length, purged }, 'events: rollups rebuilt');
    } catch (err) {
      deps.logger.error({ err }, 'events rollup job failed');
    }
  });
}
