import { MAX_FAVOURITES_PER_MEMBER } from '@siyu/shared';
import { type MemberParticipant, moveMemberRows } from '../members/events.js';

/**
 * Favourites in a merge: a product both members kept stays once, the rest move; if the two lists together pass the
 * per-member cap, the oldest favourites over it are let go (a favourite is a bookmark, not a record the merchant keeps).
 * The count row is then set to what the survivor holds. In a closing they are deleted.
 */
export function createFavouritesMemberData(): MemberParticipant {
  return {
    name: 'favourites',
    async merge(trx, e) {
      const moved = await moveMemberRows(trx, 'member_favourites', ['product_id'], e);
      const kept = await trx
        .selectFrom('member_favourites')
        .select(['product_id'])
        .where('member_id', '=', e.survivorId)
        .orderBy('created_at', 'desc')
        .orderBy('product_id', 'desc')
        .execute();
      const over = kept.slice(MAX_FAVOURITES_PER_MEMBER).map((r) => r.product_id);
      if (over.length > 0) {
        await trx.deleteFrom('member_favourites').where('member_id', '=', e.survivorId).where('product_id', 'in', over).execute();
      }
      const total = kept.length - over.length;
      await trx.deleteFrom('member_favourite_counts').where('member_id', '=', e.absorbedId).execute();
      await trx
        .insertInto('member_favourite_counts')
        .values({ member_id: e.survivorId, favourites: total })
        .onConflict((oc) => oc.column('member_id').doUpdateSet({ favourites: total }))
        .execute();
      const report: Record<string, number> = { member_favourites: moved };
      if (over.length > 0) report.member_favourites_over_cap_let_go = over.length;
      return { moved: report };
    },
    async close(trx, e) {
      await trx.deleteFrom('member_favourites').where('member_id', '=', e.memberId).execute();
      await trx.deleteFrom('member_favourite_counts').where('member_id', '=', e.memberId).execute();
    },
    describe: (executor, memberId) =>
      executor
        .selectFrom('member_favourites')
        .select(['product_id', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('created_at', 'desc')
        .execute(),
  };
}
