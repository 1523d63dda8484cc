export { createPhoneBindingService, type PhoneBindingService } from './phone.service.js';
export { phoneRoutes } from './phone.routes.js';
