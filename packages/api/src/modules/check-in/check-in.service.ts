import {
  CheckInRules as CheckInRulesSchema,
  addDays,
  businessDateOf,
  monthOf,
  monthRange,
  type CheckInResult,
  type CheckInRules,
  type CheckInStatus,
  type MemberCheckIns,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction, type Executor, type Tx } from '../../lib/transaction.js';
import type { PointsService } from '../points/index.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import * as repo from './check-in.repository.js';
import { DEFAULT_CHECK_IN_RULES, rewardForStreakDay } from './check-in.rules.js';

export interface CheckInDeps {
  db: DB;
  clock: Clock;
  timeZone: string;
  points: PointsService;
  settings: SettingsService;
  /** Runs in the check-in's transaction (tiers add growth). */
  checkedIn?: (trx: Tx, e: { memberId: number; businessDate: string; at: string }) => Promise<void>;
}

export type CheckInService = ReturnType<typeof createCheckInService>;

export const CHECK_IN_RULES = defineSetting('check_in.rules', CheckInRulesSchema, DEFAULT_CHECK_IN_RULES);

export function createCheckInService({ db, clock, timeZone, points, settings, checkedIn }: CheckInDeps) {
  const rules = (executor: Executor = db): Promise<CheckInRules> => settings.get(CHECK_IN_RULES, executor);

  /** Consecutive days ending yesterday (0 when yesterday was missed). */
  async function streakBefore(executor: Executor, memberId: number, today: string): Promise<number> {
    const yesterday = await repo.findCheckIn(executor, memberId, addDays(today, -1));
    return yesterday?.streak ?? 0;
  }

  return {
    rules: () => rules(),

    updateRules: (next: CheckInRules, staffId: number): Promise<CheckInRules> => settings.set(CHECK_IN_RULES, next, staffId),

    /** One member's check-ins in a month (default the current business month), for the merchant. */
    async memberCheckIns(memberId: number, month?: string): Promise<MemberCheckIns> {
      const viewMonth = month ?? monthOf(businessDateOf(clock.now(), timeZone));
      const { first, last } = monthRange(viewMonth);
      const rows = await repo.listCheckIns(db, memberId, first, last);
      return {
        month: viewMonth,
        items: rows.map((r) => ({ businessDate: r.business_date, streak: Number(r.streak), reward: Number(r.reward), createdAt: r.created_at })),
      };
    },

    /** Check-ins per business day, first to last inclusive (the dashboard). */
    async countsByDay(first: string, last: string): Promise<Map<string, number>> {
      const rows = await repo.countCheckInsByDay(db, first, last);
      return new Map(rows.map((r) => [r.business_date, Number(r.n)]));
    },

    async status(memberId: number, month?: string): Promise<CheckInStatus> {
      const today = businessDateOf(clock.now(), timeZone);
      const viewMonth = month ?? monthOf(today);
      const { first, last } = monthRange(viewMonth);
      const [currentRules, todayRow, before, checkedInDates] = await Promise.all([
        rules(),
        repo.findCheckIn(db, memberId, today),
        streakBefore(db, memberId, today),
        repo.listCheckInDates(db, memberId, first, last),
      ]);
      const streak = todayRow ? todayRow.streak : before;
      return {
        businessDate: today,
        timeZone,
        checkedInToday: Boolean(todayRow),
        streak,
        todayReward: todayRow ? todayRow.reward : rewardForStreakDay(before + 1, currentRules),
        // Tomorrow's reward assumes today's check-in happens (or happened).
        tomorrowReward: rewardForStreakDay((todayRow ? todayRow.streak : before + 1) + 1, currentRules),
        month: viewMonth,
        checkedInDates,
        rules: currentRules,
      };
    },

    /**
     * One check-in per member per business day (the unique constraint decides, invariant 5),
     * crediting the day's reward to the ledger in the same transaction (source key per day, invariant 4).
     */
    async checkIn(memberId: number): Promise<CheckInResult> {
      const now = clock.now();
      const today = businessDateOf(now, timeZone);
      try {
        return await inTransaction(db, async (trx) => {
          const currentRules = await rules(trx);
          const streak = (await streakBefore(trx, memberId, today)) + 1;
          const reward = rewardForStreakDay(streak, currentRules);
          await repo.insertCheckIn(trx, { memberId, businessDate: today, streak, reward, createdAt: now.toISOString() });
          const balance =
            reward > 0
              ? (await points.post(trx, { memberId, delta: reward, reason: 'check_in', sourceKey: `check-in:${today}`, at: now })).balance
              : await points.balance(trx, memberId);
          if (checkedIn) await checkedIn(trx, { memberId, businessDate: today, at: now.toISOString() });
          return { businessDate: today, streak, reward, pointsBalance: balance, tomorrowReward: rewardForStreakDay(streak + 1, currentRules) };
        });
      } catch (err) {
        if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'CONFLICT')) {
          throw new AppError('ALREADY_CHECKED_IN', `already checked in on ${today}`, { businessDate: today });
        }
        throw err;
      }
    },
  };
}
