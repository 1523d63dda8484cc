/**
 * The API as package-member's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type BodyOf, call, get, post } from '../api/client';

export const api = {
  ...main,
  // -- tiers ------------------------------------------------------------------------------------------------------
  tiers: () => get('/api/v1/tiers', { authenticated: false }),
  myGrowth: (params: { limit?: number; cursor?: number | null } = {}) =>
    get('/api/v1/tiers/me/growth', { query: { limit: params.limit ?? 20, cursor: params.cursor ?? undefined } }),
  /** Any of the fields; another birthday once one is set: 409 BIRTHDAY_ALREADY_SET. */
  updateProfile: (body: BodyOf<'/api/v1/me/profile', 'patch'>, idempotencyKey: string) =>
    call('patch', '/api/v1/me/profile', { body, idempotencyKey }),
  /** Everything the store holds about the member. */
  myData: () => get('/api/v1/me/data'),
  /** 409 ACCOUNT_HAS_OPEN_ORDERS (details: { orders?, refunds?, redemptions? }) while something is unfinished. */
  closeAccount: (body: BodyOf<'/api/v1/me/close', 'post'>) => post('/api/v1/me/close', { body }),
};
