export { CHECK_IN_RULES, createCheckInService, type CheckInService } from './check-in.service.js';
export { checkInRoutes, merchantCheckInRoutes } from './check-in.routes.js';
export { createCheckInMemberData } from './check-in.member-data.js';
export { cycleOf, DEFAULT_CHECK_IN_RULES, dailyReward, rewardForStreakDay } from './check-in.rules.js';
