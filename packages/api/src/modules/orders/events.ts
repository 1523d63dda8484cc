import type { CheckoutCoupons, CheckoutPoints, CheckoutPreviewRequest, CreateOrderRequest, LoginPlatform, OrderActorType } from '@siyu/shared';
import type { Participant } from '../../lib/participants.js';
import type { Executor, Tx } from '../../lib/transaction.js';
import type { Adjustment, AdjustmentKind, AdjustmentSource, ShippingRule } from '../pricing/index.js';

// The order lifecycle's events and the participant interface (order-lifecycle.ts runs them), on their own: a leaf
// that the modules taking part import without importing the orders module (no import loop; scripts/check-cycles.mjs).

export interface Actor {
  type: OrderActorType;
  id: number | null;
}

/** A checkout line as the pricing step sees it. `key` is the line's position (0-based) in the checkout. */
export interface CheckoutLine {
  key: number;
  skuId: number;
  productId: number;
  categoryId: number | null;
  unitPriceFen: number;
  quantity: number;
  lineTotalFen: number;
}

export interface CheckoutContext {
  memberId: number;
  /** The super-app of the member's session (null for sessions opened elsewhere, e.g. tests). */
  platform: LoginPlatform | null;
  /** Lines that can be bought (lines with a problem are left out of pricing). */
  lines: CheckoutLine[];
  request: CheckoutPreviewRequest | CreateOrderRequest;
  /** The merchant's shipping rule, for participants that price combinations (the best coupons). */
  shipping: ShippingRule;
  purpose: 'preview' | 'create';
  at: Date;
}

/**
 * What a participant offers a checkout: adjustments for the pricing function, and what the preview shows about them
 * (the coupons section: usable and unusable coupons with their reasons).
 */
export interface CheckoutOffer {
  adjustments: Adjustment[];
  coupons?: CheckoutCoupons;
  points?: CheckoutPoints;
}

export interface OrderLineFacts {
  orderLineId: number;
  lineNo: number;
  title: string;
  skuId: number;
  productId: number;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
  discountFen: number;
  paidFen: number;
}

export interface OrderAdjustmentFacts {
  id: number;
  seq: number;
  kind: AdjustmentKind;
  code: string;
  source: AdjustmentSource | null;
  appliesTo: 'items' | 'shipping';
  amountFen: number;
  /** Goods adjustments: how the amount fell on the lines. */
  lines: { orderLineId: number; amountFen: number }[];
}

/**
 * goods: placed at checkout; points_mall: the cash part of a points-mall redemption (no catalog stock, earns nothing);
 * top_up (stored value), gift_card, member_card: a thing that is not goods, sold by the module that owns it through
 * `createServiceOrder` (decision 038): no stock, no shipping, no checkout offers; paid, closed and refunded like any order;
 * counter: a purchase recorded at the shop's counter with the member code, paid there (`settleCounterOrder`) and
 * earning points and growth like goods.
 */
export const ORDER_KINDS = ['goods', 'points_mall', 'top_up', 'gift_card', 'member_card', 'counter'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
/** The kinds a module other than checkout sells: one line, no shipping, no discounts. */
export type ServiceOrderKind = Exclude<OrderKind, 'goods'>;

export interface OrderFacts {
  orderId: number;
  orderNo: string;
  kind: OrderKind;
  memberId: number;
  platform: LoginPlatform | null;
  itemsFen: number;
  shippingFen: number;
  discountFen: number;
  payableFen: number;
  /** The part of the payable paid from the stored-value balance at creation (the `prepaid` step; decision 039). */
  balanceFen: number;
  lines: OrderLineFacts[];
  adjustments: OrderAdjustmentFacts[];
}

export interface OrderCreatedEvent extends OrderFacts {
  /** The member's checkout request; null for a points-mall order. */
  request: CreateOrderRequest | null;
  at: string;
}

/** Units whose stock goes back, decided once by the orders module (each unit goes back at most once). */
export interface StockReturn {
  orderLineId: number;
  skuId: number;
  quantity: number;
}

export interface OrderClosedEvent extends OrderFacts {
  reason: 'cancelled' | 'expired';
  actor: Actor;
  stockReturns: StockReturn[];
  at: string;
}

export interface OrderPaidEvent extends OrderFacts {
  /** What was paid: the payable; 0 when discounts left nothing to pay. */
  amountFen: number;
  /** null when nothing was left to pay and no platform was involved. */
  paymentPlatform: string | null;
  transactionId: string | null;
  paidAt: string;
  /** The member's first paid order. */
  firstPaidOrder: boolean;
}

/** Staff shipped a paid order (goods only: a points-mall redemption ships as the redemption). */
export interface OrderShippedEvent extends OrderFacts {
  actor: Actor;
  carrier: string;
  trackingNo: string;
  shippedAt: string;
}

export interface OrderCompletedEvent extends OrderFacts {
  actor: Actor;
  completedAt: string;
}

/** One succeeded refund, partial or whole. */
export interface OrderRefundedEvent extends OrderFacts {
  /** This refund's amount. */
  amountFen: number;
  refundNo: string;
  /** The refunded lines: how many units and how many fen of each line's paid amount this refund gave back. */
  refundedLines: { orderLineId: number; skuId: number; productId: number; quantity: number; amountFen: number }[];
  /** This refund also gave back the (discounted) shipping fee. */
  includesShipping: boolean;
  /** The order is now refunded in full. */
  fullyRefunded: boolean;
  /** The order had not shipped: these units went back to stock. */
  stockReturns: StockReturn[];
  actor: Actor;
  refundedAt: string;
}

/** A refund is being asked for (before it is recorded): a participant may keep back part of it. */
export interface RefundRequestedEvent {
  orderId: number;
  memberId: number;
  /** What the refund gives back of the order's value (lines, and shipping with the refund that empties the order). */
  amountFen: number;
  payableFen: number;
  /** This refund leaves nothing of the order. */
  wholeOrder: boolean;
}

/** A checkout of one unit, priced for a product page or tile (no address, no shipping fee, no request). */
export interface ShelfCheckout {
  lines: CheckoutLine[];
  shipping: ShippingRule;
}

/** What a participant would offer a shelf checkout after `earlier`: pure, its reads done once for the whole page. */
export type ShelfOffer = (checkout: ShelfCheckout, earlier: readonly Adjustment[]) => Adjustment[];

export interface OrderParticipant extends Participant {
  /**
   * The order kinds whose moves this participant takes part in ('all': every kind). Checkout offers (`adjustments`)
   * are asked of participants handling goods; `refundRequested` of every participant (a refund is about money).
   */
  readonly kinds: 'all' | readonly OrderKind[];
  /** `earlier`: what the participants before it offered (so coupons can be chosen after the member price). */
  adjustments?(executor: Executor, checkout: CheckoutContext, earlier: readonly Adjustment[]): Promise<CheckoutOffer>;
  /**
   * Shelf prices (the member price and 券后价 on product pages and tiles): reads what it needs for the member once and
   * answers for any number of one-unit checkouts without another query, so a page of tiles costs a fixed few queries.
   */
  shelf?(executor: Executor, memberId: number, at: Date): Promise<ShelfOffer>;
  created?(trx: Tx, event: OrderCreatedEvent): Promise<void>;
  /**
   * Right after `created`, for goods orders: how much of what is still to pay this participant pays now, from money
   * the member holds with the shop (the stored-value balance, decision 039); at most `remainingFen`. The orders module
   * records the sum; the platform is asked for the rest, and an order left with nothing to pay is settled at once.
   */
  prepaid?(trx: Tx, event: OrderCreatedEvent, remainingFen: number): Promise<number>;
  closedUnpaid?(trx: Tx, event: OrderClosedEvent): Promise<void>;
  paid?(trx: Tx, event: OrderPaidEvent): Promise<void>;
  shipped?(trx: Tx, event: OrderShippedEvent): Promise<void>;
  completed?(trx: Tx, event: OrderCompletedEvent): Promise<void>;
  refunded?(trx: Tx, event: OrderRefundedEvent): Promise<void>;
  /**
   * How much of a refund to keep back, in fen (the value of earned points already spent, under that rule); 0 for none.
   * Reads only: the refund preview asks it outside any write (on PostgreSQL, in a read-only transaction).
   */
  refundRequested?(executor: Executor, event: RefundRequestedEvent): Promise<number>;
}

/** The order's events, in the order an order can meet them; what participants.test.ts lists. */
export const ORDER_STEPS = [
  'adjustments',
  'shelf',
  'created',
  'prepaid',
  'closedUnpaid',
  'paid',
  'shipped',
  'completed',
  'refunded',
  'refundRequested',
] as const;

/** Whether the participant takes part in orders of this kind. */
export const handlesKind = (p: OrderParticipant, kind: OrderKind) => p.kinds === 'all' || p.kinds.includes(kind);
