import { type Participant, runStep } from '../../lib/participants.js';
import {
  addDays,
  businessDateOf,
  CheckInRules as CheckInRulesSchema,
  type CheckInMakeUpResult,
  type CheckInResult,
  type CheckInRules,
  type CheckInStatus,
  type MemberCheckIns,
  monthOf,
  monthRange,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { PointsService } from '../points/index.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import * as repo from './check-in.repository.js';
import { type CheckInCycleSpan, cycleOf, DEFAULT_CHECK_IN_RULES, dailyReward } from './check-in.rules.js';

export interface CheckInDeps {
  db: DB;
  clock: Clock;
  timeZone: string;
  points: PointsService;
  settings: SettingsService;
  /** Modules reacting to check-in's events, in order (listed in src/participants.ts). */
  participants?: readonly CheckInParticipant[];
}

/**
 * A module's part in check-in's events (decision 030), each step in the check-in's transaction: a step that throws
 * leaves no check-in and no points.
 */
export interface CheckInParticipant extends Participant {
  /** A check-in paid its day's reward, made-up days included (tiers add growth). */
  checkedIn?(trx: Tx, e: { memberId: number; businessDate: string; at: string }): Promise<void>;
  /** A cumulative reward carrying growth was paid (tiers post it under the check-in reason). */
  cycleRewardGrowth?(trx: Tx, e: { memberId: number; delta: number; sourceKey: string; note: string; at: string }): Promise<void>;
}

/** Check-in's events, as steps of CheckInParticipant; what participants.test.ts lists. */
export const CHECK_IN_STEPS = ['checkedIn', 'cycleRewardGrowth'] as const;

export interface CheckInService {
  rules(): Promise<CheckInRules>;
  updateRules(next: CheckInRules, staffId: number): Promise<CheckInRules>;
  /**
   * One member's check-ins in a month (default the current business month), for the merchant.
   */
  memberCheckIns(memberId: number, month?: string): Promise<MemberCheckIns>;
  /**
   * Check-ins per business day, first to last inclusive (the dashboard).
   */
  countsByDay(first: string, last: string): Promise<Map<string, number>>;
  status(memberId: number, month?: string): Promise<CheckInStatus>;
  /**
   * One check-in per member per business day (the unique constraint decides, invariant 5),
   * crediting the day's reward to the ledger in the same transaction (source key per day, invariant 4),
   * with the tiers' growth and any cumulative reward the check-in reaches.
   */
  checkIn(memberId: number): Promise<CheckInResult>;
  /**
   * Make-up check-in (补签) of a missed past day of the current cycle, not before the member's first check-in.
   * In one transaction: one make-up of the cycle taken from the counter (a conditional update, so the limit holds under
   * concurrency), the cost debited through the points module (never below zero), the day's row (unique per day, so
   * a race for the same day gives one), the streaks of the following days recomputed as if the day had been kept, the
   * day's reward and growth when the merchant pays them, and any cumulative reward reached.
   */
  makeUp(memberId: number, date: string): Promise<CheckInMakeUpResult>;
  /** How many days the member has checked in, made-up days included (distribution's check-in task). */
  daysCheckedIn(executor: Executor, memberId: number): Promise<number>;
}

export const CHECK_IN_RULES = defineSetting('check_in.rules', CheckInRulesSchema, DEFAULT_CHECK_IN_RULES);

/** Ledger source keys: one credit per day, one cumulative reward per cycle and count, one make-up charge per day. */
const DAY_SOURCE = (date: string) => `check-in:${date}`;
const CYCLE_REWARD_SOURCE = (cycleKey: string, count: number) => `check-in-bonus:${cycleKey}:${count}`;
const MAKE_UP_SOURCE = (date: string) => `check-in-make-up:${date}`;

export function createCheckInService({ db, clock, timeZone, points, settings, participants = [] }: CheckInDeps): CheckInService {
  const rules = (executor: Executor = db): Promise<CheckInRules> => settings.get(CHECK_IN_RULES, executor);

  /** Consecutive days ending the day before `date` (0 when that day was missed). */
  async function streakBefore(executor: Executor, memberId: number, date: string): Promise<number> {
    const previous = await repo.findCheckIn(executor, memberId, addDays(date, -1));
    return previous?.streak ?? 0;
  }

  /**
   * Pays every cumulative reward of the cycle that the member's check-ins (up to `today`) have reached and that was not
   * paid yet. The claim row is unique per member, cycle and count, so each pays once however many check-ins race.
   */
  async function payCycleRewards(trx: Tx, memberId: number, currentRules: CheckInRules, cycle: CheckInCycleSpan | null, today: string, at: Date) {
    if (!cycle || currentRules.cumulativeRewards.length === 0) return 0;
    const count = await repo.countCheckIns(trx, memberId, cycle.start, today < cycle.end ? today : cycle.end);
    let paid = 0;
    for (const milestone of currentRules.cumulativeRewards) {
      if (milestone.count > count) continue;
      const claimed = await repo.claimCycleReward(trx, {
        memberId,
        cycleKey: cycle.key,
        count: milestone.count,
        points: milestone.points,
        growth: milestone.growth,
        at: at.toISOString(),
      });
      if (!claimed) continue;
      const sourceKey = CYCLE_REWARD_SOURCE(cycle.key, milestone.count);
      if (milestone.points > 0) {
        await points.post(trx, {
          memberId,
          delta: milestone.points,
          reason: 'check_in',
          sourceKey,
          note: zhCN.checkIn.cumulativeReward(milestone.count),
          at,
        });
        paid += milestone.points;
      }
      if (milestone.growth > 0)
        await runStep(participants, 'cycleRewardGrowth', trx, {
          memberId,
          delta: milestone.growth,
          sourceKey,
          note: zhCN.checkIn.cumulativeReward(milestone.count),
          at: at.toISOString(),
        });
    }
    return paid;
  }

  /** Missed days of the cycle a make-up may still fill: from the cycle's start (or the first check-in) to yesterday. */
  function makeUpCandidates(cycle: CheckInCycleSpan, today: string, firstCheckIn: string | undefined, checked: Set<string>): string[] {
    if (!firstCheckIn) return [];
    const days: string[] = [];
    for (let d = cycle.start > firstCheckIn ? cycle.start : firstCheckIn; d < today; d = addDays(d, 1)) if (!checked.has(d)) days.push(d);
    return days;
  }

  function notAllowed(date: string, reason: string, message: string): never {
    throw new AppError('MAKE_UP_NOT_ALLOWED', message, { date, reason });
  }

  return {
    rules: () => rules(),

    async daysCheckedIn(executor: Executor, memberId: number): Promise<number> {
      const r = await executor
        .selectFrom('check_ins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    updateRules: (next: CheckInRules, staffId: number): Promise<CheckInRules> => settings.set(CHECK_IN_RULES, next, staffId),

    /** One member's check-ins in a month (default the current business month), for the merchant. */
    async memberCheckIns(memberId: number, month?: string): Promise<MemberCheckIns> {
      const viewMonth = month ?? monthOf(businessDateOf(clock.now(), timeZone));
      const { first, last } = monthRange(viewMonth);
      const rows = await repo.listCheckIns(db, memberId, first, last);
      return {
        month: viewMonth,
        items: rows.map((r) => ({
          businessDate: r.business_date,
          streak: r.streak,
          reward: r.reward,
          createdAt: r.created_at,
          madeUpAt: r.made_up_at ?? null,
        })),
      };
    },

    /** Check-ins per business day, first to last inclusive (the dashboard). */
    async countsByDay(first: string, last: string): Promise<Map<string, number>> {
      const rows = await repo.countCheckInsByDay(db, first, last);
      return new Map(rows.map((r) => [r.business_date, r.n]));
    },

    async status(memberId: number, month?: string): Promise<CheckInStatus> {
      const today = businessDateOf(clock.now(), timeZone);
      const viewMonth = month ?? monthOf(today);
      const { first, last } = monthRange(viewMonth);
      const currentRules = await rules();
      const cycle = cycleOf(currentRules, today);
      const [todayRow, before, monthDays, cycleDays, firstCheckIn, claimed, used] = await Promise.all([
        repo.findCheckIn(db, memberId, today),
        streakBefore(db, memberId, today),
        repo.listCheckInDays(db, memberId, first, last),
        cycle ? repo.listCheckInDays(db, memberId, cycle.start, today) : Promise.resolve([]),
        repo.firstCheckInDate(db, memberId),
        cycle ? repo.claimedCounts(db, memberId, cycle.key) : Promise.resolve([]),
        cycle ? repo.makeUpsUsed(db, memberId, cycle.key) : Promise.resolve(0),
      ]);
      const streak = todayRow ? todayRow.streak : before;
      const count = cycleDays.length;
      const { makeUp } = currentRules;
      const left = makeUp.enabled ? Math.max(0, makeUp.maxPerCycle - used) : 0;
      const checked = new Set(cycleDays.map((r) => r.business_date));
      const claimedSet = new Set(claimed);
      return {
        businessDate: today,
        timeZone,
        checkedInToday: Boolean(todayRow),
        streak,
        todayReward: todayRow ? todayRow.reward : dailyReward(currentRules, today, before + 1),
        // Tomorrow's reward assumes today's check-in happens (or happened).
        tomorrowReward: dailyReward(currentRules, addDays(today, 1), (todayRow ? todayRow.streak : before + 1) + 1),
        month: viewMonth,
        checkedInDates: monthDays.map((r) => r.business_date),
        madeUpDates: monthDays.filter((r) => r.made_up_at).map((r) => r.business_date),
        cycle: { kind: currentRules.cycle, start: cycle?.start ?? null, end: cycle?.end ?? null, count },
        milestones: currentRules.cumulativeRewards
          .map((m) => ({ count: m.count, points: m.points, growth: m.growth, reached: count >= m.count, claimed: claimedSet.has(m.count) }))
          .sort((a, b) => a.count - b.count),
        makeUp: {
          enabled: makeUp.enabled,
          costPoints: makeUp.costPoints,
          payReward: makeUp.payReward,
          maxPerCycle: makeUp.maxPerCycle,
          used,
          left,
          days: cycle && left > 0 ? makeUpCandidates(cycle, today, firstCheckIn, checked) : [],
        },
        rules: currentRules,
      };
    },

    /**
     * One check-in per member per business day (the unique constraint decides, invariant 5),
     * crediting the day's reward to the ledger in the same transaction (source key per day, invariant 4),
     * with the tiers' growth and any cumulative reward the check-in reaches.
     */
    async checkIn(memberId: number): Promise<CheckInResult> {
      const now = clock.now();
      const today = businessDateOf(now, timeZone);
      try {
        return await inTransaction(db, async (trx) => {
          // A make-up rewrites the streaks of later days: check-ins and make-ups of one member take turns.
          await lockForTransaction(trx, 'check-in', memberId);
          const currentRules = await rules(trx);
          const streak = (await streakBefore(trx, memberId, today)) + 1;
          const reward = dailyReward(currentRules, today, streak);
          await repo.insertCheckIn(trx, { memberId, businessDate: today, streak, reward, createdAt: now.toISOString() });
          if (reward > 0) await points.post(trx, { memberId, delta: reward, reason: 'check_in', sourceKey: DAY_SOURCE(today), at: now });
          await runStep(participants, 'checkedIn', trx, { memberId, businessDate: today, at: now.toISOString() });
          const bonus = await payCycleRewards(trx, memberId, currentRules, cycleOf(currentRules, today), today, now);
          return {
            businessDate: today,
            streak,
            reward,
            pointsBalance: await points.balance(trx, memberId),
            tomorrowReward: dailyReward(currentRules, addDays(today, 1), streak + 1),
            bonus,
          };
        });
      } catch (err) {
        if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'CONFLICT')) {
          throw new AppError('ALREADY_CHECKED_IN', `already checked in on ${today}`, { businessDate: today });
        }
        throw err;
      }
    },

    /**
     * Make-up check-in (补签) of a missed past day of the current cycle, not before the member's first check-in.
     * In one transaction: one make-up of the cycle taken from the counter (a conditional update, so the limit holds under
     * concurrency), the cost debited through the points module (never below zero), the day's row (unique per day, so
     * a race for the same day gives one), the streaks of the following days recomputed as if the day had been kept, the
     * day's reward and growth when the merchant pays them, and any cumulative reward reached.
     */
    async makeUp(memberId: number, date: string): Promise<CheckInMakeUpResult> {
      const now = clock.now();
      const today = businessDateOf(now, timeZone);
      try {
        return await inTransaction(db, async (trx) => {
          await lockForTransaction(trx, 'check-in', memberId);
          const currentRules = await rules(trx);
          const { makeUp } = currentRules;
          const cycle = cycleOf(currentRules, today);
          if (!makeUp.enabled || !cycle) throw new AppError('MAKE_UP_DISABLED', 'make-up check-in is switched off');
          if (date >= today) notAllowed(date, 'not_past', `only a past day can be made up; today is ${today}`);
          if (date < cycle.start) notAllowed(date, 'outside_cycle', `only days of the current cycle (from ${cycle.start}) can be made up`);
          const firstCheckIn = await repo.firstCheckInDate(trx, memberId);
          if (!firstCheckIn || date < firstCheckIn) notAllowed(date, 'before_first_check_in', 'a day before the first check-in cannot be made up');
          if (await repo.findCheckIn(trx, memberId, date))
            throw new AppError('ALREADY_CHECKED_IN', `already checked in on ${date}`, { businessDate: date });

          if (!(await repo.takeMakeUp(trx, memberId, cycle.key, makeUp.maxPerCycle)))
            throw new AppError('MAKE_UP_LIMIT_REACHED', `all ${makeUp.maxPerCycle} make-ups of this cycle are used`, {
              maxPerCycle: makeUp.maxPerCycle,
            });
          if (makeUp.costPoints > 0)
            await points.post(trx, {
              memberId,
              delta: -makeUp.costPoints,
              reason: 'check_in',
              sourceKey: MAKE_UP_SOURCE(date),
              note: zhCN.checkIn.makeUpCost(date),
              at: now,
            });

          const streak = (await streakBefore(trx, memberId, date)) + 1;
          const reward = makeUp.payReward ? dailyReward(currentRules, date, streak) : 0;
          await repo.insertCheckIn(trx, { memberId, businessDate: date, streak, reward, createdAt: now.toISOString(), madeUpAt: now.toISOString() });
          // The days after it that run on without a gap now continue its streak.
          let running = streak;
          for (const later of await repo.listCheckInDays(trx, memberId, addDays(date, 1), today)) {
            if (later.business_date !== addDays(date, running - streak + 1)) break;
            running += 1;
            await repo.setStreak(trx, memberId, later.business_date, running);
          }
          const currentStreak = (await repo.findCheckIn(trx, memberId, today))?.streak ?? (await streakBefore(trx, memberId, today));

          if (reward > 0)
            await points.post(trx, {
              memberId,
              delta: reward,
              reason: 'check_in',
              sourceKey: DAY_SOURCE(date),
              note: zhCN.checkIn.madeUpDay(date),
              at: now,
            });
          if (makeUp.payReward) await runStep(participants, 'checkedIn', trx, { memberId, businessDate: date, at: now.toISOString() });
          const bonus = await payCycleRewards(trx, memberId, currentRules, cycle, today, now);
          const used = await repo.makeUpsUsed(trx, memberId, cycle.key);
          return {
            businessDate: date,
            streak,
            currentStreak,
            reward,
            cost: makeUp.costPoints,
            bonus,
            pointsBalance: await points.balance(trx, memberId),
            makeUpsLeft: Math.max(0, makeUp.maxPerCycle - used),
          };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('ALREADY_CHECKED_IN', `already checked in on ${date}`, { businessDate: date });
        throw err;
      }
    },
  };
}
