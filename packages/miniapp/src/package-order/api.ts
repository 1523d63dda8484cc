/**
 * The API as package-order's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type BodyOf, type QueryOf, get, post, id } from '../api/client';
import { addresses, wallet } from '../api/sub-shared';

export const api = {
  ...main,
  addresses,
  wallet,
  // -- checkout and orders ----------------------------------------------------------------------------------------
  /** `couponIds`: omit to let the server choose the best allowed combination, [] for none, or exactly these. `usePoints`: pay part with points. */
  checkoutPreview: (body: BodyOf<'/api/v1/checkout/preview', 'post'>) => post('/api/v1/checkout/preview', { body }),
  createOrder: (body: BodyOf<'/api/v1/orders', 'post'>, idempotencyKey: string) => post('/api/v1/orders', { body, idempotencyKey }),
  orders: (query: QueryOf<'/api/v1/orders'> = {}) => get('/api/v1/orders', { query }),
  cancelOrder: (orderId: number, idempotencyKey: string, reason?: string) =>
    post('/api/v1/orders/{id}/cancel', { path: id(orderId), idempotencyKey, ...(reason ? { body: { reason } } : {}) }),
  confirmReceipt: (orderId: number, idempotencyKey: string) => post('/api/v1/orders/{id}/confirm-receipt', { path: id(orderId), idempotencyKey }),
  requestRefund: (orderId: number, body: BodyOf<'/api/v1/orders/{id}/refunds', 'post'>, idempotencyKey: string) =>
    post('/api/v1/orders/{id}/refunds', { path: id(orderId), body, idempotencyKey }),
  /** What a refund would come to (the server's rules; nothing written). */
  refundPreview: (orderId: number, body: BodyOf<'/api/v1/orders/{id}/refunds/preview', 'post'>) =>
    post('/api/v1/orders/{id}/refunds/preview', { path: id(orderId), body }),
};
