import { z } from 'zod';
import { BUILD_TARGETS } from '../platforms.js';
import { BusinessDateSchema, Id, MonthSchema } from './common.js';

/** What the mini-program's tracker records (decision 042). */
export const EVENT_KINDS = ['page_view', 'product_view', 'search', 'add_to_cart', 'checkout_start', 'coupon_claim', 'share', 'check_in'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** At most this many events in one batch; the tracker sends at most this many at once. */
export const MAX_EVENTS_PER_BATCH = 50;
/** The channel a visit came from when it carries no attribution. */
export const DIRECT_CHANNEL = 'direct';

const token = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const TrackedEvent = z
  .object({
    id: token(64).meta({ description: 'made by the client once per event (a UUID); the same id twice is stored once' }),
    kind: z.enum(EVENT_KINDS),
    at: z.iso.datetime({ offset: true }).meta({ description: 'when it happened on the device; clamped to the last 7 days' }),
    sessionId: token(64),
    platform: z.enum(BUILD_TARGETS),
    page: z.string().max(200).optional(),
    productId: Id.optional(),
    /** The visit's attribution (share landing): the channel and the share that brought it. */
    channel: token(32).optional(),
    shareId: token(64).optional(),
    /** A search's words, a coupon template's id, a share's target: one short text. */
    detail: z.string().max(100).optional(),
  })
  .strict()
  .meta({ id: 'TrackedEvent' });

export const EventBatch = z
  .object({ events: z.array(TrackedEvent).min(1).max(MAX_EVENTS_PER_BATCH) })
  .strict()
  .meta({ id: 'EventBatch' });

export const EventBatchResult = z
  .object({
    accepted: z.number().int().min(0).meta({ description: 'events in the batch' }),
    stored: z.number().int().min(0).meta({ description: 'events stored now (the others were stored before: same id)' }),
  })
  .meta({ id: 'EventBatchResult' });

export const EventSettings = z
  .object({ rawRetentionDays: z.number().int().min(30).max(730).meta({ description: 'days raw events are kept; daily rollups are kept for good' }) })
  .strict()
  .meta({ id: 'EventSettings' });

const Count = z.number().int().min(0);

/** The analytics range: dates in the merchant's time zone, both included; at most 366 days. */
export const AnalyticsRangeQuery = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  platform: z.enum(BUILD_TARGETS).optional(),
});

export const TrafficRow = z.object({
  date: BusinessDateSchema,
  platform: z.string(),
  channel: z.string(),
  visitors: Count,
  sessions: Count,
  pageViews: Count,
});
export const TrafficReport = z.object({ from: BusinessDateSchema, to: BusinessDateSchema, rows: z.array(TrafficRow) }).meta({ id: 'TrafficReport' });

export const FunnelStep = z.object({ step: z.enum(['visit', 'product_view', 'add_to_cart', 'order', 'paid']), members: Count });
export const FunnelReport = z
  .object({
    from: BusinessDateSchema,
    to: BusinessDateSchema,
    platform: z.string().nullable(),
    steps: z.array(FunnelStep),
    days: z.array(z.object({ date: BusinessDateSchema, visit: Count, product_view: Count, add_to_cart: Count, order: Count, paid: Count })),
  })
  .meta({ id: 'FunnelReport', description: 'member-days at each step: a member counts once per day per step' });

export const CohortRow = z.object({
  cohort: MonthSchema,
  buyers: Count,
  retained: z.array(Count).meta({ description: 'buyers of the cohort paying again in month +1, +2, …' }),
});
export const CohortReport = z.object({ months: z.array(MonthSchema), cohorts: z.array(CohortRow) }).meta({ id: 'CohortReport' });

export const BuyersRow = z.object({
  month: MonthSchema,
  buyers: Count,
  newBuyers: Count,
  returningBuyers: Count,
  orders: Count,
  salesFen: Count,
  averageOrderFen: Count,
});
export const BuyersReport = z
  .object({
    months: z.array(BuyersRow),
    repurchaseRate: z.number().min(0).max(1).meta({ description: 'share of buyers with 2 or more paid orders (all time)' }),
  })
  .meta({ id: 'BuyersReport' });

export const ProductInterestRow = z.object({
  productId: Id,
  title: z.string(),
  views: Count,
  viewers: Count,
  addToCarts: Count,
  unitsSold: Count,
  buyers: Count,
});
export const ProductInterestReport = z
  .object({ from: BusinessDateSchema, to: BusinessDateSchema, rows: z.array(ProductInterestRow) })
  .meta({ id: 'ProductInterestReport' });

export const EngagementRow = z.object({
  date: BusinessDateSchema,
  couponClaims: Count,
  checkInMembers: Count,
  shares: Count,
  searches: Count,
  visitors: Count,
});
export const EngagementReport = z
  .object({
    from: BusinessDateSchema,
    to: BusinessDateSchema,
    days: z.array(EngagementRow),
    couponRoi: z.object({ ordersWithCoupon: Count, discountFen: Count, salesFen: Count }),
    pointsRoi: z.object({ ordersWithPoints: Count, discountFen: Count, salesFen: Count }),
  })
  .meta({ id: 'EngagementReport' });

export const RollupRunResult = z.object({ dates: z.array(BusinessDateSchema), purged: Count }).meta({ id: 'RollupRunResult' });

export type TrackedEvent = z.output<typeof TrackedEvent>;
export type EventBatch = z.output<typeof EventBatch>;
export type EventBatchResult = z.output<typeof EventBatchResult>;
export type EventSettings = z.output<typeof EventSettings>;
export type AnalyticsRangeQuery = z.output<typeof AnalyticsRangeQuery>;
export type TrafficReport = z.output<typeof TrafficReport>;
export type FunnelReport = z.output<typeof FunnelReport>;
export type CohortReport = z.output<typeof CohortReport>;
export type BuyersReport = z.output<typeof BuyersReport>;
export type ProductInterestReport = z.output<typeof ProductInterestReport>;
export type EngagementReport = z.output<typeof EngagementReport>;
