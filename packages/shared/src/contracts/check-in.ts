import { z } from 'zod';
import { rule } from '../issues.js';
import { CHECK_IN_AFTER_CYCLE, CHECK_IN_CYCLES, CHECK_IN_MAX_CYCLE_DAYS } from '../constants/check-in.js';
import { BusinessDateSchema, MonthSchema, Points } from './common.js';

export const CheckInMilestone = z
  .object({
    count: z.number().int().min(1).max(CHECK_IN_MAX_CYCLE_DAYS).meta({ description: 'paid on the member’s Nth check-in of the cycle' }),
    points: z.number().int().min(0).max(1_000_000),
    growth: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  .meta({ id: 'CheckInMilestone' });

export const CheckInMakeUpRules = z
  .object({
    enabled: z.boolean(),
    costPoints: z.number().int().min(0).max(1_000_000).meta({ description: 'points a make-up costs (0 = free)' }),
    maxPerCycle: z.number().int().min(1).max(CHECK_IN_MAX_CYCLE_DAYS).meta({ description: 'make-ups a member may use in one cycle' }),
    payReward: z.boolean().meta({ description: 'whether a made-up day pays its daily reward (and its growth)' }),
  })
  .strict()
  .meta({ id: 'CheckInMakeUpRules' });

export const DEFAULT_CHECK_IN_MAKE_UP = { enabled: false, costPoints: 0, maxPerCycle: 1, payReward: false } as const;

export const CheckInRules = z
  .object({
    rewards: z
      .array(z.number().int().min(0).max(100_000))
      .min(1)
      .max(31)
      .meta({ description: 'points for streak day 1, 2, 3, …', example: [5, 5, 10, 10, 15, 15, 30] }),
    afterCycle: z.enum(CHECK_IN_AFTER_CYCLE).meta({ description: 'past the last day: restart at day 1, or hold the last reward' }),
    cycle: z.enum(CHECK_IN_CYCLES).default('streak').meta({
      description:
        'streak: rewards follow the unbroken streak (no cycle); week: Monday to Sunday; month: the calendar month (both in the merchant’s time zone). In a cycle the daily reward follows the streak within the cycle.',
    }),
    cumulativeRewards: z
      .array(CheckInMilestone)
      .max(10)
      .default([])
      .meta({ description: 'bonuses on the Nth check-in of a cycle, each paid once per cycle (week or month only)' }),
    makeUp: CheckInMakeUpRules.default({ ...DEFAULT_CHECK_IN_MAKE_UP }).meta({
      description: 'make-up check-in (补签) of a missed day of the current cycle',
    }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const cycleDays = v.cycle === 'week' ? 7 : CHECK_IN_MAX_CYCLE_DAYS;
    if (v.cycle === 'streak') {
      if (v.cumulativeRewards.length > 0)
        ctx.addIssue({ code: 'custom', path: ['cumulativeRewards'], ...rule('needs_cycle', 'cumulative rewards need a week or month cycle') });
      if (v.makeUp.enabled)
        ctx.addIssue({ code: 'custom', path: ['makeUp', 'enabled'], ...rule('needs_cycle', 'make-up check-in needs a week or month cycle') });
    }
    const seen = new Set<number>();
    v.cumulativeRewards.forEach((m, i) => {
      if (seen.has(m.count)) ctx.addIssue({ code: 'custom', path: ['cumulativeRewards', i, 'count'], ...rule('duplicate', 'counts must differ') });
      seen.add(m.count);
      if (v.cycle !== 'streak' && m.count > cycleDays)
        ctx.addIssue({
          code: 'custom',
          path: ['cumulativeRewards', i, 'count'],
          ...rule('over_cycle_days', `a ${v.cycle} has at most ${cycleDays} days`, { days: cycleDays }),
        });
      if (m.points === 0 && m.growth === 0)
        ctx.addIssue({ code: 'custom', path: ['cumulativeRewards', i, 'points'], ...rule('reward_empty', 'a milestone must give points or growth') });
    });
    if (v.makeUp.maxPerCycle > cycleDays - 1 && v.cycle !== 'streak')
      ctx.addIssue({
        code: 'custom',
        path: ['makeUp', 'maxPerCycle'],
        ...rule('over_cycle_days', `a ${v.cycle} has at most ${cycleDays - 1} days to make up`, { days: cycleDays - 1 }),
      });
  })
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
    checkedInDates: z.array(BusinessDateSchema).meta({ description: 'every checked-in day of the month, made-up days included' }),
    madeUpDates: z.array(BusinessDateSchema).meta({ description: 'the month’s days that were made up' }),
    cycle: z
      .object({
        kind: z.enum(CHECK_IN_CYCLES),
        start: BusinessDateSchema.nullable().meta({ description: 'first day of the current cycle (null under the streak rule)' }),
        end: BusinessDateSchema.nullable(),
        count: z.number().int().min(0).meta({ description: 'check-ins in the current cycle, made-up days included' }),
      })
      .meta({ id: 'CheckInCycle' }),
    milestones: z.array(
      z
        .object({ count: z.number().int(), points: Points, growth: z.number().int(), reached: z.boolean(), claimed: z.boolean() })
        .meta({ id: 'CheckInMilestoneState' }),
    ),
    makeUp: z
      .object({
        enabled: z.boolean(),
        costPoints: Points,
        payReward: z.boolean(),
        maxPerCycle: z.number().int(),
        used: z.number().int().min(0),
        left: z.number().int().min(0),
        days: z.array(BusinessDateSchema).meta({ description: 'missed days of the current cycle that can be made up now' }),
      })
      .meta({ id: 'CheckInMakeUpState' }),
    rules: CheckInRules,
  })
  .meta({ id: 'CheckInStatus' });

export const CheckInMakeUpRequest = z.object({ date: BusinessDateSchema.meta({ description: 'the missed day to make up' }) }).strict();

export const CheckInMakeUpResult = z
  .object({
    businessDate: BusinessDateSchema,
    streak: z.number().int().min(1).meta({ description: 'the made-up day’s streak' }),
    currentStreak: z.number().int().min(0).meta({ description: 'the streak up to today (or yesterday) after the make-up' }),
    reward: Points.meta({ description: 'the day’s reward, paid only when the merchant says so' }),
    cost: Points,
    bonus: Points.meta({ description: 'cumulative rewards this make-up reached' }),
    pointsBalance: Points,
    makeUpsLeft: z.number().int().min(0),
  })
  .meta({ id: 'CheckInMakeUpResult' });

export const CheckInResult = z
  .object({
    businessDate: BusinessDateSchema,
    streak: z.number().int().min(1),
    reward: Points,
    pointsBalance: Points,
    tomorrowReward: Points,
    bonus: Points.meta({ description: 'cumulative rewards this check-in reached' }).optional(),
  })
  .meta({ id: 'CheckInResult' });

export type CheckInRules = z.output<typeof CheckInRules>;
export type CheckInStatus = z.output<typeof CheckInStatus>;
export type CheckInResult = z.output<typeof CheckInResult>;
export type CheckInRulesInput = z.input<typeof CheckInRules>;
export type CheckInMilestone = z.output<typeof CheckInMilestone>;
export type CheckInMakeUpRequest = z.output<typeof CheckInMakeUpRequest>;
export type CheckInMakeUpResult = z.output<typeof CheckInMakeUpResult>;
export type CheckInCycle = (typeof CHECK_IN_CYCLES)[number];
