import { type ExpressionBuilder, sql } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import { type DayBounds, dayOf } from '../../lib/day-bounds.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';
import type { Database } from '../../db/schema.js';

export function findIdentity(db: Executor, platform: string, appId: string, openId: string) {
  return db
    .selectFrom('member_identities')
    .select(['id', 'member_id'])
    .where('platform', '=', platform)
    .where('app_id', '=', appId)
    .where('open_id', '=', openId)
    .executeTakeFirst();
}

/** Another app of the same platform already knows this person (same unionid). */
export function findMemberByUnionId(db: Executor, platform: string, unionId: string) {
  return db
    .selectFrom('member_identities')
    .select('member_id')
    .where('platform', '=', platform)
    .where('union_id', '=', unionId)
    .orderBy('id')
    .executeTakeFirst();
}

export function touchIdentity(db: Executor, id: number, sessionKey: string | null, unionId: string | null, at: string) {
  return db
    .updateTable('member_identities')
    .set((eb) => ({ last_login_at: at, session_key: sessionKey, union_id: eb.fn.coalesce(eb.val(unionId), eb.ref('union_id')) }))
    .where('id', '=', id)
    .execute();
}

export async function insertMember(db: Executor, nickname: string, at: string): Promise<number> {
  const row = await db
    .insertInto('members')
    .values({ nickname, avatar_url: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function insertIdentity(
  db: Executor,
  row: { memberId: number; platform: string; appId: string; openId: string; unionId: string | null; sessionKey: string | null; at: string },
) {
  return db
    .insertInto('member_identities')
    .values({
      member_id: row.memberId,
      platform: row.platform,
      app_id: row.appId,
      open_id: row.openId,
      union_id: row.unionId,
      session_key: row.sessionKey,
      created_at: row.at,
      last_login_at: row.at,
    })
    .execute();
}

export function findMember(db: Executor, id: number) {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMemberPlatforms(db: Executor, memberId: number): Promise<string[]> {
  const rows = await db.selectFrom('member_identities').select('platform').distinct().where('member_id', '=', memberId).orderBy('platform').execute();
  return rows.map((r) => r.platform);
}

/** The identity the member last logged in with on this platform and app: its openid and platform session key. */
export function findLatestIdentity(db: Executor, memberId: number, platform: string, appId: string) {
  return db
    .selectFrom('member_identities')
    .select(['open_id', 'session_key'])
    .where('member_id', '=', memberId)
    .where('platform', '=', platform)
    .where('app_id', '=', appId)
    .orderBy('last_login_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Members with an identity on `platform`. */
const loggedInFrom = (platform: string) => (eb: ExpressionBuilder<Database, 'members'>) =>
  eb.exists(
    eb
      .selectFrom('member_identities')
      .select('member_identities.id')
      .whereRef('member_identities.member_id', '=', 'members.id')
      .where('member_identities.platform', '=', platform),
  );

function filteredMembers(db: Executor, f: { keyword?: string; platform?: string; phones?: string[] }) {
  let q = db.selectFrom('members');
  if (f.phones) {
    const forms = f.phones;
    q = q.where(sql<string>`replace(phone, '-', '')`, 'in', forms);
  }
  if (f.keyword) {
    const pattern = `%${escapeLike(f.keyword.toLowerCase())}%`;
    q = q.where(sql<boolean>`lower(nickname) like ${pattern} escape '\\'`);
  }
  if (f.platform) q = q.where(loggedInFrom(f.platform));
  return q;
}

/** A page of members, newest first, and the number matching. */
export async function pageMembers(db: Executor, f: { keyword?: string; platform?: string; phones?: string[] }, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    filteredMembers(db, f)
      .select(['id', 'nickname', 'avatar_url', 'phone', 'closed_at', 'merged_into', 'created_at'])
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredMembers(db, f)
      .select((eb) => countAll(eb).as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function platformsOfMembers(db: Executor, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  return db.selectFrom('member_identities').select(['member_id', 'platform']).distinct().where('member_id', 'in', memberIds).execute();
}

export function listIdentities(db: Executor, memberId: number) {
  return db
    .selectFrom('member_identities')
    .select(['platform', 'app_id', 'open_id', 'union_id', 'created_at', 'last_login_at'])
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute();
}

/**
 * Members who joined within each business day, by the platform of their first identity. `days` are
 * [startAt, endAt) instants (ISO text, compared as text on both engines).
 */
export function newMembersByDay(db: Executor, days: DayBounds[]) {
  const first = days[0]!.startAt;
  const last = days[days.length - 1]!.endAt;
  return sql<{ day: string; platform: string; n: number }>`
    select ${dayOf(sql.ref('m.created_at'), days)} as day, i.platform as platform, count(*) as n
    from members m
    join member_identities i on i.member_id = m.id
      and i.id = (select min(i2.id) from member_identities i2 where i2.member_id = m.id)
    where m.created_at >= ${first} and m.created_at < ${last}
    group by day, i.platform`
    .execute(db)
    .then((r) => r.rows);
}

/** Display facts of members by id (other modules' lists: invitations). */
export function cardsOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members')
    .select(['id', 'nickname', 'avatar_url', 'phone', 'created_at', 'closed_at', 'merged_into'])
    .where('id', 'in', ids)
    .execute();
}

export function existingIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('members').select('id').where('id', 'in', ids).execute();
}

/** Member ids in id order after `afterId`: joined within the instants given, and (if named) logged in from `platform`. */
export function audience(db: Executor, f: { joinedFrom?: string; joinedBefore?: string; platform?: string }, afterId: number, limit: number) {
  let q = db.selectFrom('members').select('members.id').where('members.id', '>', afterId);
  if (f.joinedFrom) q = q.where('members.created_at', '>=', f.joinedFrom);
  if (f.joinedBefore) q = q.where('members.created_at', '<', f.joinedBefore);
  if (f.platform) q = q.where(loggedInFrom(f.platform));
  return q.orderBy('members.id').limit(limit).execute();
}

export async function findBirthday(db: Executor, memberId: number) {
  return db.selectFrom('members').select(['id', 'birthday']).where('id', '=', memberId).executeTakeFirst();
}

/** Sets the birthday once: false when it was already set (or there is no such member). */
export async function setBirthdayOnce(db: Executor, memberId: number, birthday: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({ birthday, updated_at: at })
    .where('id', '=', memberId)
    .where('birthday', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Members born in `month` ("01"-"12"), in id order after `afterId`. */
export function bornInMonth(db: Executor, month: string, afterId: number, limit: number) {
  return db
    .selectFrom('members')
    .select(['id', 'birthday'])
    .where('birthday', 'like', `____-${month}-__`)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- phone, merges, closing (decision 019) ----

export function findMemberByPhone(db: Executor, phone: string) {
  return db.selectFrom('members').select(['id']).where('phone', '=', phone).executeTakeFirst();
}

/**
 * Locks the members' rows until commit, in id order (PostgreSQL: `select … for update`), so two bindings or merges
 * touching the same members run one after the other. SQLite: its one writer already serialises them.
 */
export async function lockMembers(db: Executor, ids: number[]): Promise<void> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0 || !isPostgres(db)) return;
  await db.selectFrom('members').select('id').where('id', 'in', sorted).orderBy('id').forUpdate().execute();
}

/**
 * The member's state for the guard every member write runs first, the row locked until commit (PostgreSQL: `for
 * share` lets the member's writes go side by side while a closing or a merge, `for update`, waits for them and they
 * for it; SQLite's one writer needs no lock).
 */
export function lockMemberState(db: Executor, id: number, mode: 'share' | 'update') {
  const q = db.selectFrom('members').select(['merged_into', 'closed_at']).where('id', '=', id);
  if (!isPostgres(db)) return q.executeTakeFirst();
  return (mode === 'update' ? q.forUpdate() : q.forShare()).executeTakeFirst();
}

/** Binds a phone to a member who has none; false when the member has one (the unique index refuses a taken phone). */
export async function setPhone(db: Executor, memberId: number, phone: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({ phone, phone_bound_at: at, updated_at: at })
    .where('id', '=', memberId)
    .where('phone', 'is', null)
    .where('merged_into', 'is', null)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the absorbed member as merged into the survivor (first step of a merge: the ledgers' triggers require it). */
export async function markMerged(db: Executor, absorbedId: number, survivorId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({ merged_into: survivorId, updated_at: at })
    .where('id', '=', absorbedId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function updateProfile(
  db: Executor,
  memberId: number,
  values: { nickname?: string; avatar_url?: string | null; gender?: 'unknown' | 'male' | 'female'; birthday?: string },
  at: string,
) {
  return db
    .updateTable('members')
    .set({ ...values, updated_at: at })
    .where('id', '=', memberId)
    .execute();
}

export async function insertMerge(
  db: Executor,
  m: { survivorId: number; absorbedId: number; phone: string; summary: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('member_merges')
    .values({ survivor_id: m.survivorId, absorbed_id: m.absorbedId, phone: m.phone, reason: 'phone', summary: m.summary, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Merges the member took part in (either side), newest first. */
export function listMerges(db: Executor, memberId: number) {
  return db
    .selectFrom('member_merges')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', '=', memberId), eb('absorbed_id', '=', memberId)]))
    .orderBy('id', 'desc')
    .execute();
}

export async function moveIdentities(db: Executor, fromId: number, toId: number): Promise<number> {
  const r = await db.updateTable('member_identities').set({ member_id: toId }).where('member_id', '=', fromId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The idempotency keys of the absorbed member that the survivor has not used: they keep replaying for the survivor. */
export async function moveIdempotencyKeys(db: Executor, fromId: number, toId: number): Promise<number> {
  const r = await db
    .updateTable('idempotency_keys')
    .set({ member_id: toId })
    .where('member_id', '=', fromId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('idempotency_keys as s').select('s.key').where('s.member_id', '=', toId).whereRef('s.key', '=', 'idempotency_keys.key'),
        ),
      ),
    )
    .executeTakeFirst();
  await db.deleteFrom('idempotency_keys').where('member_id', '=', fromId).execute();
  return Number(r.numUpdatedRows);
}

/** Closing: identities and replay keys go, the member row stays anonymised. */
export async function closeMember(db: Executor, memberId: number, nickname: string, at: string): Promise<boolean> {
  await db.deleteFrom('member_identities').where('member_id', '=', memberId).execute();
  // Keys in flight belong to requests still running (the closing's own records its answer in this transaction);
  // the purge forgets them with the rest.
  await db.deleteFrom('idempotency_keys').where('member_id', '=', memberId).where('state', '=', 'done').execute();
  const r = await db
    .updateTable('members')
    .set({ nickname, avatar_url: null, phone: null, phone_bound_at: null, birthday: null, gender: 'unknown', closed_at: at, updated_at: at })
    .where('id', '=', memberId)
    .where('closed_at', 'is', null)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
