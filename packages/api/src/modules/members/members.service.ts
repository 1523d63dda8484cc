import { addDays, type LoginPlatform, type MemberProfile, startOfBusinessDay } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
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
