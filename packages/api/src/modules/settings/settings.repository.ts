import type { Executor } from '../../lib/transaction.js';

export async function findValue(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('merchant_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export function upsertValue(db: Executor, row: { key: string; value: string; at: string; staffId: number | null }) {
  return db
    .insertInto('merchant_settings')
    .values({ key: row.key, value: row.value, updated_at: row.at, updated_by: row.staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.at, updated_by: row.staffId }))
    .execute();
}
