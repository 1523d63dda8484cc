import type { Executor } from '../../lib/transaction.js';

export function findCheckIn(db: Executor, memberId: number, businessDate: string) {
  return db
    .selectFrom('check_ins')
    .select(['business_date', 'streak', 'reward'])
    .where('member_id', '=', memberId)
    .where('business_date', '=', businessDate)
    .executeTakeFirst();
}

export function insertCheckIn(db: Executor, row: { memberId: number; businessDate: string; streak: number; reward: number; createdAt: string }) {
  return db
    .insertInto('check_ins')
    .values({ member_id: row.memberId, business_date: row.businessDate, streak: row.streak, reward: row.reward, created_at: row.createdAt })
    .execute();
}

export async function listCheckInDates(db: Executor, memberId: number, first: string, last: string): Promise<string[]> {
  const rows = await db
    .selectFrom('check_ins')
    .select('business_date')
    .where('member_id', '=', memberId)
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .orderBy('business_date')
    .execute();
  return rows.map((r) => r.business_date);
}

export function listCheckIns(db: Executor, memberId: number, first: string, last: string) {
  return db
    .selectFrom('check_ins')
    .select(['business_date', 'streak', 'reward', 'created_at'])
    .where('member_id', '=', memberId)
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .orderBy('business_date')
    .execute();
}

/** Check-ins per business day between two dates (inclusive). */
export function countCheckInsByDay(db: Executor, first: string, last: string) {
  return db
    .selectFrom('check_ins')
    .select((eb) => ['business_date', eb.fn.countAll<number>().as('n')])
    .where('business_date', '>=', first)
    .where('business_date', '<=', last)
    .groupBy('business_date')
    .execute();
}
