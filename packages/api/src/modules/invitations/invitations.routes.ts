import { createRoute } from '@hono/zod-openapi';
import {
  InvitationIdParam,
  InvitationLeaderboard,
  InvitationRules,
  InvitationRulesView,
  LeaderboardQuery,
  MerchantInvitationPage,
  MerchantInvitationQuery,
  MyInvitations,
  WithholdInvitationRequest,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, memberErrors, memberRead, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { InvitationsService } from './invitations.js';

export function invitationRoutes(deps: { invitations: InvitationsService; member: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['invitations'];
  const read = memberRead(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/rules',
      tags,
      summary: '邀请有礼: the rewards for inviter and invitee, the refund window, the daily cap',
      ...read,
      responses: { 200: jsonContent(InvitationRulesView, 'the rules'), ...memberErrors },
    }),
    async (c) => c.json(await deps.invitations.rulesView(), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/invitations',
      tags,
      summary: 'My invitations: who joined (masked), each reward’s state, what I earned',
      ...read,
      responses: { 200: jsonContent(MyInvitations, 'my invitations'), ...memberErrors },
    }),
    async (c) => c.json(await deps.invitations.mine(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/leaderboard',
      tags,
      summary: 'The month’s inviters by invitations (names masked), and my rank',
      ...read,
      request: { query: LeaderboardQuery },
      responses: { 200: jsonContent(InvitationLeaderboard, 'the leaderboard'), ...memberErrors },
    }),
    async (c) => c.json(await deps.invitations.leaderboard(c.get('memberId'), c.req.valid('query').month), 200),
  );
  return router;
}

export function merchantInvitationRoutes(deps: {
  invitations: InvitationsService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: invitations'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitation-rules',
      tags,
      summary: 'The invitation rules and rewards',
      ...read,
      responses: { 200: jsonContent(InvitationRules, 'the rules'), ...staffErrors },
    }),
    async (c) => c.json(await deps.invitations.rules(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/invitation-rules',
      tags,
      summary: 'Set the invitation rules and rewards (rewards already promised keep their terms)',
      ...write,
      request: { body: jsonBody(InvitationRules) },
      responses: { 200: jsonContent(InvitationRules, 'the rules now'), ...staffErrors },
    }),
    async (c) => c.json(await deps.invitations.updateRules(c.req.valid('json'), c.get('staff').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags,
      summary: 'Invitations, newest first, with the reward’s state and risk flags',
      ...read,
      request: { query: MerchantInvitationQuery },
      responses: { 200: jsonContent(MerchantInvitationPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.invitations.merchantPage(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{id}/withhold',
      tags,
      summary: 'Withhold the inviter’s reward (bound or pending only)',
      ...write,
      request: { params: InvitationIdParam, body: jsonBody(WithholdInvitationRequest) },
      responses: { 204: { description: 'withheld' }, ...staffErrors },
    }),
    async (c) => {
      await deps.invitations.withhold(c.req.valid('param').id, c.get('staff').id, c.req.valid('json').reason);
      return c.body(null, 204);
    },
  );
  return router;
}
