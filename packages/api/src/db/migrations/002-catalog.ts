import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Catalog: two-level categories, products with SKUs (each its own price in fen and stock),
 * and the append-only stock movement record. Stock can never go below zero (CHECK), whatever the code does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('categories')
    .addColumn('id', idType, id)
    .addColumn('parent_id', idType, (c) => c.references('categories.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('categories_parent').on('categories').column('parent_id').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', idType, id)
    .addColumn('category_id', idType, (c) => c.references('categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_urls', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'on_shelf', 'off_shelf')`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sales_count', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`sales_count >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_status_category').on('products').columns(['status', 'category_id', 'sort_order']).execute();

  await db.schema
    .createTable('skus')
    .addColumn('id', idType, id)
    .addColumn('product_id', idType, (c) => c.notNull().references('products.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('specs', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('price_fen', 'bigint', (c) => c.notNull().check(sql`price_fen >= 0`))
    // invariant 1: the database refuses negative stock even if a query forgets its guard.
    .addColumn('stock', 'bigint', (c) => c.notNull().check(sql`stock >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skus_product').on('skus').column('product_id').execute();

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', idType, id)
    .addColumn('sku_id', idType, (c) => c.notNull().references('skus.id'))
    .addColumn('delta', 'bigint', (c) => c.notNull().check(sql`delta <> 0`))
    .addColumn('stock_after', 'bigint', (c) => c.notNull().check(sql`stock_after >= 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('initial', 'adjustment', 'order_reserve', 'order_release')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('staff_id', idType)
    .addColumn('order_id', idType)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_movements_sku').on('stock_movements').columns(['sku_id', 'id']).execute();

  if (pg) {
    await sql`create function stock_movements_append_only() returns trigger language plpgsql as $$
      begin raise exception 'stock_movements is append-only'; end; $$`.execute(db);
    await sql`create trigger stock_movements_no_update before update or delete on stock_movements
      for each row execute function stock_movements_append_only()`.execute(db);
  } else {
    await sql`create trigger stock_movements_no_update before update on stock_movements
      begin select raise(abort, 'stock_movements is append-only'); end`.execute(db);
    await sql`create trigger stock_movements_no_delete before delete on stock_movements
      begin select raise(abort, 'stock_movements is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stock_movements', 'skus', 'products', 'categories']) await db.schema.dropTable(t).ifExists().execute();
  if (isPostgres(db)) await sql`drop function if exists stock_movements_append_only()`.execute(db);
}
