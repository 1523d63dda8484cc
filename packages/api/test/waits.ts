/** Waiting for the state a concurrency test needs, never for a guessed time. */
import { sql } from 'kysely';
import type { DB } from '../src/db/connection.js';
import { engine } from './context.js';

/** A gate a test opens by hand: `passed()` resolves once `open()` was called. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, passed: () => opened };
}

/**
 * PostgreSQL: resolves once a session waits for a lock, on a statement that mentions `about` when given (at most 5 s,
 * then throws). SQLite has one writer and no lock waits to see: resolves at once.
 */
export async function someoneWaitsForALock(db: DB, about?: string): Promise<void> {
  if (engine !== 'postgres') return;
  for (let i = 0; i < 250; i += 1) {
    const waiting = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()
        and (${about ?? null}::text is null or query ilike ${`%${about ?? ''}%`})`.execute(db);
    if (Number(waiting.rows[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nobody waited for a lock${about ? ` on ${about}` : ''}`);
}

/** The promise's value, or 'timed out' after `ms` (for a test proving that something does not wait). */
export const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), ms))]);
