import { randomBytes } from 'node:crypto';
import type {
  BulkShelfResult,
  CategoryTree,
  MerchantProductQuery,
  NewCategory,
  NewProduct,
  NewSku,
  ProductDetail,
  ProductPage,
  ProductSort,
  ProductStatus,
  ProductSummary,
  Sku,
  StockAdjustment,
  StockMovementList,
  UpdateCategory,
  UpdateProduct,
  UpdateSku,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { readJsonOr, StoredJson } from '../../db/json-column.js';
import type { SkusTable, StockMovementsTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import { imageToStore, imageUrlOf, imageUrlOrNull } from '../../lib/media-url.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import { inTransaction, type Executor } from '../../lib/transaction.js';
import * as repo from './catalog.repository.js';
import type { Category } from '@siyu/shared';

type ProductRow = NonNullable<Awaited<ReturnType<typeof repo.findProduct>>>;
type SkuRow = Pick<SkusTable, 'code' | 'specs' | 'price_fen' | 'stock'> & { id: number };

function toSku(row: SkuRow): Sku {
  return {
    id: row.id,
    code: row.code,
    specs: readJsonOr(row.specs, StoredJson.specs, {}),
    priceFen: row.price_fen,
    stock: row.stock,
  };
}

type SummaryRow = Pick<ProductRow, 'id' | 'title' | 'subtitle' | 'category_id' | 'image_urls' | 'sales_count' | 'status' | 'sort_order'>;
/** Price range and stock across a product's SKUs: 0, 0 and false when it has none. */
interface SkuSummary {
  minPriceFen: number;
  maxPriceFen: number;
  inStock: boolean;
  totalStock?: number;
  lowestStock?: number;
}
const NO_SKUS: SkuSummary = { minPriceFen: 0, maxPriceFen: 0, inStock: false };

function summarizeSkus(skus: Sku[]): SkuSummary {
  if (skus.length === 0) return NO_SKUS;
  const prices = skus.map((s) => s.priceFen);
  return { minPriceFen: Math.min(...prices), maxPriceFen: Math.max(...prices), inStock: skus.some((s) => s.stock > 0) };
}

/** A shopper's view hides sales counts below the merchant's threshold; a merchant's view never does. */
function toSummary(p: SummaryRow, skus: SkuSummary, salesCountThreshold = 0): ProductSummary {
  const sales = p.sales_count;
  const images = readJsonOr(p.image_urls, StoredJson.imageUrls, []);
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.category_id,
    coverUrl: imageUrlOrNull(images[0] ?? null),
    minPriceFen: skus.minPriceFen,
    maxPriceFen: skus.maxPriceFen,
    salesCount: sales >= salesCountThreshold ? sales : null,
    inStock: skus.inStock,
    status: p.status,
    sortOrder: p.sort_order,
    ...(skus.totalStock === undefined ? {} : { totalStock: skus.totalStock, lowestStock: skus.lowestStock }),
  };
}

function toDetail(p: ProductRow, skus: Sku[], salesCountThreshold = 0): ProductDetail {
  return {
    ...toSummary(p, summarizeSkus(skus), salesCountThreshold),
    imageUrls: readJsonOr(p.image_urls, StoredJson.imageUrls, []).map(imageUrlOf),
    description: p.description,
    skus,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** A SKU code another SKU holds: a 409 naming the field (`code`, or `skus.N.code` in a new product's list). */
const duplicateSkuCode = (code: string | undefined, field = 'code') =>
  new AppError('CONFLICT', `SKU code ${code ?? ''} is already used`.replace('  ', ' '), {
    field,
    issues: [{ field, code: 'already_taken', message: 'already used by another SKU' }],
  });

/** A SKU code for a SKU saved without one: "S" and 10 random letters and digits, unique in practice (the key checks it). */
const generatedSkuCode = () => `S${randomBytes(8).readBigUInt64BE().toString(36).toUpperCase().padStart(10, '0').slice(-10)}`;

/** A SKU with what a checkout needs of its product (the repository's row, specs and first image read). */
/** An on-shelf SKU as shelf prices need it. */
export interface ShelfSku {
  sku_id: number;
  price_fen: number;
  product_id: number;
  category_id: number | null;
}

export interface PurchasableSku {
  specs: Record<string, string>;
  imageUrl: string | null;
  code: string;
  stock: number;
  price_fen: number;
  title: string;
  status: ProductStatus;
  category_id: number | null;
  sku_id: number;
  product_id: number;
}

/** A reservation (negative delta) or release of an order's stock. */
export interface StockMoveForOrder {
  skuId: number;
  delta: number;
  orderId: number;
  kind: Extract<StockMovementsTable['kind'], 'order_reserve' | 'order_release'>;
  at: string;
  reason?: string;
}

export interface CatalogService {
  categoryTree(): Promise<CategoryTree>;
  /**
   * Two levels only: a parent must itself be top-level.
   */
  createCategory(input: NewCategory): Promise<Category>;
  updateCategory(id: number, input: UpdateCategory): Promise<Category>;
  /**
   * A new product starts as a draft; its initial stock is recorded as a movement.
   */
  createProduct(input: NewProduct, staffId: number): Promise<ProductDetail>;
  updateProduct(id: number, input: UpdateProduct): Promise<ProductDetail>;
  addSku(productId: number, input: NewSku, staffId: number): Promise<ProductDetail>;
  /**
   * Price, code and specs; stock moves only through adjustStock, so every change has a reason.
   */
  updateSku(skuId: number, input: UpdateSku): Promise<Sku>;
  setShelf(id: number, onShelf: boolean): Promise<ProductDetail>;
  /**
   * Shelves or unshelves many products: each moves only from a state that allows it (like setShelf), all in one
   * transaction; the others are reported as skipped with their status.
   */
  setShelfMany(ids: number[], onShelf: boolean): Promise<BulkShelfResult>;
  /**
   * One conditional update; an adjustment that would take stock below zero is refused and records nothing.
   */
  adjustStock(skuId: number, input: StockAdjustment, staffId: number): Promise<Sku>;
  stockMovements(skuId: number): Promise<StockMovementList>;
  merchantProduct(id: number): Promise<ProductDetail>;
  memberProduct(id: number): Promise<ProductDetail>;
  merchantPage(query: MerchantProductQuery): Promise<ProductPage>;
  memberPage(query: Omit<MerchantProductQuery, 'status'>): Promise<ProductPage>;
  /**
   * A product's status (any status), or undefined when there is no such product: for favourites.
   */
  productStatus(id: number, executor?: Executor): Promise<ProductStatus | undefined>;
  /**
   * Shoppers' cards of these products, whatever their status (a favourite outlives the shelf: the caller shows an
   * off-shelf one as such), by id; ids with no product are absent.
   */
  memberCards(ids: number[]): Promise<Map<number, ProductSummary>>;
  categoryParents(executor?: Executor): Promise<Map<number, number | null>>;
  /** For shelf prices: the on-shelf SKUs of these products with their category, in one query. */
  shelfSkus(executor: Executor, productIds: number[]): Promise<ShelfSku[]>;
  skusForPurchase(executor: Executor, skuIds: number[]): Promise<PurchasableSku[]>;
  /** Each product's category (any status; distribution's rates by category), in one query. */
  productCategories(executor: Executor, productIds: number[]): Promise<Map<number, number | null>>;
  /**
   * Reserves or releases stock for an order, recording the movement. False when stock would go below zero.
   */
  moveStockForOrder(trx: Executor, input: StockMoveForOrder): Promise<boolean>;
  addSales(trx: Executor, productId: number, quantity: number): Promise<void>;
}

export function createCatalogService({
  db,
  clock,
  salesCountThreshold = async () => 0,
}: {
  db: DB;
  clock: Clock;
  /** From this many sales on a shopper sees a product's sales count (the storefront settings). */
  salesCountThreshold?: () => Promise<number>;
}): CatalogService {
  const now = () => clock.now().toISOString();

  async function requireCategory(executor: Executor, id: number) {
    const c = await repo.findCategory(executor, id);
    if (!c) throw new AppError('NOT_FOUND', `category ${id} not found`, { field: 'categoryId' });
    return c;
  }

  async function detail(executor: Executor, id: number, visibleToMembers: boolean): Promise<ProductDetail> {
    const p = await repo.findProduct(executor, id);
    if (!p || (visibleToMembers && p.status !== 'on_shelf')) throw new AppError('NOT_FOUND', `product ${id} not found`);
    const skus = (await repo.listSkusOfProducts(executor, [p.id])).map(toSku);
    return toDetail(p, skus, visibleToMembers ? await salesCountThreshold() : 0);
  }

  async function page(
    query: {
      page: number;
      pageSize: number;
      categoryId?: number;
      keyword?: string;
      status?: ProductStatus;
      lowStock?: number;
      sort?: ProductSort;
      minPriceFen?: number;
      maxPriceFen?: number;
    },
    memberView: boolean,
  ): Promise<ProductPage> {
    if (query.minPriceFen !== undefined && query.maxPriceFen !== undefined && query.minPriceFen > query.maxPriceFen) {
      throw validationError([{ field: 'query.maxPriceFen', code: 'range_order', message: 'must not be below minPriceFen' }]);
    }
    let categoryIds: number[] | undefined;
    if (query.categoryId !== undefined) {
      // A top-level category lists its subcategories' products too.
      const all = await repo.listCategories(db);
      categoryIds = [query.categoryId, ...all.filter((c) => Number(c.parent_id) === query.categoryId).map((c) => c.id)];
    }
    const statuses: ProductStatus[] | undefined = memberView ? ['on_shelf'] : query.status ? [query.status] : undefined;
    const { rows, total } = await repo.pageProducts(
      db,
      {
        statuses,
        categoryIds,
        keyword: query.keyword,
        lowStock: memberView ? undefined : query.lowStock,
        minPriceFen: query.minPriceFen,
        maxPriceFen: query.maxPriceFen,
      },
      query.pageSize,
      (query.page - 1) * query.pageSize,
      query.sort,
    );
    const threshold = memberView ? await salesCountThreshold() : 0;
    const summaries = new Map<number, SkuSummary>();
    for (const s of await repo.skuSummaries(
      db,
      rows.map((r) => r.id),
    )) {
      summaries.set(s.product_id, {
        minPriceFen: s.min_price_fen,
        maxPriceFen: s.max_price_fen,
        inStock: s.in_stock > 0,
        // Stock figures are for the merchant's list only.
        ...(memberView ? {} : { totalStock: s.total_stock, lowestStock: s.lowest_stock }),
      });
    }
    return {
      items: rows.map((p) => toSummary(p, summaries.get(p.id) ?? (memberView ? NO_SKUS : { ...NO_SKUS, totalStock: 0, lowestStock: 0 }), threshold)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async function insertSkuWithStock(trx: Executor, productId: number, sku: NewSku, staffId: number, at: string, field = 'code') {
    let skuId: number;
    try {
      skuId = await repo.insertSku(trx, {
        productId,
        code: sku.code ?? generatedSkuCode(),
        specs: JSON.stringify(sku.specs),
        priceFen: sku.priceFen,
        stock: sku.stock,
        at,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateSkuCode(sku.code, field);
      throw err;
    }
    if (sku.stock > 0) {
      await repo.insertStockMovement(trx, {
        sku_id: skuId,
        delta: sku.stock,
        stock_after: sku.stock,
        kind: 'initial',
        reason: 'initial stock',
        staff_id: staffId,
        order_id: null,
        created_at: at,
      });
    }
    return skuId;
  }

  return {
    async categoryTree(): Promise<CategoryTree> {
      const rows = (await repo.listCategories(db)).map((c) => ({
        id: c.id,
        name: c.name,
        parentId: c.parent_id,
        sortOrder: c.sort_order,
      }));
      return rows.filter((c) => c.parentId === null).map((c) => ({ ...c, children: rows.filter((k) => k.parentId === c.id) }));
    },

    /** Two levels only: a parent must itself be top-level. */
    async createCategory(input: NewCategory) {
      if (input.parentId !== null) {
        const parent = await requireCategory(db, input.parentId);
        if (parent.parent_id !== null)
          throw new AppError('VALIDATION_FAILED', 'categories have two levels: the parent must be a top-level category', {
            issues: [{ field: 'parentId', code: 'not_top_level', message: 'must be a top-level category' }],
          });
      }
      const id = await repo.insertCategory(db, { ...input, at: now() });
      return { id, name: input.name, parentId: input.parentId, sortOrder: input.sortOrder };
    },

    async updateCategory(id: number, input: UpdateCategory) {
      const ok = await repo.updateCategory(db, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        updated_at: now(),
      });
      if (!ok) throw new AppError('NOT_FOUND', `category ${id} not found`);
      const c = (await repo.findCategory(db, id))!;
      return { id, name: c.name, parentId: c.parent_id, sortOrder: c.sort_order };
    },

    /** A new product starts as a draft; its initial stock is recorded as a movement. */
    async createProduct(input: NewProduct, staffId: number): Promise<ProductDetail> {
      const codes = input.skus.map((s) => s.code);
      const dup = codes.find((c, i) => c !== undefined && codes.indexOf(c) !== i);
      if (dup)
        throw new AppError('VALIDATION_FAILED', `SKU code ${dup} appears twice`, {
          issues: [{ field: `skus.${codes.lastIndexOf(dup)}.code`, code: 'duplicate', message: 'duplicate SKU code' }],
        });
      return inTransaction(db, async (trx) => {
        if (input.categoryId !== null) await requireCategory(trx, input.categoryId);
        const at = now();
        const productId = await repo.insertProduct(trx, {
          category_id: input.categoryId,
          title: input.title,
          subtitle: input.subtitle,
          description: input.description,
          image_urls: JSON.stringify(input.imageUrls.map(imageToStore)),
          status: 'draft',
          sort_order: input.sortOrder,
          created_at: at,
          updated_at: at,
        });
        for (const [i, sku] of input.skus.entries()) await insertSkuWithStock(trx, productId, sku, staffId, at, `skus.${i}.code`);
        return detail(trx, productId, false);
      });
    },

    async updateProduct(id: number, input: UpdateProduct): Promise<ProductDetail> {
      return inTransaction(db, async (trx) => {
        if (input.categoryId != null) await requireCategory(trx, input.categoryId);
        const set = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
          ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
          ...(input.imageUrls !== undefined ? { image_urls: JSON.stringify(input.imageUrls.map(imageToStore)) } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          updated_at: now(),
        };
        if (!(await repo.updateProduct(trx, id, set))) throw new AppError('NOT_FOUND', `product ${id} not found`);
        return detail(trx, id, false);
      });
    },

    async addSku(productId: number, input: NewSku, staffId: number): Promise<ProductDetail> {
      return inTransaction(db, async (trx) => {
        if (!(await repo.findProduct(trx, productId))) throw new AppError('NOT_FOUND', `product ${productId} not found`);
        await insertSkuWithStock(trx, productId, input, staffId, now());
        return detail(trx, productId, false);
      });
    },

    /** Price, code and specs; stock moves only through adjustStock, so every change has a reason. */
    async updateSku(skuId: number, input: UpdateSku): Promise<Sku> {
      try {
        const ok = await repo.updateSku(db, skuId, {
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.specs !== undefined ? { specs: JSON.stringify(input.specs) } : {}),
          ...(input.priceFen !== undefined ? { price_fen: input.priceFen } : {}),
          updated_at: now(),
        });
        if (!ok) throw new AppError('NOT_FOUND', `SKU ${skuId} not found`);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateSkuCode(input.code);
        throw err;
      }
      return toSku((await repo.findSku(db, skuId))!);
    },

    async setShelf(id: number, onShelf: boolean): Promise<ProductDetail> {
      return inTransaction(db, async (trx) => {
        const moved = onShelf
          ? await repo.transitionProduct(trx, id, ['draft', 'off_shelf'], 'on_shelf', now())
          : await repo.transitionProduct(trx, id, ['on_shelf'], 'off_shelf', now());
        if (!moved) {
          const p = await repo.findProduct(trx, id);
          if (!p) throw new AppError('NOT_FOUND', `product ${id} not found`);
          throw new AppError('INVALID_STATE', `product is ${p.status}; cannot ${onShelf ? 'shelve' : 'unshelve'} it`, { status: p.status });
        }
        return detail(trx, id, false);
      });
    },

    /**
     * Shelves or unshelves many products: each moves only from a state that allows it (like setShelf), all in one
     * transaction; the others are reported as skipped with their status.
     */
    async setShelfMany(ids: number[], onShelf: boolean): Promise<BulkShelfResult> {
      return inTransaction(db, async (trx) => {
        const at = now();
        const moved: number[] = [];
        const skipped: BulkShelfResult['skipped'] = [];
        for (const id of ids) {
          const ok = onShelf
            ? await repo.transitionProduct(trx, id, ['draft', 'off_shelf'], 'on_shelf', at)
            : await repo.transitionProduct(trx, id, ['on_shelf'], 'off_shelf', at);
          if (ok) {
            moved.push(id);
            continue;
          }
          const p = await repo.findProduct(trx, id);
          skipped.push(p ? { id, reason: 'invalid_state', status: p.status } : { id, reason: 'not_found', status: null });
        }
        return { moved, skipped };
      });
    },

    /** One conditional update; an adjustment that would take stock below zero is refused and records nothing. */
    async adjustStock(skuId: number, input: StockAdjustment, staffId: number): Promise<Sku> {
      return inTransaction(db, async (trx) => {
        const at = now();
        const after = await repo.moveStock(trx, skuId, input.delta, at);
        if (after === undefined) {
          const sku = await repo.findSku(trx, skuId);
          if (!sku) throw new AppError('NOT_FOUND', `SKU ${skuId} not found`);
          throw new AppError('OUT_OF_STOCK', `stock is ${sku.stock}; cannot move it by ${input.delta}`, { stock: sku.stock });
        }
        await repo.insertStockMovement(trx, {
          sku_id: skuId,
          delta: input.delta,
          stock_after: after,
          kind: 'adjustment',
          reason: input.reason,
          staff_id: staffId,
          order_id: null,
          created_at: at,
        });
        return toSku((await repo.findSku(trx, skuId))!);
      });
    },

    async stockMovements(skuId: number): Promise<StockMovementList> {
      const sku = await repo.findSku(db, skuId);
      if (!sku) throw new AppError('NOT_FOUND', `SKU ${skuId} not found`);
      const rows = await repo.listStockMovements(db, skuId, 100);
      return {
        sku: toSku(sku),
        movements: rows.map((m) => ({
          id: m.id,
          skuId: m.sku_id,
          delta: m.delta,
          stockAfter: m.stock_after,
          kind: m.kind,
          reason: m.reason,
          staffId: m.staff_id,
          orderId: m.order_id,
          createdAt: m.created_at,
        })),
      };
    },

    merchantProduct: (id: number) => detail(db, id, false),
    memberProduct: (id: number) => detail(db, id, true),
    merchantPage: (query: MerchantProductQuery) => page(query, false),
    memberPage: (query: Omit<MerchantProductQuery, 'status'>) => page(query, true),

    /** Each category's parent (null for a top-level one), for rules scoped by category. */
    /** A product's status (any status), or undefined when there is no such product: for favourites. */
    async productStatus(id: number, executor: Executor = db): Promise<ProductStatus | undefined> {
      return (await repo.findProduct(executor, id))?.status;
    },

    /**
     * Shoppers' cards of these products, whatever their status (a favourite outlives the shelf: the caller shows an
     * off-shelf one as such), by id; ids with no product are absent.
     */
    async memberCards(ids: number[]): Promise<Map<number, ProductSummary>> {
      const [rows, sums, threshold] = await Promise.all([repo.findProducts(db, ids), repo.skuSummaries(db, ids), salesCountThreshold()]);
      const summaries = new Map<number, SkuSummary>(
        sums.map((s) => [s.product_id, { minPriceFen: s.min_price_fen, maxPriceFen: s.max_price_fen, inStock: s.in_stock > 0 }]),
      );
      return new Map(rows.map((p) => [p.id, toSummary(p, summaries.get(p.id) ?? NO_SKUS, threshold)]));
    },

    async categoryParents(executor: Executor = db): Promise<Map<number, number | null>> {
      return new Map((await repo.listCategories(executor)).map((c) => [c.id, c.parent_id]));
    },

    /** For shelf prices: the on-shelf SKUs of these products with their category, in one query. */
    shelfSkus: (executor: Executor, productIds: number[]) => repo.listShelfSkus(executor, productIds),
    async productCategories(executor: Executor, productIds: number[]) {
      if (productIds.length === 0) return new Map();
      const rows = await executor.selectFrom('products').select(['id', 'category_id']).where('id', 'in', productIds).execute();
      return new Map(rows.map((r) => [r.id, r.category_id]));
    },

    // For cart and orders (same transaction as the caller): each SKU with its product, spec values and cover read.
    skusForPurchase: async (executor: Executor, skuIds: number[]): Promise<PurchasableSku[]> =>
      (await repo.listSkusWithProduct(executor, skuIds)).map(({ specs, image_urls, ...s }) => ({
        ...s,
        specs: readJsonOr(specs, StoredJson.specs, {}),
        imageUrl: readJsonOr(image_urls, StoredJson.imageUrls, [])[0] ?? null,
      })),

    /** Reserves or releases stock for an order, recording the movement. False when stock would go below zero. */
    async moveStockForOrder(trx: Executor, input: StockMoveForOrder): Promise<boolean> {
      const after = await repo.moveStock(trx, input.skuId, input.delta, input.at);
      if (after === undefined) return false;
      await repo.insertStockMovement(trx, {
        sku_id: input.skuId,
        delta: input.delta,
        stock_after: after,
        kind: input.kind,
        reason: input.reason ?? (input.kind === 'order_reserve' ? 'order placed' : 'order closed'),
        staff_id: null,
        order_id: input.orderId,
        created_at: input.at,
      });
      return true;
    },

    async addSales(trx: Executor, productId: number, quantity: number): Promise<void> {
      await repo.addSales(trx, productId, quantity);
    },
  };
}
