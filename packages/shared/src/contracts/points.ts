import { z } from 'zod';
import { POINTS_KINDS, POINTS_REASONS, POINTS_TASKS } from '../constants/points.js';
import { CursorQuery, Id, IsoInstant, Points } from './common.js';

export const PointsKind = z.enum(POINTS_KINDS);
export const PointsReason = z.enum(POINTS_REASONS);

export const PointsEntry = z
  .object({
    id: Id,
    delta: Points,
    kind: PointsKind,
    reason: PointsReason,
    sourceKey: z.string(),
    note: z.string().nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'PointsEntry' });

export const PointsLedgerQuery = CursorQuery.extend({
  kind: PointsKind.optional(),
  reason: PointsReason.optional(),
  direction: z.enum(['in', 'out']).optional().meta({ description: 'in: credits; out: debits' }),
});

export const PointsLedgerPage = z
  .object({
    balance: Points,
    entries: z.array(PointsEntry),
    nextCursor: Id.nullable(),
  })
  .meta({ id: 'PointsLedgerPage' });

/** What a member sees of their points. */
export const PointsSummary = z
  .object({
    available: Points.meta({ description: 'can be spent now' }),
    pending: Points.meta({ description: 'earned by orders, available once their refund window has passed' }),
    debt: Points.meta({ description: 'taken back by refunds after being spent; repaid from the next earnings' }),
    expiringSoon: z
      .object({ points: Points, at: IsoInstant })
      .nullable()
      .meta({ description: 'the next expiry within the merchant’s notice period: how many points, when' }),
    nextExpiries: z.array(z.object({ points: Points, at: IsoInstant })).meta({ description: 'the next few expiry dates' }),
    pendingItems: z.array(z.object({ points: Points, orderId: Id.nullable(), maturesAt: IsoInstant.nullable() })),
  })
  .meta({ id: 'PointsSummary' });

export const PointsTask = z.enum(POINTS_TASKS);

/** The one-off tasks, what each pays and whether the member has done it (GET /points/tasks). */
export const PointsTaskList = z
  .object({ items: z.array(z.object({ task: PointsTask, points: z.number().int(), done: z.boolean() })) })
  .meta({ id: 'PointsTaskList' });

const PointsCount = z.number().int().min(0).max(1_000_000);

/** The merchant's points rules. A change applies from now on: lots already earned keep their expiry. */
export const PointsRules = z
  .object({
    earning: z
      .object({
        pointsPerYuan: z
          .number()
          .int()
          .min(0)
          .max(1000)
          .meta({ description: 'points per yuan actually paid for goods (after discounts, without shipping)' }),
        maturityDays: z.number().int().min(0).max(60).meta({ description: 'days after an order completes before its points become available' }),
      })
      .strict(),
    expiry: z
      .object({
        policy: z.enum(['never', 'days_after_earning', 'end_of_next_year']).meta({
          description: 'end_of_next_year: points earned in a year expire at the end of the following year (merchant’s time zone)',
        }),
        days: z.number().int().min(1).max(3650).meta({ description: 'for days_after_earning' }),
        noticeDays: z.number().int().min(1).max(365).meta({ description: 'show an expiry as “soon” this many days ahead' }),
      })
      .strict(),
    checkout: z
      .object({
        enabled: z.boolean(),
        pointsPerYuan: z.number().int().min(1).max(10_000).meta({ description: 'how many points make one yuan at checkout (100: 1 point = 1 fen)' }),
        maxShareBp: z.number().int().min(1).max(10_000).meta({ description: 'at most this share (basis points) of the goods after other discounts' }),
      })
      .strict(),
    refundOfSpentPoints: z.enum(['allow_negative', 'deduct_from_refund']).meta({
      description:
        'when a refund takes back points already spent: let the balance go below zero (repaid from future earnings), or take their value off the refund',
    }),
    tasks: z.object({ complete_profile: PointsCount, bind_phone: PointsCount, first_order: PointsCount }).strict(),
  })
  .strict()
  .meta({ id: 'PointsRules' });

/** The points part of a checkout preview. */
export const CheckoutPoints = z
  .object({
    enabled: z.boolean().meta({ description: 'the merchant takes points at checkout' }),
    available: Points,
    maxPoints: Points.meta({ description: 'the most this checkout can take' }),
    maxSavingFen: z.number().int().min(0).meta({ description: 'what maxPoints are worth here' }),
    using: z.boolean(),
    pointsUsed: Points,
    savingFen: z.number().int().min(0),
    unavailableReason: z.string().nullable().meta({ description: 'why points cannot be used, for shoppers' }),
    maxShareBp: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .meta({ description: 'points pay at most this share of what the goods still cost, in basis points (5000 = 50 %)' }),
    limitedBy: z
      .enum(['balance', 'share'])
      .nullable()
      .meta({ description: 'what caps maxPoints: the member’s balance, or the share of the goods; null when points cannot be used' }),
    earnPoints: Points.meta({ description: 'what this order earns once paid, as priced now (tier multiplier included)' }),
  })
  .meta({ id: 'CheckoutPoints' });

export type PointsKind = z.output<typeof PointsKind>;
export type PointsReason = z.output<typeof PointsReason>;
export type PointsEntry = z.output<typeof PointsEntry>;
export type PointsLedgerPage = z.output<typeof PointsLedgerPage>;
export type PointsLedgerQuery = z.output<typeof PointsLedgerQuery>;
export type PointsSummary = z.output<typeof PointsSummary>;
export type PointsTask = z.output<typeof PointsTask>;
export type PointsTaskList = z.output<typeof PointsTaskList>;
export type PointsRules = z.output<typeof PointsRules>;
export type CheckoutPoints = z.output<typeof CheckoutPoints>;
