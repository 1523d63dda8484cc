import type {
  MerchantPointsMallItem,
  MerchantPointsMallItemPage,
  MerchantPointsMallItemQuery,
  NewPointsMallItem,
  PointsMallStockAdjustment,
  UpdatePointsMallItem,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isCheckViolation, isForeignKeyViolation } from '../../db/dialect.js';
import { imageToStore } from '../../lib/media-url.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type FieldIssue, validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import * as repo from './points-mall.repository.js';
import type { ItemRow } from './points-mall.repository.js';
import { toMerchantItem } from './points-mall-views.js';

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
    const issues: FieldIssue[] = [];
    if (v.onSaleFrom && v.onSaleUntil && !(Date.parse(v.onSaleFrom) < Date.parse(v.onSaleUntil)))
      issues.push({ field: 'onSaleUntil', code: 'window_order', message: 'must be after onSaleFrom' });
    if (v.perMemberLimit !== null && v.perMemberDailyLimit !== null && v.perMemberDailyLimit > v.perMemberLimit)
      issues.push({ field: 'perMemberDailyLimit', code: 'daily_over_total', message: 'cannot be more than perMemberLimit' });
    if (v.kind === 'virtual' && v.instructions === '')
      issues.push({
        field: 'instructions',
        code: 'required_for_kind',
        message: 'a virtual item needs instructions for the member',
        params: { kind: 'virtual' },
      });
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
          throw validationError([{ field, code: 'not_found_ref', message: `no such ${input.kind === 'sku' ? 'SKU' : 'coupon template'}` }]);
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
            const left = (await repo.findItem(trx, id))!.stock_left;
            throw validationError([
              {
                field: 'delta',
                code: 'over_available',
                message: `only ${left} unit(s) are not redeemed; at most ${left} can be taken out`,
                params: { max: left },
              },
            ]);
          }
        } catch (err) {
          if (isCheckViolation(err)) throw validationError([{ field: 'delta', code: 'out_of_range', message: 'the stock would leave its range' }]);
          throw err;
        }
        logger.info({ itemId: id, delta: input.delta, reason: input.reason }, 'points-mall stock adjusted');
        return toMerchantItem((await repo.findItem(trx, id))!);
      });
    },
  };
}
