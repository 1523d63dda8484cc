/**
 * Payments we must give back: one that arrived for an order already cancelled or expired, or a second payment for a
 * paid order. The server refunds them on its own; staff see the queue and revive the ones it gave up on.
 */
export const PAYMENT_EXCEPTION_KINDS = ['payment_received_after_close', 'duplicate_payment'] as const;
export const PAYMENT_EXCEPTION_STATES = ['refund_pending', 'refunding', 'refund_processing', 'refunded', 'refund_failed'] as const;
