import { createRoute, z } from '@hono/zod-openapi';
import {
  CheckInMakeUpRequest,
  CheckInMakeUpResult,
  CheckInResult,
  CheckInRules,
  CheckInStatus,
  CheckInStatusQuery,
  ErrorResponse,
  IdParam,
  MemberCheckIns,
  MemberCheckInsQuery,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberAccess, optionalJsonBody, requestErrors, staffAccess } from '../../lib/openapi.js';
import type { CheckInService } from './check-in.service.js';

export function checkInRoutes(deps: { checkIn: CheckInService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/check-in/status',
      tags: ['check-in'],
      summary: 'Today’s check-in state, streak, rewards and the month’s calendar',
      ...read,
      request: { query: CheckInStatusQuery },
      responses: { 200: jsonContent(CheckInStatus, 'check-in status'), ...requestErrors },
    }),
    async (c) => c.json(await deps.checkIn.status(c.get('memberId'), c.req.valid('query').month), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/check-in',
      tags: ['check-in'],
      summary: 'Check in for today (honours Idempotency-Key)',
      ...write,
      request: {
        headers: IdempotencyHeader,
        body: optionalJsonBody(z.object({}).strict()),
      },
      responses: {
        200: jsonContent(CheckInResult, 'checked in; the reward was credited'),
        409: jsonContent(ErrorResponse, 'ALREADY_CHECKED_IN today, or IDEMPOTENCY_KEY_IN_FLIGHT'),
        422: jsonContent(ErrorResponse, 'IDEMPOTENCY_KEY_REUSED with another request'),
        ...requestErrors,
      },
    }),
    async (c) => c.json(await deps.checkIn.checkIn(c.get('memberId')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/check-in/make-up',
      tags: ['check-in'],
      summary: 'Make up a missed day of the current cycle (补签; honours Idempotency-Key)',
      description:
        'Only a past day of the current week or month, not before the member’s first check-in, not already checked in. Costs the merchant’s points (never below zero) and one of the cycle’s make-ups; restores the streak as if the day had been kept; pays the day’s reward and growth only when the merchant says so; counts towards cumulative rewards.',
      ...write,
      request: {
        headers: IdempotencyHeader,
        body: jsonBody(CheckInMakeUpRequest),
      },
      responses: {
        200: jsonContent(CheckInMakeUpResult, 'the day is made up'),
        409: jsonContent(
          ErrorResponse,
          'MAKE_UP_DISABLED; MAKE_UP_NOT_ALLOWED (today, future, outside the cycle, before the first check-in; details.reason); ALREADY_CHECKED_IN that day; MAKE_UP_LIMIT_REACHED; INSUFFICIENT_POINTS; IDEMPOTENCY_KEY_IN_FLIGHT',
        ),
        422: jsonContent(ErrorResponse, 'IDEMPOTENCY_KEY_REUSED with another request'),
        ...requestErrors,
      },
    }),
    async (c) => c.json(await deps.checkIn.makeUp(c.get('memberId'), c.req.valid('json').date), 200),
  );
  return router;
}

export function merchantCheckInRoutes(deps: { checkIn: CheckInService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const { read, write } = staffAccess(deps);
  const staffErrors = { ...requestErrors, 403: jsonContent(ErrorResponse, 'not staff, or role may not do this') };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/check-in/rules',
      tags: ['merchant: check-in'],
      summary: 'The check-in rules: daily rewards, cycle, cumulative rewards, make-up',
      ...read,
      responses: { 200: jsonContent(CheckInRules, 'current rules'), ...staffErrors },
    }),
    async (c) => c.json(await deps.checkIn.rules(), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/check-in/rules',
      tags: ['merchant: check-in'],
      summary: 'Replace the check-in rules (owner, operator); fields added later may be left out and take their defaults',
      ...write,
      request: { body: jsonBody(CheckInRules) },
      responses: { 200: jsonContent(CheckInRules, 'saved rules, effective from the next check-in'), ...staffErrors },
    }),
    async (c) => c.json(await deps.checkIn.updateRules(c.req.valid('json'), c.get('staff').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/check-ins',
      tags: ['merchant: members'],
      summary: 'A member’s check-ins in a month (default the current business month)',
      ...read,
      request: { params: IdParam, query: MemberCheckInsQuery },
      responses: { 200: jsonContent(MemberCheckIns, 'the month’s check-ins'), ...staffErrors },
    }),
    async (c) => c.json(await deps.checkIn.memberCheckIns(c.req.valid('param').id, c.req.valid('query').month), 200),
  );
  return router;
}
