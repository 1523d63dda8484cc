import { createRoute } from '@hono/zod-openapi';
import { BindPhoneRequest, BindPhoneResult, ErrorResponse } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { clientAddress, createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent } from '../../lib/openapi.js';
import type { PhoneBindingService } from './phone.service.js';

export function phoneRoutes(deps: {
  phone: PhoneBindingService;
  member: MiddlewareHandler<AppEnv>;
  idempotent: MiddlewareHandler<AppEnv>;
  trustProxy: boolean;
}) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/phone',
      tags: ['members'],
      summary: 'Bind a phone number with the proof from the platform’s phone-number button (rate-limited per member and per address)',
      description:
        'The session’s platform decides the proof: weapp `{ code }` (getPhoneNumber button), alipay `{ response }` ' +
        '(my.getPhoneNumber’s res.response text), tt `{ encryptedData, iv }` (getPhoneNumber button). On SESSION_STALE ' +
        '(Douyin: the session key we hold is older than the proof) log in again and retry the same proof once. ' +
        'Errors carry a shopper-facing Chinese `details.hint`.',
      security: [{ memberToken: [] }],
      // Idempotent: a retried request replays the answer (a WeChat phone code works once).
      middleware: [deps.member, deps.idempotent] as const,
      request: { headers: IdempotencyHeader, body: jsonBody(BindPhoneRequest) },
      responses: {
        200: jsonContent(BindPhoneResult, 'the phone is bound (the member may have absorbed another member who had it)'),
        400: jsonContent(ErrorResponse, 'VALIDATION_FAILED naming the field (a missing field, another platform’s field), or PHONE_PROOF_INVALID'),
        401: jsonContent(ErrorResponse, 'not logged in'),
        409: jsonContent(ErrorResponse, 'SESSION_STALE: log in again, then retry once'),
        422: jsonContent(ErrorResponse, 'PHONE_REFUSED: the platform did not give the number'),
        429: jsonContent(ErrorResponse, 'RATE_LIMITED, with Retry-After'),
        502: jsonContent(ErrorResponse, 'PLATFORM_UNAVAILABLE'),
        503: jsonContent(ErrorResponse, 'PLATFORM_BUSY, with Retry-After'),
      },
    }),
    async (c) =>
      c.json(await deps.phone.bind(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json'), clientAddress(c, deps.trustProxy)), 200),
  );
  return router;
}
