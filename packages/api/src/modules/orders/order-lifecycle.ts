import type {
  CheckoutCoupons,
  CheckoutPoints,
  CheckoutPreviewRequest,
  CreateOrderRequest,
  LoginPlatform,
  OrderActorType,
  OrderStatus,
} from '@siyu/shared';
import type { Updateable } from 'kysely';
import type { OrdersTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Executor, Tx } from '../../lib/transaction.js';
import type { Adjustment, AdjustmentKind, AdjustmentSource, ShippingRule } from '../pricing/index.js';
import * as repo from './orders.repository.js';

/**
 * The order's lifecycle, and the one way other modules take part in it (docs/decisions/013-pricing-and-the-order-lifecycle.md).
 *
 * A module that has something to do when orders move implements `OrderParticipant` and is handed to the orders
 * service in `createApp`, in a fixed order (stock first). Every step runs inside the transaction that moved the order:
 * a participant that throws rolls the whole move back. Nothing registers itself at run time.
 *
 *   checkout   adjustments(): offer discounts for a checkout (read-only; the preview and order creation both ask)
 *   created    the order row, its lines and its adjustments are written (reserve stock, lock a coupon, debit points)
 *   closedUnpaid  an unpaid order was cancelled by the member or expired (give back what `created` took)
 *   paid       the payment was applied, or nothing was left to pay (count sales, earn points, mark a coupon used)
 *   completed  the member confirmed receipt or staff completed it (start the refund window for pending points)
 *   refunded   a refund succeeded, partial or whole (return stock of unshipped lines, reverse points, return a coupon)
 */

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

export interface OrderFacts {
  orderId: number;
  orderNo: string;
  /** goods: placed at checkout; points_mall: the cash part of a points-mall redemption (no catalog stock, earns nothing). */
  kind: 'goods' | 'points_mall';
  memberId: number;
  platform: LoginPlatform | null;
  itemsFen: number;
  shippingFen: number;
  discountFen: number;
  payableFen: number;
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

export interface OrderParticipant {
  /** For errors and logs. */
  readonly name: string;
  /** `earlier`: what the participants before it offered (so coupons can be chosen after the member price). */
  adjustments?(executor: Executor, checkout: CheckoutContext, earlier: readonly Adjustment[]): Promise<CheckoutOffer>;
  /**
   * Shelf prices (the member price and 券后价 on product pages and tiles): reads what it needs for the member once and
   * answers for any number of one-unit checkouts without another query, so a page of tiles costs a fixed few queries.
   */
  shelf?(executor: Executor, memberId: number, at: Date): Promise<ShelfOffer>;
  created?(trx: Tx, event: OrderCreatedEvent): Promise<void>;
  closedUnpaid?(trx: Tx, event: OrderClosedEvent): Promise<void>;
  paid?(trx: Tx, event: OrderPaidEvent): Promise<void>;
  completed?(trx: Tx, event: OrderCompletedEvent): Promise<void>;
  refunded?(trx: Tx, event: OrderRefundedEvent): Promise<void>;
  /**
   * How much of a refund to keep back, in fen (the value of earned points already spent, under that rule); 0 for none.
   * Reads only: the refund preview asks it outside any write (on PostgreSQL, in a read-only transaction).
   */
  refundRequested?(executor: Executor, event: RefundRequestedEvent): Promise<number>;
}

export interface TransitionMove {
  from: OrderStatus[];
  to: OrderStatus;
  actor: Actor;
  set?: Updateable<OrdersTable>;
  note?: string | null;
}

type Step = 'created' | 'closedUnpaid' | 'paid' | 'completed' | 'refunded';
type EventOf<S extends Step> = Parameters<NonNullable<OrderParticipant[S]>>[1];

export type OrderLifecycle = ReturnType<typeof createOrderLifecycle>;

export function createOrderLifecycle({ clock, participants }: { clock: Clock; participants: readonly OrderParticipant[] }) {
  const names = new Set<string>();
  for (const p of participants) {
    if (names.has(p.name)) throw new Error(`order participant ${p.name} is plugged in twice`);
    names.add(p.name);
  }

  async function run<S extends Step>(step: S, trx: Tx, event: EventOf<S>): Promise<void> {
    for (const p of participants) {
      const handler = p[step] as ((trx: Tx, e: EventOf<S>) => Promise<void>) | undefined;
      if (handler) await handler.call(p, trx, event);
    }
  }

  return {
    /** Every participant's offers for a checkout, in participant order, each seeing what those before it offered. */
    async offers(
      executor: Executor,
      checkout: CheckoutContext,
    ): Promise<{ adjustments: Adjustment[]; coupons: CheckoutCoupons | null; points: CheckoutPoints | null }> {
      const adjustments: Adjustment[] = [];
      let coupons: CheckoutCoupons | null = null;
      let points: CheckoutPoints | null = null;
      for (const p of participants) {
        if (!p.adjustments) continue;
        const offer = await p.adjustments(executor, checkout, [...adjustments]);
        adjustments.push(...offer.adjustments);
        if (offer.coupons) coupons = offer.coupons;
        if (offer.points) points = offer.points;
      }
      return { adjustments, coupons, points };
    },

    /** Every participant's shelf offer for the member, in participant order (one set of reads per page). */
    async shelf(executor: Executor, memberId: number, at: Date): Promise<ShelfOffer[]> {
      return Promise.all(participants.filter((p) => p.shelf).map((p) => p.shelf!(executor, memberId, at)));
    },

    /** What the participants keep back of a refund being asked for, at most the refund. */
    async refundDeduction(executor: Executor, e: RefundRequestedEvent): Promise<number> {
      let kept = 0;
      for (const p of participants) if (p.refundRequested) kept += await p.refundRequested(executor, e);
      return Math.min(e.amountFen, kept);
    },

    /**
     * The one way an order changes state: a conditional update from the state it is in (one of `from`) to `to`, and
     * the history row with who, from what and why, always together. False when it is in none of `from` (or another
     * transaction moved it first and it no longer is).
     */
    async transition(trx: Tx, orderId: number, move: TransitionMove): Promise<boolean> {
      const at = clock.now().toISOString();
      // The update names the state read, so the history row's from_status is the state really left.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const before = await repo.findOrder(trx, orderId);
        if (!before || !move.from.includes(before.status)) return false;
        if (!(await repo.transition(trx, orderId, [before.status], move.to, move.set ?? {}, at))) continue;
        await repo.insertEvent(trx, {
          order_id: orderId,
          from_status: before.status,
          to_status: move.to,
          actor_type: move.actor.type,
          actor_id: move.actor.id,
          note: move.note ?? null,
          created_at: at,
        });
        return true;
      }
      return false;
    },

    /** Like transition, but a refusal is the caller's error: INVALID_STATE naming the order's current state. */
    async require(trx: Tx, orderId: number, move: TransitionMove, what: string): Promise<void> {
      if (await this.transition(trx, orderId, move)) return;
      const current = (await repo.findOrder(trx, orderId))?.status;
      if (!current) throw new AppError('NOT_FOUND', `order ${orderId} not found`);
      throw new AppError('INVALID_STATE', `order is ${current}; ${what}`, { status: current });
    },

    created: (trx: Tx, e: OrderCreatedEvent) => run('created', trx, e),
    closedUnpaid: (trx: Tx, e: OrderClosedEvent) => run('closedUnpaid', trx, e),
    paid: (trx: Tx, e: OrderPaidEvent) => run('paid', trx, e),
    completed: (trx: Tx, e: OrderCompletedEvent) => run('completed', trx, e),
    refunded: (trx: Tx, e: OrderRefundedEvent) => run('refunded', trx, e),
  };
}
