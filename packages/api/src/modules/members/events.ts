// The members module's events and participant interface, on their own: a leaf that the modules taking part import
// without importing the members module (no import loop; scripts/check-cycles.mjs).
export { MEMBER_STEPS, moveMemberRows, type MemberMergeEvent, type MemberParticipant, type MergeStepReport } from './member-data.js';
