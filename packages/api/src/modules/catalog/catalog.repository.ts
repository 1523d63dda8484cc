import { type Expression, type SqlBool, sql } from 'kysely';
import { specValueMatches } from '../../db/dialect.js';
import type { ProductsTable, StockMovementsTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll, sumOrZero } from '../../db/aggregates.js';

export function listCategories(db: Executor) {
  return db.selectFrom('categories').select(['id', 'parent_id', 'name', 'sort_order']).orderBy('sort_order', 'desc').orderBy('id').execute();
}

export function findCategory(db: Executor, id: number) {
  return db.selectFrom('categories').select(['id', 'parent_id', 'name', 'sort_order']).where('id', '=', id).executeTakeFirst();
}

export async function insertCategory(db: Executor, row: { name: string; parentId: number | null; sortOrder: number; at: string }): Promise<number> {
  const r = await db
    .insertInto('categories')
    .values({ name: row.name, parent_id: row.parentId, sort_order: row.sortOrder, created_at: row.at, updated_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCategory(db: Executor, id: number, set: { name?: string; sort_order?: number; updated_at: string }): Promise<boolean> {
  const r = await db.updateTable('categories').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertProduct(db: Executor, row: Omit<ProductsTable, 'id' | 'sales_count'>): Promise<number> {
  const r = await db.insertInto('products').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProduct(db: Executor, id: number, set: Partial<Omit<ProductsTable, 'id' | 'sales_count'>>): Promise<boolean> {
  const r = await db.updateTable('products').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A guarded status change: only from one of `from`. False when the product is not in such a state. */
export async function transitionProduct(
  db: Executor,
  id: number,
  from: ProductsTable['status'][],
  to: ProductsTable['status'],
  at: string,
): Promise<boolean> {
  const r = await db.updateTable('products').set({ status: to, updated_at: at }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function findProduct(db: Executor, id: number) {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProducts(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('products').selectAll().where('id', 'in', ids).execute();
}

export async function insertSku(
  db: Executor,
  row: { productId: number; code: string; specs: string; priceFen: number; stock: number; at: string },
): Promise<number> {
  const r = await db
    .insertInto('skus')
    .values({
      product_id: row.productId,
      code: row.code,
      specs: row.specs,
      price_fen: row.priceFen,
      stock: row.stock,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSku(
  db: Executor,
  id: number,
  set: { code?: string; specs?: string; price_fen?: number; updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('skus').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function findSku(db: Executor, id: number) {
  return db.selectFrom('skus').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSkusOfProducts(db: Executor, productIds: number[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skus')
    .select(['id', 'product_id', 'code', 'specs', 'price_fen', 'stock'])
    .where('product_id', 'in', productIds)
    .orderBy('id')
    .execute();
}

/** Per product: its SKUs' lowest and highest price and whether any is in stock (products without SKUs are absent). */
export function skuSummaries(db: Executor, productIds: number[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skus')
    .select((eb) => [
      'product_id',
      eb.fn.min('price_fen').as('min_price_fen'),
      eb.fn.max('price_fen').as('max_price_fen'),
      sql<number>`max(case when stock > 0 then 1 else 0 end)`.as('in_stock'),
      sumOrZero(eb, 'stock').as('total_stock'),
      eb.fn.min<number>('stock').as('lowest_stock'),
    ])
    .where('product_id', 'in', productIds)
    .groupBy('product_id')
    .execute();
}

/** The SKUs of these products that are on the shelf, with the product's category, cheapest first within a product. */
export function listShelfSkus(db: Executor, productIds: number[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skus')
    .innerJoin('products', 'products.id', 'skus.product_id')
    .select(['skus.id as sku_id', 'skus.price_fen', 'products.id as product_id', 'products.category_id'])
    .where('skus.product_id', 'in', productIds)
    .where('products.status', '=', 'on_shelf')
    .orderBy('skus.product_id')
    .orderBy('skus.price_fen')
    .orderBy('skus.id')
    .execute();
}

/** SKUs with their product's status, title and cover, for cart, checkout and orders. */
export function listSkusWithProduct(db: Executor, skuIds: number[]) {
  if (skuIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skus')
    .innerJoin('products', 'products.id', 'skus.product_id')
    .select([
      'skus.id as sku_id',
      'skus.code',
      'skus.specs',
      'skus.price_fen',
      'skus.stock',
      'products.id as product_id',
      'products.title',
      'products.status',
      'products.image_urls',
      'products.category_id',
    ])
    .where('skus.id', 'in', skuIds)
    .execute();
}

/**
 * Moves stock by `delta` only if the result stays >= 0 (invariant 1): one conditional statement,
 * never read-then-write. Returns the new stock, or undefined when refused (or no such SKU).
 */
export async function moveStock(db: Executor, skuId: number, delta: number, at: string): Promise<number | undefined> {
  const r = await db
    .updateTable('skus')
    .set({ stock: sql`stock + ${delta}`, updated_at: at })
    .where('id', '=', skuId)
    .where(sql`stock + ${delta}`, '>=', 0)
    .returning('stock')
    .executeTakeFirst();
  return r ? r.stock : undefined;
}

export function insertStockMovement(db: Executor, row: Omit<StockMovementsTable, 'id'>) {
  return db.insertInto('stock_movements').values(row).execute();
}

export function listStockMovements(db: Executor, skuId: number, limit: number) {
  return db.selectFrom('stock_movements').selectAll().where('sku_id', '=', skuId).orderBy('id', 'desc').limit(limit).execute();
}

export function addSales(db: Executor, productId: number, quantity: number) {
  return db
    .updateTable('products')
    .set({ sales_count: sql`sales_count + ${quantity}` })
    .where('id', '=', productId)
    .execute();
}

export interface ProductFilter {
  statuses?: ProductsTable['status'][];
  categoryIds?: number[];
  keyword?: string;
  /** Only products with a SKU whose stock is at or below this. */
  lowStock?: number;
  /** Only products with a SKU priced within these bounds (fen, inclusive). */
  minPriceFen?: number;
  maxPriceFen?: number;
}

/** How a page is ordered: relevance needs a keyword (without one it is the merchant's order). */
export type ProductOrder = 'relevance' | 'sales' | 'price_asc' | 'price_desc' | 'newest';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function keywordPattern(keyword: string): string {
  return `%${escapeLike(keyword.toLowerCase())}%`;
}

/**
 * Where a keyword can match, strongest first: the title, the subtitle, the product's category (or its parent), a SKU's
 * spec value. Each is a predicate on a `products` row; the relevance score weighs them.
 */
function keywordMatches(db: Executor, pattern: string) {
  const category = sql<SqlBool>`exists (select 1 from categories c left join categories pc on pc.id = c.parent_id
    where c.id = products.category_id and (lower(c.name) like ${pattern} escape '\\' or lower(pc.name) like ${pattern} escape '\\'))`;
  return {
    title: sql<SqlBool>`lower(products.title) like ${pattern} escape '\\'`,
    subtitle: sql<SqlBool>`lower(products.subtitle) like ${pattern} escape '\\'`,
    category,
    spec: sql<SqlBool>`exists (select 1 from skus s where s.product_id = products.id and ${specValueMatches(db, sql.ref('s.specs'), pattern)})`,
  };
}

function filtered(db: Executor, f: ProductFilter) {
  let q = db.selectFrom('products');
  if (f.statuses) q = q.where('status', 'in', f.statuses);
  if (f.categoryIds) q = q.where('category_id', 'in', f.categoryIds.length ? f.categoryIds : [-1]);
  if (f.keyword) {
    const m = keywordMatches(db, keywordPattern(f.keyword));
    q = q.where((eb) => eb.or([m.title, m.subtitle, m.category, m.spec] as Expression<SqlBool>[]));
  }
  if (f.lowStock !== undefined) {
    const threshold = f.lowStock;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('skus').select('skus.id').whereRef('skus.product_id', '=', 'products.id').where('skus.stock', '<=', threshold)),
    );
  }
  if (f.minPriceFen !== undefined || f.maxPriceFen !== undefined) {
    const { minPriceFen: lo, maxPriceFen: hi } = f;
    q = q.where((eb) => {
      let sub = eb.selectFrom('skus').select('skus.id').whereRef('skus.product_id', '=', 'products.id');
      if (lo !== undefined) sub = sub.where('skus.price_fen', '>=', lo);
      if (hi !== undefined) sub = sub.where('skus.price_fen', '<=', hi);
      return eb.exists(sub);
    });
  }
  return q;
}

/** The relevance of a row to the keyword: title 8, subtitle 4, category 2, spec value 1 (summed). */
function relevance(db: Executor, keyword: string) {
  const m = keywordMatches(db, keywordPattern(keyword));
  return sql<number>`(case when ${m.title} then 8 else 0 end) + (case when ${m.subtitle} then 4 else 0 end)
    + (case when ${m.category} then 2 else 0 end) + (case when ${m.spec} then 1 else 0 end)`;
}

export async function pageProducts(db: Executor, f: ProductFilter, limit: number, offset: number, order: ProductOrder = 'relevance') {
  let q = filtered(db, f)
    .select(['id', 'title', 'subtitle', 'category_id', 'image_urls', 'sales_count', 'status', 'sort_order'])
    .select(sql<number>`count(*) over ()`.as('total'));
  const minPrice = sql`(select min(s.price_fen) from skus s where s.product_id = products.id)`;
  if (order === 'relevance' && f.keyword) q = q.orderBy(relevance(db, f.keyword), 'desc');
  else if (order === 'sales') q = q.orderBy('sales_count', 'desc');
  else if (order === 'price_asc') q = q.orderBy(minPrice, 'asc');
  else if (order === 'price_desc') q = q.orderBy(minPrice, 'desc');
  else if (order === 'newest') q = q.orderBy('created_at', 'desc');
  const rows = await q.orderBy('sort_order', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  if (rows.length > 0) return { rows, total: rows[0]!.total };
  if (offset === 0) return { rows, total: 0 };
  const count = await filtered(db, f)
    .select((eb) => countAll(eb).as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: count.n };
}
