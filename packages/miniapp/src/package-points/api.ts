/**
 * The API as package-points's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type BodyOf, type PointsLedgerParams, type QueryOf, get, post, id } from '../api/client';
import { addresses } from '../api/sub-shared';

export const api = {
  ...main,
  addresses,
  /** Newest first; `direction` in: credits, out: debits; `kind` and `reason` narrow it further. */
  pointsLedger: (params: PointsLedgerParams = {}) =>
    get('/api/v1/points/ledger', { query: { ...params, limit: params.limit ?? 20, cursor: params.cursor ?? undefined } }),
  /** One-off tasks that pay points, and which the member has done. */
  pointsTasks: () => get('/api/v1/points/tasks'),
  // -- points mall ------------------------------------------------------------------------------------------------
  /** Items as this member sees them: can they redeem each now, and why not. */
  mallItems: (query: QueryOf<'/api/v1/points-mall/items'> = {}) => get('/api/v1/points-mall/items', { query }),
  mallItem: (itemId: number) => get('/api/v1/points-mall/items/{id}', { path: id(itemId) }),
  /** Points only: done at once. Points plus cash: awaiting_payment with `orderId`, paid like an order. */
  redeemMallItem: (body: BodyOf<'/api/v1/points-mall/redemptions', 'post'>, idempotencyKey: string) =>
    post('/api/v1/points-mall/redemptions', { body, idempotencyKey }),
  mallRedemptions: (query: QueryOf<'/api/v1/points-mall/redemptions'> = {}) => get('/api/v1/points-mall/redemptions', { query }),
  mallRedemption: (redemptionId: number) => get('/api/v1/points-mall/redemptions/{id}', { path: id(redemptionId) }),
  /** Withdraws a redemption whose cash part is unpaid: points and stock come back, it is closed. */
  withdrawRedemption: (redemptionId: number, idempotencyKey: string) =>
    post('/api/v1/points-mall/redemptions/{id}/cancel', { path: id(redemptionId), idempotencyKey }),
};
