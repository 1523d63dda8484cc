export { createPointsService, type PointsService, type CreditInput } from './points.service.js';
export { pointsRoutes, merchantPointsRoutes } from './points.routes.js';
