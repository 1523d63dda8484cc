import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types. Instants are stored as ISO-8601 UTC strings (text) on both engines, so the
 * same queries and comparisons work on SQLite and PostgreSQL; business dates as "YYYY-MM-DD".
 */
type Instant = string;

export interface MembersTable {
  id: Generated<number>;
  nickname: string;
  avatar_url: string | null;
  /** YYYY-MM-DD; null until the member sets it. */
  birthday: Generated<string | null>;
  created_at: Instant;
  updated_at: Instant;
  /** Normalised "+<country code><number>"; unique (one member per phone); null until bound. */
  phone: Generated<string | null>;
  phone_bound_at: Generated<Instant | null>;
  gender: Generated<'unknown' | 'male' | 'female'>;
  /** Set when the member closed the account (anonymised, kept as a record). */
  closed_at: Generated<Instant | null>;
  /** Set on a member absorbed by a merge: the survivor (the row stays as a tombstone). */
  merged_into: Generated<number | null>;
}

/** One merge of two members (decision 019); `summary` is JSON MemberMergeSummary. */
export interface MemberMergesTable {
  id: Generated<number>;
  survivor_id: number;
  absorbed_id: number;
  phone: string;
  reason: 'phone';
  summary: string;
  created_at: Instant;
}

export interface MemberIdentitiesTable {
  id: Generated<number>;
  member_id: number;
  platform: string;
  app_id: string;
  open_id: string;
  union_id: string | null;
  session_key: string | null;
  created_at: Instant;
  last_login_at: Instant;
}

export interface SessionsTable {
  token_hash: string;
  subject_type: 'member' | 'staff';
  subject_id: number;
  platform: string | null;
  created_at: Instant;
  expires_at: Instant;
}

export interface StaffTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'owner' | 'operator' | 'viewer';
  password_hash: string;
  created_at: Instant;
  disabled_at: Instant | null;
}

export interface MerchantSettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: Instant;
  updated_by: number | null;
}

export interface CheckInsTable {
  id: Generated<number>;
  member_id: number;
  business_date: string;
  streak: number;
  reward: number;
  created_at: Instant;
  /** When a missed day was made up (补签); null for a check-in on the day. */
  made_up_at: Instant | null;
}

export interface CheckInMakeUpCountsTable {
  member_id: number;
  cycle_key: string;
  used: number;
}

export interface CheckInCycleRewardsTable {
  id: Generated<number>;
  member_id: number;
  cycle_key: string;
  count: number;
  points: number;
  growth: number;
  created_at: Instant;
}

export type PointsKindValue = 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust';
export type PointsReasonValue =
  | 'check_in'
  | 'adjustment'
  | 'order'
  | 'task'
  | 'checkout'
  | 'checkout_return'
  | 'order_refund'
  | 'expiry'
  | 'mall_redemption'
  | 'mall_return'
  | 'birthday_gift'
  | 'invitation';

export interface PointsLedgerTable {
  id: Generated<number>;
  member_id: number;
  delta: number;
  kind: PointsKindValue;
  reason: PointsReasonValue;
  source_key: string;
  note: string | null;
  created_at: Instant;
  /** The staff member who posted a manual adjustment; null for automatic entries. */
  staff_id: number | null;
}

export interface IdempotencyKeysTable {
  member_id: number;
  key: string;
  fingerprint: string;
  state: 'in_flight' | 'done';
  status_code: number | null;
  response_body: string | null;
  created_at: Instant;
  completed_at: Instant | null;
}

export interface CategoriesTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  sort_order: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProductsTable {
  id: Generated<number>;
  category_id: number | null;
  title: string;
  subtitle: string;
  description: string;
  /** JSON array of URLs. */
  image_urls: string;
  status: 'draft' | 'on_shelf' | 'off_shelf';
  sort_order: number;
  sales_count: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SkusTable {
  id: Generated<number>;
  product_id: number;
  code: string;
  /** JSON object of spec name -> value. */
  specs: string;
  price_fen: number;
  stock: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface StockMovementsTable {
  id: Generated<number>;
  sku_id: number;
  delta: number;
  stock_after: number;
  kind: 'initial' | 'adjustment' | 'order_reserve' | 'order_release';
  reason: string;
  staff_id: number | null;
  order_id: number | null;
  created_at: Instant;
}

export interface AddressesTable {
  id: Generated<number>;
  member_id: number;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  /** 0 or 1; a partial unique index allows one 1 per member. */
  is_default: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface CartLinesTable {
  id: Generated<number>;
  member_id: number;
  sku_id: number;
  quantity: number;
  selected: number;
  price_when_added_fen: number;
  created_at: Instant;
  updated_at: Instant;
}

export type OrderStatusValue = 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';

export interface OrdersTable {
  id: Generated<number>;
  order_no: string;
  member_id: number;
  status: OrderStatusValue;
  /** The super-app the order was placed from (null for orders placed before it was recorded). */
  platform: 'weapp' | 'alipay' | 'tt' | null;
  items_fen: number;
  /** The shipping fee before shipping discounts. */
  shipping_fen: number;
  /** Every discount (order_adjustments), goods and shipping; CHECK payable_fen = items_fen + shipping_fen - discount_fen. */
  discount_fen: Generated<number>;
  payable_fen: number;
  shipping_rule: 'flat' | 'free_threshold' | 'none';
  /** JSON snapshot of the shipping address. */
  address: string;
  remark: string | null;
  expires_at: Instant;
  paid_at: Instant | null;
  paid_amount_fen: number | null;
  payment_platform: string | null;
  payment_transaction_id: string | null;
  shipped_at: Instant | null;
  carrier: string | null;
  tracking_no: string | null;
  completed_at: Instant | null;
  cancelled_at: Instant | null;
  refunded_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  /** Open and succeeded refunds; CHECK <= payable_fen. */
  refund_reserved_fen: Generated<number>;
  /** Succeeded refunds; CHECK <= refund_reserved_fen. */
  refunded_fen: Generated<number>;
  /**
   * goods: placed at checkout; points_mall: the cash part of a points-mall redemption (its one line is the item);
   * top_up, gift_card, member_card: a thing that is not goods, sold by its module (decision 038).
   */
  kind: Generated<'goods' | 'points_mall' | 'top_up' | 'gift_card' | 'member_card' | 'counter'>;
  /** The part of the payable paid from the stored-value balance (migration 021); the platform is asked for the rest. */
  balance_fen: Generated<number>;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  sku_id: number;
  product_id: number;
  title: string;
  specs: string;
  sku_code: string;
  image_url: string | null;
  /** 1-50, unique per order. */
  line_no: number;
  unit_price_fen: number;
  quantity: number;
  line_total_fen: number;
  /** This line's share of the goods discounts; CHECK paid_fen + discount_fen = line_total_fen. */
  discount_fen: number;
  /** What the line really cost: refunds give back from this. */
  paid_fen: number;
  /** Fen under an open or succeeded refund; CHECK <= paid_fen. */
  refund_reserved_fen: Generated<number>;
  /** Fen refunded; CHECK <= refund_reserved_fen. */
  refunded_fen: Generated<number>;
  /** Units under an open or succeeded refund; CHECK <= quantity. */
  refund_reserved_qty: Generated<number>;
  /** Units refunded; CHECK <= refund_reserved_qty. */
  refunded_qty: Generated<number>;
  /** Units whose stock went back (refunded before shipping, or a whole-order refund); CHECK <= quantity. */
  stock_returned_qty: Generated<number>;
}

export interface OrderAdjustmentsTable {
  id: Generated<number>;
  order_id: number;
  /** 1, 2, … in the order the pricing module applied them. */
  seq: number;
  kind: 'member_price' | 'coupon' | 'points' | 'shipping';
  code: string;
  label: string;
  source_type: string | null;
  source_id: number | null;
  applies_to: 'items' | 'shipping';
  amount_fen: number;
}

export interface OrderAdjustmentLinesTable {
  id: Generated<number>;
  adjustment_id: number;
  order_line_id: number;
  amount_fen: number;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: number;
  from_status: OrderStatusValue | null;
  to_status: OrderStatusValue;
  actor_type: 'member' | 'staff' | 'system' | 'platform';
  actor_id: number | null;
  note: string | null;
  created_at: Instant;
}

export interface PaymentExceptionsTable {
  id: Generated<number>;
  order_id: number;
  /** The order's number: the platform trade the payment belongs to. */
  order_no: string;
  kind: 'payment_received_after_close' | 'duplicate_payment';
  platform: string;
  transaction_id: string;
  amount_fen: number;
  state: PaymentExceptionStateValue;
  created_at: Instant;
  /** Our refund number for it on the platform; set (deterministically, from the order number and id) when first claimed. */
  refund_no: string | null;
  /** Claims so far (each one platform call); only grows, so its value after a claim is that claim's token. */
  attempts: Generated<number>;
  /** Platform failures since the last staff retry; backs off on it, gives up (refund_failed) at the limit. */
  failures: Generated<number>;
  /** While refund_pending after a failure: not before this instant. */
  next_attempt_at: Instant | null;
  /** While refunding: the claim's lease; after it another worker may claim again (same refund number). */
  claimed_until: Instant | null;
  last_error: string | null;
  platform_refund_id: string | null;
  refunded_at: Instant | null;
  updated_at: Instant;
}

export type PaymentExceptionStateValue = 'refund_pending' | 'refunding' | 'refund_processing' | 'refunded' | 'refund_failed';

export interface PaymentExceptionEventsTable {
  id: Generated<number>;
  exception_id: number;
  from_state: PaymentExceptionStateValue | null;
  to_state: PaymentExceptionStateValue;
  actor_type: 'staff' | 'system' | 'platform';
  actor_id: number | null;
  note: string | null;
  created_at: Instant;
}

export type PaymentPlatformValue = 'weapp' | 'alipay' | 'tt';

export interface PaymentsTable {
  id: Generated<number>;
  order_id: number;
  platform: PaymentPlatformValue;
  out_trade_no: string;
  transaction_id: string | null;
  amount_fen: number;
  status: 'created' | 'paid' | 'closed';
  paid_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One row per platform notification event applied; the unique (platform, event_id) makes a replay a no-op. */
export interface PaymentNotificationsTable {
  id: Generated<number>;
  platform: PaymentPlatformValue;
  event_id: string;
  kind: 'payment' | 'refund';
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string | null;
  amount_fen: number;
  outcome: string;
  received_at: Instant;
}

export type RefundStatusValue = 'requested' | 'rejected' | 'processing' | 'succeeded' | 'failed';

export interface RefundsTable {
  id: Generated<number>;
  refund_no: string;
  order_id: number;
  member_id: number;
  platform: PaymentPlatformValue;
  status: RefundStatusValue;
  amount_fen: number;
  includes_shipping: number;
  /** Kept back for earned points already spent (the merchant's rule); the platform refunds amount_fen − this. */
  points_deduction_fen: Generated<number>;
  reason: string;
  reject_reason: string | null;
  platform_refund_id: string | null;
  last_error: string | null;
  decided_by: number | null;
  decided_at: Instant | null;
  completed_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface RefundLinesTable {
  id: Generated<number>;
  refund_id: number;
  order_line_id: number;
  quantity: number;
  amount_fen: number;
}

export interface RefundEventsTable {
  id: Generated<number>;
  refund_id: number;
  from_status: RefundStatusValue | null;
  to_status: RefundStatusValue;
  actor_type: 'member' | 'staff' | 'system' | 'platform';
  actor_id: number | null;
  note: string | null;
  created_at: Instant;
}

/** The points module's cached balance: the sum of the member's ledger, moved in the same transaction as every entry; CHECK >= 0. */
export interface PointsAccountsTable {
  member_id: number;
  /** Available points: the lots' remaining; CHECK >= 0. */
  balance: number;
  /** Points a refund took back after they were spent (allowed to go below zero), repaid by the next earnings. */
  debt: Generated<number>;
  updated_at: Instant;
}

export interface PointsLotsTable {
  id: Generated<number>;
  member_id: number;
  entry_id: number | null;
  amount: number;
  remaining: number;
  /** Expired so far (it only grows: each expiry of this lot has its own source key). */
  expired: Generated<number>;
  earned_at: Instant;
  expires_at: Instant | null;
}

export interface PointsLotUsesTable {
  id: Generated<number>;
  entry_id: number;
  lot_id: number;
  amount: number;
  returned: Generated<number>;
}

export interface PointsPendingTable {
  id: Generated<number>;
  member_id: number;
  source_key: string;
  order_id: number | null;
  amount: number;
  remaining: number;
  status: 'pending' | 'matured' | 'cancelled';
  matures_at: Instant | null;
  entry_id: number | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Small values periodic jobs keep between runs (a sweep's position). */
export interface JobStateTable {
  name: string;
  value: string;
  updated_at: Instant;
}

export type CouponKindValue = 'threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping';

/** The rule a template sets and each coupon claimed from it copies. */
interface CouponRuleColumns {
  name: string;
  description: string;
  kind: CouponKindValue;
  amount_fen: number | null;
  percent_off_bp: number | null;
  cap_fen: number | null;
  threshold_fen: number;
  /** JSON CouponScope. */
  scope: string;
  min_tier_level: number;
  /** JSON CouponStacking. */
  stacking: string;
}

export interface CouponTemplatesTable extends CouponRuleColumns {
  id: Generated<number>;
  validity_type: 'fixed' | 'relative';
  valid_from: Instant | null;
  valid_until: Instant | null;
  valid_days: number | null;
  starts_next_day: number;
  total_stock: number | null;
  per_member_limit: number;
  public: number;
  status: 'draft' | 'active' | 'paused' | 'ended';
  claimed_count: Generated<number>;
  used_count: Generated<number>;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface CouponsTable extends CouponRuleColumns {
  id: Generated<number>;
  template_id: number;
  member_id: number;
  claim_seq: number;
  per_member_limit: number;
  valid_from: Instant;
  valid_until: Instant;
  status: 'available' | 'locked' | 'used';
  order_id: number | null;
  used_at: Instant | null;
  /** Used: what it took off the order, and what the order paid (for the template's figures). */
  discount_fen: number | null;
  order_paid_fen: number | null;
  source: 'claim' | 'new_member' | 'targeted' | 'code' | 'gift';
  source_ref: string | null;
  claimed_at: Instant;
  updated_at: Instant;
}

export interface CouponCodeBatchesTable {
  id: Generated<number>;
  template_id: number;
  count: number;
  note: string;
  created_by: number | null;
  created_at: Instant;
}

export interface CouponCodesTable {
  id: Generated<number>;
  batch_id: number;
  code: string;
  redeemed_by: number | null;
  redeemed_at: Instant | null;
}

export interface CouponIssueJobsTable {
  id: Generated<number>;
  template_id: number;
  /** JSON CouponAudience. */
  audience: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  error: string | null;
  /** While running: the worker's lease; after it another worker may take the job over (results make it safe). */
  claimed_until: Instant | null;
  created_by: number | null;
  created_at: Instant;
  finished_at: Instant | null;
}

export interface CouponIssueResultsTable {
  id: Generated<number>;
  job_id: number;
  member_id: number;
  outcome: 'issued' | 'skipped';
  reason: string | null;
  coupon_id: number | null;
}

export type PointsMallItemKindValue = 'sku' | 'coupon' | 'virtual';
export type PointsMallRedemptionStatusValue = 'awaiting_payment' | 'awaiting_fulfilment' | 'fulfilled' | 'cancelled' | 'closed';

export interface PointsMallItemsTable {
  id: Generated<number>;
  kind: PointsMallItemKindValue;
  sku_id: number | null;
  coupon_template_id: number | null;
  title: string;
  image_url: string | null;
  description: string;
  instructions: string;
  points_price: number;
  cash_fen: number;
  /** Units ever offered; CHECK 0 <= stock_left <= total_stock. */
  total_stock: number;
  stock_left: number;
  per_member_limit: number | null;
  per_member_daily_limit: number | null;
  on_sale_from: Instant | null;
  on_sale_until: Instant | null;
  min_tier_level: number;
  sort_order: number;
  status: 'on' | 'off';
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TiersTable {
  id: Generated<number>;
  level: number;
  name: string;
  growth_threshold: number;
  member_price_bp: number;
  member_price_scope: 'all' | 'products' | 'categories';
  /** JSON array of ids. */
  member_price_ids: string;
  points_multiplier_bp: number;
  free_shipping: number;
  birthday_points: number;
  birthday_coupon_template_id: number | null;
  /** JSON array of { icon, text }. */
  display_benefits: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface PointsMallMemberTotalsTable {
  item_id: number;
  member_id: number;
  redeemed: number;
}

export interface PointsMallMemberDaysTable {
  item_id: number;
  member_id: number;
  business_date: string;
  redeemed: number;
}

export interface PointsMallRedemptionsTable {
  id: Generated<number>;
  redemption_no: string;
  member_id: number;
  item_id: number;
  kind: PointsMallItemKindValue;
  /** JSON: the item as it was (PointsMallItemSnapshot). */
  item_snapshot: string;
  quantity: number;
  points: number;
  cash_fen: number;
  /** The business day it counts against (the daily limit). */
  business_date: string;
  status: PointsMallRedemptionStatusValue;
  order_id: number | null;
  payment_deadline: Instant | null;
  /** JSON ShippingAddressSnapshot (sku items). */
  address: string | null;
  carrier: string | null;
  tracking_no: string | null;
  /** JSON array of coupon ids. */
  coupon_ids: Generated<string>;
  instructions: string | null;
  cancel_reason: string | null;
  staff_id: number | null;
  created_at: Instant;
  paid_at: Instant | null;
  fulfilled_at: Instant | null;
  cancelled_at: Instant | null;
  updated_at: Instant;
}

export type GrowthReasonValue = 'order' | 'order_refund' | 'check_in' | 'task' | 'manual' | 'merge';

export interface GrowthLedgerTable {
  id: Generated<number>;
  member_id: number;
  delta: number;
  reason: GrowthReasonValue;
  source_key: string;
  note: string | null;
  staff_id: number | null;
  created_at: Instant;
}

export interface MemberTiersTable {
  member_id: number;
  level: number;
  growth: number;
  reached_at: Instant | null;
  held_until: Instant | null;
  updated_at: Instant;
}

export interface TierChangesTable {
  id: Generated<number>;
  member_id: number;
  from_level: number;
  to_level: number;
  reason: 'upgrade' | 'downgrade' | 'config';
  growth: number;
  note: string | null;
  created_at: Instant;
}

export interface TierBirthdayGiftsTable {
  id: Generated<number>;
  member_id: number;
  year: number;
  level: number;
  points: number;
  coupon_id: number | null;
  created_at: Instant;
}

/** A member's favourite product (migration 017); one row per member and product. */
export interface MemberFavouritesTable {
  member_id: number;
  product_id: number;
  created_at: Instant;
}

/** How many favourites a member has: moved with the rows, capped by a CHECK. */
export interface MemberFavouriteCountsTable {
  member_id: number;
  favourites: number;
}

/** A card the merchant sells (migration 022). */
export interface MemberCardsTable {
  id: Generated<number>;
  name: string;
  price_fen: number;
  period_months: number;
  member_price_bp: number;
  points_multiplier_bp: number;
  free_shipping: number;
  may_distribute: number;
  coupon_template_id: number | null;
  coupons_per_month: number;
  refund_days: number;
  status: 'on_sale' | 'off_sale';
  created_at: Instant;
  updated_at: Instant;
}

/** A member's card: which, until when, the purchase that last extended it and its benefit uses since. */
export interface MemberCardHoldingsTable {
  member_id: number;
  card_id: number;
  status: 'active' | 'expired' | 'refunded';
  started_at: Instant;
  expires_at: Instant;
  last_purchase_id: number;
  uses_since_purchase: Generated<number>;
  saved_fen: Generated<number>;
  updated_at: Instant;
}

/** One card order: pending until paid (at most one pending per member), then the period it added. */
export interface MemberCardPurchasesTable {
  id: Generated<number>;
  member_id: number;
  pending_member_id: number | null;
  card_id: number;
  order_id: number | null;
  status: 'pending' | 'paid' | 'closed' | 'refunded';
  price_fen: number;
  period_months: number;
  extended_from: Instant | null;
  extended_to: Instant | null;
  refund_until: Instant | null;
  created_at: Instant;
  paid_at: Instant | null;
  refunded_at: Instant | null;
}

/** What the card took off one order. */
export interface MemberCardSavingsTable {
  id: Generated<number>;
  member_id: number;
  order_id: number;
  card_id: number;
  saved_fen: number;
  created_at: Instant;
}

/** One month's coupon pack given to a holder. */
export interface MemberCardCouponPacksTable {
  id: Generated<number>;
  member_id: number;
  card_id: number;
  month: string;
  coupons: number;
  created_at: Instant;
}

/** An expiry reminder recorded for a holder. */
export interface MemberCardRemindersTable {
  id: Generated<number>;
  member_id: number;
  expires_at: Instant;
  days_before: number;
  created_at: Instant;
}

/** A platform's template for a message kind (migration 024): the merchant's template id and how data fills it. */
export interface MessageTemplatesTable {
  platform: string;
  kind: string;
  template_id: string;
  /** JSON `{ "<platform field>": "<data key>" }`. */
  fields: string;
  page: string | null;
  updated_at: Instant;
}

/** One answer to a platform's subscription prompt; an accept is used by at most one message. */
export interface MessageConsentsTable {
  id: Generated<number>;
  member_id: number;
  platform: string;
  template_id: string;
  answer: 'accept' | 'reject' | 'ban' | 'filter';
  asked_at: Instant;
  used_at: Instant | null;
  used_by_message_id: number | null;
}

export type MessageDelivery = 'pending' | 'sending' | 'sent' | 'inbox_only' | 'refused' | 'failed' | 'unknown';

/** A message in a member's inbox (站内信) and its delivery through the platform (the outbox). */
export interface MessagesTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  source_key: string;
  title: string;
  body: string;
  /** JSON: the kind's data (what fills the platform template). */
  data: string;
  page: string | null;
  created_at: Instant;
  read_at: Instant | null;
  delivery: MessageDelivery;
  platform: string | null;
  template_id: string | null;
  consent_id: number | null;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  delivered_at: Instant | null;
  delivery_code: string | null;
  delivery_detail: string | null;
}

export interface MessagePreferencesTable {
  member_id: number;
  check_in_reminder: number;
  updated_at: Instant;
}

/** A share id the server issued (migration 019): exactly one sharer, a member or a staff member. */
export interface SharesTable {
  id: string;
  sharer_member_id: number | null;
  sharer_staff_id: number | null;
  kind: string;
  target_id: number | null;
  channel: string;
  platform: string | null;
  created_at: Instant;
  expires_at: Instant;
}

/** A landing through a known, live share; the member is null while anonymous. */
export interface ShareVisitsTable {
  id: Generated<number>;
  share_id: string;
  member_id: number | null;
  platform: string | null;
  channel: string;
  new_member: Generated<number>;
  at: Instant;
}

/** A member's first and last touch. */
export interface MemberShareTouchesTable {
  member_id: number;
  first_share_id: string;
  first_at: Instant;
  last_share_id: string;
  last_at: Instant;
}

/** The share an order was placed under (the member's last touch when it was created). */
export interface OrderAttributionsTable {
  order_id: number;
  member_id: number;
  share_id: string;
  sharer_member_id: number | null;
  sharer_staff_id: number | null;
  kind: string;
  target_id: number | null;
  channel: string;
  touched_at: Instant;
  created_at: Instant;
}

/** A behaviour event from the tracker (migration 023); the client's event id is unique. */
export interface MemberEventsTable {
  id: Generated<number>;
  event_id: string;
  member_id: number;
  session_id: string;
  kind: string;
  platform: string;
  channel: string;
  share_id: string | null;
  product_id: number | null;
  page: string | null;
  detail: string | null;
  occurred_at: Instant;
  business_date: string;
  received_at: Instant;
}

/** Daily rollups of behaviour events (migration 023): no member in them, kept for good. */
export interface EventDailyTrafficTable {
  date: string;
  platform: string;
  channel: string;
  visitors: number;
  sessions: number;
  page_views: number;
}

export interface EventDailyKindsTable {
  date: string;
  platform: string;
  kind: string;
  events: number;
  members: number;
}

export interface EventDailyProductsTable {
  date: string;
  product_id: number;
  views: number;
  viewers: number;
  add_to_carts: number;
}

/** One invitee's invitation (migration 019); the inviter's reward by `status`, promised at binding in `reward` (JSON). */
export interface InvitationsTable {
  id: Generated<number>;
  inviter_member_id: number;
  invitee_member_id: number;
  share_id: string;
  status: 'bound' | 'pending' | 'granted' | 'cancelled' | 'withheld' | 'over_cap' | 'void';
  reason: string | null;
  reward: string;
  order_id: number | null;
  due_at: Instant | null;
  bound_at: Instant;
  bound_date: string;
  settled_at: Instant | null;
  withheld_by_staff_id: number | null;
  client_key: string | null;
}

/** Invitations counted toward an inviter's daily cap, per business day. */
export interface InvitationDailyCountsTable {
  inviter_member_id: number;
  business_date: string;
  bound: Generated<number>;
}

/** A share's mini-program code image, cached once made. */
export interface ShareCodeImagesTable {
  share_id: string;
  platform: string;
  png_base64: string;
  created_at: Instant;
}

/** Stores (门店) and shopping guides (migration 020). */
export interface StoresTable {
  id: Generated<number>;
  name: string;
  address: string | null;
  created_at: Instant;
}

export interface GuidesTable {
  id: Generated<number>;
  staff_id: number;
  store_id: number;
  status: 'active' | 'disabled';
  created_at: Instant;
}

export interface GuideOrdersTable {
  order_id: number;
  guide_id: number;
  store_id: number;
  buyer_id: number;
  paid_fen: number;
  refunded_fen: Generated<number>;
  paid_at: Instant;
}

/** A distributor and their commission account (migration 020): balance − debt = the ledger's sum. */
export interface DistributorsTable {
  id: Generated<number>;
  member_id: number;
  status: 'pending' | 'active' | 'frozen' | 'refused';
  qualified_by: 'apply' | 'tier' | 'task' | 'card' | 'staff';
  balance_fen: Generated<number>;
  debt_fen: Generated<number>;
  note: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface DistributionBindingsTable {
  id: Generated<number>;
  customer_id: number;
  sharer_kind: 'distributor' | 'guide';
  sharer_id: number;
  bound_at: Instant;
  expires_at: Instant | null;
  share_id: string | null;
}

export interface CommissionRulesTable {
  id: Generated<number>;
  scope: 'store' | 'category' | 'product';
  target_id: number;
  level1_bp: number;
  level2_bp: number;
  updated_at: Instant;
}

export interface CommissionsTable {
  id: Generated<number>;
  order_id: number;
  level: 1 | 2;
  distributor_id: number;
  buyer_id: number;
  guide_id: number | null;
  status: 'frozen' | 'settled' | 'cancelled';
  initial_fen: number;
  amount_fen: number;
  base_fen: number;
  settle_after: Instant | null;
  settled_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface CommissionLinesTable {
  id: Generated<number>;
  commission_id: number;
  order_line_id: number;
  rate_bp: number;
  base_fen: number;
  refunded_fen: Generated<number>;
  amount_fen: number;
}

export interface CommissionLedgerTable {
  id: Generated<number>;
  distributor_id: number;
  delta_fen: number;
  kind: 'settle' | 'reverse' | 'withdraw' | 'withdraw_return' | 'adjust';
  source_key: string;
  commission_id: number | null;
  withdrawal_id: number | null;
  created_at: Instant;
}

export type WithdrawalStatus = 'requested' | 'refused' | 'paying' | 'awaiting_confirmation' | 'paid' | 'failed';

export interface WithdrawalsTable {
  id: Generated<number>;
  distributor_id: number;
  amount_fen: number;
  fee_fen: number;
  platform: 'weapp' | 'alipay' | 'tt';
  status: WithdrawalStatus;
  bill_no: string;
  transfer_bill_no: string | null;
  package_info: string | null;
  fail_reason: string | null;
  business_date: string;
  staff_id: number | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A top-up package (migration 021): pay `amount_fen`, get `bonus_fen` more and `bonus_points`. */
export interface WalletPackagesTable {
  id: Generated<number>;
  title: string;
  amount_fen: number;
  bonus_fen: number;
  bonus_points: number;
  status: 'on' | 'off';
  sort: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

/** A top-up bought (migration 021), with its order of kind `top_up`. */
export interface WalletTopUpsTable {
  id: Generated<number>;
  top_up_no: string;
  member_id: number;
  order_id: number | null;
  package_id: number | null;
  amount_fen: number;
  bonus_fen: number;
  bonus_points: number;
  status: 'awaiting_payment' | 'credited' | 'closed' | 'refunded';
  created_at: Instant;
  credited_at: Instant | null;
  updated_at: Instant;
}

/** A member's stored value: kept equal to the sum of the ledger by a trigger; CHECKs keep each part >= 0. */
export interface WalletAccountsTable {
  member_id: number;
  principal_fen: Generated<number>;
  bonus_fen: Generated<number>;
  updated_at: Instant;
}

export type WalletLedgerKind =
  | 'top_up'
  | 'top_up_refund'
  | 'spend'
  | 'spend_return'
  | 'refund'
  | 'adjustment'
  | 'merge'
  | 'gift_card'
  | 'gift_card_return';

/** A gift-card design the merchant offers (migration 021). */
export interface GiftCardDesignsTable {
  id: Generated<number>;
  title: string;
  image_url: string | null;
  status: 'on' | 'off';
  created_at: Instant;
  updated_at: Instant;
}

/** A gift card bought for a friend (migration 021): claimed once through its share token. */
export interface GiftCardsTable {
  id: Generated<number>;
  card_no: string;
  buyer_id: number;
  design_id: number;
  face_fen: number;
  message: string;
  status: 'awaiting_payment' | 'sent' | 'claimed' | 'returned' | 'closed' | 'refunded';
  claim_token: string;
  order_id: number | null;
  /** Unclaimed by then, it returns to the buyer's balance. */
  claim_by: Instant | null;
  claimed_by: number | null;
  claimed_at: Instant | null;
  kept_as: 'balance' | 'card' | null;
  /** Kept as a card: it must be added to the balance by then. */
  card_expires_at: Instant | null;
  redeemed_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A member code (会员码) shown at the counter (migration 021): single use, a minute long. */
export interface MemberCodesTable {
  code: string;
  member_id: number;
  issued_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  used_by: number | null;
}

/** What staff did at the counter with a member code (migration 021): the audit trail. */
export interface CounterActionsTable {
  id: Generated<number>;
  member_id: number;
  staff_id: number;
  store: string;
  action: 'identify' | 'purchase' | 'balance_payment';
  amount_fen: number | null;
  order_id: number | null;
  code: string | null;
  note: string | null;
  created_at: Instant;
}

/** The append-only stored-value ledger: principal and bonus apart; source key unique per member. */
export interface WalletLedgerTable {
  id: Generated<number>;
  member_id: number;
  kind: WalletLedgerKind;
  principal_delta: number;
  bonus_delta: number;
  source_key: string;
  order_id: number | null;
  staff_id: number | null;
  note: string | null;
  created_at: Instant;
}

/** The part of a goods order paid from the balance, and what refunds gave back of it. */
export interface WalletOrderPaymentsTable {
  order_id: number;
  member_id: number;
  principal_fen: number;
  bonus_fen: number;
  returned_principal_fen: Generated<number>;
  returned_bonus_fen: Generated<number>;
  status: 'held' | 'paid' | 'released';
  created_at: Instant;
  updated_at: Instant;
}

export interface WithdrawalDaysTable {
  distributor_id: number;
  business_date: string;
  amount_fen: number;
}

export interface Database {
  members: MembersTable;
  member_identities: MemberIdentitiesTable;
  member_merges: MemberMergesTable;
  sessions: SessionsTable;
  staff: StaffTable;
  merchant_settings: MerchantSettingsTable;
  check_ins: CheckInsTable;
  check_in_make_up_counts: CheckInMakeUpCountsTable;
  check_in_cycle_rewards: CheckInCycleRewardsTable;
  points_ledger: PointsLedgerTable;
  idempotency_keys: IdempotencyKeysTable;
  categories: CategoriesTable;
  products: ProductsTable;
  skus: SkusTable;
  stock_movements: StockMovementsTable;
  addresses: AddressesTable;
  cart_lines: CartLinesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  order_adjustments: OrderAdjustmentsTable;
  order_adjustment_lines: OrderAdjustmentLinesTable;
  payment_exceptions: PaymentExceptionsTable;
  payment_exception_events: PaymentExceptionEventsTable;
  payments: PaymentsTable;
  payment_notifications: PaymentNotificationsTable;
  refunds: RefundsTable;
  refund_lines: RefundLinesTable;
  refund_events: RefundEventsTable;
  job_state: JobStateTable;
  points_accounts: PointsAccountsTable;
  points_lots: PointsLotsTable;
  points_lot_uses: PointsLotUsesTable;
  points_pending: PointsPendingTable;
  coupon_templates: CouponTemplatesTable;
  coupons: CouponsTable;
  points_mall_items: PointsMallItemsTable;
  points_mall_member_totals: PointsMallMemberTotalsTable;
  points_mall_member_days: PointsMallMemberDaysTable;
  points_mall_redemptions: PointsMallRedemptionsTable;
  coupon_code_batches: CouponCodeBatchesTable;
  coupon_codes: CouponCodesTable;
  coupon_issue_jobs: CouponIssueJobsTable;
  coupon_issue_results: CouponIssueResultsTable;
  tiers: TiersTable;
  growth_ledger: GrowthLedgerTable;
  member_tiers: MemberTiersTable;
  tier_changes: TierChangesTable;
  tier_birthday_gifts: TierBirthdayGiftsTable;
  member_favourites: MemberFavouritesTable;
  message_templates: MessageTemplatesTable;
  message_consents: MessageConsentsTable;
  messages: MessagesTable;
  message_preferences: MessagePreferencesTable;
  member_favourite_counts: MemberFavouriteCountsTable;
  wallet_packages: WalletPackagesTable;
  wallet_top_ups: WalletTopUpsTable;
  wallet_accounts: WalletAccountsTable;
  wallet_ledger: WalletLedgerTable;
  wallet_order_payments: WalletOrderPaymentsTable;
  gift_card_designs: GiftCardDesignsTable;
  gift_cards: GiftCardsTable;
  member_codes: MemberCodesTable;
  counter_actions: CounterActionsTable;
  member_cards: MemberCardsTable;
  member_card_holdings: MemberCardHoldingsTable;
  member_card_purchases: MemberCardPurchasesTable;
  member_card_savings: MemberCardSavingsTable;
  member_card_coupon_packs: MemberCardCouponPacksTable;
  member_card_reminders: MemberCardRemindersTable;
  shares: SharesTable;
  share_visits: ShareVisitsTable;
  member_share_touches: MemberShareTouchesTable;
  order_attributions: OrderAttributionsTable;
  member_events: MemberEventsTable;
  event_daily_traffic: EventDailyTrafficTable;
  event_daily_kinds: EventDailyKindsTable;
  event_daily_products: EventDailyProductsTable;
  invitations: InvitationsTable;
  invitation_daily_counts: InvitationDailyCountsTable;
  share_code_images: ShareCodeImagesTable;
  stores: StoresTable;
  guides: GuidesTable;
  guide_orders: GuideOrdersTable;
  distributors: DistributorsTable;
  distribution_bindings: DistributionBindingsTable;
  commission_rules: CommissionRulesTable;
  commissions: CommissionsTable;
  commission_lines: CommissionLinesTable;
  commission_ledger: CommissionLedgerTable;
  withdrawals: WithdrawalsTable;
  withdrawal_days: WithdrawalDaysTable;
}

export type Member = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type PointsLedgerRow = Selectable<PointsLedgerTable>;
export type StaffRow = Selectable<StaffTable>;
