import type { MessagesService } from '../messages/index.js';
import {
  businessDateOf,
  type MemberPointsMallRedemptionQuery,
  POINTS_MALL_MAX_QUANTITY,
  type PointsMallItem,
  type PointsMallItemPage,
  type PointsMallItemQuery,
  type PointsMallRedemption,
  type PointsMallRedemptionPage,
  type PointsMallUnavailableReason,
} from '@siyu/shared';
import { AppError } from '../../lib/app-error.js';
import { imageUrlOrNull } from '../../lib/media-url.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { AddressesService } from '../addresses/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { OrdersService } from '../orders/index.js';
import type { RefundsService } from '../payments/index.js';
import * as repo from './points-mall.repository.js';
import type { ItemRow, RedemptionRow } from './points-mall.repository.js';
import { createPointsMallItems } from './points-mall-items.js';
import { createRedeem } from './points-mall-redeem.js';
import { createRedemptionsAdmin } from './points-mall-redemptions-admin.js';
import { type CoreDeps, createCore } from './points-mall-settlement.js';
import { onSale, toRedemption } from './points-mall-views.js';
import type {
  CancelPointsMallRedemptionRequest,
  FulfilPointsMallRedemptionRequest,
  LoginPlatform,
  MerchantPointsMallItem,
  MerchantPointsMallItemPage,
  MerchantPointsMallItemQuery,
  MerchantPointsMallRedemption,
  MerchantPointsMallRedemptionPage,
  MerchantPointsMallRedemptionQuery,
  NewPointsMallItem,
  PointsMallStockAdjustment,
  RedeemPointsMallItemRequest,
  UpdatePointsMallItem,
} from '@siyu/shared';

export interface PointsMallService {
  merchantRedemptions(query: MerchantPointsMallRedemptionQuery): Promise<MerchantPointsMallRedemptionPage>;
  merchantRedemption(id: number): Promise<MerchantPointsMallRedemption>;
  /**
   * Ships a sku item: carrier and tracking number, once (a guarded move from awaiting_fulfilment).
   */
  fulfil(staffId: number, id: number, input: FulfilPointsMallRedemptionRequest): Promise<MerchantPointsMallRedemption>;
  /**
   * Staff cancel a redemption not yet fulfilled: its points, stock and the member's counts come back in one
   * transaction (a guarded move decides, once). Unpaid cash: its order is closed in the same transaction. Paid cash:
   * the order is refunded in full through the refunds module afterwards (the platform is never called inside a
   * transaction); a refund the platform does not take stays processing, for staff to approve again.
   */
  cancel(staffId: number, id: number, input: CancelPointsMallRedemptionRequest): Promise<MerchantPointsMallRedemption>;
  merchantItems(query: MerchantPointsMallItemQuery): Promise<MerchantPointsMallItemPage>;
  merchantItem(id: number): Promise<MerchantPointsMallItem>;
  createItem(staffId: number, input: NewPointsMallItem): Promise<MerchantPointsMallItem>;
  updateItem(id: number, input: UpdatePointsMallItem): Promise<MerchantPointsMallItem>;
  adjustStock(id: number, input: PointsMallStockAdjustment): Promise<MerchantPointsMallItem>;
  memberItems(memberId: number, query: PointsMallItemQuery): Promise<PointsMallItemPage>;
  /**
   * One item as the member sees it; an item switched off is not found.
   */
  memberItem(memberId: number, id: number): Promise<PointsMallItem>;
  redeem(memberId: number, platform: LoginPlatform | null, req: RedeemPointsMallItemRequest): Promise<PointsMallRedemption>;
  memberRedemptions(memberId: number, query: MemberPointsMallRedemptionQuery): Promise<PointsMallRedemptionPage>;
  memberRedemption(memberId: number, id: number): Promise<PointsMallRedemption>;
  /**
   * The member withdraws a redemption whose cash part is unpaid: its order is cancelled, points and stock come back.
   */
  withdraw(memberId: number, id: number): Promise<PointsMallRedemption>;
}

/**
 * The points mall (docs/decisions/016-points-mall.md). A redemption takes the item's stock, counts against the member's
 * total and daily limits and debits the points, all in one transaction and each by a conditional update the database
 * decides (invariants 1 and 3); the cash part, if any, is an order paid like any other.
 *
 * One file per job: redeeming (points-mall-redeem.ts), settling and releasing a redemption with the order lifecycle's
 * step (points-mall-settlement.ts), the merchant's items (points-mall-items.ts) and redemptions
 * (points-mall-redemptions-admin.ts), the row views (points-mall-views.ts); here, the member's side.
 */
export function createPointsMallService(
  deps: CoreDeps & {
    catalog: CatalogService;
    addresses: AddressesService;
    orders: OrdersService;
    refunds: RefundsService;
    /** The member's tier level (tiers do not exist yet: 0). */
    tierLevel: (executor: Executor, memberId: number) => Promise<number>;
    /** Messages the member (a shipped redemption); none in a set-up without messages. */
    messages?: Pick<MessagesService, 'send'>;
  },
): PointsMallService {
  const { db, clock, timeZone, points, orders } = deps;
  const core = createCore(deps);
  const items = createPointsMallItems(deps);
  const redeem = createRedeem({ ...deps, core });
  const redemptionsAdmin = createRedemptionsAdmin({ ...deps, core });

  async function ownRedemption(executor: Executor, memberId: number, id: number): Promise<RedemptionRow> {
    const r = await repo.findRedemption(executor, id);
    if (!r || r.member_id !== memberId) throw new AppError('NOT_FOUND', `redemption ${id} not found`);
    return r;
  }

  /** The member's view of items: whether they can redeem each now, how many, and if not, why. */
  async function memberViews(executor: Executor, memberId: number, rows: ItemRow[]): Promise<{ items: PointsMallItem[]; available: number }> {
    const now = clock.now();
    const at = now.toISOString();
    const [available, tier, counts] = await Promise.all([
      points.balance(executor, memberId),
      deps.tierLevel(executor, memberId),
      repo.memberCounts(
        executor,
        memberId,
        rows.map((r) => r.id),
        businessDateOf(now, timeZone),
      ),
    ]);
    const items = rows.map((r): PointsMallItem => {
      const id = r.id;
      const mine = counts.totals.get(id) ?? 0;
      const today = counts.today.get(id) ?? 0;
      const stockLeft = r.stock_left;
      const price = r.points_price;
      const byLimit = r.per_member_limit === null ? Number.POSITIVE_INFINITY : r.per_member_limit - mine;
      const byDay = r.per_member_daily_limit === null ? Number.POSITIVE_INFINITY : r.per_member_daily_limit - today;
      const byPoints = Math.floor(available / price);
      let reason: PointsMallUnavailableReason | null = null;
      if (!onSale(r, at)) reason = 'NOT_ON_SALE';
      else if (r.min_tier_level > tier) reason = 'TIER_TOO_LOW';
      else if (stockLeft <= 0) reason = 'SOLD_OUT';
      else if (byLimit <= 0) reason = 'LIMIT_REACHED';
      else if (byDay <= 0) reason = 'DAILY_LIMIT_REACHED';
      else if (byPoints <= 0) reason = 'NOT_ENOUGH_POINTS';
      return {
        id,
        kind: r.kind,
        title: r.title,
        imageUrl: imageUrlOrNull(r.image_url),
        description: r.description,
        pointsPrice: price,
        cashFen: r.cash_fen,
        stockLeft,
        perMemberLimit: r.per_member_limit,
        perMemberDailyLimit: r.per_member_daily_limit,
        onSaleFrom: r.on_sale_from,
        onSaleUntil: r.on_sale_until,
        minTierLevel: r.min_tier_level,
        redeemedByMe: mine,
        redeemedByMeToday: today,
        canRedeem: reason === null,
        unavailableReason: reason,
        maxQuantity: reason === null ? Math.min(POINTS_MALL_MAX_QUANTITY, stockLeft, byLimit, byDay, byPoints) : 0,
      };
    });
    return { items, available };
  }

  return {
    // ---- members ----

    async memberItems(memberId: number, query: PointsMallItemQuery): Promise<PointsMallItemPage> {
      const { rows, total } = await repo.pageOnSale(
        db,
        clock.now().toISOString(),
        query.kind ? { kind: query.kind } : {},
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      const { items, available } = await memberViews(db, memberId, rows);
      return { items, page: query.page, pageSize: query.pageSize, total, availablePoints: available };
    },

    /** One item as the member sees it; an item switched off is not found. */
    async memberItem(memberId: number, id: number): Promise<PointsMallItem> {
      const r = await repo.findItem(db, id);
      if (r?.status !== 'on') throw new AppError('NOT_FOUND', `points-mall item ${id} not found`);
      return (await memberViews(db, memberId, [r])).items[0]!;
    },

    redeem,

    async memberRedemptions(memberId: number, query: MemberPointsMallRedemptionQuery): Promise<PointsMallRedemptionPage> {
      const { rows, total } = await repo.pageRedemptions(
        db,
        { memberId, ...(query.status ? { status: query.status } : {}) },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return { items: rows.map(toRedemption), page: query.page, pageSize: query.pageSize, total };
    },

    memberRedemption: async (memberId: number, id: number): Promise<PointsMallRedemption> => toRedemption(await ownRedemption(db, memberId, id)),

    /** The member withdraws a redemption whose cash part is unpaid: its order is cancelled, points and stock come back. */
    async withdraw(memberId: number, id: number): Promise<PointsMallRedemption> {
      return inTransaction(db, async (trx) => {
        const r = await ownRedemption(trx, memberId, id);
        if (r.status !== 'awaiting_payment' || r.order_id === null) {
          throw new AppError('INVALID_STATE', `redemption is ${r.status}; only one awaiting payment can be withdrawn`, { status: r.status });
        }
        await orders.cancel(memberId, r.order_id, undefined, trx);
        return toRedemption((await repo.findRedemption(trx, id))!);
      });
    },

    ...items,

    // ---- merchant: redemptions ----

    ...redemptionsAdmin,
  };
}
