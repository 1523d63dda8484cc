/**
 * The API as package-distribution's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type BodyOf, type QueryOf, get, post } from '../api/client';

export const api = {
  ...main,
  // -- distribution (分销中心, decision 036) ---------------------------------------------------------------------------
  /** Status, how to qualify, commission frozen / settled / withdrawn. */
  distribution: () => get('/api/v1/distribution'),
  /** Active at once under the tier or task rule; pending under apply-and-approve; 409 NOT_QUALIFIED otherwise. */
  applyDistribution: (idempotencyKey: string) => post('/api/v1/distribution/apply', { idempotencyKey }),
  distributionCommissions: (query: QueryOf<'/api/v1/distribution/commissions'> = {}) => get('/api/v1/distribution/commissions', { query }),
  distributionTeam: () => get('/api/v1/distribution/team'),
  distributionWithdrawals: (query: QueryOf<'/api/v1/distribution/withdrawals'> = {}) => get('/api/v1/distribution/withdrawals', { query }),
  /** 400 naming amountFen below the minimum; 409 INSUFFICIENT_BALANCE, LIMIT_REACHED (the daily cap). */
  withdraw: (body: BodyOf<'/api/v1/distribution/withdrawals', 'post'>, idempotencyKey: string) =>
    post('/api/v1/distribution/withdrawals', { body, idempotencyKey }),
};
