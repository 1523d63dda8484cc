export const REFUND_STATUSES = ['requested', 'rejected', 'processing', 'succeeded', 'failed'] as const;
/** Order statuses a member may ask a refund in. */
export const REFUNDABLE_ORDER_STATUSES = ['paid', 'shipped', 'completed'] as const;
/** Refunds still open: the platform has not answered yet. */
export const OPEN_REFUND_STATUSES = ['requested', 'processing'] as const;
/** Refunds that hold their lines' units and amounts: open ones and succeeded ones (rejected and failed give them back). */
export const HOLDING_REFUND_STATUSES = ['requested', 'processing', 'succeeded'] as const;
