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
  /** Cached sum of points_ledger.delta for the member, updated in the same transaction as every entry. */
  points_balance: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
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
}

export interface PointsLedgerTable {
  id: Generated<number>;
  member_id: number;
  delta: number;
  reason: 'check_in' | 'adjustment';
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
  items_fen: number;
  shipping_fen: number;
  payable_fen: number;
  /** JSON array of breakdown lines. */
  breakdown: string;
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
  unit_price_fen: number;
  quantity: number;
  line_total_fen: number;
  /** Units under an open or succeeded refund; CHECK <= quantity. */
  refund_reserved_qty: Generated<number>;
  /** Units refunded; CHECK <= refund_reserved_qty. */
  refunded_qty: Generated<number>;
  /** Units whose stock went back (refunded before shipping, or a whole-order refund); CHECK <= quantity. */
  stock_returned_qty: Generated<number>;
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

export interface Database {
  members: MembersTable;
  member_identities: MemberIdentitiesTable;
  sessions: SessionsTable;
  staff: StaffTable;
  merchant_settings: MerchantSettingsTable;
  check_ins: CheckInsTable;
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
  payment_exceptions: PaymentExceptionsTable;
  payment_exception_events: PaymentExceptionEventsTable;
  payments: PaymentsTable;
  payment_notifications: PaymentNotificationsTable;
  refunds: RefundsTable;
  refund_lines: RefundLinesTable;
  refund_events: RefundEventsTable;
}

export type Member = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type PointsLedgerRow = Selectable<PointsLedgerTable>;
export type StaffRow = Selectable<StaffTable>;
