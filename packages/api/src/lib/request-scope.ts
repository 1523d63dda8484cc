import { AsyncLocalStorage } from 'node:async_hooks';
import type { MemberGuard, Tx } from './transaction-types.js';

/**
 * An idempotent request's answer, recorded by the first transaction the request commits, in that transaction
 * (lib/idempotency.ts): `open` until then, `recorded` once it committed, `closed` when the request is over.
 */
export interface AnswerInTransaction {
  state: 'open' | 'recorded' | 'closed';
  /** Writes the answer (the work's value, as the route answers it) in the work's transaction. */
  record(trx: Tx, value: unknown): Promise<void>;
}

/** Where the request came in: the origins that are ours for it, and the URL of one of our stored images. */
export interface RequestMedia {
  /** The URL a client loads the stored image `key` from (the public base URL, or the request's origin). */
  url(key: string): string;
  /** Origins whose `/uploads/` URLs are ours (the public base URL and the request's). */
  ownOrigins(): readonly string[];
}

/** What one request knows that code deep in it needs: set by middleware, read by the transaction helper and mappers. */
export interface RequestScope {
  member?: { id: number; guard: MemberGuard };
  answer?: AnswerInTransaction;
  media?: RequestMedia;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** The scope of the request this code runs in, if any (jobs and scripts have none). */
export const currentRequest = (): RequestScope | undefined => requestScope.getStore();

/** Starts a request's own scope (a request made in-process by another must not take on its caller's). */
export function beginRequest<T>(scope: RequestScope, next: () => Promise<T>): Promise<T> {
  return requestScope.run(scope, next);
}

/** Runs `next` (the rest of the request) with what a middleware adds to the request's scope. */
export function withinRequest<T>(add: RequestScope, next: () => Promise<T>): Promise<T> {
  return requestScope.run({ ...requestScope.getStore(), ...add }, next);
}
