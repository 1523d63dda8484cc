import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../src/db/connection.js';

// The SQLite connection's prepared-statement cache (decision 009); engine-independent, so always on SQLite.
let dir: string;
let db: Kysely<any>;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-stmt-'));
  db = new Kysely<any>({ dialect: new SqliteDialect({ database: openSqliteFile(path.join(dir, 'x.db')) }) });
  await sql`create table t (id integer primary key, v integer not null)`.execute(db);
});
afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite statement cache', () => {
  it('reuses a statement by its SQL text, with each call’s own parameters', async () => {
    const sqlite = openSqliteFile(path.join(dir, 'y.db'));
    const a = sqlite.prepare('select ? as v');
    expect(sqlite.prepare('select ? as v')).toBe(a);
    expect(a.get(1)).toEqual({ v: 1 });
    expect(sqlite.prepare('select ? as v').get(2)).toEqual({ v: 2 });
    sqlite.close();
  });

  it('hands out a fresh statement while the cached one is being iterated', () => {
    const sqlite = openSqliteFile(path.join(dir, 'z.db'));
    const a = sqlite.prepare('select 1 as v union all select 2');
    const it = a.iterate();
    it.next();
    const b = sqlite.prepare('select 1 as v union all select 2');
    expect(b).not.toBe(a);
    expect(b.all()).toHaveLength(2);
    it.return?.();
    expect(sqlite.prepare('select 1 as v union all select 2')).toBe(a);
    sqlite.close();
  });

  it('keeps transactions working: rollback undoes, commit keeps, across repeated statements', async () => {
    for (let i = 0; i < 3; i += 1) {
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('t').values({ id: 1, v: i }).execute();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
    }
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([]);
    for (let i = 1; i <= 3; i += 1) await db.transaction().execute((trx) => trx.insertInto('t').values({ id: i, v: i }).execute());
    expect(await db.selectFrom('t').select('v').orderBy('id').execute()).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
    const streamed: number[] = [];
    for await (const row of db.selectFrom('t').select('v').orderBy('id').stream()) streamed.push(row.v);
    expect(streamed).toEqual([1, 2, 3]);
  });
});
