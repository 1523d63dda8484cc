import type { DB } from '../db/connection.js';
import type { Clock } from '../lib/clock.js';
import { type IdempotencySettings, purgeIdempotencyKeys } from '../lib/idempotency.js';
import type { Logger } from '../lib/logger.js';
import { startPeriodicJob } from '../lib/periodic-job.js';
import type { AuthService } from '../modules/auth/index.js';

export interface MaintenanceDeps {
  db: DB;
  clock: Clock;
  auth: AuthService;
  idempotency: IdempotencySettings;
}

/** One maintenance pass: expired sessions purged, expired idempotency keys forgotten, abandoned ones released. */
export async function runMaintenance(deps: MaintenanceDeps): Promise<{ sessions: number; idempotencyKeys: number }> {
  const sessions = await deps.auth.purgeExpiredSessions();
  const idempotencyKeys = await purgeIdempotencyKeys(deps.db, deps.clock.now(), deps.idempotency);
  return { sessions, idempotencyKeys };
}

/** Runs runMaintenance every `intervalMs` (default 10 minutes). Safe in several processes: each purge is one conditional delete. */
export function startMaintenanceJob(deps: MaintenanceDeps & { logger: Logger; intervalMs?: number }) {
  return startPeriodicJob(deps.intervalMs ?? 10 * 60_000, () =>
    runMaintenance(deps)
      .then((purged) => {
        if (purged.sessions + purged.idempotencyKeys > 0) deps.logger.info(purged, 'maintenance: purged');
      })
      .catch((err) => deps.logger.error({ err }, 'maintenance failed')),
  );
}
