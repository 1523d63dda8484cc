import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { GiftCardsService } from './gift-cards.service.js';

/** Returns unclaimed gift cards to their buyers every `intervalMs`; safe to run anywhere at once (a guarded move each). */
export function startGiftCardReturnJob(deps: { giftCards: GiftCardsService; clock: Clock; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 60_000, () =>
    deps.giftCards
      .returnUnclaimed(deps.clock.now())
      .then(({ returned }) => {
        if (returned > 0) deps.logger.info({ returned }, 'returned unclaimed gift cards to their buyers');
      })
      .catch((err) => deps.logger.error({ err }, 'returning unclaimed gift cards failed')),
  );
}
