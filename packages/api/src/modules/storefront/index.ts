export { createStorefrontService, DEFAULT_STOREFRONT_SETTINGS, STOREFRONT_SETTINGS, type StorefrontService } from './storefront.service.js';
export { merchantStorefrontRoutes, storefrontRoutes } from './storefront.routes.js';
