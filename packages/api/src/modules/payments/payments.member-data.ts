import type { MemberParticipant } from '../members/events.js';

/** Refunds in a merge (they follow their orders to the survivor) and a closing (refused while one is under way). */
export function createPaymentsMemberData(): MemberParticipant {
  return {
    name: 'refunds',
    async merge(trx, e) {
      const r = await trx.updateTable('refunds').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      return { moved: { refunds: Number(r.numUpdatedRows) } };
    },
    async unfinished(executor, memberId): Promise<Record<string, Record<string, string>[]>> {
      const open = await executor
        .selectFrom('refunds')
        .select(['refund_no', 'status'])
        .where('member_id', '=', memberId)
        .where('status', 'in', ['requested', 'processing'])
        .orderBy('id')
        .limit(20)
        .execute();
      return open.length > 0 ? { refunds: open.map((r) => ({ refundNo: r.refund_no, status: r.status })) } : {};
    },
  };
}
