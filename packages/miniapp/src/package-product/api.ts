/**
 * The API as package-product's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, call, get, id } from '../api/client';
import { product, removeFavourite, issueShare } from '../api/sub-shared';

export const api = {
  ...main,
  product,
  removeFavourite,
  issueShare,
  /** Claimable coupons that apply to one product (the coupon row of the product page). */
  productCoupons: (productId: number) => get('/api/v1/products/{id}/coupons', { path: id(productId) }),
  favouriteState: (productId: number) => get('/api/v1/me/favourites/{productId}', { path: { productId } }),
  addFavourite: (productId: number, idempotencyKey: string) =>
    call('put', '/api/v1/me/favourites/{productId}', { path: { productId }, idempotencyKey }),
  /** 赚 ¥x on a product page: null for members who are not active distributors. */
  productEarning: (productId: number) => get('/api/v1/products/{id}/earning', { path: id(productId) }),
};
