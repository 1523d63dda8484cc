import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './config.js';
import type { DB } from './db/connection.js';
import { ALL_STAFF_ROLES, STAFF_EDITORS, requireMember, requireStaff } from './lib/auth.js';
import type { Clock } from './lib/clock.js';
import {
  METHOD_OVERRIDE_HEADER,
  apiCors,
  apiSecureHeaders,
  errorHandler,
  notFoundHandler,
  requestBodyLimit,
  restrictedMethodOverride,
  validationHook,
  type AppEnv,
} from './lib/http.js';
import { idempotency } from './lib/idempotency.js';
import { silentLogger, type Logger } from './lib/logger.js';
import { createRateLimiter } from './lib/rate-limit.js';
import { createAuthService, memberAuthRoutes, staffAuthRoutes } from './modules/auth/index.js';
import { addressRoutes, createAddressesService } from './modules/addresses/index.js';
import { cartRoutes, createCartService } from './modules/cart/index.js';
import { catalogRoutes, createCatalogService, merchantCatalogRoutes } from './modules/catalog/index.js';
import { checkInRoutes, createCheckInService, merchantCheckInRoutes } from './modules/check-in/index.js';
import { createMembersService } from './modules/members/index.js';
import { createOrdersService, merchantOrderRoutes, orderRoutes } from './modules/orders/index.js';
import {
  createPaymentExceptionsService,
  createPaymentsService,
  createRefundsService,
  merchantPaymentExceptionRoutes,
  merchantRefundRoutes,
  paymentNotifyRoutes,
  paymentRoutes,
  refundRoutes,
} from './modules/payments/index.js';
import { createPointsService, pointsRoutes } from './modules/points/index.js';
import { createStaffService } from './modules/staff/index.js';
import type { PaymentAdapters, PlatformAdapters } from './platforms/types.js';

export interface AppDeps {
  db: DB;
  clock: Clock;
  platforms: PlatformAdapters;
  /** WeChat Pay, Alipay and Douyin payments (createPaymentAdapters, from the same PlatformsConfig as `platforms`). */
  payments: PaymentAdapters;
  config: AppConfig;
  logger?: Logger;
  /** The platform simulator's routes, mounted at /__sim (development and tests only). */
  // biome-ignore lint/suspicious/noExplicitAny: the simulator's routes have their own Env; only their paths are mounted here.
  simulator?: Hono<any>;
}

/** Builds the whole service from its dependencies; no module-level state, so tests can build many. */
export function createApp({ db, clock, platforms, payments: paymentAdapters, config, logger = silentLogger, simulator }: AppDeps) {
  const points = createPointsService();
  const members = createMembersService({ db, clock });
  const staff = createStaffService({ db, clock });
  const r = config.rateLimits;
  const auth = createAuthService({
    db,
    clock,
    platforms,
    members,
    staff,
    memberSessionTtlSeconds: config.memberSessionTtlSeconds,
    staffSessionTtlSeconds: config.staffSessionTtlSeconds,
    limits: {
      loginPerAddress: createRateLimiter('login-address', r.loginPerAddress),
      loginPerIdentity: createRateLimiter('login-identity', r.loginPerIdentity),
      staffLoginPerAddress: createRateLimiter('staff-login-address', r.staffLoginPerAddress),
      staffLoginPerUsername: createRateLimiter('staff-login-username', r.staffLoginPerUsername),
    },
  });
  const checkIn = createCheckInService({ db, clock, timeZone: config.timeZone, points });
  const catalog = createCatalogService({ db, clock });
  const addresses = createAddressesService({ db, clock });
  const cart = createCartService({ db, clock, catalog });
  const orders = createOrdersService({ db, clock, catalog, addresses, cart });
  const refunds = createRefundsService({ db, clock, orders, payments: paymentAdapters, logger });
  orders.useRefundsReader(refunds.listForOrder);
  const paymentExceptions = createPaymentExceptionsService({
    db,
    clock,
    payments: paymentAdapters,
    logger,
    settings: config.paymentExceptionRefunds,
  });
  const payments = createPaymentsService({ db, clock, orders, members, refunds, exceptions: paymentExceptions, payments: paymentAdapters, logger });

  const resolve = auth.resolveSession;
  const member = requireMember(resolve);
  const anyStaff = requireStaff(resolve, ALL_STAFF_ROLES);
  const editor = requireStaff(resolve, STAFF_EDITORS);
  const idempotent = idempotency(db, clock);

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // First, so that an overridden request is logged once, as the method it is routed as.
  app.use('/api/*', restrictedMethodOverride(app as unknown as Hono));
  app.use(requestId());
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
  app.notFound(notFoundHandler);
  app.use(
    '/api/*',
    apiCors({
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', METHOD_OVERRIDE_HEADER],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
    }),
  );
  app.use('/api/*', apiSecureHeaders());
  app.use('/payments/*', apiSecureHeaders());
  app.use('/api/*', requestBodyLimit(config.bodyLimitBytes));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/v1', memberAuthRoutes({ auth, members, member, trustProxy: config.trustProxy }));
  app.route('/api/v1', checkInRoutes({ checkIn, member, idempotent }));
  app.route('/api/v1', pointsRoutes({ db, points, member }));
  app.route('/api/v1/merchant', staffAuthRoutes({ auth, trustProxy: config.trustProxy }));
  app.route('/api/v1/merchant', merchantCheckInRoutes({ checkIn, anyStaff, editor }));
  app.route('/api/v1', catalogRoutes({ catalog }));
  app.route('/api/v1/merchant', merchantCatalogRoutes({ catalog, anyStaff, editor }));
  app.route('/api/v1', addressRoutes({ addresses, member, idempotent }));
  app.route('/api/v1', cartRoutes({ cart, member, idempotent }));
  app.route('/api/v1', orderRoutes({ orders, member, idempotent }));
  app.route('/api/v1/merchant', merchantOrderRoutes({ orders, anyStaff, editor }));
  app.route('/api/v1', paymentRoutes({ payments, member, idempotent }));
  app.route('/api/v1', refundRoutes({ refunds, member, idempotent }));
  app.route('/api/v1/merchant', merchantRefundRoutes({ refunds, anyStaff, editor }));
  app.route('/api/v1/merchant', merchantPaymentExceptionRoutes({ exceptions: paymentExceptions, anyStaff, editor }));
  // The platforms' notifications: outside /api (no auth, no JSON requirement; the raw body is what they signed).
  app.route('/payments/notify', paymentNotifyRoutes({ payments, bodyLimitBytes: config.bodyLimitBytes }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'memberToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'member session token from POST /api/v1/auth/login',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'staff session token from POST /api/v1/merchant/auth/login',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Siyu storefront API',
      version: '0.1.0',
      description: 'Members (mini-program) and merchant endpoints. Money in integer fen; times in UTC.',
    },
  });
  app.get('/api/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'Siyu API reference' }));

  if (simulator) app.route('/__sim', simulator);

  if (config.staticDir && fs.existsSync(path.join(config.staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), config.staticDir) || '.';
    app.use('/*', serveStatic({ root }));
    // The H5 build routes on the client: unknown paths get the shell.
    app.get('*', serveStatic({ root, rewriteRequestPath: () => '/index.html' }));
  }

  return Object.assign(app, {
    services: { auth, members, staff, points, checkIn, catalog, addresses, cart, orders, payments, refunds, paymentExceptions },
  });
}

export type App = ReturnType<typeof createApp>;
