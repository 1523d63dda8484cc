import type { MemberParticipant } from '../members/events.js';

/**
 * Coupons in a merge: every coupon both members held is kept by the survivor, used or not (each was claimed or given
 * within its limit). A template both held coupons of numbers the absorbed member's after the survivor's (claim_seq
 * continues), raising those coupons' recorded per-member limit to their number; the survivor's next claim of that
 * template takes the number after them and so is refused while the pair already holds the template's limit
 * (decision 019). A gift both got for the same source (the new-member pack) is kept twice, its source reference marked
 * with the absorbed member. Redeemed codes and targeted-issue results follow.
 */
export function createCouponsMemberData(): MemberParticipant {
  return {
    name: 'coupons',
    async merge(trx, e) {
      const absorbed = await trx
        .selectFrom('coupons')
        .select(['id', 'template_id', 'claim_seq', 'per_member_limit', 'source', 'source_ref'])
        .where('member_id', '=', e.absorbedId)
        .orderBy('template_id')
        .orderBy('claim_seq')
        .execute();
      const offsets = new Map<number, number>();
      for (const row of await trx
        .selectFrom('coupons')
        .select((eb) => ['template_id', eb.fn.max('claim_seq').as('seq')])
        .where('member_id', '=', e.survivorId)
        .groupBy('template_id')
        .execute())
        offsets.set(row.template_id, row.seq);
      const survivorSources = new Set(
        (
          await trx
            .selectFrom('coupons')
            .select(['template_id', 'source', 'source_ref'])
            .where('member_id', '=', e.survivorId)
            .where('source_ref', 'is not', null)
            .execute()
        ).map((r) => `${r.template_id}|${r.source}|${r.source_ref}`),
      );
      for (const c of absorbed) {
        const seq = c.claim_seq + (offsets.get(c.template_id) ?? 0);
        const twin = c.source_ref !== null && survivorSources.has(`${c.template_id}|${c.source}|${c.source_ref}`);
        await trx
          .updateTable('coupons')
          .set({
            member_id: e.survivorId,
            claim_seq: seq,
            per_member_limit: Math.max(c.per_member_limit, seq),
            ...(twin ? { source_ref: `${c.source_ref}#merged:${e.absorbedId}` } : {}),
            updated_at: e.at,
          })
          .where('id', '=', c.id)
          .execute();
      }
      await trx.updateTable('coupon_codes').set({ redeemed_by: e.survivorId }).where('redeemed_by', '=', e.absorbedId).execute();
      await trx
        .updateTable('coupon_issue_results')
        .set({ member_id: e.survivorId })
        .where('member_id', '=', e.absorbedId)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('coupon_issue_results as s')
                .select('s.id')
                .whereRef('s.job_id', '=', 'coupon_issue_results.job_id')
                .where('s.member_id', '=', e.survivorId),
            ),
          ),
        )
        .execute();
      return { moved: { coupons: absorbed.length } };
    },
    describe: (executor, memberId) =>
      executor
        .selectFrom('coupons')
        .select(['id', 'name', 'kind', 'status', 'valid_from', 'valid_until', 'source', 'claimed_at', 'used_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
  };
}
