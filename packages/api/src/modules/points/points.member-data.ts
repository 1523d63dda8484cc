import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { lockForTransaction } from '../../db/dialect.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { Tx } from '../../lib/transaction.js';
import type { MemberParticipant, MemberMergeEvent } from '../members/events.js';
import * as repo from './points.repository.js';

/** Credits for an event that happens once per member (a day's check-in, a task, a year's birthday gift): paid once after a merge. */
const ONCE_PER_MEMBER = ['check_in', 'task', 'birthday_gift'] as const;

/**
 * Points in a merge (decision 019). The absorbed member's ledger entries move to the survivor unchanged (the ledger's
 * trigger allows exactly this move, from a member marked as merged into the survivor); an entry whose source key the
 * survivor already has keeps it behind `merge:<absorbed id>:`. Lots, pending points and the account follow, so the
 * survivor's balance minus debt is again the sum of the merged ledger (invariant 3). A credit both members had for the
 * same once-per-member event is reversed by a ledger entry on the survivor (never paid twice, invariant 19): what is
 * available is taken, the rest becomes debt repaid by later earnings.
 */
export function createPointsMemberData(): MemberParticipant {
  return {
    name: 'points',
    merge: mergePoints,
    describe: async (executor, memberId) => ({
      account: await repo.findAccount(executor, memberId),
      ledger: await executor
        .selectFrom('points_ledger')
        .select(['delta', 'kind', 'reason', 'source_key', 'note', 'created_at'])
        .where('member_id', '=', memberId)
        .orderBy('id')
        .execute(),
      pending: await repo.pendingOf(executor, memberId),
    }),
  };
}

async function mergePoints(trx: Tx, e: MemberMergeEvent) {
  const { survivorId: s, absorbedId: a, at } = e;
  for (const id of [s, a].sort((x, y) => x - y)) await lockForTransaction(trx, 'points', id);
  const pointsMoved = await repo.sumLedger(trx, a);
  const survivorKeys = (eb: ExpressionBuilder<Database, 'points_ledger'>) =>
    eb.exists(
      eb.selectFrom('points_ledger as s').select('s.id').where('s.member_id', '=', s).whereRef('s.source_key', '=', 'points_ledger.source_key'),
    );
  const twins = await trx
    .selectFrom('points_ledger')
    .select(['id', 'delta', 'kind', 'reason', 'source_key'])
    .where('member_id', '=', a)
    .where(survivorKeys)
    .execute();
  const prefix = `merge:${a}:`;
  await trx
    .updateTable('points_ledger')
    .set({ member_id: s, source_key: sql`${prefix} || source_key` })
    .where('member_id', '=', a)
    .where(survivorKeys)
    .execute();
  const moved = await trx.updateTable('points_ledger').set({ member_id: s }).where('member_id', '=', a).executeTakeFirst();
  await trx.updateTable('points_lots').set({ member_id: s }).where('member_id', '=', a).execute();
  await trx
    .updateTable('points_pending')
    .set({ member_id: s, source_key: sql`${prefix} || source_key` })
    .where('member_id', '=', a)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('points_pending as s').select('s.id').where('s.member_id', '=', s).whereRef('s.source_key', '=', 'points_pending.source_key'),
      ),
    )
    .execute();
  const pending = await trx.updateTable('points_pending').set({ member_id: s }).where('member_id', '=', a).executeTakeFirst();

  const absorbedAccount = await repo.findAccount(trx, a);
  await repo.ensureAccount(trx, s, at);
  if (absorbedAccount) {
    await trx
      .updateTable('points_accounts')
      .set({ balance: sql`balance + ${absorbedAccount.balance}`, debt: sql`debt + ${absorbedAccount.debt}`, updated_at: at })
      .where('member_id', '=', s)
      .execute();
    await trx.deleteFrom('points_accounts').where('member_id', '=', a).execute();
  }

  const creditsReversed: { sourceKey: string; points: number }[] = [];
  for (const t of twins) {
    const amount = t.delta;
    if (t.kind !== 'earn' || amount <= 0 || !(ONCE_PER_MEMBER as readonly string[]).includes(t.reason)) continue;
    await reverseDuplicate(trx, {
      memberId: s,
      amount,
      reason: t.reason as (typeof ONCE_PER_MEMBER)[number],
      sourceKey: `merge-reverse:${a}:${t.source_key}`,
      at,
    });
    creditsReversed.push({ sourceKey: t.source_key, points: amount });
  }
  return {
    moved: { points_ledger: Number(moved.numUpdatedRows) + twins.length, points_pending: Number(pending.numUpdatedRows) },
    pointsMoved,
    creditsReversed,
  };
}

/** Takes a duplicate credit back: from what is available (soonest-expiring lots first), the rest as debt. */
async function reverseDuplicate(
  trx: Tx,
  input: { memberId: number; amount: number; reason: (typeof ONCE_PER_MEMBER)[number]; sourceKey: string; at: string },
) {
  const available = await repo.findBalance(trx, input.memberId);
  const take = Math.min(available, input.amount);
  const entryId = await repo.insertLedgerEntry(trx, {
    memberId: input.memberId,
    delta: -input.amount,
    kind: 'reverse',
    reason: input.reason,
    sourceKey: input.sourceKey,
    note: zhCN.members.mergeReversalNote,
    createdAt: input.at,
  });
  if (take > 0) {
    await repo.moveBalance(trx, input.memberId, -take, input.at);
    let need = take;
    const uses: { entryId: number; lotId: number; amount: number }[] = [];
    for (const lot of await repo.openLots(trx, input.memberId)) {
      if (need === 0) break;
      const part = Math.min(need, lot.remaining);
      if (!(await repo.takeFromLot(trx, lot.id, part))) throw new Error(`points lot ${lot.id} changed under a merge`);
      uses.push({ entryId, lotId: lot.id, amount: part });
      need -= part;
    }
    if (need > 0) throw new Error(`member ${input.memberId}'s lots do not cover the balance`);
    await repo.insertLotUses(trx, uses);
  }
  if (input.amount > take) await repo.addDebt(trx, input.memberId, input.amount - take, input.at);
}
