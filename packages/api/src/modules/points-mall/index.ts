export { createPointsMallItems, createPointsMallParticipant, createPointsMallService, type PointsMallService } from './points-mall.service.js';
export { pointsMallRoutes, merchantPointsMallRoutes } from './points-mall.routes.js';
export { createPointsMallMemberData } from './points-mall.member-data.js';
