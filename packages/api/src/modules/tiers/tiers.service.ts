import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  businessDateOf,
  type GrowthAdjustmentRequest,
  type GrowthAdjustmentResult,
  type GrowthLedgerPage,
  type MerchantGrowthLedgerPage,
  type MerchantMemberTier,
  type MyTier,
  type Tier,
  type TierLadder,
  type TierRules,
  type TiersConfig,
} from '@siyu/shared';
import { randomUUID } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { isForeignKeyViolation, isUniqueViolation, lockForTransaction } from '../../db/dialect.js';
import type { GrowthReasonValue } from '../../db/schema.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { jobState } from '../../lib/job-state.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { OrderParticipant } from '../orders/index.js';
import type { Adjustment } from '../pricing/index.js';
import type { SettingsService } from '../settings/index.js';
import { addMonths, growthForPaidGoods, TIER_RULES, tierAtLevel, tierForGrowth, toTier } from './tiers-rules.js';
import * as repo from './tiers.repository.js';

export type TiersService = ReturnType<typeof createTiersService>;

const ORDER_SOURCE = (orderId: number) => `order:${orderId}`;
const ORDER_REFUND_PREFIX = (orderId: number) => `order-refund:${orderId}:`;

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
 * Tiers and growth (docs/decisions/017-tiers-and-growth.md). Growth is an append-only ledger with unique source keys
 * and a cached total; a member's level moves up in the same transaction as the growth that reaches the next threshold,
 * and down only by the merchant's policy, through a job. Every growth event of one member takes that member's
 * transaction lock (PostgreSQL; SQLite has one writer) and every level move is a conditional update from the level read,
 * so concurrent events make one move and one record.
 */
export function createTiersService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  /** Category → parent (a top-level category's member price covers its subcategories). */
  categoryParents: (executor: Executor) => Promise<Map<number, number | null>>;
  logger: Logger;
}) {
  const { db, clock, settings, logger } = deps;
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
    const growth = await qualifyingGrowth(trx, memberId, rules, at, Number(row.growth));
    const target = tierForGrowth(ladder, growth);
    const level = Number(row.level);
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
      const has = Number((await repo.findMemberTier(trx, input.memberId))?.growth ?? 0);
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
    const total = Number(row?.growth ?? 0);
    const now = clock.now().toISOString();
    return {
      ladder,
      rules,
      level: Number(row?.level ?? 0),
      tier: ladder.length > 0 ? tierAtLevel(ladder, Number(row?.level ?? 0)) : null,
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
    return ladder.length > 0 ? tierAtLevel(ladder, Number(row?.level ?? 0)) : null;
  }

  /** The member price and free shipping of the member's tier, offered to a checkout. */
  const benefitsParticipant: OrderParticipant = {
    name: 'tier-benefits',
    async adjustments(executor, checkout) {
      const tier = await currentTier(executor, checkout.memberId);
      if (!tier) return { adjustments: [] };
      const adjustments: Adjustment[] = [];
      const price = tier.benefits.memberPrice;
      if (price.basisPoints > 0) {
        let eligible: number[] | undefined;
        if (price.scope === 'products') {
          const ids = new Set(price.ids);
          eligible = checkout.lines.filter((l) => ids.has(l.productId)).map((l) => l.key);
        } else if (price.scope === 'categories') {
          const ids = new Set(price.ids);
          const parents = await deps.categoryParents(executor);
          eligible = checkout.lines
            .filter((l) => l.categoryId !== null && (ids.has(l.categoryId) || ids.has(parents.get(l.categoryId) ?? -1)))
            .map((l) => l.key);
        }
        if (eligible === undefined || eligible.length > 0) {
          adjustments.push({
            kind: 'member_price',
            code: 'member_price',
            label: zhCN.tiers.memberPrice(tier.name),
            source: { type: 'tier', id: tier.id },
            ...(eligible ? { eligibleLineKeys: eligible } : {}),
            amount: { type: 'percent_off', basisPoints: price.basisPoints },
          });
        }
      }
      if (tier.benefits.freeShipping) {
        adjustments.push({
          kind: 'shipping',
          code: 'tier_free_shipping',
          label: zhCN.tiers.freeShipping(tier.name),
          source: { type: 'tier', id: tier.id },
          amount: { type: 'all' },
        });
      }
      return { adjustments };
    },
  };

  /** Growth from paid orders, taken back by their refunds, in the order's transaction. */
  const growthParticipant: OrderParticipant = {
    name: 'tier-growth',
    async paid(trx, e) {
      // The cash part of a points-mall redemption is not shopping: like its points, it grows nothing.
      if (e.kind !== 'goods') return;
      const rules = await rulesOf(trx);
      const paidGoodsFen = e.lines.reduce((sum, l) => sum + l.paidFen, 0);
      await postOnce(trx, {
        memberId: e.memberId,
        delta: growthForPaidGoods(paidGoodsFen, rules),
        reason: 'order',
        sourceKey: ORDER_SOURCE(e.orderId),
        note: e.orderNo,
        at: e.paidAt,
      });
    },
    async refunded(trx, e) {
      await lockForTransaction(trx, 'tiers', e.memberId);
      const earned = await repo.findGrowthEntry(trx, e.memberId, ORDER_SOURCE(e.orderId));
      if (!earned) return;
      const gave = Number(earned.delta);
      const left = gave + (await repo.sumGrowthBySources(trx, e.memberId, ORDER_REFUND_PREFIX(e.orderId)));
      const share = e.fullyRefunded || e.payableFen <= 0 ? left : Math.min(left, Math.floor((gave * e.amountFen) / e.payableFen));
      // Never below zero: growth a manual deduction already took is not taken twice.
      const has = Number((await repo.findMemberTier(trx, e.memberId))?.growth ?? 0);
      const take = Math.min(share, has);
      if (take <= 0) return;
      await postOnce(trx, {
        memberId: e.memberId,
        delta: -take,
        reason: 'order_refund',
        sourceKey: `${ORDER_REFUND_PREFIX(e.orderId)}${e.refundNo}`,
        note: e.orderNo,
        at: e.refundedAt,
      });
    },
  };

  /**
   * A merge's tier step (decision 019): the absorbed member's growth entries move to the survivor (the ledger's trigger
   * allows this one move; a source key the survivor has is kept behind `merge:<absorbed id>:`), growth is summed, and a
   * growth credit both had for one check-in day or task is reversed (reason `merge`). The survivor keeps the higher of
   * the two tiers (with that tier's hold), then moves up if the summed growth reaches more. Tier history and birthday
   * gifts move; a year both got a gift keeps the survivor's record (the points step reverses the second gift's points).
   */
  async function mergeMembers(trx: Tx, e: { survivorId: number; absorbedId: number; at: string }) {
    const { survivorId: s, absorbedId: a, at } = e;
    for (const id of [s, a].sort((x, y) => x - y)) await lockForTransaction(trx, 'tiers', id);
    await repo.ensureMemberTier(trx, s, at);
    const before = { survivor: await repo.findMemberTier(trx, s), absorbed: await repo.findMemberTier(trx, a) };
    const growthMoved = await repo.sumGrowth(trx, a);
    const survivorHas = (eb: ExpressionBuilder<Database, 'growth_ledger'>) =>
      eb.exists(
        eb.selectFrom('growth_ledger as s').select('s.id').where('s.member_id', '=', s).whereRef('s.source_key', '=', 'growth_ledger.source_key'),
      );
    const twins = await trx
      .selectFrom('growth_ledger')
      .select(['delta', 'reason', 'source_key'])
      .where('member_id', '=', a)
      .where(survivorHas)
      .execute();
    await trx
      .updateTable('growth_ledger')
      .set({ member_id: s, source_key: sql`${`merge:${a}:`} || source_key` })
      .where('member_id', '=', a)
      .where(survivorHas)
      .execute();
    const moved = await trx.updateTable('growth_ledger').set({ member_id: s }).where('member_id', '=', a).executeTakeFirst();
    if (growthMoved !== 0) await repo.moveGrowth(trx, s, growthMoved, at);
    for (const t of twins) {
      if (Number(t.delta) <= 0 || (t.reason !== 'check_in' && t.reason !== 'task')) continue;
      const has = Number((await repo.findMemberTier(trx, s))?.growth ?? 0);
      const take = Math.min(has, Number(t.delta));
      if (take === 0) continue;
      await repo.insertGrowthEntry(trx, {
        memberId: s,
        delta: -take,
        reason: 'merge',
        sourceKey: `merge-reverse:${a}:${t.source_key}`,
        note: zhCN.members.mergeReversalNote,
        staffId: null,
        at,
      });
      await repo.moveGrowth(trx, s, -take, at);
    }
    const sLevel = Number(before.survivor?.level ?? 0);
    const aLevel = Number(before.absorbed?.level ?? 0);
    if (before.absorbed && aLevel > sLevel) {
      const movedUp = await repo.moveLevel(
        trx,
        s,
        { level: sLevel, heldUntil: before.survivor?.held_until ?? null },
        { level: aLevel, reachedAt: before.absorbed.reached_at, heldUntil: before.absorbed.held_until },
        at,
      );
      if (movedUp) {
        const growth = Number((await repo.findMemberTier(trx, s))?.growth ?? 0);
        await repo.insertTierChange(trx, { memberId: s, from: sLevel, to: aLevel, reason: 'upgrade', growth, note: zhCN.members.mergeTierNote, at });
      }
    }
    await upgradeIfReached(trx, s, at);
    await trx.updateTable('tier_changes').set({ member_id: s }).where('member_id', '=', a).execute();
    await trx
      .updateTable('tier_birthday_gifts')
      .set({ member_id: s })
      .where('member_id', '=', a)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('tier_birthday_gifts as s').select('s.id').where('s.member_id', '=', s).whereRef('s.year', '=', 'tier_birthday_gifts.year'),
          ),
        ),
      )
      .execute();
    await trx.deleteFrom('member_tiers').where('member_id', '=', a).execute();
    const after = await repo.findMemberTier(trx, s);
    return {
      moved: { growth_ledger: Number(moved.numUpdatedRows) + twins.length },
      growthMoved,
      tierBefore: { survivor: sLevel, absorbed: aLevel },
      tierAfter: Number(after?.level ?? 0),
    };
  }

  function ledgerEntry(r: Awaited<ReturnType<typeof repo.listGrowth>>[number]) {
    return {
      id: Number(r.id),
      delta: Number(r.delta),
      reason: r.reason,
      sourceKey: r.source_key,
      note: r.note,
      createdAt: r.created_at,
      staffId: r.staff_id === null ? null : Number(r.staff_id),
    };
  }

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

    /** Growth for a day's check-in, in the check-in's transaction (once per business day). */
    async checkedIn(trx: Tx, e: { memberId: number; businessDate: string; at: string }): Promise<void> {
      const rules = await rulesOf(trx);
      await postOnce(trx, { memberId: e.memberId, delta: rules.checkIn, reason: 'check_in', sourceKey: `check-in:${e.businessDate}`, at: e.at });
    },

    /** Growth for a completed points task, in the task's transaction (once per task). */
    async taskCompleted(trx: Tx, e: { memberId: number; task: string; at: string }): Promise<void> {
      const rules = await rulesOf(trx);
      await postOnce(trx, { memberId: e.memberId, delta: rules.task, reason: 'task', sourceKey: `task:${e.task}`, note: e.task, at: e.at });
    },

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

    // ---- views ----

    async myTier(memberId: number): Promise<MyTier> {
      const s = await stateOf(db, memberId);
      if (!s.tier) throw new AppError('NOT_FOUND', 'the merchant has no tiers');
      const next = s.ladder.find((t) => t.level === s.tier!.level + 1) ?? null;
      return {
        tier: s.tier,
        growth: s.growth,
        qualifyingGrowth: s.qualifying,
        reachedAt: s.reachedAt,
        heldUntil: s.heldUntil,
        next: next
          ? {
              tier: next,
              growthNeeded: Math.max(0, next.growthThreshold - s.qualifying),
              progressBp: Math.max(
                0,
                Math.min(
                  10_000,
                  Math.floor(((s.qualifying - s.tier.growthThreshold) * 10_000) / Math.max(1, next.growthThreshold - s.tier.growthThreshold)),
                ),
              ),
            }
          : null,
      };
    },

    async growthPage(memberId: number, limit: number, cursor?: number): Promise<GrowthLedgerPage> {
      const page = await this.merchantGrowthPage(memberId, limit, cursor);
      return { ...page, entries: page.entries.map(({ staffId: _staffId, ...e }) => e) };
    },

    async merchantGrowthPage(memberId: number, limit: number, cursor?: number): Promise<MerchantGrowthLedgerPage> {
      const [rows, row] = await Promise.all([repo.listGrowth(db, memberId, limit + 1, cursor), repo.findMemberTier(db, memberId)]);
      const page = rows.slice(0, limit);
      return {
        growth: Number(row?.growth ?? 0),
        entries: page.map(ledgerEntry),
        nextCursor: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
      };
    },

    async memberTier(memberId: number, birthday: string | null): Promise<MerchantMemberTier> {
      const [s, changes] = await Promise.all([stateOf(db, memberId), repo.listTierChanges(db, memberId, 100)]);
      return {
        memberId,
        level: s.tier?.level ?? 0,
        tierName: s.tier?.name ?? '',
        growth: s.growth,
        qualifyingGrowth: s.qualifying,
        reachedAt: s.reachedAt,
        heldUntil: s.heldUntil,
        birthday,
        changes: changes.map((c) => ({
          id: Number(c.id),
          fromLevel: Number(c.from_level),
          toLevel: Number(c.to_level),
          reason: c.reason,
          growth: Number(c.growth),
          note: c.note,
          createdAt: c.created_at,
        })),
      };
    },

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
          const level = Number((await repo.findMemberTier(trx, memberId))?.level ?? 0);
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

    // ---- the downgrade job ----

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
          const memberId = Number(member_id);
          afterId = memberId;
          const moved = await inTransaction(db, async (trx) => {
            await lockForTransaction(trx, 'tiers', memberId);
            const row = await repo.findMemberTier(trx, memberId);
            const ladder = await ladderOf(trx);
            if (!row || Number(row.level) === 0 || ladder.length === 0) return 'none' as const;
            const level = Number(row.level);
            const from = { level, heldUntil: row.held_until };
            const heldUntil = row.held_until ?? addMonths(row.reached_at ?? row.updated_at, rules.downgrade.holdMonths);
            if (heldUntil > at) {
              // Held, with no end recorded yet (the policy was never-downgrade when the tier was reached).
              await repo.moveLevel(trx, memberId, from, { level, reachedAt: row.reached_at, heldUntil }, at);
              return 'none' as const;
            }
            const growth = await qualifyingGrowth(trx, memberId, rules, at, Number(row.growth));
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
            afterId = Number(member_id);
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

    /** Today's business date in the merchant's time zone (birthday gifts). */
    businessDate: (now: Date) => businessDateOf(now, deps.timeZone),
    currentTier: (executor: Executor, memberId: number) => currentTier(executor, memberId),
  };
}
