import type { MemberParticipant } from '../members/events.js';
import type { MembersService } from '../members/index.js';

const OPEN = ['bound', 'pending', 'over_cap'] as const;

/**
 * Invitations in a merge (decision 019, 035): the same phone on another platform is the same person. An invitation
 * between the two halves of one person is void ('self'); an invitee merged with a member who existed before the
 * invitation was not a new person ('not_new': void unless already granted); when both halves were invited, the
 * absorbed half's invitation is void ('merged'). Voided rows keep their member ids (the absorbed member row stays);
 * the rest change hands. The daily counts of the absorbed inviter go (they only held a cap). In a closing, the
 * hashed network address is forgotten; the invitations stay as records.
 */
export function createInvitationsMemberData(deps: { members: () => Pick<MembersService, 'cards'> }): MemberParticipant {
  return {
    name: 'invitations',
    async merge(trx, e) {
      const { survivorId: s, absorbedId: a, at } = e;
      const voidOpen = (reason: string) => trx.updateTable('invitations').set({ status: 'void', reason, settled_at: at }).where('status', 'in', OPEN);
      // One person inviting themselves.
      await voidOpen('self')
        .where((eb) =>
          eb.or([
            eb.and([eb('inviter_member_id', '=', s), eb('invitee_member_id', '=', a)]),
            eb.and([eb('inviter_member_id', '=', a), eb('invitee_member_id', '=', s)]),
          ]),
        )
        .execute();
      const asInvitee = await trx.selectFrom('invitations').selectAll().where('invitee_member_id', 'in', [s, a]).execute();
      const ofSurvivor = asInvitee.find((r) => r.invitee_member_id === s);
      const ofAbsorbed = asInvitee.find((r) => r.invitee_member_id === a);
      const cards = await deps.members().cards(trx, [s, a]);
      const createdOf = (id: number) => cards.get(id)?.createdAt ?? '';
      let moved = 0;
      if (ofAbsorbed && ofSurvivor) {
        await voidOpen('merged').where('id', '=', ofAbsorbed.id).execute();
      } else if (ofAbsorbed && ofAbsorbed.inviter_member_id !== s) {
        if (createdOf(s) < ofAbsorbed.bound_at) await voidOpen('not_new').where('id', '=', ofAbsorbed.id).execute();
        await trx.updateTable('invitations').set({ invitee_member_id: s }).where('id', '=', ofAbsorbed.id).execute();
        moved += 1;
      }
      if (ofSurvivor && !ofAbsorbed && ofSurvivor.inviter_member_id !== a && createdOf(a) < ofSurvivor.bound_at) {
        await voidOpen('not_new').where('id', '=', ofSurvivor.id).execute();
      }
      // The absorbed member's invitations as inviter (not those with the survivor, void above).
      const asInviter = await trx
        .updateTable('invitations')
        .set({ inviter_member_id: s })
        .where('inviter_member_id', '=', a)
        .where('invitee_member_id', '<>', s)
        .executeTakeFirst();
      await trx.deleteFrom('invitation_daily_counts').where('inviter_member_id', '=', a).execute();
      return { moved: { invitations: moved + Number(asInviter.numUpdatedRows) } };
    },
    async close(trx, e) {
      await trx.updateTable('invitations').set({ client_key: null }).where('invitee_member_id', '=', e.memberId).execute();
    },
    async describe(executor, memberId) {
      const invited = await executor
        .selectFrom('invitations')
        .select(['id', 'status', 'bound_at', 'settled_at'])
        .where('inviter_member_id', '=', memberId)
        .orderBy('bound_at', 'desc')
        .limit(200)
        .execute();
      const invitedBy = await executor
        .selectFrom('invitations')
        .select(['id', 'inviter_member_id', 'status', 'bound_at'])
        .where('invitee_member_id', '=', memberId)
        .executeTakeFirst();
      return { invited, invitedBy: invitedBy ?? null };
    },
  };
}
