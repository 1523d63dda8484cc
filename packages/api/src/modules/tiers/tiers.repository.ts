import { sql } from 'kysely';
import type { GrowthReasonValue, TiersTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll, sumOrZero } from '../../db/aggregates.js';

type TierValues = Omit<TiersTable, 'id' | 'created_at' | 'updated_at'>;

export const listTiers = (db: Executor) => db.selectFrom('tiers').selectAll().orderBy('level').execute();

export async function updateTier(db: Executor, level: number, values: TierValues, at: string): Promise<boolean> {
  const r = await db
    .updateTable('tiers')
    .set({ ...values, updated_at: at })
    .where('level', '=', level)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTier(db: Executor, values: TierValues, at: string): Promise<void> {
  await db
    .insertInto('tiers')
    .values({ ...values, created_at: at, updated_at: at })
    .execute();
}

export async function deleteTiersAbove(db: Executor, level: number): Promise<void> {
  await db.deleteFrom('tiers').where('level', '>', level).execute();
}

/** Members holding a level above `level` (a ladder that drops those levels must not be saved). */
export async function countHoldersAbove(db: Executor, level: number): Promise<number> {
  const r = await db
    .selectFrom('member_tiers')
    .select((eb) => countAll(eb).as('n'))
    .where('level', '>', level)
    .executeTakeFirst();
  return r?.n ?? 0;
}

export const findMemberTier = (db: Executor, memberId: number) =>
  db.selectFrom('member_tiers').selectAll().where('member_id', '=', memberId).executeTakeFirst();

export async function ensureMemberTier(db: Executor, memberId: number, at: string): Promise<void> {
  await db
    .insertInto('member_tiers')
    .values({ member_id: memberId, level: 0, growth: 0, reached_at: null, held_until: null, updated_at: at })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
}

/**
 * Moves the cached growth by `delta`; a deduction never takes it below zero (the CHECK backs the condition up).
 * The update also locks the member's row until commit, so one member's growth events run one after another.
 * Returns the new growth, or undefined when the deduction is more than the growth.
 */
export async function moveGrowth(db: Executor, memberId: number, delta: number, at: string): Promise<number | undefined> {
  const row = await db
    .updateTable('member_tiers')
    .set({ growth: sql`growth + ${delta}`, updated_at: at })
    .where('member_id', '=', memberId)
    .where(sql<boolean>`growth + ${delta} >= 0`)
    .returning('growth')
    .executeTakeFirst();
  return row === undefined ? undefined : row.growth;
}

export async function insertGrowthEntry(
  db: Executor,
  e: { memberId: number; delta: number; reason: GrowthReasonValue; sourceKey: string; note: string | null; staffId: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('growth_ledger')
    .values({
      member_id: e.memberId,
      delta: e.delta,
      reason: e.reason,
      source_key: e.sourceKey,
      note: e.note,
      staff_id: e.staffId,
      created_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const findGrowthEntry = (db: Executor, memberId: number, sourceKey: string) =>
  db.selectFrom('growth_ledger').selectAll().where('member_id', '=', memberId).where('source_key', '=', sourceKey).executeTakeFirst();

/** The sum of a member's entries whose source key starts with `prefix`. */
export async function sumGrowthBySources(db: Executor, memberId: number, prefix: string): Promise<number> {
  const r = await db
    .selectFrom('growth_ledger')
    .select((eb) => sumOrZero(eb, 'delta').as('s'))
    .where('member_id', '=', memberId)
    .where('source_key', 'like', `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
    .executeTakeFirst();
  return r?.s ?? 0;
}

/** A member's growth: all of it, or what was posted after `since` (the last N months: (since, now]). */
export async function sumGrowth(db: Executor, memberId: number, since?: string): Promise<number> {
  let q = db
    .selectFrom('growth_ledger')
    .select((eb) => sumOrZero(eb, 'delta').as('s'))
    .where('member_id', '=', memberId);
  if (since !== undefined) q = q.where('created_at', '>', since);
  const r = await q.executeTakeFirst();
  return r?.s ?? 0;
}

export async function listGrowth(db: Executor, memberId: number, limit: number, cursor?: number) {
  let q = db.selectFrom('growth_ledger').selectAll().where('member_id', '=', memberId);
  if (cursor !== undefined) q = q.where('id', '<', cursor);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * The conditional move of a member's level: only from the level (and hold) read, so two transactions that both
 * decided the same change make it once.
 */
export async function moveLevel(
  db: Executor,
  memberId: number,
  from: { level: number; heldUntil: string | null },
  to: { level: number; reachedAt: string | null; heldUntil: string | null },
  at: string,
): Promise<boolean> {
  let q = db
    .updateTable('member_tiers')
    .set({ level: to.level, reached_at: to.reachedAt, held_until: to.heldUntil, updated_at: at })
    .where('member_id', '=', memberId)
    .where('level', '=', from.level);
  q = from.heldUntil === null ? q.where('held_until', 'is', null) : q.where('held_until', '=', from.heldUntil);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTierChange(
  db: Executor,
  c: { memberId: number; from: number; to: number; reason: 'upgrade' | 'downgrade' | 'config'; growth: number; note: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('tier_changes')
    .values({
      member_id: c.memberId,
      from_level: c.from,
      to_level: c.to,
      reason: c.reason,
      growth: c.growth,
      note: c.note,
      created_at: c.at,
    })
    .execute();
}

export const listTierChanges = (db: Executor, memberId: number, limit: number) =>
  db.selectFrom('tier_changes').selectAll().where('member_id', '=', memberId).orderBy('id', 'desc').limit(limit).execute();

/** Members above level 0 whose hold has ended (or who have none yet), in member order after `afterId`. */
export const dueForReview = (db: Executor, now: string, afterId: number, limit: number) =>
  db
    .selectFrom('member_tiers')
    .select(['member_id'])
    .where('level', '>', 0)
    .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '<=', now)]))
    .where('member_id', '>', afterId)
    .orderBy('member_id')
    .limit(limit)
    .execute();

/** Members whose held level is below what their growth reaches (after a ladder change lowered thresholds). */
export const belowTheirGrowth = (db: Executor, level: number, threshold: number, afterId: number, limit: number) =>
  db
    .selectFrom('member_tiers')
    .select(['member_id'])
    .where('level', '<', level)
    .where('growth', '>=', threshold)
    .where('member_id', '>', afterId)
    .orderBy('member_id')
    .limit(limit)
    .execute();

/** Which of these members already had the year's birthday gift. */
export async function giftedIn(db: Executor, memberIds: number[], year: number): Promise<Set<number>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db.selectFrom('tier_birthday_gifts').select('member_id').where('member_id', 'in', memberIds).where('year', '=', year).execute();
  return new Set(rows.map((r) => r.member_id));
}

/** Records the year's gift; false when it was already given (the unique (member, year) decides). */
export async function insertBirthdayGift(
  db: Executor,
  g: { memberId: number; year: number; level: number; points: number; at: string },
): Promise<number | undefined> {
  const row = await db
    .insertInto('tier_birthday_gifts')
    .values({ member_id: g.memberId, year: g.year, level: g.level, points: g.points, coupon_id: null, created_at: g.at })
    .onConflict((oc) => oc.columns(['member_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row === undefined ? undefined : row.id;
}

export async function setBirthdayGiftCoupon(db: Executor, giftId: number, couponId: number): Promise<void> {
  await db.updateTable('tier_birthday_gifts').set({ coupon_id: couponId }).where('id', '=', giftId).execute();
}

export const listBirthdayGifts = (db: Executor, memberId: number) =>
  db.selectFrom('tier_birthday_gifts').selectAll().where('member_id', '=', memberId).orderBy('year', 'desc').execute();
