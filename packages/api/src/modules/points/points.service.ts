import { type Participant, runStep } from '../../lib/participants.js';
import type { PointsAdjustmentRequest, PointsAdjustmentResult, PointsReason, PointsRules, PointsTask } from '@siyu/shared';
import { randomUUID } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { SettingsService } from '../settings/index.js';
import { POINTS_RULES } from './points-rules.js';
import * as repo from './points.repository.js';
import { createPointsCheckout } from './points-checkout.js';
import { type CreditInput, createPointsLedger } from './points-ledger.js';
import { createPointsJobs } from './points-jobs.js';
import { createPointsViews } from './points-views.js';
import type { MerchantPointsLedgerPage, PointsLedgerPage, PointsSummary } from '@siyu/shared';
import type { OrderParticipant } from '../orders/events.js';

export type { CreditInput } from './points-ledger.js';

export interface PointsService {
  /**
   * For audits and tests: the balance recomputed from the ledger.
   */
  ledgerSum(executor: Executor, memberId: number): Promise<number>;
  /**
   * For audits and tests: the ledger's sum, the open lots' sum, and the account.
   */
  audit(executor: Executor, memberId: number): Promise<{ ledger: number; lots: number; balance: number; debt: number }>;
  /**
   * Pending points whose refund window has passed become available, once each (safe to run anywhere, any time).
   */
  matureDue(now?: Date, batch?: number): Promise<number>;
  /**
   * Lots past their expiry lose what is left, each once, with an expire entry (safe to run anywhere, any time).
   */
  expireDue(now?: Date, batch?: number): Promise<number>;
  /**
   * A manual grant or deduction by staff, as one ledger entry with its own source key (`adjustment:<key>`; the
   * client's key makes a resent request post nothing twice). Never below zero, whatever else spends at that moment.
   */
  adjust(executor: Executor, memberId: number, staffId: number, input: PointsAdjustmentRequest, at: Date): Promise<PointsAdjustmentResult>;
  /**
   * Available, pending, debt and what expires when.
   */
  summary(memberId: number): Promise<PointsSummary>;
  /**
   * The tasks a member can complete and whether each was paid.
   */
  tasks(memberId: number): Promise<{ items: { task: PointsTask; points: number; done: boolean }[] }>;
  /**
   * The member's own ledger, newest first, paged by entry id, with filters.
   */
  ledgerPage(executor: Executor, memberId: number, limit: number, cursor?: number, filter?: repo.LedgerFilter): Promise<PointsLedgerPage>;
  /**
   * A member's ledger for the merchant: the same, with the staff member behind each manual adjustment.
   */
  merchantLedgerPage(
    executor: Executor,
    memberId: number,
    limit: number,
    cursor?: number,
    filter?: repo.LedgerFilter & { from?: string | undefined; to?: string | undefined },
  ): Promise<MerchantPointsLedgerPage>;
  orderParticipant: OrderParticipant;
  rules(): Promise<PointsRules>;
  updateRules(next: PointsRules, staffId: number): Promise<PointsRules>;
  /**
   * Posts one entry (check-in rewards, adjustments, mall redemptions): a credit becomes a lot, a debit takes lots.
   * CONFLICT when the source key was already posted; INSUFFICIENT_POINTS when a debit is more than the balance.
   */
  post(executor: Executor, input: CreditInput): Promise<{ entryId: number; balance: number }>;
  /**
   * Gives back what a debit took (a cancelled redemption): to the same lots, once per source key.
   */
  returnDebit(
    executor: Executor,
    input: { memberId: number; debitSource: string; amount: number; reason: PointsReason; sourceKey: string; at: Date },
  ): Promise<number>;
  /**
   * A one-off task's reward, once per member (0 when already paid or worth nothing).
   */
  completeTask(executor: Executor, memberId: number, task: PointsTask): Promise<number>;
  balance(executor: Executor, memberId: number): Promise<number>;
  balances(executor: Executor, memberIds: number[]): Promise<Map<number, number>>;
}

/**
 * The points economy (docs/decisions/015-points.md). The ledger is append-only and its entries sum to the balance
 * (available − debt). Credits become lots with an expiry; debits take the soonest-expiring lots first and record which,
 * so a reversal gives exactly those back. Orders earn pending points that mature once the refund window after completion
 * has passed. Every operation on a member's points takes that member's transaction lock (PostgreSQL; SQLite has one
 * writer), and conditional updates with CHECKs stand behind every limit (invariants 3 and 4).
 *
 * One file per job: the ledger's moves (points-ledger.ts), checkout and the lifecycle step (points-checkout.ts), the
 * maturing and expiry jobs (points-jobs.ts), the member's and merchant's views (points-views.ts); here, posting,
 * tasks, staff adjustments and audits.
 */
/**
 * A module's part in points' events (decision 030), each step in the transaction that moved the points: a step that
 * throws rolls the move back.
 */
export interface PointsParticipant extends Participant {
  /** A one-off task's reward was just paid (tiers add growth). */
  taskCompleted?(trx: Tx, e: { memberId: number; task: PointsTask; at: string }): Promise<void>;
}

/** Points' events, as steps of PointsParticipant; what participants.test.ts lists. */
export const POINTS_STEPS = ['taskCompleted'] as const;

export function createPointsService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  logger: Logger;
  /**
   * A query, not a reaction: the member's multiplier for points earned by orders, in basis points (10000 = 1×; the
   * tiers module answers it).
   */
  earningMultiplierBp?: (executor: Executor, memberId: number) => Promise<number>;
  /** Modules reacting to points' events, in order (listed in src/participants.ts). */
  participants?: readonly PointsParticipant[];
}): PointsService {
  const { db, clock, settings } = deps;
  const multiplierBpOf = deps.earningMultiplierBp ?? (async () => 10_000);
  const rulesOf = (executor: Executor = db) => settings.get(POINTS_RULES, executor);
  const ledger = createPointsLedger(deps);
  const { credit, debit, returnDebit } = ledger;
  const orderParticipant = createPointsCheckout({ rulesOf, ledger, multiplierBpOf, completeTaskIn });

  async function completeTaskIn(trx: Tx, memberId: number, task: PointsTask, at: Date): Promise<number> {
    const rules = await rulesOf(trx);
    const reward = rules.tasks[task];
    if (reward <= 0) return 0;
    if (await repo.findEntryBySource(trx, memberId, `task:${task}`)) return 0;
    await credit(trx, { memberId, amount: reward, kind: 'earn', reason: 'task', sourceKey: `task:${task}`, note: task, at: at.toISOString(), rules });
    await runStep(deps.participants ?? [], 'taskCompleted', trx, { memberId, task, at: at.toISOString() });
    return reward;
  }

  return {
    orderParticipant,
    rules: () => rulesOf(),
    updateRules: (next: PointsRules, staffId: number) => settings.set(POINTS_RULES, next, staffId),

    /**
     * Posts one entry (check-in rewards, adjustments, mall redemptions): a credit becomes a lot, a debit takes lots.
     * CONFLICT when the source key was already posted; INSUFFICIENT_POINTS when a debit is more than the balance.
     */
    async post(executor: Executor, input: CreditInput): Promise<{ entryId: number; balance: number }> {
      if (!Number.isSafeInteger(input.delta) || input.delta === 0)
        throw new AppError('VALIDATION_FAILED', 'points delta must be a non-zero integer', {
          issues: [{ field: 'delta', code: 'not_zero', message: 'a non-zero integer' }],
        });
      return inTransaction(executor, async (trx) => {
        const at = input.at.toISOString();
        const base = {
          memberId: input.memberId,
          reason: input.reason,
          sourceKey: input.sourceKey,
          note: input.note ?? null,
          staffId: input.staffId ?? null,
          at,
        };
        return input.delta > 0
          ? credit(trx, { ...base, amount: input.delta, kind: input.kind ?? 'earn', rules: await rulesOf(trx) })
          : debit(trx, { ...base, amount: -input.delta, kind: input.kind ?? 'spend' });
      });
    },

    /** Gives back what a debit took (a cancelled redemption): to the same lots, once per source key. */
    returnDebit: (
      executor: Executor,
      input: { memberId: number; debitSource: string; amount: number; reason: PointsReason; sourceKey: string; at: Date },
    ) => inTransaction(executor, (trx) => returnDebit(trx, { ...input, at: input.at.toISOString() })),

    /** A one-off task's reward, once per member (0 when already paid or worth nothing). */
    completeTask: (executor: Executor, memberId: number, task: PointsTask) =>
      inTransaction(executor, (trx) => completeTaskIn(trx, memberId, task, clock.now())),

    balance: (executor: Executor, memberId: number): Promise<number> => repo.findBalance(executor, memberId),

    async balances(executor: Executor, memberIds: number[]): Promise<Map<number, number>> {
      return new Map((await repo.findBalances(executor, memberIds)).map((r) => [r.member_id, r.balance]));
    },

    ...createPointsViews({ ...deps, rulesOf }),

    /**
     * A manual grant or deduction by staff, as one ledger entry with its own source key (`adjustment:<key>`; the
     * client's key makes a resent request post nothing twice). Never below zero, whatever else spends at that moment.
     */
    async adjust(executor: Executor, memberId: number, staffId: number, input: PointsAdjustmentRequest, at: Date): Promise<PointsAdjustmentResult> {
      const sourceKey = `adjustment:${input.key ?? randomUUID()}`;
      try {
        const { entryId, balance } = await this.post(executor, {
          memberId,
          delta: input.delta,
          kind: 'adjust',
          reason: 'adjustment',
          sourceKey,
          note: input.reason,
          at,
          staffId,
        });
        return {
          balance,
          entry: {
            id: entryId,
            delta: input.delta,
            kind: 'adjust',
            reason: 'adjustment',
            sourceKey,
            note: input.reason,
            createdAt: at.toISOString(),
            staffId,
          },
        };
      } catch (err) {
        if (err instanceof AppError && err.code === 'INSUFFICIENT_POINTS') {
          const balance = await repo.findBalance(executor, memberId);
          throw new AppError('INSUFFICIENT_POINTS', `the balance is ${balance}; cannot deduct ${-input.delta}`, {
            balance,
            issues: [{ field: 'delta', code: 'over_deductible', message: `at most ${balance} can be deducted`, params: { max: balance } }],
          });
        }
        if (err instanceof AppError && err.code === 'CONFLICT') {
          throw new AppError('CONFLICT', 'this adjustment was already posted', {
            issues: [{ field: 'key', code: 'already_posted', message: 'already posted' }],
          });
        }
        throw err;
      }
    },

    ...createPointsJobs({ ...deps, rulesOf, ledger }),

    /** For audits and tests: the balance recomputed from the ledger. */
    ledgerSum: (executor: Executor, memberId: number) => repo.sumLedger(executor, memberId),

    /** For audits and tests: the ledger's sum, the open lots' sum, and the account. */
    async audit(executor: Executor, memberId: number) {
      const [ledger, lots, account] = await Promise.all([
        repo.sumLedger(executor, memberId),
        repo.sumOpenLots(executor, memberId),
        repo.findAccount(executor, memberId),
      ]);
      return { ledger, lots, balance: account?.balance ?? 0, debt: account?.debt ?? 0 };
    },
  };
}
