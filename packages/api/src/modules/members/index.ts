export {
  createMembersService,
  membersTestHooks,
  newNickname,
  type MemberCard,
  type MembersService,
  type MembersTestHooks,
} from './members.service.js';
export { memberProfileRoutes, merchantMemberRoutes } from './members.routes.js';
export {
  maskPhone,
  moveMemberRows,
  normalisePhone,
  MEMBER_STEPS,
  type MemberParticipant,
  type MemberMergeEvent,
  type MergeStepReport,
} from './member-data.js';
export { mergeStepNames, type MergeFault } from './members.merge.js';
