import {
  businessDateOf,
  type GrowthAdjustmentRequest,
  type GrowthAdjustmentResult,
  type TierLadder,
  type TierRules,
  type TiersConfig,
} from '@siyu/shared';
import { randomUUID } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { isForeignKeyViolation, isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { CheckInParticipant } from '../check-in/index.js';
import type { PointsParticipant } from '../points/index.js';
import type { SettingsService } from '../settings/index.js';
import { TIER_RULES } from './tiers-rules.js';
import * as repo from './tiers.repository.js';
import { createTierParticipants } from './tier-checkout.js';
import { createTierGrowth, type GrowthInput } from './tier-growth.js';
import { createTierJobs } from './tier-jobs.js';
import { createTierMerge } from './tier-merge.js';
import { createTierViews } from './tier-views.js';
import type { GrowthLedgerPage, MerchantGrowthLedgerPage, MerchantMemberTier, MyTier, PointsTask, Tier } from '@siyu/shared';
import type { OrderParticipant } from '../orders/events.js';
import type { Tx } from '../../lib/transaction.js';

export type { GrowthInput } from './tier-growth.js';

export interface TiersService {
  /**
   * Today's business date in the merchant's time zone (birthday gifts).
   */
  businessDate(now: Date): string;
  currentTier(executor: Executor, memberId: number): Promise<Tier | null>;
  /**
   * Members whose hold has ended are placed again by the growth of the last windowMonths: a lower tier moves them
   * down (recorded, with a new hold at the lower tier), otherwise the tier holds for another holdMonths. Safe to run
   * in several processes at once: each move is a conditional update from the level and hold read, and only the
   * transaction that made it records it. Does nothing under the never-downgrade policy.
   */
  reviewDue(now?: Date, batch?: number): Promise<{ reviewed: number; downgraded: number }>;
  /**
   * After the ladder changed (a threshold lowered, a level added), members whose growth now reaches a higher tier move
   * up (reason `config`) without waiting for their next growth event. Runs once per ladder version (the latest
   * `updated_at` of its rows, kept in job_state); each move is the same locked, conditional upgrade as on growth.
   */
  upgradeAfterLadderChange(now?: Date, batch?: number): Promise<number>;
  /**
   * A manual adjustment by staff (`manual:<key>`: the client's key makes a resent request post nothing twice).
   */
  adjust(memberId: number, staffId: number, input: GrowthAdjustmentRequest): Promise<GrowthAdjustmentResult>;
  myTier(memberId: number): Promise<MyTier>;
  growthPage(memberId: number, limit: number, cursor?: number): Promise<GrowthLedgerPage>;
  merchantGrowthPage(memberId: number, limit: number, cursor?: number): Promise<MerchantGrowthLedgerPage>;
  memberTier(memberId: number, birthday: string | null): Promise<MerchantMemberTier>;
  benefitsParticipant: OrderParticipant;
  growthParticipant: OrderParticipant;
  /**
   * A merge's tier step, in the merge's transaction (see mergeMembers).
   */
  mergeMembers(
    trx: Tx,
    e: { survivorId: number; absorbedId: number; at: string },
  ): Promise<{ moved: { growth_ledger: number }; growthMoved: number; tierBefore: { survivor: number; absorbed: number }; tierAfter: number }>;
  post(executor: Executor, input: GrowthInput): Promise<{ entryId: number; growth: number }>;
  /**
   * The member's level (coupons' minimum tier; 0 without a ladder).
   */
  levelOf(executor: Executor, memberId: number): Promise<number>;
  /**
   * The member's points multiplier in basis points (10000 = 1×), for points earned by orders.
   */
  pointsMultiplierBp(executor: Executor, memberId: number): Promise<number>;
  /**
   * Tiers' part in check-in's events: growth for a day's check-in (once per business day) and a cumulative reward's.
   */
  checkInParticipant: {
    name: string;
    checkedIn(trx: Tx, e: { memberId: number; businessDate: string; at: string }): Promise<void>;
    cycleRewardGrowth(trx: Tx, e: { memberId: number; delta: number; sourceKey: string; note: string; at: string }): Promise<void>;
  };
  /**
   * Tiers' part in points' events: growth for a completed points task, in the task's transaction (once per task).
   */
  pointsParticipant: { name: string; taskCompleted(trx: Tx, e: { memberId: number; task: PointsTask; at: string }): Promise<void> };
  ladder(): Promise<TierLadder>;
  rules(): Promise<TierRules>;
  updateRules(next: TierRules, staffId: number): Promise<TierRules>;
  /**
   * Replaces the ladder in one transaction: levels kept are updated in place (members keep them), new levels added,
   * levels above the new top removed, which is refused (TIER_IN_USE) while members hold one of them.
   */
  configure(config: TiersConfig): Promise<TierLadder>;
}

/**
 * Tiers and growth (docs/decisions/017-tiers-and-growth.md). Growth is an append-only ledger with unique source keys
 * and a cached total; a member's level moves up in the same transaction as the growth that reaches the next threshold,
 * and down only by the merchant's policy, through a job. Every growth event of one member takes that member's
 * transaction lock (PostgreSQL; SQLite has one writer) and every level move is a conditional update from the level read,
 * so concurrent events make one move and one record.
 *
 * One file per job: growth and levels (tier-growth.ts), the lifecycle steps (tier-checkout.ts), a merge's step
 * (tier-merge.ts), the holds and ladder jobs (tier-jobs.ts), the views (tier-views.ts), birthday gifts
 * (tier-birthday-gifts.ts); here, the ladder, the rules, staff adjustments and the hooks other modules call.
 */
export function createTiersService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  /** Category → parent (a top-level category's member price covers its subcategories). */
  categoryParents: (executor: Executor) => Promise<Map<number, number | null>>;
  logger: Logger;
}): TiersService {
  const { db, clock, settings } = deps;
  const growth = createTierGrowth(deps);
  const { rulesOf, ladderOf, post, postOnce, currentTier } = growth;
  const { benefitsParticipant, growthParticipant } = createTierParticipants({ categoryParents: deps.categoryParents, growth });
  const mergeMembers = createTierMerge({ growth });

  return {
    benefitsParticipant,
    growthParticipant,
    /** A merge's tier step, in the merge's transaction (see mergeMembers). */
    mergeMembers,
    post: (executor: Executor, input: GrowthInput) => inTransaction(executor, (trx) => post(trx, input)),

    /** The member's level (coupons' minimum tier; 0 without a ladder). */
    async levelOf(executor: Executor, memberId: number): Promise<number> {
      return (await currentTier(executor, memberId))?.level ?? 0;
    },

    /** The member's points multiplier in basis points (10000 = 1×), for points earned by orders. */
    async pointsMultiplierBp(executor: Executor, memberId: number): Promise<number> {
      return (await currentTier(executor, memberId))?.benefits.pointsMultiplierBp ?? 10_000;
    },

    /** Tiers' part in check-in's events: growth for a day's check-in (once per business day) and a cumulative reward's. */
    checkInParticipant: {
      name: 'tiers',
      async checkedIn(trx, e) {
        const rules = await rulesOf(trx);
        await postOnce(trx, { memberId: e.memberId, delta: rules.checkIn, reason: 'check_in', sourceKey: `check-in:${e.businessDate}`, at: e.at });
      },
      async cycleRewardGrowth(trx, e) {
        await inTransaction(trx, (t) => post(t, { ...e, reason: 'check_in' }));
      },
    } satisfies CheckInParticipant,

    /** Tiers' part in points' events: growth for a completed points task, in the task's transaction (once per task). */
    pointsParticipant: {
      name: 'tiers',
      async taskCompleted(trx, e) {
        const rules = await rulesOf(trx);
        await postOnce(trx, { memberId: e.memberId, delta: rules.task, reason: 'task', sourceKey: `task:${e.task}`, note: e.task, at: e.at });
      },
    } satisfies PointsParticipant,

    // ---- the ladder and the rules ----

    async ladder(): Promise<TierLadder> {
      return { tiers: await ladderOf() };
    },

    rules: () => rulesOf(),

    async updateRules(next: TierRules, staffId: number): Promise<TierRules> {
      return settings.set(TIER_RULES, next, staffId);
    },

    /**
     * Replaces the ladder in one transaction: levels kept are updated in place (members keep them), new levels added,
     * levels above the new top removed, which is refused (TIER_IN_USE) while members hold one of them.
     */
    async configure(config: TiersConfig): Promise<TierLadder> {
      const at = clock.now().toISOString();
      return inTransaction(db, async (trx) => {
        await lockForTransaction(trx, 'tiers-config', 0);
        const top = config.tiers.length - 1;
        const holders = await repo.countHoldersAbove(trx, top);
        if (holders > 0) {
          throw new AppError('TIER_IN_USE', `${holders} members hold a level above ${top}; keep those levels`, {
            issues: [
              { field: 'tiers', code: 'level_in_use', message: `${holders} members hold a level above ${top}`, params: { members: holders, top } },
            ],
          });
        }
        await repo.deleteTiersAbove(trx, top);
        for (const [i, t] of config.tiers.entries()) {
          const b = t.benefits;
          const values = {
            level: t.level,
            name: t.name,
            growth_threshold: t.growthThreshold,
            member_price_bp: b.memberPrice.basisPoints,
            member_price_scope: b.memberPrice.scope,
            member_price_ids: JSON.stringify(b.memberPrice.ids),
            points_multiplier_bp: b.pointsMultiplierBp,
            free_shipping: b.freeShipping ? 1 : 0,
            birthday_points: b.birthdayGift.points,
            birthday_coupon_template_id: b.birthdayGift.couponTemplateId,
            display_benefits: JSON.stringify(b.display),
          };
          try {
            if (!(await repo.updateTier(trx, t.level, values, at))) await repo.insertTier(trx, values, at);
          } catch (err) {
            if (isForeignKeyViolation(err)) {
              throw validationError([
                {
                  field: `tiers.${i}.benefits.birthdayGift.couponTemplateId`,
                  code: 'not_found_ref',
                  message: `coupon template ${b.birthdayGift.couponTemplateId} not found`,
                },
              ]);
            }
            throw err;
          }
        }
        return { tiers: await ladderOf(trx) };
      });
    },

    ...createTierViews({ db, growth }),

    /** A manual adjustment by staff (`manual:<key>`: the client's key makes a resent request post nothing twice). */
    async adjust(memberId: number, staffId: number, input: GrowthAdjustmentRequest): Promise<GrowthAdjustmentResult> {
      const at = clock.now().toISOString();
      const sourceKey = `manual:${input.key ?? randomUUID()}`;
      try {
        return await inTransaction(db, async (trx) => {
          await lockForTransaction(trx, 'tiers', memberId);
          if (await repo.findGrowthEntry(trx, memberId, sourceKey)) {
            throw new AppError('CONFLICT', 'this adjustment was already posted', {
              issues: [{ field: 'key', code: 'already_posted', message: 'already posted' }],
            });
          }
          const { entryId, growth } = await post(trx, { memberId, delta: input.delta, reason: 'manual', sourceKey, note: input.reason, staffId, at });
          const level = (await repo.findMemberTier(trx, memberId))?.level ?? 0;
          return {
            entry: { id: entryId, delta: input.delta, reason: 'manual' as const, sourceKey, note: input.reason, createdAt: at, staffId },
            growth,
            level,
          };
        });
      } catch (err) {
        if (isForeignKeyViolation(err)) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', 'this adjustment was already posted', {
            issues: [{ field: 'key', code: 'already_posted', message: 'already posted' }],
          });
        throw err;
      }
    },

    ...createTierJobs({ ...deps, growth }),

    /** Today's business date in the merchant's time zone (birthday gifts). */
    businessDate: (now: Date) => businessDateOf(now, deps.timeZone),
    currentTier: (executor: Executor, memberId: number) => currentTier(executor, memberId),
  };
}
