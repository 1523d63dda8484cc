export { createStaffService, type StaffService } from './staff.service.js';
export { merchantStaffRoutes } from './staff.routes.js';
