import type { GrowthLedgerPage, MerchantGrowthLedgerPage, MerchantMemberTier, MyTier } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import * as repo from './tiers.repository.js';
import type { TierGrowth } from './tier-growth.js';

/** What a member and the merchant see of a member's tier and growth. */
export function createTierViews(deps: { db: DB; growth: TierGrowth }) {
  const { db } = deps;
  const { stateOf } = deps.growth;

  function ledgerEntry(r: Awaited<ReturnType<typeof repo.listGrowth>>[number]) {
    return {
      id: r.id,
      delta: r.delta,
      reason: r.reason,
      sourceKey: r.source_key,
      note: r.note,
      createdAt: r.created_at,
      staffId: r.staff_id,
    };
  }

  return {
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
        growth: row?.growth ?? 0,
        entries: page.map(ledgerEntry),
        nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
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
          id: c.id,
          fromLevel: c.from_level,
          toLevel: c.to_level,
          reason: c.reason,
          growth: c.growth,
          note: c.note,
          createdAt: c.created_at,
        })),
      };
    },
  };
}
