export { createStaffService, STAFF_STEPS, type StaffParticipant, type StaffService } from './staff.service.js';
export { merchantStaffRoutes } from './staff.routes.js';
