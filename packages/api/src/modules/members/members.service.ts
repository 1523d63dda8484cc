import type { LoginPlatform, MemberProfile } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction } from '../../lib/transaction.js';
import type { PlatformIdentity } from '../../platforms/types.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { PointsService } from '../points/index.js';
import * as repo from './members.repository.js';

export type MembersService = ReturnType<typeof createMembersService>;

export function createMembersService({ db, clock, points }: { db: DB; clock: Clock; points: PointsService }) {
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
      return { memberId, isNew: !sibling };
    });
  }

  return {
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
