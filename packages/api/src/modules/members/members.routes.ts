import { createRoute } from '@hono/zod-openapi';
import {
  CloseAccountRequest,
  CloseAccountResult,
  IdParam,
  MemberDataExport,
  MemberMergeList,
  MemberProfile,
  MemberProfileUpdate,
  MerchantMemberDetail,
  MerchantMemberPage,
  MerchantMemberQuery,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, memberAccess, memberErrors, staffErrors, staffRead } from '../../lib/openapi.js';
import type { MembersService } from './members.service.js';

export function merchantMemberRoutes(deps: { members: MembersService; anyStaff: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: members'];
  const read = staffRead(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members',
      tags,
      summary: 'Members, newest first, by nickname, platform and (whole) phone number; phones masked',
      ...read,
      request: { query: MerchantMemberQuery },
      responses: { 200: jsonContent(MerchantMemberPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.members.merchantPage(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}',
      tags,
      summary: 'One member with their platform identities',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(MerchantMemberDetail, 'the member'), ...staffErrors },
    }),
    async (c) => c.json(await deps.members.merchantDetail(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/merges',
      tags,
      summary: 'The merges a member took part in (as survivor or absorbed), with what moved',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(MemberMergeList, 'merges, newest first'), ...staffErrors },
    }),
    async (c) => c.json(await deps.members.merges(c.req.valid('param').id), 200),
  );
  return router;
}

/** The member's own profile and privacy: the profile, what the store holds, closing the account (decision 019). */
export function memberProfileRoutes(deps: { members: MembersService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['members'];
  const { read, write } = memberAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/profile',
      tags,
      summary: 'My profile: nickname, avatar, gender, birthday (set once), the bound phone masked',
      ...read,
      responses: { 200: jsonContent(MemberProfile, 'my profile'), ...memberErrors },
    }),
    async (c) => c.json(await deps.members.profile(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/me/profile',
      tags,
      summary: 'Change my nickname, avatar or gender; set my birthday once (another birthday later: 409 BIRTHDAY_ALREADY_SET naming birthday)',
      ...write,
      request: { body: jsonBody(MemberProfileUpdate) },
      responses: { 200: jsonContent(MemberProfile, 'my profile as it is now'), ...memberErrors },
    }),
    async (c) => c.json(await deps.members.updateProfile(c.get('memberId'), c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/data',
      tags,
      summary: 'Everything the store holds about me: profile, identities (no secrets), addresses, orders, points, coupons, check-ins, tier, merges',
      ...read,
      responses: { 200: jsonContent(MemberDataExport, 'my data'), ...memberErrors },
    }),
    async (c) => c.json(await deps.members.dataExport(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/close',
      tags,
      summary:
        'Close my account: personal data removed, orders and ledgers kept anonymised; 409 ACCOUNT_HAS_OPEN_ORDERS while an order, refund or redemption is unfinished',
      ...read,
      request: { body: jsonBody(CloseAccountRequest) },
      responses: { 200: jsonContent(CloseAccountResult, 'closed: the session ends'), ...memberErrors },
    }),
    async (c) => c.json(await deps.members.close(c.get('memberId'), c.req.valid('json')), 200),
  );
  return router;
}
