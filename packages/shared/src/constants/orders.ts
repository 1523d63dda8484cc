/**
 * Stated maxima of one order, enforced on input and by the database: lines per order, units per line (the cart's
 * quantity limit), and the goods total (the largest amount the contracts accept, ¥10,000,000.00).
 */
export const ORDER_LIMITS = { maxLines: 50, maxQuantityPerLine: 99, maxItemsFen: 1_000_000_000 } as const;
export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
export const BREAKDOWN_KINDS = ['items', 'shipping', 'discount'] as const;
export const ACTOR_TYPES = ['member', 'staff', 'system', 'platform'] as const;
