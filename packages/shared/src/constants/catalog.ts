export const PRODUCT_STATUSES = ['draft', 'on_shelf', 'off_shelf'] as const;
/** How a shopper's product search may be sorted. */
export const PRODUCT_SORTS = ['relevance', 'sales', 'price_asc', 'price_desc', 'newest'] as const;
