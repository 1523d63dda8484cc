import type { MemberParticipant } from '../members/events.js';

/**
 * Sessions in a merge and a closing: the absorbed member's sessions now act as the survivor (their tokens keep
 * working, as the member they became); a closed member's sessions end, so the old token is refused.
 */
export function createAuthMemberData(): MemberParticipant {
  return {
    name: 'sessions',
    async merge(trx, e) {
      const r = await trx
        .updateTable('sessions')
        .set({ subject_id: e.survivorId })
        .where('subject_type', '=', 'member')
        .where('subject_id', '=', e.absorbedId)
        .executeTakeFirst();
      return { moved: { sessions: Number(r.numUpdatedRows) } };
    },
    async close(trx, e) {
      await trx.deleteFrom('sessions').where('subject_type', '=', 'member').where('subject_id', '=', e.memberId).execute();
    },
  };
}
