import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { PaymentsService } from './payments.service.js';

/**
 * Runs reconcileStuckPayments every `intervalMs` (主动查单): orders still awaiting payment whose trade was opened
 * more than `minAgeMs` ago are checked with the platform, `batch` per run, in case the notification is late or lost.
 * Running in several processes is safe too (a paid trade is applied once, by the notification claim and the guarded
 * transition).
 */
export function startPaymentQueryJob(deps: { payments: PaymentsService; logger: Logger; intervalMs?: number; batch?: number; minAgeMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 60_000, () =>
    deps.payments
      .reconcileStuckPayments({ batch: deps.batch ?? 50, minAgeMs: deps.minAgeMs ?? 60_000 })
      .then((tally) => {
        if (tally.applied > 0 || tally.refused > 0 || tally.unavailable > 0 || tally.failed > 0)
          deps.logger.info(tally, 'queried platforms about unpaid orders');
      })
      .catch((err) => deps.logger.error({ err }, 'querying platforms about unpaid orders failed')),
  );
}
