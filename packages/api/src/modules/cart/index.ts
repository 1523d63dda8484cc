export { createCartService, type CartService } from './cart.service.js';
export { cartRoutes } from './cart.routes.js';
export { createCartMemberData } from './cart.member-data.js';
