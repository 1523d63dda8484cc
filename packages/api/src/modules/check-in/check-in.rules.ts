import { addDays, type BusinessDate, type CheckInRules, DEFAULT_CHECK_IN_MAKE_UP, monthOf, monthRange } from '@siyu/shared';

export const DEFAULT_CHECK_IN_RULES: CheckInRules = {
  rewards: [5, 5, 10, 10, 15, 15, 30],
  afterCycle: 'restart',
  cycle: 'streak',
  cumulativeRewards: [],
  makeUp: { ...DEFAULT_CHECK_IN_MAKE_UP },
};

/** Points for the nth consecutive day (n >= 1) under the rules. */
export function rewardForStreakDay(streakDay: number, rules: CheckInRules): number {
  const { rewards, afterCycle } = rules;
  const index = streakDay - 1;
  if (index < rewards.length) return rewards[index]!;
  return afterCycle === 'restart' ? rewards[index % rewards.length]! : rewards[rewards.length - 1]!;
}

/** A week (Monday to Sunday) or a calendar month of business days; `key` names it in the counters. */
export interface CheckInCycleSpan {
  kind: 'week' | 'month';
  key: string;
  start: BusinessDate;
  end: BusinessDate;
}

const daysBetween = (from: BusinessDate, to: BusinessDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The cycle a business day falls in under the rules (none under the streak rule). */
export function cycleOf(rules: CheckInRules, date: BusinessDate): CheckInCycleSpan | null {
  if (rules.cycle === 'week') {
    const sinceMonday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const start = addDays(date, -sinceMonday);
    return { kind: 'week', key: `week:${start}`, start, end: addDays(start, 6) };
  }
  if (rules.cycle === 'month') {
    const month = monthOf(date);
    const { first, last } = monthRange(month);
    return { kind: 'month', key: `month:${month}`, start: first, end: last };
  }
  return null;
}

/**
 * The daily reward of a day whose streak (consecutive days ending that day) is `streak`. In a cycle the table follows
 * the streak within the cycle: it starts again at day 1 on the cycle's first day.
 */
export function dailyReward(rules: CheckInRules, date: BusinessDate, streak: number): number {
  const cycle = cycleOf(rules, date);
  const position = cycle ? Math.min(streak, daysBetween(cycle.start, date) + 1) : streak;
  return rewardForStreakDay(position, rules);
}
