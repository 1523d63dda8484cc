import { z } from 'zod';
import {
  POINTS_MALL_ITEM_KINDS,
  POINTS_MALL_ITEM_STATUSES,
  POINTS_MALL_MAX_QUANTITY,
  POINTS_MALL_REDEMPTION_STATUSES,
} from '../constants/points-mall.js';
import { rule } from '../issues.js';
import { FenAmount, ImageUrl, PageQuery, pageOf } from './catalog.js';
import { BusinessDateSchema, Id, IsoInstant, decimalInteger, orNull, nonZeroDelta } from './common.js';
import { ShippingAddressSnapshot } from './addresses.js';
import { Shipment } from './orders.js';

/**
 * The points mall: items members redeem with points, or points plus cash.
 *
 * - `sku`: a catalog SKU, shipped like an order (the member gives an address; staff fulfil with a carrier and tracking number).
 * - `coupon`: a coupon template; the coupon is issued at once (through the coupons module's one issue function).
 * - `virtual`: a benefit with instructions, shown to the member once redeemed.
 *
 * A points-only redemption completes in one request. A points-plus-cash redemption holds the points and the stock and
 * creates an order for the cash part (`orderId`), paid like any order (`POST /api/v1/orders/{orderId}/pay`, the same pay
 * flow on every platform) before `paymentDeadline`; otherwise both are given back and the redemption is closed.
 */
export const PointsMallItemKind = z.enum(POINTS_MALL_ITEM_KINDS);

export const PointsMallItemStatus = z.enum(POINTS_MALL_ITEM_STATUSES).meta({ description: 'on: listed for members (within its on-sale window)' });

const PointsPrice = z.number().int().min(1).max(100_000_000).meta({ description: 'points per unit' });
const CashPrice = z
  .number()
  .int()
  .min(0)
  .max(100_000_000)
  .meta({ description: 'cash per unit in integer fen, paid with the points (0: points only)' });
const MallStock = z.number().int().min(0).max(10_000_000);
const MemberLimit = z.number().int().min(1).max(10_000);

/** Why a member cannot redeem an item now (the first that applies, in this order). */
export const POINTS_MALL_UNAVAILABLE_REASONS = [
  'NOT_ON_SALE',
  'TIER_TOO_LOW',
  'SOLD_OUT',
  'LIMIT_REACHED',
  'DAILY_LIMIT_REACHED',
  'NOT_ENOUGH_POINTS',
] as const;
export const PointsMallUnavailableReason = z.enum(POINTS_MALL_UNAVAILABLE_REASONS);

const itemFields = {
  title: z.string().trim().min(1).max(40),
  imageUrl: ImageUrl.nullable().default(null),
  description: z.string().trim().max(2000).default(''),
  instructions: z
    .string()
    .trim()
    .max(2000)
    .default('')
    .meta({ description: 'virtual items: how to use the benefit, shown to the member once redeemed' }),
  pointsPrice: PointsPrice,
  cashFen: CashPrice.default(0),
  perMemberLimit: MemberLimit.nullable().default(null).meta({ description: 'units a member may redeem in all (null: no limit)' }),
  perMemberDailyLimit: MemberLimit.nullable()
    .default(null)
    .meta({ description: 'units a member may redeem per business day, in the merchant’s time zone (null: no limit)' }),
  onSaleFrom: z.iso.datetime({ offset: true }).nullable().default(null).meta({ description: 'UTC instant; null: from now' }),
  onSaleUntil: z.iso.datetime({ offset: true }).nullable().default(null).meta({ description: 'UTC instant; null: no end' }),
  minTierLevel: z.number().int().min(0).max(20).default(0).meta({ description: 'members below this tier level cannot redeem it (0: everyone)' }),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).default(0).meta({ description: 'larger comes first' }),
};

function windowRefinement(
  v: {
    onSaleFrom?: string | null | undefined;
    onSaleUntil?: string | null | undefined;
    perMemberLimit?: number | null | undefined;
    perMemberDailyLimit?: number | null | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (v.onSaleFrom && v.onSaleUntil && !(Date.parse(v.onSaleFrom) < Date.parse(v.onSaleUntil))) {
    ctx.addIssue({ code: 'custom', path: ['onSaleUntil'], ...rule('window_order', 'must be after onSaleFrom') });
  }
  if (typeof v.perMemberLimit === 'number' && typeof v.perMemberDailyLimit === 'number' && v.perMemberDailyLimit > v.perMemberLimit) {
    ctx.addIssue({ code: 'custom', path: ['perMemberDailyLimit'], ...rule('daily_over_total', 'cannot be more than perMemberLimit') });
  }
}

export const NewPointsMallItem = z
  .object({
    kind: PointsMallItemKind,
    skuId: Id.nullable().default(null).meta({ description: 'kind sku: the catalog SKU shipped' }),
    couponTemplateId: Id.nullable().default(null).meta({ description: 'kind coupon: the template issued (one coupon per unit)' }),
    ...itemFields,
    totalStock: MallStock.meta({ description: 'units offered in the mall (its own stock, apart from the catalog’s)' }),
    status: PointsMallItemStatus.default('off'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const kind = { kind: v.kind };
    if (v.kind === 'sku' && v.skuId === null)
      ctx.addIssue({ code: 'custom', path: ['skuId'], ...rule('required_for_kind', 'a sku item needs skuId', kind) });
    if (v.kind !== 'sku' && v.skuId !== null)
      ctx.addIssue({ code: 'custom', path: ['skuId'], ...rule('not_for_kind', `a ${v.kind} item has no skuId`, kind) });
    if (v.kind === 'coupon' && v.couponTemplateId === null)
      ctx.addIssue({ code: 'custom', path: ['couponTemplateId'], ...rule('required_for_kind', 'a coupon item needs couponTemplateId', kind) });
    if (v.kind !== 'coupon' && v.couponTemplateId !== null)
      ctx.addIssue({ code: 'custom', path: ['couponTemplateId'], ...rule('not_for_kind', `a ${v.kind} item has no couponTemplateId`, kind) });
    if (v.kind === 'virtual' && v.instructions === '')
      ctx.addIssue({
        code: 'custom',
        path: ['instructions'],
        ...rule('required_for_kind', 'a virtual item needs instructions for the member', kind),
      });
    windowRefinement(v, ctx);
  })
  .meta({ id: 'NewPointsMallItem' });

/** Editing an item changes what is redeemed from now on; redemptions keep their snapshot. Kind and target are fixed. */
export const UpdatePointsMallItem = z
  .object({
    title: itemFields.title.optional(),
    imageUrl: ImageUrl.nullable().optional(),
    description: z.string().trim().max(2000).optional(),
    instructions: z.string().trim().max(2000).optional(),
    pointsPrice: PointsPrice.optional(),
    cashFen: CashPrice.optional(),
    perMemberLimit: MemberLimit.nullable().optional(),
    perMemberDailyLimit: MemberLimit.nullable().optional(),
    onSaleFrom: z.iso.datetime({ offset: true }).nullable().optional(),
    onSaleUntil: z.iso.datetime({ offset: true }).nullable().optional(),
    minTierLevel: z.number().int().min(0).max(20).optional(),
    sortOrder: itemFields.sortOrder.optional(),
    status: PointsMallItemStatus.optional(),
  })
  .strict()
  .superRefine(windowRefinement)
  .meta({ id: 'UpdatePointsMallItem' });

/** Stock added (> 0) or taken out (< 0) of the mall; it never goes below what was redeemed. */
export const PointsMallStockAdjustment = z
  .object({
    delta: nonZeroDelta(10_000_000),
    reason: z.string().trim().min(1).max(100),
  })
  .strict()
  .meta({ id: 'PointsMallStockAdjustment' });

export const PointsMallItemStatusRequest = z.object({ status: PointsMallItemStatus }).strict().meta({ id: 'PointsMallItemStatusRequest' });

/** An item as the merchant sees it. */
export const MerchantPointsMallItem = z
  .object({
    id: Id,
    kind: PointsMallItemKind,
    skuId: Id.nullable(),
    couponTemplateId: Id.nullable(),
    title: z.string(),
    imageUrl: z.string().nullable(),
    description: z.string(),
    instructions: z.string(),
    pointsPrice: z.number().int(),
    cashFen: FenAmount,
    totalStock: z.number().int().meta({ description: 'units ever offered (adjustments included)' }),
    stockLeft: z.number().int().meta({ description: 'units not yet taken (redemptions awaiting payment hold theirs)' }),
    redeemedCount: z.number().int().meta({ description: 'units taken by redemptions not cancelled or closed' }),
    perMemberLimit: z.number().int().nullable(),
    perMemberDailyLimit: z.number().int().nullable(),
    onSaleFrom: IsoInstant.nullable(),
    onSaleUntil: IsoInstant.nullable(),
    minTierLevel: z.number().int(),
    sortOrder: z.number().int(),
    status: PointsMallItemStatus,
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  })
  .meta({ id: 'MerchantPointsMallItem' });
export const MerchantPointsMallItemPage = pageOf(MerchantPointsMallItem).meta({ id: 'MerchantPointsMallItemPage' });
export const MerchantPointsMallItemQuery = PageQuery.extend({
  status: PointsMallItemStatus.optional(),
  kind: PointsMallItemKind.optional(),
});

/** What a member is shown of an item, now or as it was when redeemed. */
const itemShownFields = {
  kind: PointsMallItemKind,
  title: z.string(),
  imageUrl: z.string().nullable(),
  description: z.string(),
  pointsPrice: z.number().int(),
  cashFen: FenAmount,
};

/** An item as one member sees it: whether they can redeem it now and, if not, why. */
export const PointsMallItem = z
  .object({
    id: Id,
    ...itemShownFields,
    stockLeft: z.number().int(),
    perMemberLimit: z.number().int().nullable(),
    perMemberDailyLimit: z.number().int().nullable(),
    onSaleFrom: IsoInstant.nullable(),
    onSaleUntil: IsoInstant.nullable(),
    minTierLevel: z.number().int(),
    redeemedByMe: z.number().int().meta({ description: 'units the member holds or held (cancelled and closed ones excluded)' }),
    redeemedByMeToday: z.number().int().meta({ description: 'of those, redeemed this business day' }),
    canRedeem: z.boolean(),
    unavailableReason: PointsMallUnavailableReason.nullable().meta({ description: 'why canRedeem is false (null when it is true)' }),
    maxQuantity: z.number().int().meta({ description: 'the most units the member can redeem at once now (0 when canRedeem is false)' }),
  })
  .meta({ id: 'PointsMallItem' });
export const PointsMallItemPage = pageOf(PointsMallItem)
  .extend({ availablePoints: z.number().int().meta({ description: 'the member’s available points' }) })
  .meta({ id: 'PointsMallItemPage' });
export const PointsMallItemQuery = PageQuery.extend({ kind: PointsMallItemKind.optional() });

export const RedeemPointsMallItemRequest = z
  .object({
    itemId: Id,
    quantity: z.number().int().min(1).max(POINTS_MALL_MAX_QUANTITY).default(1),
    addressId: Id.optional().meta({ description: 'required for sku items: where to ship' }),
  })
  .strict()
  .meta({ id: 'RedeemPointsMallItemRequest' });

export const PointsMallRedemptionStatus = z.enum(POINTS_MALL_REDEMPTION_STATUSES).meta({
  description:
    'awaiting_payment: the cash part is unpaid (points and stock held); awaiting_fulfilment: paid, a sku item to ship; fulfilled: shipped, coupon issued or benefit delivered; cancelled: by staff (points, stock and any cash given back); closed: the payment window passed or the member withdrew before paying',
});

/** What the item was when redeemed. */
export const PointsMallItemSnapshot = z
  .object({
    ...itemShownFields,
    skuId: Id.nullable(),
    couponTemplateId: Id.nullable(),
  })
  .meta({ id: 'PointsMallItemSnapshot' });

export const PointsMallRedemption = z
  .object({
    id: Id,
    redemptionNo: z.string(),
    itemId: Id,
    item: PointsMallItemSnapshot,
    quantity: z.number().int(),
    points: z.number().int().meta({ description: 'points taken (pointsPrice × quantity)' }),
    cashFen: FenAmount.meta({ description: 'cash to pay (cashFen × quantity)' }),
    status: PointsMallRedemptionStatus,
    orderId: Id.nullable().meta({ description: 'the order that carries the cash part; pay it with POST /orders/{orderId}/pay' }),
    paymentDeadline: IsoInstant.nullable().meta({ description: 'an unpaid cash part is closed at this instant' }),
    address: orNull(ShippingAddressSnapshot),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
    couponIds: z.array(Id).meta({ description: 'coupon items: the coupons issued' }),
    instructions: z.string().nullable().meta({ description: 'virtual items: how to use the benefit (once fulfilled)' }),
    cancelReason: z.string().nullable(),
    createdAt: IsoInstant,
    paidAt: IsoInstant.nullable(),
    fulfilledAt: IsoInstant.nullable(),
    cancelledAt: IsoInstant.nullable().meta({ description: 'cancelled or closed at' }),
  })
  .meta({ id: 'PointsMallRedemption' });
export const PointsMallRedemptionPage = pageOf(PointsMallRedemption).meta({ id: 'PointsMallRedemptionPage' });
export const MemberPointsMallRedemptionQuery = PageQuery.extend({ status: PointsMallRedemptionStatus.optional() });

/** A redemption as the merchant sees it: with the member. */
export const MerchantPointsMallRedemption = PointsMallRedemption.extend({ memberId: Id }).meta({ id: 'MerchantPointsMallRedemption' });
export const MerchantPointsMallRedemptionPage = pageOf(MerchantPointsMallRedemption).meta({ id: 'MerchantPointsMallRedemptionPage' });
export const MerchantPointsMallRedemptionQuery = PageQuery.extend({
  status: PointsMallRedemptionStatus.optional(),
  kind: PointsMallItemKind.optional(),
  itemId: decimalInteger(1).optional(),
  memberId: decimalInteger(1).optional(),
  redemptionNo: z.string().trim().min(1).max(40).optional(),
  from: BusinessDateSchema.optional().meta({ description: 'created on or after this business day' }),
  to: BusinessDateSchema.optional().meta({ description: 'created on or before this business day' }),
});

export const FulfilPointsMallRedemptionRequest = Shipment.meta({ id: 'FulfilPointsMallRedemptionRequest' });

export const CancelPointsMallRedemptionRequest = z
  .object({ reason: z.string().trim().min(1).max(200) })
  .strict()
  .meta({ id: 'CancelPointsMallRedemptionRequest' });

export type PointsMallItemKind = z.output<typeof PointsMallItemKind>;
export type PointsMallItemStatus = z.output<typeof PointsMallItemStatus>;
export type PointsMallUnavailableReason = z.output<typeof PointsMallUnavailableReason>;
export type NewPointsMallItem = z.output<typeof NewPointsMallItem>;
export type UpdatePointsMallItem = z.output<typeof UpdatePointsMallItem>;
export type PointsMallStockAdjustment = z.output<typeof PointsMallStockAdjustment>;
export type PointsMallItemStatusRequest = z.output<typeof PointsMallItemStatusRequest>;
export type MerchantPointsMallItem = z.output<typeof MerchantPointsMallItem>;
export type MerchantPointsMallItemPage = z.output<typeof MerchantPointsMallItemPage>;
export type MerchantPointsMallItemQuery = z.output<typeof MerchantPointsMallItemQuery>;
export type PointsMallItem = z.output<typeof PointsMallItem>;
export type PointsMallItemPage = z.output<typeof PointsMallItemPage>;
export type PointsMallItemQuery = z.output<typeof PointsMallItemQuery>;
export type RedeemPointsMallItemRequest = z.output<typeof RedeemPointsMallItemRequest>;
export type PointsMallRedemptionStatus = z.output<typeof PointsMallRedemptionStatus>;
export type PointsMallItemSnapshot = z.output<typeof PointsMallItemSnapshot>;
export type PointsMallRedemption = z.output<typeof PointsMallRedemption>;
export type PointsMallRedemptionPage = z.output<typeof PointsMallRedemptionPage>;
export type MemberPointsMallRedemptionQuery = z.output<typeof MemberPointsMallRedemptionQuery>;
export type MerchantPointsMallRedemption = z.output<typeof MerchantPointsMallRedemption>;
export type MerchantPointsMallRedemptionPage = z.output<typeof MerchantPointsMallRedemptionPage>;
export type MerchantPointsMallRedemptionQuery = z.output<typeof MerchantPointsMallRedemptionQuery>;
export type FulfilPointsMallRedemptionRequest = z.output<typeof FulfilPointsMallRedemptionRequest>;
export type CancelPointsMallRedemptionRequest = z.output<typeof CancelPointsMallRedemptionRequest>;
