import { z } from 'zod';
import { LOGIN_PLATFORMS } from '../platforms.js';
import { BusinessDateSchema, IsoInstant } from './common.js';

const Count = z.number().int().min(0);
const Fen = z.number().int();
const PlatformCounts = z.object(Object.fromEntries(LOGIN_PLATFORMS.map((p) => [p, Count])) as Record<(typeof LOGIN_PLATFORMS)[number], typeof Count>);

/** One business day, or a sum of them. Orders count on the day they were paid, refunds on the day they completed. */
export const DashboardFigures = z
  .object({
    paidOrders: Count,
    salesFen: Fen.meta({ description: 'payable amount of the orders paid' }),
    averageOrderFen: Fen.meta({ description: 'salesFen / paidOrders, rounded to the fen; 0 without orders' }),
    refunds: Count.meta({ description: 'refunds that completed (money back to the payer)' }),
    refundFen: Fen,
    newMembers: Count,
    newMembersByPlatform: PlatformCounts.meta({ description: 'by the platform of the member’s first login' }),
    checkIns: Count,
    paidOrdersByPlatform: PlatformCounts,
    salesFenByPlatform: PlatformCounts,
  })
  .meta({ id: 'DashboardFigures' });

export const DashboardPeriod = DashboardFigures.extend({ from: BusinessDateSchema, to: BusinessDateSchema }).meta({ id: 'DashboardPeriod' });
export const DashboardDay = DashboardFigures.extend({ date: BusinessDateSchema }).meta({ id: 'DashboardDay' });

export const Dashboard = z
  .object({
    timeZone: z.string(),
    today: BusinessDateSchema,
    generatedAt: IsoInstant,
    periods: z.object({ today: DashboardPeriod, last7Days: DashboardPeriod, last30Days: DashboardPeriod }),
    days: z.array(DashboardDay).meta({ description: 'the last 30 business days, oldest first (today last)' }),
  })
  .meta({ id: 'Dashboard' });

export type DashboardFigures = z.output<typeof DashboardFigures>;
export type DashboardPeriod = z.output<typeof DashboardPeriod>;
export type DashboardDay = z.output<typeof DashboardDay>;
export type Dashboard = z.output<typeof Dashboard>;
