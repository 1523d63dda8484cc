import {
  businessDateOf,
  type LoginPlatform,
  type PointsMallItemSnapshot,
  type PointsMallRedemption,
  type RedeemPointsMallItemRequest,
  type ShippingAddressSnapshot,
} from '@siyu/shared';
import { randomInt } from 'node:crypto';
import { AppError } from '../../lib/app-error.js';
import { validationError } from '../../lib/http.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { AddressesService } from '../addresses/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { OrdersService } from '../orders/index.js';
import * as repo from './points-mall.repository.js';
import { type CoreDeps, type RedemptionCore, SPEND_SOURCE } from './points-mall-settlement.js';
import { onSale, toRedemption } from './points-mall-views.js';

/** "PM" and 24 digits: UTC time to the second and 10 random digits. */
function newRedemptionNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `PM${stamp}${String(randomInt(0, 100_000)).padStart(5, '0')}${String(randomInt(0, 100_000)).padStart(5, '0')}`;
}

/** A member redeems an item: stock, limits and points in one transaction, and the order for the cash part. */
export function createRedeem(
  deps: CoreDeps & {
    catalog: CatalogService;
    addresses: AddressesService;
    orders: OrdersService;
    tierLevel: (executor: Executor, memberId: number) => Promise<number>;
    core: RedemptionCore;
  },
) {
  const { db, clock, timeZone, points, catalog, addresses, orders, core } = deps;

  /**
   * Redeems an item, in one transaction: stock taken, the member's total and daily counts raised, points debited
   * (each by a conditional update; any refusal rolls back all), the redemption written. Points only: settled at once.
   * With cash: an order for the cash part, paid like any order before its payment window closes.
   */
  return async function redeem(memberId: number, platform: LoginPlatform | null, req: RedeemPointsMallItemRequest): Promise<PointsMallRedemption> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      const at = now.toISOString();
      const item = await repo.findItem(trx, req.itemId);
      if (item?.status !== 'on') throw new AppError('NOT_FOUND', `points-mall item ${req.itemId} not found`, { field: 'itemId' });
      if (!onSale(item, at)) {
        throw new AppError('POINTS_MALL_NOT_ON_SALE', 'this item is not on sale now', {
          onSaleFrom: item.on_sale_from,
          onSaleUntil: item.on_sale_until,
        });
      }
      const tier = await deps.tierLevel(trx, memberId);
      if (item.min_tier_level > tier) {
        throw new AppError('POINTS_MALL_TIER_TOO_LOW', `this item needs tier level ${item.min_tier_level}`, {
          minTierLevel: item.min_tier_level,
          tierLevel: tier,
        });
      }
      let address: ShippingAddressSnapshot | null = null;
      if (item.kind === 'sku') {
        if (req.addressId === undefined)
          throw validationError([
            { field: 'addressId', code: 'required_for_kind', message: 'required for an item that is shipped', params: { kind: item.kind } },
          ]);
        address = await addresses.snapshot(trx, memberId, req.addressId);
      }
      const itemId = item.id;
      const quantity = req.quantity;
      const pointsTotal = item.points_price * quantity;
      const cashTotal = item.cash_fen * quantity;
      const businessDate = businessDateOf(now, timeZone);

      if (!(await repo.takeStock(trx, itemId, quantity, at))) {
        const left = (await repo.findItem(trx, itemId))?.stock_left ?? 0;
        throw new AppError('POINTS_MALL_SOLD_OUT', left > 0 ? `only ${left} left` : 'this item is sold out', { stockLeft: left });
      }
      if (!(await repo.countTotal(trx, itemId, memberId, quantity, item.per_member_limit))) {
        throw new AppError('POINTS_MALL_LIMIT_REACHED', `one member may redeem at most ${item.per_member_limit} of this item`, {
          perMemberLimit: item.per_member_limit,
        });
      }
      if (!(await repo.countDay(trx, itemId, memberId, businessDate, quantity, item.per_member_daily_limit))) {
        throw new AppError('POINTS_MALL_DAILY_LIMIT_REACHED', `one member may redeem at most ${item.per_member_daily_limit} of this item a day`, {
          perMemberDailyLimit: item.per_member_daily_limit,
        });
      }

      const redemptionNo = newRedemptionNo(now);
      const snapshot: PointsMallItemSnapshot = {
        kind: item.kind,
        title: item.title,
        imageUrl: item.image_url,
        description: item.description,
        pointsPrice: item.points_price,
        cashFen: item.cash_fen,
        skuId: item.sku_id,
        couponTemplateId: item.coupon_template_id,
      };
      let order: { orderId: number; expiresAt: string } | null = null;
      if (cashTotal > 0) {
        const productId = item.sku_id === null ? null : ((await catalog.skusForPurchase(trx, [item.sku_id]))[0]?.product_id ?? 0) || null;
        order = await orders.createPointsMallOrder(trx, {
          memberId,
          platform,
          title: item.title,
          imageUrl: item.image_url,
          skuId: snapshot.skuId,
          productId,
          unitCashFen: item.cash_fen,
          quantity,
          address,
          redemptionNo,
        });
      }
      const id = await repo.insertRedemption(trx, {
        redemption_no: redemptionNo,
        member_id: memberId,
        item_id: itemId,
        kind: item.kind,
        item_snapshot: JSON.stringify(snapshot),
        quantity,
        points: pointsTotal,
        cash_fen: cashTotal,
        business_date: businessDate,
        status: 'awaiting_payment',
        order_id: order?.orderId ?? null,
        payment_deadline: order?.expiresAt ?? null,
        address: address === null ? null : JSON.stringify(address),
        carrier: null,
        tracking_no: null,
        instructions: item.kind === 'virtual' ? item.instructions : null,
        cancel_reason: null,
        staff_id: null,
        created_at: at,
        paid_at: null,
        fulfilled_at: null,
        cancelled_at: null,
        updated_at: at,
      });
      // INSUFFICIENT_POINTS here rolls back the stock, the counts and the order too.
      await points.post(trx, {
        memberId,
        delta: -pointsTotal,
        kind: 'spend',
        reason: 'mall_redemption',
        sourceKey: SPEND_SOURCE(id),
        note: `${item.title} × ${quantity}`,
        at: now,
      });
      const row = (await repo.findRedemption(trx, id))!;
      if (cashTotal === 0) await core.settle(trx, row, now, true);
      return toRedemption((await repo.findRedemption(trx, id))!);
    });
  };
}
