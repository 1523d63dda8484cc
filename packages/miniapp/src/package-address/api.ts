/**
 * The API as package-address's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type AddressInput, type BodyOf, call, get, post, id } from '../api/client';
import { addresses } from '../api/sub-shared';

export const api = {
  ...main,
  addresses,
  address: (addressId: number) => get('/api/v1/addresses/{id}', { path: id(addressId) }),
  createAddress: (body: AddressInput, idempotencyKey: string) => post('/api/v1/addresses', { body, idempotencyKey }),
  updateAddress: (addressId: number, body: BodyOf<'/api/v1/addresses/{id}', 'patch'>, idempotencyKey: string) =>
    call('patch', '/api/v1/addresses/{id}', { path: id(addressId), body, idempotencyKey }),
  deleteAddress: (addressId: number, idempotencyKey: string) => call('delete', '/api/v1/addresses/{id}', { path: id(addressId), idempotencyKey }),
};
