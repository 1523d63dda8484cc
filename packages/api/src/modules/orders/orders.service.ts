import {
  addDays,
  businessDateOf,
  startOfBusinessDay,
  type CheckoutPreviewRequest,
  type CreateOrderRequest,
  type LoginPlatform,
  type MerchantOrderFilter,
  type MerchantOrderQuery,
  type Order,
  type OrderCounts,
  type OrderPage,
  type OrderSummary,
  OrderSettings as OrderSettingsSchema,
  type OrderSettings,
  type OrderStatus,
  type Refund,
  type ShippingAddressSnapshot,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { AddressesService } from '../addresses/index.js';
import type { CartService } from '../cart/index.js';
import type { CatalogService } from '../catalog/index.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import { createCheckout, newOrderNo } from './checkout.js';
import { orderCsvChunks } from './order-export.js';
import { createOrderLifecycle } from './order-lifecycle.js';
import type { Actor, OrderFacts, OrderParticipant, ServiceOrderKind, StockReturn } from './events.js';
import { createOrderRefunds } from './order-refunds.js';
import { factsOf, type LineRow, type OrderRow, paymentFactsOf, toOrder, toSummary } from './order-views.js';
import * as repo from './orders.repository.js';
import type { CheckoutPreview, MemberPrices } from '@siyu/shared';
import type { OrderPaymentFacts } from './order-views.js';
import type { ApplyRefundInput, RefundInput, RefundLineAmount, RefundReservation } from './order-refunds.js';
import type { RefundRequestedEvent } from './events.js';

export const DEFAULT_ORDER_SETTINGS: OrderSettings = { shippingFlatFeeFen: 1000, freeShippingThresholdFen: 9900, paymentWindowMinutes: 30 };
export const ORDER_SETTINGS = defineSetting('orders.settings', OrderSettingsSchema, DEFAULT_ORDER_SETTINGS);

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
  | 'payment_received_after_close' // the order was closed first: the payment must go back (the payments module records it)
  | 'duplicate_payment' // a second, different payment for a paid order: it must go back too
  | 'amount_mismatch' // the amount is not the order's payable amount: nothing changed
  | 'order_not_found';

/** Reads an order's refunds (newest first) for the order views; provided by the payments module. */
export type RefundsReader = (executor: Executor, orderId: number) => Promise<Refund[]>;

/** The cash part of a points-mall redemption, as an order of kind `points_mall`. */
export interface PointsMallOrderInput {
  memberId: number;
  platform: LoginPlatform | null;
  title: string;
  imageUrl: string | null;
  skuId: number | null;
  productId: number | null;
  unitCashFen: number;
  quantity: number;
  address: ShippingAddressSnapshot | null;
  redemptionNo: string;
}

/**
 * A thing that is not goods, sold by the module that owns it (decision 038): one line, no shipping, no discounts, no
 * catalog stock. `reference` names the module's own row (a top-up number, a gift-card number) and is kept as the
 * line's code and the order's remark.
 */
export interface ServiceOrderInput {
  kind: ServiceOrderKind;
  memberId: number;
  platform: LoginPlatform | null;
  title: string;
  imageUrl: string | null;
  skuId: number | null;
  productId: number | null;
  unitPriceFen: number;
  quantity: number;
  address: ShippingAddressSnapshot | null;
  reference: string;
}

export interface OrdersService {
  settings(): Promise<OrderSettings>;
  updateSettings(next: OrderSettings, staffId: number): Promise<OrderSettings>;
  preview(memberId: number, platform: LoginPlatform | null, req: CheckoutPreviewRequest): Promise<CheckoutPreview>;
  /** The member's price and 券后价 of one unit of each on-shelf SKU of these products (a fixed few queries a page). */
  memberPrices(memberId: number, productIds: number[]): Promise<MemberPrices>;
  create(memberId: number, platform: LoginPlatform | null, req: CreateOrderRequest): Promise<Order>;
  memberOrder(memberId: number, id: number): Promise<Order>;
  memberOrders(memberId: number, query: { page: number; pageSize: number; status?: OrderStatus; refund?: 'any' }): Promise<OrderPage>;
  /**
   * The member page's counts: each equals the `total` of the order list's tab (same filter, same kind).
   */
  memberOrderCounts(memberId: number): Promise<OrderCounts>;
  merchantOrder(id: number): Promise<Order>;
  merchantOrders(query: MerchantOrderQuery): Promise<OrderPage>;
  /**
   * The filtered orders as CSV text chunks, newest first, read in batches: memory stays flat whatever the count.
   */
  exportCsv(filter: MerchantOrderFilter): { fileName: string; chunks: AsyncGenerator<string> };
  /**
   * The filtered orders, newest first, in batches of `batchSize`.
   */
  merchantOrderBatches(filter: MerchantOrderFilter, batchSize?: number): AsyncGenerator<OrderSummary[]>;
  /**
   * The member cancels an unpaid order; what its creation took goes back.
   */
  cancel(memberId: number, id: number, reason?: string, executor?: Executor): Promise<Order>;
  /**
   * For the points mall, inside its transaction: the order that carries the cash part of a redemption. One line (the
   * item; its catalog SKU for sku items, 0 otherwise), no shipping, no discounts; no catalog stock is taken (the mall
   * holds its own). It is paid like any order, and closed unpaid when its payment window passes; the `created`,
   * `paid` and `closedUnpaid` steps run as for any order (participants tell it by `kind`).
   */
  createPointsMallOrder(trx: Tx, input: PointsMallOrderInput): Promise<{ orderId: number; orderNo: string; expiresAt: string }>;
  /**
   * For a module selling a thing that is not goods (a top-up, a gift card, a membership card), inside its
   * transaction: an order of that kind awaiting payment (decision 038). It is paid through the normal pay flow on
   * every platform, closed unpaid when its payment window passes and refunded through refund requests; only the
   * participants declaring its kind act on it (never stock, shipping or coupons). Never shipped.
   */
  createServiceOrder(trx: Tx, input: ServiceOrderInput): Promise<{ orderId: number; orderNo: string; expiresAt: string }>;
  /**
   * For the counter (decision 039), inside the caller's transaction: a `counter` service order paid there and then —
   * `balanceFen` from the stored-value balance (debited by the caller in this transaction), the rest at the till —
   * moved through paid and completed, so points and growth are earned as for an order received.
   */
  settleCounterOrder(trx: Tx, orderId: number, input: { balanceFen: number; staffId: number; store: string }): Promise<void>;
  /**
   * For the points mall: closes the unpaid order of a redemption that staff cancel (what it took goes back).
   */
  closeUnpaidByStaff(trx: Tx, orderId: number, staffId: number, reason?: string): Promise<boolean>;
  ship(staffId: number, id: number, input: { carrier: string; trackingNo: string }): Promise<Order>;
  /**
   * Staff complete a shipped order, or the member confirms receipt.
   */
  complete(actor: Actor, id: number): Promise<Order>;
  /**
   * Cancels every unpaid order whose payment window has passed and gives back what it took. Idempotent and safe to
   * run concurrently: each order is closed by one guarded transition in its own transaction.
   */
  closeExpiredOrders(now: Date): Promise<{ closed: number }>;
  /**
   * For the payments module, inside its transaction. Applies a verified payment to the order once: the guarded
   * transition decides, so replays (however concurrent) return `already_paid` and change nothing. A payment for an
   * order already closed, or a second payment for a paid order, comes back as such for the payments module to keep
   * and refund.
   */
  markOrderPaid(trx: Tx, input: MarkOrderPaidInput): Promise<{ transitioned: boolean; outcome: MarkOrderPaidOutcome; orderId: number | null }>;
  reserveRefund(trx: Tx, input: RefundInput): Promise<RefundReservation>;
  /**
   * What a refund would reserve, by reads only (the shopper's preview).
   */
  planRefund(executor: Executor, input: RefundInput): Promise<RefundReservation>;
  /**
   * What the lifecycle's participants keep back of a refund being asked for (see OrderParticipant.refundRequested).
   */
  refundDeduction(executor: Executor, e: RefundRequestedEvent): Promise<number>;
  releaseRefund(trx: Tx, input: { orderId: number; amountFen: number; lines: RefundLineAmount[] }): Promise<void>;
  applyRefund(trx: Tx, input: ApplyRefundInput): Promise<{ fullyRefunded: boolean; stockReturned: boolean }>;
  /**
   * For payments and refunds: the order's payment facts (who, how much, which platform trade).
   */
  paymentFacts(executor: Executor, id: number): Promise<OrderPaymentFacts | null>;
  /**
   * Payments look an order up by its trade number to check amount and ownership before applying.
   */
  findByOrderNo(executor: Executor, orderNo: string): Promise<OrderPaymentFacts | null>;
  /**
   * Of these members, those with at least one paid order (refunded ones included).
   */
  memberIdsWithPaidOrders(executor: Executor, memberIds: number[]): Promise<Set<number>>;
  /**
   * The order numbers of some orders (for lists kept by other modules), by id.
   */
  orderNumbers(executor: Executor, ids: number[]): Promise<Map<number, string>>;
}

/**
 * Orders: checkout and creation (checkout.ts), the lifecycle with its participants (order-lifecycle.ts), refund
 * accounting (order-refunds.ts), and here the reads, the merchant's moves, expiry and payment.
 */
export function createOrdersService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  catalog: CatalogService;
  addresses: AddressesService;
  cart: CartService;
  settings: SettingsService;
  refundsOf: RefundsReader;
  /** Modules taking part in the lifecycle, in the order their steps run. */
  participants: readonly OrderParticipant[];
}): OrdersService {
  const { db, clock, catalog, addresses, cart, settings } = deps;
  const lifecycle = createOrderLifecycle({ clock, participants: deps.participants });

  const orderSettings = (executor: Executor = db) => settings.get(ORDER_SETTINGS, executor);

  async function facts(executor: Executor, orderId: number): Promise<OrderFacts> {
    const o = await repo.findOrder(executor, orderId);
    if (!o) throw new AppError('NOT_FOUND', `order ${orderId} not found`);
    const [lines, adjustments] = await Promise.all([repo.listLines(executor, [orderId]), repo.listAdjustments(executor, [orderId])]);
    const adjustmentLines = await repo.listAdjustmentLines(
      executor,
      adjustments.map((a) => a.id),
    );
    return factsOf(o, lines, adjustments, adjustmentLines);
  }

  async function load(executor: Executor, id: number): Promise<Order> {
    const o = await repo.findOrder(executor, id);
    if (!o) throw new AppError('NOT_FOUND', `order ${id} not found`);
    const [lines, adjustments, events, refunds, pointsEarned] = await Promise.all([
      repo.listLines(executor, [id]),
      repo.listAdjustments(executor, [id]),
      repo.listEvents(executor, id),
      deps.refundsOf(executor, id),
      repo.pointsEarnedBy(executor, id),
    ]);
    return toOrder(o, lines, adjustments, events, refunds, pointsEarned);
  }

  async function ownOrder(executor: Executor, memberId: number, id: number): Promise<OrderRow> {
    const o = await repo.findOrder(executor, id);
    if (!o || o.member_id !== memberId) throw new AppError('NOT_FOUND', `order ${id} not found`);
    return o;
  }

  /** Counts units whose stock goes back on their lines (each unit at most once); returns what the stock step returns. */
  async function returnStock(trx: Tx, _orderId: number, units: { line: LineRow; quantity: number }[]): Promise<StockReturn[]> {
    const returned: StockReturn[] = [];
    // In SKU order, like reservations, so concurrent releases and reservations cannot deadlock.
    for (const { line, quantity } of [...units].sort((a, b) => a.line.sku_id - b.line.sku_id)) {
      if (quantity > 0 && (await repo.markStockReturned(trx, line.id, quantity))) {
        returned.push({ orderLineId: line.id, skuId: line.sku_id, quantity });
      }
    }
    return returned;
  }

  /** The paid transition and the `paid` step, once: the guarded transition decides who does it. */
  async function applyPaid(
    trx: Tx,
    orderId: number,
    payment: { amountFen: number; platform: string | null; transactionId: string | null; paidAt: string; actor: Actor; note: string },
  ): Promise<boolean> {
    const moved = await lifecycle.transition(trx, orderId, {
      from: ['awaiting_payment'],
      to: 'paid',
      actor: payment.actor,
      set: {
        paid_at: payment.paidAt,
        paid_amount_fen: payment.amountFen,
        payment_platform: payment.platform,
        payment_transaction_id: payment.transactionId,
      },
      note: payment.note,
    });
    if (!moved) return false;
    const orderFacts = await facts(trx, orderId);
    await lifecycle.paid(trx, {
      ...orderFacts,
      firstPaidOrder: (await repo.paidOrderCount(trx, orderFacts.memberId)) === 1,
      amountFen: payment.amountFen,
      paymentPlatform: payment.platform,
      transactionId: payment.transactionId,
      paidAt: payment.paidAt,
    });
    return true;
  }

  /** Closes an unpaid order and gives back what its creation took, exactly once: the guarded transition decides. */
  async function closeUnpaid(trx: Tx, orderId: number, actor: Actor, reason: 'cancelled' | 'expired', why?: string): Promise<boolean> {
    const at = clock.now().toISOString();
    // Who cancelled, as the lifecycle's actor says (the member, or staff cancelling a points-mall redemption).
    const note = reason === 'expired' ? 'payment window expired' : why ? `cancelled by ${actor.type}: ${why}` : `cancelled by ${actor.type}`;
    if (!(await lifecycle.transition(trx, orderId, { from: ['awaiting_payment'], to: 'cancelled', actor, set: { cancelled_at: at }, note })))
      return false;
    const lines = await repo.listLines(trx, [orderId]);
    const stockReturns = await returnStock(
      trx,
      orderId,
      lines.map((line) => ({ line, quantity: line.quantity - line.stock_returned_qty })),
    );
    await lifecycle.closedUnpaid(trx, { ...(await facts(trx, orderId)), reason, actor, stockReturns, at });
    return true;
  }

  /** See OrdersService.createServiceOrder; the points mall's cash part is one too. */
  async function createServiceOrder(trx: Tx, input: ServiceOrderInput): Promise<{ orderId: number; orderNo: string; expiresAt: string }> {
    const now = clock.now();
    const at = now.toISOString();
    const rules = await orderSettings(trx);
    const amountFen = input.unitPriceFen * input.quantity;
    const expiresAt = new Date(now.getTime() + rules.paymentWindowMinutes * 60_000).toISOString();
    const orderNo = newOrderNo(now);
    const label = input.kind === 'points_mall' ? 'points mall' : input.kind.replace('_', ' ');
    const orderId = await repo.insertNewOrder(trx, {
      orderNo,
      memberId: input.memberId,
      platform: input.platform,
      kind: input.kind,
      itemsFen: amountFen,
      shippingFen: 0,
      discountFen: 0,
      payableFen: amountFen,
      shippingRule: 'none',
      address: JSON.stringify(input.address),
      remark: `${label} ${input.reference}`,
      expiresAt,
      lines: [
        {
          sku_id: input.skuId ?? 0,
          product_id: input.productId ?? 0,
          title: input.title,
          specs: '{}',
          sku_code: input.reference,
          image_url: input.imageUrl,
          unit_price_fen: input.unitPriceFen,
          quantity: input.quantity,
          line_total_fen: amountFen,
          discount_fen: 0,
          paid_fen: amountFen,
          // No catalog stock was taken, so none is ever given back.
          stock_returned_qty: input.quantity,
        },
      ],
      adjustments: [],
      actor: { type: 'member', id: input.memberId },
      note: `${label} ${input.reference}`,
      at,
    });
    await lifecycle.created(trx, { ...(await facts(trx, orderId)), request: null, at });
    return { orderId, orderNo, expiresAt };
  }

  const checkout = createCheckout({
    db,
    clock,
    catalog,
    addresses,
    cart,
    lifecycle,
    orderSettings,
    facts,
    load,
    settleWithoutPayment: async (trx, orderId, balanceFen) => {
      const at = clock.now().toISOString();
      await applyPaid(trx, orderId, {
        amountFen: 0,
        platform: null,
        transactionId: null,
        paidAt: at,
        actor: { type: 'system', id: null },
        note: balanceFen > 0 ? 'paid from the balance' : 'nothing to pay',
      });
    },
    setBalancePart: (trx, orderId, balanceFen) => repo.setBalancePart(trx, orderId, balanceFen),
  });
  const refunds = createOrderRefunds({ clock, lifecycle, facts, returnStock });

  /** Merchant filters as repository filters: business days become instants in the merchant's time zone. */
  function toFilter(f: MerchantOrderFilter): repo.OrderFilter {
    return {
      ...(f.memberId !== undefined ? { memberId: f.memberId } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.orderNo ? { orderNo: f.orderNo } : {}),
      ...(f.platform ? { platform: f.platform } : {}),
      ...(f.from ? { createdFrom: startOfBusinessDay(f.from, deps.timeZone).toISOString() } : {}),
      ...(f.to ? { createdBefore: startOfBusinessDay(addDays(f.to, 1), deps.timeZone).toISOString() } : {}),
    };
  }

  async function page(filter: repo.OrderFilter, query: { page: number; pageSize: number }): Promise<OrderPage> {
    const { rows, total } = await repo.pageOrders(db, filter, query.pageSize, (query.page - 1) * query.pageSize);
    const lines = await repo.listLines(
      db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((o) => toSummary(o, lines)), page: query.page, pageSize: query.pageSize, total };
  }

  return {
    settings: () => orderSettings(),
    updateSettings: (next: OrderSettings, staffId: number) => settings.set(ORDER_SETTINGS, next, staffId),

    preview: (memberId: number, platform: LoginPlatform | null, req: CheckoutPreviewRequest) => checkout.preview(memberId, platform, req),
    memberPrices: (memberId: number, productIds: number[]) => checkout.memberPrices(memberId, productIds),
    create: (memberId: number, platform: LoginPlatform | null, req: CreateOrderRequest) => checkout.create(memberId, platform, req),

    async memberOrder(memberId: number, id: number): Promise<Order> {
      await ownOrder(db, memberId, id);
      return load(db, id);
    },

    memberOrders: (memberId: number, query: { page: number; pageSize: number; status?: OrderStatus; refund?: 'any' }) =>
      // The cash parts of points-mall redemptions are shown as redemptions, not among the member's orders.
      page({ memberId, kind: 'goods', ...(query.status ? { status: query.status } : {}), ...(query.refund ? { withRefunds: true } : {}) }, query),

    /** The member page's counts: each equals the `total` of the order list's tab (same filter, same kind). */
    memberOrderCounts: (memberId: number): Promise<OrderCounts> => repo.memberOrderCounts(db, memberId),

    merchantOrder: (id: number) => load(db, id),
    merchantOrders: (query: MerchantOrderQuery) => page(toFilter(query), query),

    /** The filtered orders as CSV text chunks, newest first, read in batches: memory stays flat whatever the count. */
    exportCsv(filter: MerchantOrderFilter): { fileName: string; chunks: AsyncGenerator<string> } {
      return {
        fileName: `orders-${businessDateOf(clock.now(), deps.timeZone)}.csv`,
        chunks: orderCsvChunks(this.merchantOrderBatches(filter), deps.timeZone),
      };
    },

    /** The filtered orders, newest first, in batches of `batchSize`. */
    async *merchantOrderBatches(filter: MerchantOrderFilter, batchSize = 500): AsyncGenerator<OrderSummary[]> {
      const f = toFilter(filter);
      let before: number | null = null;
      for (;;) {
        const rows = await repo.ordersBefore(db, f, before, batchSize);
        if (rows.length === 0) return;
        const lines = await repo.listLines(
          db,
          rows.map((r) => r.id),
        );
        yield rows.map((o) => toSummary(o, lines));
        if (rows.length < batchSize) return;
        before = rows[rows.length - 1]!.id;
      }
    },

    /** The member cancels an unpaid order; what its creation took goes back. */
    async cancel(memberId: number, id: number, reason?: string, executor: Executor = db): Promise<Order> {
      return inTransaction(executor, async (trx) => {
        await ownOrder(trx, memberId, id);
        if (!(await closeUnpaid(trx, id, { type: 'member', id: memberId }, 'cancelled', reason))) {
          const current = (await repo.findOrder(trx, id))?.status;
          throw new AppError('INVALID_STATE', `order is ${current}; only an unpaid order can be cancelled`, { status: current });
        }
        return load(trx, id);
      });
    },

    /**
     * For the points mall, inside its transaction: the order that carries the cash part of a redemption. One line (the
     * item; its catalog SKU for sku items, 0 otherwise), no shipping, no discounts; no catalog stock is taken (the mall
     * holds its own). It is paid like any order, and closed unpaid when its payment window passes; the `created`,
     * `paid` and `closedUnpaid` steps run as for any order (participants tell it by `kind`).
     */
    createPointsMallOrder: (trx: Tx, input: PointsMallOrderInput) =>
      createServiceOrder(trx, {
        kind: 'points_mall',
        memberId: input.memberId,
        platform: input.platform,
        title: input.title,
        imageUrl: input.imageUrl,
        skuId: input.skuId,
        productId: input.productId,
        unitPriceFen: input.unitCashFen,
        quantity: input.quantity,
        address: input.address,
        reference: input.redemptionNo,
      }),

    createServiceOrder,

    async settleCounterOrder(trx: Tx, orderId: number, input: { balanceFen: number; staffId: number; store: string }): Promise<void> {
      const o = await repo.findOrder(trx, orderId);
      if (o?.kind !== 'counter' || o.status !== 'awaiting_payment') throw new Error(`order ${orderId} is not a counter order awaiting payment`);
      if (input.balanceFen > 0) await repo.setBalancePart(trx, orderId, input.balanceFen);
      const at = clock.now().toISOString();
      const actor: Actor = { type: 'staff', id: input.staffId };
      await applyPaid(trx, orderId, {
        amountFen: o.payable_fen - input.balanceFen,
        platform: 'counter',
        transactionId: null,
        paidAt: at,
        actor,
        note: `paid at the counter: ${input.store}`,
      });
      await lifecycle.require(
        trx,
        orderId,
        { from: ['paid'], to: 'completed', actor, set: { completed_at: at } },
        'a counter order is completed once paid',
      );
      await lifecycle.completed(trx, { ...(await facts(trx, orderId)), actor, completedAt: at });
    },

    /** For the points mall: closes the unpaid order of a redemption that staff cancel (what it took goes back). */
    closeUnpaidByStaff: (trx: Tx, orderId: number, staffId: number, reason?: string) =>
      closeUnpaid(trx, orderId, { type: 'staff', id: staffId }, 'cancelled', reason),

    async ship(staffId: number, id: number, input: { carrier: string; trackingNo: string }): Promise<Order> {
      return inTransaction(db, async (trx) => {
        const shippedAt = clock.now().toISOString();
        // The cash part of a points-mall redemption ships (if at all) as the redemption, fulfilled in the points mall.
        const kind = (await repo.findOrder(trx, id))?.kind;
        if (kind === 'points_mall')
          throw new AppError('INVALID_STATE', 'this order is the cash part of a points-mall redemption: fulfil the redemption instead', {
            kind: 'points_mall',
          });
        // A top-up, gift card or membership card is delivered by its module when paid; there is nothing to ship.
        if (kind && kind !== 'goods') throw new AppError('INVALID_STATE', `a ${kind} order is not goods: there is nothing to ship`, { kind });
        await lifecycle.require(
          trx,
          id,
          {
            from: ['paid'],
            to: 'shipped',
            actor: { type: 'staff', id: staffId },
            set: { shipped_at: shippedAt, carrier: input.carrier, tracking_no: input.trackingNo },
            note: `${input.carrier} ${input.trackingNo}`,
          },
          'only a paid order can be shipped',
        );
        const actor = { type: 'staff' as const, id: staffId };
        await lifecycle.shipped(trx, { ...(await facts(trx, id)), actor, carrier: input.carrier, trackingNo: input.trackingNo, shippedAt });
        return load(trx, id);
      });
    },

    /** Staff complete a shipped order, or the member confirms receipt. */
    async complete(actor: Actor, id: number): Promise<Order> {
      return inTransaction(db, async (trx) => {
        if (actor.type === 'member') await ownOrder(trx, actor.id!, id);
        const completedAt = clock.now().toISOString();
        await lifecycle.require(
          trx,
          id,
          { from: ['shipped'], to: 'completed', actor, set: { completed_at: completedAt } },
          'only a shipped order can be completed',
        );
        await lifecycle.completed(trx, { ...(await facts(trx, id)), actor, completedAt });
        return load(trx, id);
      });
    },

    /**
     * Cancels every unpaid order whose payment window has passed and gives back what it took. Idempotent and safe to
     * run concurrently: each order is closed by one guarded transition in its own transaction.
     */
    async closeExpiredOrders(now: Date): Promise<{ closed: number }> {
      let closed = 0;
      for (;;) {
        const ids = await repo.expiredOrderIds(db, now.toISOString(), 100);
        let closedThisRound = 0;
        for (const id of ids) {
          if (await inTransaction(db, (trx) => closeUnpaid(trx, id, { type: 'system', id: null }, 'expired'))) closedThisRound += 1;
        }
        closed += closedThisRound;
        if (ids.length < 100 || closedThisRound === 0) return { closed };
      }
    },

    /**
     * For the payments module, inside its transaction. Applies a verified payment to the order once: the guarded
     * transition decides, so replays (however concurrent) return `already_paid` and change nothing. A payment for an
     * order already closed, or a second payment for a paid order, comes back as such for the payments module to keep
     * and refund.
     */
    async markOrderPaid(
      trx: Tx,
      input: MarkOrderPaidInput,
    ): Promise<{ transitioned: boolean; outcome: MarkOrderPaidOutcome; orderId: number | null }> {
      const o = await repo.findOrderByNo(trx, input.orderNo);
      if (!o) return { transitioned: false, outcome: 'order_not_found', orderId: null };
      const orderId = o.id;
      if (input.amountFen !== o.payable_fen - o.balance_fen) return { transitioned: false, outcome: 'amount_mismatch', orderId };
      const paid = await applyPaid(trx, orderId, {
        amountFen: input.amountFen,
        platform: input.platform,
        transactionId: input.transactionId,
        paidAt: input.paidAt.toISOString(),
        actor: { type: 'platform', id: null },
        note: `${input.platform} ${input.transactionId}`,
      });
      if (paid) return { transitioned: true, outcome: 'paid', orderId };
      const current = (await repo.findOrder(trx, orderId))!;
      if (current.payment_platform === input.platform && current.payment_transaction_id === input.transactionId) {
        return { transitioned: false, outcome: 'already_paid', orderId };
      }
      return { transitioned: false, outcome: current.status === 'cancelled' ? 'payment_received_after_close' : 'duplicate_payment', orderId };
    },

    reserveRefund: refunds.reserveRefund,
    /** What a refund would reserve, by reads only (the shopper's preview). */
    planRefund: refunds.planRefund,
    /** What the lifecycle's participants keep back of a refund being asked for (see OrderParticipant.refundRequested). */
    refundDeduction: lifecycle.refundDeduction,
    releaseRefund: refunds.releaseRefund,
    applyRefund: refunds.applyRefund,

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

    /** Of these members, those with at least one paid order (refunded ones included). */
    async memberIdsWithPaidOrders(executor: Executor, memberIds: number[]): Promise<Set<number>> {
      return new Set((await repo.membersWithPaidOrders(executor, memberIds)).map((r) => r.member_id));
    },

    /** The order numbers of some orders (for lists kept by other modules), by id. */
    async orderNumbers(executor: Executor, ids: number[]): Promise<Map<number, string>> {
      const rows = await repo.orderNumbersOf(executor, [...new Set(ids)]);
      return new Map(rows.map((o) => [o.id, o.order_no]));
    },
  };
}
