import { sql } from 'kysely';
import type { MemberParticipant } from '../members/events.js';

/** The cart line's quantity limit (CHECK quantity between 1 and 99). */
const MAX_LINE_QUANTITY = 99;

/**
 * Cart lines in a merge: a SKU both carts hold becomes one line with the quantities added (at most 99, the line's
 * limit), the other lines move; in a closing the cart is emptied.
 */
export function createCartMemberData(): MemberParticipant {
  return {
    name: 'cart',
    async merge(trx, e) {
      const twins = await trx
        .selectFrom('cart_lines as a')
        .innerJoin('cart_lines as s', (j) => j.onRef('s.sku_id', '=', 'a.sku_id').on('s.member_id', '=', e.survivorId))
        .select(['a.id as absorbedLine', 's.id as survivorLine', 'a.quantity as quantity'])
        .where('a.member_id', '=', e.absorbedId)
        .execute();
      for (const t of twins) {
        await trx
          .updateTable('cart_lines')
          .set({
            quantity:
              sql`case when quantity + ${t.quantity} > ${MAX_LINE_QUANTITY} then ${MAX_LINE_QUANTITY} else quantity + ${t.quantity} end` as never,
            updated_at: e.at,
          })
          .where('id', '=', t.survivorLine)
          .execute();
        await trx.deleteFrom('cart_lines').where('id', '=', t.absorbedLine).execute();
      }
      const r = await trx.updateTable('cart_lines').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      return { moved: { cart_lines: Number(r.numUpdatedRows) + twins.length } };
    },
    async close(trx, e) {
      await trx.deleteFrom('cart_lines').where('member_id', '=', e.memberId).execute();
    },
    describe: (executor, memberId) =>
      executor.selectFrom('cart_lines').select(['sku_id', 'quantity', 'created_at']).where('member_id', '=', memberId).orderBy('id').execute(),
  };
}
