export { createAnalyticsService, type AnalyticsService, DASHBOARD_DAYS } from './analytics.service.js';
export { merchantAnalyticsRoutes } from './analytics.routes.js';
