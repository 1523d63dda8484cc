export { createPointsService, type PointsService, type CreditInput } from './points.service.js';
export { pointsRoutes } from './points.routes.js';
