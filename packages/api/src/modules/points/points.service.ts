import { randomUUID } from 'node:crypto';
import type { MerchantPointsLedgerPage, PointsAdjustmentRequest, PointsAdjustmentResult, PointsEntry, PointsLedgerPage } from '@siyu/shared';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/dialect.js';
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
  /** The staff member behind a manual adjustment. */
  staffId?: number | null;
}

export type PointsService = ReturnType<typeof createPointsService>;

/** The points ledger: append-only entries; the member's balance is their sum, cached in points_accounts (decision 004). */
export function createPointsService() {
  return {
    /**
     * Appends one entry and moves the balance in the same transaction. Throws CONFLICT when the source key was already
     * posted (callers inside a larger flow let it roll the flow back), INSUFFICIENT_POINTS when a debit is more than the
     * balance (invariant 3: nothing is written), NOT_FOUND for an unknown member.
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
          if (isForeignKeyViolation(err)) throw new AppError('NOT_FOUND', `member ${input.memberId} not found`);
          throw err;
        }
        const balance = await repo.applyToBalance(trx, input.memberId, input.delta, createdAt);
        if (balance === undefined) {
          const has = await repo.findBalance(trx, input.memberId);
          throw new AppError('INSUFFICIENT_POINTS', `the balance is ${has}; cannot spend ${-input.delta}`, { balance: has });
        }
        return { entryId, balance };
      });
    },

    balance: (db: Executor, memberId: number): Promise<number> => repo.findBalance(db, memberId),

    async balances(db: Executor, memberIds: number[]): Promise<Map<number, number>> {
      return new Map((await repo.findBalances(db, memberIds)).map((r) => [Number(r.member_id), Number(r.balance)]));
    },

    /** The member's own ledger, newest first, paged by entry id. */
    async ledgerPage(db: Executor, memberId: number, limit: number, cursor?: number): Promise<PointsLedgerPage> {
      const page = await this.merchantLedgerPage(db, memberId, limit, cursor);
      return { ...page, entries: page.entries.map(({ staffId: _staffId, ...entry }) => entry) };
    },

    /** A member's ledger for the merchant: the same, with the staff member behind each manual adjustment. */
    async merchantLedgerPage(db: Executor, memberId: number, limit: number, cursor?: number): Promise<MerchantPointsLedgerPage> {
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
          staffId: r.staff_id === null ? null : Number(r.staff_id),
        })),
        nextCursor: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
      };
    },

    /**
     * A manual grant or deduction by staff, as one ledger entry with its own source key (`adjustment:<key>`; the
     * client's key makes a resent request post nothing twice). The balance never goes below zero: the database's
     * CHECK refuses it, whatever else spends at the same moment, and the entry rolls back with it.
     */
    async adjust(db: Executor, memberId: number, staffId: number, input: PointsAdjustmentRequest, at: Date): Promise<PointsAdjustmentResult> {
      const sourceKey = `adjustment:${input.key ?? randomUUID()}`;
      try {
        const { entryId, balance } = await this.post(db, {
          memberId,
          delta: input.delta,
          reason: 'adjustment',
          sourceKey,
          note: input.reason,
          at,
          staffId,
        });
        return {
          balance,
          entry: { id: entryId, delta: input.delta, reason: 'adjustment', sourceKey, note: input.reason, createdAt: at.toISOString(), staffId },
        };
      } catch (err) {
        if (err instanceof AppError && err.code === 'INSUFFICIENT_POINTS') {
          const balance = await this.balance(db, memberId);
          throw new AppError('INSUFFICIENT_POINTS', `the balance is ${balance}; cannot deduct ${-input.delta}`, {
            balance,
            issues: [{ field: 'delta', message: `at most ${balance} can be deducted` }],
          });
        }
        if (err instanceof AppError && err.code === 'CONFLICT') {
          throw new AppError('CONFLICT', 'this adjustment was already posted', { issues: [{ field: 'key', message: 'already posted' }] });
        }
        throw err;
      }
    },

    /** For audits and tests: the balance recomputed from the ledger. */
    ledgerSum: (db: Executor, memberId: number) => repo.sumLedger(db, memberId),
  };
}
