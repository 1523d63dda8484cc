/**
 * The API as package-coupon's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, get, post, id } from '../api/client';
import { product } from '../api/sub-shared';

export const api = {
  ...main,
  product,
  // -- coupons ----------------------------------------------------------------------------------------------------
  couponCentre: () => get('/api/v1/coupon-centre'),
  /** The server ignores dashes and case in the code. */
  redeemCouponCode: (code: string, idempotencyKey: string) => post('/api/v1/coupons/redeem', { body: { code }, idempotencyKey }),
  coupon: (couponId: number) => get('/api/v1/coupons/{id}', { path: id(couponId) }),
};
