import type { Executor } from '../../lib/transaction.js';

const RULES_KEY = 'check_in.rules';

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

export async function findRulesJson(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('merchant_settings').select('value').where('key', '=', RULES_KEY).executeTakeFirst();
  return row?.value;
}

export function upsertRulesJson(db: Executor, value: string, staffId: number | null, at: string) {
  return db
    .insertInto('merchant_settings')
    .values({ key: RULES_KEY, value, updated_at: at, updated_by: staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: staffId }))
    .execute();
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
