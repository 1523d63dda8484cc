import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { MemberEventsTable } from '../../db/schema.js';
import type { Executor, Tx } from '../../lib/transaction.js';

/** The job_state row holding the id of the last event the rollups include. */
export const ROLLUP_POSITION = 'events.rollup.last_event_id';

/**
 * Appends a batch in one multi-row insert; an event whose id is already stored is skipped by the unique key (a batch
 * sent twice, or twice at once, stores each event once). Returns how many rows were stored now.
 */
export async function appendEvents(trx: Executor, rows: Insertable<MemberEventsTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await trx
    .insertInto('member_events')
    .values(rows)
    .onConflict((oc) => oc.column('event_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function lastEventId(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('member_events')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** The business dates of events after `after` up to `upTo` (ids): the dates whose rollups are stale. */
export async function datesOfEvents(db: Executor, after: number, upTo: number): Promise<string[]> {
  const rows = await db
    .selectFrom('member_events')
    .select('business_date')
    .distinct()
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .orderBy('business_date')
    .execute();
  return rows.map((r) => r.business_date);
}

/**
 * Takes the rollup's position from `from` to `to`: a conditional update, so that of two runners that read the same
 * position only the first moves it (the second finds 0 rows, rolls back, and leaves the work done once).
 */
export async function movePosition(trx: Tx, from: number, to: number, at: string): Promise<boolean> {
  await trx
    .insertInto('job_state')
    .values({ name: ROLLUP_POSITION, value: '0', updated_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await trx
    .updateTable('job_state')
    .set({ value: String(to), updated_at: at })
    .where('name', '=', ROLLUP_POSITION)
    .where('value', '=', String(from))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function position(db: Executor): Promise<number> {
  const r = await db.selectFrom('job_state').select('value').where('name', '=', ROLLUP_POSITION).executeTakeFirst();
  return Number(r?.value ?? 0);
}

/** Rebuilds one date's rollups from its raw events (delete, then insert … select): the same result however often. */
export async function rebuildDate(trx: Tx, date: string): Promise<void> {
  await trx.deleteFrom('event_daily_traffic').where('date', '=', date).execute();
  await trx.deleteFrom('event_daily_kinds').where('date', '=', date).execute();
  await trx.deleteFrom('event_daily_products').where('date', '=', date).execute();
  await sql`
    insert into event_daily_traffic (date, platform, channel, visitors, sessions, page_views)
    select business_date, platform, channel, count(distinct member_id), count(distinct session_id),
           sum(case when kind = 'page_view' then 1 else 0 end)
    from member_events where business_date = ${date}
    group by business_date, platform, channel`.execute(trx);
  await sql`
    insert into event_daily_kinds (date, platform, kind, events, members)
    select business_date, platform, kind, count(*), count(distinct member_id)
    from member_events where business_date = ${date} group by business_date, platform, kind
    union all
    select business_date, 'all', kind, count(*), count(distinct member_id)
    from member_events where business_date = ${date} group by business_date, kind
    union all
    select business_date, platform, 'visit', count(*), count(distinct member_id)
    from member_events where business_date = ${date} group by business_date, platform
    union all
    select business_date, 'all', 'visit', count(*), count(distinct member_id)
    from member_events where business_date = ${date} group by business_date`.execute(trx);
  await sql`
    insert into event_daily_products (date, product_id, views, viewers, add_to_carts)
    select business_date, product_id,
           sum(case when kind = 'product_view' then 1 else 0 end),
           count(distinct case when kind = 'product_view' then member_id end),
           sum(case when kind = 'add_to_cart' then 1 else 0 end)
    from member_events
    where business_date = ${date} and product_id is not null and kind in ('product_view', 'add_to_cart')
    group by business_date, product_id`.execute(trx);
}

/** Deletes raw events of dates before `before` that the rollups already include; returns how many. */
export async function purgeRawBefore(db: Executor, before: string, upToId: number): Promise<number> {
  const r = await db.deleteFrom('member_events').where('business_date', '<', before).where('id', '<=', upToId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function trafficRows(db: Executor, from: string, to: string, platform?: string) {
  let q = db
    .selectFrom('event_daily_traffic')
    .select(['date', 'platform', 'channel', 'visitors', 'sessions', 'page_views'])
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (platform) q = q.where('platform', '=', platform);
  return q.orderBy('date').orderBy('platform').orderBy('channel').execute();
}

export async function kindRows(db: Executor, from: string, to: string, platform: string) {
  return db
    .selectFrom('event_daily_kinds')
    .select(['date', 'kind', 'events', 'members'])
    .where('platform', '=', platform)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function productRows(db: Executor, from: string, to: string, limit: number) {
  return db
    .selectFrom('event_daily_products')
    .select((eb) => [
      'product_id',
      eb.fn.sum<number>('views').as('views'),
      eb.fn.sum<number>('viewers').as('viewers'),
      eb.fn.sum<number>('add_to_carts').as('add_to_carts'),
    ])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy('product_id')
    .orderBy('views', 'desc')
    .orderBy('product_id')
    .limit(limit)
    .execute();
}

export async function countsByKind(db: Executor, memberId: number) {
  return db
    .selectFrom('member_events')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
    .where('member_id', '=', memberId)
    .groupBy('kind')
    .orderBy('kind')
    .execute();
}
