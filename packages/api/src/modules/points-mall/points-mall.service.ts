import {
  addDays,
  businessDateOf,
  type CancelPointsMallRedemptionRequest,
  type FulfilPointsMallRedemptionRequest,
  type LoginPlatform,
  type MemberPointsMallRedemptionQuery,
  type MerchantPointsMallItem,
  type MerchantPointsMallItemPage,
  type MerchantPointsMallItemQuery,
  type MerchantPointsMallRedemption,
  type MerchantPointsMallRedemptionPage,
  type MerchantPointsMallRedemptionQuery,
  type NewPointsMallItem,
  POINTS_MALL_MAX_QUANTITY,
  type PointsMallItem,
  type PointsMallItemPage,
  type PointsMallItemQuery,
  type PointsMallItemSnapshot,
  type PointsMallRedemption,
  type PointsMallRedemptionPage,
  type PointsMallStockAdjustment,
  type PointsMallUnavailableReason,
  type RedeemPointsMallItemRequest,
  type ShippingAddressSnapshot,
  startOfBusinessDay,
  type UpdatePointsMallItem,
} from '@siyu/shared';
import { randomInt } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { isCheckViolation, isForeignKeyViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import { imageToStore, imageUrlOrNull } from '../../lib/media-url.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { AddressesService } from '../addresses/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrderParticipant, OrdersService } from '../orders/index.js';
import type { RefundsService } from '../payments/index.js';
import type { PointsService } from '../points/index.js';
import * as repo from './points-mall.repository.js';
import type { ItemRow, RedemptionRow } from './points-mall.repository.js';

/** The ledger source of the points a redemption took, and of their return. */
const SPEND_SOURCE = (id: number) => `mall:redemption:${id}`;
const RETURN_SOURCE = (id: number) => `mall:redemption:${id}:return`;

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** "PM" and 24 digits: UTC time to the second and 10 random digits. */
function newRedemptionNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `PM${stamp}${String(randomInt(0, 100_000)).padStart(5, '0')}${String(randomInt(0, 100_000)).padStart(5, '0')}`;
}

function toMerchantItem(r: ItemRow): MerchantPointsMallItem {
  return {
    id: Number(r.id),
    kind: r.kind,
    skuId: r.sku_id === null ? null : Number(r.sku_id),
    couponTemplateId: r.coupon_template_id === null ? null : Number(r.coupon_template_id),
    title: r.title,
    imageUrl: imageUrlOrNull(r.image_url),
    description: r.description,
    instructions: r.instructions,
    pointsPrice: Number(r.points_price),
    cashFen: Number(r.cash_fen),
    totalStock: Number(r.total_stock),
    stockLeft: Number(r.stock_left),
    redeemedCount: Number(r.total_stock) - Number(r.stock_left),
    perMemberLimit: r.per_member_limit,
    perMemberDailyLimit: r.per_member_daily_limit,
    onSaleFrom: r.on_sale_from,
    onSaleUntil: r.on_sale_until,
    minTierLevel: r.min_tier_level,
    sortOrder: r.sort_order,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRedemption(r: RedemptionRow): PointsMallRedemption {
  const item = parseJson<PointsMallItemSnapshot>(r.item_snapshot, {
    kind: r.kind,
    title: '',
    imageUrl: null,
    description: '',
    pointsPrice: 0,
    cashFen: 0,
    skuId: null,
    couponTemplateId: null,
  });
  return {
    id: Number(r.id),
    redemptionNo: r.redemption_no,
    itemId: Number(r.item_id),
    item: { ...item, imageUrl: imageUrlOrNull(item.imageUrl) },
    quantity: r.quantity,
    points: Number(r.points),
    cashFen: Number(r.cash_fen),
    status: r.status,
    orderId: r.order_id === null ? null : Number(r.order_id),
    paymentDeadline: r.payment_deadline,
    address: parseJson<ShippingAddressSnapshot | null>(r.address, null),
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    couponIds: parseJson<number[]>(r.coupon_ids, []),
    instructions: r.status === 'fulfilled' ? r.instructions : null,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    fulfilledAt: r.fulfilled_at,
    cancelledAt: r.cancelled_at,
  };
}

const toMerchantRedemption = (r: RedemptionRow): MerchantPointsMallRedemption => ({ ...toRedemption(r), memberId: Number(r.member_id) });

function onSale(item: ItemRow, at: string): boolean {
  return item.status === 'on' && (item.on_sale_from === null || item.on_sale_from <= at) && (item.on_sale_until === null || item.on_sale_until > at);
}

interface CoreDeps {
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
function createCore(deps: CoreDeps) {
  const { points, coupons, logger } = deps;

  // Rows are taken in the order a redemption takes them (the item, the member's counts, then the member's points
  // lock), so a release and a redemption racing on PostgreSQL cannot deadlock.
  async function release(trx: Tx, r: RedemptionRow, at: Date): Promise<void> {
    const atIso = at.toISOString();
    if (!(await repo.giveBackStock(trx, Number(r.item_id), r.quantity, atIso)))
      throw new AppError('INTERNAL', `points-mall item ${r.item_id} cannot take back ${r.quantity} unit(s)`);
    if (!(await repo.uncount(trx, Number(r.item_id), Number(r.member_id), r.business_date, r.quantity)))
      throw new AppError('INTERNAL', `redemption ${r.id} was not counted against its member`);
    await points.returnDebit(trx, {
      memberId: Number(r.member_id),
      debitSource: SPEND_SOURCE(Number(r.id)),
      amount: Number(r.points),
      reason: 'mall_return',
      sourceKey: RETURN_SOURCE(Number(r.id)),
      at,
    });
  }

  /** Issues a coupon item's coupons (one per unit, each once: the source ref names the redemption and the unit). */
  async function issueCoupons(trx: Tx, r: RedemptionRow, snapshot: PointsMallItemSnapshot) {
    const ids: number[] = [];
    for (let unit = 1; unit <= r.quantity; unit += 1) {
      const outcome = await coupons.issue(trx, {
        templateId: snapshot.couponTemplateId!,
        memberId: Number(r.member_id),
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
    const snapshot = parseJson<PointsMallItemSnapshot | null>(r.item_snapshot, null)!;
    const id = Number(r.id);
    // Guarded: only a redemption still awaiting payment moves on, once.
    const move = (to: 'awaiting_fulfilment' | 'fulfilled', set: Parameters<typeof repo.moveRedemption>[4]) =>
      repo.moveRedemption(trx, id, ['awaiting_payment'], to, { ...set, paid_at: atIso, updated_at: atIso });
    if (r.kind === 'virtual') return move('fulfilled', { fulfilled_at: atIso });
    if (r.kind === 'sku') return move('awaiting_fulfilment', {});
    if (!(await move('awaiting_fulfilment', {}))) return false;
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

/**
 * The points mall's part in the order lifecycle, for the orders that carry the cash part of redemptions: paid settles
 * the redemption, closed unpaid (the payment window passed, or the member withdrew) closes it and gives back its points
 * and stock, and such an order is refunded only by cancelling its redemption (staff), never by a refund request alone.
 */
export function createPointsMallParticipant(deps: CoreDeps): OrderParticipant {
  const core = createCore(deps);
  return {
    name: 'points-mall',
    async paid(trx, e) {
      if (e.kind !== 'points_mall') return;
      const r = await repo.findRedemptionByOrder(trx, e.orderId);
      if (r) await core.settle(trx, r, deps.clock.now(), false);
    },
    async closedUnpaid(trx, e) {
      if (e.kind !== 'points_mall') return;
      const r = await repo.findRedemptionByOrder(trx, e.orderId);
      if (!r) return;
      // Staff may have cancelled it first, in this very transaction (then it is no longer awaiting payment).
      if (!(await repo.moveRedemption(trx, Number(r.id), ['awaiting_payment'], 'closed', { cancelled_at: e.at, updated_at: e.at }))) return;
      await core.release(trx, r, new Date(e.at));
    },
    async refundRequested(trx, e) {
      const r = await repo.findRedemptionByOrder(trx, e.orderId);
      if (r && r.status !== 'cancelled') {
        throw new AppError('INVALID_STATE', 'this is the cash part of a points-mall redemption: staff refund it by cancelling the redemption', {
          redemptionId: Number(r.id),
        });
      }
      return 0;
    },
  };
}

/**
 * The merchant's items: publishing, editing, switching on and off, stock. Kept apart so the demo seed can publish
 * items without the rest of the mall's dependencies.
 */
export function createPointsMallItems(deps: { db: DB; clock: Clock; logger: Logger }) {
  const { db, clock, logger } = deps;

  async function requireItem(executor: Executor, id: number): Promise<ItemRow> {
    const r = await repo.findItem(executor, id);
    if (!r) throw new AppError('NOT_FOUND', `points-mall item ${id} not found`);
    return r;
  }

  /** Checks of an item's fields that span several of them (the rest is the schema's and the database's). */
  function checkItemFields(v: {
    onSaleFrom: string | null;
    onSaleUntil: string | null;
    perMemberLimit: number | null;
    perMemberDailyLimit: number | null;
    kind: string;
    instructions: string;
  }) {
    const issues: { field: string; message: string }[] = [];
    if (v.onSaleFrom && v.onSaleUntil && !(Date.parse(v.onSaleFrom) < Date.parse(v.onSaleUntil)))
      issues.push({ field: 'onSaleUntil', message: 'must be after onSaleFrom' });
    if (v.perMemberLimit !== null && v.perMemberDailyLimit !== null && v.perMemberDailyLimit > v.perMemberLimit)
      issues.push({ field: 'perMemberDailyLimit', message: 'cannot be more than perMemberLimit' });
    if (v.kind === 'virtual' && v.instructions === '')
      issues.push({ field: 'instructions', message: 'a virtual item needs instructions for the member' });
    if (issues.length > 0) throw validationError(issues);
  }

  const iso = (s: string | null) => (s === null ? null : new Date(s).toISOString());

  return {
    async merchantItems(query: MerchantPointsMallItemQuery): Promise<MerchantPointsMallItemPage> {
      const { rows, total } = await repo.pageItems(
        db,
        { ...(query.status ? { status: query.status } : {}), ...(query.kind ? { kind: query.kind } : {}) },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return { items: rows.map(toMerchantItem), page: query.page, pageSize: query.pageSize, total };
    },

    merchantItem: async (id: number): Promise<MerchantPointsMallItem> => toMerchantItem(await requireItem(db, id)),

    async createItem(staffId: number, input: NewPointsMallItem): Promise<MerchantPointsMallItem> {
      checkItemFields(input);
      const at = clock.now().toISOString();
      try {
        const id = await repo.insertItem(db, {
          kind: input.kind,
          sku_id: input.skuId,
          coupon_template_id: input.couponTemplateId,
          title: input.title,
          image_url: input.imageUrl === null ? null : imageToStore(input.imageUrl),
          description: input.description,
          instructions: input.instructions,
          points_price: input.pointsPrice,
          cash_fen: input.cashFen,
          total_stock: input.totalStock,
          stock_left: input.totalStock,
          per_member_limit: input.perMemberLimit,
          per_member_daily_limit: input.perMemberDailyLimit,
          on_sale_from: iso(input.onSaleFrom),
          on_sale_until: iso(input.onSaleUntil),
          min_tier_level: input.minTierLevel,
          sort_order: input.sortOrder,
          status: input.status,
          created_by: staffId,
          created_at: at,
          updated_at: at,
        });
        return toMerchantItem((await repo.findItem(db, id))!);
      } catch (err) {
        if (isForeignKeyViolation(err)) {
          const field = input.kind === 'sku' ? 'skuId' : 'couponTemplateId';
          throw validationError([{ field, message: `no such ${input.kind === 'sku' ? 'SKU' : 'coupon template'}` }]);
        }
        throw err;
      }
    },

    async updateItem(id: number, input: UpdatePointsMallItem): Promise<MerchantPointsMallItem> {
      return inTransaction(db, async (trx) => {
        const r = await requireItem(trx, id);
        const merged = {
          onSaleFrom: input.onSaleFrom !== undefined ? input.onSaleFrom : r.on_sale_from,
          onSaleUntil: input.onSaleUntil !== undefined ? input.onSaleUntil : r.on_sale_until,
          perMemberLimit: input.perMemberLimit !== undefined ? input.perMemberLimit : r.per_member_limit,
          perMemberDailyLimit: input.perMemberDailyLimit !== undefined ? input.perMemberDailyLimit : r.per_member_daily_limit,
          kind: r.kind,
          instructions: input.instructions ?? r.instructions,
        };
        checkItemFields(merged);
        await repo.updateItem(trx, id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.imageUrl !== undefined ? { image_url: input.imageUrl === null ? null : imageToStore(input.imageUrl) } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.instructions !== undefined ? { instructions: input.instructions } : {}),
          ...(input.pointsPrice !== undefined ? { points_price: input.pointsPrice } : {}),
          ...(input.cashFen !== undefined ? { cash_fen: input.cashFen } : {}),
          ...(input.perMemberLimit !== undefined ? { per_member_limit: input.perMemberLimit } : {}),
          ...(input.perMemberDailyLimit !== undefined ? { per_member_daily_limit: input.perMemberDailyLimit } : {}),
          ...(input.onSaleFrom !== undefined ? { on_sale_from: iso(input.onSaleFrom) } : {}),
          ...(input.onSaleUntil !== undefined ? { on_sale_until: iso(input.onSaleUntil) } : {}),
          ...(input.minTierLevel !== undefined ? { min_tier_level: input.minTierLevel } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          updated_at: clock.now().toISOString(),
        });
        return toMerchantItem((await repo.findItem(trx, id))!);
      });
    },

    async adjustStock(id: number, input: PointsMallStockAdjustment): Promise<MerchantPointsMallItem> {
      return inTransaction(db, async (trx) => {
        await requireItem(trx, id);
        try {
          if (!(await repo.adjustStock(trx, id, input.delta, clock.now().toISOString()))) {
            const left = Number((await repo.findItem(trx, id))!.stock_left);
            throw validationError([{ field: 'delta', message: `only ${left} unit(s) are not redeemed; at most ${left} can be taken out` }]);
          }
        } catch (err) {
          if (isCheckViolation(err)) throw validationError([{ field: 'delta', message: 'the stock would leave its range' }]);
          throw err;
        }
        logger.info({ itemId: id, delta: input.delta, reason: input.reason }, 'points-mall stock adjusted');
        return toMerchantItem((await repo.findItem(trx, id))!);
      });
    },
  };
}

export type PointsMallService = ReturnType<typeof createPointsMallService>;

/**
 * The points mall (docs/decisions/016-points-mall.md). A redemption takes the item's stock, counts against the member's
 * total and daily limits and debits the points, all in one transaction and each by a conditional update the database
 * decides (invariants 1 and 3); the cash part, if any, is an order paid like any other.
 */
export function createPointsMallService(
  deps: CoreDeps & {
    catalog: CatalogService;
    addresses: AddressesService;
    orders: OrdersService;
    refunds: RefundsService;
    /** The member's tier level (tiers do not exist yet: 0). */
    tierLevel: (executor: Executor, memberId: number) => Promise<number>;
  },
) {
  const { db, clock, timeZone, points, catalog, addresses, orders, refunds, logger } = deps;
  const core = createCore(deps);
  const items = createPointsMallItems(deps);

  async function ownRedemption(executor: Executor, memberId: number, id: number): Promise<RedemptionRow> {
    const r = await repo.findRedemption(executor, id);
    if (!r || Number(r.member_id) !== memberId) throw new AppError('NOT_FOUND', `redemption ${id} not found`);
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
        rows.map((r) => Number(r.id)),
        businessDateOf(now, timeZone),
      ),
    ]);
    const items = rows.map((r): PointsMallItem => {
      const id = Number(r.id);
      const mine = counts.totals.get(id) ?? 0;
      const today = counts.today.get(id) ?? 0;
      const stockLeft = Number(r.stock_left);
      const price = Number(r.points_price);
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
        cashFen: Number(r.cash_fen),
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

    /**
     * Redeems an item, in one transaction: stock taken, the member's total and daily counts raised, points debited
     * (each by a conditional update; any refusal rolls back all), the redemption written. Points only: settled at once.
     * With cash: an order for the cash part, paid like any order before its payment window closes.
     */
    async redeem(memberId: number, platform: LoginPlatform | null, req: RedeemPointsMallItemRequest): Promise<PointsMallRedemption> {
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
          if (req.addressId === undefined) throw validationError([{ field: 'addressId', message: 'required for an item that is shipped' }]);
          address = await addresses.snapshot(trx, memberId, req.addressId);
        }
        const itemId = Number(item.id);
        const quantity = req.quantity;
        const pointsTotal = Number(item.points_price) * quantity;
        const cashTotal = Number(item.cash_fen) * quantity;
        const businessDate = businessDateOf(now, timeZone);

        if (!(await repo.takeStock(trx, itemId, quantity, at))) {
          const left = Number((await repo.findItem(trx, itemId))?.stock_left ?? 0);
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
          pointsPrice: Number(item.points_price),
          cashFen: Number(item.cash_fen),
          skuId: item.sku_id === null ? null : Number(item.sku_id),
          couponTemplateId: item.coupon_template_id === null ? null : Number(item.coupon_template_id),
        };
        let order: { orderId: number; expiresAt: string } | null = null;
        if (cashTotal > 0) {
          const productId =
            item.sku_id === null ? null : Number((await catalog.skusForPurchase(trx, [Number(item.sku_id)]))[0]?.product_id ?? 0) || null;
          order = await orders.createPointsMallOrder(trx, {
            memberId,
            platform,
            title: item.title,
            imageUrl: item.image_url,
            skuId: snapshot.skuId,
            productId,
            unitCashFen: Number(item.cash_fen),
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
    },

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
        await orders.cancel(memberId, Number(r.order_id), undefined, trx);
        return toRedemption((await repo.findRedemption(trx, id))!);
      });
    },

    ...items,

    // ---- merchant: redemptions ----

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
        return toMerchantRedemption((await repo.findRedemption(trx, id))!);
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
          if (!(await orders.closeUnpaidByStaff(trx, Number(row.order_id), staffId))) return refuse();
          if (!(await repo.moveRedemption(trx, id, ['closed'], 'cancelled', set))) return refuse();
          return row;
        }
        if (!(await repo.moveRedemption(trx, id, ['awaiting_fulfilment'], 'cancelled', set))) return refuse();
        await core.release(trx, row, now);
        return row;
      });
      if (r.status === 'awaiting_fulfilment' && Number(r.cash_fen) > 0 && r.order_id !== null) {
        try {
          const refund = await refunds.request(Number(r.member_id), Number(r.order_id), { reason: input.reason });
          await refunds.approve(staffId, refund.id);
        } catch (err) {
          logger.warn({ err, redemptionId: id }, 'the cash part of a cancelled redemption was not refunded yet; see the order’s refunds');
        }
      }
      return toMerchantRedemption((await repo.findRedemption(db, id))!);
    },
  };
}
