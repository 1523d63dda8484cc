import Taro from '@tarojs/taro';
// Types only: the contract's generated types and the error codes; zod must never reach the bundle.
import type { ErrorBody, ErrorCode, FieldIssue } from '@siyu/shared';
import type { paths } from '@siyu/shared/api-types';
import type { PathsWithMethod, SuccessResponseJSON } from 'openapi-typescript-helpers';
import { API_BASE } from '../env';
import { t } from '../i18n/zh-CN';
import { randomId } from '../lib/random';

/** Error codes the API answers with, plus the two the client itself can produce. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed call: the API's `{ error: { code, message, details? }, requestId }`, or a network failure. */
export class ApiError extends Error {
  readonly isApiError = true;
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Works across realms and ES5-compiled subclasses of Error, where instanceof is unreliable. */
export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && (e as { isApiError?: unknown }).isApiError === true;
}

/**
 * How the client gets a session token. The session store installs this (see stores/session-store.ts);
 * keeping it injected avoids a cycle between the client and the store.
 */
export interface AuthHandlers {
  /** The current token, logging in first if there is none. */
  getToken(): Promise<string>;
  /** The server refused `rejected`: log in again (once, however many calls ask) and give the new token. */
  renewToken(rejected: string): Promise<string>;
}

let auth: AuthHandlers | null = null;

export function setAuthHandlers(handlers: AuthHandlers): void {
  auth = handlers;
}

/** A fresh idempotency key for one user action. Keep it and pass it again if that same action is retried. */
export function newIdempotencyKey(): string {
  return randomId(16);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method: Method;
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** Send the member's token (and recover from an expired one). Default true. */
  authenticated?: boolean;
  /** Required on mutating calls: the same key for retries of the same user action. */
  idempotencyKey?: string;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return `${API_BASE}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

async function send(opts: RequestOptions, token: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  if (opts.idempotencyKey) header['Idempotency-Key'] = opts.idempotencyKey;
  // wx.request and tt.request have no PATCH, and older Alipay base libraries send only GET and POST: every platform
  // sends PUT, PATCH and DELETE as a POST naming the method, which the API routes as that method.
  const method = opts.method === 'GET' || opts.method === 'POST' ? opts.method : 'POST';
  if (method !== opts.method) header['X-HTTP-Method-Override'] = opts.method;
  try {
    const res = await Taro.request({
      url: buildUrl(opts.path, opts.query),
      method,
      header,
      data: opts.body,
      dataType: 'json',
      timeout: 15_000,
    });
    return { statusCode: res.statusCode, data: res.data };
  } catch (err) {
    // Alipay's my.request fails (error 19) on any non-2xx status but still carries the response.
    const e = err as { status?: unknown; statusCode?: unknown; data?: unknown; errMsg?: string; errorMessage?: string };
    const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 0;
    if (status >= 400 && e.data !== undefined) return { statusCode: status, data: parseMaybeJson(e.data) };
    throw new ApiError(0, 'NETWORK_ERROR', e?.errMsg ?? e?.errorMessage ?? String(err));
  }
}

function parseMaybeJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function errorOf(res: RawResponse): ApiError {
  const body = parseMaybeJson(res.data) as Partial<ErrorBody> | null;
  const error = body && typeof body === 'object' ? body.error : undefined;
  if (error && typeof error.code === 'string') {
    return new ApiError(res.statusCode, error.code, error.message ?? error.code, error.details, body?.requestId);
  }
  return new ApiError(res.statusCode, 'BAD_RESPONSE', `unexpected ${res.statusCode} response`);
}

/** One API call: JSON in and out, the member's token, one silent re-login on an expired session. */
export async function request<T>(opts: RequestOptions): Promise<T> {
  const authenticated = opts.authenticated !== false;
  if (authenticated && !auth) throw new Error('api client used before the session store installed its auth handlers');
  let token = authenticated ? await auth!.getToken() : null;
  let res = await send(opts, token);
  if (authenticated && res.statusCode === 401 && errorOf(res).code === 'UNAUTHENTICATED') {
    token = await auth!.renewToken(token!);
    res = await send(opts, token); // the same idempotency key: it is the same user action
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return parseMaybeJson(res.data) as T;
  throw errorOf(res);
}

/** An image of ours as the API stores it (`/uploads/…`) made loadable from the app; https URLs as they are. */
export function mediaUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return url.startsWith('/') ? `${API_BASE}${url}` : url;
}

/**
 * Uploads the member's chosen avatar (a local file: a temporary path, a blob: URL on H5) to POST /api/v1/me/avatar
 * (multipart, field `file`) and answers the stored image's path, for PATCH /me/profile's avatarUrl.
 */
export async function uploadAvatar(localPath: string): Promise<{ path: string }> {
  if (!auth) throw new Error('api client used before the session store installed its auth handlers');
  const attempt = async (token: string) => {
    try {
      const res = await Taro.uploadFile({
        url: buildUrl('/api/v1/me/avatar'),
        filePath: localPath,
        name: 'file',
        header: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      });
      return { statusCode: res.statusCode, data: parseMaybeJson(res.data) } as RawResponse;
    } catch (err) {
      const e = err as { errMsg?: string; errorMessage?: string };
      throw new ApiError(0, 'NETWORK_ERROR', e?.errMsg ?? e?.errorMessage ?? String(err));
    }
  };
  let token = await auth.getToken();
  let res = await attempt(token);
  if (res.statusCode === 401 && errorOf(res).code === 'UNAUTHENTICATED') {
    token = await auth.renewToken(token);
    res = await attempt(token);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) {
    const key = (res.data as { key?: unknown } | null)?.key;
    if (typeof key === 'string') return { path: `/uploads/${key}` };
    throw new ApiError(res.statusCode, 'BAD_RESPONSE', 'the upload answered no key');
  }
  throw errorOf(res);
}

// -- the contract's types, for every call below (generated from the API's OpenAPI document; zero runtime) ---------
type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, V extends Verb> = paths[P] extends Record<V, infer O> ? O : never;
type ParamsOf<O> = O extends { parameters: infer X } ? X : never;
/** The query a GET endpoint takes, as the contract types it. */
export type QueryOf<P extends PathsWithMethod<paths, 'get'>> = NonNullable<ParamsOf<Op<P, 'get'>> extends { query?: infer Q } ? Q : never>;
/** The JSON body an endpoint takes. */
export type BodyOf<P extends keyof paths, V extends Verb> =
  Op<P, V> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** What an endpoint answers (its 2xx JSON body; null for a 204). */
export type AnswerOf<P extends keyof paths, V extends Verb> = [SuccessResponseJSON<Op<P, V> & Record<string | number, unknown>>] extends [never]
  ? null
  : SuccessResponseJSON<Op<P, V> & Record<string | number, unknown>>;

interface CallOptions<P extends keyof paths, V extends Verb> {
  path?: ParamsOf<Op<P, V>> extends { path?: infer X } ? X : never;
  query?: ParamsOf<Op<P, V>> extends { query?: infer Q } ? Q : never;
  body?: BodyOf<P, V>;
  /** Send the member's token (and recover from an expired one). Default true. */
  authenticated?: boolean;
  /** Required on mutating calls: the same key for retries of the same user action. */
  idempotencyKey?: string;
}

/** One call by the contract: `path` as the contract names it (`/api/v1/orders/{id}`), its parameters, body and answer typed by it. */
export function call<V extends Verb, P extends PathsWithMethod<paths, V>>(
  verb: V,
  path: P,
  options: CallOptions<P, V> = {},
): Promise<AnswerOf<P, V>> {
  const params = (options.path ?? {}) as Record<string, string | number>;
  return request({
    ...options,
    method: verb.toUpperCase() as Method,
    path: String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name]))),
    query: options.query as RequestOptions['query'],
  });
}

/** What a checkout buys: the selected cart lines, or these SKUs now ("buy now"). Never prices. */
export type CheckoutSource = { fromCart: true } | { items: NonNullable<BodyOf<'/api/v1/checkout/preview', 'post'>['items']> };

/** An address as the shopper types it (POST /addresses; PATCH takes any part). */
export type AddressInput = BodyOf<'/api/v1/addresses', 'post'>;

/** The ledger's filters and cursor (GET /points/ledger). */
export type PointsLedgerParams = Omit<QueryOf<'/api/v1/points/ledger'>, 'cursor'> & { cursor?: number | null };

/** GET /points/tasks. */
export type PointsTaskList = AnswerOf<'/api/v1/points/tasks', 'get'>;

/**
 * The field-level problems of a 400 VALIDATION_FAILED, keyed by field ("phone", "body.phone" -> "phone"), in words
 * chosen by each issue's code and params (t.issues), never by its English message.
 */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e) || e.code !== 'VALIDATION_FAILED') return out;
  const issues = (e.details as { issues?: Partial<FieldIssue>[] } | undefined)?.issues;
  for (const issue of Array.isArray(issues) ? issues : []) {
    if (typeof issue.field !== 'string') continue;
    const field = issue.field.replace(/^body\./, '');
    const words = issue.code === 'unknown_region' ? () => t.region.unknown : (t.issues[String(issue.code)] ?? (() => t.address.errors.server));
    if (!(field in out)) out[field] = words(issue.params ?? {});
  }
  return out;
}

export const get = <P extends PathsWithMethod<paths, 'get'>>(path: P, options?: CallOptions<P, 'get'>) => call('get', path, options);
export const post = <P extends PathsWithMethod<paths, 'post'>>(path: P, options?: CallOptions<P, 'post'>) => call('post', path, options);
export const id = (value: number) => ({ id: value });

/** The member endpoints of /api/v1, typed by the contract. */
export const api = {
  login: (body: BodyOf<'/api/v1/auth/login', 'post'>) => post('/api/v1/auth/login', { body, authenticated: false }),

  me: () => get('/api/v1/me'),

  /** The proof from the platform's phone-number button (the session's platform's shape: code / response / encryptedData+iv). */
  bindPhone: (body: BodyOf<'/api/v1/me/phone', 'post'>, idempotencyKey: string) => post('/api/v1/me/phone', { body, idempotencyKey }),

  checkInStatus: (month?: string) => get('/api/v1/check-in/status', { query: { month } }),

  checkIn: (idempotencyKey: string) => post('/api/v1/check-in', { body: {}, idempotencyKey }),

  /** Make up (补签) a missed day of the current cycle. */
  checkInMakeUp: (date: string, idempotencyKey: string) => post('/api/v1/check-in/make-up', { body: { date }, idempotencyKey }),

  /** Available, pending (orders inside their refund window), debt and the next expiries. */
  pointsSummary: () => get('/api/v1/points'),

  myTier: () => get('/api/v1/tiers/me'),

  // -- catalog (public) -------------------------------------------------------------------------------------------
  categories: () => get('/api/v1/categories', { authenticated: false }),

  storefront: () => get('/api/v1/storefront', { authenticated: false }),

  products: (query: QueryOf<'/api/v1/products'> = {}) => get('/api/v1/products', { query, authenticated: false }),

  // -- cart ---------------------------------------------------------------------------------------------------------
  cart: () => get('/api/v1/cart'),

  addCartLine: (body: BodyOf<'/api/v1/cart/lines', 'post'>, idempotencyKey: string) => post('/api/v1/cart/lines', { body, idempotencyKey }),

  updateCartLine: (lineId: number, body: BodyOf<'/api/v1/cart/lines/{id}', 'patch'>, idempotencyKey: string) =>
    call('patch', '/api/v1/cart/lines/{id}', { path: id(lineId), body, idempotencyKey }),

  removeCartLine: (lineId: number, idempotencyKey: string) => call('delete', '/api/v1/cart/lines/{id}', { path: id(lineId), idempotencyKey }),

  selectAllCartLines: (selected: boolean, idempotencyKey: string) => call('put', '/api/v1/cart/selection', { body: { selected }, idempotencyKey }),

  memberPrices: (body: BodyOf<'/api/v1/checkout/member-prices', 'post'>) => post('/api/v1/checkout/member-prices', { body }),

  order: (orderId: number) => get('/api/v1/orders/{id}', { path: id(orderId) }),

  myMemberCard: () => get('/api/v1/member-cards/me'),

  claimCoupon: (templateId: number, idempotencyKey: string) => post('/api/v1/coupons/claim', { body: { templateId }, idempotencyKey }),

  /** usable: available or held by an unpaid order, soonest to expire first. */
  coupons: (query: QueryOf<'/api/v1/coupons'>) => get('/api/v1/coupons', { query }),

  // -- payments and refunds --------------------------------------------------------------------------------------
  payOrder: (orderId: number, idempotencyKey: string) => post('/api/v1/orders/{id}/pay', { path: id(orderId), body: {}, idempotencyKey }),
  /** Asks the server to query the platform for the order's payment (when the notification is late); returns the order. */
  refreshPaymentStatus: (orderId: number) => post('/api/v1/orders/{id}/payment-status', { path: id(orderId), body: {} }),

  /** How many orders each tab of the order list shows. */
  orderCounts: () => get('/api/v1/orders/counts'),

  // -- the member centre: profile, my data, closing the account (decision 019) --------------------------------------
  /** Nickname, avatar, gender, birthday (birthdayLocked once set) and the bound phone masked. */
  profile: () => get('/api/v1/me/profile'),

  unreadMessages: () => get('/api/v1/me/messages/unread-count'),
  /** Which templates to pass to the platform's subscription prompt at this moment (empty: do not ask). */
  subscriptionAsk: (query: QueryOf<'/api/v1/me/message-subscriptions'>) => get('/api/v1/me/message-subscriptions', { query }),
  recordConsents: (body: BodyOf<'/api/v1/me/message-consents', 'post'>, idempotencyKey: string) =>
    post('/api/v1/me/message-consents', { body, idempotencyKey }),
  /** The app was opened with a share id and a session was already open (a login carries it otherwise). */
  recordLanding: (body: BodyOf<'/api/v1/shares/landings', 'post'>) => post('/api/v1/shares/landings', { body }),
  /** The shopping guide the member is bound to (the home page's guide card), or null. */
  myGuide: () => get('/api/v1/distribution/guide'),
};
