import { createRoute } from '@hono/zod-openapi';
import { IssueShareRequest, LandingResult, RecordLandingRequest, ShareIssued } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { noStore, type SessionResolver } from '../../lib/auth.js';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberErrors, memberWrite, requestErrors } from '../../lib/openapi.js';
import type { SharesService } from './shares.service.js';

/** Anonymous, or a member's token (the OpenAPI way to say auth is optional). */
const OPTIONAL_MEMBER: Record<string, string[]>[] = [{}, { memberToken: [] }];

export function shareRoutes(deps: {
  shares: SharesService;
  member: MiddlewareHandler<AppEnv>;
  idempotent: MiddlewareHandler<AppEnv>;
  /** Reads an optional bearer token on a landing (auth is optional there). */
  resolveSession: SessionResolver;
}) {
  const router = createRouter();
  const tags = ['shares'];

  router.openapi(
    createRoute({
      method: 'post',
      path: '/shares',
      tags,
      summary: 'Issue a share id for what I am about to share (a card, a poster, a code, a link)',
      ...memberWrite(deps),
      request: { headers: IdempotencyHeader, body: jsonBody(IssueShareRequest) },
      responses: { 201: jsonContent(ShareIssued, 'the share id, to put in the path (s=) or the code scene'), ...memberErrors },
    }),
    async (c) => c.json(await deps.shares.issueForMember(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/shares/landings',
      tags,
      summary: 'Record a landing: the app was opened with a share id (anonymous, or with a member token)',
      description:
        'A forged, unknown or expired share id is ignored: 200 with recorded false, never an error. A login that carries the share id records the landing itself; do not send both.',
      security: OPTIONAL_MEMBER,
      middleware: [noStore] as const,
      request: { body: jsonBody(RecordLandingRequest) },
      responses: { 200: jsonContent(LandingResult, 'recorded, or ignored'), 400: requestErrors[400] },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const auth = c.req.header('authorization');
      const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
      const session = token ? await deps.resolveSession(token) : null;
      const memberId = session?.subjectType === 'member' ? session.subjectId : null;
      const platform = body.platform ?? (session?.subjectType === 'member' ? (session.platform ?? null) : null);
      return c.json(await deps.shares.recordLanding({ memberId, shareId: body.shareId, platform }), 200);
    },
  );
  return router;
}
