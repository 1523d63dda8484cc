export { createAuthService, createSessionStore, type AuthService } from './auth.service.js';
export { memberAuthRoutes, staffAuthRoutes } from './auth.routes.js';
