import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { lockForTransaction } from '../../db/dialect.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { Tx } from '../../lib/transaction.js';
import * as repo from './tiers.repository.js';
import type { TierGrowth } from './tier-growth.js';

export function createTierMerge(deps: { growth: TierGrowth }) {
  const { upgradeIfReached } = deps.growth;

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
      if (t.delta <= 0 || (t.reason !== 'check_in' && t.reason !== 'task')) continue;
      const has = (await repo.findMemberTier(trx, s))?.growth ?? 0;
      const take = Math.min(has, t.delta);
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
    const sLevel = before.survivor?.level ?? 0;
    const aLevel = before.absorbed?.level ?? 0;
    if (before.absorbed && aLevel > sLevel) {
      const movedUp = await repo.moveLevel(
        trx,
        s,
        { level: sLevel, heldUntil: before.survivor?.held_until ?? null },
        { level: aLevel, reachedAt: before.absorbed.reached_at, heldUntil: before.absorbed.held_until },
        at,
      );
      if (movedUp) {
        const growth = (await repo.findMemberTier(trx, s))?.growth ?? 0;
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
      tierAfter: after?.level ?? 0,
    };
  }

  return mergeMembers;
}
