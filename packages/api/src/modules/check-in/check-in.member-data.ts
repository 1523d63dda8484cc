import type { MemberDataParticipant } from '../members/index.js';

/**
 * Check-ins in a merge: one check-in per member and business day (invariant 5) survives; a day both members checked in
 * keeps the survivor's row, the absorbed member's goes (its reward is reversed by the points step, which sees the same
 * source key twice). The other days move, with whatever columns they carry.
 */
export function createCheckInMemberData(): MemberDataParticipant {
  return {
    name: 'check_ins',
    async merge(trx, e) {
      const twins = await trx
        .selectFrom('check_ins as a')
        .innerJoin('check_ins as s', (j) => j.onRef('s.business_date', '=', 'a.business_date').on('s.member_id', '=', e.survivorId))
        .select(['a.id as id', 'a.business_date as day'])
        .where('a.member_id', '=', e.absorbedId)
        .orderBy('a.business_date')
        .execute();
      if (twins.length > 0)
        await trx
          .deleteFrom('check_ins')
          .where(
            'id',
            'in',
            twins.map((t) => Number(t.id)),
          )
          .execute();
      const r = await trx.updateTable('check_ins').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      return { moved: { check_ins: Number(r.numUpdatedRows) }, duplicateCheckInDays: twins.map((t) => t.day) };
    },
    describe: (executor, memberId) =>
      executor
        .selectFrom('check_ins')
        .select(['business_date', 'streak', 'reward', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('business_date')
        .execute(),
  };
}
