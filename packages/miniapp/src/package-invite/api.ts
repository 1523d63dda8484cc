/**
 * The API as package-invite's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, get } from '../api/client';
import { issueShare, shareCode } from '../api/sub-shared';

export const api = {
  ...main,
  issueShare,
  shareCode,
  invitationRules: () => get('/api/v1/invitations/rules'),
  myInvitations: () => get('/api/v1/me/invitations'),
  invitationLeaderboard: () => get('/api/v1/invitations/leaderboard'),
};
