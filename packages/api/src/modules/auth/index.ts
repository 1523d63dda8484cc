export { STAFF_LOGIN_MAX_DELAY_MS, createAuthService, createAuthStaffParticipant, type AuthService } from './auth.service.js';
export { memberAuthRoutes, staffAuthRoutes } from './auth.routes.js';
export { createAuthMemberData } from './auth.member-data.js';
