import { type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';

/** The one place that asks which engine we are on; SQL that must differ branches on this. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A unique or primary-key violation, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A CHECK constraint violation, on either engine (e.g. a balance that would go negative); see addRowCheck for SQLite's triggers. */
export function isCheckViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23514' || e?.code === 'SQLITE_CONSTRAINT_CHECK' || e?.code === 'SQLITE_CONSTRAINT_TRIGGER';
}

/** A foreign-key violation, on either engine (a row naming a member that does not exist). */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Adds a CHECK over columns of an existing table, on both engines. `condition` names the row's columns as `$column`.
 * PostgreSQL: `ALTER TABLE … ADD CONSTRAINT … CHECK`, which also validates the rows already there. SQLite cannot add a
 * constraint to an existing table, so there it is a pair of BEFORE INSERT / BEFORE UPDATE triggers that abort the
 * statement like a CHECK would (a NULL condition passes, as in a CHECK); rows already there are checked once here.
 * Migrations only: `condition` is trusted SQL.
 */
export async function addRowCheck(db: Kysely<any>, table: string, name: string, condition: string): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`alter table ${table} add constraint ${name} check (${condition.replace(/\$(\w+)/g, '$1')})`).execute(db);
    return;
  }
  const onNew = condition.replace(/\$(\w+)/g, 'NEW.$1');
  const bad = await sql.raw<{ n: number }>(`select count(*) as n from ${table} where not (${condition.replace(/\$(\w+)/g, '$1')})`).execute(db);
  if ((bad.rows[0]?.n ?? 0) > 0) throw new Error(`check ${name} fails for rows already in ${table}`);
  for (const event of ['insert', 'update']) {
    await sql
      .raw(
        `create trigger ${name}_${event} before ${event} on ${table} when not (${onNew}) begin select raise(abort, 'CHECK constraint failed: ${name}'); end`,
      )
      .execute(db);
  }
}

/**
 * Serialises transactions that touch one member's rows (e.g. the address count limit) until commit.
 * PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do; a write transaction already excludes others.
 */
export async function lockForTransaction(trx: Kysely<any>, scope: string, id: number): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope}:${id}`}, 0))`.execute(trx);
}

/**
 * Whether any value of a JSON object of strings (a SKU's `specs` text) matches a lower-cased LIKE pattern escaped
 * with a backslash. SQLite reads the JSON with json_each; PostgreSQL with jsonb_each_text.
 */
export function specValueMatches(db: Kysely<any>, specs: RawBuilder<unknown>, pattern: string) {
  return isPostgres(db)
    ? sql<SqlBool>`exists (select 1 from jsonb_each_text(${specs}::jsonb) j where lower(j.value) like ${pattern} escape '\\')`
    : sql<SqlBool>`exists (select 1 from json_each(${specs}) j where lower(j.value) like ${pattern} escape '\\')`;
}
