export {
  createOrdersService,
  DEFAULT_ORDER_SETTINGS,
  ORDER_SETTINGS,
  type OrdersService,
  type MarkOrderPaidInput,
  type MarkOrderPaidOutcome,
  type RefundsReader,
  type ServiceOrderInput,
} from './orders.service.js';
export type {
  Actor,
  CheckoutContext,
  CheckoutLine,
  CheckoutOffer,
  OrderAdjustmentFacts,
  OrderClosedEvent,
  OrderCompletedEvent,
  OrderShippedEvent,
  OrderCreatedEvent,
  OrderFacts,
  OrderLineFacts,
  OrderPaidEvent,
  OrderKind,
  OrderParticipant,
  OrderRefundedEvent,
  RefundRequestedEvent,
  ShelfCheckout,
  ShelfOffer,
  ServiceOrderKind,
  StockReturn,
} from './events.js';
export { ORDER_KINDS, ORDER_STEPS, handlesKind } from './events.js';
export type { RefundLineAmount, RefundReservation } from './order-refunds.js';
export type { OrderPaymentFacts } from './order-views.js';
export { orderRoutes, merchantOrderRoutes } from './orders.routes.js';
export { startOrderExpiryJob } from './order-expiry.job.js';
export { createOrdersStatsService, type OrdersStatsService } from './orders-stats.service.js';
export { anonymiseAddressJson, createOrdersMemberData } from './orders.member-data.js';
