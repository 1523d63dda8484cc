import { createRoute, z } from '@hono/zod-openapi';
import {
  ClaimCentre,
  ClaimCouponRequest,
  Coupon,
  CouponAudience,
  CouponCodeBatch,
  CouponCodeBatchList,
  CouponIssueJob,
  CouponIssueJobList,
  CouponPage,
  CouponTemplate,
  CouponTemplatePage,
  CouponTemplateQuery,
  CouponTemplateStats,
  IdParam,
  MemberCouponQuery,
  NewCouponCodeBatch,
  NewCouponTemplate,
  NewMemberPack,
  RedeemCouponCodeRequest,
  UpdateCouponTemplate,
} from '@siyu/shared';
import type { Context, MiddlewareHandler } from 'hono';
import { type AppEnv, clientAddress, createRouter } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberAccess, memberErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { CouponIssueJobs } from './coupon-issue-jobs.js';
import type { CouponsService } from './coupons.service.js';

/** Streams text chunks (CSV) as a download. */
function download(c: Context<AppEnv>, fileName: string, chunks: AsyncGenerator<string>) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
}

export function couponRoutes(deps: {
  coupons: CouponsService;
  member: MiddlewareHandler<AppEnv>;
  idempotent: MiddlewareHandler<AppEnv>;
  trustProxy: boolean;
}) {
  const router = createRouter();
  const tags = ['coupons'];
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-centre',
      tags,
      summary: 'Coupons I can claim now',
      ...read,
      responses: { 200: jsonContent(ClaimCentre, 'claimable coupons'), ...memberErrors },
    }),
    async (c) => c.json(await deps.coupons.claimCentre(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/coupons/claim',
      tags,
      summary: 'Claim a coupon from the claim centre (within its stock and the per-member limit; rate-limited)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(ClaimCouponRequest) },
      responses: { 201: jsonContent(Coupon, 'the claimed coupon'), ...memberErrors },
    }),
    async (c) => c.json(await deps.coupons.claim(c.get('memberId'), c.req.valid('json').templateId, clientAddress(c, deps.trustProxy)), 201),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/coupons/redeem',
      tags,
      summary: 'Redeem a code for a coupon (each code once; rate-limited per member and per address)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(RedeemCouponCodeRequest) },
      responses: { 201: jsonContent(Coupon, 'the coupon the code gave'), ...memberErrors },
    }),
    async (c) => c.json(await deps.coupons.redeem(c.get('memberId'), c.req.valid('json').code, clientAddress(c, deps.trustProxy)), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupons',
      tags,
      summary: 'My coupons: usable (soonest to expire first), used or expired',
      ...read,
      request: { query: MemberCouponQuery },
      responses: { 200: jsonContent(CouponPage, 'a page'), ...memberErrors },
    }),
    async (c) => c.json(await deps.coupons.memberCoupons(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupons/{id}',
      tags,
      summary: 'One of my coupons',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(Coupon, 'the coupon'), ...memberErrors },
    }),
    async (c) => c.json(await deps.coupons.memberCoupon(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}/coupons',
      tags,
      summary: 'Claimable coupons that apply to this product (领券)',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(ClaimCentre, 'coupons for the product'), ...memberErrors },
    }),
    async (c) => c.json(await deps.coupons.forProduct(c.get('memberId'), c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantCouponRoutes(deps: {
  coupons: CouponsService;
  issueJobs: CouponIssueJobs;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: coupons'];
  const { read, write } = staffAccess(deps);
  const templateParam = { params: IdParam };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-templates',
      tags,
      summary: 'Coupon templates, newest first',
      ...read,
      request: { query: CouponTemplateQuery },
      responses: { 200: jsonContent(CouponTemplatePage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.templates(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/coupon-templates',
      tags,
      summary: 'Create a coupon template (a draft until activated)',
      ...write,
      request: { body: jsonBody(NewCouponTemplate) },
      responses: { 201: jsonContent(CouponTemplate, 'the template'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.createTemplate(c.req.valid('json'), c.get('staff').id), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-templates/{id}',
      tags,
      summary: 'One coupon template',
      ...read,
      request: templateParam,
      responses: { 200: jsonContent(CouponTemplate, 'the template'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.template(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/coupon-templates/{id}',
      tags,
      summary: 'Edit name, description, stock, limit, visibility or validity (coupons already claimed keep theirs)',
      ...write,
      request: { ...templateParam, body: jsonBody(UpdateCouponTemplate) },
      responses: { 200: jsonContent(CouponTemplate, 'the template'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.updateTemplate(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  for (const action of ['activate', 'pause', 'end'] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/coupon-templates/{id}/${action}`,
        tags,
        summary: { activate: 'Activate (from draft or paused)', pause: 'Pause claims and issuing', end: 'End for good' }[action],
        ...write,
        request: templateParam,
        responses: { 200: jsonContent(CouponTemplate, 'the template'), ...staffErrors },
      }),
      async (c) => c.json(await deps.coupons.setTemplateStatus(c.req.valid('param').id, action), 200),
    );
  }
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-templates/{id}/stats',
      tags,
      summary: 'Claimed, used, expired, the discount given and the sales of the orders that used it',
      ...read,
      request: templateParam,
      responses: { 200: jsonContent(CouponTemplateStats, 'figures'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.stats(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/coupon-templates/{id}/issue-jobs',
      tags,
      summary: 'Issue the template to chosen members or a filtered audience, as a job (progress and report on the job)',
      ...write,
      request: { ...templateParam, body: jsonBody(CouponAudience) },
      responses: { 202: jsonContent(CouponIssueJob, 'the queued job'), ...staffErrors },
    }),
    async (c) => c.json(await deps.issueJobs.create(c.req.valid('param').id, c.req.valid('json'), c.get('staff').id), 202),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-templates/{id}/issue-jobs',
      tags,
      summary: 'The template’s issue jobs, newest first',
      ...read,
      request: templateParam,
      responses: { 200: jsonContent(CouponIssueJobList, 'jobs'), ...staffErrors },
    }),
    async (c) => c.json(await deps.issueJobs.jobs(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-issue-jobs/{id}',
      tags,
      summary: 'One issue job: progress and result report',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(CouponIssueJob, 'the job'), ...staffErrors },
    }),
    async (c) => c.json(await deps.issueJobs.job(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/coupon-templates/{id}/code-batches',
      tags,
      summary: 'Generate a batch of redemption codes for the template',
      ...write,
      request: { ...templateParam, body: jsonBody(NewCouponCodeBatch) },
      responses: { 201: jsonContent(CouponCodeBatch, 'the batch'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.createCodeBatch(c.req.valid('param').id, c.req.valid('json'), c.get('staff').id), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-templates/{id}/code-batches',
      tags,
      summary: 'The template’s code batches',
      ...read,
      request: templateParam,
      responses: { 200: jsonContent(CouponCodeBatchList, 'batches'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.codeBatches(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-code-batches/{id}/codes.csv',
      tags,
      summary: 'A batch’s codes as CSV (owner and operator only: codes are money)',
      ...write,
      request: { params: IdParam },
      responses: { 200: { description: 'CSV text', content: { 'text/csv': { schema: z.string() } } }, ...staffErrors },
    }),
    async (c) => {
      const { fileName, chunks } = await deps.coupons.codesCsv(c.req.valid('param').id);
      return download(c, fileName, chunks);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/coupon-settings/new-member-pack',
      tags,
      summary: 'Templates every new member gets once',
      ...read,
      responses: { 200: jsonContent(NewMemberPack, 'the pack'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.newMemberPack(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/coupon-settings/new-member-pack',
      tags,
      summary: 'Set the templates every new member gets once',
      ...write,
      request: { body: jsonBody(NewMemberPack) },
      responses: { 200: jsonContent(NewMemberPack, 'the pack'), ...staffErrors },
    }),
    async (c) => c.json(await deps.coupons.setNewMemberPack(c.req.valid('json'), c.get('staff').id), 200),
  );
  return router;
}
