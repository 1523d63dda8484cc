export { createMembersService, type MemberParticipant, type MembersService } from './members.service.js';
export { merchantMemberRoutes } from './members.routes.js';
