/**
 * The API as package-card's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, get, post, id } from '../api/client';

export const api = {
  ...main,
  // -- the paid membership card -----------------------------------------------------------------------------------
  memberCardOffer: () => get('/api/v1/member-cards'),
  memberCardSavings: () => get('/api/v1/member-cards/me/savings'),
  /** The card's order, then paid like any order (lib/payment.ts); 409 while another card order waits for payment. */
  buyMemberCard: (cardId: number, idempotencyKey: string) =>
    post('/api/v1/member-cards/{id}/purchase', { path: id(cardId), body: {}, idempotencyKey }),
};
