import { PointsMallItemSnapshot } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { readJson } from '../../db/json-column.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Tx } from '../../lib/transaction.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrderParticipant } from '../orders/events.js';
import type { PointsService } from '../points/index.js';
import * as repo from './points-mall.repository.js';
import type { RedemptionRow } from './points-mall.repository.js';

/** The ledger source of the points a redemption took, and of their return. */
export const SPEND_SOURCE = (id: number) => `mall:redemption:${id}`;
export const RETURN_SOURCE = (id: number) => `mall:redemption:${id}:return`;

export interface CoreDeps {
  db: DB;
  clock: Clock;
  timeZone: string;
  points: PointsService;
  coupons: CouponsService;
  logger: Logger;
}

/**
 * What both the participant and the service do to a redemption: give back what it held (points to the very lots they
 * came from, stock, the member's counts), and fulfil it once paid.
 */
export function createCore(deps: CoreDeps) {
  const { points, coupons, logger } = deps;

  // Rows are taken in the order a redemption takes them (the item, the member's counts, then the member's points
  // lock), so a release and a redemption racing on PostgreSQL cannot deadlock.
  async function release(trx: Tx, r: RedemptionRow, at: Date): Promise<void> {
    const atIso = at.toISOString();
    if (!(await repo.giveBackStock(trx, r.item_id, r.quantity, atIso)))
      throw new AppError('INTERNAL', `points-mall item ${r.item_id} cannot take back ${r.quantity} unit(s)`);
    if (!(await repo.uncount(trx, r.item_id, r.member_id, r.business_date, r.quantity)))
      throw new AppError('INTERNAL', `redemption ${r.id} was not counted against its member`);
    await points.returnDebit(trx, {
      memberId: r.member_id,
      debitSource: SPEND_SOURCE(r.id),
      amount: r.points,
      reason: 'mall_return',
      sourceKey: RETURN_SOURCE(r.id),
      at,
    });
  }

  /** Issues a coupon item's coupons (one per unit, each once: the source ref names the redemption and the unit). */
  async function issueCoupons(trx: Tx, r: RedemptionRow, snapshot: PointsMallItemSnapshot) {
    const ids: number[] = [];
    for (let unit = 1; unit <= r.quantity; unit += 1) {
      const outcome = await coupons.issue(trx, {
        templateId: snapshot.couponTemplateId!,
        memberId: r.member_id,
        source: 'gift',
        sourceRef: `mall:${r.id}:${unit}`,
      });
      if (!outcome.ok) return { ids, failed: outcome.reason };
      ids.push(outcome.couponId);
    }
    return { ids, failed: null };
  }

  /**
   * A redemption paid in full (points, and cash if any) moves on: a coupon is issued, a virtual benefit delivered, a
   * sku item waits for staff to ship. `strict`: a coupon that cannot be issued refuses the redemption (points only);
   * otherwise (the cash is already paid) it waits for staff, who may cancel it and refund.
   */
  async function settle(trx: Tx, r: RedemptionRow, at: Date, strict: boolean): Promise<boolean> {
    const atIso = at.toISOString();
    const id = r.id;
    // Guarded: only a redemption still awaiting payment moves on, once.
    const move = (to: 'awaiting_fulfilment' | 'fulfilled', set: Parameters<typeof repo.moveRedemption>[4]) =>
      repo.moveRedemption(trx, id, ['awaiting_payment'], to, { ...set, paid_at: atIso, updated_at: atIso });
    if (r.kind === 'virtual') return move('fulfilled', { fulfilled_at: atIso });
    if (r.kind === 'sku') return move('awaiting_fulfilment', {});
    if (!(await move('awaiting_fulfilment', {}))) return false;
    const snapshot = readJson(r.item_snapshot, PointsMallItemSnapshot, 'points_mall_redemptions.item_snapshot');
    const { ids, failed } = await issueCoupons(trx, r, snapshot);
    if (failed !== null) {
      if (strict) {
        if (failed === 'sold_out') throw new AppError('COUPON_SOLD_OUT', 'the coupon behind this item has all been issued');
        if (failed === 'template_not_active') throw new AppError('INVALID_STATE', 'the coupon behind this item cannot be issued now');
        throw new AppError('LIMIT_REACHED', 'you already hold as many of this coupon as one member may');
      }
      logger.warn({ redemptionId: id, reason: failed }, 'a paid coupon redemption could not be issued; it waits for staff');
      await repo.updateRedemption(trx, id, { coupon_ids: JSON.stringify(ids), updated_at: atIso });
      return true;
    }
    await repo.moveRedemption(trx, id, ['awaiting_fulfilment'], 'fulfilled', {
      coupon_ids: JSON.stringify(ids),
      fulfilled_at: atIso,
      updated_at: atIso,
    });
    return true;
  }

  return { release, settle };
}

export type RedemptionCore = ReturnType<typeof createCore>;

/**
 * The points mall's part in the order lifecycle, for the orders that carry the cash part of redemptions: paid settles
 * the redemption, closed unpaid (the payment window passed, or the member withdrew) closes it and gives back its points
 * and stock, and such an order is refunded only by cancelling its redemption (staff), never by a refund request alone.
 */
export function createPointsMallParticipant(deps: CoreDeps): OrderParticipant {
  const core = createCore(deps);
  return {
    name: 'points-mall',
    kinds: ['points_mall'],
    async paid(trx, e) {
      const r = await repo.findRedemptionByOrder(trx, e.orderId);
      // Settled at the payment's time (a notification may arrive long after the platform took the money).
      if (r) await core.settle(trx, r, new Date(e.paidAt), false);
    },
    async closedUnpaid(trx, e) {
      const r = await repo.findRedemptionByOrder(trx, e.orderId);
      if (!r) return;
      // Staff may have cancelled it first, in this very transaction (then it is no longer awaiting payment).
      if (!(await repo.moveRedemption(trx, r.id, ['awaiting_payment'], 'closed', { cancelled_at: e.at, updated_at: e.at }))) return;
      await core.release(trx, r, new Date(e.at));
    },
    async refundRequested(trx, e) {
      const r = await repo.findRedemptionByOrder(trx, e.orderId);
      if (r && r.status !== 'cancelled') {
        throw new AppError('INVALID_STATE', 'this is the cash part of a points-mall redemption: staff refund it by cancelling the redemption', {
          redemptionId: r.id,
        });
      }
      return 0;
    },
  };
}
