import { lockForTransaction } from '../../db/dialect.js';
import { type MemberParticipant, moveMemberRows } from '../members/events.js';

/**
 * The card in a merge (decision 041): the survivor keeps its card and gains the days the absorbed member had left (a
 * card held by only one of them moves); savings and purchases move; the absorbed member's card order waiting for
 * payment stays open (it extends the survivor's card if paid) but no longer blocks the survivor's own. Coupon packs
 * and reminders move without doubles. A closing deletes the card, its packs and reminders; purchases and savings stay
 * as the merchant's records (they name no personal data).
 */
export function createMemberCardsMemberData(): MemberParticipant {
  return {
    name: 'member-cards',
    async merge(trx, e) {
      await lockForTransaction(trx, 'member-cards', e.survivorId);
      await lockForTransaction(trx, 'member-cards', e.absorbedId);
      const survivorPending = await trx
        .selectFrom('member_card_purchases')
        .select('id')
        .where('pending_member_id', '=', e.survivorId)
        .executeTakeFirst();
      if (survivorPending) {
        await trx
          .updateTable('member_card_purchases')
          .set({ status: 'closed', pending_member_id: null })
          .where('pending_member_id', '=', e.absorbedId)
          .execute();
      }
      const purchases = await trx
        .updateTable('member_card_purchases')
        .set({ member_id: e.survivorId })
        .where('member_id', '=', e.absorbedId)
        .executeTakeFirst();
      await trx.updateTable('member_card_purchases').set({ pending_member_id: e.survivorId }).where('pending_member_id', '=', e.absorbedId).execute();
      const savings = await moveMemberRows(trx, 'member_card_savings', [], e);
      await moveMemberRows(trx, 'member_card_coupon_packs', ['month'], e);
      await moveMemberRows(trx, 'member_card_reminders', ['expires_at', 'days_before'], e);

      const [s, a] = await Promise.all(
        [e.survivorId, e.absorbedId].map((id) => trx.selectFrom('member_card_holdings').selectAll().where('member_id', '=', id).executeTakeFirst()),
      );
      if (a && !s) {
        await trx.updateTable('member_card_holdings').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).execute();
      } else if (a && s) {
        const aActive = a.status === 'active' && a.expires_at > e.at;
        const sActive = s.status === 'active' && s.expires_at > e.at;
        const leftMs = aActive ? new Date(a.expires_at).getTime() - new Date(e.at).getTime() : 0;
        const base = sActive ? s.expires_at : e.at;
        const expiresAt = aActive ? new Date(new Date(base).getTime() + leftMs).toISOString() : s.expires_at;
        const keepAbsorbedCard = aActive && !sActive;
        await trx
          .updateTable('member_card_holdings')
          .set({
            card_id: keepAbsorbedCard ? a.card_id : s.card_id,
            status: sActive || aActive ? 'active' : s.status,
            started_at: keepAbsorbedCard ? a.started_at : s.started_at,
            expires_at: expiresAt,
            last_purchase_id: keepAbsorbedCard ? a.last_purchase_id : s.last_purchase_id,
            uses_since_purchase: s.uses_since_purchase + a.uses_since_purchase,
            saved_fen: s.saved_fen + a.saved_fen,
            updated_at: e.at,
          })
          .where('member_id', '=', e.survivorId)
          .execute();
        await trx.deleteFrom('member_card_holdings').where('member_id', '=', e.absorbedId).execute();
      }
      return { moved: { member_card_purchases: Number(purchases.numUpdatedRows), member_card_savings: savings, member_card_holdings: a ? 1 : 0 } };
    },
    async close(trx, e) {
      await trx.deleteFrom('member_card_holdings').where('member_id', '=', e.memberId).execute();
      await trx.deleteFrom('member_card_coupon_packs').where('member_id', '=', e.memberId).execute();
      await trx.deleteFrom('member_card_reminders').where('member_id', '=', e.memberId).execute();
    },
    describe: async (executor, memberId) => ({
      card: await executor
        .selectFrom('member_card_holdings')
        .select(['card_id', 'status', 'started_at', 'expires_at', 'saved_fen'])
        .where('member_id', '=', memberId)
        .executeTakeFirst(),
      purchases: await executor
        .selectFrom('member_card_purchases')
        .select(['id', 'card_id', 'order_id', 'status', 'price_fen', 'paid_at', 'extended_to', 'refunded_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
      savings: await executor
        .selectFrom('member_card_savings')
        .select(['order_id', 'saved_fen', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
    }),
  };
}
