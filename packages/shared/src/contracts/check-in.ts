import { z } from 'zod';
import { BusinessDateSchema, MonthSchema, Points } from './common.js';

export const CHECK_IN_AFTER_CYCLE = ['restart', 'hold'] as const;

export const CheckInRules = z
  .object({
    rewards: z
      .array(z.number().int().min(0).max(100_000))
      .min(1)
      .max(31)
      .meta({ description: 'points for streak day 1, 2, 3, …', example: [5, 5, 10, 10, 15, 15, 30] }),
    afterCycle: z.enum(CHECK_IN_AFTER_CYCLE).meta({ description: 'past the last day: restart at day 1, or hold the last reward' }),
  })
  .strict()
  .meta({ id: 'CheckInRules' });

export const CheckInStatusQuery = z.object({
  month: MonthSchema.optional().meta({ description: 'the calendar month to return, default the current business month' }),
});

export const CheckInStatus = z
  .object({
    businessDate: BusinessDateSchema,
    timeZone: z.string(),
    checkedInToday: z.boolean(),
    streak: z.number().int().min(0).meta({ description: 'consecutive days up to today (or yesterday, if not yet checked in today)' }),
    todayReward: Points.meta({ description: 'points today’s check-in gives (or gave)' }),
    tomorrowReward: Points,
    month: MonthSchema,
    checkedInDates: z.array(BusinessDateSchema),
    rules: CheckInRules,
  })
  .meta({ id: 'CheckInStatus' });

export const CheckInResult = z
  .object({
    businessDate: BusinessDateSchema,
    streak: z.number().int().min(1),
    reward: Points,
    pointsBalance: Points,
    tomorrowReward: Points,
  })
  .meta({ id: 'CheckInResult' });

export type CheckInRules = z.output<typeof CheckInRules>;
export type CheckInStatus = z.output<typeof CheckInStatus>;
export type CheckInResult = z.output<typeof CheckInResult>;
