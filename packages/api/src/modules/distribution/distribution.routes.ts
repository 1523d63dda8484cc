import { createRoute, z } from '@hono/zod-openapi';
import {
  CommissionLedgerPage,
  CommissionLedgerQuery,
  CommissionPage,
  CommissionQuery,
  CommissionRule,
  CommissionRuleList,
  DistributionSettings,
  DistributionSummary,
  DistributionTeam,
  DistributorPage,
  DistributorQuery,
  DistributorStatusChange,
  IdParam,
  ManualPayout,
  MyGuide,
  MerchantWithdrawalPage,
  ProductEarning,
  Withdrawal,
  WithdrawalDecision,
  WithdrawalPage,
  WithdrawalQuery,
  WithdrawalRequest,
  CursorQuery,
  ShareIssued,
  IsoInstant,
  Id,
} from '@siyu/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../../lib/app-error.js';
import { type AppEnv, createRouter, requestBodyLimit } from '../../lib/http.js';
import { jsonBody, jsonContent, memberAccess, memberErrors, requestErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { CatalogService } from '../catalog/index.js';
import type { SharesService } from '../shares/index.js';
import type { DistributionService } from './distribution.service.js';

const tags = ['distribution'];

export function distributionRoutes(deps: {
  distribution: DistributionService;
  catalog: Pick<CatalogService, 'shelfSkus'>;
  member: MiddlewareHandler<AppEnv>;
  idempotent: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const { read, write } = memberAccess(deps);
  const d = deps.distribution;
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution',
      tags,
      summary: 'My distribution account: status, how to qualify, commission frozen, settled and withdrawn',
      ...read,
      responses: { 200: jsonContent(DistributionSummary, 'the summary'), ...memberErrors },
    }),
    async (c) => c.json(await d.views.summary(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/distribution/apply',
      tags,
      summary: 'Ask to become a distributor (active at once when the tier or task rule is met; pending under apply-and-approve)',
      ...write,
      responses: { 200: jsonContent(DistributionSummary, 'the summary after applying'), ...memberErrors, 409: jsonContent(z.any(), 'NOT_QUALIFIED') },
    }),
    async (c) => {
      await d.apply(c.get('memberId'));
      return c.json(await d.views.summary(c.get('memberId')), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/commissions',
      tags,
      summary: 'My commission orders, newest first (buyers masked)',
      ...read,
      request: { query: CommissionQuery },
      responses: { 200: jsonContent(CommissionPage, 'a page'), ...memberErrors, 404: jsonContent(z.any(), 'not a distributor') },
    }),
    async (c) => c.json(await d.views.commissions(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/team',
      tags,
      summary: 'My team: direct and second-level customers (masked) and commission by state',
      ...read,
      responses: { 200: jsonContent(DistributionTeam, 'the team'), ...memberErrors, 404: jsonContent(z.any(), 'not a distributor') },
    }),
    async (c) => c.json(await d.views.team(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/withdrawals',
      tags,
      summary: 'My withdrawals and their payout states, newest first',
      ...read,
      request: { query: WithdrawalQuery },
      responses: { 200: jsonContent(WithdrawalPage, 'a page'), ...memberErrors, 404: jsonContent(z.any(), 'not a distributor') },
    }),
    async (c) => c.json(await d.views.withdrawals(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/distribution/withdrawals',
      tags,
      summary: 'Withdraw settled commission (minimum, fee and daily cap apply; the amount leaves the balance now)',
      ...write,
      request: { body: jsonBody(WithdrawalRequest) },
      responses: {
        201: jsonContent(Withdrawal, 'the withdrawal, awaiting staff approval'),
        ...requestErrors,
        ...memberErrors,
        409: jsonContent(z.any(), 'INSUFFICIENT_BALANCE; LIMIT_REACHED (daily cap); NOT_QUALIFIED'),
      },
    }),
    async (c) => c.json(await d.withdraw(c.get('memberId'), c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/guide',
      tags,
      summary: 'The shopping guide I am bound to (the home page’s guide card), or null',
      ...read,
      responses: { 200: jsonContent(MyGuide, 'my guide'), ...memberErrors },
    }),
    async (c) => c.json(await d.views.myGuide(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}/earning',
      tags,
      summary: '赚 ¥x: what I earn at level 1 on one unit of this product (null when I am not an active distributor)',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(ProductEarning, 'the earning'), ...memberErrors, 404: jsonContent(z.any(), 'no such product on sale') },
    }),
    async (c) => {
      const skus = await deps.catalog.shelfSkus(d.views.executor, [c.req.valid('param').id]);
      const first = skus.sort((a, b) => a.price_fen - b.price_fen)[0];
      if (!first) throw new AppError('NOT_FOUND', 'no such product on sale');
      const earnFen = await d.earning(c.get('memberId'), { productId: first.product_id, categoryId: first.category_id, priceFen: first.price_fen });
      return c.json({ earnFen }, 200);
    },
  );
  return router;
}

const PerformanceQuery = z.object({ from: IsoInstant, to: IsoInstant });
const GuidePerformanceRow = z.object({
  guideId: Id,
  staffId: Id,
  storeId: Id,
  storeName: z.string(),
  newMembers: z.number().int(),
  orders: z.number().int(),
  paidFen: z.number().int(),
  refundedFen: z.number().int(),
  commissionFen: z.number().int(),
});
const Performance = z
  .object({ guides: z.array(GuidePerformanceRow), stores: z.array(GuidePerformanceRow.omit({ guideId: true, staffId: true })) })
  .meta({ id: 'DistributionPerformance' });
const StoreInput = z
  .object({ name: z.string().trim().min(1).max(60), address: z.string().max(200).nullable().optional() })
  .meta({ id: 'StoreInput' });
const Store = z.object({ id: Id, name: z.string(), address: z.string().nullable() }).meta({ id: 'Store' });
const GuideInput = z.object({ staffId: Id, storeId: Id }).meta({ id: 'GuideInput' });
const Guide = z.object({ id: Id, staffId: Id, storeId: Id, status: z.enum(['active', 'disabled']) }).meta({ id: 'Guide' });
const GuideCustomers = z
  .object({
    guideId: Id,
    items: z.array(z.object({ id: Id, name: z.string(), boundAt: IsoInstant, expiresAt: IsoInstant.nullable() })),
    nextCursor: Id.nullable(),
  })
  .meta({ id: 'GuideCustomers' });

export function merchantDistributionRoutes(deps: {
  distribution: DistributionService;
  shares: Pick<SharesService, 'issueForStaff'>;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const mtags = ['merchant: distribution'];
  const { read, write } = staffAccess(deps);
  const d = deps.distribution;
  const invalid = { 409: jsonContent(z.any(), 'INVALID_STATE') };
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/settings',
      tags: mtags,
      summary: 'Distribution settings',
      ...read,
      responses: { 200: jsonContent(DistributionSettings, 'the settings'), ...staffErrors },
    }),
    async (c) => c.json(await d.settings(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/distribution/settings',
      tags: mtags,
      summary: 'Change the distribution settings (who may distribute, binding, levels, self-purchase, refund window, withdrawals)',
      ...write,
      request: { body: jsonBody(DistributionSettings) },
      responses: { 200: jsonContent(DistributionSettings, 'the settings'), ...requestErrors, ...staffErrors },
    }),
    async (c) => c.json(await d.updateSettings(c.req.valid('json'), c.get('staff').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/rules',
      tags: mtags,
      summary: 'Commission rates (store, category, product)',
      ...read,
      responses: { 200: jsonContent(CommissionRuleList, 'the rules'), ...staffErrors },
    }),
    async (c) => c.json({ items: await d.rules() }, 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/distribution/rules',
      tags: mtags,
      summary: 'Replace the commission rates; the most specific (product, category, store) wins',
      ...write,
      request: { body: jsonBody(z.object({ items: z.array(CommissionRule).max(1000) })) },
      responses: { 200: jsonContent(CommissionRuleList, 'the rules'), ...requestErrors, ...staffErrors },
    }),
    async (c) => c.json({ items: await d.replaceRules(c.req.valid('json').items) }, 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distributors',
      tags: mtags,
      summary: 'Distributors, newest first',
      ...read,
      request: { query: DistributorQuery },
      responses: { 200: jsonContent(DistributorPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await d.views.distributors(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/distributors/{id}/status',
      tags: mtags,
      summary: 'Approve (active), freeze or refuse a distributor',
      ...write,
      request: { params: IdParam, body: jsonBody(DistributorStatusChange) },
      responses: { 204: { description: 'done' }, ...requestErrors, ...staffErrors, 404: jsonContent(z.any(), 'no such distributor'), ...invalid },
    }),
    async (c) => {
      await d.setDistributorStatus(c.req.valid('param').id, c.req.valid('json').status);
      return c.body(null, 204);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/ledger',
      tags: mtags,
      summary: 'The commission ledger, newest first',
      ...read,
      request: { query: CommissionLedgerQuery },
      responses: { 200: jsonContent(CommissionLedgerPage, 'a page'), ...requestErrors, ...staffErrors },
    }),
    async (c) => c.json(await d.views.ledger(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/withdrawals',
      tags: mtags,
      summary: 'The withdrawal queue with payout states, newest first',
      ...read,
      request: { query: WithdrawalQuery },
      responses: { 200: jsonContent(MerchantWithdrawalPage, 'a page'), ...requestErrors, ...staffErrors },
    }),
    async (c) => c.json(await d.views.withdrawalQueue(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/withdrawals/{id}/decision',
      tags: mtags,
      summary: 'Approve (pay out through WeChat or Alipay now; Douyin by hand) or refuse (the amount goes back) a withdrawal',
      ...write,
      request: { params: IdParam, body: jsonBody(WithdrawalDecision) },
      responses: {
        200: jsonContent(Withdrawal, 'the withdrawal'),
        ...requestErrors,
        ...staffErrors,
        404: jsonContent(z.any(), 'no such withdrawal'),
        ...invalid,
      },
    }),
    async (c) => {
      const { decision, reason } = c.req.valid('json');
      return c.json(await d.decideWithdrawal(c.get('staff').id, c.req.valid('param').id, decision, reason), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/withdrawals/{id}/manual-payout',
      tags: mtags,
      summary: 'Record a Douyin withdrawal paid by hand',
      ...write,
      request: { params: IdParam, body: jsonBody(ManualPayout) },
      responses: {
        200: jsonContent(Withdrawal, 'the withdrawal'),
        ...requestErrors,
        ...staffErrors,
        404: jsonContent(z.any(), 'no such withdrawal'),
        ...invalid,
      },
    }),
    async (c) => c.json(await d.recordManualPayout(c.get('staff').id, c.req.valid('param').id, c.req.valid('json').reference), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/stores',
      tags: mtags,
      summary: 'Create a store (门店)',
      ...write,
      request: { body: jsonBody(StoreInput) },
      responses: { 201: jsonContent(Store, 'the store'), ...requestErrors, ...staffErrors, 409: jsonContent(z.any(), 'name taken') },
    }),
    async (c) => c.json(await d.createStore(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/guides',
      tags: mtags,
      summary: 'Make a staff member a shopping guide (导购) of a store',
      ...write,
      request: { body: jsonBody(GuideInput) },
      responses: { 201: jsonContent(Guide, 'the guide'), ...requestErrors, ...staffErrors, 404: jsonContent(z.any(), 'no such staff or store') },
    }),
    async (c) => c.json(await d.createGuide(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/distribution/performance',
      tags: mtags,
      summary: 'Performance by guide and store over [from, to): new customers, paid sales, refunds, commission',
      ...read,
      request: { query: PerformanceQuery },
      responses: { 200: jsonContent(Performance, 'the boards'), ...requestErrors, ...staffErrors },
    }),
    async (c) => c.json(await d.views.performance(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/guide/customers',
      tags: mtags,
      summary: 'A guide’s own customers (masked), newest first; 404 for staff who are not guides',
      ...read,
      request: { query: CursorQuery },
      responses: { 200: jsonContent(GuideCustomers, 'a page'), ...staffErrors, 404: jsonContent(z.any(), 'not a guide') },
    }),
    async (c) => c.json(await d.views.guideCustomers(c.get('staff').id, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/guide/share',
      tags: mtags,
      summary: 'A guide’s personal share of the shop (a link or a code under their name): customers landing through it are bound to the guide',
      ...read,
      responses: { 201: jsonContent(ShareIssued, 'the share'), ...staffErrors, 404: jsonContent(z.any(), 'not a guide') },
    }),
    async (c) => {
      const g = await d.views.guideOf(c.get('staff').id);
      if (g?.status !== 'active') throw new AppError('NOT_FOUND', 'you are not a guide');
      return c.json(await deps.shares.issueForStaff(c.get('staff').id, { kind: 'shop', channel: 'link' }), 201);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/guide/performance',
      tags: mtags,
      summary: 'A guide’s own figures over [from, to)',
      ...read,
      request: { query: PerformanceQuery },
      responses: {
        200: jsonContent(Performance, 'the guide’s row and store'),
        ...requestErrors,
        ...staffErrors,
        404: jsonContent(z.any(), 'not a guide'),
      },
    }),
    async (c) => {
      const g = await d.views.guideOf(c.get('staff').id);
      if (!g) throw new AppError('NOT_FOUND', 'you are not a guide');
      return c.json(await d.views.performance(c.req.valid('query'), g.id), 200);
    },
  );
  return router;
}

/** The platforms' payout notifications (outside /api: the raw body is what they signed). */
export function payoutNotifyRoutes(deps: { distribution: DistributionService; bodyLimitBytes: number }) {
  const router = new Hono<AppEnv>();
  router.use('*', requestBodyLimit(deps.bodyLimitBytes));
  router.post('/:platform', async (c) => {
    const platform = c.req.param('platform');
    if (platform !== 'weapp' && platform !== 'alipay') return c.notFound();
    const rawBody = await c.req.text();
    const ok = await deps.distribution.payoutNotified(platform, rawBody, Object.fromEntries(c.req.raw.headers.entries()));
    // WeChat wants 200/204 (no body) for success and a 4xx/5xx with {code, message} for failure; Alipay "success"/"fail".
    if (platform === 'alipay') return c.text(ok ? 'success' : 'fail', ok ? 200 : 400);
    return ok ? c.body(null, 204) : c.json({ code: 'FAIL', message: 'verification failed' }, 400);
  });
  return router;
}
