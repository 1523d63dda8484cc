import type {
  InvitationLeaderboard,
  InvitationRules,
  InvitationRulesView,
  MerchantInvitationPage,
  MerchantInvitationQuery,
  MyInvitations,
} from '@siyu/shared';
import type { MemberParticipant } from '../members/events.js';
import type { OrderParticipant } from '../orders/events.js';
import type { SharesParticipant } from '../shares/events.js';
import { createInvitationViews } from './invitations-views.js';
import { createInvitationsMemberData } from './invitations.member-data.js';
import { createInvitationsCore, type InvitationsDeps } from './invitations.service.js';

export interface InvitationsService {
  /** The merchant's rules. */
  rules(): Promise<InvitationRules>;
  /** Sets the rules; unknown coupon templates are a 400 naming the field. Rewards promised at binding keep their terms. */
  updateRules(next: InvitationRules, staffId: number): Promise<InvitationRules>;
  /** What a shopper sees of the rules. */
  rulesView(): Promise<InvitationRulesView>;
  /** The member's invitations, newest first, with the reward's state and the invitees' masked names. */
  mine(memberId: number): Promise<MyInvitations>;
  /** The month's leaderboard of inviters (masked names), with the member's own rank. */
  leaderboard(memberId: number, month?: string): Promise<InvitationLeaderboard>;
  /** Invitations for staff, newest first, with risk flags. */
  merchantPage(query: MerchantInvitationQuery): Promise<MerchantInvitationPage>;
  /** Staff withhold a bound or pending reward (404 unknown; 409 settled). */
  withhold(id: number, staffId: number, reason: string): Promise<void>;
  /** Grants the rewards due at `now`, each once; safe to re-run (the job, the test hooks). */
  grantDue(now?: Date, batch?: number): Promise<{ granted: number; voided: number }>;
  /** Binds new members on the shares module's `landed` event. */
  readonly sharesParticipant: SharesParticipant;
  /** The invitee's first paid order and its refunds. */
  readonly orderParticipant: OrderParticipant;
  /** Invitations in a member's merge, closing and privacy view. */
  readonly memberParticipant: MemberParticipant;
}

export function createInvitationsService(deps: InvitationsDeps): InvitationsService {
  const core = createInvitationsCore(deps);
  const views = createInvitationViews({ ...deps, rules: core.rules });
  return {
    rules: core.rules,
    updateRules: core.updateRules,
    async rulesView() {
      const r = await core.rules();
      return {
        enabled: r.enabled,
        refundWindowDays: r.refundWindowDays,
        inviterReward: r.inviterReward,
        inviteeWelcome: r.inviteeWelcome,
        dailyCapPerInviter: r.dailyCapPerInviter,
        requirePhone: r.requirePhone,
      };
    },
    mine: views.mine,
    leaderboard: views.leaderboard,
    merchantPage: views.merchantPage,
    withhold: core.withhold,
    grantDue: core.grantDue,
    sharesParticipant: core.sharesParticipant,
    orderParticipant: core.orderParticipant,
    memberParticipant: createInvitationsMemberData(deps),
  };
}
