import type { MemberParticipant } from '../members/events.js';

/** Addresses in a merge (all move; the survivor's default stays the one default) and a closing (all deleted). */
export function createAddressesMemberData(): MemberParticipant {
  return {
    name: 'addresses',
    async merge(trx, e) {
      const survivorDefault = await trx
        .selectFrom('addresses')
        .select('id')
        .where('member_id', '=', e.survivorId)
        .where('is_default', '=', 1)
        .executeTakeFirst();
      if (survivorDefault) await trx.updateTable('addresses').set({ is_default: 0 }).where('member_id', '=', e.absorbedId).execute();
      const r = await trx.updateTable('addresses').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      return { moved: { addresses: Number(r.numUpdatedRows) } };
    },
    async close(trx, e) {
      await trx.deleteFrom('addresses').where('member_id', '=', e.memberId).execute();
    },
    describe: (executor, memberId) =>
      executor
        .selectFrom('addresses')
        .select(['id', 'name', 'phone', 'province', 'city', 'district', 'detail', 'is_default', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
  };
}
