/**
 * The API as package-wallet's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type BodyOf, type QueryOf, get, post } from '../api/client';
import { wallet } from '../api/sub-shared';

export const api = {
  ...main,
  wallet,
  walletLedger: (query: QueryOf<'/api/v1/me/wallet/ledger'> = {}) => get('/api/v1/me/wallet/ledger', { query }),
  /** A top-up awaiting payment: pay its order (orderId) with payOrder. */
  createTopUp: (body: BodyOf<'/api/v1/me/wallet/top-ups', 'post'>, idempotencyKey: string) =>
    post('/api/v1/me/wallet/top-ups', { body, idempotencyKey }),
  memberCode: () => get('/api/v1/me/member-code'),
};
