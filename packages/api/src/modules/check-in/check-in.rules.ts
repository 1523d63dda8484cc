import type { CheckInRules } from '@siyu/shared';

export const DEFAULT_CHECK_IN_RULES: CheckInRules = { rewards: [5, 5, 10, 10, 15, 15, 30], afterCycle: 'restart' };

/** Points for the nth consecutive day (n >= 1) under the rules. */
export function rewardForStreakDay(streakDay: number, rules: CheckInRules): number {
  const { rewards, afterCycle } = rules;
  const index = streakDay - 1;
  if (index < rewards.length) return rewards[index]!;
  return afterCycle === 'restart' ? rewards[index % rewards.length]! : rewards[rewards.length - 1]!;
}
