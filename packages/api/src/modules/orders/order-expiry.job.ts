import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { OrdersService } from './orders.service.js';

/**
 * Runs closeExpiredOrders every `intervalMs`. One run at a time in this process; running in several
 * processes is safe too (each order is closed by one guarded transition). `stop()` waits for a run in progress.
 */
export function startOrderExpiryJob(deps: { orders: OrdersService; clock: Clock; logger: Logger; intervalMs?: number }) {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = deps.orders
      .closeExpiredOrders(deps.clock.now())
      .then(({ closed }) => {
        if (closed > 0) deps.logger.info({ closed }, 'closed expired unpaid orders');
      })
      .catch((err) => deps.logger.error({ err }, 'closing expired orders failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.intervalMs ?? 30_000);
  timer.unref();
  tick();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
