import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { requestId } from 'hono/request-id';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './config.js';
import type { DB } from './db/connection.js';
import { apiDocsRoutes } from './lib/api-docs.js';
import { favicon } from './lib/favicon.js';
import { ALL_STAFF_ROLES, STAFF_EDITORS, STAFF_OWNERS, requireMember, requireStaff } from './lib/auth.js';
import type { Clock } from './lib/clock.js';
import {
  METHOD_OVERRIDE_HEADER,
  apiCors,
  apiSecureHeaders,
  errorHandler,
  routeNotFoundHandler,
  requestBodyLimit,
  restrictedMethodOverride,
  validationHook,
  type AppEnv,
} from './lib/http.js';
import { idempotency } from './lib/idempotency.js';
import { requestMedia } from './lib/media-url.js';
import { beginRequest } from './lib/request-scope.js';
import { type MovableClock, testHookRoutes } from './jobs/test-hooks.routes.js';
import { silentLogger, type Logger } from './lib/logger.js';
import { createRateLimiter, createTurnstile } from './lib/rate-limit.js';
import { createLocalFileStorage, type FileStorage } from './lib/storage.js';
import { createAnalyticsService, merchantAnalyticsRoutes } from './modules/analytics/index.js';
import { createFavouritesService, favouriteRoutes } from './modules/favourites/index.js';
import { createEventsService, eventRoutes, merchantEventRoutes } from './modules/events/index.js';
import { STAFF_LOGIN_MAX_DELAY_MS, createAuthService, memberAuthRoutes, staffAuthRoutes } from './modules/auth/index.js';
import { addressRoutes, createAddressesService } from './modules/addresses/index.js';
import { cartRoutes, createCartService } from './modules/cart/index.js';
import { catalogRoutes, createCatalogService, merchantCatalogRoutes } from './modules/catalog/index.js';
import { couponRoutes, couponsExpiringBetween, createCouponIssueJobs, createCouponsService, merchantCouponRoutes } from './modules/coupons/index.js';
import { checkInRoutes, checkInStateOn, createCheckInService, merchantCheckInRoutes } from './modules/check-in/index.js';
import {
  AVATAR_UPLOAD_PATH,
  UPLOAD_PATH,
  createMediaService,
  memberMediaRoutes,
  merchantMediaRoutes,
  uploadsServeRoutes,
} from './modules/media/index.js';
import { createMembersService, memberProfileRoutes, merchantMemberRoutes } from './modules/members/index.js';
import { createMessageReminders, createMessagesService, merchantMessageRoutes, messageRoutes } from './modules/messages/index.js';
import { createOrdersService, createOrdersStatsService, merchantOrderRoutes, type OrderParticipant, orderRoutes } from './modules/orders/index.js';
import {
  createPaymentExceptionsService,
  createPaymentsService,
  createPaymentsStatsService,
  createRefundsService,
  merchantOrderPaymentRoutes,
  merchantPaymentExceptionRoutes,
  merchantRefundRoutes,
  paymentNotifyRoutes,
  paymentRoutes,
  refundsForOrder,
  refundRoutes,
} from './modules/payments/index.js';
import { createPhoneBindingService, phoneRoutes } from './modules/phone/index.js';
import { createPointsService, merchantPointsRoutes, pointsExpiringBetween, pointsRoutes } from './modules/points/index.js';
import { createDistributionService, distributionRoutes, merchantDistributionRoutes, payoutNotifyRoutes } from './modules/distribution/index.js';
import { type PayoutGateway, unconfiguredPayouts } from './platforms/payouts.js';
import { createSimulatedPayoutGateway } from './platforms/simulator/payouts.js';
import { createPointsMallService, merchantPointsMallRoutes, pointsMallRoutes } from './modules/points-mall/index.js';
import {
  createCounterService,
  createGiftCardsOrderParticipant,
  createGiftCardsService,
  createWalletParticipant,
  createWalletService,
  giftCardRoutes,
  memberCodeRoutes,
  merchantCounterRoutes,
  merchantGiftCardRoutes,
  merchantWalletRoutes,
  walletRoutes,
  walletSettingsReader,
} from './modules/wallet/index.js';
import { createSettingsService } from './modules/settings/index.js';
import { createStaffService, merchantStaffRoutes } from './modules/staff/index.js';
import { createTierBirthdayGifts, createTiersService, merchantTierRoutes, tierRoutes } from './modules/tiers/index.js';
import { createMemberCardsService, memberCardRoutes, merchantMemberCardRoutes } from './modules/member-cards/index.js';
import { createStorefrontService, merchantStorefrontRoutes, storefrontRoutes } from './modules/storefront/index.js';
import { createSharesService, type SharesParticipant, shareRoutes } from './modules/shares/index.js';
import { createInvitationsService, invitationRoutes, merchantInvitationRoutes } from './modules/invitations/index.js';
import {
  checkInParticipants,
  memberCardParticipants,
  memberParticipants,
  orderParticipants as orderParticipantsOf,
  pointsParticipants,
  type RegisteredParticipants,
  sharesParticipants,
  staffParticipants,
} from './participants.js';
import type { PaymentAdapters, PlatformAdapters } from './platforms/types.js';

export interface AppDeps {
  db: DB;
  clock: Clock;
  platforms: PlatformAdapters;
  /** WeChat Pay, Alipay and Douyin payments (createPaymentAdapters, from the same PlatformsConfig as `platforms`). */
  payments: PaymentAdapters;
  config: AppConfig;
  logger?: Logger;
  /**
   * Modules taking part in the order lifecycle beyond the built-in ones listed in src/participants.ts, their steps
   * running after them: an extension, or a test's probe, plugged in exactly as a built-in one is.
   */
  orderParticipants?: readonly OrderParticipant[];
  /** Binding on share landings beyond the built-in ones (an extension, a test's probe), run after them. */
  sharesParticipants?: readonly SharesParticipant[];
  /** The platform simulator's routes, mounted at /__sim (development and tests only). */
  // biome-ignore lint/suspicious/noExplicitAny: the simulator's routes have their own Env; only their paths are mounted here.
  simulator?: Hono<any>;
  /** Pays withdrawals out (WeChat 商家转账, Alipay); the simulator's when a simulator is mounted, else none configured. */
  payouts?: PayoutGateway;
  /** Where uploaded images go; default: files under config.uploadsDir, served at /uploads. */
  storage?: FileStorage;
  /**
   * The test-only hooks at /__test (move `clock`, which must be the app's clock; run the due jobs). Only for tests and
   * end-to-end runs: the server passes it only with TEST_HOOKS=1, which env.ts refuses in production.
   */
  testHooks?: { clock: MovableClock };
}

/** The OpenAPI document's header, served at /api/openapi.json and used to generate the clients' types. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Siyu storefront API',
    version: '0.1.0',
    description: 'Members (mini-program) and merchant endpoints. Money in integer fen; times in UTC.',
  },
} as const;

/**
 * Builds the whole service from its dependencies; no module-level state, so tests can build many. Each module that
 * emits events gets its participants (who reacts, in what order) from src/participants.ts; what one module only asks
 * of another (a tier level, a category's parents, a setting) is passed here as a dependency.
 */
export function createApp({
  db,
  clock,
  platforms,
  payments: paymentAdapters,
  config,
  logger = silentLogger,
  simulator,
  payouts,
  orderParticipants = [],
  sharesParticipants: sharesExtra = [],
  storage,
  testHooks,
}: AppDeps) {
  const r = config.rateLimits;
  const settings = createSettingsService({ db, clock, logger });
  const storefront = createStorefrontService({
    settings,
    // `orders` is built below; this runs only when a request asks.
    freeShippingThresholdFen: async () => (await orders.settings()).freeShippingThresholdFen,
  });
  const catalog = createCatalogService({ db, clock, salesCountThreshold: storefront.salesCountThreshold });
  const tiers = createTiersService({
    db,
    clock,
    timeZone: config.timeZone,
    settings,
    categoryParents: (executor) => catalog.categoryParents(executor),
    logger,
  });
  // Each emitter's participants, from src/participants.ts (the one list of who reacts to what).
  const reactions: Partial<RegisteredParticipants> = {};
  const points = createPointsService({
    db,
    clock,
    timeZone: config.timeZone,
    settings,
    logger,
    // The tier's multiplier times the paid card's (decision 040); memberCards is built below, asked only when points are earned.
    earningMultiplierBp: async (executor, memberId) =>
      Math.floor(((await tiers.pointsMultiplierBp(executor, memberId)) * (await memberCards.pointsMultiplierBp(executor, memberId))) / 10_000),
    participants: (reactions.points = pointsParticipants({ tiers })),
  });
  const tierLevel = tiers.levelOf;
  // `members`, `checkIn` and `orders` are built below; these run only when a request or a step asks.
  const distribution = createDistributionService({
    db,
    clock,
    timeZone: config.timeZone,
    settings,
    logger,
    payouts: payouts ?? (simulator ? createSimulatedPayoutGateway() : unconfiguredPayouts),
    categoryParents: (executor) => catalog.categoryParents(executor),
    productCategories: (executor, ids) => catalog.productCategories(executor, ids),
    tierLevel: (executor, memberId) => tiers.levelOf(executor, memberId),
    daysCheckedIn: (executor, memberId) => checkIn.daysCheckedIn(executor, memberId),
    paidOrders: async (executor, memberId) => ((await orders.memberIdsWithPaidOrders(executor, [memberId])).has(memberId) ? 1 : 0),
    cardMayDistribute: (executor, memberId) => memberCards.mayDistribute(executor, memberId, clock.now()),
    nicknames: (executor, ids) => members.nicknames(executor, ids),
    staffName: async (staffId) => (await staff.profile(staffId).catch(() => null))?.displayName ?? null,
  });
  const coupons = createCouponsService({
    db,
    clock,
    timeZone: config.timeZone,
    settings,
    catalog,
    tierLevel,
    logger,
    limits: {
      claimPerMember: createRateLimiter('coupon-claim-member', r.couponClaimPerMember),
      claimPerAddress: createRateLimiter('coupon-claim-address', r.couponClaimPerAddress),
      codePerMember: createRateLimiter('coupon-code-member', r.couponCodePerMember),
      codePerAddress: createRateLimiter('coupon-code-address', r.couponCodePerAddress),
    },
  });
  // Messages ask members for a member's openId only when sending (members is built below).
  const messages = createMessagesService({
    db,
    clock,
    timeZone: config.timeZone,
    platforms,
    members: { openIdFor: (memberId, platform, appId) => members.openIdFor(memberId, platform, appId) },
    logger,
  });
  const memberCards = createMemberCardsService({
    db,
    clock,
    timeZone: config.timeZone,
    logger,
    coupons,
    // `orders` is built below; this runs only when a request asks.
    recentOrders: async (memberId) => (await orders.memberOrders(memberId, { page: 1, pageSize: 100 })).items,
    participants: (reactions.memberCard = memberCardParticipants({ messages })),
    createOrder: (trx, o) =>
      orders.createServiceOrder(trx, {
        kind: 'member_card',
        memberId: o.memberId,
        platform: o.platform,
        title: o.title,
        imageUrl: null,
        skuId: null,
        productId: null,
        unitPriceFen: o.priceFen,
        quantity: 1,
        address: null,
        reference: o.reference,
      }),
  });
  const invitations = createInvitationsService({
    db,
    clock,
    timeZone: config.timeZone,
    settings,
    points,
    coupons,
    tiers,
    // Built below; asked only when an event or a request comes.
    members: () => members,
    shareIssuedAt: async (executor, shareId) => (await shares.find(executor, shareId))?.createdAt ?? null,
    logger,
  });
  const shares = createSharesService({
    db,
    clock,
    platforms,
    participants: (reactions.shares = sharesParticipants({ invitations, distribution }, sharesExtra)),
  });
  const events = createEventsService({
    db,
    clock,
    timeZone: config.timeZone,
    settings,
    limits: {
      perMember: createRateLimiter('events-member', r.eventsPerMember),
      perAddress: createRateLimiter('events-address', r.eventsPerAddress),
    },
    // `members` is built just below; this runs only when a batch is written.
    memberGuard: (trx, memberId) => members.lockActive(trx, memberId, 'share'),
    findShare: async (shareId) => {
      const share = await shares.find(db, shareId);
      return share && share.expiresAt > clock.now().toISOString() ? { channel: share.channel } : null;
    },
  });
  const members = createMembersService({
    db,
    clock,
    timeZone: config.timeZone,
    points,
    logger,
    participants: (reactions.member = memberParticipants({ tiers, coupons: coupons.memberParticipant, shares, invitations })),
  });
  const staff = createStaffService({ db, clock, participants: (reactions.staff = staffParticipants()) });
  const auth = createAuthService({
    db,
    clock,
    platforms,
    members,
    shares,
    staff,
    memberSessionTtlSeconds: config.memberSessionTtlSeconds,
    staffSessionTtlSeconds: config.staffSessionTtlSeconds,
    limits: {
      loginPerAddress: createRateLimiter('login-address', r.loginPerAddress),
      loginPerIdentity: createRateLimiter('login-identity', r.loginPerIdentity),
      staffLoginPerAddress: createRateLimiter('staff-login-address', r.staffLoginPerAddress),
      staffLoginPerUsername: createRateLimiter('staff-login-username', r.staffLoginPerUsername),
      staffLoginKnownAddresses: createRateLimiter('staff-login-known', { points: 1, duration: 14 * 24 * 3600 }),
      // Five in line wait at most 10 s; anyone past them hears when to come back.
      staffLoginTurnstile: createTurnstile('staff-login-username', 5, (queued) => (queued * STAFF_LOGIN_MAX_DELAY_MS) / 1000),
    },
  });
  const phone = createPhoneBindingService({
    platforms,
    members,
    limits: {
      perMember: createRateLimiter('phone-bind-member', r.phoneBindPerMember),
      perAddress: createRateLimiter('phone-bind-address', r.phoneBindPerAddress),
    },
  });
  const checkIn = createCheckInService({
    db,
    clock,
    timeZone: config.timeZone,
    points,
    settings,
    participants: (reactions.checkIn = checkInParticipants({ tiers })),
  });
  const birthdayGifts = createTierBirthdayGifts({ db, clock, tiers, settings, members, points, coupons, logger });
  const addresses = createAddressesService({ db, clock });
  const favourites = createFavouritesService({ db, clock, catalog });
  const cart = createCartService({ db, clock, catalog });
  const mallCore = { db, clock, timeZone: config.timeZone, points, coupons, logger };
  const orders = createOrdersService({
    db,
    clock,
    timeZone: config.timeZone,
    catalog,
    addresses,
    cart,
    settings,
    refundsOf: refundsForOrder,
    participants: (reactions.order = orderParticipantsOf(
      {
        catalog,
        mall: mallCore,
        tiers,
        coupons,
        points,
        wallet: createWalletParticipant({ settings, points }),
        giftCards: createGiftCardsOrderParticipant({ settings }),
        memberCards,
        messages,
        shares,
        invitations,
        distribution,
      },
      orderParticipants,
    )),
  });
  const couponIssueJobs = createCouponIssueJobs({ db, clock, coupons, members, orders, tierLevel, logger });
  const refunds = createRefundsService({ db, clock, orders, payments: paymentAdapters, logger });
  const paymentExceptions = createPaymentExceptionsService({
    db,
    clock,
    payments: paymentAdapters,
    logger,
    settings: config.paymentExceptionRefunds,
  });
  const payments = createPaymentsService({ db, clock, orders, members, refunds, exceptions: paymentExceptions, payments: paymentAdapters, logger });
  const pointsMall = createPointsMallService({ ...mallCore, catalog, addresses, orders, refunds, tierLevel, messages });
  // Reminders ask the modules that own points lots, coupons and check-ins (queries, decision 030).
  const messageReminders = createMessageReminders({
    db,
    clock,
    timeZone: config.timeZone,
    messages,
    queries: {
      pointsExpiring: (from, to, after, limit) => pointsExpiringBetween(db, from, to, after, limit),
      couponsExpiring: (from, to, after, limit) => couponsExpiringBetween(db, from, to, after, limit),
      checkInState: (ids, date, yesterday) => checkInStateOn(db, ids, date, yesterday),
    },
  });
  const wallet = createWalletService({ db, clock, settings, orders });
  const giftCards = createGiftCardsService({ db, clock, settings: walletSettingsReader(settings), orders });
  const counter = createCounterService({ db, clock, settings: walletSettingsReader(settings), orders });
  const ordersStats = createOrdersStatsService({ db });
  const paymentsStats = createPaymentsStatsService({ db });
  const analytics = createAnalyticsService({ clock, timeZone: config.timeZone, ordersStats, paymentsStats, members, checkIn, events, catalog });
  const files = storage ?? createLocalFileStorage(config.uploadsDir);
  const media = createMediaService({ storage: files, clock, maxBytes: config.uploadMaxBytes });

  const resolve = auth.resolveSession;
  const member = requireMember(resolve, members.lockActive);
  const anyStaff = requireStaff(resolve, ALL_STAFF_ROLES);
  const editor = requireStaff(resolve, STAFF_EDITORS);
  const owner = requireStaff(resolve, STAFF_OWNERS);
  const idempotent = idempotency(db, clock, config.idempotency, { answerInTransaction: true }, logger);
  // Paying and asking the platform about a payment call a platform over the network, never inside a transaction:
  // their answers are stored after they are built; the platform's own idempotency (the order number is the trade
  // number) keeps a retry from opening a second trade (decision 028).
  const idempotentAroundPlatform = idempotency(db, clock, config.idempotency, { answerInTransaction: false }, logger);

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // First, so that an overridden request is logged once, as the method it is routed as.
  app.use('/api/*', restrictedMethodOverride(app as unknown as Hono));
  app.use(requestId());
  // Each request starts with a scope of its own (a request made in-process by another, like a notification the
  // simulator delivers, must not take on its caller's member or idempotent answer), knowing the origin it came in at:
  // stored image keys become URLs there (decision 029).
  const mediaOptions = { trustProxy: config.trustProxy, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) };
  app.use((c, next) => beginRequest({ media: requestMedia(c, files, mediaOptions) }, next));
  app.use(async (c, next) => {
    if (!logger.isLevelEnabled('info')) return next();
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  app.onError(errorHandler(logger));
  app.notFound(routeNotFoundHandler(app));
  app.use(
    '/api/*',
    apiCors({
      // Not X-CSRF-Token: the console is served from our own origin, and no other site's page may send it.
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', METHOD_OVERRIDE_HEADER],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
    }),
  );
  app.use('/api/*', apiSecureHeaders());
  app.use('/payments/*', apiSecureHeaders());
  // Image uploads are multipart and larger: their own limit (a little over the image limit, for the form's framing).
  const uploadPaths = new Set([`/api/v1/merchant${UPLOAD_PATH}`, `/api/v1${AVATAR_UPLOAD_PATH}`]);
  const jsonLimit = requestBodyLimit(config.bodyLimitBytes);
  const uploadLimit = requestBodyLimit(config.uploadMaxBytes + 64 * 1024);
  app.use('/api/*', (c, next) => (uploadPaths.has(c.req.path) ? uploadLimit(c, next) : jsonLimit(c, next)));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/v1', memberAuthRoutes({ auth, members, member, trustProxy: config.trustProxy }));
  app.route('/api/v1', phoneRoutes({ phone, member, idempotent, trustProxy: config.trustProxy }));
  app.route('/api/v1', memberProfileRoutes({ members, member, idempotent }));
  app.route(
    '/api/v1',
    memberMediaRoutes({
      media,
      member,
      perMember: createRateLimiter('avatar-upload-member', r.avatarUploadPerMember),
      trustProxy: config.trustProxy,
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    }),
  );
  app.route('/api/v1', checkInRoutes({ checkIn, member, idempotent }));
  app.route('/api/v1', pointsRoutes({ db, points, member }));
  app.route('/api/v1', tierRoutes({ tiers, members, member, idempotent }));
  app.route('/api/v1', memberCardRoutes({ cards: memberCards, member, idempotent }));
  app.route(
    '/api/v1/merchant',
    staffAuthRoutes({
      auth,
      staff,
      anyStaff,
      clock,
      timeZone: config.timeZone,
      sessionTtlSeconds: config.staffSessionTtlSeconds,
      trustProxy: config.trustProxy,
    }),
  );
  app.route('/api/v1/merchant', merchantStaffRoutes({ staff, owner }));
  app.route('/api/v1/merchant', merchantAnalyticsRoutes({ analytics, anyStaff }));
  app.route('/api/v1', eventRoutes({ events, member, trustProxy: config.trustProxy }));
  app.route('/api/v1/merchant', merchantEventRoutes({ events, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantMemberRoutes({ members, anyStaff }));
  app.route('/api/v1/merchant', merchantPointsRoutes({ db, clock, points, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantTierRoutes({ tiers, members, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantMemberCardRoutes({ cards: memberCards, anyStaff, editor }));
  app.route(
    '/api/v1/merchant',
    merchantMediaRoutes({ media, editor, trustProxy: config.trustProxy, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) }),
  );
  app.route('/api/v1/merchant', merchantCheckInRoutes({ checkIn, anyStaff, editor }));
  app.route('/api/v1', catalogRoutes({ catalog }));
  app.route('/api/v1', storefrontRoutes({ storefront }));
  app.route('/api/v1/merchant', merchantStorefrontRoutes({ storefront, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantCatalogRoutes({ catalog, anyStaff, editor }));
  app.route('/api/v1', addressRoutes({ addresses, member, idempotent }));
  app.route('/api/v1', favouriteRoutes({ favourites, member, idempotent }));
  app.route('/api/v1', messageRoutes({ messages, member, idempotent }));
  app.route('/api/v1/merchant', merchantMessageRoutes({ messages, anyStaff, editor }));
  app.route('/api/v1', invitationRoutes({ invitations, member }));
  app.route('/api/v1/merchant', merchantInvitationRoutes({ invitations, anyStaff, editor }));
  app.route(
    '/api/v1',
    shareRoutes({
      shares,
      member,
      idempotent,
      resolveSession: resolve,
      trustProxy: config.trustProxy,
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    }),
  );
  app.route('/api/v1', cartRoutes({ cart, member, idempotent }));
  app.route('/api/v1', orderRoutes({ orders, member, idempotent }));
  app.route('/api/v1/merchant', merchantOrderRoutes({ orders, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantOrderPaymentRoutes({ stats: paymentsStats, anyStaff }));
  app.route('/api/v1', couponRoutes({ coupons, member, idempotent, trustProxy: config.trustProxy }));
  app.route('/api/v1/merchant', merchantCouponRoutes({ coupons, issueJobs: couponIssueJobs, anyStaff, editor }));
  app.route('/api/v1', pointsMallRoutes({ mall: pointsMall, member, idempotent }));
  app.route('/api/v1/merchant', merchantPointsMallRoutes({ mall: pointsMall, anyStaff, editor }));
  app.route('/api/v1', paymentRoutes({ payments, member, idempotent: idempotentAroundPlatform }));
  app.route('/api/v1', refundRoutes({ refunds, member, idempotent }));
  app.route('/api/v1/merchant', merchantRefundRoutes({ refunds, anyStaff, editor }));
  app.route('/api/v1', distributionRoutes({ distribution, catalog, member, idempotent }));
  app.route('/api/v1/merchant', merchantDistributionRoutes({ distribution, shares, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantPaymentExceptionRoutes({ exceptions: paymentExceptions, anyStaff, editor }));
  // The platforms' notifications: outside /api (no auth, no JSON requirement; the raw body is what they signed).
  app.route('/api/v1', walletRoutes({ wallet, member, idempotent }));
  app.route('/api/v1/merchant', merchantWalletRoutes({ wallet, anyStaff, editor, owner }));
  app.route('/api/v1', giftCardRoutes({ giftCards, member, idempotent }));
  app.route('/api/v1/merchant', merchantGiftCardRoutes({ giftCards, anyStaff, editor }));
  app.route('/api/v1', memberCodeRoutes({ counter, member }));
  app.route('/api/v1/merchant', merchantCounterRoutes({ counter, anyStaff, editor }));
  app.route('/payments/notify', paymentNotifyRoutes({ payments, bodyLimitBytes: config.bodyLimitBytes }));
  app.route('/payments/transfer-notify', payoutNotifyRoutes({ distribution, bodyLimitBytes: config.bodyLimitBytes }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'memberToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'member session token from POST /api/v1/auth/login',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'staff session token from POST /api/v1/merchant/auth/login; or the console cookie from /auth/console-login, with X-CSRF-Token on mutating requests',
  });
  app.doc31('/api/openapi.json', OPENAPI_DOCUMENT);
  app.route('/api', apiDocsRoutes({ specUrl: '/api/openapi.json', title: 'Siyu API reference' }));

  if (simulator) app.route('/__sim', simulator);
  if (testHooks) {
    if (testHooks.clock !== (clock as unknown)) throw new Error('the test hooks must move the clock the app runs on');
    app.route(
      '/__test',
      testHookRoutes({
        clock: testHooks.clock,
        // The jobs the server runs periodically, all at once, at the given instant.
        runDueJobs: async (now) => {
          const pointsMatured = await points.matureDue(now);
          const pointsExpired = await points.expireDue(now);
          const { closed } = await orders.closeExpiredOrders(now);
          await messageReminders.run(now);
          const sent = await messages.deliverDue(now);
          const rollup = await events.rollUp(now);
          const commissionSettled = await distribution.settleDue(now);
          const { granted: invitationRewardsGranted } = await invitations.grantDue(now);
          await giftCards.returnUnclaimed(now);
          return {
            pointsMatured,
            pointsExpired,
            ordersClosed: closed,
            messagesSent: sent.sent,
            eventDatesRolledUp: rollup.dates.length,
            eventsPurged: rollup.purged,
            invitationRewardsGranted,
            commissionSettled,
          };
        },
      }),
    );
  }
  app.route('/uploads', uploadsServeRoutes({ media }));
  app.get('/favicon.ico', favicon);
  mountConsole(app as unknown as Hono<AppEnv>, config.consoleDir);

  if (config.staticDir && fs.existsSync(path.join(config.staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), config.staticDir) || '.';
    const storefrontFiles = serveStatic({ root });
    app.get('/*', (c, next) => (isServicePath(c.req.path) ? next() : storefrontFiles(c, next)));
    // The H5 build routes on the client: its page routes (and only those) get the shell. Anything else is a JSON 404.
    app.get('*', (c, next) => (isStorefrontPage(c.req.path) ? serveStatic({ root, rewriteRequestPath: () => '/index.html' })(c, next) : next()));
  }

  return Object.assign(app, {
    services: {
      auth,
      members,
      phone,
      staff,
      points,
      pointsMall,
      settings,
      tiers,
      birthdayGifts,
      storefront,
      checkIn,
      catalog,
      coupons,
      couponIssueJobs,
      addresses,
      cart,
      favourites,
      memberCards,
      messages,
      messageReminders,
      shares,
      invitations,
      orders,
      payments,
      refunds,
      paymentExceptions,
      analytics,
      media,
      events,
      distribution,
      wallet,
      giftCards,
      counter,
    },
    config,
    /** Who reacts to what: the participant lists each emitter was handed (see src/participants.ts). */
    participants: reactions as RegisteredParticipants,
  });
}

export type App = ReturnType<typeof createApp>;

/** Paths the service itself answers: never a storefront file, never the storefront's shell. */
const SERVICE_PATH = /^\/(api|payments|__sim|uploads|admin)(\/|$)/;
const isServicePath = (p: string) => SERVICE_PATH.test(p);

/** The H5 storefront's own page routes: its root and its pages (main package and sub-packages, for history routing). */
const STOREFRONT_PAGE = /^\/(index\.html)?$|^\/(pages|package-[a-z0-9-]+\/pages)(\/[a-z0-9-]+){1,2}$/;
const isStorefrontPage = (p: string) => STOREFRONT_PAGE.test(p);

/**
 * The merchant console at /admin: its built files, and its shell (index.html) for any other path under /admin so
 * the console's client-side routes survive a reload. Hashed assets are cached for good; the shell never is.
 * Without a build, /admin says how to make one.
 */
function mountConsole(app: Hono<AppEnv>, dir: string | undefined) {
  // The shop's icon under the console's own path too (a browser on /admin/… may ask for it there).
  app.get('/admin/favicon.ico', favicon);
  const built = dir !== undefined && fs.existsSync(path.join(dir, 'index.html'));
  if (!built) {
    app.get('/admin/*', (c) => c.text('The merchant console is not built: run `pnpm --filter @siyu/console build` (pnpm start builds it).', 503));
    app.get('/admin', (c) => c.redirect('/admin/'));
    return;
  }
  const root = path.relative(process.cwd(), dir) || '.';
  const noStore = (_: string, c: Context) => {
    c.header('Cache-Control', 'no-cache');
  };
  app.get('/admin', (c) => c.redirect('/admin/'));
  app.get(
    '/admin/assets/*',
    serveStatic({
      root,
      rewriteRequestPath: (p) => p.replace(/^\/admin/, ''),
      onFound: (_, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('/admin/assets/*', (c) => c.text('not found', 404));
  app.get('/admin/*', serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/admin/, ''), onFound: noStore }));
  app.get('/admin/*', serveStatic({ root, rewriteRequestPath: () => '/index.html', onFound: noStore }));
}
