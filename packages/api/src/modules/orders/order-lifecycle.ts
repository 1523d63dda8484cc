import type { CheckoutCoupons, CheckoutPoints, OrderStatus } from '@siyu/shared';
import type { Updateable } from 'kysely';
import type { OrdersTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { requireUniqueNames } from '../../lib/participants.js';
import type { Executor, Tx } from '../../lib/transaction.js';
import type { Adjustment } from '../pricing/index.js';
import {
  type Actor,
  type CheckoutContext,
  handlesKind,
  ORDER_KINDS,
  type OrderClosedEvent,
  type OrderCompletedEvent,
  type OrderShippedEvent,
  type OrderCreatedEvent,
  type OrderKind,
  type OrderPaidEvent,
  type OrderParticipant,
  type OrderRefundedEvent,
  type RefundRequestedEvent,
  type ShelfOffer,
} from './events.js';
import * as repo from './orders.repository.js';

/**
 * The order's lifecycle, and the one way other modules take part in it (docs/decisions/013-pricing-and-the-order-lifecycle.md).
 *
 * A module that has something to do when orders move implements `OrderParticipant`, declaring the order kinds it
 * handles, and is listed in `src/participants.ts` in a fixed order (stock first). Every step runs inside the
 * transaction that moved the order: a participant that throws rolls the whole move back. A step is called only for
 * orders of a kind its participant declares. Nothing registers itself at run time (decision 030).
 *
 *   checkout   adjustments(): offer discounts for a checkout (read-only; the preview and order creation both ask)
 *   created    the order row, its lines and its adjustments are written (reserve stock, lock a coupon, debit points)
 *   closedUnpaid  an unpaid order was cancelled by the member or expired (give back what `created` took)
 *   paid       the payment was applied, or nothing was left to pay (count sales, earn points, mark a coupon used)
 *   completed  the member confirmed receipt or staff completed it (start the refund window for pending points)
 *   refunded   a refund succeeded, partial or whole (return stock of unshipped lines, reverse points, return a coupon)
 */

export interface TransitionMove {
  from: OrderStatus[];
  to: OrderStatus;
  actor: Actor;
  set?: Updateable<OrdersTable>;
  note?: string | null;
}

type Step = 'created' | 'closedUnpaid' | 'paid' | 'shipped' | 'completed' | 'refunded';
type EventOf<S extends Step> = Parameters<NonNullable<OrderParticipant[S]>>[1];

export type OrderLifecycle = ReturnType<typeof createOrderLifecycle>;

export function createOrderLifecycle({ clock, participants }: { clock: Clock; participants: readonly OrderParticipant[] }) {
  requireUniqueNames('order', participants);
  const ofKind = new Map<OrderKind, readonly OrderParticipant[]>(ORDER_KINDS.map((kind) => [kind, participants.filter((p) => handlesKind(p, kind))]));

  async function run<S extends Step>(step: S, trx: Tx, event: EventOf<S>): Promise<void> {
    for (const p of ofKind.get(event.kind) ?? []) {
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
      for (const p of ofKind.get('goods') ?? []) {
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
      return Promise.all(participants.filter((p) => p.shelf && handlesKind(p, 'goods')).map((p) => p.shelf!(executor, memberId, at)));
    },

    /** What the participants pay of a new order from money held for the member (decision 039), at most its payable. */
    async prepaid(trx: Tx, event: OrderCreatedEvent): Promise<number> {
      let paid = 0;
      for (const p of ofKind.get(event.kind) ?? []) {
        if (!p.prepaid) continue;
        const part = await p.prepaid(trx, event, event.payableFen - paid);
        if (!Number.isInteger(part) || part < 0 || part > event.payableFen - paid)
          throw new Error(`${p.name} prepaid ${part} of ${event.payableFen - paid}`);
        paid += part;
      }
      return paid;
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
    shipped: (trx: Tx, e: OrderShippedEvent) => run('shipped', trx, e),
    completed: (trx: Tx, e: OrderCompletedEvent) => run('completed', trx, e),
    refunded: (trx: Tx, e: OrderRefundedEvent) => run('refunded', trx, e),
  };
}
