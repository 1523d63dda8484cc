import { sql } from 'kysely';
import type { Executor } from '../../lib/transaction.js';

/**
 * For reminders (the messages module's points_expiring, decision 044): per member, the points of lots that expire in
 * [from, to) and are still unspent, and the soonest such expiry; a page at a time, by member id.
 */
export async function pointsExpiringBetween(db: Executor, from: string, to: string, afterMemberId: number, limit: number) {
  const rows = await db
    .selectFrom('points_lots')
    .select(['member_id', sql<number>`sum(remaining)`.as('points'), sql<string>`min(expires_at)`.as('expires_at')])
    .where('expires_at', '>=', from)
    .where('expires_at', '<', to)
    .where('remaining', '>', 0)
    .where('member_id', '>', afterMemberId)
    .groupBy('member_id')
    .orderBy('member_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ memberId: Number(r.member_id), points: Number(r.points), expiresAt: r.expires_at }));
}
