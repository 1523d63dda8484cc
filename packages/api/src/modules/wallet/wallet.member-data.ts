import { lockForTransaction } from '../../db/dialect.js';
import type { MemberParticipant } from '../members/events.js';
import * as repo from './wallet.repository.js';

/**
 * Stored value in a merge, a closing and the privacy view (decision 039).
 * - Merge: the absorbed member's balance moves to the survivor as two ledger entries (out of one, into the other,
 *   keyed by the merge), so each ledger stays append-only and each balance the sum of its own entries; top-ups and
 *   balance payments of orders, gift cards (bought and claimed), member codes and counter actions change hands.
 * - Closing: refused while the member holds a balance (money the shop owes is paid back or spent first).
 */
export function createWalletMemberData(): MemberParticipant {
  return {
    name: 'wallet',
    async merge(trx, e) {
      for (const id of [e.survivorId, e.absorbedId].sort((x, y) => x - y)) await lockForTransaction(trx, 'wallet', id);
      const moving = await repo.lockAccount(trx, e.absorbedId, e.at);
      await repo.lockAccount(trx, e.survivorId, e.at);
      if (moving.principalFen + moving.bonusFen > 0) {
        const entry = { kind: 'merge' as const, order_id: null, staff_id: null, created_at: e.at };
        await repo.postEntry(trx, {
          ...entry,
          member_id: e.absorbedId,
          principal_delta: -moving.principalFen,
          bonus_delta: -moving.bonusFen,
          source_key: `merge-out:${e.survivorId}`,
          note: `merged into ${e.survivorId}`,
        });
        await repo.postEntry(trx, {
          ...entry,
          member_id: e.survivorId,
          principal_delta: moving.principalFen,
          bonus_delta: moving.bonusFen,
          source_key: `merge-in:${e.absorbedId}`,
          note: `merged from ${e.absorbedId}`,
        });
      }
      const topUps = await trx
        .updateTable('wallet_top_ups')
        .set({ member_id: e.survivorId })
        .where('member_id', '=', e.absorbedId)
        .executeTakeFirst();
      await trx.updateTable('wallet_order_payments').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).execute();
      await trx.updateTable('gift_cards').set({ buyer_id: e.survivorId }).where('buyer_id', '=', e.absorbedId).execute();
      await trx.updateTable('gift_cards').set({ claimed_by: e.survivorId }).where('claimed_by', '=', e.absorbedId).execute();
      await trx.updateTable('member_codes').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).execute();
      await trx.updateTable('counter_actions').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).execute();
      return { moved: { wallet_fen: moving.principalFen + moving.bonusFen, wallet_top_ups: Number(topUps.numUpdatedRows) } };
    },
    async unfinished(executor, memberId): Promise<Record<string, Record<string, string>[]>> {
      const a = await repo.findAccount(executor, memberId);
      return a.principalFen + a.bonusFen > 0 ? { wallet: [{ principalFen: String(a.principalFen), bonusFen: String(a.bonusFen) }] } : {};
    },
    describe: async (executor, memberId) => ({
      account: await repo.findAccount(executor, memberId),
      ledger: await executor
        .selectFrom('wallet_ledger')
        .select(['kind', 'principal_delta', 'bonus_delta', 'source_key', 'note', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
      topUps: await executor
        .selectFrom('wallet_top_ups')
        .select(['top_up_no', 'amount_fen', 'bonus_fen', 'status', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
      giftCards: await executor
        .selectFrom('gift_cards')
        .select(['card_no', 'face_fen', 'message', 'status', 'created_at'])
        .where((eb) => eb.or([eb('buyer_id', '=', memberId), eb('claimed_by', '=', memberId)]))
        .orderBy('id')
        .execute(),
    }),
  };
}
