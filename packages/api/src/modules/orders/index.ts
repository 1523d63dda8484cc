export {
  createOrdersService,
  DEFAULT_ORDER_SETTINGS,
  type OrdersService,
  type MarkOrderPaidInput,
  type MarkOrderPaidOutcome,
  type OrderPaidEvent,
  type OrderPaidListener,
  type OrderRefundedEvent,
  type OrderRefundedListener,
  type Actor,
  type OrderPaymentFacts,
  type RefundReservation,
  type RefundsReader,
} from './orders.service.js';
export { orderRoutes, merchantOrderRoutes } from './orders.routes.js';
export { startOrderExpiryJob } from './order-expiry.job.js';
export { createOrdersStatsService, type OrdersStatsService } from './orders-stats.service.js';
