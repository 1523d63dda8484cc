export { CHECK_IN_RULES, createCheckInService, type CheckInService, type CheckInParticipant, CHECK_IN_STEPS } from './check-in.service.js';
export { checkInRoutes, merchantCheckInRoutes } from './check-in.routes.js';
export { createCheckInMemberData } from './check-in.member-data.js';
export { cycleOf, DEFAULT_CHECK_IN_RULES, dailyReward, rewardForStreakDay } from './check-in.rules.js';
export { checkInStateOn } from './check-in-reach.js';
