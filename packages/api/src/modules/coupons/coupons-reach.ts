import { sql } from 'kysely';
import type { Executor } from '../../lib/transaction.js';

/**
 * For reminders (the messages module's coupon_expiring, decision 044): per member and template, the unused coupons
 * whose validity ends in [from, to), with the template's name and the soonest end; a page at a time, by member id.
 */
export async function couponsExpiringBetween(db: Executor, from: string, to: string, afterMemberId: number, limit: number) {
  const rows = await db
    .selectFrom('coupons as c')
    .innerJoin('coupon_templates as t', 't.id', 'c.template_id')
    .select(['c.member_id', 'c.template_id', 't.name', sql<number>`count(*)`.as('n'), sql<string>`min(c.valid_until)`.as('valid_until')])
    .where('c.status', '=', 'available')
    .where('c.valid_until', '>=', from)
    .where('c.valid_until', '<', to)
    .where('c.member_id', '>', afterMemberId)
    .groupBy(['c.member_id', 'c.template_id', 't.name'])
    .orderBy('c.member_id')
    .orderBy('c.template_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    templateId: Number(r.template_id),
    couponName: r.name,
    count: Number(r.n),
    expiresAt: r.valid_until,
  }));
}
