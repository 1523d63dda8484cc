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
        .select((eb) => [
          'refund_no',
          'status',
          // What it is, for the shopper: the refunded order's first line.
          eb
            .selectFrom('order_lines')
            .select('title')
            .whereRef('order_lines.order_id', '=', 'refunds.order_id')
            .orderBy('line_no')
            .limit(1)
            .as('title'),
        ])
        .where('member_id', '=', memberId)
        .where('status', 'in', ['requested', 'processing'])
        .orderBy('id')
        .limit(20)
        .execute();
      return open.length > 0 ? { refunds: open.map((r) => ({ refundNo: r.refund_no, status: r.status, title: r.title ?? '' })) } : {};
    },
  };
}
