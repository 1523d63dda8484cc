import { z } from 'zod';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { PageQuery, pageOf } from './catalog.js';
import { BusinessDateSchema, Id, IsoInstant, MonthSchema, Points } from './common.js';
import { PointsEntry, PointsLedgerQuery } from './points.js';

/** Merchant views of members: the list, one member's identities, points and check-ins. */
export const MerchantMemberQuery = PageQuery.extend({
  keyword: z.string().trim().min(1).max(50).optional().meta({ description: 'part of the nickname' }),
  platform: z.enum(LOGIN_PLATFORMS).optional().meta({ description: 'members with an identity on this platform' }),
});

export const MerchantMemberSummary = z
  .object({
    id: Id,
    nickname: z.string(),
    avatarUrl: z.string().nullable(),
    pointsBalance: Points,
    platforms: z.array(z.enum(LOGIN_PLATFORMS)),
    createdAt: IsoInstant,
  })
  .meta({ id: 'MerchantMemberSummary' });
export const MerchantMemberPage = pageOf(MerchantMemberSummary).meta({ id: 'MerchantMemberPage' });

export const MemberIdentity = z
  .object({
    platform: z.enum(LOGIN_PLATFORMS),
    appId: z.string(),
    openIdTail: z.string().meta({ description: 'the last characters of the openid, for telling identities apart' }),
    hasUnionId: z.boolean(),
    createdAt: IsoInstant,
    lastLoginAt: IsoInstant,
  })
  .meta({ id: 'MemberIdentity' });

export const MerchantMemberDetail = MerchantMemberSummary.extend({ identities: z.array(MemberIdentity) }).meta({ id: 'MerchantMemberDetail' });

export const MerchantPointsEntry = PointsEntry.extend({ staffId: Id.nullable().meta({ description: 'who posted a manual adjustment' }) }).meta({
  id: 'MerchantPointsEntry',
});
export const MerchantPointsLedgerQuery = PointsLedgerQuery.extend({
  from: BusinessDateSchema.optional().meta({ description: 'posted on or after this day (merchant’s time zone)' }),
  to: BusinessDateSchema.optional().meta({ description: 'posted on or before this day (merchant’s time zone)' }),
});
export const MerchantPointsLedgerPage = z
  .object({ balance: Points, entries: z.array(MerchantPointsEntry), nextCursor: Id.nullable() })
  .meta({ id: 'MerchantPointsLedgerPage' });

/** A manual grant (positive) or deduction (negative); never takes the balance below zero. */
export const PointsAdjustmentRequest = z
  .object({
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, 'must not be 0'),
    reason: z.string().trim().min(1).max(200),
    key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, _ or -')
      .optional()
      .meta({ description: 'one per adjustment the merchant means (e.g. a UUID made when the form opens): sending it again posts nothing twice' }),
  })
  .strict()
  .meta({ id: 'PointsAdjustmentRequest' });
export const PointsAdjustmentResult = z.object({ entry: MerchantPointsEntry, balance: Points }).meta({ id: 'PointsAdjustmentResult' });

export const MemberCheckInsQuery = z.object({ month: MonthSchema.optional().meta({ description: 'default: the current business month' }) });
export const MemberCheckIns = z
  .object({
    month: MonthSchema,
    items: z.array(
      z.object({
        businessDate: BusinessDateSchema,
        streak: z.number().int(),
        reward: Points,
        createdAt: IsoInstant,
        madeUpAt: IsoInstant.nullable().meta({ description: 'when the day was made up (补签); null for a check-in on the day' }),
      }),
    ),
  })
  .meta({ id: 'MemberCheckIns' });

export type MerchantMemberQuery = z.output<typeof MerchantMemberQuery>;
export type MerchantMemberSummary = z.output<typeof MerchantMemberSummary>;
export type MerchantMemberPage = z.output<typeof MerchantMemberPage>;
export type MemberIdentity = z.output<typeof MemberIdentity>;
export type MerchantMemberDetail = z.output<typeof MerchantMemberDetail>;
export type MerchantPointsEntry = z.output<typeof MerchantPointsEntry>;
export type MerchantPointsLedgerQuery = z.output<typeof MerchantPointsLedgerQuery>;
export type MerchantPointsLedgerPage = z.output<typeof MerchantPointsLedgerPage>;
export type PointsAdjustmentRequest = z.output<typeof PointsAdjustmentRequest>;
export type PointsAdjustmentResult = z.output<typeof PointsAdjustmentResult>;
export type MemberCheckIns = z.output<typeof MemberCheckIns>;
