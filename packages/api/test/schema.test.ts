/**
 * db/schema.ts (the Kysely table types every query is checked against) against the database the migrations build, on
 * SQLite and PostgreSQL: every table and column the migrations make is typed, every typed one exists, and a column
 * the database lets be NULL is typed with null (and the other way round). And aggregates come back as numbers on both
 * engines, as db/aggregates.ts says.
 *
 * The typed side is read from schema.ts itself with the TypeScript checker (the `Database` interface, each table's
 * interface, each column's select type through Kysely's Generated/ColumnType), so there is no second list of columns
 * to keep in step with it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAll, sumOrZero } from '../src/db/aggregates.js';
import { isPostgres } from '../src/db/dialect.js';
import { createTestContext, type TestContext } from './context.js';

type Columns = Map<string, Map<string, { nullable: boolean }>>;

const SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/db/schema.ts');
/** Kysely's own bookkeeping: not ours to type. */
const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Tables and columns as schema.ts types them: nullable when the column's select type includes null. */
function typedColumns(): Columns {
  const program = ts.createProgram([SCHEMA_FILE], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE)!;
  const database = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const selectTypeOf = (column: ts.Symbol, at: ts.Node): ts.Type => {
    const type = checker.getTypeOfSymbolAtLocation(column, at);
    // Generated<T> and ColumnType<S, I, U> carry the select type as __select__.
    const select = type.getProperty('__select__');
    return select ? checker.getTypeOfSymbolAtLocation(select, at) : type;
  };
  const columns: Columns = new Map();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const cols = new Map<string, { nullable: boolean }>();
    for (const column of checker.getTypeOfSymbolAtLocation(table, database).getProperties()) {
      const select = selectTypeOf(column, database);
      const parts = select.isUnion() ? select.types : [select];
      cols.set(column.name, { nullable: parts.some((t) => (t.flags & ts.TypeFlags.Null) !== 0) });
    }
    columns.set(table.name, cols);
  }
  return columns;
}

/** Tables and columns as the migrated database has them. */
async function migratedColumns(ctx: TestContext): Promise<Columns> {
  const columns: Columns = new Map();
  if (isPostgres(ctx.db)) {
    const rows = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select c.table_name, c.column_name, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(ctx.db);
    for (const r of rows.rows) {
      if (KYSELY_TABLES.has(r.table_name)) continue;
      if (!columns.has(r.table_name)) columns.set(r.table_name, new Map());
      columns.get(r.table_name)!.set(r.column_name, { nullable: r.is_nullable === 'YES' });
    }
    return columns;
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(ctx.db);
  for (const { name } of tables.rows) {
    if (KYSELY_TABLES.has(name)) continue;
    const info = await sql<{ name: string; notnull: number; pk: number }>`select * from pragma_table_info(${name})`.execute(ctx.db);
    // SQLite reports an INTEGER PRIMARY KEY as nullable; it never is.
    columns.set(name, new Map(info.rows.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }])));
  }
  return columns;
}

/** "table.column (nullable)" lines, sorted, for a readable difference when the two disagree. */
function described(columns: Columns): string[] {
  return [...columns].flatMap(([table, cols]) => [...cols].map(([name, c]) => `${table}.${name}${c.nullable ? ' (nullable)' : ''}`)).sort();
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('db/schema.ts against the migrated database', () => {
  it('types every table and column the migrations make, and no other, with the same nullability', async () => {
    const typed = typedColumns();
    const migrated = await migratedColumns(ctx);
    expect([...typed.keys()].sort()).toEqual([...migrated.keys()].sort());
    expect(described(typed)).toEqual(described(migrated));
  });

  it('reads count() and sum() as numbers, bigint columns included', async () => {
    await ctx.db
      .insertInto('job_state')
      .values([
        { name: 'schema-test-a', value: 'x', updated_at: '2026-11-22T02:00:00.000Z' },
        { name: 'schema-test-b', value: 'y', updated_at: '2026-11-22T02:00:00.000Z' },
      ])
      .execute();
    const row = await ctx.db
      .selectFrom('job_state')
      .select((eb) => [countAll(eb).as('n'), sumOrZero(eb, sql<number>`length(value)`).as('chars')])
      .where('name', 'like', 'schema-test-%')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 2, chars: 2 });
    // sum() of a bigint column (PostgreSQL: numeric) and of no rows.
    const ledger = await ctx.db
      .selectFrom('points_ledger')
      .select((eb) => [countAll(eb).as('n'), sumOrZero(eb, 'delta').as('total')])
      .executeTakeFirstOrThrow();
    expect(ledger).toEqual({ n: 0, total: 0 });
  });
});
