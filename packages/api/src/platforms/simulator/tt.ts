import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

/** Douyin's log ids are opaque upper-case hex strings. */
function logId(): string {
  return randomBytes(17).toString('hex').toUpperCase();
}

function ttAnswer(errNo: number, errTips: string, data: Record<string, string> | null = null): Response {
  return Response.json({ err_no: errNo, err_tips: errTips, log_id: logId(), data });
}

/** `POST /tt/api/apps/v2/jscode2session` (docs/platform-protocols.md, Douyin). */
export function registerTtRoutes(app: Hono, ctx: SimulatorContext): void {
  app.post('/tt/api/apps/v2/jscode2session', async (c) => {
    if (!/application\/json/i.test(c.req.header('content-type') ?? '')) return ttAnswer(40014, 'bad params');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return ttAnswer(40014, 'bad params');
    if (body.appid !== SIMULATOR_APPS.tt.appId) return ttAnswer(40015, 'bad appid');
    if (body.secret !== SIMULATOR_APPS.tt.appSecret) return ttAnswer(40017, 'bad secret');
    const code = typeof body.code === 'string' ? body.code : '';
    const anonymousCode = typeof body.anonymous_code === 'string' ? body.anonymous_code : '';
    if (!code && !anonymousCode) return ttAnswer(40014, 'bad params');
    if (ctx.takeOutage('tt')) return ttAnswer(-1, 'system error');
    // The simulator issues no anonymous codes: any non-empty one is unknown.
    if (!code) return ttAnswer(40019, 'bad anonymous_code');
    const issued = ctx.redeemCode('tt', code);
    if (!issued) return ttAnswer(40018, 'bad code');
    return ttAnswer(0, 'success', {
      session_key: ctx.ttSessionKeyForExchange(issued.user),
      openid: ctx.openId('tt', issued.user),
      anonymous_openid: '',
      unionid: ctx.unionId(issued.user),
    });
  });
}
