import {
  addDays,
  type CancelPointsMallRedemptionRequest,
  type FulfilPointsMallRedemptionRequest,
  type MerchantPointsMallRedemption,
  type MerchantPointsMallRedemptionPage,
  type MerchantPointsMallRedemptionQuery,
  startOfBusinessDay,
} from '@siyu/shared';
import { AppError } from '../../lib/app-error.js';
import { inTransaction } from '../../lib/transaction.js';
import type { MessagesService } from '../messages/index.js';
import type { OrdersService } from '../orders/index.js';
import type { RefundsService } from '../payments/index.js';
import * as repo from './points-mall.repository.js';
import type { CoreDeps, RedemptionCore } from './points-mall-settlement.js';
import { toMerchantRedemption } from './points-mall-views.js';

/** The merchant's side of redemptions: lists, shipping a sku item, cancelling (with its refund). */
export function createRedemptionsAdmin(
  deps: CoreDeps & { orders: OrdersService; refunds: RefundsService; core: RedemptionCore; messages?: Pick<MessagesService, 'send'> },
) {
  const { db, clock, timeZone, orders, refunds, logger, core, messages } = deps;
  return {
    async merchantRedemptions(query: MerchantPointsMallRedemptionQuery): Promise<MerchantPointsMallRedemptionPage> {
      const { rows, total } = await repo.pageRedemptions(
        db,
        {
          ...(query.status ? { status: query.status } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.itemId !== undefined ? { itemId: query.itemId } : {}),
          ...(query.memberId !== undefined ? { memberId: query.memberId } : {}),
          ...(query.redemptionNo ? { redemptionNo: query.redemptionNo } : {}),
          ...(query.from ? { createdFrom: startOfBusinessDay(query.from, timeZone).toISOString() } : {}),
          ...(query.to ? { createdBefore: startOfBusinessDay(addDays(query.to, 1), timeZone).toISOString() } : {}),
        },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return { items: rows.map(toMerchantRedemption), page: query.page, pageSize: query.pageSize, total };
    },

    async merchantRedemption(id: number): Promise<MerchantPointsMallRedemption> {
      const r = await repo.findRedemption(db, id);
      if (!r) throw new AppError('NOT_FOUND', `redemption ${id} not found`);
      return toMerchantRedemption(r);
    },

    /** Ships a sku item: carrier and tracking number, once (a guarded move from awaiting_fulfilment). */
    async fulfil(staffId: number, id: number, input: FulfilPointsMallRedemptionRequest): Promise<MerchantPointsMallRedemption> {
      return inTransaction(db, async (trx) => {
        const r = await repo.findRedemption(trx, id);
        if (!r) throw new AppError('NOT_FOUND', `redemption ${id} not found`);
        if (r.kind !== 'sku') throw new AppError('INVALID_STATE', `a ${r.kind} redemption is fulfilled when it is redeemed`, { kind: r.kind });
        const at = clock.now().toISOString();
        const moved = await repo.moveRedemption(trx, id, ['awaiting_fulfilment'], 'fulfilled', {
          carrier: input.carrier,
          tracking_no: input.trackingNo,
          fulfilled_at: at,
          staff_id: staffId,
          updated_at: at,
        });
        if (!moved) {
          const status = (await repo.findRedemption(trx, id))!.status;
          throw new AppError('INVALID_STATE', `redemption is ${status}; only one awaiting fulfilment can be shipped`, { status });
        }
        const shipped = toMerchantRedemption((await repo.findRedemption(trx, id))!);
        // The member hears of it with the shipment (decision 044): the message commits with it, the outbox sends it.
        await messages?.send(trx, {
          kind: 'redemption_shipped',
          memberId: r.member_id,
          sourceKey: `redemption_shipped:${id}`,
          data: { redemptionId: id, itemName: shipped.item.title, carrier: input.carrier, trackingNo: input.trackingNo, shippedAt: at },
        });
        return shipped;
      });
    },

    /**
     * Staff cancel a redemption not yet fulfilled: its points, stock and the member's counts come back in one
     * transaction (a guarded move decides, once). Unpaid cash: its order is closed in the same transaction. Paid cash:
     * the order is refunded in full through the refunds module afterwards (the platform is never called inside a
     * transaction); a refund the platform does not take stays processing, for staff to approve again.
     */
    async cancel(staffId: number, id: number, input: CancelPointsMallRedemptionRequest): Promise<MerchantPointsMallRedemption> {
      const r = await inTransaction(db, async (trx) => {
        const row = await repo.findRedemption(trx, id);
        if (!row) throw new AppError('NOT_FOUND', `redemption ${id} not found`);
        const now = clock.now();
        const at = now.toISOString();
        const set = { cancel_reason: input.reason, cancelled_at: at, staff_id: staffId, updated_at: at };
        const refuse = async () => {
          const status = (await repo.findRedemption(trx, id))!.status;
          throw new AppError('INVALID_STATE', `redemption is ${status}; only one awaiting payment or fulfilment can be cancelled`, { status });
        };
        if (row.status === 'awaiting_payment' && row.order_id !== null) {
          // The order first (as the expiry job and payments do, so they cannot deadlock with this): its closing step
          // closes the redemption and gives everything back; then it is marked cancelled by staff, with the reason.
          if (!(await orders.closeUnpaidByStaff(trx, row.order_id, staffId, input.reason))) return refuse();
          if (!(await repo.moveRedemption(trx, id, ['closed'], 'cancelled', set))) return refuse();
          return row;
        }
        if (!(await repo.moveRedemption(trx, id, ['awaiting_fulfilment'], 'cancelled', set))) return refuse();
        await core.release(trx, row, now);
        return row;
      });
      if (r.status === 'awaiting_fulfilment' && r.cash_fen > 0 && r.order_id !== null) {
        try {
          const refund = await refunds.request(r.member_id, r.order_id, { reason: input.reason });
          await refunds.approve(staffId, refund.id);
        } catch (err) {
          logger.warn({ err, redemptionId: id }, 'the cash part of a cancelled redemption was not refunded yet; see the order’s refunds');
        }
      }
      return toMerchantRedemption((await repo.findRedemption(db, id))!);
    },
  };
}
