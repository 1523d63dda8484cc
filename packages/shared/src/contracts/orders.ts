import { z } from 'zod';
import { rule } from '../issues.js';
import { ORDER_LIMITS, ORDER_STATUSES, BREAKDOWN_KINDS, ACTOR_TYPES } from '../constants/orders.js';
import { CartQuantity, skuLineFields } from './cart.js';
import { CheckoutCoupons } from './coupons.js';
import { CheckoutPoints } from './points.js';
import { FenAmount, PageQuery, pageOf } from './catalog.js';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { BusinessDateSchema, decimalInteger, Id, IsoInstant, orNull } from './common.js';
import { ShippingAddressSnapshot } from './addresses.js';
import { Refund } from './refunds.js';

export const OrderStatus = z.enum(ORDER_STATUSES);

export const CheckoutItem = z.object({ skuId: Id, quantity: CartQuantity }).strict();

const checkoutFields = {
  items: z.array(CheckoutItem).min(1).max(ORDER_LIMITS.maxLines).optional().meta({ description: 'buy these now; or send fromCart' }),
  fromCart: z.literal(true).optional().meta({ description: 'buy the selected cart lines' }),
  remark: z.string().trim().max(200).optional(),
  couponIds: z
    .array(Id)
    .max(4)
    .optional()
    .meta({ description: 'the coupons to use; omit to let the server choose the best allowed combination, [] for none' }),
  usePoints: z.boolean().optional().meta({ description: 'pay part with points, as much as the rules allow' }),
  useBalance: z
    .boolean()
    .optional()
    .meta({ description: 'pay from the stored-value balance, as much of the payable as it covers; the platform is asked for the rest' }),
};

function oneSource(v: { items?: unknown[] | undefined; fromCart?: true | undefined }, ctx: z.RefinementCtx) {
  if (v.items && v.fromCart) ctx.addIssue({ code: 'custom', path: ['fromCart'], ...rule('either_or', 'send either items or fromCart, not both') });
  if (!v.items && !v.fromCart) ctx.addIssue({ code: 'custom', path: ['items'], ...rule('either_or', 'send items, or fromCart: true') });
  const coupons = (v as { couponIds?: number[] }).couponIds ?? [];
  coupons.forEach((id, i) => {
    if (coupons.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['couponIds', i], ...rule('duplicate', 'the same coupon appears twice') });
  });
  const seen = new Set<number>();
  (v.items as { skuId: number }[] | undefined)?.forEach((item, i) => {
    if (seen.has(item.skuId))
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, 'skuId'],
        ...rule('duplicate', 'the same SKU appears twice; send one line with the total quantity'),
      });
    seen.add(item.skuId);
  });
}

/** Prices never come from the client: only what to buy, where to ship it. */
export const CheckoutPreviewRequest = z
  .object({ ...checkoutFields, addressId: Id.optional() })
  .strict()
  .superRefine(oneSource)
  .meta({ id: 'CheckoutPreviewRequest' });

export const CreateOrderRequest = z
  .object({ ...checkoutFields, addressId: Id })
  .strict()
  .superRefine(oneSource)
  .meta({ id: 'CreateOrderRequest' });

export const AdjustmentSource = z
  .object({ type: z.string().meta({ example: 'coupon' }), id: Id.nullable() })
  .meta({ id: 'AdjustmentSource', description: 'what a discount comes from: a coupon, a tier, the points balance, …' });
export const BreakdownLine = z
  .object({
    kind: z.enum(BREAKDOWN_KINDS),
    code: z.string().meta({ description: 'items, shipping_flat, shipping_free_threshold, shipping_none, or a discount’s own code' }),
    label: z.string().meta({ description: 'for shoppers, in Simplified Chinese' }),
    amountFen: z.number().int().meta({ description: 'negative for discounts' }),
    source: orNull(AdjustmentSource),
  })
  .meta({ id: 'BreakdownLine' });

export const PreviewLine = z
  .object({
    skuId: Id,
    productId: Id,
    title: z.string(),
    specs: z.record(z.string(), z.string()),
    imageUrl: z.string().nullable(),
    unitPriceFen: FenAmount,
    quantity: CartQuantity,
    lineTotalFen: FenAmount,
    discountFen: FenAmount.meta({ description: 'this line’s share of the discounts' }),
    paidFen: FenAmount.nullable().meta({ description: 'what this line costs after discounts; null when it cannot be bought (see problem)' }),
    problem: z.enum(['unavailable', 'insufficient_stock']).nullable(),
  })
  .meta({ id: 'PreviewLine' });

export const CheckoutPreview = z
  .object({
    lines: z.array(PreviewLine),
    breakdown: z.array(BreakdownLine),
    itemsFen: FenAmount,
    shippingFen: FenAmount,
    discountFen: FenAmount.meta({ description: 'all discounts, on goods and on shipping' }),
    payableFen: FenAmount.meta({ description: 'itemsFen + shippingFen - discountFen' }),
    address: orNull(ShippingAddressSnapshot),
    coupons: CheckoutCoupons,
    points: CheckoutPoints,
    canSubmit: z.boolean(),
  })
  .meta({ id: 'CheckoutPreview' });

export const OrderLine = z
  .object({
    ...skuLineFields,
    skuCode: z.string(),
    imageUrl: z.string().nullable(),
    unitPriceFen: FenAmount,
    quantity: CartQuantity,
    lineTotalFen: FenAmount,
    discountFen: FenAmount.meta({ description: 'this line’s share of the order’s discounts' }),
    paidFen: FenAmount.meta({ description: 'what this line really cost; refunds give back from this' }),
  })
  .meta({ id: 'OrderLine' });

export const OrderEvent = z
  .object({
    fromStatus: OrderStatus.nullable(),
    toStatus: OrderStatus,
    actorType: z.enum(ACTOR_TYPES),
    actorId: Id.nullable(),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'OrderEvent' });

export const Order = z
  .object({
    id: Id,
    orderNo: z.string().meta({ description: 'also the platform trade number (out_trade_no)' }),
    memberId: Id,
    status: OrderStatus,
    platform: z.enum(LOGIN_PLATFORMS).nullable().meta({ description: 'the super-app the order was placed from' }),
    lines: z.array(OrderLine),
    breakdown: z.array(BreakdownLine).meta({ description: 'read from what was decided at creation, never recomputed' }),
    itemsFen: FenAmount,
    shippingFen: FenAmount,
    discountFen: FenAmount,
    payableFen: FenAmount.meta({ description: 'itemsFen + shippingFen - discountFen; 0 means settled at creation without a payment' }),
    balanceFen: FenAmount.meta({
      description: 'the part of the payable paid from the stored-value balance; the platform is asked for payableFen - balanceFen',
    }),
    address: ShippingAddressSnapshot,
    remark: z.string().nullable(),
    expiresAt: IsoInstant.meta({ description: 'an unpaid order is closed at this instant' }),
    paidAt: IsoInstant.nullable(),
    paymentPlatform: z.string().nullable().meta({ description: 'null for an order paid in full by discounts' }),
    shippedAt: IsoInstant.nullable(),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
    completedAt: IsoInstant.nullable(),
    cancelledAt: IsoInstant.nullable(),
    createdAt: IsoInstant,
    refundedFen: FenAmount.meta({ description: 'sum of succeeded refunds; the order is refunded when this equals payableFen' }),
    pointsEarned: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'points this order earned on payment (pending until it matures, less any taken back); 0 before payment' }),
    events: z.array(OrderEvent),
    refunds: z.array(Refund).meta({ description: 'newest first' }),
  })
  .meta({ id: 'Order' });

export const OrderSummary = Order.omit({ events: true, breakdown: true, address: true, refunds: true, pointsEarned: true }).meta({
  id: 'OrderSummary',
});
export const OrderPage = pageOf(OrderSummary).meta({ id: 'OrderPage' });

/** Why the member cancels (optional): kept in the order's history as the cancellation's note. */
export const CancelOrderRequest = z
  .object({ reason: z.string().trim().min(1).max(100).optional() })
  .strict()
  .meta({ id: 'CancelOrderRequest' });
export type CancelOrderRequest = z.output<typeof CancelOrderRequest>;

export const MemberOrderQuery = PageQuery.extend({
  status: OrderStatus.optional(),
  refund: z
    .enum(['any'])
    .optional()
    .meta({ description: 'any: orders with a refund asked for or made, whole or partial, whatever their status (the 退款 tab)' }),
});
/**
 * The member page's counts, each the `total` the order list's tab would show: 待付款 (`awaiting_payment`), 待发货
 * (`paid`), 待收货 (`shipped`), 退款/售后 (`refund=any`) and 全部 (every goods order). Points-mall cash parts are not
 * counted, as the list does not show them.
 */
export const OrderCounts = z
  .object({
    all: z.number().int().min(0),
    awaitingPayment: z.number().int().min(0),
    paid: z.number().int().min(0),
    shipped: z.number().int().min(0),
    refund: z.number().int().min(0),
  })
  .meta({ id: 'OrderCounts' });
export type OrderCounts = z.output<typeof OrderCounts>;

export const MerchantOrderFilter = z.object({
  status: OrderStatus.optional(),
  orderNo: z.string().trim().min(1).max(32).optional(),
  memberId: decimalInteger(1).optional(),
  platform: z.enum(LOGIN_PLATFORMS).optional().meta({ description: 'the super-app the order was placed from' }),
  from: BusinessDateSchema.optional().meta({ description: 'placed on or after this day (merchant’s time zone)' }),
  to: BusinessDateSchema.optional().meta({ description: 'placed on or before this day (merchant’s time zone)' }),
});
export const MerchantOrderQuery = PageQuery.extend(MerchantOrderFilter.shape);

/** A parcel handed to a carrier: orders and points-mall redemptions ship alike. */
export const Shipment = z
  .object({
    carrier: z.string().trim().min(1).max(30),
    trackingNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, 'must be 4-40 letters, digits or -'),
  })
  .strict();
export const ShipOrderRequest = Shipment.meta({ id: 'ShipOrderRequest' });

export const OrderSettings = z
  .object({
    shippingFlatFeeFen: FenAmount.max(100_000),
    freeShippingThresholdFen: FenAmount.nullable().meta({ description: 'items total at or above this ships free; null: never free' }),
    paymentWindowMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
  })
  .strict()
  .meta({ id: 'OrderSettings' });

export type CheckoutPreviewRequest = z.output<typeof CheckoutPreviewRequest>;
export type CreateOrderRequest = z.output<typeof CreateOrderRequest>;
export type BreakdownLine = z.output<typeof BreakdownLine>;
export type CheckoutPreview = z.output<typeof CheckoutPreview>;
export type PreviewLine = z.output<typeof PreviewLine>;
export type Order = z.output<typeof Order>;
export type OrderSummary = z.output<typeof OrderSummary>;
export type OrderPage = z.output<typeof OrderPage>;
export type OrderLine = z.output<typeof OrderLine>;
export type OrderEvent = z.output<typeof OrderEvent>;
export type OrderStatus = z.output<typeof OrderStatus>;
export type OrderActorType = (typeof ACTOR_TYPES)[number];
export type MerchantOrderQuery = z.output<typeof MerchantOrderQuery>;
export type MerchantOrderFilter = z.output<typeof MerchantOrderFilter>;
export type AdjustmentSource = z.output<typeof AdjustmentSource>;
export type OrderSettings = z.output<typeof OrderSettings>;
