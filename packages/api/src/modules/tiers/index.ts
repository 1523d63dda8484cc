export { createTiersService, type GrowthInput, type TiersService } from './tiers.service.js';
export { createTierBirthdayGifts, type TierBirthdayGifts } from './tier-birthday-gifts.js';
export { tierRoutes, merchantTierRoutes } from './tiers.routes.js';
export { startTiersJob } from './tiers.job.js';
export { DEFAULT_TIER_RULES, TIER_RULES } from './tiers-rules.js';
export { createTiersMemberData } from './tiers.member-data.js';
