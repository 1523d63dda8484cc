/**
 * Every page path in one place (app.config.ts lists the same pages). Only the four tab pages are in the main package;
 * every other page lives in a sub-package, loaded on first use (docs/decisions/031-main-package-layout.md).
 */
export const ROUTES = {
  home: '/pages/index/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  member: '/pages/member/index',
  checkIn: '/package-check-in/pages/check-in/index',
  search: '/package-product/pages/search/index',
  product: (id: number) => `/package-product/pages/detail/index?id=${id}`,
  checkout: '/package-order/pages/checkout/index',
  orders: (tab?: string) => `/package-order/pages/list/index${tab ? `?tab=${tab}` : ''}`,
  order: (id: number, extra = '') => `/package-order/pages/detail/index?id=${id}${extra}`,
  refund: (orderId: number) => `/package-order/pages/refund/index?id=${orderId}`,
  paySuccess: (orderId: number) => `/package-order/pages/pay-success/index?id=${orderId}`,
  favourites: '/package-favourite/pages/list/index',
  messageCentre: '/package-message/pages/centre/index',
  couponCentre: '/package-coupon/pages/centre/index',
  myCoupons: (tab?: string) => `/package-coupon/pages/mine/index${tab ? `?tab=${tab}` : ''}`,
  coupon: (id: number) => `/package-coupon/pages/detail/index?id=${id}`,
  /** `filter`: all | in | out | expire (see t.points.filters). */
  pointsHistory: (filter?: string) => `/package-points/pages/history/index${filter ? `?filter=${filter}` : ''}`,
  mall: '/package-points/pages/mall/index',
  mallItem: (id: number) => `/package-points/pages/mall-item/index?id=${id}`,
  redemptions: (tab?: string) => `/package-points/pages/redemptions/index${tab ? `?tab=${tab}` : ''}`,
  redemption: (id: number, extra = '') => `/package-points/pages/redemption/index?id=${id}${extra}`,
  benefits: '/package-member/pages/benefits/index',
  growth: '/package-member/pages/growth/index',
  poster: (productId: number) => `/package-share/pages/poster/index?id=${productId}`,
  invite: '/package-invite/pages/index/index',
  profile: '/package-member/pages/profile/index',
  distribution: '/package-distribution/pages/centre/index',
  privacy: '/package-member/pages/privacy/index',
  wallet: '/package-wallet/pages/balance/index',
  memberCode: '/package-wallet/pages/member-code/index',
  /** 开通会员卡 (`extra`: '&paid=1' when a payment page returns here). */
  memberCardBuy: (extra = '') => `/package-card/pages/buy/index${extra ? `?${extra.replace(/^&/, '')}` : ''}`,
  memberCard: '/package-card/pages/mine/index',
  addresses: (select = false) => `/package-address/pages/list/index${select ? '?select=1' : ''}`,
  /** `chooseAndBack`: after saving, pick the address for checkout and go back this many pages (0: just go back). */
  addressEdit: (id?: number, chooseAndBack = 0) => {
    const q = [id ? `id=${id}` : '', chooseAndBack ? `choose=${chooseAndBack}` : ''].filter(Boolean).join('&');
    return `/package-address/pages/edit/index${q ? `?${q}` : ''}`;
  },
} as const;

/** A positive integer from a page query value, or null. */
export function idParam(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
