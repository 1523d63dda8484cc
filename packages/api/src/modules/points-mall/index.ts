export { createPointsMallService, type PointsMallService } from './points-mall.service.js';
export { createPointsMallItems } from './points-mall-items.js';
export { createPointsMallParticipant } from './points-mall-settlement.js';
export { pointsMallRoutes, merchantPointsMallRoutes } from './points-mall.routes.js';
export { createPointsMallMemberData } from './points-mall.member-data.js';
