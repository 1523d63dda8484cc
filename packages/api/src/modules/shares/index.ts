export { createSharesService, newShareId, type MemberTouches, type OrderAttribution, type SharesService } from './shares.service.js';
export { shareRoutes } from './shares.routes.js';
export { SHARES_STEPS, type ShareFacts, type ShareLandedEvent, type SharesParticipant } from './events.js';
