export { createPaymentsService, type PaymentsService } from './payments.service.js';
export { createRefundsService, type RefundsService } from './refunds.service.js';
export { paymentRoutes, paymentNotifyRoutes } from './payments.routes.js';
export { refundRoutes, merchantRefundRoutes } from './refunds.routes.js';
