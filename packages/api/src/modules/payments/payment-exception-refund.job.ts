import type { Logger } from '../../lib/logger.js';
import type { PaymentExceptionsService } from './payment-exceptions.service.js';

/**
 * Runs processQueue every `intervalMs`: payments that arrived for closed orders are refunded. One run at a time in
 * this process; running in several processes is safe too (each attempt is won by one guarded claim, and the refund
 * number is fixed per exception). `stop()` waits for a run in progress.
 */
export function startPaymentExceptionRefundJob(deps: { exceptions: PaymentExceptionsService; logger: Logger; intervalMs?: number }) {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = deps.exceptions
      .processQueue()
      .then((tally) => {
        if (Object.values(tally).some((n) => n > 0)) deps.logger.info(tally, 'worked through payments to refund');
      })
      .catch((err) => deps.logger.error({ err }, 'refunding payment exceptions failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return {
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
