import type { CommissionRule, DistributionSettings } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { OrderParticipant } from '../orders/events.js';
import { commissionFor, lineAfterRefund } from './commission-rules.js';
import * as repo from './distribution.repository.js';

const DAY_MS = 24 * 3600_000;

export interface CommissionDeps {
  db: DB;
  clock: Clock;
  settingsOf: (executor: Executor) => Promise<DistributionSettings>;
  rulesOf: (executor: Executor) => Promise<CommissionRule[]>;
  categoryParents: (executor: Executor) => Promise<Map<number, number | null>>;
  productCategories: (executor: Executor, productIds: number[]) => Promise<Map<number, number | null>>;
}

/** The active distributor a member is bound to now (the binding unexpired, the distributor active), or null. */
export async function boundDistributor(executor: Executor, memberId: number, at: string) {
  const b = await repo.findBinding(executor, memberId, 'distributor');
  if (!b || (b.expires_at !== null && b.expires_at <= at)) return null;
  const d = await repo.findDistributor(executor, b.sharer_id);
  return d?.status === 'active' && d.member_id !== memberId ? d : null;
}

/** Credits the ledger and the balance for one entry (debt repaid first); nothing when the key was posted before. */
export async function postCredit(
  trx: Tx,
  e: {
    distributorId: number;
    amount: number;
    kind: 'settle' | 'withdraw_return' | 'adjust';
    sourceKey: string;
    at: string;
    commissionId?: number;
    withdrawalId?: number;
  },
) {
  if (e.amount <= 0) return false;
  await repo.lockDistributor(trx, e.distributorId);
  const posted = await repo.insertLedgerEntry(trx, {
    distributor_id: e.distributorId,
    delta_fen: e.amount,
    kind: e.kind,
    source_key: e.sourceKey,
    commission_id: e.commissionId ?? null,
    withdrawal_id: e.withdrawalId ?? null,
    created_at: e.at,
  });
  if (posted) await repo.creditBalance(trx, e.distributorId, e.amount, e.at);
  return posted;
}

/**
 * Commission in the order lifecycle (decision 036): frozen when the order is paid, its refund window started when the
 * order is completed, cut line by line when a refund succeeds (cancelled while frozen, reversed once settled).
 */
export function createCommissionParticipant(deps: CommissionDeps): OrderParticipant {
  return {
    name: 'distribution',
    kinds: ['goods'],
    async paid(trx, e) {
      const settings = await deps.settingsOf(trx);
      const at = e.paidAt;
      const paidGoods = e.lines.reduce((s, l) => s + l.paidFen, 0);
      // One read for the buyer's bindings (a distributor, a guide), one for the distributors that may earn.
      const bindings = (await trx.selectFrom('distribution_bindings').selectAll().where('customer_id', '=', e.memberId).execute()).filter(
        (b) => b.expires_at === null || b.expires_at > at,
      );
      const guideBinding = bindings.find((b) => b.sharer_kind === 'guide');
      const guide = guideBinding
        ? await trx.selectFrom('guides').selectAll().where('id', '=', guideBinding.sharer_id).where('status', '=', 'active').executeTakeFirst()
        : undefined;
      if (guide) {
        await trx
          .insertInto('guide_orders')
          .values({ order_id: e.orderId, guide_id: guide.id, store_id: guide.store_id, buyer_id: e.memberId, paid_fen: paidGoods, paid_at: at })
          .onConflict((oc) => oc.column('order_id').doNothing())
          .execute();
      }
      if (!settings.enabled || paidGoods === 0) return;
      const bound = bindings.find((b) => b.sharer_kind === 'distributor');
      const candidates = await trx
        .selectFrom('distributors')
        .select(['id', 'member_id', 'status'])
        .where((eb) => {
          const either = [eb('id', '=', bound?.sharer_id ?? 0)];
          if (settings.selfPurchase) either.push(eb('member_id', '=', e.memberId));
          return eb.or(either);
        })
        .where('status', '=', 'active')
        .execute();
      const own = candidates.find((d) => d.member_id === e.memberId);
      const first = own ?? candidates.find((d) => d.id === bound?.sharer_id && d.member_id !== e.memberId);
      if (!first) return;
      const second =
        settings.levels === 2
          ? await trx
              .selectFrom('distribution_bindings as b')
              .innerJoin('distributors as d', 'd.id', 'b.sharer_id')
              .select(['d.id', 'd.member_id'])
              .where('b.customer_id', '=', first.member_id)
              .where('b.sharer_kind', '=', 'distributor')
              .where('d.status', '=', 'active')
              .where((eb) => eb.or([eb('b.expires_at', 'is', null), eb('b.expires_at', '>', at)]))
              .executeTakeFirst()
          : undefined;
      const rules = await deps.rulesOf(trx);
      if (rules.length === 0) return;
      // Categories are read only when a rule names one.
      const byCategory = rules.some((r) => r.scope === 'category');
      const categories = byCategory
        ? await deps.productCategories(
            trx,
            e.lines.map((l) => l.productId),
          )
        : new Map<number, number | null>();
      const parents = byCategory ? await deps.categoryParents(trx) : new Map<number, number | null>();
      const lines = e.lines.map((l) => ({
        orderLineId: l.orderLineId,
        productId: l.productId,
        categoryId: categories.get(l.productId) ?? null,
        paidFen: l.paidFen,
      }));
      const levels: [1 | 2, { id: number; member_id: number }][] = [[1, first]];
      if (second && second.member_id !== e.memberId && second.id !== first.id) levels.push([2, second]);
      for (const [level, d] of levels) {
        const shares = commissionFor(rules, lines, level, parents);
        const total = shares.reduce((s, x) => s + x.amountFen, 0);
        if (total === 0) continue;
        const inserted = await trx
          .insertInto('commissions')
          .values({
            order_id: e.orderId,
            level,
            distributor_id: d.id,
            buyer_id: e.memberId,
            guide_id: guide?.id ?? null,
            status: 'frozen',
            initial_fen: total,
            amount_fen: total,
            base_fen: paidGoods,
            settle_after: null,
            settled_at: null,
            created_at: at,
            updated_at: at,
          })
          .onConflict((oc) => oc.columns(['order_id', 'level']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) continue;
        await trx
          .insertInto('commission_lines')
          .values(
            shares.map((s) => ({
              commission_id: inserted.id,
              order_line_id: s.orderLineId,
              rate_bp: s.rateBp,
              base_fen: s.baseFen,
              amount_fen: s.amountFen,
            })),
          )
          .execute();
      }
    },
    async completed(trx, e) {
      const settings = await deps.settingsOf(trx);
      const after = new Date(Date.parse(e.completedAt) + settings.settleAfterDays * DAY_MS).toISOString();
      await trx
        .updateTable('commissions')
        .set({ settle_after: after, updated_at: e.completedAt })
        .where('order_id', '=', e.orderId)
        .where('status', '=', 'frozen')
        .execute();
    },
    async refunded(trx, e) {
      const at = e.refundedAt;
      const refunded = new Map(e.refundedLines.map((l) => [l.orderLineId, l.amountFen]));
      const g = await trx.selectFrom('guide_orders').select(['paid_fen', 'refunded_fen']).where('order_id', '=', e.orderId).executeTakeFirst();
      if (g) {
        const back = e.refundedLines.reduce((s, l) => s + l.amountFen, 0);
        const next = e.fullyRefunded ? g.paid_fen : Math.min(g.paid_fen, g.refunded_fen + back);
        await trx.updateTable('guide_orders').set({ refunded_fen: next }).where('order_id', '=', e.orderId).execute();
      }
      // Each commission row first, locked: the settlement job takes it the same way, so whichever comes second sees
      // what the first did (a frozen part is cancelled, a settled part reversed, once).
      for (const c of await repo.lockCommissionsOfOrder(trx, e.orderId)) {
        if (c.status === 'cancelled' || c.amount_fen === 0) continue;
        const lines = await trx.selectFrom('commission_lines').selectAll().where('commission_id', '=', c.id).execute();
        let total = 0;
        for (const l of lines) {
          const { refundedFen: refundedNow, amountFen: amount } = lineAfterRefund(
            { baseFen: l.base_fen, refundedFen: l.refunded_fen, rateBp: l.rate_bp, amountFen: l.amount_fen },
            refunded.get(l.order_line_id) ?? 0,
            e.fullyRefunded,
          );
          if (refundedNow !== l.refunded_fen || amount !== l.amount_fen) {
            await trx.updateTable('commission_lines').set({ refunded_fen: refundedNow, amount_fen: amount }).where('id', '=', l.id).execute();
          }
          total += amount;
        }
        const cut = c.amount_fen - total;
        if (cut <= 0) continue;
        const status = c.status === 'frozen' && total === 0 ? 'cancelled' : c.status;
        await trx.updateTable('commissions').set({ amount_fen: total, status, updated_at: at }).where('id', '=', c.id).execute();
        if (c.status === 'settled') {
          await repo.lockDistributor(trx, c.distributor_id);
          const posted = await repo.insertLedgerEntry(trx, {
            distributor_id: c.distributor_id,
            delta_fen: -cut,
            kind: 'reverse',
            source_key: `commission-reverse:${c.id}:${e.refundNo}`,
            commission_id: c.id,
            created_at: at,
          });
          if (!posted) throw new AppError('INTERNAL', `commission ${c.id} was already reversed for refund ${e.refundNo}`);
          await repo.reverseIntoBalance(trx, c.distributor_id, cut, at);
        }
      }
    },
  };
}

/**
 * Settles frozen commission whose refund window has passed: each row once (a guarded move from frozen), its amount
 * credited under the source key `commission:<id>`. Safe to run anywhere, any time, by several runners at once.
 * One transaction per batch; a row a refund is cutting is waited for (PostgreSQL: its row lock).
 */
export async function settleDue(deps: Pick<CommissionDeps, 'db' | 'clock'>, now: Date = deps.clock.now(), batch = 500): Promise<number> {
  const at = now.toISOString();
  let settled = 0;
  for (;;) {
    const due = await repo.dueCommissions(deps.db, at, batch);
    if (due.length === 0) return settled;
    let moved = 0;
    await inTransaction(
      deps.db,
      async (trx) => {
        for (const { id } of due) {
          const c = await repo.lockCommission(trx, id);
          if (c?.status !== 'frozen' || c.settle_after === null || c.settle_after > at) continue;
          const to = c.amount_fen > 0 ? 'settled' : 'cancelled';
          const r = await trx
            .updateTable('commissions')
            .set({ status: to, settled_at: at, updated_at: at })
            .where('id', '=', id)
            .where('status', '=', 'frozen')
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) continue;
          moved += 1;
          if (to === 'settled') {
            await postCredit(trx, {
              distributorId: c.distributor_id,
              amount: c.amount_fen,
              kind: 'settle',
              sourceKey: `commission:${id}`,
              at,
              commissionId: id,
            });
            settled += 1;
          }
        }
      },
      { memberLock: 'none' },
    );
    if (moved === 0 || due.length < batch) return settled;
  }
}
