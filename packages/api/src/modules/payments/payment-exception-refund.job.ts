import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { PaymentExceptionsService } from './payment-exceptions.service.js';

/**
 * Runs processQueue every `intervalMs`: payments that arrived for closed orders are refunded. Running in several
 * processes is safe too (each attempt is won by one guarded claim, and the refund number is fixed per exception).
 */
export function startPaymentExceptionRefundJob(deps: { exceptions: PaymentExceptionsService; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 60_000, () =>
    deps.exceptions
      .processQueue()
      .then((tally) => {
        if (Object.values(tally).some((n) => n > 0)) deps.logger.info(tally, 'worked through payments to refund');
      })
      .catch((err) => deps.logger.error({ err }, 'refunding payment exceptions failed')),
  );
}
