import { z } from 'zod';
import { rule } from '../issues.js';
import { GROWTH_REASONS, TIER_CHANGE_REASONS } from '../constants/tiers.js';
import { BusinessDateSchema, CursorQuery, Id, IsoInstant, nonZeroDelta } from './common.js';

/** Growth is an integer, like points. */
export const Growth = z.number().int().min(-1_000_000_000).max(1_000_000_000);

export const GrowthReason = z.enum(GROWTH_REASONS);

export const TierChangeReason = z.enum(TIER_CHANGE_REASONS);

const TierText = z.string().trim().min(1).max(40);

export const TierDisplayBenefit = z
  .object({
    icon: z.string().trim().min(1).max(200).meta({ description: 'an icon name or an image URL' }),
    text: z.string().trim().min(1).max(60),
  })
  .strict();

/** A tier's member-price discount: `basisPoints` off (1000 = 10 % off, i.e. 九折) on the eligible products. */
export const TierMemberPrice = z
  .object({
    basisPoints: z.number().int().min(0).max(9999).meta({ description: 'share off in basis points; 0: no member price' }),
    scope: z.enum(['all', 'products', 'categories']).meta({ description: 'categories: a top-level category covers its subcategories' }),
    ids: z.array(Id).max(200).meta({ description: 'product or category ids, by the scope; empty for all' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const scope = { scope: v.scope };
    if (v.scope !== 'all' && v.ids.length === 0)
      ctx.addIssue({ code: 'custom', path: ['ids'], ...rule('required_for_scope', `name at least one of the ${v.scope}`, scope) });
    if (v.scope === 'all' && v.ids.length > 0)
      ctx.addIssue({ code: 'custom', path: ['ids'], ...rule('not_for_scope', 'must be empty when the scope is all', scope) });
    if (new Set(v.ids).size !== v.ids.length) ctx.addIssue({ code: 'custom', path: ['ids'], ...rule('duplicate', 'must not repeat an id') });
  });

export const TierBenefits = z
  .object({
    memberPrice: TierMemberPrice,
    pointsMultiplierBp: z.number().int().min(10_000).max(100_000).meta({ description: 'points earned × this / 10000 (15000: 1.5×)' }),
    freeShipping: z.boolean(),
    birthdayGift: z
      .object({
        points: z.number().int().min(0).max(1_000_000),
        couponTemplateId: Id.nullable(),
      })
      .strict(),
    display: z.array(TierDisplayBenefit).max(12),
  })
  .strict();

export const TierInput = z
  .object({
    level: z.number().int().min(0).max(19),
    name: TierText,
    growthThreshold: z.number().int().min(0).max(1_000_000_000),
    benefits: TierBenefits,
  })
  .strict();

/** The whole ladder, replaced at once: levels 0, 1, 2… in order, thresholds strictly increasing, the first 0. */
export const TiersConfig = z
  .object({ tiers: z.array(TierInput).min(1).max(20) })
  .strict()
  .superRefine((v, ctx) => {
    v.tiers.forEach((t, i) => {
      if (t.level !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'level'],
          ...rule('level_order', `must be ${i}: levels run 0, 1, 2… in order`, { level: i }),
        });
      if (i === 0 && t.growthThreshold !== 0)
        ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'growthThreshold'], ...rule('first_tier_zero', 'the first tier starts at 0') });
      const prev = v.tiers[i - 1];
      if (prev && t.growthThreshold <= prev.growthThreshold) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'growthThreshold'],
          ...rule('threshold_order', `must be more than the tier below (${prev.growthThreshold})`, { below: prev.growthThreshold }),
        });
      }
    });
    const names = v.tiers.map((t) => t.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'name'], ...rule('duplicate', 'names must differ') });
    });
  })
  .meta({ id: 'TiersConfig' });

export const Tier = TierInput.extend({ id: Id }).meta({ id: 'Tier' });
export const TierLadder = z.object({ tiers: z.array(Tier) }).meta({ id: 'TierLadder' });

/** Growth rates, the downgrade policy and when birthday gifts are given. */
export const TierRules = z
  .object({
    perYuan: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .meta({ description: 'growth per whole yuan actually paid for goods (after discounts, without shipping)' }),
    checkIn: z.number().int().min(0).max(10_000).meta({ description: 'growth per daily check-in' }),
    task: z.number().int().min(0).max(10_000).meta({ description: 'growth per completed points task' }),
    downgrade: z
      .object({
        policy: z.enum(['never', 'hold_then_reevaluate']).meta({
          description:
            'hold_then_reevaluate: a tier holds for holdMonths from reaching it, then the member is placed by the growth of the last windowMonths',
        }),
        holdMonths: z.number().int().min(1).max(60),
        windowMonths: z.number().int().min(1).max(60),
      })
      .strict(),
    birthdayGift: z
      .object({
        when: z
          .enum(['month', 'day'])
          .meta({ description: 'month: any day of the birthday month; day: on the birthday or later that month (catching up)' }),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'TierRules' });

export const MyTier = z
  .object({
    tier: Tier,
    growth: Growth.meta({ description: 'all growth held' }),
    qualifyingGrowth: Growth.meta({
      description: 'the growth that places the member: all of it, or the last windowMonths’ under hold_then_reevaluate',
    }),
    reachedAt: IsoInstant.nullable(),
    heldUntil: IsoInstant.nullable().meta({ description: 'the tier is kept at least until then; null: kept for good' }),
    next: z
      .object({
        tier: Tier,
        growthNeeded: Growth,
        progressBp: z.number().int().min(0).max(10_000).meta({ description: 'progress from this tier to the next, basis points' }),
      })
      .nullable(),
  })
  .meta({ id: 'MyTier' });

export const GrowthEntry = z
  .object({
    id: Id,
    delta: Growth,
    reason: GrowthReason,
    sourceKey: z.string(),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'GrowthEntry' });

export const GrowthLedgerQuery = CursorQuery;
export const GrowthLedgerPage = z
  .object({ growth: Growth, entries: z.array(GrowthEntry), nextCursor: Id.nullable() })
  .meta({ id: 'GrowthLedgerPage' });
export const MerchantGrowthLedgerPage = z
  .object({ growth: Growth, entries: z.array(GrowthEntry.extend({ staffId: Id.nullable() })), nextCursor: Id.nullable() })
  .meta({ id: 'MerchantGrowthLedgerPage' });

export const TierChange = z
  .object({
    id: Id,
    fromLevel: z.number().int(),
    toLevel: z.number().int(),
    reason: TierChangeReason,
    growth: Growth.meta({ description: 'the qualifying growth when it changed' }),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'TierChange' });

export const MerchantMemberTier = z
  .object({
    memberId: Id,
    level: z.number().int(),
    tierName: z.string(),
    growth: Growth,
    qualifyingGrowth: Growth,
    reachedAt: IsoInstant.nullable(),
    heldUntil: IsoInstant.nullable(),
    birthday: BusinessDateSchema.nullable(),
    changes: z.array(TierChange).meta({ description: 'newest first' }),
  })
  .meta({ id: 'MerchantMemberTier' });

export const GrowthAdjustmentRequest = z
  .object({
    delta: nonZeroDelta(1_000_000),
    reason: z.string().trim().min(1).max(200),
    key: z.string().trim().min(1).max(64).optional().meta({ description: 'the client’s key for this adjustment: sent twice, it posts once' }),
  })
  .strict()
  .meta({ id: 'GrowthAdjustmentRequest' });

export const GrowthAdjustmentResult = z
  .object({ entry: GrowthEntry.extend({ staffId: Id.nullable() }), growth: Growth, level: z.number().int() })
  .meta({ id: 'GrowthAdjustmentResult' });

export const SetBirthdayRequest = z.object({ birthday: BusinessDateSchema }).strict().meta({ id: 'SetBirthdayRequest' });
export const BirthdayResult = z.object({ birthday: BusinessDateSchema }).meta({ id: 'BirthdayResult' });

export type GrowthReason = z.output<typeof GrowthReason>;
export type TierChangeReason = z.output<typeof TierChangeReason>;
export type TierBenefits = z.output<typeof TierBenefits>;
export type TierInput = z.output<typeof TierInput>;
export type TiersConfig = z.output<typeof TiersConfig>;
export type Tier = z.output<typeof Tier>;
export type TierLadder = z.output<typeof TierLadder>;
export type TierRules = z.output<typeof TierRules>;
export type MyTier = z.output<typeof MyTier>;
export type GrowthEntry = z.output<typeof GrowthEntry>;
export type GrowthLedgerPage = z.output<typeof GrowthLedgerPage>;
export type MerchantGrowthLedgerPage = z.output<typeof MerchantGrowthLedgerPage>;
export type TierChange = z.output<typeof TierChange>;
export type MerchantMemberTier = z.output<typeof MerchantMemberTier>;
export type GrowthAdjustmentRequest = z.output<typeof GrowthAdjustmentRequest>;
export type GrowthAdjustmentResult = z.output<typeof GrowthAdjustmentResult>;
export type SetBirthdayRequest = z.output<typeof SetBirthdayRequest>;
