import { z } from 'zod';
import { rule } from '../issues.js';
import { COUPON_KINDS, COUPON_TEMPLATE_STATUSES, COUPON_SOURCES, COUPON_STATUSES, ISSUE_JOB_STATUSES } from '../constants/coupons.js';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { FenAmount, PageQuery, pageOf } from './catalog.js';
import { BusinessDateSchema, Id, IsoInstant } from './common.js';

export const CouponKind = z.enum(COUPON_KINDS);

export const CouponTemplateStatus = z.enum(COUPON_TEMPLATE_STATUSES);

export const CouponSource = z.enum(COUPON_SOURCES);

export const CouponValidity = z
  .discriminatedUnion('type', [
    z
      .object({ type: z.literal('fixed'), from: IsoInstant, until: IsoInstant })
      .strict()
      .meta({ description: 'valid between two instants' }),
    z
      .object({
        type: z.literal('relative'),
        days: z.number().int().min(1).max(3650),
        startsNextDay: z.boolean().default(false).meta({ description: 'valid from the next business day after the claim' }),
      })
      .strict()
      .meta({ description: 'valid for N days from the claim (whole business days, in the merchant’s time zone)' }),
  ])
  .meta({ id: 'CouponValidity' });

const IdList = z.array(Id).max(200);

export const CouponScope = z
  .object({
    type: z.enum(['all', 'categories', 'products']),
    ids: IdList.default([]).meta({ description: 'the categories or products it covers (a top-level category covers its subcategories)' }),
    excludeProductIds: IdList.default([]),
  })
  .strict()
  .meta({ id: 'CouponScope' });

export const CouponStacking = z
  .object({
    withCouponKinds: z.array(CouponKind).max(4).default([]).meta({ description: 'kinds of other coupons it combines with (both must allow it)' }),
    withTierDiscount: z.boolean().default(true),
    withPoints: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'CouponStacking' });

/** The rule of a coupon: what it takes off, from what, when. Copied onto each claimed coupon. */
const ruleFields = {
  name: z.string().trim().min(1).max(30),
  description: z.string().trim().max(200).default(''),
  kind: CouponKind,
  amountFen: FenAmount.nullable().default(null).meta({ description: 'threshold_off and no_threshold_off: fen off' }),
  percentOffBp: z
    .number()
    .int()
    .min(1)
    .max(9999)
    .nullable()
    .default(null)
    .meta({ description: 'percent_off: basis points off (1500 = 15 % off, 八五折)' }),
  capFen: FenAmount.min(1).nullable().default(null).meta({ description: 'percent_off: at most this much off (at least 1 fen)' }),
  thresholdFen: FenAmount.default(0).meta({ description: 'the goods it covers must cost at least this much (0: no threshold)' }),
  scope: CouponScope.default({ type: 'all', ids: [], excludeProductIds: [] }),
  minTierLevel: z.number().int().min(0).max(20).default(0).meta({ description: 'members below this tier level cannot use it (0: everyone)' }),
  stacking: CouponStacking.default({ withCouponKinds: [], withTierDiscount: true, withPoints: true }),
};

type RuleInput = {
  kind: z.output<typeof CouponKind>;
  amountFen: number | null;
  percentOffBp: number | null;
  capFen: number | null;
  thresholdFen: number;
  scope: z.output<typeof CouponScope>;
};

function ruleRefinement(v: RuleInput, ctx: z.RefinementCtx) {
  const kind = { kind: v.kind };
  const issue = (field: keyof RuleInput, r: ReturnType<typeof rule>) => ctx.addIssue({ code: 'custom', path: [field], ...r });
  if ((v.kind === 'threshold_off' || v.kind === 'no_threshold_off') && !v.amountFen)
    issue('amountFen', rule('required_for_kind', 'an amount-off coupon needs amountFen > 0', kind));
  if (v.kind === 'percent_off' && v.percentOffBp === null)
    issue('percentOffBp', rule('required_for_kind', 'a percent-off coupon needs percentOffBp', kind));
  if (v.kind !== 'percent_off' && v.percentOffBp !== null)
    issue('percentOffBp', rule('not_for_kind', 'only a percent-off coupon has percentOffBp', kind));
  if (v.kind !== 'percent_off' && v.capFen !== null) issue('capFen', rule('not_for_kind', 'only a percent-off coupon has a cap', kind));
  if ((v.kind === 'percent_off' || v.kind === 'free_shipping') && v.amountFen !== null)
    issue('amountFen', rule('not_for_kind', `a ${v.kind} coupon has no amountFen`, kind));
  if (v.kind === 'threshold_off' && v.thresholdFen === 0)
    issue('thresholdFen', rule('required_for_kind', 'a 满减 coupon needs a threshold; use no_threshold_off for none', kind));
  if (v.kind === 'threshold_off' && v.amountFen !== null && v.thresholdFen > 0 && v.amountFen > v.thresholdFen) {
    issue('amountFen', rule('amount_over_threshold', 'cannot take off more than the threshold'));
  }
  if (v.kind === 'no_threshold_off' && v.thresholdFen !== 0) issue('thresholdFen', rule('not_for_kind', 'a 无门槛 coupon has no threshold', kind));
  const scope = { scope: v.scope.type };
  if (v.scope.type !== 'all' && v.scope.ids.length === 0)
    ctx.addIssue({ code: 'custom', path: ['scope', 'ids'], ...rule('required_for_scope', `name at least one of the ${v.scope.type}`, scope) });
  if (v.scope.type === 'all' && v.scope.ids.length > 0)
    ctx.addIssue({ code: 'custom', path: ['scope', 'ids'], ...rule('not_for_scope', 'a store-wide coupon lists no ids', scope) });
}

export const NewCouponTemplate = z
  .object({
    ...ruleFields,
    validity: CouponValidity,
    totalStock: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .nullable()
      .default(null)
      .meta({ description: 'how many may ever be issued; null: unlimited' }),
    perMemberLimit: z.number().int().min(1).max(100).default(1),
    public: z.boolean().default(true).meta({ description: 'shown in the claim centre (otherwise issued only by staff, codes or gifts)' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    ruleRefinement(v, ctx);
    if (v.validity.type === 'fixed' && !(Date.parse(v.validity.from) < Date.parse(v.validity.until))) {
      ctx.addIssue({ code: 'custom', path: ['validity', 'until'], ...rule('range_order', 'must be after validity.from') });
    }
  })
  .meta({ id: 'NewCouponTemplate' });

/** Editing a template changes what is issued from now on; coupons already claimed keep their rule. */
export const UpdateCouponTemplate = z
  .object({
    name: ruleFields.name.optional(),
    description: z.string().trim().max(200).optional(),
    totalStock: z.number().int().min(1).max(10_000_000).nullable().optional(),
    perMemberLimit: z.number().int().min(1).max(100).optional(),
    public: z.boolean().optional(),
    validity: CouponValidity.optional(),
  })
  .strict()
  .meta({ id: 'UpdateCouponTemplate' });

/** The rule a template sets and each coupon claimed from it keeps. */
const couponRuleFields = {
  name: z.string(),
  description: z.string(),
  kind: CouponKind,
  amountFen: FenAmount.nullable(),
  percentOffBp: z.number().int().nullable(),
  capFen: FenAmount.nullable(),
  thresholdFen: FenAmount,
  scope: CouponScope,
  minTierLevel: z.number().int(),
  stacking: CouponStacking,
};

export const CouponTemplate = z
  .object({
    id: Id,
    ...couponRuleFields,
    validity: CouponValidity,
    totalStock: z.number().int().nullable(),
    perMemberLimit: z.number().int(),
    public: z.boolean(),
    status: CouponTemplateStatus,
    claimedCount: z.number().int(),
    usedCount: z.number().int(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  })
  .meta({ id: 'CouponTemplate' });

export const CouponTemplatePage = pageOf(CouponTemplate).meta({ id: 'CouponTemplatePage' });
export const CouponTemplateQuery = PageQuery.extend({ status: CouponTemplateStatus.optional() });

/** What a template brought the merchant, from a real aggregate over its coupons. */
export const CouponTemplateStats = z
  .object({
    templateId: Id,
    claimed: z.number().int(),
    used: z.number().int(),
    expired: z.number().int().meta({ description: 'claimed, never used, now past validity' }),
    discountFen: FenAmount.meta({ description: 'what its used coupons took off' }),
    salesFen: FenAmount.meta({ description: 'what the orders that used them paid' }),
  })
  .meta({ id: 'CouponTemplateStats' });

export const CouponStatus = z.enum(COUPON_STATUSES);

/** A member's coupon: the template's rule as it was when claimed, and its own validity. */
export const Coupon = z
  .object({
    id: Id,
    templateId: Id,
    ...couponRuleFields,
    validFrom: IsoInstant,
    validUntil: IsoInstant,
    status: CouponStatus.meta({ description: 'locked: held by an unpaid order' }),
    orderId: Id.nullable(),
    source: CouponSource,
    claimedAt: IsoInstant,
    usedAt: IsoInstant.nullable(),
  })
  .meta({ id: 'Coupon' });

export const MemberCouponQuery = PageQuery.extend({
  status: z
    .enum(['usable', 'used', 'expired'])
    .default('usable')
    .meta({ description: 'usable: available or held by an unpaid order, soonest to expire first' }),
});
export const CouponPage = pageOf(Coupon).meta({ id: 'CouponPage' });

/** A template in the claim centre, as one member sees it. */
export const ClaimableCoupon = CouponTemplate.pick({
  id: true,
  name: true,
  description: true,
  kind: true,
  amountFen: true,
  percentOffBp: true,
  capFen: true,
  thresholdFen: true,
  scope: true,
  minTierLevel: true,
  validity: true,
  perMemberLimit: true,
})
  .extend({
    claimedByMe: z.number().int().meta({ description: 'how many of it the member holds or held' }),
    canClaim: z.boolean(),
    soldOut: z.boolean(),
  })
  .meta({ id: 'ClaimableCoupon' });
export const ClaimCentre = z.object({ items: z.array(ClaimableCoupon) }).meta({ id: 'ClaimCentre' });

export const ClaimCouponRequest = z.object({ templateId: Id }).strict().meta({ id: 'ClaimCouponRequest' });

/** Redemption codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), dashes and case ignored. */
export const COUPON_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RedeemCouponCodeRequest = z
  .object({ code: z.string().trim().min(4).max(40).meta({ example: 'K7QF-2XMA-9RTB-HW3C' }) })
  .strict()
  .meta({ id: 'RedeemCouponCodeRequest' });

export const NewCouponCodeBatch = z
  .object({ count: z.number().int().min(1).max(10_000), note: z.string().trim().max(100).default('') })
  .strict()
  .meta({ id: 'NewCouponCodeBatch' });
export const CouponCodeBatch = z
  .object({ id: Id, templateId: Id, count: z.number().int(), redeemed: z.number().int(), note: z.string(), createdAt: IsoInstant })
  .meta({ id: 'CouponCodeBatch' });
export const CouponCodeBatchList = z.object({ items: z.array(CouponCodeBatch) }).meta({ id: 'CouponCodeBatchList' });

/** Whom a targeted issue reaches: chosen members, or everyone matching a filter. */
export const CouponAudience = z
  .object({
    memberIds: z.array(Id).min(1).max(10_000).optional(),
    filter: z
      .object({
        joinedFrom: BusinessDateSchema.optional(),
        joinedTo: BusinessDateSchema.optional(),
        platform: z.enum(LOGIN_PLATFORMS).optional(),
        hasOrdered: z.boolean().optional().meta({ description: 'true: has a paid order; false: has none' }),
        minTierLevel: z.number().int().min(0).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((a) => (a.memberIds === undefined) !== (a.filter === undefined), {
    ...rule('either_or', 'send either memberIds or filter'),
    path: ['memberIds'],
  })
  .meta({ id: 'CouponAudience' });

export const CouponIssueJob = z
  .object({
    id: Id,
    templateId: Id,
    status: z.enum(ISSUE_JOB_STATUSES),
    audience: CouponAudience,
    matched: z.number().int(),
    issued: z.number().int(),
    skipped: z.number().int(),
    skippedByReason: z
      .record(z.string(), z.number().int())
      .meta({ description: 'already_issued, limit_reached, sold_out, template_not_active, member_not_found' }),
    error: z.string().nullable(),
    createdAt: IsoInstant,
    finishedAt: IsoInstant.nullable(),
  })
  .meta({ id: 'CouponIssueJob' });
export const CouponIssueJobList = z.object({ items: z.array(CouponIssueJob) }).meta({ id: 'CouponIssueJobList' });

/** The coupons every new member is given on joining (at most ten templates). */
export const NewMemberPack = z
  .object({ templateIds: z.array(Id).max(10) })
  .strict()
  .meta({ id: 'NewMemberPack' });

export const COUPON_UNUSABLE_REASONS = [
  'below_threshold',
  'outside_scope',
  'not_yet_valid',
  'expired',
  'tier_too_low',
  'does_not_stack',
  'in_use',
] as const;
export const CouponUnusableReason = z.enum(COUPON_UNUSABLE_REASONS);

/** The coupon part of a checkout preview. */
export const CheckoutCoupons = z
  .object({
    selectedIds: z.array(Id).meta({ description: 'the coupons this checkout uses' }),
    auto: z.boolean().meta({ description: 'true: the server chose the best allowed combination (no couponIds sent)' }),
    savingFen: FenAmount,
    usable: z.array(z.object({ coupon: Coupon, savingFen: FenAmount.meta({ description: 'what it would take off on its own' }) })),
    unusable: z.array(
      z.object({ coupon: Coupon, reason: CouponUnusableReason, detail: z.string().meta({ description: 'the reason, for shoppers' }) }),
    ),
  })
  .meta({ id: 'CheckoutCoupons' });

export type CouponKind = z.output<typeof CouponKind>;
export type CouponTemplateStatus = z.output<typeof CouponTemplateStatus>;
export type CouponSource = z.output<typeof CouponSource>;
export type CouponValidity = z.output<typeof CouponValidity>;
export type CouponScope = z.output<typeof CouponScope>;
export type CouponStacking = z.output<typeof CouponStacking>;
export type NewCouponTemplate = z.output<typeof NewCouponTemplate>;
export type UpdateCouponTemplate = z.output<typeof UpdateCouponTemplate>;
export type CouponTemplate = z.output<typeof CouponTemplate>;
export type CouponTemplatePage = z.output<typeof CouponTemplatePage>;
export type CouponTemplateQuery = z.output<typeof CouponTemplateQuery>;
export type CouponTemplateStats = z.output<typeof CouponTemplateStats>;
export type CouponStatus = z.output<typeof CouponStatus>;
export type Coupon = z.output<typeof Coupon>;
export type CouponPage = z.output<typeof CouponPage>;
export type MemberCouponQuery = z.output<typeof MemberCouponQuery>;
export type ClaimableCoupon = z.output<typeof ClaimableCoupon>;
export type ClaimCentre = z.output<typeof ClaimCentre>;
export type CouponCodeBatch = z.output<typeof CouponCodeBatch>;
export type CouponAudience = z.output<typeof CouponAudience>;
export type CouponIssueJob = z.output<typeof CouponIssueJob>;
export type NewMemberPack = z.output<typeof NewMemberPack>;
export type CouponUnusableReason = z.output<typeof CouponUnusableReason>;
export type CheckoutCoupons = z.output<typeof CheckoutCoupons>;
