import type { LandingResult, LoginPlatform } from '@siyu/shared';
import type { Tx } from '../../lib/transaction.js';
import type { MemberParticipant } from '../members/events.js';

type LandIn = (trx: Tx, input: { memberId: number; shareId: string; platform: LoginPlatform | null; isNewMember: boolean }) => Promise<LandingResult>;

/**
 * Shares in a member's life (decisions 019 and 034). Created: a first login that came with a share id lands through
 * it in the creation's own transaction (`isNewMember`). Merge: the shares the absorbed member issued, their visits and
 * their orders' attributions change hands; the touches combine (the earlier first touch, the later last touch).
 * Closing: touches go, visits become anonymous; issued shares and order attributions stay as anonymous records.
 */
export function createSharesMemberData(landIn: LandIn): MemberParticipant {
  return {
    name: 'shares',
    async created(trx, e) {
      if (e.shareId) await landIn(trx, { memberId: e.memberId, shareId: e.shareId, platform: e.platform, isNewMember: true });
    },
    async merge(trx, e) {
      const shares = await trx
        .updateTable('shares')
        .set({ sharer_member_id: e.survivorId })
        .where('sharer_member_id', '=', e.absorbedId)
        .executeTakeFirst();
      const visits = await trx.updateTable('share_visits').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      const attributed = await trx
        .updateTable('order_attributions')
        .set({ member_id: e.survivorId })
        .where('member_id', '=', e.absorbedId)
        .executeTakeFirst();
      await trx.updateTable('order_attributions').set({ sharer_member_id: e.survivorId }).where('sharer_member_id', '=', e.absorbedId).execute();
      const both = await trx.selectFrom('member_share_touches').selectAll().where('member_id', 'in', [e.survivorId, e.absorbedId]).execute();
      const absorbed = both.find((t) => t.member_id === e.absorbedId);
      const survivor = both.find((t) => t.member_id === e.survivorId);
      if (absorbed) {
        await trx.deleteFrom('member_share_touches').where('member_id', '=', e.absorbedId).execute();
        const first = survivor && survivor.first_at <= absorbed.first_at ? survivor : absorbed;
        const last = survivor && survivor.last_at >= absorbed.last_at ? survivor : absorbed;
        const values = { first_share_id: first.first_share_id, first_at: first.first_at, last_share_id: last.last_share_id, last_at: last.last_at };
        if (survivor) await trx.updateTable('member_share_touches').set(values).where('member_id', '=', e.survivorId).execute();
        else
          await trx
            .insertInto('member_share_touches')
            .values({ member_id: e.survivorId, ...values })
            .execute();
      }
      return {
        moved: {
          shares: Number(shares.numUpdatedRows),
          share_visits: Number(visits.numUpdatedRows),
          order_attributions: Number(attributed.numUpdatedRows),
        },
      };
    },
    async close(trx, e) {
      await trx.deleteFrom('member_share_touches').where('member_id', '=', e.memberId).execute();
      await trx.updateTable('share_visits').set({ member_id: null }).where('member_id', '=', e.memberId).execute();
    },
    async describe(executor, memberId) {
      const touches = await executor.selectFrom('member_share_touches').selectAll().where('member_id', '=', memberId).executeTakeFirst();
      const issued = await executor
        .selectFrom('shares')
        .select(['id', 'kind', 'target_id', 'channel', 'created_at'])
        .where('sharer_member_id', '=', memberId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      const visits = await executor
        .selectFrom('share_visits')
        .select(['share_id', 'platform', 'channel', 'at'])
        .where('member_id', '=', memberId)
        .orderBy('at', 'desc')
        .limit(200)
        .execute();
      return { touches: touches ?? null, issued, visits };
    },
  };
}
