import { DistributionSettings } from '@siyu/shared';
import { defineSetting } from '../settings/index.js';

export const DEFAULT_DISTRIBUTION_SETTINGS: DistributionSettings = {
  enabled: true,
  qualification: { mode: 'apply', minTierLevel: 2, task: { checkIns: 7, paidOrder: true } },
  binding: { touch: 'first', days: 30 },
  levels: 2,
  selfPurchase: false,
  settleAfterDays: 7,
  withdrawal: { minFen: 100, feeBp: 0, dailyCapFen: 500_000 },
};

export const DISTRIBUTION_SETTINGS = defineSetting('distribution.settings', DistributionSettings, DEFAULT_DISTRIBUTION_SETTINGS);
