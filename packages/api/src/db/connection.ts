import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  engine: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** bigint (int8) and numeric come back from pg as strings; our values fit in a double, so parse them. */
const pgTypes = {
  getTypeParser(oid: number, format?: Parameters<typeof pg.types.getTypeParser>[1]) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * `full` (the default, and the only choice in production): a commit returns once it is on the disk. `relaxed`: commits
 * return before they reach the disk (SQLite `synchronous = OFF`, PostgreSQL `synchronous_commit = off`), about a
 * hundred times faster on SQLite; a crash of the machine may lose the last commits, though never half of one. For
 * throwaway databases only: the tests' (decision 025).
 */
export type Durability = 'full' | 'relaxed';

export interface OpenDatabaseOptions {
  /** PostgreSQL only: run everything inside this schema. */
  searchPath?: string;
  poolSize?: number;
  durability?: Durability;
}

function pgSessionOptions(options: OpenDatabaseOptions): { options?: string } {
  const settings = [
    ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : []),
    ...(options.durability === 'relaxed' ? ['-c synchronous_commit=off'] : []),
  ];
  return settings.length ? { options: settings.join(' ') } : {};
}

/**
 * One URL picks the engine: `sqlite:path/to/file.db` (the embedded default) or `postgres://…`.
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      ...pgSessionOptions(options),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = openSqliteFile(file, options);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, engine: 'sqlite', close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got ${JSON.stringify(url.split(':')[0])}`);
}

/**
 * Opens a SQLite file for Kysely's SqliteDialect: our pragmas, and prepared statements reused by SQL text
 * (withStatementCache; decision 009).
 */
export function openSqliteFile(file: string, { durability = 'full' }: { durability?: Durability } = {}): SQLite.Database {
  const sqlite = withStatementCache(new SQLite(file));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Money and points are written here: a committed write survives power loss. Relaxed only for throwaway databases.
  sqlite.pragma(durability === 'full' ? 'synchronous = FULL' : 'synchronous = OFF');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** How many distinct statements one SQLite connection keeps prepared (least recently used dropped first). */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * The same connection, but `prepare()` returns an already-prepared statement for SQL text it has seen
 * (decision 009). Kysely's SqliteDialect prepares every query anew, and preparing costs about as much as running
 * our small queries. Safe because Kysely runs one query at a time on the one connection and uses each statement
 * only through all()/run(), which bind their parameters per call and reset the statement when done. A statement
 * that is still being iterated (Kysely's stream()) is busy: then a fresh, uncached one is prepared. The cache
 * belongs to this connection (statements cannot move between connections) and dies with it.
 */
export function withStatementCache(sqlite: SQLite.Database, size = SQLITE_STATEMENT_CACHE_SIZE): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite) as (source: string) => SQLite.Statement;
  const cachedPrepare = (source: string): SQLite.Statement => {
    const hit = cache.get(source);
    if (hit) {
      if (hit.busy) return prepare(source);
      // Most recently used last: re-insert.
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const stmt = prepare(source);
    cache.set(source, stmt);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return cachedPrepare;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
