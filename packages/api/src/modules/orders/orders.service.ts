import type { Updateable } from 'kysely';
import { randomInt } from 'node:crypto';
import {
  OrderSettings as OrderSettingsSchema,
  type BreakdownLine,
  type CheckoutPreview,
  type CheckoutPreviewRequest,
  type CreateOrderRequest,
  type MerchantOrderQuery,
  type Order,
  type OrderActorType,
  type OrderPage,
  type OrderSettings,
  type OrderStatus,
  type OrderSummary,
  type PreviewLine,
  type Refund,
  type ShippingAddressSnapshot,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import type { OrdersTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import { inTransaction, type Executor, type Tx } from '../../lib/transaction.js';
import type { AddressesService } from '../addresses/index.js';
import type { CartService } from '../cart/index.js';
import type { CatalogService } from '../catalog/index.js';
import * as repo from './orders.repository.js';

export const DEFAULT_ORDER_SETTINGS: OrderSettings = { shippingFlatFeeFen: 1000, freeShippingThresholdFen: 9900, paymentWindowMinutes: 30 };

export interface Actor {
  type: OrderActorType;
  id: number | null;
}

export interface MarkOrderPaidInput {
  /** Our order number, sent to the platform as its trade number (out_trade_no). */
  orderNo: string;
  amountFen: number;
  platform: string;
  transactionId: string;
  paidAt: Date;
}

export type MarkOrderPaidOutcome =
  | 'paid' // this call moved the order to paid
  | 'already_paid' // a replay of the payment that paid it: nothing to do, acknowledge
  | 'payment_received_after_close' // the order was closed first: recorded and queued for refund
  | 'duplicate_payment' // a second, different payment for a paid order: recorded and queued for refund
  | 'amount_mismatch' // the amount is not the order's payable amount: nothing changed
  | 'order_not_found';

export interface OrderPaidEvent {
  orderId: number;
  orderNo: string;
  memberId: number;
  amountFen: number;
  platform: string;
  transactionId: string;
  paidAt: string;
  lines: { skuId: number; productId: number; quantity: number; lineTotalFen: number }[];
}

/** One succeeded refund (partial or whole); `fullyRefunded` when it made the order `refunded`. */
export interface OrderRefundedEvent {
  orderId: number;
  orderNo: string;
  memberId: number;
  /** This refund's amount. */
  amountFen: number;
  /** Our refund number; null for a whole-order refund applied without a refund request. */
  refundNo: string | null;
  fullyRefunded: boolean;
  refundedAt: string;
  /** The order had not shipped: the refunded lines' stock went back. */
  stockReturned: boolean;
  lines: { orderLineId: number; skuId: number; productId: number; quantity: number }[];
}

/** What a refund request reserves on the order: computed here from the paid lines, never taken from the client. */
export interface RefundReservation {
  amountFen: number;
  includesShipping: boolean;
  lines: { orderLineId: number; quantity: number; amountFen: number }[];
}

/** Reads an order's refunds (newest first) for the order views; provided by the refunds module. */
export type RefundsReader = (executor: Executor, orderId: number) => Promise<Refund[]>;

/** Listeners run inside the transaction that moved the order; throwing rolls the whole transition back. */
export type OrderPaidListener = (trx: Tx, event: OrderPaidEvent) => Promise<void>;
export type OrderRefundedListener = (trx: Tx, event: OrderRefundedEvent) => Promise<void>;

type OrderRow = NonNullable<Awaited<ReturnType<typeof repo.findOrder>>>;
type LineRow = Awaited<ReturnType<typeof repo.listLines>>[number];
type EventRow = Awaited<ReturnType<typeof repo.listEvents>>[number];

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** 26 characters of digits: UTC time to the second and 12 random digits; safe as out_trade_no on every platform. */
function newOrderNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

function toSummary(o: OrderRow, lines: LineRow[]): OrderSummary {
  return {
    id: Number(o.id),
    orderNo: o.order_no,
    memberId: Number(o.member_id),
    status: o.status,
    lines: lines.map((l) => ({
      id: Number(l.id),
      skuId: Number(l.sku_id),
      productId: Number(l.product_id),
      title: l.title,
      specs: parseJson(l.specs, {}),
      skuCode: l.sku_code,
      imageUrl: l.image_url,
      unitPriceFen: Number(l.unit_price_fen),
      quantity: l.quantity,
      lineTotalFen: Number(l.line_total_fen),
    })),
    itemsFen: Number(o.items_fen),
    shippingFen: Number(o.shipping_fen),
    payableFen: Number(o.payable_fen),
    remark: o.remark,
    expiresAt: o.expires_at,
    paidAt: o.paid_at,
    paymentPlatform: o.payment_platform,
    shippedAt: o.shipped_at,
    carrier: o.carrier,
    trackingNo: o.tracking_no,
    completedAt: o.completed_at,
    cancelledAt: o.cancelled_at,
    createdAt: o.created_at,
    refundedFen: Number(o.refunded_fen),
  };
}

function toOrder(o: OrderRow, lines: LineRow[], events: EventRow[], refunds: Refund[]): Order {
  return {
    ...toSummary(o, lines),
    breakdown: parseJson<BreakdownLine[]>(o.breakdown, []),
    address: parseJson<ShippingAddressSnapshot>(o.address, { name: '', phone: '', province: '', city: '', district: '', detail: '' }),
    events: events.map((e) => ({
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorType: e.actor_type,
      actorId: e.actor_id === null ? null : Number(e.actor_id),
      note: e.note,
      createdAt: e.created_at,
    })),
    refunds,
  };
}

function paymentFactsOf(o: OrderRow) {
  return {
    id: Number(o.id),
    orderNo: o.order_no,
    memberId: Number(o.member_id),
    status: o.status,
    payableFen: Number(o.payable_fen),
    expiresAt: o.expires_at,
    paidFen: o.paid_amount_fen === null ? null : Number(o.paid_amount_fen),
    paymentPlatform: o.payment_platform,
    transactionId: o.payment_transaction_id,
    refundedFen: Number(o.refunded_fen),
  };
}

export type OrderPaymentFacts = ReturnType<typeof paymentFactsOf>;

export type OrdersService = ReturnType<typeof createOrdersService>;

export function createOrdersService(deps: { db: DB; clock: Clock; catalog: CatalogService; addresses: AddressesService; cart: CartService }) {
  const { db, clock, catalog, addresses, cart } = deps;
  const paidListeners: OrderPaidListener[] = [];
  const refundedListeners: OrderRefundedListener[] = [];
  let readRefunds: RefundsReader = async () => [];

  async function settings(executor: Executor = db): Promise<OrderSettings> {
    const json = await repo.findSettingsJson(executor);
    if (!json) return DEFAULT_ORDER_SETTINGS;
    const parsed = OrderSettingsSchema.safeParse(parseJson(json, null));
    return parsed.success ? parsed.data : DEFAULT_ORDER_SETTINGS;
  }

  /** Prices, stock and availability read from the catalog now; nothing from the client but SKU ids and quantities. */
  async function priceLines(executor: Executor, memberId: number, req: { items?: { skuId: number; quantity: number }[]; fromCart?: true }) {
    const items = req.items ?? (await cart.selectedItems(executor, memberId));
    if (items.length === 0)
      throw new AppError('VALIDATION_FAILED', 'no selected lines in the cart', {
        issues: [{ field: 'fromCart', message: 'the cart has no selected lines' }],
      });
    const skus = new Map(
      (
        await catalog.skusForPurchase(
          executor,
          items.map((i) => i.skuId),
        )
      ).map((s) => [Number(s.sku_id), s]),
    );
    return items.map((item, i): PreviewLine & { skuCode: string } => {
      const s = skus.get(item.skuId);
      if (!s) throw new AppError('NOT_FOUND', `SKU ${item.skuId} not found`, { field: req.items ? `items.${i}.skuId` : 'fromCart' });
      const unitPriceFen = Number(s.price_fen);
      return {
        skuId: item.skuId,
        productId: Number(s.product_id),
        title: s.title,
        specs: parseJson(s.specs, {}),
        imageUrl: parseJson<string[]>(s.image_urls, [])[0] ?? null,
        unitPriceFen,
        quantity: item.quantity,
        lineTotalFen: unitPriceFen * item.quantity,
        problem: s.status !== 'on_shelf' ? 'unavailable' : Number(s.stock) < item.quantity ? 'insufficient_stock' : null,
        skuCode: s.code,
      };
    });
  }

  /** The amount breakdown as named lines; coupons, tier discounts and points will add lines of kind 'discount'. */
  function breakdownFor(itemsFen: number, rules: OrderSettings) {
    const free = rules.freeShippingThresholdFen !== null && itemsFen >= rules.freeShippingThresholdFen;
    const shippingFen = itemsFen === 0 || free ? 0 : rules.shippingFlatFeeFen;
    const breakdown: BreakdownLine[] = [
      { kind: 'items', label: '商品金额', amountFen: itemsFen },
      { kind: 'shipping', label: free ? '运费（满额包邮）' : '运费', amountFen: shippingFen },
    ];
    const payableFen = Math.max(
      0,
      breakdown.reduce((sum, l) => sum + l.amountFen, 0),
    );
    return { breakdown, shippingFen, payableFen };
  }

  async function loadOrder(executor: Executor, id: number): Promise<Order> {
    const o = (await repo.findOrder(executor, id))!;
    const [lines, events, refunds] = await Promise.all([repo.listLines(executor, [id]), repo.listEvents(executor, id), readRefunds(executor, id)]);
    return toOrder(o, lines, events, refunds);
  }

  async function ownOrder(executor: Executor, memberId: number, id: number): Promise<OrderRow> {
    const o = await repo.findOrder(executor, id);
    if (!o || Number(o.member_id) !== memberId) throw new AppError('NOT_FOUND', `order ${id} not found`);
    return o;
  }

  /**
   * Moves an order along one edge of the state machine, recording who and when. The conditional update
   * decides; a caller that lost a race, or asked from the wrong state, gets INVALID_STATE.
   */
  async function move(
    trx: Tx,
    o: OrderRow,
    from: OrderStatus[],
    to: OrderStatus,
    actor: Actor,
    set: Updateable<OrdersTable>,
    note: string | null = null,
  ): Promise<void> {
    const at = clock.now().toISOString();
    if (!(await repo.transition(trx, Number(o.id), from, to, set, at))) {
      const current = (await repo.findOrder(trx, Number(o.id)))?.status ?? o.status;
      throw new AppError('INVALID_STATE', `order is ${current}; cannot move it to ${to}`, { status: current });
    }
    await repo.insertEvent(trx, {
      order_id: Number(o.id),
      from_status: o.status,
      to_status: to,
      actor_type: actor.type,
      actor_id: actor.id,
      note,
      created_at: at,
    });
  }

  /** Returns `quantity` units of a line to stock, counting them on the line so no unit goes back twice. */
  async function returnLineStock(trx: Tx, orderId: number, line: LineRow, quantity: number, at: string, reason?: string): Promise<boolean> {
    if (quantity <= 0 || !(await repo.markStockReturned(trx, Number(line.id), quantity))) return false;
    await catalog.moveStockForOrder(trx, {
      skuId: Number(line.sku_id),
      delta: quantity,
      orderId,
      kind: 'order_release',
      at,
      ...(reason ? { reason } : {}),
    });
    return true;
  }

  /** Every unit of the order not yet returned goes back to stock. */
  async function releaseStock(trx: Tx, orderId: number, at: string, reason?: string) {
    // In SKU order, like reservations, so concurrent releases and reservations cannot deadlock.
    const lines = (await repo.listLines(trx, [orderId])).sort((a, b) => Number(a.sku_id) - Number(b.sku_id));
    for (const l of lines) await returnLineStock(trx, orderId, l, l.quantity - Number(l.stock_returned_qty), at, reason);
  }

  async function emitRefunded(trx: Tx, event: OrderRefundedEvent) {
    for (const listener of refundedListeners) await listener(trx, event);
  }

  /** Closes an unpaid order and returns its stock, exactly once: the guarded transition decides who does it. */
  async function closeUnpaid(trx: Tx, orderId: number, actor: Actor, note: string): Promise<boolean> {
    const at = clock.now().toISOString();
    const o = await repo.findOrder(trx, orderId);
    if (!o) return false;
    if (!(await repo.transition(trx, orderId, ['awaiting_payment'], 'cancelled', { cancelled_at: at }, at))) return false;
    await repo.insertEvent(trx, {
      order_id: orderId,
      from_status: 'awaiting_payment',
      to_status: 'cancelled',
      actor_type: actor.type,
      actor_id: actor.id,
      note,
      created_at: at,
    });
    await releaseStock(trx, orderId, at);
    return true;
  }

  return {
    settings: () => settings(),

    async updateSettings(next: OrderSettings, staffId: number): Promise<OrderSettings> {
      await repo.upsertSettingsJson(db, JSON.stringify(next), staffId, clock.now().toISOString());
      return next;
    },

    async preview(memberId: number, req: CheckoutPreviewRequest): Promise<CheckoutPreview> {
      const [priced, rules, address] = await Promise.all([
        priceLines(db, memberId, req),
        settings(),
        req.addressId === undefined ? Promise.resolve(null) : addresses.snapshot(db, memberId, req.addressId),
      ]);
      const lines = priced.map(({ skuCode: _code, ...l }) => l);
      const itemsFen = lines.filter((l) => l.problem === null).reduce((sum, l) => sum + l.lineTotalFen, 0);
      const { breakdown, shippingFen, payableFen } = breakdownFor(itemsFen, rules);
      return { lines, breakdown, itemsFen, shippingFen, payableFen, address, canSubmit: address !== null && lines.every((l) => l.problem === null) };
    },

    /**
     * Recomputes everything from the catalog, reserves stock with conditional updates (all lines or none,
     * INVARIANTS 1), snapshots the lines and the address, and opens the payment window.
     */
    async create(memberId: number, req: CreateOrderRequest): Promise<Order> {
      return inTransaction(db, async (trx) => {
        const now = clock.now();
        const at = now.toISOString();
        const [address, rules] = [await addresses.snapshot(trx, memberId, req.addressId), await settings(trx)];
        const lines = await priceLines(trx, memberId, req);
        const unavailable = lines.find((l) => l.problem === 'unavailable');
        if (unavailable) throw new AppError('PRODUCT_UNAVAILABLE', `${unavailable.title} is no longer for sale`, { skuId: unavailable.skuId });
        const itemsFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0);
        const { breakdown, shippingFen, payableFen } = breakdownFor(itemsFen, rules);
        const orderId = await repo.insertOrder(trx, {
          order_no: newOrderNo(now),
          member_id: memberId,
          status: 'awaiting_payment',
          items_fen: itemsFen,
          shipping_fen: shippingFen,
          payable_fen: payableFen,
          breakdown: JSON.stringify(breakdown),
          address: JSON.stringify(address),
          remark: req.remark ?? null,
          expires_at: new Date(now.getTime() + rules.paymentWindowMinutes * 60_000).toISOString(),
          paid_at: null,
          paid_amount_fen: null,
          payment_platform: null,
          payment_transaction_id: null,
          shipped_at: null,
          carrier: null,
          tracking_no: null,
          completed_at: null,
          cancelled_at: null,
          refunded_at: null,
          created_at: at,
          updated_at: at,
        });
        // In SKU order, so two orders locking the same SKUs cannot deadlock.
        for (const l of [...lines].sort((a, b) => a.skuId - b.skuId)) {
          const reserved = await catalog.moveStockForOrder(trx, { skuId: l.skuId, delta: -l.quantity, orderId, kind: 'order_reserve', at });
          if (!reserved) throw new AppError('OUT_OF_STOCK', `not enough stock for ${l.title}`, { skuId: l.skuId });
        }
        await repo.insertLines(
          trx,
          lines.map((l) => ({
            order_id: orderId,
            sku_id: l.skuId,
            product_id: l.productId,
            title: l.title,
            specs: JSON.stringify(l.specs),
            sku_code: l.skuCode,
            image_url: l.imageUrl,
            unit_price_fen: l.unitPriceFen,
            quantity: l.quantity,
            line_total_fen: l.lineTotalFen,
          })),
        );
        await repo.insertEvent(trx, {
          order_id: orderId,
          from_status: null,
          to_status: 'awaiting_payment',
          actor_type: 'member',
          actor_id: memberId,
          note: null,
          created_at: at,
        });
        if (req.fromCart)
          await cart.removeSkus(
            trx,
            memberId,
            lines.map((l) => l.skuId),
          );
        return loadOrder(trx, orderId);
      });
    },

    async memberOrder(memberId: number, id: number): Promise<Order> {
      await ownOrder(db, memberId, id);
      return loadOrder(db, id);
    },

    async memberOrders(memberId: number, query: { page: number; pageSize: number; status?: OrderStatus }): Promise<OrderPage> {
      return this.merchantOrders({ ...query, memberId });
    },

    async merchantOrder(id: number): Promise<Order> {
      if (!(await repo.findOrder(db, id))) throw new AppError('NOT_FOUND', `order ${id} not found`);
      return loadOrder(db, id);
    },

    async merchantOrders(query: MerchantOrderQuery): Promise<OrderPage> {
      const { rows, total } = await repo.pageOrders(
        db,
        { memberId: query.memberId, status: query.status, orderNo: query.orderNo },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      const lines = await repo.listLines(
        db,
        rows.map((r) => Number(r.id)),
      );
      return {
        items: rows.map((o) =>
          toSummary(
            o,
            lines.filter((l) => Number(l.order_id) === Number(o.id)),
          ),
        ),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /** The member cancels an unpaid order; its stock goes back. */
    async cancel(memberId: number, id: number): Promise<Order> {
      return inTransaction(db, async (trx) => {
        const o = await ownOrder(trx, memberId, id);
        if (!(await closeUnpaid(trx, id, { type: 'member', id: memberId }, 'cancelled by member'))) {
          const current = (await repo.findOrder(trx, id))?.status ?? o.status;
          throw new AppError('INVALID_STATE', `order is ${current}; only an unpaid order can be cancelled`, { status: current });
        }
        return loadOrder(trx, id);
      });
    },

    async ship(staffId: number, id: number, input: { carrier: string; trackingNo: string }): Promise<Order> {
      return inTransaction(db, async (trx) => {
        const o = await repo.findOrder(trx, id);
        if (!o) throw new AppError('NOT_FOUND', `order ${id} not found`);
        await move(
          trx,
          o,
          ['paid'],
          'shipped',
          { type: 'staff', id: staffId },
          { shipped_at: clock.now().toISOString(), carrier: input.carrier, tracking_no: input.trackingNo },
          `${input.carrier} ${input.trackingNo}`,
        );
        return loadOrder(trx, id);
      });
    },

    /** Staff complete a shipped order, or the member confirms receipt. */
    async complete(actor: Actor, id: number): Promise<Order> {
      return inTransaction(db, async (trx) => {
        const o = actor.type === 'member' ? await ownOrder(trx, actor.id!, id) : await repo.findOrder(trx, id);
        if (!o) throw new AppError('NOT_FOUND', `order ${id} not found`);
        await move(trx, o, ['shipped'], 'completed', actor, { completed_at: clock.now().toISOString() });
        return loadOrder(trx, id);
      });
    },

    /**
     * Cancels every unpaid order whose payment window has passed and returns its stock. Idempotent and
     * safe to run concurrently: each order is closed by one guarded transition in its own transaction.
     */
    async closeExpiredOrders(now: Date): Promise<{ closed: number }> {
      let closed = 0;
      for (;;) {
        const ids = await repo.expiredOrderIds(db, now.toISOString(), 100);
        let closedThisRound = 0;
        for (const id of ids) {
          if (await inTransaction(db, (trx) => closeUnpaid(trx, id, { type: 'system', id: null }, 'payment window expired'))) closedThisRound += 1;
        }
        closed += closedThisRound;
        if (ids.length < 100 || closedThisRound === 0) return { closed };
      }
    },

    /**
     * For the payments module, inside its transaction. Applies a verified payment to the order once:
     * the guarded transition decides, so replays (however concurrent) return `already_paid` and change nothing.
     * A payment for an order already closed, or a second payment for a paid order, is recorded and queued
     * for refund instead of being lost.
     */
    async markOrderPaid(
      trx: Tx,
      input: MarkOrderPaidInput,
    ): Promise<{ transitioned: boolean; outcome: MarkOrderPaidOutcome; orderId: number | null }> {
      const o = await repo.findOrderByNo(trx, input.orderNo);
      if (!o) return { transitioned: false, outcome: 'order_not_found', orderId: null };
      const orderId = Number(o.id);
      if (input.amountFen !== Number(o.payable_fen)) return { transitioned: false, outcome: 'amount_mismatch', orderId };
      const paidAt = input.paidAt.toISOString();
      const at = clock.now().toISOString();
      const moved = await repo.transition(
        trx,
        orderId,
        ['awaiting_payment'],
        'paid',
        { paid_at: paidAt, paid_amount_fen: input.amountFen, payment_platform: input.platform, payment_transaction_id: input.transactionId },
        at,
      );
      if (moved) {
        await repo.insertEvent(trx, {
          order_id: orderId,
          from_status: 'awaiting_payment',
          to_status: 'paid',
          actor_type: 'platform',
          actor_id: null,
          note: `${input.platform} ${input.transactionId}`,
          created_at: at,
        });
        const lines = await repo.listLines(trx, [orderId]);
        for (const l of lines) await catalog.addSales(trx, Number(l.product_id), l.quantity);
        const event: OrderPaidEvent = {
          orderId,
          orderNo: o.order_no,
          memberId: Number(o.member_id),
          amountFen: input.amountFen,
          platform: input.platform,
          transactionId: input.transactionId,
          paidAt,
          lines: lines.map((l) => ({
            skuId: Number(l.sku_id),
            productId: Number(l.product_id),
            quantity: l.quantity,
            lineTotalFen: Number(l.line_total_fen),
          })),
        };
        for (const listener of paidListeners) await listener(trx, event);
        return { transitioned: true, outcome: 'paid', orderId };
      }
      const current = (await repo.findOrder(trx, orderId))!;
      if (current.payment_platform === input.platform && current.payment_transaction_id === input.transactionId) {
        return { transitioned: false, outcome: 'already_paid', orderId };
      }
      const kind = current.status === 'cancelled' ? 'payment_received_after_close' : 'duplicate_payment';
      await repo.recordPaymentException(trx, {
        order_id: orderId,
        kind,
        platform: input.platform,
        transaction_id: input.transactionId,
        amount_fen: input.amountFen,
        state: 'refund_pending',
        created_at: at,
        updated_at: at,
      });
      return { transitioned: false, outcome: kind, orderId };
    },

    /**
     * A paid, shipped or completed order becomes refunded as a whole, without a refund request (the refunds module
     * uses applyRefund). Stock not yet returned goes back when the order had not shipped. Returns whether this call moved it.
     */
    async markOrderRefunded(trx: Tx, input: { orderId: number; actor: Actor; note?: string }): Promise<{ transitioned: boolean }> {
      const o = await repo.findOrder(trx, input.orderId);
      if (!o) throw new AppError('NOT_FOUND', `order ${input.orderId} not found`);
      const at = clock.now().toISOString();
      if (!(await repo.transition(trx, input.orderId, ['paid', 'shipped', 'completed'], 'refunded', { refunded_at: at }, at)))
        return { transitioned: false };
      await repo.insertEvent(trx, {
        order_id: input.orderId,
        from_status: o.status,
        to_status: 'refunded',
        actor_type: input.actor.type,
        actor_id: input.actor.id,
        note: input.note ?? null,
        created_at: at,
      });
      const stockReturned = o.status === 'paid';
      if (stockReturned) await releaseStock(trx, input.orderId, at, 'order refunded');
      const lines = await repo.listLines(trx, [input.orderId]);
      await emitRefunded(trx, {
        orderId: input.orderId,
        orderNo: o.order_no,
        memberId: Number(o.member_id),
        amountFen: Number(o.paid_amount_fen ?? o.payable_fen),
        refundNo: null,
        fullyRefunded: true,
        refundedAt: at,
        stockReturned,
        lines: lines.map((l) => ({ orderLineId: Number(l.id), skuId: Number(l.sku_id), productId: Number(l.product_id), quantity: l.quantity })),
      });
      return { transitioned: true };
    },

    /**
     * For the refunds module, inside its transaction: reserves what a refund request takes from the order. `lines`
     * omitted means everything not yet refunded or under an open refund. Amounts come from the paid unit prices;
     * the shipping fee goes with the refund that leaves nothing of the order unrefunded. The reservation is a
     * conditional update per row (INVARIANTS: refunded never exceeds paid), so racing requests cannot overshoot.
     */
    async reserveRefund(trx: Tx, input: { orderId: number; lines?: { orderLineId: number; quantity: number }[] }): Promise<RefundReservation> {
      const at = clock.now().toISOString();
      const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
      // The first statement locks the order row, so the lines read next cannot change under us (PostgreSQL).
      if (!(await repo.lockRefundableOrder(trx, input.orderId, at))) {
        const status = (await repo.findOrder(trx, input.orderId))?.status;
        throw conflict(`order is ${status}; only a paid, shipped or completed order can be refunded`, { status });
      }
      const o = (await repo.findOrder(trx, input.orderId))!;
      const lines = await repo.listLines(trx, [input.orderId]);
      const left = (l: LineRow) => l.quantity - Number(l.refund_reserved_qty);
      let wanted: { line: LineRow; quantity: number }[];
      if (input.lines) {
        const byId = new Map(lines.map((l) => [Number(l.id), l]));
        const issues: { field: string; message: string }[] = [];
        wanted = [];
        input.lines.forEach((w, i) => {
          const line = byId.get(w.orderLineId);
          if (!line) issues.push({ field: `lines.${i}.orderLineId`, message: `order line ${w.orderLineId} is not part of this order` });
          else if (w.quantity > line.quantity) issues.push({ field: `lines.${i}.quantity`, message: `the line has ${line.quantity} unit(s)` });
          else wanted.push({ line, quantity: w.quantity });
        });
        if (issues.length > 0) throw validationError(issues);
        const taken = wanted.find((w) => w.quantity > left(w.line));
        if (taken) {
          throw conflict(`only ${left(taken.line)} unit(s) of ${taken.line.title} are left to refund; the rest is refunded or under an open refund`, {
            orderLineId: Number(taken.line.id),
            left: left(taken.line),
          });
        }
      } else {
        wanted = lines.filter((l) => left(l) > 0).map((line) => ({ line, quantity: left(line) }));
        if (wanted.length === 0) throw conflict('nothing is left to refund: every line is refunded or under an open refund');
      }
      const requested = new Map(wanted.map((w) => [Number(w.line.id), w.quantity]));
      const coversAll = lines.every((l) => left(l) === (requested.get(Number(l.id)) ?? 0));
      const refundLines = wanted.map((w) => ({
        orderLineId: Number(w.line.id),
        quantity: w.quantity,
        amountFen: Number(w.line.unit_price_fen) * w.quantity,
      }));
      // The refund that leaves nothing takes exactly what is left of the payable, shipping included.
      const amountFen = coversAll ? Number(o.payable_fen) - Number(o.refund_reserved_fen) : refundLines.reduce((sum, l) => sum + l.amountFen, 0);
      if (amountFen <= 0) throw conflict('nothing is left to refund on this order');
      if (!(await repo.reserveRefundAmount(trx, input.orderId, amountFen, at)))
        throw conflict('the refund would exceed what is left of the amount paid');
      for (const l of [...refundLines].sort((a, b) => a.orderLineId - b.orderLineId)) {
        if (!(await repo.reserveRefundQuantity(trx, input.orderId, l.orderLineId, l.quantity)))
          throw conflict('those lines are already refunded or under an open refund', { orderLineId: l.orderLineId });
      }
      return { amountFen, includesShipping: coversAll && Number(o.shipping_fen) > 0, lines: refundLines };
    },

    /** A rejected or failed refund gives its reservation back, so the member can ask again. */
    async releaseRefund(trx: Tx, input: { orderId: number; amountFen: number; lines: { orderLineId: number; quantity: number }[] }): Promise<void> {
      const at = clock.now().toISOString();
      if (!(await repo.releaseRefundAmount(trx, input.orderId, input.amountFen, at)))
        throw new AppError('INTERNAL', `refund reservation of order ${input.orderId} is inconsistent`);
      for (const l of input.lines) {
        if (!(await repo.releaseRefundQuantity(trx, input.orderId, l.orderLineId, l.quantity)))
          throw new AppError('INTERNAL', `refund reservation of order line ${l.orderLineId} is inconsistent`);
      }
    },

    /**
     * For the refunds module, inside the transaction that marks a refund succeeded: the reserved amount becomes
     * refunded, stock goes back for the refunded lines when the order has not shipped, the order becomes `refunded`
     * when nothing is left, and onOrderRefunded listeners run, all in the caller's transaction.
     */
    async applyRefund(
      trx: Tx,
      input: {
        orderId: number;
        refundNo: string;
        amountFen: number;
        lines: { orderLineId: number; quantity: number }[];
        actor: Actor;
        note?: string;
      },
    ): Promise<{ fullyRefunded: boolean; stockReturned: boolean }> {
      const at = clock.now().toISOString();
      const after = await repo.addRefunded(trx, input.orderId, input.amountFen, at);
      if (!after) throw new AppError('INTERNAL', `refund ${input.refundNo} exceeds the amount reserved on order ${input.orderId}`);
      for (const l of input.lines) {
        if (!(await repo.addRefundedQuantity(trx, input.orderId, l.orderLineId, l.quantity)))
          throw new AppError('INTERNAL', `refund ${input.refundNo} exceeds the quantity reserved on line ${l.orderLineId}`);
      }
      const o = (await repo.findOrder(trx, input.orderId))!;
      const lines = await repo.listLines(trx, [input.orderId]);
      const byId = new Map(lines.map((l) => [Number(l.id), l]));
      const stockReturned = o.status === 'paid';
      if (stockReturned) {
        for (const l of [...input.lines].sort((a, b) => Number(byId.get(a.orderLineId)!.sku_id) - Number(byId.get(b.orderLineId)!.sku_id))) {
          await returnLineStock(trx, input.orderId, byId.get(l.orderLineId)!, l.quantity, at, `refund ${input.refundNo}`);
        }
      }
      const fullyRefunded = Number(after.refunded_fen) === Number(after.payable_fen);
      if (fullyRefunded && (await repo.transition(trx, input.orderId, ['paid', 'shipped', 'completed'], 'refunded', { refunded_at: at }, at))) {
        await repo.insertEvent(trx, {
          order_id: input.orderId,
          from_status: o.status,
          to_status: 'refunded',
          actor_type: input.actor.type,
          actor_id: input.actor.id,
          note: input.note ?? `refund ${input.refundNo}`,
          created_at: at,
        });
      }
      await emitRefunded(trx, {
        orderId: input.orderId,
        orderNo: o.order_no,
        memberId: Number(o.member_id),
        amountFen: input.amountFen,
        refundNo: input.refundNo,
        fullyRefunded,
        refundedAt: at,
        stockReturned,
        lines: input.lines.map((l) => ({
          orderLineId: l.orderLineId,
          skuId: Number(byId.get(l.orderLineId)!.sku_id),
          productId: Number(byId.get(l.orderLineId)!.product_id),
          quantity: l.quantity,
        })),
      });
      return { fullyRefunded, stockReturned };
    },

    /** For payments and refunds: the order's payment facts (who, how much, which platform trade). */
    paymentFacts: async (executor: Executor, id: number) => {
      const o = await repo.findOrder(executor, id);
      return o ? paymentFactsOf(o) : null;
    },

    /** Payments look an order up by its trade number to check amount and ownership before applying. */
    findByOrderNo: async (executor: Executor, orderNo: string) => {
      const o = await repo.findOrderByNo(executor, orderNo);
      return o ? paymentFactsOf(o) : null;
    },

    paymentExceptions: (executor: Executor, orderId: number) => repo.listPaymentExceptions(executor, orderId),

    /** Payments that arrived for a closed order (or twice): the refunds module works through this queue. */
    pendingPaymentRefunds: (executor: Executor, limit = 100) => repo.listPendingPaymentRefunds(executor, limit),

    onOrderPaid(listener: OrderPaidListener): void {
      paidListeners.push(listener);
    },
    onOrderRefunded(listener: OrderRefundedListener): void {
      refundedListeners.push(listener);
    },
    /** The refunds module shows each order's refunds in the order views. */
    useRefundsReader(reader: RefundsReader): void {
      readRefunds = reader;
    },
  };
}
