import type { DB } from '../db/connection.js';

/**
 * One named value a periodic job keeps between runs and across restarts (in `job_state`), such as a sweep's position.
 * Several processes running the same job share it; a job that needs more than "roughly where we were" must make each
 * unit of its work safe on its own.
 */
export function jobState(db: DB, name: string) {
  return {
    async get(): Promise<string | undefined> {
      return (await db.selectFrom('job_state').select('value').where('name', '=', name).executeTakeFirst())?.value;
    },
    async set(value: string, at: Date): Promise<void> {
      const updated_at = at.toISOString();
      await db
        .insertInto('job_state')
        .values({ name, value, updated_at })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at }))
        .execute();
    },
  };
}
