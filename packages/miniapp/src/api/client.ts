import Taro from '@tarojs/taro';
// Types only: the shared package's zod schemas must never reach the bundle.
import type {
  Address,
  BindPhoneRequest,
  BindPhoneResult,
  Cart,
  CategoryTree,
  CheckInMakeUpResult,
  CheckInResult,
  CheckInStatus,
  CheckoutPreview,
  ClaimCentre,
  CloseAccountResult,
  Coupon,
  CouponPage,
  CreateRefundRequest,
  ErrorBody,
  ErrorCode,
  FavouritePage,
  FavouriteState,
  GrowthLedgerPage,
  MemberLoginRequest,
  MemberLoginResponse,
  MemberDataExport,
  MemberProfile,
  MemberProfileUpdate,
  MyTier,
  Order,
  OrderCounts,
  OrderPage,
  OrderStatus,
  PayOrderResponse,
  PointsKind,
  PointsLedgerPage,
  PointsMallItem,
  PointsMallItemKind,
  PointsMallItemPage,
  PointsMallRedemption,
  PointsMallRedemptionPage,
  PointsMallRedemptionStatus,
  PointsReason,
  PointsSummary,
  PointsTask,
  ProductDetail,
  ProductPage,
  ProductSort,
  Refund,
  RefundList,
  TierLadder,
  RefundPreview,
  RefundPreviewRequest,
  Storefront,
} from '@siyu/shared';
import { API_BASE } from '../env';
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
  query?: Record<string, string | number | undefined | null>;
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

/** What a checkout buys: the selected cart lines, or these SKUs now ("buy now"). Never prices. */
export type CheckoutSource = { fromCart: true } | { items: Array<{ skuId: number; quantity: number }> };

/** An address as the shopper types it (POST /addresses; PATCH takes any part). */
export interface AddressInput {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault?: boolean;
}

/** The ledger's filters and cursor (GET /points/ledger). */
export interface PointsLedgerParams {
  limit?: number;
  cursor?: number | null;
  kind?: PointsKind;
  reason?: PointsReason;
  direction?: 'in' | 'out';
}

/** GET /points/tasks (the API declares this shape in its route, not in the shared contracts). */
export interface PointsTaskList {
  items: Array<{ task: PointsTask; points: number; done: boolean }>;
}

/** The field-level problems of a 400 VALIDATION_FAILED, keyed by field ("phone", "body.phone" → "phone"). */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e) || e.code !== 'VALIDATION_FAILED') return out;
  const issues = (e.details as { issues?: Array<{ field?: unknown; message?: unknown }> } | undefined)?.issues;
  for (const issue of Array.isArray(issues) ? issues : []) {
    if (typeof issue.field !== 'string') continue;
    const field = issue.field.replace(/^body\./, '');
    if (!(field in out)) out[field] = typeof issue.message === 'string' ? issue.message : '';
  }
  return out;
}

/** The member endpoints of /api/v1, typed by the shared contracts. */
export const api = {
  login: (body: MemberLoginRequest) => request<MemberLoginResponse>({ method: 'POST', path: '/api/v1/auth/login', body, authenticated: false }),

  me: () => request<MemberProfile>({ method: 'GET', path: '/api/v1/me' }),

  /** The proof from the platform's phone-number button (the session's platform's shape: code / response / encryptedData+iv). */
  bindPhone: (body: BindPhoneRequest, idempotencyKey: string) =>
    request<BindPhoneResult>({ method: 'POST', path: '/api/v1/me/phone', body, idempotencyKey }),

  checkInStatus: (month?: string) => request<CheckInStatus>({ method: 'GET', path: '/api/v1/check-in/status', query: { month } }),

  checkIn: (idempotencyKey: string) => request<CheckInResult>({ method: 'POST', path: '/api/v1/check-in', body: {}, idempotencyKey }),

  /** Make up (补签) a missed day of the current cycle. */
  checkInMakeUp: (date: string, idempotencyKey: string) =>
    request<CheckInMakeUpResult>({ method: 'POST', path: '/api/v1/check-in/make-up', body: { date }, idempotencyKey }),

  /** Newest first; `direction` in: credits, out: debits; `kind` and `reason` narrow it further. */
  pointsLedger: (params: PointsLedgerParams = {}) =>
    request<PointsLedgerPage>({
      method: 'GET',
      path: '/api/v1/points/ledger',
      query: { limit: params.limit ?? 20, cursor: params.cursor, kind: params.kind, reason: params.reason, direction: params.direction },
    }),

  /** Available, pending (orders inside their refund window), debt and the next expiries. */
  pointsSummary: () => request<PointsSummary>({ method: 'GET', path: '/api/v1/points' }),

  /** One-off tasks that pay points, and which the member has done. */
  pointsTasks: () => request<PointsTaskList>({ method: 'GET', path: '/api/v1/points/tasks' }),

  // -- points mall ------------------------------------------------------------------------------------------------
  /** Items as this member sees them: can they redeem each now, and why not. */
  mallItems: (query: { kind?: PointsMallItemKind; page?: number; pageSize?: number } = {}) =>
    request<PointsMallItemPage>({ method: 'GET', path: '/api/v1/points-mall/items', query }),

  mallItem: (id: number) => request<PointsMallItem>({ method: 'GET', path: `/api/v1/points-mall/items/${id}` }),

  /** Points only: done at once. Points plus cash: awaiting_payment with `orderId`, paid like an order. */
  redeemMallItem: (body: { itemId: number; quantity: number; addressId?: number }, idempotencyKey: string) =>
    request<PointsMallRedemption>({ method: 'POST', path: '/api/v1/points-mall/redemptions', body, idempotencyKey }),

  mallRedemptions: (query: { status?: PointsMallRedemptionStatus; page?: number; pageSize?: number } = {}) =>
    request<PointsMallRedemptionPage>({ method: 'GET', path: '/api/v1/points-mall/redemptions', query }),

  mallRedemption: (id: number) => request<PointsMallRedemption>({ method: 'GET', path: `/api/v1/points-mall/redemptions/${id}` }),

  /** Withdraws a redemption whose cash part is unpaid: points and stock come back, it is closed. */
  withdrawRedemption: (id: number, idempotencyKey: string) =>
    request<PointsMallRedemption>({ method: 'POST', path: `/api/v1/points-mall/redemptions/${id}/cancel`, idempotencyKey }),

  // -- tiers ------------------------------------------------------------------------------------------------------
  tiers: () => request<TierLadder>({ method: 'GET', path: '/api/v1/tiers', authenticated: false }),

  myTier: () => request<MyTier>({ method: 'GET', path: '/api/v1/tiers/me' }),

  myGrowth: (params: { limit?: number; cursor?: number | null } = {}) =>
    request<GrowthLedgerPage>({ method: 'GET', path: '/api/v1/tiers/me/growth', query: { limit: params.limit ?? 20, cursor: params.cursor } }),

  // -- catalog (public) -------------------------------------------------------------------------------------------
  categories: () => request<CategoryTree>({ method: 'GET', path: '/api/v1/categories', authenticated: false }),

  storefront: () => request<Storefront>({ method: 'GET', path: '/api/v1/storefront', authenticated: false }),

  products: (
    query: {
      categoryId?: number;
      keyword?: string;
      sort?: ProductSort;
      minPriceFen?: number;
      maxPriceFen?: number;
      page?: number;
      pageSize?: number;
    } = {},
  ) => request<ProductPage>({ method: 'GET', path: '/api/v1/products', query, authenticated: false }),

  product: (id: number) => request<ProductDetail>({ method: 'GET', path: `/api/v1/products/${id}`, authenticated: false }),

  // -- cart ---------------------------------------------------------------------------------------------------------
  cart: () => request<Cart>({ method: 'GET', path: '/api/v1/cart' }),

  addCartLine: (body: { skuId: number; quantity: number }, idempotencyKey: string) =>
    request<Cart>({ method: 'POST', path: '/api/v1/cart/lines', body, idempotencyKey }),

  updateCartLine: (id: number, body: { quantity?: number; selected?: boolean }, idempotencyKey: string) =>
    request<Cart>({ method: 'PATCH', path: `/api/v1/cart/lines/${id}`, body, idempotencyKey }),

  removeCartLine: (id: number, idempotencyKey: string) => request<Cart>({ method: 'DELETE', path: `/api/v1/cart/lines/${id}`, idempotencyKey }),

  selectAllCartLines: (selected: boolean, idempotencyKey: string) =>
    request<Cart>({ method: 'PUT', path: '/api/v1/cart/selection', body: { selected }, idempotencyKey }),

  // -- addresses ------------------------------------------------------------------------------------------------
  addresses: () => request<{ items: Address[] }>({ method: 'GET', path: '/api/v1/addresses' }),

  address: (id: number) => request<Address>({ method: 'GET', path: `/api/v1/addresses/${id}` }),

  createAddress: (body: AddressInput, idempotencyKey: string) =>
    request<Address>({ method: 'POST', path: '/api/v1/addresses', body, idempotencyKey }),

  updateAddress: (id: number, body: Partial<AddressInput>, idempotencyKey: string) =>
    request<Address>({ method: 'PATCH', path: `/api/v1/addresses/${id}`, body, idempotencyKey }),

  deleteAddress: (id: number, idempotencyKey: string) => request<null>({ method: 'DELETE', path: `/api/v1/addresses/${id}`, idempotencyKey }),

  // -- checkout and orders ----------------------------------------------------------------------------------------
  /** `couponIds`: omit to let the server choose the best allowed combination, [] for none, or exactly these. `usePoints`: pay part with points. */
  checkoutPreview: (body: CheckoutSource & { addressId?: number; couponIds?: number[]; usePoints?: boolean }) =>
    request<CheckoutPreview>({ method: 'POST', path: '/api/v1/checkout/preview', body }),

  createOrder: (body: CheckoutSource & { addressId: number; remark?: string; couponIds?: number[]; usePoints?: boolean }, idempotencyKey: string) =>
    request<Order>({ method: 'POST', path: '/api/v1/orders', body, idempotencyKey }),

  orders: (query: { status?: OrderStatus; refund?: 'any'; page?: number; pageSize?: number } = {}) =>
    request<OrderPage>({ method: 'GET', path: '/api/v1/orders', query }),

  order: (id: number) => request<Order>({ method: 'GET', path: `/api/v1/orders/${id}` }),

  cancelOrder: (id: number, idempotencyKey: string, reason?: string) =>
    request<Order>({ method: 'POST', path: `/api/v1/orders/${id}/cancel`, idempotencyKey, ...(reason ? { body: { reason } } : {}) }),

  confirmReceipt: (id: number, idempotencyKey: string) =>
    request<Order>({ method: 'POST', path: `/api/v1/orders/${id}/confirm-receipt`, idempotencyKey }),

  // -- coupons ----------------------------------------------------------------------------------------------------
  couponCentre: () => request<ClaimCentre>({ method: 'GET', path: '/api/v1/coupon-centre' }),

  /** Claimable coupons that apply to one product (the coupon row of the product page). */
  productCoupons: (productId: number) => request<ClaimCentre>({ method: 'GET', path: `/api/v1/products/${productId}/coupons` }),

  claimCoupon: (templateId: number, idempotencyKey: string) =>
    request<Coupon>({ method: 'POST', path: '/api/v1/coupons/claim', body: { templateId }, idempotencyKey }),

  /** The server ignores dashes and case in the code. */
  redeemCouponCode: (code: string, idempotencyKey: string) =>
    request<Coupon>({ method: 'POST', path: '/api/v1/coupons/redeem', body: { code }, idempotencyKey }),

  /** usable: available or held by an unpaid order, soonest to expire first. */
  coupons: (query: { status: 'usable' | 'used' | 'expired'; page?: number; pageSize?: number }) =>
    request<CouponPage>({ method: 'GET', path: '/api/v1/coupons', query }),

  coupon: (id: number) => request<Coupon>({ method: 'GET', path: `/api/v1/coupons/${id}` }),

  // -- payments and refunds --------------------------------------------------------------------------------------
  payOrder: (id: number, idempotencyKey: string) =>
    request<PayOrderResponse>({ method: 'POST', path: `/api/v1/orders/${id}/pay`, body: {}, idempotencyKey }),
  /** Asks the server to query the platform for the order's payment (when the notification is late); returns the order. */
  refreshPaymentStatus: (id: number) => request<Order>({ method: 'POST', path: `/api/v1/orders/${id}/payment-status`, body: {} }),

  refunds: (orderId: number) => request<RefundList>({ method: 'GET', path: `/api/v1/orders/${orderId}/refunds` }),

  requestRefund: (orderId: number, body: CreateRefundRequest, idempotencyKey: string) =>
    request<Refund>({ method: 'POST', path: `/api/v1/orders/${orderId}/refunds`, body, idempotencyKey }),

  /** What a refund would come to (the server's rules; nothing written). */
  refundPreview: (orderId: number, body: RefundPreviewRequest) =>
    request<RefundPreview>({ method: 'POST', path: `/api/v1/orders/${orderId}/refunds/preview`, body }),

  // -- favourites and order counts ---------------------------------------------------------------------------------
  favourites: (query: { page?: number; pageSize?: number } = {}) => request<FavouritePage>({ method: 'GET', path: '/api/v1/me/favourites', query }),
  favouriteState: (productId: number) => request<FavouriteState>({ method: 'GET', path: `/api/v1/me/favourites/${productId}` }),
  addFavourite: (productId: number, idempotencyKey: string) =>
    request<FavouriteState>({ method: 'PUT', path: `/api/v1/me/favourites/${productId}`, idempotencyKey }),
  removeFavourite: (productId: number, idempotencyKey: string) =>
    request<null>({ method: 'DELETE', path: `/api/v1/me/favourites/${productId}`, idempotencyKey }),
  /** How many orders each tab of the order list shows. */
  orderCounts: () => request<OrderCounts>({ method: 'GET', path: '/api/v1/orders/counts' }),

  // -- the member centre: profile, my data, closing the account (decision 019) --------------------------------------
  /** Nickname, avatar, gender, birthday (birthdayLocked once set) and the bound phone masked. */
  profile: () => request<MemberProfile>({ method: 'GET', path: '/api/v1/me/profile' }),
  /** Any of the fields; another birthday once one is set: 409 BIRTHDAY_ALREADY_SET. */
  updateProfile: (body: MemberProfileUpdate, idempotencyKey: string) =>
    request<MemberProfile>({ method: 'PATCH', path: '/api/v1/me/profile', body, idempotencyKey }),
  /** Everything the store holds about the member. */
  myData: () => request<MemberDataExport>({ method: 'GET', path: '/api/v1/me/data' }),
  /** 409 ACCOUNT_HAS_OPEN_ORDERS (details: { orders?, refunds?, redemptions? }) while something is unfinished. */
  closeAccount: (body: { confirm: true; reason?: string }) => request<CloseAccountResult>({ method: 'POST', path: '/api/v1/me/close', body }),
};
