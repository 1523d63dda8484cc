import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { MessageReminders } from './messages-reminders.js';
import type { MessagesService } from './messages.service.js';

/**
 * The outbox (decision 045): every `intervalMs`, sends the messages due, after the transactions that wrote them have
 * committed. Safe in several processes (each message is claimed by a conditional update; each consent spent by one).
 */
export function startMessageDeliveryJob(deps: { messages: MessagesService; clock: Clock; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 2_000, () =>
    deps.messages
      .deliverDue(deps.clock.now())
      .then((run) => {
        if (run.claimed > 0 || run.abandoned > 0) deps.logger.info(run, 'subscription messages delivered');
      })
      .catch((err) => deps.logger.error({ err }, 'delivering subscription messages failed')),
  );
}

/** The reminders (points and coupons about to expire, the evening check-in reminder), every `intervalMs` (15 min). */
export function startMessageRemindersJob(deps: { reminders: MessageReminders; clock: Clock; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 15 * 60_000, () =>
    deps.reminders
      .run(deps.clock.now())
      .then((run) => {
        if (run.pointsExpiring + run.couponExpiring + run.checkInReminders > 0) deps.logger.info(run, 'reminder messages written');
      })
      .catch((err) => deps.logger.error({ err }, 'writing reminder messages failed')),
  );
}
