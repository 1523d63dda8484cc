import { type MemberParticipant, moveMemberRows } from '../members/events.js';
import { countsByKind } from './events.repository.js';

/**
 * Behaviour events in a merge: they move to the survivor (each event is its own row, nothing doubles); in a closing
 * they are deleted (the daily rollups hold no member and stay). The privacy view lists how many of each kind.
 * Rollups already built are not rebuilt for a merge: a day's distinct visitors stay what they were that day.
 */
export function createEventsMemberData(): MemberParticipant {
  return {
    name: 'events',
    async merge(trx, e) {
      return { moved: { member_events: await moveMemberRows(trx, 'member_events', [], e) } };
    },
    async close(trx, e) {
      await trx.deleteFrom('member_events').where('member_id', '=', e.memberId).execute();
    },
    describe: async (executor, memberId) => Object.fromEntries((await countsByKind(executor, memberId)).map((r) => [r.kind, Number(r.n)])),
  };
}
