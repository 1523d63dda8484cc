import type { Tier, TierRules } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { lockForTransaction } from '../../db/dialect.js';
import type { GrowthReasonValue } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Executor, Tx } from '../../lib/transaction.js';
import type { SettingsService } from '../settings/index.js';
import { addMonths, TIER_RULES, tierAtLevel, tierForGrowth, toTier } from './tiers-rules.js';
import * as repo from './tiers.repository.js';

/** A growth entry to post: > 0 adds, < 0 takes away (never below zero). */
export interface GrowthInput {
  memberId: number;
  delta: number;
  reason: GrowthReasonValue;
  /** Unique per member and source event: a retried event cannot post twice. */
  sourceKey: string;
  note?: string | null;
  staffId?: number | null;
  at: string;
}

/**
 * Growth and levels, inside the caller's transaction: posting growth once per source event, moving a member up when
 * their growth reaches the next tier, and the member's tier as held now.
 */
export function createTierGrowth(deps: { db: DB; clock: Clock; settings: SettingsService }) {
  const { db, clock, settings } = deps;
  const rulesOf = (executor: Executor = db) => settings.get(TIER_RULES, executor);
  const ladderOf = async (executor: Executor = db): Promise<Tier[]> => (await repo.listTiers(executor)).map(toTier);

  /** The growth that places a member under the rules: all of it, or the last windowMonths' when tiers can be lost. */
  async function qualifyingGrowth(executor: Executor, memberId: number, rules: TierRules, now: string, total: number): Promise<number> {
    if (rules.downgrade.policy === 'never') return total;
    return Math.max(0, await repo.sumGrowth(executor, memberId, addMonths(now, -rules.downgrade.windowMonths)));
  }

  const heldUntilFrom = (rules: TierRules, at: string, level: number) =>
    rules.downgrade.policy === 'never' || level === 0 ? null : addMonths(at, rules.downgrade.holdMonths);

  /**
   * Moves the member up to the tier their growth reaches, if higher than the level held (inside the growth's
   * transaction; or after a ladder change lowered a threshold, with the reason `config`). True when it moved them.
   */
  async function upgradeIfReached(trx: Tx, memberId: number, at: string, reason: 'upgrade' | 'config' = 'upgrade'): Promise<boolean> {
    const row = await repo.findMemberTier(trx, memberId);
    if (!row) return false;
    const [rules, ladder] = await Promise.all([rulesOf(trx), ladderOf(trx)]);
    if (ladder.length === 0) return false;
    const growth = await qualifyingGrowth(trx, memberId, rules, at, row.growth);
    const target = tierForGrowth(ladder, growth);
    const level = row.level;
    if (target.level <= level) return false;
    const moved = await repo.moveLevel(
      trx,
      memberId,
      { level, heldUntil: row.held_until },
      { level: target.level, reachedAt: at, heldUntil: heldUntilFrom(rules, at, target.level) },
      at,
    );
    if (moved) await repo.insertTierChange(trx, { memberId, from: level, to: target.level, reason, growth, note: null, at });
    return moved;
  }

  /**
   * Posts one growth entry and moves the cached total, in the caller's transaction; a gain that reaches a higher tier
   * moves the member up at once. INSUFFICIENT_GROWTH when a deduction is more than the member has.
   */
  async function post(trx: Tx, input: GrowthInput): Promise<{ entryId: number; growth: number }> {
    await lockForTransaction(trx, 'tiers', input.memberId);
    await repo.ensureMemberTier(trx, input.memberId, input.at);
    const entryId = await repo.insertGrowthEntry(trx, {
      memberId: input.memberId,
      delta: input.delta,
      reason: input.reason,
      sourceKey: input.sourceKey,
      note: input.note ?? null,
      staffId: input.staffId ?? null,
      at: input.at,
    });
    const growth = await repo.moveGrowth(trx, input.memberId, input.delta, input.at);
    if (growth === undefined) {
      const has = (await repo.findMemberTier(trx, input.memberId))?.growth ?? 0;
      throw new AppError('INSUFFICIENT_GROWTH', `the member has ${has} growth; cannot take ${-input.delta}`, {
        growth: has,
        issues: [{ field: 'delta', code: 'over_deductible', message: `at most ${has} can be deducted`, params: { max: has } }],
      });
    }
    if (input.delta > 0) await upgradeIfReached(trx, input.memberId, input.at);
    return { entryId, growth };
  }

  /** Posts growth for an event once: nothing when the event's source key was already posted (or earns nothing). */
  async function postOnce(trx: Tx, input: GrowthInput): Promise<void> {
    if (input.delta === 0) return;
    await lockForTransaction(trx, 'tiers', input.memberId);
    if (await repo.findGrowthEntry(trx, input.memberId, input.sourceKey)) return;
    await post(trx, input);
  }

  /** The member's tier and growth as held now. */
  async function stateOf(executor: Executor, memberId: number) {
    const [row, ladder, rules] = await Promise.all([repo.findMemberTier(executor, memberId), ladderOf(executor), rulesOf(executor)]);
    const total = row?.growth ?? 0;
    const now = clock.now().toISOString();
    return {
      ladder,
      rules,
      level: row?.level ?? 0,
      tier: ladder.length > 0 ? tierAtLevel(ladder, row?.level ?? 0) : null,
      growth: total,
      qualifying: await qualifyingGrowth(executor, memberId, rules, now, total),
      reachedAt: row?.reached_at ?? null,
      // Under never-downgrade a hold left from an earlier policy means nothing.
      heldUntil: rules.downgrade.policy === 'never' ? null : (row?.held_until ?? null),
    };
  }

  /** The member's current tier (null without a ladder). */
  async function currentTier(executor: Executor, memberId: number): Promise<Tier | null> {
    const [row, ladder] = await Promise.all([repo.findMemberTier(executor, memberId), ladderOf(executor)]);
    return ladder.length > 0 ? tierAtLevel(ladder, row?.level ?? 0) : null;
  }

  return { rulesOf, ladderOf, qualifyingGrowth, heldUntilFrom, upgradeIfReached, post, postOnce, stateOf, currentTier };
}

export type TierGrowth = ReturnType<typeof createTierGrowth>;
