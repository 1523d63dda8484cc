import { type LoginPlatform, type Order, type OrderLine, type OrderSummary, type Refund, ShippingAddressSnapshot } from '@siyu/shared';
import { readJsonOr, StoredJson } from '../../db/json-column.js';
import { imageUrlOrNull } from '../../lib/media-url.js';
import { breakdownOf } from '../pricing/index.js';
import type { OrderFacts } from './events.js';
import type * as repo from './orders.repository.js';

export type OrderRow = NonNullable<Awaited<ReturnType<typeof repo.findOrder>>>;
export type LineRow = Awaited<ReturnType<typeof repo.listLines>>[number];
export type AdjustmentRow = Awaited<ReturnType<typeof repo.listAdjustments>>[number];
export type AdjustmentLineRow = Awaited<ReturnType<typeof repo.listAdjustmentLines>>[number];
export type EventRow = Awaited<ReturnType<typeof repo.listEvents>>[number];

// Shown for an order without a shipping address (the cash part of a points-mall item that is not shipped stores null).
export const EMPTY_ADDRESS: ShippingAddressSnapshot = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

export function toOrderLine(l: LineRow): OrderLine {
  return {
    id: l.id,
    skuId: l.sku_id,
    productId: l.product_id,
    title: l.title,
    specs: readJsonOr(l.specs, StoredJson.specs, {}),
    skuCode: l.sku_code,
    imageUrl: imageUrlOrNull(l.image_url),
    unitPriceFen: l.unit_price_fen,
    quantity: l.quantity,
    lineTotalFen: l.line_total_fen,
    discountFen: l.discount_fen,
    paidFen: l.paid_fen,
  };
}

export function toSummary(o: OrderRow, lines: LineRow[]): OrderSummary {
  return {
    id: o.id,
    orderNo: o.order_no,
    memberId: o.member_id,
    status: o.status,
    platform: o.platform,
    lines: lines.filter((l) => l.order_id === o.id).map(toOrderLine),
    itemsFen: o.items_fen,
    shippingFen: o.shipping_fen,
    discountFen: o.discount_fen,
    payableFen: o.payable_fen,
    balanceFen: o.balance_fen,
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
    refundedFen: o.refunded_fen,
  };
}

const sourceOf = (a: AdjustmentRow) => (a.source_type === null ? null : { type: a.source_type, id: a.source_id });

export function toOrder(
  o: OrderRow,
  lines: LineRow[],
  adjustments: AdjustmentRow[],
  events: EventRow[],
  refunds: Refund[],
  pointsEarned: number,
): Order {
  return {
    ...toSummary(o, lines),
    pointsEarned,
    breakdown: breakdownOf({
      itemsFen: o.items_fen,
      shippingFen: o.shipping_fen,
      shippingRule: o.shipping_rule,
      adjustments: adjustments.map((a) => ({
        appliesTo: a.applies_to,
        code: a.code,
        label: a.label,
        amountFen: a.amount_fen,
        source: sourceOf(a),
      })),
    }),
    address: readJsonOr(o.address, ShippingAddressSnapshot, EMPTY_ADDRESS),
    events: events.map((e) => ({
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorType: e.actor_type,
      actorId: e.actor_id,
      note: e.note,
      createdAt: e.created_at,
    })),
    refunds,
  };
}

/** What the lifecycle steps are told about an order. */
export function factsOf(o: OrderRow, lines: LineRow[], adjustments: AdjustmentRow[], adjustmentLines: AdjustmentLineRow[]): OrderFacts {
  return {
    orderId: o.id,
    orderNo: o.order_no,
    kind: o.kind,
    memberId: o.member_id,
    platform: o.platform as LoginPlatform | null,
    itemsFen: o.items_fen,
    shippingFen: o.shipping_fen,
    discountFen: o.discount_fen,
    payableFen: o.payable_fen,
    balanceFen: o.balance_fen,
    lines: lines.map((l) => ({
      orderLineId: l.id,
      lineNo: l.line_no,
      title: l.title,
      skuId: l.sku_id,
      productId: l.product_id,
      quantity: l.quantity,
      unitPriceFen: l.unit_price_fen,
      lineTotalFen: l.line_total_fen,
      discountFen: l.discount_fen,
      paidFen: l.paid_fen,
    })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      seq: a.seq,
      kind: a.kind,
      code: a.code,
      source: sourceOf(a),
      appliesTo: a.applies_to,
      amountFen: a.amount_fen,
      lines: adjustmentLines.filter((al) => al.adjustment_id === a.id).map((al) => ({ orderLineId: al.order_line_id, amountFen: al.amount_fen })),
    })),
  };
}

/** For payments and refunds: who, how much, which platform trade. */
export function paymentFactsOf(o: OrderRow) {
  return {
    id: o.id,
    orderNo: o.order_no,
    memberId: o.member_id,
    status: o.status,
    payableFen: o.payable_fen,
    /** Paid from the stored-value balance at creation (decision 039). */
    balanceFen: o.balance_fen,
    /** What the platform is asked for: the payable less the balance part. */
    platformDueFen: o.payable_fen - o.balance_fen,
    /** The super-app the order was placed from. */
    platform: o.platform as LoginPlatform | null,
    expiresAt: o.expires_at,
    paidFen: o.paid_amount_fen,
    paymentPlatform: o.payment_platform,
    transactionId: o.payment_transaction_id,
    refundedFen: o.refunded_fen,
  };
}

export type OrderPaymentFacts = ReturnType<typeof paymentFactsOf>;
