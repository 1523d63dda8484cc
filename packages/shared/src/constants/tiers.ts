/** Why growth moved: a closed list, checked by the database. */
export const GROWTH_REASONS = ['order', 'order_refund', 'check_in', 'task', 'manual', 'merge'] as const;
export const TIER_CHANGE_REASONS = ['upgrade', 'downgrade', 'config'] as const;
