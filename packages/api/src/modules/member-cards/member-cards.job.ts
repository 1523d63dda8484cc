import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { MemberCardsService } from './member-cards.service.js';

/** Ends expired cards, issues the month's coupon packs and records expiry reminders every `intervalMs` (default 10 minutes); safe in several processes. */
export function startMemberCardsJob(deps: { cards: MemberCardsService; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 10 * 60_000, async () => {
    try {
      await deps.cards.expireDue();
      await deps.cards.issueCouponPacks();
      await deps.cards.recordReminders();
    } catch (err) {
      deps.logger.error({ err }, 'member cards job failed');
    }
  });
}
