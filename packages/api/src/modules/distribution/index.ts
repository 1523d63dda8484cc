export { createDistributionService, type DistributionService, type Sharer } from './distribution.service.js';
export { distributionRoutes, merchantDistributionRoutes, payoutNotifyRoutes } from './distribution.routes.js';
export { startDistributionJob } from './distribution.job.js';
export { DEFAULT_DISTRIBUTION_SETTINGS, DISTRIBUTION_SETTINGS } from './distribution-settings.js';
export { commissionFor, commissionOn, lineAfterRefund, rateFor, withdrawalFee } from './commission-rules.js';
export { createDistributionMemberData } from './distribution.member-data.js';
