import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { TierBirthdayGifts } from './tier-birthday-gifts.js';
import type { TiersService } from './tiers.service.js';

/** Moves members up after a ladder change, reviews ended tier holds and gives due birthday gifts every `intervalMs` (default 10 minutes); safe in several processes. */
export function startTiersJob(deps: { tiers: TiersService; birthdayGifts: TierBirthdayGifts; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 10 * 60_000, async () => {
    try {
      await deps.tiers.upgradeAfterLadderChange();
      await deps.tiers.reviewDue();
      await deps.birthdayGifts.grantDue();
    } catch (err) {
      deps.logger.error({ err }, 'tiers job failed');
    }
  });
}
