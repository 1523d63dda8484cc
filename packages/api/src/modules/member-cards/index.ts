export { createMemberCardsService, ESTIMATE_DAYS, REMINDER_DAYS, type MemberCardsService } from './member-cards.service.js';
export { memberCardRoutes, merchantMemberCardRoutes } from './member-cards.routes.js';
export { startMemberCardsJob } from './member-cards.job.js';
export { createMemberCardsMemberData } from './member-cards.member-data.js';
export { MEMBER_CARD_STEPS, type MemberCardExpiringEvent, type MemberCardParticipant } from './events.js';
