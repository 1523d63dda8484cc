export { createStaffService, type StaffService } from './staff.service.js';
