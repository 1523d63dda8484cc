export { createPointsService, type PointsService, type PointsParticipant, POINTS_STEPS, type CreditInput } from './points.service.js';
export { pointsRoutes, merchantPointsRoutes } from './points.routes.js';
export { startPointsJob } from './points.job.js';
export { DEFAULT_POINTS_RULES, POINTS_RULES } from './points-rules.js';
export { createPointsMemberData } from './points.member-data.js';
export { pointsExpiringBetween } from './points-reach.js';
