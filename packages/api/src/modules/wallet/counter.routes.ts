import { createRoute } from '@hono/zod-openapi';
import {
  CounterActionPage,
  CounterActionQuery,
  CounterIdentifyRequest,
  CounterMember,
  CounterPurchase,
  CounterPurchaseRequest,
  MemberCode,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, createRouter } from '../../lib/http.js';
import { jsonBody, jsonContent, memberErrors, memberRead, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { CounterService } from './counter.service.js';

export function memberCodeRoutes(deps: { counter: CounterService; member: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/member-code',
      tags: ['member code'],
      summary: 'A fresh member code (会员码) for the counter: good for a minute, used once',
      ...memberRead(deps),
      responses: { 200: jsonContent(MemberCode, 'the code'), ...memberErrors },
    }),
    async (c) => c.json(await deps.counter.issueCode(c.get('memberId')), 200),
  );
  return router;
}

export function merchantCounterRoutes(deps: { counter: CounterService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: counter'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'post',
      path: '/counter/identify',
      tags,
      summary: 'Who a member code belongs to, and their balance (the code stays usable); recorded with staff and store',
      ...write,
      request: { body: jsonBody(CounterIdentifyRequest) },
      responses: { 200: jsonContent(CounterMember, 'the member'), ...staffErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await deps.counter.identify(c.get('staff').id, body.code, body.store), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/counter/purchases',
      tags,
      summary: 'Record a purchase at the counter with a member code (used once), part or all of it paid from the balance',
      ...write,
      request: { body: jsonBody(CounterPurchaseRequest) },
      responses: { 201: jsonContent(CounterPurchase, 'recorded'), ...staffErrors },
    }),
    async (c) => c.json(await deps.counter.purchase(c.get('staff').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/counter/actions',
      tags,
      summary: 'The counter audit trail: who did what for which member, where, newest first',
      ...read,
      request: { query: CounterActionQuery },
      responses: { 200: jsonContent(CounterActionPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.counter.actions(c.req.valid('query')), 200),
  );
  return router;
}
