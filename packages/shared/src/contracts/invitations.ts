import { z } from 'zod';
import { INVITATION_RISK_FLAGS, INVITATION_STATUSES, MAX_INVITATION_REWARD_COUPONS } from '../constants/invitations.js';
import { decimalInteger, Id, IsoInstant, MonthSchema, orNull } from './common.js';
import { PageQuery, pageOf } from './catalog.js';

export const InvitationStatusSchema = z.enum(INVITATION_STATUSES);
export const InvitationRiskFlagSchema = z.enum(INVITATION_RISK_FLAGS);

const RewardPoints = z.number().int().min(0).max(1_000_000);
const CouponTemplateIds = z
  .array(Id)
  .max(MAX_INVITATION_REWARD_COUPONS)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a template');

export const InviterReward = z
  .object({
    points: RewardPoints,
    couponTemplateIds: CouponTemplateIds,
    growth: z.number().int().min(0).max(1_000_000),
  })
  .strict()
  .meta({ id: 'InviterReward' });

export const InviteeWelcome = z.object({ points: RewardPoints, couponTemplateIds: CouponTemplateIds }).strict().meta({ id: 'InviteeWelcome' });

/** The merchant's invitation rules (邀请有礼). */
export const InvitationRules = z
  .object({
    enabled: z.boolean(),
    bindWindowDays: z.number().int().min(1).max(365).meta({ description: 'an invitation binds a new member within this many days of being issued' }),
    refundWindowDays: z
      .number()
      .int()
      .min(0)
      .max(60)
      .meta({ description: "the inviter's reward waits this many days after the invitee's first paid order; a refund in them cancels it" }),
    inviterReward: InviterReward,
    inviteeWelcome: InviteeWelcome,
    dailyCapPerInviter: z.number().int().min(1).max(1000).meta({ description: 'invitations per inviter and business day that can earn a reward' }),
    requirePhone: z.boolean().meta({ description: 'reward only invitees who bound a phone by the time the reward is due' }),
    riskAddressThreshold: z
      .number()
      .int()
      .min(2)
      .max(100)
      .meta({ description: "flag an inviter's invitees when this many came from one network address" }),
  })
  .strict()
  .meta({ id: 'InvitationRules' });

/** What a shopper sees of the rules: the rewards, the window, whether a phone is needed. */
export const InvitationRulesView = z
  .object({
    enabled: z.boolean(),
    refundWindowDays: z.number().int(),
    inviterReward: InviterReward,
    inviteeWelcome: InviteeWelcome,
    dailyCapPerInviter: z.number().int(),
    requirePhone: z.boolean(),
  })
  .meta({ id: 'InvitationRulesView' });

export const MyInvitation = z
  .object({
    id: Id,
    inviteeName: z.string().meta({ description: 'masked: 林**' }),
    inviteeAvatarUrl: z.string().nullable(),
    status: InvitationStatusSchema,
    boundAt: IsoInstant,
    dueAt: orNull(IsoInstant).meta({ description: 'pending: when the reward is granted if nothing is refunded' }),
    settledAt: orNull(IsoInstant),
  })
  .meta({ id: 'MyInvitation' });

export const MyInvitations = z
  .object({
    invited: z.number().int(),
    pending: z.number().int(),
    granted: z.number().int(),
    pointsEarned: z.number().int(),
    items: z.array(MyInvitation),
  })
  .meta({ id: 'MyInvitations' });

export const LeaderboardQuery = z.object({
  month: MonthSchema.optional().meta({ description: "YYYY-MM in the merchant's time zone; default this month" }),
});

export const InvitationLeaderboard = z
  .object({
    month: z.string(),
    items: z.array(
      z.object({ rank: z.number().int(), name: z.string(), avatarUrl: z.string().nullable(), invited: z.number().int(), me: z.boolean() }),
    ),
    mine: z.object({ rank: z.number().int().nullable(), invited: z.number().int() }),
  })
  .meta({ id: 'InvitationLeaderboard' });

export const MerchantInvitationQuery = PageQuery.extend({
  status: InvitationStatusSchema.optional(),
  flagged: z.enum(['true', 'false']).optional().meta({ description: 'true: only invitations with a risk flag' }),
});

export const MerchantInvitation = z
  .object({
    id: Id,
    inviter: z.object({ id: Id, nickname: z.string() }),
    invitee: z.object({ id: Id, nickname: z.string(), phoneBound: z.boolean() }),
    status: InvitationStatusSchema,
    reason: z.string().nullable(),
    orderId: orNull(Id),
    boundAt: IsoInstant,
    dueAt: orNull(IsoInstant),
    settledAt: orNull(IsoInstant),
    riskFlags: z.array(InvitationRiskFlagSchema),
    sameAddressInvitees: z
      .number()
      .int()
      .meta({ description: "how many of the inviter's invitees share this invitee's network address (this one included)" }),
  })
  .meta({ id: 'MerchantInvitation' });

export const MerchantInvitationPage = pageOf(MerchantInvitation).meta({ id: 'MerchantInvitationPage' });

export const WithholdInvitationRequest = z
  .object({ reason: z.string().trim().min(1).max(200) })
  .strict()
  .meta({ id: 'WithholdInvitationRequest' });
export const InvitationIdParam = z.object({ id: decimalInteger(1) });

export type InvitationStatus = z.output<typeof InvitationStatusSchema>;
export type InvitationRules = z.output<typeof InvitationRules>;
export type InvitationRulesView = z.output<typeof InvitationRulesView>;
export type MyInvitation = z.output<typeof MyInvitation>;
export type MyInvitations = z.output<typeof MyInvitations>;
export type InvitationLeaderboard = z.output<typeof InvitationLeaderboard>;
export type MerchantInvitation = z.output<typeof MerchantInvitation>;
export type MerchantInvitationPage = z.output<typeof MerchantInvitationPage>;
export type MerchantInvitationQuery = z.output<typeof MerchantInvitationQuery>;
export type InvitationRiskFlag = z.output<typeof InvitationRiskFlagSchema>;
