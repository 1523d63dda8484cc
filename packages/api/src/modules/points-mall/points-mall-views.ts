import {
  type MerchantPointsMallItem,
  type MerchantPointsMallRedemption,
  PointsMallItemSnapshot,
  type PointsMallRedemption,
  ShippingAddressSnapshot,
} from '@siyu/shared';
import { readJsonOr, StoredJson } from '../../db/json-column.js';
import { imageUrlOrNull } from '../../lib/media-url.js';
import type { ItemRow, RedemptionRow } from './points-mall.repository.js';

// How the mall's rows are shown: the merchant's items, the member's and the merchant's redemptions.

export function toMerchantItem(r: ItemRow): MerchantPointsMallItem {
  return {
    id: r.id,
    kind: r.kind,
    skuId: r.sku_id,
    couponTemplateId: r.coupon_template_id,
    title: r.title,
    imageUrl: imageUrlOrNull(r.image_url),
    description: r.description,
    instructions: r.instructions,
    pointsPrice: r.points_price,
    cashFen: r.cash_fen,
    totalStock: r.total_stock,
    stockLeft: r.stock_left,
    redeemedCount: r.total_stock - r.stock_left,
    perMemberLimit: r.per_member_limit,
    perMemberDailyLimit: r.per_member_daily_limit,
    onSaleFrom: r.on_sale_from,
    onSaleUntil: r.on_sale_until,
    minTierLevel: r.min_tier_level,
    sortOrder: r.sort_order,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRedemption(r: RedemptionRow): PointsMallRedemption {
  const item = readJsonOr(r.item_snapshot, PointsMallItemSnapshot, {
    kind: r.kind,
    title: '',
    imageUrl: null,
    description: '',
    pointsPrice: 0,
    cashFen: 0,
    skuId: null,
    couponTemplateId: null,
  });
  return {
    id: r.id,
    redemptionNo: r.redemption_no,
    itemId: r.item_id,
    item: { ...item, imageUrl: imageUrlOrNull(item.imageUrl) },
    quantity: r.quantity,
    points: r.points,
    cashFen: r.cash_fen,
    status: r.status,
    orderId: r.order_id,
    paymentDeadline: r.payment_deadline,
    address: readJsonOr(r.address, ShippingAddressSnapshot, null),
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    couponIds: readJsonOr(r.coupon_ids, StoredJson.ids, []),
    instructions: r.status === 'fulfilled' ? r.instructions : null,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    fulfilledAt: r.fulfilled_at,
    cancelledAt: r.cancelled_at,
  };
}

export const toMerchantRedemption = (r: RedemptionRow): MerchantPointsMallRedemption => ({ ...toRedemption(r), memberId: r.member_id });

export function onSale(item: ItemRow, at: string): boolean {
  return item.status === 'on' && (item.on_sale_from === null || item.on_sale_from <= at) && (item.on_sale_until === null || item.on_sale_until > at);
}
