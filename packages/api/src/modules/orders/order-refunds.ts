import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type FieldIssue, validationError } from '../../lib/http.js';
import type { Executor, Tx } from '../../lib/transaction.js';
import type { OrderLifecycle } from './order-lifecycle.js';
import type { Actor, OrderFacts, StockReturn } from './events.js';
import type { LineRow } from './order-views.js';
import * as repo from './orders.repository.js';

/** What a refund request reserves on the order: computed here from what the lines really cost, never taken from the client. */
export interface RefundReservation {
  amountFen: number;
  includesShipping: boolean;
  /** It leaves nothing of the order. */
  wholeOrder: boolean;
  lines: RefundLineAmount[];
}

/** A refund asked for: the order, and its lines (omitted: everything left). */
export interface RefundInput {
  orderId: number;
  lines?: { orderLineId: number; quantity: number }[];
}

/** Orders a refund can be asked of. */
const REFUNDABLE: readonly string[] = ['paid', 'shipped', 'completed'];

export interface RefundLineAmount {
  orderLineId: number;
  quantity: number;
  /** This many fen of the line's paid amount. */
  amountFen: number;
}

/**
 * Refund accounting on the order. Refunds give back what each line really cost (`paid_fen`, after its share of the
 * discounts), never its list price: `k` of a line's `n` units are worth floor(paid × k / n), and the refund that takes
 * a line's last units takes whatever of its paid amount is left, so a line's refunds add up to exactly what it cost.
 * The refund that leaves nothing of the order takes what is left of the payable, the (discounted) shipping included.
 * Every amount and count is reserved by a conditional update backed by a CHECK, so racing requests cannot overshoot.
 */
export function createOrderRefunds(deps: {
  clock: Clock;
  lifecycle: OrderLifecycle;
  facts: (trx: Tx, orderId: number) => Promise<OrderFacts>;
  returnStock: (trx: Tx, orderId: number, units: { line: LineRow; quantity: number }[]) => Promise<StockReturn[]>;
}) {
  const { clock, lifecycle } = deps;
  const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);

  /**
   * What a refund of these lines (or of everything left) comes to, by reads only: the request's reservation and the
   * shopper's preview both come from here. `lines` omitted means everything not yet refunded or under an open refund.
   */
  async function planRefund(executor: Executor, input: RefundInput): Promise<RefundReservation> {
    const o = await repo.findOrder(executor, input.orderId);
    if (!o || !REFUNDABLE.includes(o.status)) {
      throw new AppError('INVALID_STATE', `order is ${o?.status}; only a paid, shipped or completed order can be refunded`, { status: o?.status });
    }
    const lines = await repo.listLines(executor, [input.orderId]);
    const unitsLeft = (l: LineRow) => l.quantity - l.refund_reserved_qty;
    let wanted: { line: LineRow; quantity: number }[];
    if (input.lines) {
      const byId = new Map(lines.map((l) => [l.id, l]));
      const issues: FieldIssue[] = [];
      wanted = [];
      input.lines.forEach((w, i) => {
        const line = byId.get(w.orderLineId);
        if (!line)
          issues.push({ field: `lines.${i}.orderLineId`, code: 'not_found_ref', message: `order line ${w.orderLineId} is not part of this order` });
        else if (w.quantity > line.quantity)
          issues.push({
            field: `lines.${i}.quantity`,
            code: 'over_line_quantity',
            message: `the line has ${line.quantity} unit(s)`,
            params: { quantity: line.quantity },
          });
        else wanted.push({ line, quantity: w.quantity });
      });
      if (issues.length > 0) throw validationError(issues);
      const taken = wanted.find((w) => w.quantity > unitsLeft(w.line));
      if (taken) {
        throw conflict(
          `only ${unitsLeft(taken.line)} unit(s) of ${taken.line.title} are left to refund; the rest is refunded or under an open refund`,
          {
            orderLineId: taken.line.id,
            left: unitsLeft(taken.line),
          },
        );
      }
    } else {
      wanted = lines.filter((l) => unitsLeft(l) > 0).map((line) => ({ line, quantity: unitsLeft(line) }));
      if (wanted.length === 0) throw conflict('nothing is left to refund: every line is refunded or under an open refund');
    }
    const requested = new Map(wanted.map((w) => [w.line.id, w.quantity]));
    const coversAll = lines.every((l) => unitsLeft(l) === (requested.get(l.id) ?? 0));
    const refundLines = wanted.map((w): RefundLineAmount => {
      const paid = w.line.paid_fen;
      const finishesLine = w.quantity === unitsLeft(w.line);
      const amountFen = finishesLine ? paid - w.line.refund_reserved_fen : Math.floor((paid * w.quantity) / w.line.quantity);
      return { orderLineId: w.line.id, quantity: w.quantity, amountFen };
    });
    const linesFen = refundLines.reduce((sum, l) => sum + l.amountFen, 0);
    const amountFen = coversAll ? o.payable_fen - o.refund_reserved_fen : linesFen;
    if (amountFen <= 0) throw conflict('nothing is left to refund on this order');
    return { amountFen, includesShipping: coversAll && amountFen > linesFen, wholeOrder: coversAll, lines: refundLines };
  }

  return {
    planRefund,

    /** Inside the refunds module's transaction: the plan, reserved on the order and its lines. */
    async reserveRefund(trx: Tx, input: RefundInput): Promise<RefundReservation> {
      const at = clock.now().toISOString();
      // The first statement locks the order row, so the lines read next cannot change under us (PostgreSQL).
      if (!(await repo.lockRefundableOrder(trx, input.orderId, at))) {
        const status = (await repo.findOrder(trx, input.orderId))?.status;
        throw new AppError('INVALID_STATE', `order is ${status}; only a paid, shipped or completed order can be refunded`, { status });
      }
      const plan = await planRefund(trx, input);
      if (!(await repo.reserveRefundAmount(trx, input.orderId, plan.amountFen, at)))
        throw conflict('the refund would exceed what is left of the amount paid');
      for (const l of [...plan.lines].sort((a, b) => a.orderLineId - b.orderLineId)) {
        if (!(await repo.reserveRefundLine(trx, input.orderId, l.orderLineId, l.quantity, l.amountFen))) {
          throw conflict('those lines are already refunded or under an open refund', { orderLineId: l.orderLineId });
        }
      }
      return plan;
    },

    /** A rejected or failed refund gives its reservation back, so the member can ask again. */
    async releaseRefund(trx: Tx, input: { orderId: number; amountFen: number; lines: RefundLineAmount[] }): Promise<void> {
      const at = clock.now().toISOString();
      if (!(await repo.releaseRefundAmount(trx, input.orderId, input.amountFen, at))) {
        throw new AppError('INTERNAL', `refund reservation of order ${input.orderId} is inconsistent`);
      }
      for (const l of input.lines) {
        if (!(await repo.releaseRefundLine(trx, input.orderId, l.orderLineId, l.quantity, l.amountFen))) {
          throw new AppError('INTERNAL', `refund reservation of order line ${l.orderLineId} is inconsistent`);
        }
      }
    },

    /**
     * Inside the transaction that marks a refund succeeded: the reserved amounts become refunded, stock goes back for
     * the refunded units when the order had not shipped, the order becomes `refunded` when nothing is left, and the
     * lifecycle's `refunded` step runs, all in the caller's transaction.
     */
    async applyRefund(trx: Tx, input: ApplyRefundInput): Promise<{ fullyRefunded: boolean; stockReturned: boolean }> {
      const at = clock.now().toISOString();
      const after = await repo.addRefunded(trx, input.orderId, input.amountFen, at);
      if (!after) throw new AppError('INTERNAL', `refund ${input.refundNo} exceeds the amount reserved on order ${input.orderId}`);
      for (const l of input.lines) {
        if (!(await repo.addRefundedLine(trx, input.orderId, l.orderLineId, l.quantity, l.amountFen))) {
          throw new AppError('INTERNAL', `refund ${input.refundNo} exceeds what is reserved on line ${l.orderLineId}`);
        }
      }
      const o = (await repo.findOrder(trx, input.orderId))!;
      const lines = await repo.listLines(trx, [input.orderId]);
      const byId = new Map(lines.map((l) => [l.id, l]));
      const stockReturned = o.status === 'paid';
      const stockReturns = stockReturned
        ? await deps.returnStock(
            trx,
            input.orderId,
            input.lines.map((l) => ({ line: byId.get(l.orderLineId)!, quantity: l.quantity })),
          )
        : [];
      const fullyRefunded = after.refunded_fen === after.payable_fen;
      if (fullyRefunded) {
        await lifecycle.transition(trx, input.orderId, {
          from: ['paid', 'shipped', 'completed'],
          to: 'refunded',
          actor: input.actor,
          set: { refunded_at: at },
          note: input.note ?? `refund ${input.refundNo}`,
        });
      }
      await lifecycle.refunded(trx, {
        ...(await deps.facts(trx, input.orderId)),
        amountFen: input.amountFen,
        refundNo: input.refundNo,
        refundedLines: input.lines.map((l) => {
          const line = byId.get(l.orderLineId)!;
          return {
            orderLineId: l.orderLineId,
            skuId: line.sku_id,
            productId: line.product_id,
            quantity: l.quantity,
            amountFen: l.amountFen,
          };
        }),
        includesShipping: input.includesShipping,
        fullyRefunded,
        stockReturns,
        actor: input.actor,
        refundedAt: at,
      });
      return { fullyRefunded, stockReturned };
    },
  };
}

/** A refund that succeeded, applied to its order. */
export interface ApplyRefundInput {
  orderId: number;
  refundNo: string;
  amountFen: number;
  lines: RefundLineAmount[];
  includesShipping: boolean;
  actor: Actor;
  note?: string;
}

export type OrderRefunds = ReturnType<typeof createOrderRefunds>;
