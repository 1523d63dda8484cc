export const MAX_CART_LINES = 100;
export const CART_LINE_PROBLEMS = ['off_shelf', 'out_of_stock', 'insufficient_stock', 'price_changed'] as const;
