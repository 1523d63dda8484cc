import { LOGIN_PLATFORMS, addDays, businessDateOf, type Dashboard, type DashboardFigures, type LoginPlatform } from '@siyu/shared';
import type { Clock } from '../../lib/clock.js';
import { dayBounds } from '../../lib/day-bounds.js';
import type { CatalogService } from '../catalog/index.js';
import type { CheckInService } from '../check-in/index.js';
import type { EventsService } from '../events/index.js';
import type { MembersService } from '../members/index.js';
import type { OrdersStatsService } from '../orders/index.js';
import type { PaymentsStatsService } from '../payments/index.js';
import { type AnalyticsReports, createAnalyticsReports } from './analytics-reports.js';

/** How many business days the dashboard covers (today and the 29 before it). */
export const DASHBOARD_DAYS = 30;

export interface AnalyticsService extends AnalyticsReports {
  dashboard(): Promise<Dashboard>;
}

const zeroByPlatform = () => Object.fromEntries(LOGIN_PLATFORMS.map((p) => [p, 0])) as Record<LoginPlatform, number>;
const isPlatform = (p: string | null): p is LoginPlatform => (LOGIN_PLATFORMS as readonly (string | null)[]).includes(p);

function emptyFigures(): DashboardFigures {
  return {
    paidOrders: 0,
    salesFen: 0,
    averageOrderFen: 0,
    refunds: 0,
    refundFen: 0,
    newMembers: 0,
    newMembersByPlatform: zeroByPlatform(),
    checkIns: 0,
    paidOrdersByPlatform: zeroByPlatform(),
    salesFenByPlatform: zeroByPlatform(),
  };
}

function add(into: DashboardFigures, from: DashboardFigures): void {
  into.paidOrders += from.paidOrders;
  into.salesFen += from.salesFen;
  into.refunds += from.refunds;
  into.refundFen += from.refundFen;
  into.newMembers += from.newMembers;
  into.checkIns += from.checkIns;
  for (const p of LOGIN_PLATFORMS) {
    into.newMembersByPlatform[p] += from.newMembersByPlatform[p];
    into.paidOrdersByPlatform[p] += from.paidOrdersByPlatform[p];
    into.salesFenByPlatform[p] += from.salesFenByPlatform[p];
  }
}

const withAverage = <T extends DashboardFigures>(f: T): T => ({ ...f, averageOrderFen: f.paidOrders ? Math.round(f.salesFen / f.paidOrders) : 0 });

/**
 * The merchant dashboard: per business day in the merchant's time zone, aggregated in SQL by the modules that own
 * the tables (orders, payments, members, check-in), then summed into today, the last 7 and the last 30 days.
 */
export function createAnalyticsService(deps: {
  clock: Clock;
  timeZone: string;
  ordersStats: OrdersStatsService;
  paymentsStats: PaymentsStatsService;
  members: MembersService;
  checkIn: CheckInService;
  events: EventsService;
  catalog: Pick<CatalogService, 'memberCards'>;
}): AnalyticsService {
  return {
    ...createAnalyticsReports(deps),
    async dashboard(): Promise<Dashboard> {
      const now = deps.clock.now();
      const today = businessDateOf(now, deps.timeZone);
      const first = addDays(today, -(DASHBOARD_DAYS - 1));
      const days = dayBounds(first, today, deps.timeZone);
      const [paid, refunds, members, checkIns] = await Promise.all([
        deps.ordersStats.paidByDay(days),
        deps.paymentsStats.refundsByDay(days),
        deps.members.newMembersByDay(days),
        deps.checkIn.countsByDay(first, today),
      ]);
      const byDate = new Map(days.map((d) => [d.date, emptyFigures()]));
      for (const r of paid) {
        const f = byDate.get(r.date);
        if (!f) continue;
        f.paidOrders += r.orders;
        f.salesFen += r.fen;
        if (isPlatform(r.platform)) {
          f.paidOrdersByPlatform[r.platform] += r.orders;
          f.salesFenByPlatform[r.platform] += r.fen;
        }
      }
      for (const r of refunds) {
        const f = byDate.get(r.date);
        if (!f) continue;
        f.refunds += r.refunds;
        f.refundFen += r.fen;
      }
      for (const r of members) {
        const f = byDate.get(r.date);
        if (!f) continue;
        f.newMembers += r.members;
        if (isPlatform(r.platform)) f.newMembersByPlatform[r.platform] += r.members;
      }
      for (const [date, n] of checkIns) {
        const f = byDate.get(date);
        if (f) f.checkIns += n;
      }
      const period = (from: string) => {
        const sum = emptyFigures();
        for (const [date, f] of byDate) if (date >= from) add(sum, f);
        return withAverage({ ...sum, from, to: today });
      };
      return {
        timeZone: deps.timeZone,
        today,
        generatedAt: now.toISOString(),
        periods: { today: period(today), last7Days: period(addDays(today, -6)), last30Days: period(first) },
        days: [...byDate].map(([date, f]) => withAverage({ ...f, date })),
      };
    },
  };
}
