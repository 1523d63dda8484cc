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
  /** A balance (a distributor's settled commission, stored value's principal or bonus) does not cover what was asked. */
  INSUFFICIENT_BALANCE: 409,
  /** The member does not (yet) meet the merchant's rule for becoming a distributor, or is not an active one. */
  NOT_QUALIFIED: 409,
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
  // Platform refusals (docs/errors.md): the platform answered, and said no for a reason of its own.
  /**
   * A payment platform refused a trade operation for the trade's state there (already paid, closed, its number used).
   * details: { platform, platformCode, platformMessage? }, the platform's own code as it gave it.
   */
  PLATFORM_REFUSED: 409,
  /**
   * The platform refused this user's login (WeChat's risk control, errcode 40226): a new login code will not help.
   * details: { platform, platformCode, platformMessage? }.
   */
  LOGIN_REFUSED: 403,
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

/**
 * The codes of a field issue (`details.issues[].code` of a 400, and of the few other errors that name a field):
 * clients choose their words by code and params, never by the English `message`. Three kinds, one closed list:
 *
 * - a schema failure: zod's own issue code, with its numbers in `params` (too_big: { maximum, origin, inclusive },
 *   too_small: { minimum, origin, inclusive }, invalid_format: { format }, invalid_type: { expected },
 *   invalid_value: { values }, unrecognized_keys: { keys }, not_multiple_of: { divisor }); `required` for a field (or a
 *   body) left out;
 * - the request's framing: a body that is not JSON, not UTF-8, or holds text the database cannot store;
 * - the API's own rules (RULE_ISSUE_CODES): a check a schema refinement or a service makes, each with its params.
 */
export const SCHEMA_ISSUE_CODES = [
  'required',
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
] as const;

export const REQUEST_ISSUE_CODES = ['malformed_json', 'not_json', 'not_utf8', 'not_multipart', 'unstorable_text'] as const;

/** The API's own checks, one code per rule (the params each carries in its comment). */
export const RULE_ISSUE_CODES = [
  /** A 满减 coupon cannot take off more than its threshold. */
  'amount_over_threshold',
  /** An end before (or at) its start: a coupon's validity, a price range. */
  'range_order',
  /** A points-mall item's on-sale window ends before it starts. */
  'window_order',
  /** A per-day limit above the per-member limit. */
  'daily_over_total',
  /** The field is needed for this kind of thing. params: { kind } */
  'required_for_kind',
  /** The field does not belong to this kind of thing. params: { kind } */
  'not_for_kind',
  /** A category or product scope names no ids. params: { scope } */
  'required_for_scope',
  /** A store-wide scope names ids. params: { scope } */
  'not_for_scope',
  /** The session's platform needs this field (a phone proof, a refund's platform order id). params: { platform } */
  'required_for_platform',
  /** The field belongs to another platform's proof. params: { platform } */
  'not_for_platform',
  /** The same value twice where each must differ (ids, names, SKU codes, milestone counts). */
  'duplicate',
  /** Another record already has this value (a username). */
  'already_taken',
  /** This adjustment key was already posted. */
  'already_posted',
  /** Set once, and it is set (a birthday). */
  'already_set',
  /** The member has another phone bound. */
  'already_bound',
  /** A coupon's stock below what is already issued. params: { issued } */
  'below_already_issued',
  /** A deduction larger than the balance. params: { max } */
  'over_deductible',
  /** More taken out than is left. params: { max } */
  'over_available',
  /** The result would leave the allowed range (a points-mall item's stock). */
  'out_of_range',
  /** The shop needs an enabled owner. */
  'last_owner',
  /** Not on your own account (disabling yourself). */
  'not_self',
  /** The id names nothing (a SKU, a coupon template, an order line of another order). */
  'not_found_ref',
  /** Only a top-level category may be a parent. */
  'not_top_level',
  /** Members still hold a level that the new ladder drops. params: { members, top } */
  'level_in_use',
  /** Not a JPEG, PNG or WebP image. */
  'unsupported_image',
  /** An empty file. */
  'file_empty',
  /** A file over the size limit. params: { maxBytes } */
  'file_too_large',
  /** A province, city or district the region data does not know (or not inside the one before). */
  'unknown_region',
  /** Zero where a change is asked for. */
  'not_zero',
  /** Send exactly one of two alternatives (items or fromCart, memberIds or filter), or at least one field. */
  'either_or',
  /** Cumulative rewards and make-up need a week or month cycle. */
  'needs_cycle',
  /** A count past the days of the cycle. params: { days } */
  'over_cycle_days',
  /** A milestone that gives nothing. */
  'reward_empty',
  /** Tier levels run 0, 1, 2… in order. params: { level } */
  'level_order',
  /** The first tier starts at 0 growth. */
  'first_tier_zero',
  /** A tier's threshold not above the tier below. params: { below } */
  'threshold_order',
  /** Too many entries (spec dimensions, order lines). params: { max } */
  'too_many',
  /** Not a real calendar date. */
  'invalid_date',
  /** Not an https URL or one of our uploaded images. */
  'url_not_allowed',
  /** Checkout from a cart with no selected lines. */
  'nothing_selected',
  /** An order's goods over the most one order may cost. params: { maxFen } */
  'over_order_limit',
  /** More units than the order line has. params: { quantity } */
  'over_line_quantity',
] as const;

export const FIELD_ISSUE_CODES = [...SCHEMA_ISSUE_CODES, ...REQUEST_ISSUE_CODES, ...RULE_ISSUE_CODES] as const;
export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** The numbers and names an issue's words need (a maximum, the kind, the count already issued). */
export type IssueParams = Record<string, string | number | boolean | null | readonly (string | number | boolean | null)[]>;

/** One field named by an error: where (`skus.0.priceFen`, `query.month`, `header.Idempotency-Key`), which rule, why. */
export interface FieldIssue {
  field: string;
  code: FieldIssueCode;
  /** For developers, in English; clients show their own words for `code`. */
  message: string;
  params?: IssueParams;
}
