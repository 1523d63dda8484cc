/**
 * The PostgreSQL databases of one test run (decision 025). The run migrates one template database; each test worker
 * makes its databases from it (CREATE DATABASE … TEMPLATE, about 0.2 s, against about 2 s to migrate) and keeps them
 * for the whole run, resetting one to the template's rows before each test (a few milliseconds): DROP DATABASE waits
 * for a checkpoint (1-2 s, far more on a busy server), so a run drops its databases once, at its end, all at once.
 *
 * Every name starts with the run's prefix, `siyu_test_<start time, base 36 seconds>_<random>`: runs sharing the
 * server never touch each other's databases, and a run removes what killed runs left behind once it is a few hours old.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const PREFIX = 'siyu_test_';
/** Databases of a run older than this are a killed run's leftovers (no run of the suite lasts an hour). */
const LEFTOVER_AFTER_MS = 3 * 60 * 60 * 1000;

/** A new run's prefix: the time it started and a random part. */
export function newRunPrefix(now = Date.now()): string {
  return `${PREFIX}${Math.floor(now / 1000).toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(url: string, f: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await f(admin);
  } finally {
    await admin.end();
  }
}

async function databasesLike(url: string, prefix: string): Promise<string[]> {
  return withAdmin(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [prefix]);
    return rows.map((r) => r.datname);
  });
}

/** Drops databases side by side: each DROP DATABASE waits for a checkpoint, and drops waiting together share one. */
export async function dropDatabases(url: string, names: string[]): Promise<void> {
  const parallel = 8;
  for (let i = 0; i < names.length; i += parallel) {
    await Promise.all(
      names.slice(i, i + parallel).map((name) => withAdmin(url, (admin) => admin.query(`drop database if exists "${name}" with (force)`))),
    );
  }
}

/** Drops what killed runs left behind: databases of runs that started more than a few hours ago. */
export async function dropLeftovers(url: string, now = Date.now()): Promise<string[]> {
  const old = (await databasesLike(url, PREFIX)).filter((name) => {
    const started = Number.parseInt(name.slice(PREFIX.length).split('_')[0] ?? '', 36) * 1000;
    return Number.isFinite(started) && now - started > LEFTOVER_AFTER_MS;
  });
  await dropDatabases(url, old);
  return old;
}

/** Drops every database of a run, its template included. */
export async function dropRun(url: string, prefix: string): Promise<void> {
  await dropDatabases(url, await databasesLike(url, `${prefix}_`));
}

/** Creates `name` as a copy of `template`; false when it already exists. */
export async function createDatabase(admin: pg.Client, name: string, template: string): Promise<boolean> {
  try {
    await admin.query(`create database "${name}" template "${template}"`);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === '42P04') return false; // duplicate_database
    throw err;
  }
}

/**
 * A reset of a database to its template's rows: every table emptied (foreign keys and triggers off for the
 * transaction), the rows the migrations wrote put back, and each sequence set back where the template had it.
 */
export async function resetStatement(client: pg.Client): Promise<string> {
  const tables = (
    await client.query<{ name: string }>(`select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`)
  ).rows.map((r) => r.name);
  // Triggers off (foreign keys are triggers) takes a superuser; anyone else gets the slower TRUNCATE (about a second).
  const superuser = (await client.query<{ on: boolean }>(`select current_setting('is_superuser') = 'on' as on`)).rows[0]?.on;
  const statements = superuser
    ? ['begin', 'set local session_replication_role = replica', ...tables.map((t) => `delete from ${t}`)]
    : ['begin', `truncate ${tables.join(', ')} cascade`];
  for (const table of tables) {
    const { rows } = await client.query<{ data: unknown[] | null }>(`select json_agg(t) as data from ${table} t`);
    if (!rows[0]?.data) continue;
    const json = JSON.stringify(rows[0].data).replaceAll("'", "''");
    statements.push(`insert into ${table} overriding system value select * from json_populate_recordset(null::${table}, '${json}')`);
  }
  const sequences = (
    await client.query<{ name: string; last_value: string | null }>(
      `select quote_ident(sequencename) as name, last_value::text from pg_sequences where schemaname = 'public'`,
    )
  ).rows;
  for (const s of sequences)
    statements.push(s.last_value === null ? `select setval('${s.name}', 1, false)` : `select setval('${s.name}', ${s.last_value}, true)`);
  statements.push('commit');
  return statements.join(';\n');
}
