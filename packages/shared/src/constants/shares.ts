/** What a share points at (decision 034). A guide's share is issued for staff (shopping guides). */
export const SHARE_KINDS = ['product', 'coupon', 'mall_item', 'invitation', 'poster', 'shop', 'guide'] as const;
/** Kinds that name a target (a product, a coupon template, a points-mall item); the others have none. */
export const SHARE_KINDS_WITH_TARGET = ['product', 'coupon', 'mall_item'] as const;
/** How it travelled: the platform's share card, a poster, a scanned mini-program code, a copied link, the timeline. */
export const SHARE_CHANNELS = ['card', 'poster', 'code', 'link', 'timeline'] as const;
/** Share ids are 10 base62 characters (WeChat's code scene takes at most 32). */
export const SHARE_ID_LENGTH = 10;
export const SHARE_ID_PATTERN = /^[0-9A-Za-z]{10}$/;
/** How long a share id lands: 180 days from its issue. */
export const SHARE_TTL_DAYS = 180;
/** An order is attributed to the member's last touch when that touch is at most this many days old. */
export const ORDER_ATTRIBUTION_DAYS = 7;
/** The query parameter (page paths) and the code scene's key that carry a share id. */
export const SHARE_QUERY_KEY = 's';
