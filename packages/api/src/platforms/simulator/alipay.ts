import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { alipayResponseKey, alipaySignContent, alipayTimestamp, rsa2Sign, rsa2Verify } from '../alipay-sign.js';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

/**
 * A gateway answer: `{"<member>":<raw>,"sign":"…"}`, the signature over the exact raw member text, made with the
 * simulator's "Alipay" private key, as the real gateway does.
 */
function gatewayAnswer(ctx: SimulatorContext, member: string, payload: Record<string, unknown>): Response {
  const raw = JSON.stringify(payload);
  const sign = rsa2Sign(raw, ctx.keys.alipayPlatform.privateKey);
  return new Response(`{"${member}":${raw},"sign":"${sign}"}`, { headers: { 'content-type': 'text/html;charset=utf-8' } });
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** `POST /alipay/gateway.do` (PROTOCOLS.md, Alipay). Login (`alipay.system.oauth.token`) only, for now. */
export function registerAlipayRoutes(app: Hono, ctx: SimulatorContext): void {
  app.post('/alipay/gateway.do', async (c) => {
    // The official SDKs put the common parameters in the query string and the rest in the form body; both count.
    const params: Record<string, string> = { ...c.req.query() };
    const contentType = c.req.header('content-type') ?? '';
    if (/application\/x-www-form-urlencoded/i.test(contentType)) {
      for (const [k, v] of new URLSearchParams(await c.req.text())) params[k] = v;
    }
    const method = params.method ?? '';
    // Gateway-level errors come back in the method's own member (code 4000x), business errors in error_response.
    const gatewayError = (code: string, msg: string, subCode: string, subMsg: string) =>
      gatewayAnswer(ctx, method ? alipayResponseKey(method) : 'error_response', { code, msg, sub_code: subCode, sub_msg: subMsg });

    const missing: Array<[string, string, string]> = [
      ['method', 'isv.missing-method', '缺少方法名参数'],
      ['sign', 'isv.missing-signature', '缺少签名参数'],
      ['sign_type', 'isv.missing-signature-type', '缺少签名类型参数'],
      ['app_id', 'isv.missing-app-id', '缺少appId参数'],
      ['timestamp', 'isv.missing-timestamp', '缺少时间戳参数'],
      ['version', 'isv.missing-version', '缺少版本参数'],
    ];
    for (const [name, subCode, subMsg] of missing) {
      if (!params[name]) return gatewayError('40001', 'Missing Required Arguments', subCode, subMsg);
    }
    if (params.app_id !== SIMULATOR_APPS.alipay.appId) return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-app-id', '无效的AppID参数');
    if (params.sign_type !== 'RSA2') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-signature-type', '无效的签名类型参数');
    if (params.charset && params.charset.toLowerCase() !== 'utf-8') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-charset', '字符集错误');
    if (params.format && params.format.toUpperCase() !== 'JSON') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-format', '无效的数据格式参数');
    if (!TIMESTAMP.test(params.timestamp ?? '')) return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-timestamp', '非法的时间戳参数');
    if (params.version !== '1.0') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-version', '无效的版本号参数');
    const content = alipaySignContent(params);
    if (!rsa2Verify(content, params.sign ?? '', ctx.keys.alipayApp.publicKey)) {
      return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-signature', `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`);
    }
    if (method !== 'alipay.system.oauth.token') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-method', '不存在的方法名');

    const businessError = (subCode: string, subMsg: string) =>
      gatewayAnswer(ctx, 'error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg });
    if (params.grant_type !== 'authorization_code') return businessError('isv.grant-type-invalid', 'grant_type参数不正确');
    if (!params.code) return businessError('isv.code-invalid', '授权码code无效');
    if (ctx.takeOutage('alipay')) {
      return gatewayAnswer(ctx, 'error_response', { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' });
    }
    const issued = ctx.redeemCode('alipay', params.code);
    if (!issued) return businessError('isv.code-invalid', '授权码code无效');

    const identity = ctx.alipayIdentity === 'open_id' ? { open_id: ctx.openId('alipay', issued.user) } : { user_id: ctx.alipayUserId(issued.user) };
    return gatewayAnswer(ctx, alipayResponseKey(method), {
      ...identity,
      access_token: `authusrB${randomBytes(16).toString('hex')}`,
      expires_in: 1296000,
      refresh_token: `authusrB${randomBytes(16).toString('hex')}`,
      re_expires_in: 2592000,
      auth_start: alipayTimestamp(ctx.clock()),
    });
  });
}
