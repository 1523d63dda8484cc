import { z } from 'zod';
import { PageQuery, pageOf } from './catalog.js';
import { Id, IsoInstant, orNull } from './common.js';

/** A paid membership card's benefits (付费会员; decision 040). */
export const MemberCardBenefits = z
  .object({
    memberPriceBp: z
      .number()
      .int()
      .min(0)
      .max(9000)
      .meta({ description: 'member price: share off in basis points on every product (1000 = 九折); 0: none' }),
    pointsMultiplierBp: z
      .number()
      .int()
      .min(10_000)
      .max(100_000)
      .meta({ description: 'points earned × this / 10000, on top of the tier’s multiplier' }),
    freeShipping: z.boolean(),
    mayDistribute: z.boolean().meta({ description: 'holders may distribute (read by the distribution module)' }),
    couponTemplateId: orNull(Id).meta({ description: 'the monthly coupon pack: this coupon template…' }),
    couponsPerMonth: z.number().int().min(0).max(10).meta({ description: '…this many each month of the card (0: no pack)' }),
  })
  .strict();

export const MemberCardInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    priceFen: z.number().int().min(1).max(10_000_000).meta({ description: 'price in fen (19900 = ¥199)' }),
    periodMonths: z.number().int().min(1).max(36),
    refundDays: z
      .number()
      .int()
      .min(0)
      .max(28)
      .meta({ description: 'full refund within this many days of payment if no benefit was used; none after' }),
    onSale: z.boolean(),
    benefits: MemberCardBenefits,
  })
  .strict();

export const MemberCard = z.object({
  id: Id,
  name: z.string(),
  priceFen: z.number().int(),
  periodMonths: z.number().int(),
  refundDays: z.number().int(),
  onSale: z.boolean(),
  benefits: MemberCardBenefits,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});

export const MemberCardList = z.object({ items: z.array(MemberCard) });

export const MyMemberCard = z.object({
  cardId: Id,
  name: z.string(),
  status: z.enum(['active', 'expired', 'refunded']),
  startedAt: IsoInstant,
  expiresAt: IsoInstant,
  daysLeft: z.number().int().meta({ description: 'whole days left, rounded up; 0 once expired' }),
  savedFen: z.number().int().meta({ description: 'what the card’s benefits took off the member’s paid orders so far' }),
  benefits: MemberCardBenefits,
  /** Whether the last purchase may still be refunded (within its window, no benefit used since). */
  refundableUntil: orNull(IsoInstant),
});

/** The purchase page: cards on sale, the member's own card, and what each card would have saved on recent orders. */
export const MemberCardOffer = z.object({
  cards: z.array(
    MemberCard.extend({
      estimate: z.object({
        days: z.number().int().meta({ description: 'the look-back window' }),
        orders: z.number().int(),
        savedFen: z.number().int().meta({ description: 'member price and free shipping on the member’s paid orders in the window' }),
      }),
    }),
  ),
  mine: orNull(MyMemberCard),
});

export const MemberCardSaving = z.object({ orderId: Id, savedFen: z.number().int(), createdAt: IsoInstant });
export const MemberCardSavings = z.object({ items: z.array(MemberCardSaving), totalFen: z.number().int() });

/** A card bought: its order, to be paid through POST /orders/{orderId}/pay before `expiresAt`. */
export const MemberCardOrder = z.object({
  purchaseId: Id,
  cardId: Id,
  priceFen: z.number().int(),
  orderId: Id,
  orderNo: z.string(),
  expiresAt: IsoInstant,
});

export const MemberCardPurchase = z.object({
  id: Id,
  memberId: Id,
  cardId: Id,
  cardName: z.string(),
  orderId: orNull(Id),
  status: z.enum(['pending', 'paid', 'closed', 'refunded']),
  priceFen: z.number().int(),
  periodMonths: z.number().int(),
  extendedFrom: orNull(IsoInstant),
  extendedTo: orNull(IsoInstant),
  refundUntil: orNull(IsoInstant),
  createdAt: IsoInstant,
  paidAt: orNull(IsoInstant),
  refundedAt: orNull(IsoInstant),
});

export const MemberCardHolder = z.object({
  memberId: Id,
  nickname: orNull(z.string()),
  cardId: Id,
  cardName: z.string(),
  status: z.enum(['active', 'expired', 'refunded']),
  startedAt: IsoInstant,
  expiresAt: IsoInstant,
  savedFen: z.number().int(),
  lastPurchase: MemberCardPurchase,
  refundable: z.boolean().meta({ description: 'the last purchase may be refunded under the card’s rule now' }),
});

export const MemberCardHoldersQuery = PageQuery.extend({ status: z.enum(['active', 'expired', 'refunded']).optional() });

export const MemberCardHolderPage = pageOf(MemberCardHolder);

export type MemberCardBenefits = z.output<typeof MemberCardBenefits>;
export type MemberCardInput = z.output<typeof MemberCardInput>;
export type MemberCard = z.output<typeof MemberCard>;
export type MyMemberCard = z.output<typeof MyMemberCard>;
export type MemberCardOffer = z.output<typeof MemberCardOffer>;
export type MemberCardSavings = z.output<typeof MemberCardSavings>;
export type MemberCardOrder = z.output<typeof MemberCardOrder>;
export type MemberCardPurchase = z.output<typeof MemberCardPurchase>;
export type MemberCardHolder = z.output<typeof MemberCardHolder>;
export type MemberCardHoldersQuery = z.output<typeof MemberCardHoldersQuery>;
export type MemberCardHolderPage = z.output<typeof MemberCardHolderPage>;
