import { z } from 'zod';
import { CartQuantity } from './cart.js';
import { FenAmount, PageQuery, pageOf } from './catalog.js';
import { Id, IsoInstant, decimalInteger } from './common.js';
import { Refund } from './refunds.js';

export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);

export const CheckoutItem = z.object({ skuId: Id, quantity: CartQuantity }).strict();

const checkoutFields = {
  items: z.array(CheckoutItem).min(1).max(50).optional().meta({ description: 'buy these now; or send fromCart' }),
  fromCart: z.literal(true).optional().meta({ description: 'buy the selected cart lines' }),
  remark: z.string().trim().max(200).optional(),
};

function oneSource(v: { items?: unknown[] | undefined; fromCart?: true | undefined }, ctx: z.RefinementCtx) {
  if (v.items && v.fromCart) ctx.addIssue({ code: 'custom', path: ['fromCart'], message: 'send either items or fromCart, not both' });
  if (!v.items && !v.fromCart) ctx.addIssue({ code: 'custom', path: ['items'], message: 'send items, or fromCart: true' });
  const seen = new Set<number>();
  (v.items as { skuId: number }[] | undefined)?.forEach((item, i) => {
    if (seen.has(item.skuId))
      ctx.addIssue({ code: 'custom', path: ['items', i, 'skuId'], message: 'the same SKU appears twice; send one line with the total quantity' });
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

export const BREAKDOWN_KINDS = ['items', 'shipping', 'discount'] as const;
export const BreakdownLine = z
  .object({ kind: z.enum(BREAKDOWN_KINDS), label: z.string(), amountFen: z.number().int().meta({ description: 'negative for discounts' }) })
  .meta({ id: 'BreakdownLine' });

export const ShippingAddressSnapshot = z
  .object({ name: z.string(), phone: z.string(), province: z.string(), city: z.string(), district: z.string(), detail: z.string() })
  .meta({ id: 'ShippingAddressSnapshot' });

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
    problem: z.enum(['unavailable', 'insufficient_stock']).nullable(),
  })
  .meta({ id: 'PreviewLine' });

export const CheckoutPreview = z
  .object({
    lines: z.array(PreviewLine),
    breakdown: z.array(BreakdownLine),
    itemsFen: FenAmount,
    shippingFen: FenAmount,
    payableFen: FenAmount,
    address: ShippingAddressSnapshot.nullable(),
    canSubmit: z.boolean(),
  })
  .meta({ id: 'CheckoutPreview' });

export const OrderLine = z
  .object({
    id: Id,
    skuId: Id,
    productId: Id,
    title: z.string(),
    specs: z.record(z.string(), z.string()),
    skuCode: z.string(),
    imageUrl: z.string().nullable(),
    unitPriceFen: FenAmount,
    quantity: CartQuantity,
    lineTotalFen: FenAmount,
  })
  .meta({ id: 'OrderLine' });

export const ACTOR_TYPES = ['member', 'staff', 'system', 'platform'] as const;
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
    lines: z.array(OrderLine),
    breakdown: z.array(BreakdownLine),
    itemsFen: FenAmount,
    shippingFen: FenAmount,
    payableFen: FenAmount,
    address: ShippingAddressSnapshot,
    remark: z.string().nullable(),
    expiresAt: IsoInstant.meta({ description: 'an unpaid order is closed at this instant' }),
    paidAt: IsoInstant.nullable(),
    paymentPlatform: z.string().nullable(),
    shippedAt: IsoInstant.nullable(),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
    completedAt: IsoInstant.nullable(),
    cancelledAt: IsoInstant.nullable(),
    createdAt: IsoInstant,
    refundedFen: FenAmount.meta({ description: 'sum of succeeded refunds; the order is refunded when this equals payableFen' }),
    events: z.array(OrderEvent),
    refunds: z.array(Refund).meta({ description: 'newest first' }),
  })
  .meta({ id: 'Order' });

export const OrderSummary = Order.omit({ events: true, breakdown: true, address: true, refunds: true }).meta({ id: 'OrderSummary' });
export const OrderPage = pageOf(OrderSummary).meta({ id: 'OrderPage' });

export const MemberOrderQuery = PageQuery.extend({ status: OrderStatus.optional() });
export const MerchantOrderQuery = MemberOrderQuery.extend({
  orderNo: z.string().trim().min(1).max(32).optional(),
  memberId: decimalInteger(1).optional(),
});

export const ShipOrderRequest = z
  .object({
    carrier: z.string().trim().min(1).max(30),
    trackingNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, 'must be 4-40 letters, digits or -'),
  })
  .strict()
  .meta({ id: 'ShipOrderRequest' });

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
export type ShippingAddressSnapshot = z.output<typeof ShippingAddressSnapshot>;
export type Order = z.output<typeof Order>;
export type OrderSummary = z.output<typeof OrderSummary>;
export type OrderPage = z.output<typeof OrderPage>;
export type OrderLine = z.output<typeof OrderLine>;
export type OrderEvent = z.output<typeof OrderEvent>;
export type OrderStatus = z.output<typeof OrderStatus>;
export type OrderActorType = (typeof ACTOR_TYPES)[number];
export type MerchantOrderQuery = z.output<typeof MerchantOrderQuery>;
export type OrderSettings = z.output<typeof OrderSettings>;
