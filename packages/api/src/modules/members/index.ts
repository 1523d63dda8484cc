export { createMembersService, type MemberParticipant, type MembersService } from './members.service.js';
