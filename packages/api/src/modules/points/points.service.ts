import type { PointsEntry, PointsLedgerPage } from '@siyu/shared';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, type Executor } from '../../lib/transaction.js';
import * as repo from './points.repository.js';

export interface CreditInput {
  memberId: number;
  delta: number;
  reason: PointsEntry['reason'];
  /** Unique per member and source event ("check-in:2026-11-22"): a retried event cannot credit twice. */
  sourceKey: string;
  note?: string | null;
  at: Date;
}

export type PointsService = ReturnType<typeof createPointsService>;

/** The points ledger: append-only entries; the member's balance is their sum, cached on the member row. */
export function createPointsService() {
  return {
    /**
     * Appends one entry and moves the balance in the same transaction. Throws CONFLICT when the
     * source key was already credited (callers inside a larger flow let it roll the flow back).
     */
    async post(db: Executor, input: CreditInput): Promise<{ entryId: number; balance: number }> {
      if (!Number.isSafeInteger(input.delta) || input.delta === 0) throw new RangeError('points delta must be a non-zero integer');
      return inTransaction(db, async (trx) => {
        const createdAt = input.at.toISOString();
        let entryId: number;
        try {
          entryId = Number((await repo.insertLedgerEntry(trx, { ...input, createdAt })).id);
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError('CONFLICT', `points for ${input.sourceKey} were already posted`);
          throw err;
        }
        const balance = await repo.applyToBalance(trx, input.memberId, input.delta, createdAt);
        return { entryId, balance };
      });
    },

    balance: (db: Executor, memberId: number): Promise<number> => repo.findBalance(db, memberId),

    /** The member's own ledger, newest first, paged by entry id. */
    async ledgerPage(db: Executor, memberId: number, limit: number, cursor?: number): Promise<PointsLedgerPage> {
      const [rows, balance] = await Promise.all([repo.listLedger(db, memberId, limit + 1, cursor), this.balance(db, memberId)]);
      const page = rows.slice(0, limit);
      return {
        balance,
        entries: page.map((r) => ({
          id: Number(r.id),
          delta: Number(r.delta),
          reason: r.reason,
          sourceKey: r.source_key,
          note: r.note,
          createdAt: r.created_at,
        })),
        nextCursor: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
      };
    },

    /** For audits and tests: the balance recomputed from the ledger. */
    ledgerSum: (db: Executor, memberId: number) => repo.sumLedger(db, memberId),
  };
}
