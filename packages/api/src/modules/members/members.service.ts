import {
  addDays,
  type BindPhoneResult,
  type LoginPlatform,
  maskPhone,
  type MemberProfile,
  type MerchantMemberDetail,
  type MerchantMemberPage,
  type MerchantMemberQuery,
  startOfBusinessDay,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { DayBounds } from '../../lib/day-bounds.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { PlatformIdentity } from '../../platforms/types.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { PointsService } from '../points/index.js';
import * as repo from './members.repository.js';

export type MembersService = ReturnType<typeof createMembersService>;

/**
 * A module that acts when a member is created (a new-member coupon pack), inside the transaction that creates the
 * member: if it throws, the member is not created and the login fails, to be retried. Wired in createApp.
 */
export interface MemberParticipant {
  readonly name: string;
  created(trx: Tx, member: { memberId: number; platform: LoginPlatform; at: string }): Promise<void>;
}

export function createMembersService({
  db,
  clock,
  timeZone,
  points,
  participants = [],
}: {
  db: DB;
  clock: Clock;
  timeZone: string;
  points: PointsService;
  participants?: readonly MemberParticipant[];
}) {
  async function upsertFromIdentity(identity: PlatformIdentity, appId: string): Promise<{ memberId: number; isNew: boolean }> {
    const at = clock.now().toISOString();
    return inTransaction(db, async (trx) => {
      const existing = await repo.findIdentity(trx, identity.platform, appId, identity.openId);
      if (existing) {
        await repo.touchIdentity(trx, Number(existing.id), identity.sessionKey, identity.unionId, at);
        return { memberId: Number(existing.member_id), isNew: false };
      }
      const sibling = identity.unionId ? await repo.findMemberByUnionId(trx, identity.platform, identity.unionId) : undefined;
      const memberId = sibling
        ? Number(sibling.member_id)
        : await repo.insertMember(trx, zhCN.defaultNickname(identity.openId.slice(-4).toUpperCase()), at);
      await repo.insertIdentity(trx, {
        memberId,
        platform: identity.platform,
        appId,
        openId: identity.openId,
        unionId: identity.unionId,
        sessionKey: identity.sessionKey,
        at,
      });
      if (!sibling) for (const p of participants) await p.created(trx, { memberId, platform: identity.platform as LoginPlatform, at });
      return { memberId, isNew: !sibling };
    });
  }

  return {
    /** The member's birthday (YYYY-MM-DD) or null; NOT_FOUND when there is no such member. */
    async birthdayOf(memberId: number, executor: Executor = db): Promise<string | null> {
      const row = await repo.findBirthday(executor, memberId);
      if (!row) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
      return row.birthday;
    },

    /** Sets the birthday once (BIRTHDAY_ALREADY_SET after that): a birthday that could be changed would pay its gift twice a year. */
    async setBirthdayOnce(memberId: number, birthday: string): Promise<{ birthday: string }> {
      if (await repo.setBirthdayOnce(db, memberId, birthday, clock.now().toISOString())) return { birthday };
      const row = await repo.findBirthday(db, memberId);
      if (!row) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
      throw new AppError('BIRTHDAY_ALREADY_SET', 'the birthday is set once and cannot be changed', {
        issues: [{ field: 'birthday', message: 'already set' }],
      });
    },

    /** Members born in a month ("01"-"12"), in id order after `afterId` (the birthday gifts). */
    async bornInMonth(executor: Executor, month: string, afterId: number, limit: number): Promise<{ memberId: number; birthday: string }[]> {
      return (await repo.bornInMonth(executor, month, afterId, limit)).map((r) => ({ memberId: Number(r.id), birthday: r.birthday! }));
    },

    /** Which of these ids are members. */
    async existingIds(executor: Executor, ids: number[]): Promise<Set<number>> {
      return new Set((await repo.existingIds(executor, ids)).map((r) => Number(r.id)));
    },

    /**
     * Members in id order after `afterId`, `limit` at a time, who joined within the business days given (merchant's
     * time zone) and have logged in from `platform` (for targeted coupons and other campaigns).
     */
    async audience(
      executor: Executor,
      filter: { joinedFrom?: string | undefined; joinedTo?: string | undefined; platform?: LoginPlatform | undefined },
      afterId: number,
      limit: number,
    ): Promise<number[]> {
      const rows = await repo.audience(
        executor,
        {
          ...(filter.joinedFrom ? { joinedFrom: startOfBusinessDay(filter.joinedFrom, timeZone).toISOString() } : {}),
          ...(filter.joinedTo ? { joinedBefore: startOfBusinessDay(addDays(filter.joinedTo, 1), timeZone).toISOString() } : {}),
          ...(filter.platform ? { platform: filter.platform } : {}),
        },
        afterId,
        limit,
      );
      return rows.map((r) => Number(r.id));
    },

    /**
     * The member behind a platform identity, created on first login. Two first logins racing for
     * the same identity meet at the unique (platform, app_id, open_id): the loser retries and finds the winner's member.
     */
    async findOrCreateByIdentity(identity: PlatformIdentity, appId: string): Promise<{ memberId: number; isNew: boolean }> {
      try {
        return await upsertFromIdentity(identity, appId);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const again = await upsertFromIdentity(identity, appId);
        return { ...again, isNew: false };
      }
    },

    /** The member's openId in our app on `platform` (the payer in a payment request); null when they never logged in there. */
    async openIdFor(memberId: number, platform: LoginPlatform, appId: string): Promise<string | null> {
      return (await repo.findOpenId(db, memberId, platform, appId))?.open_id ?? null;
    },

    /**
     * The platform session key from the member's last login there (Douyin decrypts phone data with it); null when
     * none is held. Server-side only: never answered to a client.
     */
    async sessionKeyFor(memberId: number, platform: LoginPlatform, appId: string): Promise<string | null> {
      return (await repo.findSessionKey(db, memberId, platform, appId))?.session_key ?? null;
    },

    // ---- PLACEHOLDER (phone branch): replaced at merge by the real bindPhone (migration 015: stores the phone,
    // merges members). Stores nothing. ----
    async bindPhone(memberId: number, phone: { countryCode: string; number: string }): Promise<BindPhoneResult> {
      return { memberId, phoneMasked: maskPhone(phone.number), merged: null };
    },
    // ---- END PLACEHOLDER ----

    /** Members for the merchant: newest first, by nickname and platform. */
    async merchantPage(query: MerchantMemberQuery): Promise<MerchantMemberPage> {
      const { rows, total } = await repo.pageMembers(db, query, query.pageSize, (query.page - 1) * query.pageSize);
      const balances = await points.balances(
        db,
        rows.map((r) => Number(r.id)),
      );
      const platforms = new Map<number, LoginPlatform[]>();
      for (const p of await repo.platformsOfMembers(
        db,
        rows.map((r) => Number(r.id)),
      )) {
        const list = platforms.get(Number(p.member_id)) ?? [];
        list.push(p.platform as LoginPlatform);
        platforms.set(Number(p.member_id), list);
      }
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          nickname: r.nickname,
          avatarUrl: r.avatar_url,
          pointsBalance: balances.get(Number(r.id)) ?? 0,
          platforms: (platforms.get(Number(r.id)) ?? []).sort(),
          createdAt: r.created_at,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /** One member for the merchant, with their platform identities (never the platform's session key). */
    async merchantDetail(memberId: number): Promise<MerchantMemberDetail> {
      const [member, identities, pointsBalance] = await Promise.all([
        repo.findMember(db, memberId),
        repo.listIdentities(db, memberId),
        points.balance(db, memberId),
      ]);
      if (!member) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
      return {
        id: Number(member.id),
        nickname: member.nickname,
        avatarUrl: member.avatar_url,
        pointsBalance,
        platforms: [...new Set(identities.map((i) => i.platform as LoginPlatform))].sort(),
        createdAt: member.created_at,
        identities: identities.map((i) => ({
          platform: i.platform as LoginPlatform,
          appId: i.app_id,
          openIdTail: i.open_id.slice(-6),
          hasUnionId: i.union_id !== null,
          createdAt: i.created_at,
          lastLoginAt: i.last_login_at,
        })),
      };
    },

    /** New members per business day and platform of first login (the dashboard). */
    async newMembersByDay(days: DayBounds[]) {
      if (days.length === 0) return [];
      return (await repo.newMembersByDay(db, days)).map((r) => ({ date: r.day, platform: r.platform, members: Number(r.n) }));
    },

    async profile(memberId: number): Promise<MemberProfile> {
      const [member, platforms, pointsBalance] = await Promise.all([
        repo.findMember(db, memberId),
        repo.listMemberPlatforms(db, memberId),
        points.balance(db, memberId),
      ]);
      if (!member) throw new AppError('NOT_FOUND', 'member not found');
      return {
        id: Number(member.id),
        nickname: member.nickname,
        avatarUrl: member.avatar_url,
        pointsBalance,
        platforms: platforms as LoginPlatform[],
        createdAt: member.created_at,
      };
    },
  };
}
