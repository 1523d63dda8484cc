import type { Logger } from '../../lib/logger.js';
import { startPeriodicJob } from '../../lib/periodic-job.js';
import type { InvitationsService } from './invitations.js';

/** Grants the inviters' rewards that are due every `intervalMs` (default 10 minutes); safe in several processes. */
export function startInvitationsJob(deps: { invitations: Pick<InvitationsService, 'grantDue'>; logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 10 * 60_000, async () => {
    try {
      const { granted, voided } = await deps.invitations.grantDue();
      if (granted + voided > 0) deps.logger.info({ granted, voided }, 'invitations: rewards granted');
    } catch (err) {
      deps.logger.error({ err }, 'invitations job failed');
    }
  });
}
