import type { PointsReason, PointsRules } from '@siyu/shared';
import { isForeignKeyViolation, isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import type { PointsKindValue } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';
import type { Tx } from '../../lib/transaction.js';
import { expiryFor } from './points-rules.js';
import * as repo from './points.repository.js';

/** One entry posted to the ledger (a credit or a debit). */
export interface CreditInput {
  memberId: number;
  /** > 0 credits, < 0 debits (never below zero: INSUFFICIENT_POINTS). */
  delta: number;
  reason: PointsReason;
  /** Unique per member and source event ("check-in:2026-11-22"): a retried event cannot post twice. */
  sourceKey: string;
  note?: string | null;
  at: Date;
  /** The staff member behind a manual adjustment. */
  staffId?: number | null;
  /** Defaults: earn for credits, spend for debits. */
  kind?: PointsKindValue;
}

/**
 * The ledger's moves, inside the caller's transaction: entries, lots taken soonest-expiring first and given back to the
 * very lots they came from, debt. Each takes the member's points lock first.
 */
export function createPointsLedger(deps: { timeZone: string; logger: Logger }) {
  const { timeZone, logger } = deps;

  async function insertEntry(
    trx: Tx,
    input: {
      memberId: number;
      delta: number;
      kind: PointsKindValue;
      reason: PointsReason;
      sourceKey: string;
      note?: string | null;
      staffId?: number | null;
      at: string;
    },
  ) {
    try {
      return await repo.insertLedgerEntry(trx, { ...input, createdAt: input.at });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', `points for ${input.sourceKey} were already posted`);
      if (isForeignKeyViolation(err)) throw new AppError('NOT_FOUND', `member ${input.memberId} not found`);
      throw err;
    }
  }

  /** A credit: repays debt first, the rest becomes a lot expiring under the rules in force now. */
  async function credit(trx: Tx, input: Omit<CreditInput, 'delta' | 'at'> & { amount: number; at: string; rules: PointsRules }) {
    await lockForTransaction(trx, 'points', input.memberId);
    const entryId = await insertEntry(trx, { ...input, delta: input.amount, kind: input.kind ?? 'earn' });
    await repo.ensureAccount(trx, input.memberId, input.at);
    const repaid = await repo.repayDebt(trx, input.memberId, input.amount, input.at);
    const lotAmount = input.amount - repaid;
    let balance = await repo.findBalance(trx, input.memberId);
    if (lotAmount > 0) {
      await repo.insertLot(trx, {
        memberId: input.memberId,
        entryId,
        amount: lotAmount,
        earnedAt: input.at,
        expiresAt: expiryFor(input.rules, new Date(input.at), timeZone),
      });
      balance = (await repo.moveBalance(trx, input.memberId, lotAmount, input.at))!;
    }
    return { entryId, balance };
  }

  /** Takes `amount` from the member's lots, soonest to expire first, recording each use under `entryId`. */
  async function consumeLots(trx: Tx, memberId: number, entryId: number, amount: number) {
    let need = amount;
    const uses: { entryId: number; lotId: number; amount: number }[] = [];
    for (const lot of await repo.openLots(trx, memberId)) {
      if (need === 0) break;
      const take = Math.min(need, lot.remaining);
      if (!(await repo.takeFromLot(trx, lot.id, take))) throw new AppError('INTERNAL', `points lot ${lot.id} changed under a debit`);
      uses.push({ entryId, lotId: lot.id, amount: take });
      need -= take;
    }
    if (need > 0) throw new AppError('INTERNAL', `member ${memberId}'s lots do not cover the balance`);
    await repo.insertLotUses(trx, uses);
  }

  /** A debit: never below zero (INSUFFICIENT_POINTS, nothing written). */
  async function debit(trx: Tx, input: Omit<CreditInput, 'delta' | 'at'> & { amount: number; at: string }) {
    await lockForTransaction(trx, 'points', input.memberId);
    const entryId = await insertEntry(trx, { ...input, delta: -input.amount, kind: input.kind ?? 'spend' });
    await repo.ensureAccount(trx, input.memberId, input.at);
    const balance = await repo.moveBalance(trx, input.memberId, -input.amount, input.at);
    if (balance === undefined) {
      const has = await repo.findBalance(trx, input.memberId);
      throw new AppError('INSUFFICIENT_POINTS', `the balance is ${has}; cannot take ${input.amount}`, { balance: has });
    }
    await consumeLots(trx, input.memberId, entryId, input.amount);
    return { entryId, balance };
  }

  /** Gives back up to `amount` of what the debit `debitSource` took, to the very lots it took them from. */
  async function returnDebit(
    trx: Tx,
    input: { memberId: number; debitSource: string; amount: number; reason: PointsReason; sourceKey: string; at: string },
  ) {
    await lockForTransaction(trx, 'points', input.memberId);
    const debitEntry = await repo.findEntryBySource(trx, input.memberId, input.debitSource);
    if (!debitEntry || input.amount <= 0) return 0;
    let left = input.amount;
    const giveBack: { useId: number; lotId: number; amount: number }[] = [];
    for (const use of await repo.returnableUses(trx, debitEntry.id)) {
      if (left === 0) break;
      const give = Math.min(left, use.amount - use.returned);
      giveBack.push({ useId: use.useId, lotId: use.lotId, amount: give });
      left -= give;
    }
    const total = input.amount - left;
    if (total === 0) return 0;
    await insertEntry(trx, {
      memberId: input.memberId,
      delta: total,
      kind: 'reverse',
      reason: input.reason,
      sourceKey: input.sourceKey,
      at: input.at,
    });
    for (const g of giveBack) {
      if (!(await repo.markReturned(trx, g.useId, g.amount))) throw new AppError('INTERNAL', `points use ${g.useId} was given back twice`);
      await repo.giveBackToLot(trx, g.lotId, g.amount);
    }
    await repo.moveBalance(trx, input.memberId, total, input.at);
    return total;
  }

  /**
   * Takes back `amount` points a refunded order had earned. What is available goes; the rest (already spent) becomes
   * debt repaid from future earnings, or, when the merchant deducts it from refunds instead, is forgiven (its value was
   * kept back from the refund). Returns [taken, short].
   */
  async function takeBackEarned(trx: Tx, input: { memberId: number; amount: number; sourceKey: string; at: string; rules: PointsRules }) {
    await lockForTransaction(trx, 'points', input.memberId);
    await repo.ensureAccount(trx, input.memberId, input.at);
    const available = await repo.findBalance(trx, input.memberId);
    const take = Math.min(available, input.amount);
    const short = input.amount - take;
    const intoDebt = input.rules.refundOfSpentPoints === 'allow_negative' ? short : 0;
    if (take + intoDebt === 0) return [0, short] as const;
    const entryId = await insertEntry(trx, {
      memberId: input.memberId,
      delta: -(take + intoDebt),
      kind: 'reverse',
      reason: 'order_refund',
      sourceKey: input.sourceKey,
      at: input.at,
    });
    if (take > 0) {
      await repo.moveBalance(trx, input.memberId, -take, input.at);
      await consumeLots(trx, input.memberId, entryId, take);
    }
    if (intoDebt > 0) await repo.addDebt(trx, input.memberId, intoDebt, input.at);
    if (short > 0) logger.info({ memberId: input.memberId, short, rule: input.rules.refundOfSpentPoints }, 'refund took back points already spent');
    return [take, short] as const;
  }

  return { insertEntry, credit, debit, returnDebit, takeBackEarned };
}

export type PointsLedger = ReturnType<typeof createPointsLedger>;
