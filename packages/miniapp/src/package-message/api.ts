/**
 * The API as package-message's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type QueryOf, get, post, id } from '../api/client';

export const api = {
  ...main,
  // -- the message centre and subscription messages (decisions 044, 045) --------------------------------------------
  messages: (query: QueryOf<'/api/v1/me/messages'> = {}) => get('/api/v1/me/messages', { query }),
  readMessage: (messageId: number, idempotencyKey: string) => post('/api/v1/me/messages/{id}/read', { path: id(messageId), idempotencyKey }),
  readAllMessages: (idempotencyKey: string) => post('/api/v1/me/messages/read-all', { idempotencyKey }),
};
