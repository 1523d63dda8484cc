import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

export function findCheckIn(db: Executor, memberId: number, businessDate: string) {
  return db
    .selectFrom('check_ins')
    .select(['business_date', 'streak', 'reward'])
    .where('member_id', '=', memberId)
    .where('business_date', '=', businessDate)
    .executeTakeFirst();
}

export function insertCheckIn(
  db: Executor,
  row: { memberId: number; businessDate: string; streak: number; reward: number; createdAt: string; madeUpAt?: string | null },
) {
  return db
    .insertInto('check_ins')
    .values({
      member_id: row.memberId,
      business_date: row.businessDate,
      streak: row.streak,
      reward: row.reward,
      created_at: row.createdAt,
      made_up_at: row.madeUpAt ?? null,
    })
    .execute();
}

/** The member's first check-in day ever (make-ups never reach before it). */
export async function firstCheckInDate(db: Executor, memberId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('check_ins')
    .select((eb) => eb.fn.min('business_date').as('first'))
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.first ?? undefined;
}

export function setStreak(db: Executor, memberId: number, businessDate: string, streak: number) {
  return db.updateTable('check_ins').set({ streak }).where('member_id', '=', memberId).where('business_date', '=', businessDate).execute();
}

export async function countCheckIns(db: Executor, memberId: number, first: string, last: string): Promise<number> {
  const row = await db
    .selectFrom('check_ins')
    .select((eb) => countAll(eb).as('n'))
    .where('member_id', '=', memberId)
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Takes one make-up of the cycle when fewer than `max` were used (a conditional update decides); false when none is left. */
export async function takeMakeUp(db: Executor, memberId: number, cycleKey: string, max: number): Promise<boolean> {
  await db
    .insertInto('check_in_make_up_counts')
    .values({ member_id: memberId, cycle_key: cycleKey, used: 0 })
    .onConflict((oc) => oc.columns(['member_id', 'cycle_key']).doNothing())
    .execute();
  const result = await db
    .updateTable('check_in_make_up_counts')
    .set((eb) => ({ used: eb('used', '+', 1) }))
    .where('member_id', '=', memberId)
    .where('cycle_key', '=', cycleKey)
    .where((eb) => eb(eb('used', '+', 1), '<=', max))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function makeUpsUsed(db: Executor, memberId: number, cycleKey: string): Promise<number> {
  const row = await db
    .selectFrom('check_in_make_up_counts')
    .select('used')
    .where('member_id', '=', memberId)
    .where('cycle_key', '=', cycleKey)
    .executeTakeFirst();
  return row?.used ?? 0;
}

/** Records a cumulative reward of the cycle; false when it was already given (the unique key decides). */
export async function claimCycleReward(
  db: Executor,
  row: { memberId: number; cycleKey: string; count: number; points: number; growth: number; at: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('check_in_cycle_rewards')
    .values({ member_id: row.memberId, cycle_key: row.cycleKey, count: row.count, points: row.points, growth: row.growth, created_at: row.at })
    .onConflict((oc) => oc.columns(['member_id', 'cycle_key', 'count']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function claimedCounts(db: Executor, memberId: number, cycleKey: string): Promise<number[]> {
  const rows = await db
    .selectFrom('check_in_cycle_rewards')
    .select('count')
    .where('member_id', '=', memberId)
    .where('cycle_key', '=', cycleKey)
    .execute();
  return rows.map((r) => r.count);
}

export function listCheckInDays(db: Executor, memberId: number, first: string, last: string) {
  return db
    .selectFrom('check_ins')
    .select(['business_date', 'streak', 'made_up_at'])
    .where('member_id', '=', memberId)
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .orderBy('business_date')
    .execute();
}

export function listCheckIns(db: Executor, memberId: number, first: string, last: string) {
  return db
    .selectFrom('check_ins')
    .select(['business_date', 'streak', 'reward', 'created_at', 'made_up_at'])
    .where('member_id', '=', memberId)
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .orderBy('business_date')
    .execute();
}

/** Check-ins made on each business day between two dates (inclusive); days made up later are not counted. */
export function countCheckInsByDay(db: Executor, first: string, last: string) {
  return db
    .selectFrom('check_ins')
    .select((eb) => ['business_date', countAll(eb).as('n')])
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .where('made_up_at', 'is', null)
    .groupBy('business_date')
    .execute();
}
