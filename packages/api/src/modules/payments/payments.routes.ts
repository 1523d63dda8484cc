import { createRoute } from '@hono/zod-openapi';
import { ErrorResponse, IdParam, LOGIN_PLATFORMS, Order, PaymentStatusRequest, PayOrderRequest, PayOrderResponse } from '@siyu/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { createRouter, requestBodyLimit, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonContent, memberAccess, memberErrors, optionalJsonBody } from '../../lib/openapi.js';
import { notificationFormatProblem, type PaymentPlatform } from '../../platforms/index.js';
import type { PaymentsService } from './payments.service.js';

export function paymentRoutes(deps: { payments: PaymentsService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const { read, write } = memberAccess(deps);
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/pay',
      tags: ['payments'],
      summary: 'Open the platform payment for one of my unpaid orders (the platform of my session); poll the order for the result',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam, body: optionalJsonBody(PayOrderRequest) },
      responses: {
        200: jsonContent(PayOrderResponse, 'what wx.requestPayment / my.tradePay / tt.requestOrder need'),
        ...memberErrors,
        409: jsonContent(
          ErrorResponse,
          'the order is paid, cancelled or expired (INVALID_STATE), or the payment platform says so (PLATFORM_REFUSED, with the platform’s own code)',
        ),
        502: jsonContent(ErrorResponse, 'PLATFORM_UNAVAILABLE: the payment platform refused or could not be reached'),
      },
    }),
    async (c) => c.json(await deps.payments.pay(c.get('memberId'), c.get('memberPlatform'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/payment-status',
      tags: ['payments'],
      summary: 'Ask the payment platform about one of my orders (主动查单) and get the order back, paid if the platform says so',
      description:
        'For when the platform sheet reported success but the order still awaits payment (the notification is late). A paid trade is applied exactly as its notification would be, once.',
      ...read,
      request: { params: IdParam, body: optionalJsonBody(PaymentStatusRequest) },
      responses: {
        200: jsonContent(Order, 'the order after asking the platform'),
        ...memberErrors,
        502: jsonContent(ErrorResponse, 'PLATFORM_UNAVAILABLE: the payment platform could not be asked; try again later'),
      },
    }),
    async (c) => c.json(await deps.payments.refreshPaymentStatus(c.get('memberId'), c.req.valid('param').id), 200),
  );
  return router;
}

/**
 * `POST /payments/notify/{weapp,alipay,tt}`: the platforms' notifications. No auth and no JSON requirement:
 * the raw body text is what the platform signed (JSON for WeChat and Douyin, a form for Alipay).
 */
export function paymentNotifyRoutes(deps: { payments: PaymentsService; bodyLimitBytes: number }) {
  const router = new Hono<AppEnv>();
  router.use('*', requestBodyLimit(deps.bodyLimitBytes));
  router.post('/:platform', async (c) => {
    const platform = c.req.param('platform');
    if (!(LOGIN_PLATFORMS as readonly string[]).includes(platform)) return c.notFound();
    const rawBody = await c.req.text();
    const headers = Object.fromEntries(c.req.raw.headers.entries());
    const input = { rawBody, headers };
    // Not even the form of the platform's notification (junk, a probe, an empty post) is the sender's mistake: 400,
    // with the platform's failure acknowledgement. The service refuses it all the same (the adapter checks the form
    // first), logging a warning and changing nothing; only the status is ours.
    const malformed = notificationFormatProblem(platform as PaymentPlatform, input) !== null;
    const ack = await deps.payments.handleNotification(platform as PaymentPlatform, input);
    // Through c.body(), like every other answer, so the headers middleware adds later reach the wire.
    const status = (malformed ? 400 : ack.status) as StatusCode;
    return ack.body === null ? c.body(null, status, ack.headers) : c.body(ack.body, status as ContentfulStatusCode, ack.headers);
  });
  return router;
}
