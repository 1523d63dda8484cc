import { addDays } from '@siyu/shared';
import { moveMemberRows, type MemberParticipant } from '../members/events.js';
import { setStreak } from './check-in.repository.js';

/**
 * Check-ins in a merge: one check-in per member and business day (invariant 5) survives; a day both members checked in
 * keeps the survivor's row, the absorbed member's goes (its reward is reversed by the points step, which sees the same
 * source key twice). The other days move, with whatever columns they carry, and the survivor's stored streaks are
 * recounted over the merged days. Make-ups used in a cycle add up (the cycle's limit then counts both members'); a
 * cumulative reward both members received in one cycle stays once (its second credit is reversed by the points step).
 */
export function createCheckInMemberData(): MemberParticipant {
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
            twins.map((t) => t.id),
          )
          .execute();
      const r = await trx.updateTable('check_ins').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      const days = await trx
        .selectFrom('check_ins')
        .select(['business_date', 'streak'])
        .where('member_id', '=', e.survivorId)
        .orderBy('business_date')
        .execute();
      let previous: string | null = null;
      let streak = 0;
      for (const d of days) {
        streak = previous !== null && addDays(previous, 1) === d.business_date ? streak + 1 : 1;
        if (d.streak !== streak) await setStreak(trx, e.survivorId, d.business_date, streak);
        previous = d.business_date;
      }
      const counts = await trx.selectFrom('check_in_make_up_counts').select(['cycle_key', 'used']).where('member_id', '=', e.absorbedId).execute();
      for (const c of counts) {
        await trx
          .insertInto('check_in_make_up_counts')
          .values({ member_id: e.survivorId, cycle_key: c.cycle_key, used: c.used })
          .onConflict((oc) =>
            oc.columns(['member_id', 'cycle_key']).doUpdateSet((eb) => ({ used: eb(eb.ref('check_in_make_up_counts.used'), '+', c.used) })),
          )
          .execute();
      }
      await trx.deleteFrom('check_in_make_up_counts').where('member_id', '=', e.absorbedId).execute();
      const rewards = await moveMemberRows(trx, 'check_in_cycle_rewards', ['cycle_key', 'count'], e);
      return {
        moved: { check_ins: Number(r.numUpdatedRows), check_in_make_up_counts: counts.length, check_in_cycle_rewards: rewards },
        duplicateCheckInDays: twins.map((t) => t.day),
      };
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
