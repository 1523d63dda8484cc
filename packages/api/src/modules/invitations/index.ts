export { createInvitationsService, type InvitationsService } from './invitations.js';
export { invitationRoutes, merchantInvitationRoutes } from './invitations.routes.js';
export { startInvitationsJob } from './invitations.job.js';
export { DEFAULT_INVITATION_RULES, INVITATION_RULES } from './invitations.rules.js';
export { createInvitationsMemberData } from './invitations.member-data.js';
