import { sql } from 'kysely';
import { type DayBounds, dayOf } from '../../lib/day-bounds.js';
import type { Executor } from '../../lib/transaction.js';

/**
 * Orders paid within each day, by payment platform: how many and their payable total. Counted on the day they were
 * paid, whatever happened to them since (a refund is counted on its own day, by the refunds figures).
 */
export async function paidOrdersByDay(db: Executor, days: DayBounds[]) {
  const first = days[0]!.startAt;
  const last = days[days.length - 1]!.endAt;
  const result = await sql<{ day: string; platform: string | null; n: number; fen: number }>`
    select ${dayOf(sql.ref('o.paid_at'), days)} as day, o.payment_platform as platform, count(*) as n, sum(o.payable_fen) as fen
    from orders o
    where o.paid_at >= ${first} and o.paid_at < ${last}
    group by day, o.payment_platform`.execute(db);
  return result.rows;
}

/** Per day: members who placed an order and members who paid one (member-days), optionally of one platform. */
export async function orderFunnelByDay(db: Executor, days: DayBounds[], platform: string | null) {
  const first = days[0]!.startAt;
  const last = days[days.length - 1]!.endAt;
  const onPlatform = platform ? sql`and o.platform = ${platform}` : sql``;
  const placed = await sql<{ day: string; n: number }>`
    select day, count(distinct member_id) as n from (
      select ${dayOf(sql.ref('o.created_at'), days)} as day, o.member_id as member_id
      from orders o
      where o.created_at >= ${first} and o.created_at < ${last} and o.kind = 'goods' ${onPlatform}
    ) t group by day`.execute(db);
  const paid = await sql<{ day: string; n: number }>`
    select day, count(distinct member_id) as n from (
      select ${dayOf(sql.ref('o.paid_at'), days)} as day, o.member_id as member_id
      from orders o
      where o.paid_at >= ${first} and o.paid_at < ${last} and o.kind = 'goods' ${onPlatform}
    ) t group by day`.execute(db);
  return { placed: placed.rows, paid: paid.rows };
}

/**
 * The month (in the merchant's zone) of an instant, as a CASE over the months' bounds: months are `YYYY-MM` with the
 * instant each starts at, oldest first; an instant before the first is in no month (null).
 */
function monthOf(column: ReturnType<typeof sql.ref>, months: { month: string; startAt: string }[]) {
  const branches = [...months].reverse().map((m) => sql`when ${column} >= ${m.startAt} then ${m.month}`);
  return sql`case ${sql.join(branches, sql` `)} end`;
}

/**
 * Paid goods orders by member and month, from `months[0]` on, with each member's first paid month ever (null when it
 * was before the window): one row per cohort month × month with buyers, orders and sales.
 */
export async function buyerMonths(db: Executor, months: { month: string; startAt: string }[]) {
  const start = months[0]!.startAt;
  const result = await sql<{ cohort: string | null; month: string; buyers: number; orders: number; fen: number }>`
    select case when f.first_paid >= ${start} then ${monthOf(sql.ref('f.first_paid'), months)} end as cohort,
           pm.month as month, count(*) as buyers, sum(pm.orders) as orders, sum(pm.fen) as fen
    from (
      select o.member_id as member_id, ${monthOf(sql.ref('o.paid_at'), months)} as month, count(*) as orders, sum(o.payable_fen) as fen
      from orders o where o.paid_at >= ${start} and o.kind = 'goods'
      group by o.member_id, month
    ) pm
    join (
      select o.member_id as member_id, min(o.paid_at) as first_paid from orders o
      where o.paid_at is not null and o.kind = 'goods' and o.member_id in (select o2.member_id from orders o2 where o2.paid_at >= ${start})
      group by o.member_id
    ) f on f.member_id = pm.member_id
    group by cohort, pm.month`.execute(db);
  return result.rows;
}

/** Members with at least one paid goods order, and with at least two. */
export async function repeatBuyers(db: Executor) {
  const r = await sql<{ buyers: number; repeat: number }>`
    select count(*) as buyers, sum(case when n >= 2 then 1 else 0 end) as repeat
    from (select member_id, count(*) as n from orders where paid_at is not null and kind = 'goods' group by member_id) t`.execute(db);
  return r.rows[0] ?? { buyers: 0, repeat: 0 };
}

/** Units sold and buyers per product, of goods orders paid in [startAt, endAt). */
export async function soldByProduct(db: Executor, startAt: string, endAt: string, productIds: number[]) {
  if (productIds.length === 0) return [];
  // The range's paid orders first (orders_paid_at), then their lines (order_lines_order): CROSS JOIN keeps SQLite to
  // that order; PostgreSQL plans it as any inner join.
  const result = await sql<{ product_id: number; title: string; units: number; buyers: number }>`
    select l.product_id as product_id, min(l.title) as title, sum(l.quantity) as units, count(distinct o.member_id) as buyers
    from orders o cross join order_lines l
    where l.order_id = o.id and o.paid_at >= ${startAt} and o.paid_at < ${endAt}
      and l.product_id in (${sql.join(productIds)})
    group by l.product_id`.execute(db);
  return result.rows;
}

/** Goods orders paid in [startAt, endAt) that used a coupon, or points: how many, their discount and what was paid. */
export async function discountReturns(db: Executor, startAt: string, endAt: string) {
  const r = await sql<{ kind: string; orders: number; discount: number; fen: number }>`
    select kind, count(*) as orders, sum(discount) as discount, sum(payable) as fen from (
      select o.id, a.kind as kind, sum(a.amount_fen) as discount, max(o.payable_fen) as payable
      from orders o join order_adjustments a on a.order_id = o.id
      where o.paid_at >= ${startAt} and o.paid_at < ${endAt} and a.kind in ('coupon', 'points')
      group by o.id, a.kind
    ) t group by kind`.execute(db);
  return r.rows;
}
