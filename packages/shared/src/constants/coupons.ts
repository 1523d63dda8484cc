/**
 * Coupon kinds: 满减 (amount off at or above a threshold), 无门槛 (amount off, no threshold), 折扣 (percent off,
 * optionally capped, optionally with a threshold) and 包邮 (free shipping). At most one coupon of each kind per order.
 */
export const COUPON_KINDS = ['threshold_off', 'no_threshold_off', 'percent_off', 'free_shipping'] as const;
export const COUPON_TEMPLATE_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
/** Where a member's coupon came from. */
export const COUPON_SOURCES = ['claim', 'new_member', 'targeted', 'code', 'gift'] as const;
export const COUPON_STATUSES = ['available', 'locked', 'used', 'expired'] as const;
export const ISSUE_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
