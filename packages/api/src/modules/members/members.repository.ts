import type { Executor } from '../../lib/transaction.js';

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
  return Number(row.id);
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

/** The identity the member last logged in with on this platform and app. */
export function findOpenId(db: Executor, memberId: number, platform: string, appId: string) {
  return db
    .selectFrom('member_identities')
    .select('open_id')
    .where('member_id', '=', memberId)
    .where('platform', '=', platform)
    .where('app_id', '=', appId)
    .orderBy('last_login_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function existingIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('members').select('id').where('id', 'in', ids).execute();
}

export function audience(db: Executor, f: { joinedFrom?: string; joinedBefore?: string; platform?: string }, afterId: number, limit: number) {
  let q = db.selectFrom('members').select('members.id').where('members.id', '>', afterId);
  if (f.joinedFrom) q = q.where('members.created_at', '>=', f.joinedFrom);
  if (f.joinedBefore) q = q.where('members.created_at', '<', f.joinedBefore);
  if (f.platform) {
    const platform = f.platform;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_identities')
          .select('member_identities.id')
          .whereRef('member_identities.member_id', '=', 'members.id')
          .where('member_identities.platform', '=', platform),
      ),
    );
  }
  return q.orderBy('members.id').limit(limit).execute();
}
