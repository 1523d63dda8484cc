import type { MemberParticipant } from '../members/events.js';
import type { TiersService } from './tiers.service.js';

/** Tier, growth, tier history and birthday gifts in a merge and the privacy view. */
export function createTiersMemberData(tiers: Pick<TiersService, 'mergeMembers'>): MemberParticipant {
  return {
    name: 'tiers',
    merge: (trx, e) => tiers.mergeMembers(trx, e),
    describe: async (executor, memberId) => ({
      tier: await executor
        .selectFrom('member_tiers')
        .select(['level', 'growth', 'reached_at', 'held_until'])
        .where('member_id', '=', memberId)
        .executeTakeFirst(),
      growth: await executor
        .selectFrom('growth_ledger')
        .select(['delta', 'reason', 'source_key', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
      changes: await executor
        .selectFrom('tier_changes')
        .select(['from_level', 'to_level', 'reason', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
    }),
  };
}
