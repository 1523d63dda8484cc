import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

const WEAPP_EXCHANGES_PER_MINUTE = 100;

/** WeChat answers jscode2session with `Content-Type: text/plain`; the adapter must not rely on the header. */
function wechatJson(body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'text/plain' } });
}

/** WeChat's request ids look like `6560c2f1-1a2b3c4d-5e6f7a8b`. */
function wechatRid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16)}`;
}

function wechatError(errcode: number, errmsg: string): Response {
  return wechatJson({ errcode, errmsg: `${errmsg}, rid: ${wechatRid()}` });
}

/**
 * `GET /weapp/sns/jscode2session`, `POST /weapp/cgi-bin/stable_token` and
 * `POST /weapp/wxa/business/getuserphonenumber` (docs/platform-protocols.md, WeChat).
 */
export function registerWeappRoutes(app: Hono, ctx: SimulatorContext): void {
  app.post('/weapp/cgi-bin/stable_token', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return wechatError(47001, 'data format error');
    if (body.grant_type !== 'client_credential') return wechatError(40002, 'invalid grant_type');
    if (body.appid !== SIMULATOR_APPS.weapp.appId) return wechatError(40013, 'invalid appid');
    if (body.secret !== SIMULATOR_APPS.weapp.appSecret) return wechatError(40125, 'invalid appsecret');
    if (ctx.takeOutage('weapp')) return wechatError(-1, 'system error');
    const { token, expiresIn } = ctx.weappAccessToken(body.force_refresh === true);
    return wechatJson({ access_token: token, expires_in: expiresIn });
  });

  app.post('/weapp/wxa/business/getuserphonenumber', async (c) => {
    const token = c.req.query('access_token');
    if (!token) return wechatError(41001, 'access_token missing');
    const state = ctx.weappTokenState(token);
    if (state === 'invalid') return wechatError(40001, 'invalid credential, access_token is invalid or not latest');
    if (state === 'expired') return wechatError(42001, 'access_token expired');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const code = body && typeof body.code === 'string' ? body.code : '';
    if (!code) return wechatError(47001, 'data format error');
    if (ctx.takeOutage('weapp')) return wechatError(-1, 'system error');
    const issued = ctx.redeemPhoneCode(code);
    if (!issued) return wechatError(40029, 'invalid code');
    const { phone } = issued;
    return wechatJson({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(ctx.clock.now().getTime() / 1000), appid: SIMULATOR_APPS.weapp.appId },
      },
    });
  });

  app.get('/weapp/sns/jscode2session', (c) => {
    const q = c.req.query();
    if (q.appid !== SIMULATOR_APPS.weapp.appId) return wechatError(40013, 'invalid appid');
    if (q.secret !== SIMULATOR_APPS.weapp.appSecret) return wechatError(40125, 'invalid appsecret');
    if (q.grant_type !== 'authorization_code') return wechatError(40002, 'invalid grant_type');
    if (!q.js_code) return wechatError(41008, 'missing code');
    if (ctx.takeOutage('weapp')) return wechatError(-1, 'system error');
    const issued = ctx.redeemCode('weapp', q.js_code);
    if (!issued) return wechatError(40029, 'invalid code');
    if (ctx.countWeappExchange(issued.user) > WEAPP_EXCHANGES_PER_MINUTE) {
      return wechatError(45011, 'api minute-quota reach limit  mustslower  retry next minute');
    }
    if (ctx.highRiskUsers.has(issued.user)) return wechatError(40226, 'invalid login, high risk user');
    return wechatJson({
      session_key: randomBytes(16).toString('base64'),
      openid: ctx.openId('weapp', issued.user),
      unionid: ctx.unionId(issued.user),
    });
  });
}
