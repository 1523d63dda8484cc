import { createRoute } from '@hono/zod-openapi';
import {
  BirthdayResult,
  GrowthAdjustmentRequest,
  GrowthAdjustmentResult,
  GrowthLedgerPage,
  GrowthLedgerQuery,
  IdParam,
  MerchantGrowthLedgerPage,
  MerchantMemberTier,
  MyTier,
  SetBirthdayRequest,
  TierLadder,
  TierRules,
  TiersConfig,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, memberAccess, memberErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { MembersService } from '../members/index.js';
import type { TiersService } from './tiers.service.js';

type Members = Pick<MembersService, 'birthdayOf' | 'setBirthdayOnce'>;

export function tierRoutes(deps: {
  tiers: TiersService;
  members: Members;
  member: MiddlewareHandler<AppEnv>;
  idempotent: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['tiers'];
  const { read, write } = memberAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tiers',
      tags,
      summary: 'The tier ladder: each tier’s growth threshold and benefits',
      responses: { 200: jsonContent(TierLadder, 'the ladder') },
    }),
    async (c) => c.json(await deps.tiers.ladder(), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tiers/me',
      tags,
      summary: 'My tier: growth, progress to the next tier, benefits, and until when the tier is held',
      ...read,
      responses: { 200: jsonContent(MyTier, 'my tier'), ...memberErrors },
    }),
    async (c) => c.json(await deps.tiers.myTier(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tiers/me/growth',
      tags,
      summary: 'My growth ledger, newest first',
      ...read,
      request: { query: GrowthLedgerQuery },
      responses: { 200: jsonContent(GrowthLedgerPage, 'a page of entries'), ...memberErrors },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await deps.tiers.growthPage(c.get('memberId'), limit, cursor), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/me/birthday',
      tags,
      summary: 'Set my birthday, once (409 BIRTHDAY_ALREADY_SET afterwards): the tier’s birthday gift comes in that month',
      ...write,
      request: { body: jsonBody(SetBirthdayRequest) },
      responses: { 200: jsonContent(BirthdayResult, 'set'), ...memberErrors },
    }),
    async (c) => c.json(await deps.members.setBirthdayOnce(c.get('memberId'), c.req.valid('json').birthday), 200),
  );
  return router;
}

export function merchantTierRoutes(deps: {
  tiers: TiersService;
  members: Members;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: tiers'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tiers',
      tags,
      summary: 'The tier ladder with benefits',
      ...read,
      responses: { 200: jsonContent(TierLadder, 'the ladder'), ...staffErrors },
    }),
    async (c) => c.json(await deps.tiers.ladder(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/tiers',
      tags,
      summary:
        'Replace the ladder (owner, operator): levels 0, 1, 2… with thresholds strictly increasing from 0; a level members hold cannot be dropped (409 TIER_IN_USE)',
      ...write,
      request: { body: jsonBody(TiersConfig) },
      responses: { 200: jsonContent(TierLadder, 'saved'), ...staffErrors },
    }),
    async (c) => c.json(await deps.tiers.configure(c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/tiers/rules',
      tags,
      summary: 'Growth rates, the downgrade policy and birthday gift timing',
      ...read,
      responses: { 200: jsonContent(TierRules, 'the rules'), ...staffErrors },
    }),
    async (c) => c.json(await deps.tiers.rules(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/tiers/rules',
      tags,
      summary: 'Replace the growth rates, downgrade policy and birthday gift timing (owner, operator)',
      ...write,
      request: { body: jsonBody(TierRules) },
      responses: { 200: jsonContent(TierRules, 'saved'), ...staffErrors },
    }),
    async (c) => c.json(await deps.tiers.updateRules(c.req.valid('json'), c.get('staff').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/tier',
      tags: ['merchant: members'],
      summary: 'A member’s tier, growth and tier history (newest first)',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(MerchantMemberTier, 'the member’s tier'), ...staffErrors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const birthday = await deps.members.birthdayOf(id);
      return c.json(await deps.tiers.memberTier(id, birthday), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/growth-ledger',
      tags: ['merchant: members'],
      summary: 'A member’s growth ledger, newest first, with who posted each manual adjustment',
      ...read,
      request: { params: IdParam, query: GrowthLedgerQuery },
      responses: { 200: jsonContent(MerchantGrowthLedgerPage, 'a page of entries'), ...staffErrors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const { limit, cursor } = c.req.valid('query');
      await deps.members.birthdayOf(id);
      return c.json(await deps.tiers.merchantGrowthPage(id, limit, cursor), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/members/{id}/growth-adjustments',
      tags: ['merchant: members'],
      summary: 'Add (delta > 0) or take away (delta < 0) growth with a reason (owner, operator); never below zero (409 INSUFFICIENT_GROWTH)',
      ...write,
      request: { params: IdParam, body: jsonBody(GrowthAdjustmentRequest) },
      responses: { 201: jsonContent(GrowthAdjustmentResult, 'posted'), ...staffErrors },
    }),
    async (c) => c.json(await deps.tiers.adjust(c.req.valid('param').id, c.get('staff').id, c.req.valid('json')), 201),
  );
  return router;
}
