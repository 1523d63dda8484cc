export const POINTS_MALL_ITEM_KINDS = ['sku', 'coupon', 'virtual'] as const;
export const POINTS_MALL_ITEM_STATUSES = ['on', 'off'] as const;
/** At most this many units in one redemption. */
export const POINTS_MALL_MAX_QUANTITY = 99;
export const POINTS_MALL_REDEMPTION_STATUSES = ['awaiting_payment', 'awaiting_fulfilment', 'fulfilled', 'cancelled', 'closed'] as const;
