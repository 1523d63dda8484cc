import { createRoute } from '@hono/zod-openapi';
import { ErrorResponse, IdParam, PaymentException, PaymentExceptionPage, PaymentExceptionQuery } from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonContent, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { PaymentExceptionsService } from './payment-exceptions.service.js';

export function merchantPaymentExceptionRoutes(deps: {
  exceptions: PaymentExceptionsService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: payment exceptions'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/payment-exceptions',
      tags,
      summary: 'Payments that must go back (paid after the order closed, or paid twice) and how their refunds stand, newest first',
      ...read,
      request: { query: PaymentExceptionQuery },
      responses: { 200: jsonContent(PaymentExceptionPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.exceptions.list(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/payment-exceptions/{id}/retry',
      tags,
      summary: 'Put a refund the server gave up on (refund_failed) back in the queue and try it now, with the same refund number',
      ...write,
      request: { params: IdParam },
      responses: {
        200: jsonContent(
          PaymentException,
          'after the attempt: refund_processing or refunded, or refund_pending with lastError when the platform failed again',
        ),
        ...staffErrors,
        409: jsonContent(ErrorResponse, 'CONFLICT: it is not refund_failed'),
      },
    }),
    async (c) => c.json(await deps.exceptions.retry(c.get('staff').id, c.req.valid('param').id), 200),
  );
  return router;
}
