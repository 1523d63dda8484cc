import type { Tx } from '../../lib/transaction.js';
import type { MemberMergeEvent, MemberParticipant } from '../members/events.js';
import * as repo from './distribution.repository.js';

/**
 * Distribution in a merge (decision 019): the absorbed member's binding to a distributor or guide moves to the survivor
 * unless the survivor has one of that kind (the survivor's stays: one at a time); orders they bought stay credited.
 * When only the absorbed member distributed, their distributor (account, ledger, customers) becomes the survivor's.
 * When both did, the absorbed account's balance and debt move across by ledger entries on both sides (each ledger
 * still sums to its account), its frozen commission and its customers move, and it is frozen. In a closing the
 * member's bindings go, and their distributor account is frozen (its ledger is the merchant's record).
 */
export function createDistributionMemberData(): MemberParticipant {
  return {
    name: 'distribution',
    merge: mergeDistribution,
    async close(trx, e) {
      await trx.deleteFrom('distribution_bindings').where('customer_id', '=', e.memberId).execute();
      await trx.updateTable('distributors').set({ status: 'frozen', updated_at: e.at }).where('member_id', '=', e.memberId).execute();
    },
    describe: async (executor, memberId) => ({
      distributor:
        (await executor
          .selectFrom('distributors')
          .select(['status', 'qualified_by', 'balance_fen', 'debt_fen', 'created_at'])
          .where('member_id', '=', memberId)
          .executeTakeFirst()) ?? null,
      bindings: await executor
        .selectFrom('distribution_bindings')
        .select(['sharer_kind', 'bound_at', 'expires_at'])
        .where('customer_id', '=', memberId)
        .execute(),
    }),
  };
}

async function mergeDistribution(trx: Tx, e: MemberMergeEvent) {
  const { survivorId: s, absorbedId: a, at } = e;
  const moved: Record<string, number> = {};
  // The absorbed member's bindings as a customer: moved unless the survivor has one of that kind.
  await trx
    .deleteFrom('distribution_bindings')
    .where('customer_id', '=', a)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('distribution_bindings as sb')
          .select('sb.id')
          .where('sb.customer_id', '=', s)
          .whereRef('sb.sharer_kind', '=', 'distribution_bindings.sharer_kind'),
      ),
    )
    .execute();
  moved.distribution_bindings = Number(
    (await trx.updateTable('distribution_bindings').set({ customer_id: s }).where('customer_id', '=', a).executeTakeFirst()).numUpdatedRows,
  );
  moved.commissions_bought = Number(
    (await trx.updateTable('commissions').set({ buyer_id: s }).where('buyer_id', '=', a).executeTakeFirst()).numUpdatedRows,
  );
  await trx.updateTable('guide_orders').set({ buyer_id: s }).where('buyer_id', '=', a).execute();

  const da = await repo.findDistributorByMember(trx, a);
  if (!da) return { moved };
  const ds = await repo.findDistributorByMember(trx, s);
  if (!ds) {
    await trx.updateTable('distributors').set({ member_id: s, updated_at: at }).where('id', '=', da.id).execute();
    moved.distributors = 1;
    return { moved };
  }
  for (const id of [da.id, ds.id].sort((x, y) => x - y)) await repo.lockDistributor(trx, id);
  const fresh = (await repo.findDistributor(trx, da.id))!;
  const entry = (distributorId: number, delta: number, key: string) =>
    repo.insertLedgerEntry(trx, { distributor_id: distributorId, delta_fen: delta, kind: 'adjust', source_key: key, created_at: at });
  if (fresh.balance_fen > 0) {
    await entry(da.id, -fresh.balance_fen, `merge-out:${ds.id}`);
    await repo.debitBalance(trx, da.id, fresh.balance_fen, at);
    await entry(ds.id, fresh.balance_fen, `merge-in:${da.id}`);
    await repo.creditBalance(trx, ds.id, fresh.balance_fen, at);
  }
  if (fresh.debt_fen > 0) {
    await entry(da.id, fresh.debt_fen, `merge-debt-out:${ds.id}`);
    await repo.creditBalance(trx, da.id, fresh.debt_fen, at);
    await entry(ds.id, -fresh.debt_fen, `merge-debt-in:${da.id}`);
    await repo.reverseIntoBalance(trx, ds.id, fresh.debt_fen, at);
  }
  moved.commissions_earned = Number(
    (
      await trx
        .updateTable('commissions')
        .set({ distributor_id: ds.id })
        .where('distributor_id', '=', da.id)
        .where('status', '=', 'frozen')
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  await trx
    .updateTable('distribution_bindings')
    .set({ sharer_id: ds.id })
    .where('sharer_kind', '=', 'distributor')
    .where('sharer_id', '=', da.id)
    .where('customer_id', '!=', s)
    .execute();
  await trx.updateTable('distributors').set({ status: 'frozen', updated_at: at }).where('id', '=', da.id).execute();
  return { moved };
}
