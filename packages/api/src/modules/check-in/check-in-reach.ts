import type { Executor } from '../../lib/transaction.js';

/**
 * For the check-in reminder (decision 044): of `memberIds`, who has checked in on `date` already, and each one's
 * streak as of `yesterday` (0 when they did not check in then).
 */
export async function checkInStateOn(db: Executor, memberIds: readonly number[], date: string, yesterday: string) {
  if (memberIds.length === 0) return new Map<number, { checkedIn: boolean; streak: number }>();
  const rows = await db
    .selectFrom('check_ins')
    .select(['member_id', 'business_date', 'streak'])
    .where('member_id', 'in', [...memberIds])
    .where('business_date', 'in', [date, yesterday])
    .execute();
  const out = new Map<number, { checkedIn: boolean; streak: number }>();
  for (const id of memberIds) out.set(id, { checkedIn: false, streak: 0 });
  for (const r of rows) {
    const s = out.get(Number(r.member_id))!;
    if (r.business_date === date) s.checkedIn = true;
    else s.streak = r.streak;
  }
  return out;
}
