import { sql } from 'kysely';
import type { ProductsTable, StockMovementsTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';

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
  return Number(r.id);
}

export async function updateCategory(db: Executor, id: number, set: { name?: string; sort_order?: number; updated_at: string }): Promise<boolean> {
  const r = await db.updateTable('categories').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertProduct(db: Executor, row: Omit<ProductsTable, 'id' | 'sales_count'>): Promise<number> {
  const r = await db.insertInto('products').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
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
  return Number(r.id);
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
      eb.fn.sum<number>('stock').as('total_stock'),
      eb.fn.min<number>('stock').as('lowest_stock'),
    ])
    .where('product_id', 'in', productIds)
    .groupBy('product_id')
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
  return r ? Number(r.stock) : undefined;
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
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Executor, f: ProductFilter) {
  let q = db.selectFrom('products');
  if (f.statuses) q = q.where('status', 'in', f.statuses);
  if (f.categoryIds) q = q.where('category_id', 'in', f.categoryIds.length ? f.categoryIds : [-1]);
  if (f.keyword) {
    const pattern = `%${escapeLike(f.keyword.toLowerCase())}%`;
    q = q.where((eb) => eb.or([sql<boolean>`lower(title) like ${pattern} escape '\\'`, sql<boolean>`lower(subtitle) like ${pattern} escape '\\'`]));
  }
  if (f.lowStock !== undefined) {
    const threshold = f.lowStock;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('skus').select('skus.id').whereRef('skus.product_id', '=', 'products.id').where('skus.stock', '<=', threshold)),
    );
  }
  return q;
}

/**
 * One page of products (the columns a listing shows, no description) and the total matching, counted in the same
 * query by a window function; only a page past the end (no rows to carry it) needs a separate count.
 */
export async function pageProducts(db: Executor, f: ProductFilter, limit: number, offset: number) {
  const rows = await filtered(db, f)
    .select(['id', 'title', 'subtitle', 'category_id', 'image_urls', 'sales_count', 'status', 'sort_order'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('sort_order', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
  if (offset === 0) return { rows, total: 0 };
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
