/**
 * Every error code the API can answer with, and the HTTP status each maps to.
 * Clients switch on `code`; `message` is for developers, not shoppers.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  /** A request refused for a reason that names no field (an HTTP-level refusal without a code of its own). */
  BAD_REQUEST: 400,
  PLATFORM_CODE_INVALID: 401,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_CHECKED_IN: 409,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  INVALID_STATE: 409,
  PRODUCT_UNAVAILABLE: 409,
  LIMIT_REACHED: 409,
  COUPON_UNUSABLE: 409,
  COUPON_SOLD_OUT: 409,
  COUPON_CODE_USED: 409,
  COUPON_CODE_INVALID: 404,
  INSUFFICIENT_POINTS: 409,
  POINTS_MALL_NOT_ON_SALE: 409,
  POINTS_MALL_SOLD_OUT: 409,
  POINTS_MALL_TIER_TOO_LOW: 403,
  POINTS_MALL_LIMIT_REACHED: 409,
  POINTS_MALL_DAILY_LIMIT_REACHED: 409,
  LAST_OWNER: 409,
  /** A manual growth deduction larger than the member's growth. */
  INSUFFICIENT_GROWTH: 409,
  /** A tier configuration that drops a level members still hold. */
  TIER_IN_USE: 409,
  /** The birthday is set once. */
  BIRTHDAY_ALREADY_SET: 409,
  /** The member already has another phone bound. */
  PHONE_ALREADY_BOUND: 409,
  /** An account with unfinished orders or refunds cannot be closed yet. */
  ACCOUNT_HAS_OPEN_ORDERS: 409,
  /** The account was closed while the request ran (its session had been read just before): nothing was done. */
  ACCOUNT_CLOSED: 409,
  /** The member was merged into another while the request ran: nothing was done; sent again, it acts as the survivor. */
  MEMBER_MERGED: 409,
  /** Make-up check-in (补签) is switched off by the merchant. */
  MAKE_UP_DISABLED: 409,
  /** The day cannot be made up: today, the future, outside the current cycle, or before the first check-in. */
  MAKE_UP_NOT_ALLOWED: 409,
  /** The member has used every make-up of this cycle. */
  MAKE_UP_LIMIT_REACHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PLATFORM_UNAVAILABLE: 502,
  // Phone-number binding (docs/decisions/020-phone-number-binding.md)
  /** The platform's phone-number proof is forged, tampered, reused or for another app: get a new one. */
  PHONE_PROOF_INVALID: 400,
  /** The platform refused to give the phone number (Alipay: the member or the app's permissions said no). */
  PHONE_REFUSED: 422,
  /** The platform session key we hold is not the one the proof was made with (Douyin): log in again, retry once. */
  SESSION_STALE: 409,
  /** The platform said it is busy: retry after Retry-After. */
  PLATFORM_BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function statusOf(code: ErrorCode): ErrorStatus {
  return ERROR_STATUS[code];
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
  requestId: string;
}
