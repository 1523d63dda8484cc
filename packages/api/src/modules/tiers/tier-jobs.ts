import type { DB } from '../../db/connection.js';
import { lockForTransaction } from '../../db/dialect.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { jobState } from '../../lib/job-state.js';
import { inTransaction } from '../../lib/transaction.js';
import { addMonths, tierForGrowth, toTier } from './tiers-rules.js';
import * as repo from './tiers.repository.js';
import type { TierGrowth } from './tier-growth.js';

/** The tier jobs: holds reviewed (downgrades by policy), members moved up after a ladder change. */
export function createTierJobs(deps: { db: DB; clock: Clock; logger: Logger; growth: TierGrowth }) {
  const { db, clock, logger } = deps;
  const { rulesOf, ladderOf, qualifyingGrowth, heldUntilFrom, upgradeIfReached } = deps.growth;

  return {
    /**
     * Members whose hold has ended are placed again by the growth of the last windowMonths: a lower tier moves them
     * down (recorded, with a new hold at the lower tier), otherwise the tier holds for another holdMonths. Safe to run
     * in several processes at once: each move is a conditional update from the level and hold read, and only the
     * transaction that made it records it. Does nothing under the never-downgrade policy.
     */
    async reviewDue(now: Date = clock.now(), batch = 200): Promise<{ reviewed: number; downgraded: number }> {
      const at = now.toISOString();
      const rules = await rulesOf();
      let reviewed = 0;
      let downgraded = 0;
      if (rules.downgrade.policy === 'never') return { reviewed, downgraded };
      let afterId = 0;
      for (;;) {
        const due = await repo.dueForReview(db, at, afterId, batch);
        if (due.length === 0) break;
        for (const { member_id } of due) {
          const memberId = member_id;
          afterId = memberId;
          const moved = await inTransaction(db, async (trx) => {
            await lockForTransaction(trx, 'tiers', memberId);
            const row = await repo.findMemberTier(trx, memberId);
            const ladder = await ladderOf(trx);
            if (!row || row.level === 0 || ladder.length === 0) return 'none' as const;
            const level = row.level;
            const from = { level, heldUntil: row.held_until };
            const heldUntil = row.held_until ?? addMonths(row.reached_at ?? row.updated_at, rules.downgrade.holdMonths);
            if (heldUntil > at) {
              // Held, with no end recorded yet (the policy was never-downgrade when the tier was reached).
              await repo.moveLevel(trx, memberId, from, { level, reachedAt: row.reached_at, heldUntil }, at);
              return 'none' as const;
            }
            const growth = await qualifyingGrowth(trx, memberId, rules, at, row.growth);
            const target = tierForGrowth(ladder, growth).level;
            if (target >= level) {
              await repo.moveLevel(
                trx,
                memberId,
                from,
                { level, reachedAt: row.reached_at, heldUntil: addMonths(at, rules.downgrade.holdMonths) },
                at,
              );
              return 'kept' as const;
            }
            if (!(await repo.moveLevel(trx, memberId, from, { level: target, reachedAt: at, heldUntil: heldUntilFrom(rules, at, target) }, at))) {
              return 'none' as const;
            }
            await repo.insertTierChange(trx, {
              memberId,
              from: level,
              to: target,
              reason: 'downgrade',
              growth,
              note: `held until ${heldUntil}; ${growth} growth in the last ${rules.downgrade.windowMonths} months`,
              at,
            });
            return 'down' as const;
          });
          if (moved !== 'none') reviewed += 1;
          if (moved === 'down') downgraded += 1;
        }
      }
      if (downgraded > 0) logger.info({ reviewed, downgraded }, 'tiers: holds reviewed');
      return { reviewed, downgraded };
    },

    /**
     * After the ladder changed (a threshold lowered, a level added), members whose growth now reaches a higher tier move
     * up (reason `config`) without waiting for their next growth event. Runs once per ladder version (the latest
     * `updated_at` of its rows, kept in job_state); each move is the same locked, conditional upgrade as on growth.
     */
    async upgradeAfterLadderChange(now: Date = clock.now(), batch = 200): Promise<number> {
      const rows = await repo.listTiers(db);
      const version =
        rows
          .map((r) => r.updated_at)
          .sort()
          .at(-1) ?? '';
      const seen = jobState(db, 'tiers.ladder-swept');
      if (rows.length === 0 || (await seen.get()) === version) return 0;
      const at = now.toISOString();
      let upgraded = 0;
      for (const t of rows.map(toTier).filter((x) => x.level > 0)) {
        let afterId = 0;
        for (;;) {
          const candidates = await repo.belowTheirGrowth(db, t.level, t.growthThreshold, afterId, batch);
          if (candidates.length === 0) break;
          for (const { member_id } of candidates) {
            afterId = member_id;
            const moved = await inTransaction(db, async (trx) => {
              await lockForTransaction(trx, 'tiers', afterId);
              return upgradeIfReached(trx, afterId, at, 'config');
            });
            if (moved) upgraded += 1;
          }
        }
      }
      await seen.set(version, now);
      if (upgraded > 0) logger.info({ upgraded }, 'tiers: members moved up after a ladder change');
      return upgraded;
    },
  };
}
