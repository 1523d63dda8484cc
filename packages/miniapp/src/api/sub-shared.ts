/**
 * API calls that several sub-packages make and no main-package page does (decision 031): kept out of the main
 * package's client; each sub-package's `api.ts` adds the ones it uses.
 */
import { type BodyOf, call, get, post, id } from './client';

export const product = (productId: number) => get('/api/v1/products/{id}', { path: id(productId), authenticated: false });

// -- addresses ------------------------------------------------------------------------------------------------
export const addresses = () => get('/api/v1/addresses');

// -- stored value and the member code (decision 039) ---------------------------------------------------------------
export const wallet = () => get('/api/v1/me/wallet');

export const removeFavourite = (productId: number, idempotencyKey: string) =>
  call('delete', '/api/v1/me/favourites/{productId}', { path: { productId }, idempotencyKey });

/** A share id for what is about to be shared (decision 034). */
export const issueShare = (body: BodyOf<'/api/v1/shares', 'post'>) => post('/api/v1/shares', { body });

/** The share's scannable code (the platform's mini-program code; H5: a QR code of the web address). */
export const shareCode = (shareId: string) => get('/api/v1/shares/{shareId}/code', { path: { shareId } });
