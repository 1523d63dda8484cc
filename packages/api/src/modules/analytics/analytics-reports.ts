import {
  addDays,
  type AnalyticsRangeQuery,
  type BuyersReport,
  businessDateOf,
  type CohortReport,
  type EngagementReport,
  type FunnelReport,
  type ProductInterestReport,
  startOfBusinessDay,
  type TrafficReport,
} from '@siyu/shared';
import type { Clock } from '../../lib/clock.js';
import { dayBounds } from '../../lib/day-bounds.js';
import { validationError } from '../../lib/http.js';
import type { CatalogService } from '../catalog/index.js';
import type { CheckInService } from '../check-in/index.js';
import type { EventsService } from '../events/index.js';
import type { OrdersStatsService } from '../orders/index.js';

/** The longest range a report covers, in days. */
export const MAX_REPORT_DAYS = 366;
/** Monthly cohorts shown: this month and the 11 before it. */
export const COHORT_MONTHS = 12;
export const TOP_PRODUCTS = 20;

export interface AnalyticsReports {
  traffic(q: AnalyticsRangeQuery): Promise<TrafficReport>;
  funnel(q: AnalyticsRangeQuery): Promise<FunnelReport>;
  cohorts(): Promise<CohortReport>;
  buyers(): Promise<BuyersReport>;
  products(q: AnalyticsRangeQuery): Promise<ProductInterestReport>;
  engagement(q: AnalyticsRangeQuery): Promise<EngagementReport>;
}

function checkRange(q: AnalyticsRangeQuery): void {
  if (q.to < q.from) throw validationError([{ field: 'query.to', code: 'range_order', message: 'must not be before from' }]);
  if (addDays(q.from, MAX_REPORT_DAYS - 1) < q.to) {
    throw validationError([{ field: 'query.to', code: 'too_big', message: `a range covers at most ${MAX_REPORT_DAYS} days` }]);
  }
}

const monthAdd = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/**
 * The analytics beyond the dashboard's totals (decision 043): traffic, the funnel, products and engagement from the
 * events' daily rollups and the orders' own aggregates; cohorts and buyers from paid orders. Each report is a few
 * grouped queries; nothing loads rows per member.
 */
export function createAnalyticsReports(deps: {
  clock: Clock;
  timeZone: string;
  events: EventsService;
  ordersStats: OrdersStatsService;
  checkIn: CheckInService;
  catalog: Pick<CatalogService, 'memberCards'>;
}): AnalyticsReports {
  const { timeZone } = deps;
  const lastMonths = () => {
    const thisMonth = businessDateOf(deps.clock.now(), timeZone).slice(0, 7);
    return Array.from({ length: COHORT_MONTHS }, (_, i) => monthAdd(thisMonth, i - (COHORT_MONTHS - 1))).map((month) => ({
      month,
      startAt: startOfBusinessDay(`${month}-01`, timeZone).toISOString(),
    }));
  };
  const instants = (q: AnalyticsRangeQuery) => ({
    startAt: startOfBusinessDay(q.from, timeZone).toISOString(),
    endAt: startOfBusinessDay(addDays(q.to, 1), timeZone).toISOString(),
  });

  return {
    async traffic(q) {
      checkRange(q);
      return { from: q.from, to: q.to, rows: await deps.events.traffic(q.from, q.to, q.platform) };
    },

    async funnel(q) {
      checkRange(q);
      const platform = q.platform ?? null;
      const [kinds, orders] = await Promise.all([
        deps.events.dailyKinds(q.from, q.to, platform ?? 'all'),
        deps.ordersStats.orderFunnelByDay(dayBounds(q.from, q.to, timeZone), platform),
      ]);
      const days = new Map<string, FunnelReport['days'][number]>();
      for (const d of dayBounds(q.from, q.to, timeZone))
        days.set(d.date, { date: d.date, visit: 0, product_view: 0, add_to_cart: 0, order: 0, paid: 0 });
      for (const k of kinds) {
        const d = days.get(k.date);
        if (d && (k.kind === 'visit' || k.kind === 'product_view' || k.kind === 'add_to_cart')) d[k.kind] = k.members;
      }
      for (const [date, o] of orders) {
        const d = days.get(date);
        if (d) {
          d.order = o.placed;
          d.paid = o.paid;
        }
      }
      const list = [...days.values()];
      const sum = (k: 'visit' | 'product_view' | 'add_to_cart' | 'order' | 'paid') => list.reduce((s, d) => s + d[k], 0);
      return {
        from: q.from,
        to: q.to,
        platform,
        steps: (['visit', 'product_view', 'add_to_cart', 'order', 'paid'] as const).map((step) => ({ step, members: sum(step) })),
        days: list,
      };
    },

    async cohorts() {
      const months = lastMonths();
      const rows = await deps.ordersStats.buyerMonths(months);
      const names = months.map((m) => m.month);
      const cohorts = names.map((cohort) => {
        const of = rows.filter((r) => r.cohort === cohort);
        const buyers = of.find((r) => r.month === cohort)?.buyers ?? 0;
        const later = names.filter((m) => m > cohort);
        return { cohort, buyers, retained: later.map((m) => of.find((r) => r.month === m)?.buyers ?? 0) };
      });
      return { months: names, cohorts };
    },

    async buyers() {
      const months = lastMonths();
      const [rows, repeat] = await Promise.all([deps.ordersStats.buyerMonths(months), deps.ordersStats.repeatBuyers()]);
      return {
        months: months.map(({ month }) => {
          const of = rows.filter((r) => r.month === month);
          const buyers = of.reduce((s, r) => s + r.buyers, 0);
          const newBuyers = of.filter((r) => r.cohort === month).reduce((s, r) => s + r.buyers, 0);
          const orders = of.reduce((s, r) => s + r.orders, 0);
          const salesFen = of.reduce((s, r) => s + r.fen, 0);
          return {
            month,
            buyers,
            newBuyers,
            returningBuyers: buyers - newBuyers,
            orders,
            salesFen,
            averageOrderFen: orders ? Math.round(salesFen / orders) : 0,
          };
        }),
        repurchaseRate: repeat.buyers ? repeat.repeat / repeat.buyers : 0,
      };
    },

    async products(q) {
      checkRange(q);
      const viewed = await deps.events.topProducts(q.from, q.to, TOP_PRODUCTS);
      const ids = viewed.map((v) => v.productId);
      const { startAt, endAt } = instants(q);
      const [sold, cards] = await Promise.all([deps.ordersStats.soldByProduct(startAt, endAt, ids), deps.catalog.memberCards(ids)]);
      const soldBy = new Map<number, { title: string; units: number; buyers: number }>();
      for (const s of sold) {
        const had = soldBy.get(s.productId);
        soldBy.set(s.productId, { title: had?.title ?? s.title, units: (had?.units ?? 0) + s.units, buyers: Math.max(had?.buyers ?? 0, s.buyers) });
      }
      return {
        from: q.from,
        to: q.to,
        rows: viewed.map((v) => {
          const s = soldBy.get(v.productId);
          return {
            productId: v.productId,
            title: cards.get(v.productId)?.title ?? s?.title ?? `#${v.productId}`,
            views: v.views,
            viewers: v.viewers,
            addToCarts: v.addToCarts,
            unitsSold: s?.units ?? 0,
            buyers: s?.buyers ?? 0,
          };
        }),
      };
    },

    async engagement(q) {
      checkRange(q);
      const { startAt, endAt } = instants(q);
      const [kinds, checkIns, returns] = await Promise.all([
        deps.events.dailyKinds(q.from, q.to, q.platform ?? 'all'),
        deps.checkIn.countsByDay(q.from, q.to),
        deps.ordersStats.discountReturns(startAt, endAt),
      ]);
      const days = new Map<string, EngagementReport['days'][number]>();
      for (const d of dayBounds(q.from, q.to, timeZone)) {
        days.set(d.date, { date: d.date, couponClaims: 0, checkInMembers: checkIns.get(d.date) ?? 0, shares: 0, searches: 0, visitors: 0 });
      }
      for (const k of kinds) {
        const d = days.get(k.date);
        if (!d) continue;
        if (k.kind === 'coupon_claim') d.couponClaims = k.events;
        else if (k.kind === 'share') d.shares = k.events;
        else if (k.kind === 'search') d.searches = k.events;
        else if (k.kind === 'visit') d.visitors = k.members;
      }
      const roi = (kind: string) => {
        const r = returns.find((x) => x.kind === kind);
        return { orders: r?.orders ?? 0, discountFen: r?.discountFen ?? 0, salesFen: r?.salesFen ?? 0 };
      };
      const coupon = roi('coupon');
      const points = roi('points');
      return {
        from: q.from,
        to: q.to,
        days: [...days.values()],
        couponRoi: { ordersWithCoupon: coupon.orders, discountFen: coupon.discountFen, salesFen: coupon.salesFen },
        pointsRoi: { ordersWithPoints: points.orders, discountFen: points.discountFen, salesFen: points.salesFen },
      };
    },
  };
}
