/** What an entry did to the balance. */
export const POINTS_KINDS = ['earn', 'spend', 'expire', 'reverse', 'adjust'] as const;
/** Why: a closed list, checked by the database. */
export const POINTS_REASONS = [
  'check_in',
  'adjustment',
  'order',
  'task',
  'checkout',
  'checkout_return',
  'order_refund',
  'expiry',
  'mall_redemption',
  'mall_return',
  'birthday_gift',
  'invitation',
] as const;
export const POINTS_TASKS = ['complete_profile', 'bind_phone', 'first_order'] as const;
