import { serve } from '@hono/node-server';
import { type App, createApp } from './app.js';
import { defaultAppConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { isLoopbackHost, productionPlatformsConfig, readEnv } from './env.js';
import { AdjustableClock, type Clock, systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';
import { startMaintenanceJob } from './jobs/maintenance.job.js';
import { startCouponIssueJob } from './modules/coupons/index.js';
import { startMessageDeliveryJob, startMessageRemindersJob } from './modules/messages/index.js';
import { startOrderExpiryJob } from './modules/orders/index.js';
import { startGiftCardReturnJob } from './modules/wallet/index.js';
import { startPointsJob } from './modules/points/index.js';
import { startDistributionJob } from './modules/distribution/index.js';
import { startTiersJob } from './modules/tiers/index.js';
import { startMemberCardsJob } from './modules/member-cards/index.js';
import { startEventsRollupJob } from './modules/events/index.js';
import { startInvitationsJob } from './modules/invitations/index.js';
import { startPaymentExceptionRefundJob, startPaymentQueryJob } from './modules/payments/index.js';
import {
  SIMULATOR_BASE,
  createPaymentAdapters,
  createPlatformAdapters,
  createPlatformSimulator,
  simulatorFetch,
  type PlatformsConfig,
} from './platforms/index.js';

const env = readEnv();
// With the test hooks on (TEST_HOOKS=1; refused in production), the app runs on a clock end-to-end tests can move.
// The platforms and the simulator keep real time: their signatures carry timestamps checked against it.
const testClock = env.TEST_HOOKS ? new AdjustableClock() : undefined;
const clock: Clock = testClock ?? systemClock;
const logger = createLogger(env.LOG_LEVEL);
const handle = openDatabase(env.DATABASE_URL, { durability: env.DATABASE_DURABILITY });
const applied = await migrateToLatest(handle.db);
logger.info({ engine: handle.engine, applied }, 'database ready');

// With the simulator on, its notifications are handed to this app in-process (only the notify URL's path is
// used), so they reach this server whatever port it ends up on.
let app: App | undefined;
const simulator = env.PLATFORM_SIMULATOR
  ? createPlatformSimulator({
      clock: systemClock,
      deliver: (url, init) => {
        if (!app) throw new Error('notification before the app was built');
        const target = new URL(url);
        return app.request(`${target.pathname}${target.search}`, init);
      },
    })
  : undefined;
const platformsConfig: PlatformsConfig = simulator
  ? simulator.platformsConfig(SIMULATOR_BASE, { notifyUrlBase: `http://${env.HOST}:${env.PORT}/payments/notify` })
  : productionPlatformsConfig(env);

const platformFetch = simulator ? simulatorFetch(simulator.app) : fetch;
app = createApp({
  db: handle.db,
  clock,
  // With the simulator on, the production adapters reach it in-process (whatever port we end up on).
  platforms: createPlatformAdapters(platformsConfig, platformFetch, systemClock),
  payments: createPaymentAdapters(platformsConfig, platformFetch, systemClock),
  config: {
    ...defaultAppConfig,
    timeZone: env.MERCHANT_TIME_ZONE,
    trustProxy: env.TRUST_PROXY,
    staticDir: env.H5_DIST_DIR,
    consoleDir: env.CONSOLE_DIST_DIR,
    uploadsDir: env.UPLOADS_DIR,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL } : {}),
  },
  logger,
  simulator: simulator?.app,
  ...(testClock ? { testHooks: { clock: testClock } } : {}),
});
if (testClock) logger.warn({ testHooks: true }, 'test hooks are on: /__test can move this server’s clock');

const expiryJob = startOrderExpiryJob({ orders: app.services.orders, clock, logger });
// Gift cards nobody claimed in their window go back to the buyer's balance (decision 039).
const giftCardReturnJob = startGiftCardReturnJob({ giftCards: app.services.giftCards, clock, logger });
// Payments that arrived for closed orders go back to the payer (payment_exceptions; decision 008).
const exceptionRefundJob = startPaymentExceptionRefundJob({ exceptions: app.services.paymentExceptions, logger });
// Orders still awaiting payment a minute after their trade opened: ask the platform (late or lost notifications).
const paymentQueryJob = startPaymentQueryJob({ payments: app.services.payments, logger });

// Expired sessions and idempotency keys purged, abandoned in-flight keys released.
// Targeted coupon issues queued, or left by a worker that died.
const couponIssueJob = startCouponIssueJob({ jobs: app.services.couponIssueJobs, logger });
// Pending order points mature; due points expire.
const pointsJob = startPointsJob({ points: app.services.points, logger });
// Subscription messages written by business transactions, sent through the platforms after they commit.
const messageJob = startMessageDeliveryJob({ messages: app.services.messages, clock, logger });
// Points and coupons about to expire, the evening check-in reminder: written as messages for the outbox.
const remindersJob = startMessageRemindersJob({ reminders: app.services.messageReminders, clock, logger });
const invitationsJob = startInvitationsJob({ invitations: app.services.invitations, logger });
const distributionJob = startDistributionJob({ distribution: app.services.distribution, logger });
const tiersJob = startTiersJob({ tiers: app.services.tiers, birthdayGifts: app.services.birthdayGifts, logger });
const memberCardsJob = startMemberCardsJob({ cards: app.services.memberCards, logger });
// Behaviour events' daily rollups brought up to date; raw events past retention purged.
const eventsJob = startEventsRollupJob({ events: app.services.events, logger });
const maintenanceJob = startMaintenanceJob({
  db: handle.db,
  clock,
  auth: app.services.auth,
  idempotency: app.config.idempotency,
  logger,
});

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  logger.info(
    { url: `http://${env.HOST}:${info.port}`, docs: `http://${env.HOST}:${info.port}/api/docs`, simulator: Boolean(simulator) },
    'listening',
  );
  if (simulator && !isLoopbackHost(env.HOST)) warnSimulatorExposed(`${env.HOST}:${info.port}`);
});

/** The simulator beyond loopback was asked for (PLATFORM_SIMULATOR=on); say so where nobody can miss it. */
function warnSimulatorExposed(address: string) {
  logger.warn({ address, simulator: true }, 'the platform simulator is on and reachable beyond this machine');
  process.stderr.write(
    [
      '',
      `  !!  THE PLATFORM SIMULATOR IS ON, AND THIS SERVER LISTENS ON ${address}`,
      '  !!  Anyone who can reach that address can get a login code for any member at /__sim/login-codes',
      '  !!  and mark any trade paid through /__sim. Use this on a trusted network only; to turn it off,',
      '  !!  unset PLATFORM_SIMULATOR (or set it to off) and configure the platforms (see README).',
      '',
      '',
    ].join('\n'),
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
  const force = setTimeout(() => {
    logger.warn('grace period over; closing remaining connections');
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  }, env.SHUTDOWN_GRACE_MS);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.all([
    expiryJob.stop(),
    giftCardReturnJob.stop(),
    exceptionRefundJob.stop(),
    paymentQueryJob.stop(),
    maintenanceJob.stop(),
    couponIssueJob.stop(),
    pointsJob.stop(),
    tiersJob.stop(),
    memberCardsJob.stop(),
    messageJob.stop(),
    remindersJob.stop(),
    eventsJob.stop(),
    invitationsJob.stop(),
    distributionJob.stop(),
  ]);
  await handle.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
