import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { OrdersService } from './orders.service.js';

/**
 * Runs closeExpiredOrders every `intervalMs`. Running in several processes is safe too (each order is closed by one
 * guarded transition).
 */
export function startOrderExpiryJob(deps: { orders: OrdersService; clock: Clock; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 30_000, () =>
    deps.orders
      .closeExpiredOrders(deps.clock.now())
      .then(({ closed }) => {
        if (closed > 0) deps.logger.info({ closed }, 'closed expired unpaid orders');
      })
      .catch((err) => deps.logger.error({ err }, 'closing expired orders failed')),
  );
}
