import type { PointsRules } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { lockForTransaction } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import * as repo from './points.repository.js';
import type { PointsLedger } from './points-ledger.js';

/** The points jobs: pending points maturing, lots expiring. Each unit of work is a guarded update in its own transaction. */
export function createPointsJobs(deps: { db: DB; clock: Clock; rulesOf: (executor?: Executor) => Promise<PointsRules>; ledger: PointsLedger }) {
  const { db, clock, rulesOf } = deps;
  const { credit, insertEntry } = deps.ledger;
  return {
    /** Pending points whose refund window has passed become available, once each (safe to run anywhere, any time). */
    async matureDue(now: Date = clock.now(), batch = 200): Promise<number> {
      let matured = 0;
      for (const due of await repo.dueToMature(db, now.toISOString(), batch)) {
        await inTransaction(db, async (trx) => {
          // Read again under the row's lock: a refund may have cut what is left since the list was read.
          const p = await repo.lockPending(trx, due.id);
          if (p?.status !== 'pending') return;
          const remaining = p.remaining;
          if (!(await repo.settlePending(trx, p.id, remaining > 0 ? 'matured' : 'cancelled', now.toISOString()))) return;
          if (remaining === 0) return;
          const { entryId } = await credit(trx, {
            memberId: p.member_id,
            amount: remaining,
            kind: 'earn',
            reason: 'order',
            sourceKey: p.source_key,
            note: null,
            at: now.toISOString(),
            rules: await rulesOf(trx),
          });
          await repo.linkPendingEntry(trx, p.id, entryId);
          matured += 1;
        });
      }
      return matured;
    },

    /** Lots past their expiry lose what is left, each once, with an expire entry (safe to run anywhere, any time). */
    async expireDue(now: Date = clock.now(), batch = 200): Promise<number> {
      let expired = 0;
      for (const lot of await repo.dueLots(db, now.toISOString(), batch)) {
        await inTransaction(db, async (trx) => {
          const memberId = lot.member_id;
          await lockForTransaction(trx, 'points', memberId);
          const row = { id: lot.id, remaining: lot.remaining, expired: lot.expired };
          if (!(await repo.expireLot(trx, row))) return;
          await insertEntry(trx, {
            memberId,
            delta: -row.remaining,
            kind: 'expire',
            reason: 'expiry',
            sourceKey: `expiry:lot:${row.id}:${row.expired}`,
            at: now.toISOString(),
          });
          if ((await repo.moveBalance(trx, memberId, -row.remaining, now.toISOString())) === undefined) {
            throw new AppError('INTERNAL', `member ${memberId}'s balance is below their lots`);
          }
          expired += 1;
        });
      }
      return expired;
    },
  };
}
