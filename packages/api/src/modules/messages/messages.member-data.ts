import { type MemberParticipant, moveMemberRows } from '../members/events.js';

/**
 * Messages in a merge: the inbox, consents and the reminder opt-in move to the survivor (a message both got for the
 * same event stays once: the survivor's; an opt-in either gave stays on). In a closing every message, consent and
 * preference is deleted (they are personal, and nothing the merchant must keep). The privacy view lists consents.
 */
export function createMessagesMemberData(): MemberParticipant {
  return {
    name: 'messages',
    async merge(trx, e) {
      const messages = await moveMemberRows(trx, 'messages', ['source_key'], e);
      const consents = await moveMemberRows(trx, 'message_consents', [], e);
      const absorbed = await trx.selectFrom('message_preferences').selectAll().where('member_id', '=', e.absorbedId).executeTakeFirst();
      if (absorbed) {
        await trx.deleteFrom('message_preferences').where('member_id', '=', e.absorbedId).execute();
        await trx
          .insertInto('message_preferences')
          .values({ member_id: e.survivorId, check_in_reminder: absorbed.check_in_reminder, updated_at: e.at })
          .onConflict((oc) =>
            oc.column('member_id').doUpdateSet((eb) => ({
              check_in_reminder: eb.case().when('message_preferences.check_in_reminder', '=', 1).then(1).else(absorbed.check_in_reminder).end(),
              updated_at: e.at,
            })),
          )
          .execute();
      }
      return { moved: { messages, message_consents: consents } };
    },
    async close(trx, e) {
      await trx.deleteFrom('message_consents').where('member_id', '=', e.memberId).execute();
      await trx.deleteFrom('messages').where('member_id', '=', e.memberId).execute();
      await trx.deleteFrom('message_preferences').where('member_id', '=', e.memberId).execute();
    },
    describe: async (executor, memberId) => {
      const [consents, messages, prefs] = await Promise.all([
        executor
          .selectFrom('message_consents')
          .select(['platform', 'template_id', 'answer', 'asked_at', 'used_at'])
          .where('member_id', '=', memberId)
          .orderBy('id', 'desc')
          .execute(),
        executor
          .selectFrom('messages')
          .select(['kind', 'title', 'created_at', 'read_at', 'delivery'])
          .where('member_id', '=', memberId)
          .orderBy('id', 'desc')
          .execute(),
        executor.selectFrom('message_preferences').select(['check_in_reminder']).where('member_id', '=', memberId).executeTakeFirst(),
      ]);
      return { consents, messages, checkInReminder: prefs?.check_in_reminder === 1 };
    },
  };
}
