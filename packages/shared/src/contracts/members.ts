import { z } from 'zod';
import { rule } from '../issues.js';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { GenderSchema, MemberProfile } from './auth.js';
import { PageQuery, pageOf } from './catalog.js';
import { BusinessDateSchema, Id, IsoInstant, MonthSchema, Points, nonZeroDelta } from './common.js';
import { PointsEntry, PointsLedgerQuery } from './points.js';

/** Merchant views of members: the list, one member's identities, points and check-ins. */
export const MerchantMemberQuery = PageQuery.extend({
  keyword: z.string().trim().min(1).max(50).optional().meta({ description: 'part of the nickname' }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{6,20}$/, 'must be a whole phone number (digits, optionally with + and the country code)')
    .optional()
    .meta({ description: 'the whole bound phone number (11 digits for mainland China, or +<country code><number>)' }),
  platform: z.enum(LOGIN_PLATFORMS).optional().meta({ description: 'members with an identity on this platform' }),
});

export const MerchantMemberSummary = z
  .object({
    id: Id,
    nickname: z.string(),
    avatarUrl: z.string().nullable(),
    pointsBalance: Points,
    platforms: z.array(z.enum(LOGIN_PLATFORMS)),
    phoneMasked: z.string().nullable(),
    closedAt: IsoInstant.nullable(),
    mergedInto: Id.nullable().meta({ description: 'set on a member absorbed by a merge: the member it became' }),
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

/** What a merge moved (decision 019). */
export const MemberMergeSummary = z
  .object({
    moved: z.record(z.string(), z.number().int()).meta({ description: 'rows moved to the survivor, per table' }),
    pointsMoved: Points.meta({ description: 'the absorbed member’s ledger sum, moved' }),
    duplicateCheckInDays: z
      .array(z.string())
      .meta({ description: 'business days both had checked in: the absorbed member’s row went, its reward was reversed' }),
    creditsReversed: z
      .array(z.object({ sourceKey: z.string(), points: Points }))
      .meta({ description: 'credits both members had for one source event (a check-in day, a task, a birthday): the second was reversed' }),
    growthMoved: Points,
    tierBefore: z.object({ survivor: z.number().int(), absorbed: z.number().int() }),
    tierAfter: z.number().int(),
  })
  .meta({ id: 'MemberMergeSummary' });

export const MemberMerge = z
  .object({
    id: Id,
    survivorId: Id,
    absorbedId: Id,
    phoneMasked: z.string(),
    reason: z.enum(['phone']),
    summary: MemberMergeSummary,
    createdAt: IsoInstant,
  })
  .meta({ id: 'MemberMerge' });
export const MemberMergeList = z.object({ items: z.array(MemberMerge) }).meta({ id: 'MemberMergeList' });

export const MerchantMemberDetail = MerchantMemberSummary.extend({
  identities: z.array(MemberIdentity),
  gender: GenderSchema,
  birthday: z.string().nullable(),
  merges: z.array(MemberMerge).meta({ description: 'merges this member took part in, as survivor or absorbed, newest first' }),
}).meta({ id: 'MerchantMemberDetail' });

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
    delta: nonZeroDelta(1_000_000),
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

/** A phone number as the platforms give it: country code and national number, digits only. */
export const PhoneNumberInput = z
  .object({
    countryCode: z.string().regex(/^[1-9][0-9]{0,3}$/, 'must be 1-4 digits, no leading zero'),
    number: z.string().regex(/^[0-9]{5,15}$/, 'must be 5-15 digits'),
  })
  .strict()
  .meta({ id: 'PhoneNumberInput' });

/** The member's own profile edit: any of the fields; the birthday is set once. */
export const MemberProfileUpdate = z
  .object({
    nickname: z.string().trim().min(1).max(32).optional(),
    avatarUrl: z
      .string()
      .max(500)
      .refine(
        (u) => /^https:\/\/[^\s]+$/.test(u) || /^\/uploads\/[A-Za-z0-9._/-]+$/.test(u),
        rule('url_not_allowed', 'must be an https URL or one of our /uploads/ images'),
      )
      .nullable()
      .optional(),
    gender: GenderSchema.optional(),
    birthday: BusinessDateSchema.optional().meta({
      description: 'YYYY-MM-DD, set once (409 BIRTHDAY_ALREADY_SET naming birthday when another is sent)',
    }),
  })
  .strict()
  .meta({ id: 'MemberProfileUpdate' });

export const CloseAccountRequest = z
  .object({
    confirm: z.literal(true, 'must be true'),
    reason: z.string().trim().max(200).optional(),
  })
  .strict()
  .meta({ id: 'CloseAccountRequest' });
export const CloseAccountResult = z.object({ closedAt: IsoInstant }).meta({ id: 'CloseAccountResult' });

/** Everything the store holds about the member (the privacy view): each module's part under its name. */
export const MemberDataExport = z
  .object({
    exportedAt: IsoInstant,
    profile: MemberProfile,
    identities: z.array(MemberIdentity),
    merges: z.array(MemberMerge),
    data: z.record(z.string(), z.unknown()).meta({ description: 'addresses, orders, points, coupons, check-ins, tier and growth, …' }),
  })
  .meta({ id: 'MemberDataExport' });

export type PhoneNumberInput = z.output<typeof PhoneNumberInput>;
export type MemberProfileUpdate = z.output<typeof MemberProfileUpdate>;
export type CloseAccountRequest = z.output<typeof CloseAccountRequest>;
export type CloseAccountResult = z.output<typeof CloseAccountResult>;
export type MemberDataExport = z.output<typeof MemberDataExport>;
export type MemberMergeSummary = z.output<typeof MemberMergeSummary>;
export type MemberMerge = z.output<typeof MemberMerge>;
export type MemberMergeList = z.output<typeof MemberMergeList>;
