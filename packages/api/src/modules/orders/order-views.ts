import type { LoginPlatform, Order, OrderLine, OrderSummary, Refund, ShippingAddressSnapshot } from '@siyu/shared';
import { imageUrlOrNull } from '../../lib/media-url.js';
import { breakdownOf } from '../pricing/index.js';
import type { OrderFacts } from './order-lifecycle.js';
import type * as repo from './orders.repository.js';

export type OrderRow = NonNullable<Awaited<ReturnType<typeof repo.findOrder>>>;
export type LineRow = Awaited<ReturnType<typeof repo.listLines>>[number];
export type AdjustmentRow = Awaited<ReturnType<typeof repo.listAdjustments>>[number];
export type AdjustmentLineRow = Awaited<ReturnType<typeof repo.listAdjustmentLines>>[number];
export type EventRow = Awaited<ReturnType<typeof repo.listEvents>>[number];

const EMPTY_ADDRESS: ShippingAddressSnapshot = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toOrderLine(l: LineRow): OrderLine {
  return {
    id: Number(l.id),
    skuId: Number(l.sku_id),
    productId: Number(l.product_id),
    title: l.title,
    specs: parseJson(l.specs, {}),
    skuCode: l.sku_code,
    imageUrl: imageUrlOrNull(l.image_url),
    unitPriceFen: Number(l.unit_price_fen),
    quantity: l.quantity,
    lineTotalFen: Number(l.line_total_fen),
    discountFen: Number(l.discount_fen),
    paidFen: Number(l.paid_fen),
  };
}

export function toSummary(o: OrderRow, lines: LineRow[]): OrderSummary {
  return {
    id: Number(o.id),
    orderNo: o.order_no,
    memberId: Number(o.member_id),
    status: o.status,
    platform: o.platform,
    lines: lines.filter((l) => Number(l.order_id) === Number(o.id)).map(toOrderLine),
    itemsFen: Number(o.items_fen),
    shippingFen: Number(o.shipping_fen),
    discountFen: Number(o.discount_fen),
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

const sourceOf = (a: AdjustmentRow) =>
  a.source_type === null ? null : { type: a.source_type, id: a.source_id === null ? null : Number(a.source_id) };

export function toOrder(o: OrderRow, lines: LineRow[], adjustments: AdjustmentRow[], events: EventRow[], refunds: Refund[]): Order {
  return {
    ...toSummary(o, lines),
    breakdown: breakdownOf({
      itemsFen: Number(o.items_fen),
      shippingFen: Number(o.shipping_fen),
      shippingRule: o.shipping_rule,
      adjustments: adjustments.map((a) => ({
        appliesTo: a.applies_to,
        code: a.code,
        label: a.label,
        amountFen: Number(a.amount_fen),
        source: sourceOf(a),
      })),
    }),
    address: parseJson<ShippingAddressSnapshot>(o.address, EMPTY_ADDRESS),
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

/** What the lifecycle steps are told about an order. */
export function factsOf(o: OrderRow, lines: LineRow[], adjustments: AdjustmentRow[], adjustmentLines: AdjustmentLineRow[]): OrderFacts {
  return {
    orderId: Number(o.id),
    orderNo: o.order_no,
    kind: o.kind,
    memberId: Number(o.member_id),
    platform: o.platform as LoginPlatform | null,
    itemsFen: Number(o.items_fen),
    shippingFen: Number(o.shipping_fen),
    discountFen: Number(o.discount_fen),
    payableFen: Number(o.payable_fen),
    lines: lines.map((l) => ({
      orderLineId: Number(l.id),
      lineNo: l.line_no,
      title: l.title,
      skuId: Number(l.sku_id),
      productId: Number(l.product_id),
      quantity: l.quantity,
      unitPriceFen: Number(l.unit_price_fen),
      lineTotalFen: Number(l.line_total_fen),
      discountFen: Number(l.discount_fen),
      paidFen: Number(l.paid_fen),
    })),
    adjustments: adjustments.map((a) => ({
      id: Number(a.id),
      seq: a.seq,
      kind: a.kind,
      code: a.code,
      source: sourceOf(a),
      appliesTo: a.applies_to,
      amountFen: Number(a.amount_fen),
      lines: adjustmentLines
        .filter((al) => Number(al.adjustment_id) === Number(a.id))
        .map((al) => ({ orderLineId: Number(al.order_line_id), amountFen: Number(al.amount_fen) })),
    })),
  };
}

/** For payments and refunds: who, how much, which platform trade. */
export function paymentFactsOf(o: OrderRow) {
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
