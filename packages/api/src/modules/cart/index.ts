export { createCartService, type CartService } from './cart.service.js';
export { cartRoutes } from './cart.routes.js';
