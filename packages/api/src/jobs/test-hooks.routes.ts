import { createRoute } from '@hono/zod-openapi';
import { type TestClockRequest, TestClockRequest as TestClockRequestSchema, TestClockState, TestJobsRunResult } from '@siyu/shared';
import { createRouter } from '../lib/http.js';
import { jsonBody, jsonContent } from '../lib/openapi.js';

/** A clock the test hooks may move: the server's AdjustableClock, or a test's ManualClock. */
export interface MovableClock {
  now(): Date;
  set(instant: Date | string): void;
  advance(ms: number): void;
}

/**
 * The test-only hooks at /__test, mounted by createApp only when it is given `testHooks` (the server does so only with
 * TEST_HOOKS=1, which env.ts refuses in production). End-to-end tests move the clock and run the due jobs at once
 * (points maturing and expiring, unpaid orders and points-plus-cash redemptions closed) instead of waiting.
 */
export function testHookRoutes(deps: { clock: MovableClock; runDueJobs: (now: Date) => Promise<Omit<TestJobsRunResult, 'now'>> }) {
  const router = createRouter();
  const tags = ['test hooks'];
  const state = () => {
    const now = deps.clock.now();
    return { now: now.toISOString(), offsetMs: now.getTime() - Date.now() };
  };
  router.openapi(
    createRoute({
      method: 'get',
      path: '/clock',
      tags,
      summary: 'The server clock (test only)',
      responses: { 200: jsonContent(TestClockState, 'the clock') },
    }),
    (c) => c.json(state(), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/clock',
      tags,
      summary: 'Move the server clock forward, or stand it at an instant (test only)',
      request: { body: jsonBody(TestClockRequestSchema) },
      responses: { 200: jsonContent(TestClockState, 'the clock after the move') },
    }),
    (c) => {
      const body: TestClockRequest = c.req.valid('json');
      if (body.set !== undefined) deps.clock.set(body.set);
      else deps.clock.advance(body.advanceMs ?? 0);
      return c.json(state(), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/jobs/run',
      tags,
      summary: 'Run the due jobs now, at the server clock (test only)',
      responses: { 200: jsonContent(TestJobsRunResult, 'what the jobs did') },
    }),
    async (c) => {
      const now = deps.clock.now();
      return c.json({ now: now.toISOString(), ...(await deps.runDueJobs(now)) }, 200);
    },
  );
  return router;
}
