export { createAddressesService, type AddressesService } from './addresses.service.js';
export { addressRoutes } from './addresses.routes.js';
export { createAddressesMemberData } from './addresses.member-data.js';
