export { createMembersService, type MemberParticipant, type MembersService } from './members.service.js';
export { memberProfileRoutes, merchantMemberRoutes } from './members.routes.js';
export {
  maskPhone,
  moveMemberRows,
  normalisePhone,
  type MemberDataParticipant,
  type MemberMergeEvent,
  type MergeStepReport,
} from './member-data.js';
export { mergeStepNames, type MergeFault } from './members.merge.js';
