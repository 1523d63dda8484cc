import type { CreateOrderRequest } from '@siyu/shared';
import { AppError } from '../../lib/app-error.js';
import type { Tx } from '../../lib/transaction.js';
import type { OrderParticipant } from '../orders/events.js';
import type { PointsService } from '../points/index.js';
import { balanceShareOfRefund, splitReturn, splitSpend, type WalletSettingsReader } from './wallet-rules.js';
import * as repo from './wallet.repository.js';

/**
 * Stored value's part in the order lifecycle (decisions 038, 039), in the order's transaction:
 * - goods: `prepaid` pays what the balance covers when the member asked (`useBalance`), a ledger debit the database
 *   refuses below zero; `closedUnpaid` gives it back; `paid` settles it; `refundRequested` keeps the balance's share of
 *   a refund back from the platform payout, and `refunded` gives that share back to the balance, in the parts paid.
 * - top_up: `paid` credits principal and bonus once (a guarded move of the top-up and a unique source key), and the
 *   package's bonus points; `closedUnpaid` closes it; a refund is only for a top-up still wholly unspent (principal
 *   and bonus), and takes both back.
 */
export function createWalletOrderParticipant(deps: { settings: WalletSettingsReader; points: Pick<PointsService, 'post'> }): OrderParticipant {
  async function creditTopUp(trx: Tx, orderId: number, at: string) {
    const t = await repo.findTopUpByOrder(trx, orderId);
    if (!t || !(await repo.moveTopUp(trx, t.id, 'awaiting_payment', 'credited', at))) return;
    await repo.postEntry(trx, {
      member_id: t.member_id,
      kind: 'top_up',
      principal_delta: t.amount_fen,
      bonus_delta: t.bonus_fen,
      source_key: `top-up:${t.top_up_no}`,
      order_id: orderId,
      staff_id: null,
      note: t.top_up_no,
      created_at: at,
    });
    if (t.bonus_points > 0)
      await deps.points.post(trx, {
        memberId: t.member_id,
        delta: t.bonus_points,
        reason: 'adjustment',
        kind: 'earn',
        sourceKey: `top-up:${t.top_up_no}`,
        note: `储值赠送 ${t.top_up_no}`,
        at: new Date(at),
      });
  }

  return {
    name: 'wallet',
    kinds: ['goods', 'top_up'],

    async prepaid(trx, e, remainingFen) {
      if (e.kind !== 'goods' || !(e.request as CreateOrderRequest | null)?.useBalance || remainingFen <= 0) return 0;
      const account = await repo.lockAccount(trx, e.memberId, e.at);
      const amountFen = Math.min(remainingFen, account.principalFen + account.bonusFen);
      if (amountFen === 0) return 0;
      const { bonusRule } = await deps.settings(trx);
      const part = splitSpend(account, amountFen, bonusRule);
      await repo.postEntry(trx, {
        member_id: e.memberId,
        kind: 'spend',
        principal_delta: -part.principalFen,
        bonus_delta: -part.bonusFen,
        source_key: `order:${e.orderId}`,
        order_id: e.orderId,
        staff_id: null,
        note: e.orderNo,
        created_at: e.at,
      });
      await repo.insertOrderPayment(trx, {
        order_id: e.orderId,
        member_id: e.memberId,
        principal_fen: part.principalFen,
        bonus_fen: part.bonusFen,
        status: 'held',
        created_at: e.at,
        updated_at: e.at,
      });
      return amountFen;
    },

    async closedUnpaid(trx, e) {
      if (e.kind === 'top_up') {
        const t = await repo.findTopUpByOrder(trx, e.orderId);
        if (t) await repo.moveTopUp(trx, t.id, 'awaiting_payment', 'closed', e.at);
        return;
      }
      const p = await repo.findOrderPayment(trx, e.orderId);
      if (!p || !(await repo.moveOrderPayment(trx, e.orderId, 'held', 'released', e.at))) return;
      await repo.postEntry(trx, {
        member_id: p.member_id,
        kind: 'spend_return',
        principal_delta: p.principal_fen,
        bonus_delta: p.bonus_fen,
        source_key: `order-closed:${e.orderId}`,
        order_id: e.orderId,
        staff_id: null,
        note: e.orderNo,
        created_at: e.at,
      });
    },

    async paid(trx, e) {
      if (e.kind === 'top_up') return creditTopUp(trx, e.orderId, e.paidAt);
      await repo.moveOrderPayment(trx, e.orderId, 'held', 'paid', e.paidAt);
    },

    async refundRequested(executor, e) {
      const t = await repo.findTopUpByOrder(executor, e.orderId);
      if (t) {
        // A top-up is refunded only while all it brought is still there; the refund takes principal and bonus back.
        const account = await repo.findAccount(executor, t.member_id);
        if (t.status !== 'credited' || !e.wholeOrder || account.principalFen < t.amount_fen || account.bonusFen < t.bonus_fen)
          throw new AppError('INSUFFICIENT_BALANCE', 'a top-up is refunded only in whole, while its principal and bonus are unspent', {
            principalFen: account.principalFen,
            bonusFen: account.bonusFen,
            topUpFen: t.amount_fen,
            topUpBonusFen: t.bonus_fen,
          });
        return 0;
      }
      const p = await repo.findOrderPayment(executor, e.orderId);
      if (p?.status !== 'paid') return 0;
      return balanceShareOfRefund(
        e.amountFen,
        e.payableFen,
        { principalFen: p.principal_fen, bonusFen: p.bonus_fen },
        { principalFen: p.returned_principal_fen, bonusFen: p.returned_bonus_fen },
        e.wholeOrder,
      );
    },

    async refunded(trx, e) {
      const at = e.refundedAt;
      if (e.kind === 'top_up') {
        const t = await repo.findTopUpByOrder(trx, e.orderId);
        if (!t || !(await repo.moveTopUp(trx, t.id, 'credited', 'refunded', at))) return;
        await repo.lockAccount(trx, t.member_id, at);
        await repo.postEntry(trx, {
          member_id: t.member_id,
          kind: 'top_up_refund',
          principal_delta: -t.amount_fen,
          bonus_delta: -t.bonus_fen,
          source_key: `top-up-refund:${t.top_up_no}`,
          order_id: e.orderId,
          staff_id: e.actor.type === 'staff' ? e.actor.id : null,
          note: e.refundNo,
          created_at: at,
        });
        return;
      }
      const p = await repo.findOrderPayment(trx, e.orderId);
      if (!p) return;
      const paid = { principalFen: p.principal_fen, bonusFen: p.bonus_fen };
      const returned = { principalFen: p.returned_principal_fen, bonusFen: p.returned_bonus_fen };
      const share = balanceShareOfRefund(e.amountFen, e.payableFen, paid, returned, e.fullyRefunded);
      if (share === 0) return;
      const back = splitReturn(paid, returned, share);
      await repo.addReturned(trx, e.orderId, back.principalFen, back.bonusFen, at);
      await repo.postEntry(trx, {
        member_id: p.member_id,
        kind: 'refund',
        principal_delta: back.principalFen,
        bonus_delta: back.bonusFen,
        source_key: `refund:${e.refundNo}`,
        order_id: e.orderId,
        staff_id: null,
        note: e.refundNo,
        created_at: at,
      });
    },
  };
}
