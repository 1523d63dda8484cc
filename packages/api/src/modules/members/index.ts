export { createMembersService, type MembersService } from './members.service.js';
