import { InvitationRules } from '@siyu/shared';
import { defineSetting } from '../settings/index.js';

/** Until the merchant sets them: on, with no rewards (a merchant chooses what an invitation is worth). */
export const DEFAULT_INVITATION_RULES: InvitationRules = {
  enabled: true,
  bindWindowDays: 30,
  refundWindowDays: 7,
  inviterReward: { points: 0, couponTemplateIds: [], growth: 0 },
  inviteeWelcome: { points: 0, couponTemplateIds: [] },
  dailyCapPerInviter: 20,
  requirePhone: false,
  riskAddressThreshold: 3,
};

export const INVITATION_RULES = defineSetting('invitations.rules', InvitationRules, DEFAULT_INVITATION_RULES);
