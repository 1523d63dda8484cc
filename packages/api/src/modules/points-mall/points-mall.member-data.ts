import { sql } from 'kysely';
import { z } from 'zod';
import { readJsonOr } from '../../db/json-column.js';
import type { MemberParticipant } from '../members/events.js';
import { anonymiseAddressJson } from '../orders/index.js';

/**
 * Points-mall redemptions in a merge: they move, and the per-member counts (in all and per day) of an item both
 * redeemed are added up, so the merged member's limits count what both redeemed. In a closing: refused while a
 * redemption waits for payment or fulfilment; afterwards the shipping snapshot loses the person.
 */
export function createPointsMallMemberData(): MemberParticipant {
  return {
    name: 'points_mall',
    async merge(trx, e) {
      const r = await trx
        .updateTable('points_mall_redemptions')
        .set({ member_id: e.survivorId })
        .where('member_id', '=', e.absorbedId)
        .executeTakeFirst();
      for (const t of await trx.selectFrom('points_mall_member_totals').selectAll().where('member_id', '=', e.absorbedId).execute()) {
        await trx
          .insertInto('points_mall_member_totals')
          .values({ item_id: t.item_id, member_id: e.survivorId, redeemed: t.redeemed })
          .onConflict((oc) => oc.columns(['item_id', 'member_id']).doUpdateSet({ redeemed: sql`points_mall_member_totals.redeemed + ${t.redeemed}` }))
          .execute();
      }
      await trx.deleteFrom('points_mall_member_totals').where('member_id', '=', e.absorbedId).execute();
      for (const d of await trx.selectFrom('points_mall_member_days').selectAll().where('member_id', '=', e.absorbedId).execute()) {
        await trx
          .insertInto('points_mall_member_days')
          .values({ item_id: d.item_id, member_id: e.survivorId, business_date: d.business_date, redeemed: d.redeemed })
          .onConflict((oc) =>
            oc.columns(['item_id', 'member_id', 'business_date']).doUpdateSet({ redeemed: sql`points_mall_member_days.redeemed + ${d.redeemed}` }),
          )
          .execute();
      }
      await trx.deleteFrom('points_mall_member_days').where('member_id', '=', e.absorbedId).execute();
      return { moved: { points_mall_redemptions: Number(r.numUpdatedRows) } };
    },
    async unfinished(executor, memberId): Promise<Record<string, Record<string, string>[]>> {
      const open = await executor
        .selectFrom('points_mall_redemptions')
        .select(['redemption_no', 'status', 'item_snapshot'])
        .where('member_id', '=', memberId)
        .where('status', 'in', ['awaiting_payment', 'awaiting_fulfilment'])
        .limit(20)
        .execute();
      // What each is, for the shopper: the item's title as redeemed.
      const titleOf = (snapshot: string) => readJsonOr(snapshot, z.object({ title: z.string() }), { title: '' }).title;
      return open.length > 0
        ? { redemptions: open.map((o) => ({ redemptionNo: o.redemption_no, status: o.status, title: titleOf(o.item_snapshot) })) }
        : {};
    },
    async close(trx, e) {
      const rows = await trx
        .selectFrom('points_mall_redemptions')
        .select(['id', 'address'])
        .where('member_id', '=', e.memberId)
        .where('address', 'is not', null)
        .execute();
      for (const row of rows)
        await trx
          .updateTable('points_mall_redemptions')
          .set({ address: anonymiseAddressJson(row.address!), updated_at: e.at })
          .where('id', '=', row.id)
          .execute();
    },
    describe: (executor, memberId) =>
      executor
        .selectFrom('points_mall_redemptions')
        .select(['redemption_no', 'kind', 'quantity', 'points', 'cash_fen', 'status', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
  };
}
