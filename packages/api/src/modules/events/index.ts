export { createEventsService, EVENT_SETTINGS, type EventsService } from './events.service.js';
export { eventRoutes, merchantEventRoutes } from './events.routes.js';
export { createEventsMemberData } from './events.member-data.js';
export { startEventsRollupJob } from './events.job.js';
