export { createCatalogService, type CatalogService } from './catalog.service.js';
export { catalogRoutes, merchantCatalogRoutes } from './catalog.routes.js';
export { createOrderStockParticipant } from './order-stock.participant.js';
