import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/** Members' shipping addresses (at most one default, by a partial unique index) and server-side cart lines. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('addresses')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_default in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('addresses_member').on('addresses').columns(['member_id', 'id']).execute();
  // At most one default address per member, whatever races.
  await db.schema.createIndex('addresses_one_default').on('addresses').column('member_id').unique().where(sql.ref('is_default'), '=', 1).execute();

  await db.schema
    .createTable('cart_lines')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('sku_id', idType, (c) => c.notNull().references('skus.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 99`))
    .addColumn('selected', 'integer', (c) => c.notNull().defaultTo(1).check(sql`selected in (0, 1)`))
    .addColumn('price_when_added_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cart_lines_member_sku', ['member_id', 'sku_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['cart_lines', 'addresses']) await db.schema.dropTable(t).ifExists().execute();
}
