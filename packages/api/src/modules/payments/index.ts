export { createPaymentsService, type PaymentsService, type ReconcileOutcome } from './payments.service.js';
export { createRefundsService, refundsForOrder, type RefundsService } from './refunds.service.js';
export { createPaymentsOrderParticipant } from './payments.participant.js';
export {
  createPaymentExceptionsService,
  exceptionRefundNo,
  type PaymentExceptionsService,
  type ExceptionRefundOutcome,
} from './payment-exceptions.service.js';
export { paymentRoutes, paymentNotifyRoutes } from './payments.routes.js';
export { refundRoutes, merchantRefundRoutes } from './refunds.routes.js';
export { merchantPaymentExceptionRoutes } from './payment-exceptions.routes.js';
export { startPaymentExceptionRefundJob } from './payment-exception-refund.job.js';
export { startPaymentQueryJob } from './payment-query.job.js';
export { createPaymentsStatsService, type PaymentsStatsService } from './payments-stats.service.js';
export { merchantOrderPaymentRoutes } from './payments-merchant.routes.js';
export { createPaymentsMemberData } from './payments.member-data.js';
