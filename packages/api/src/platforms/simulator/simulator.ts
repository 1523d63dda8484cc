import { createHmac, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { LOGIN_PLATFORMS, type LoginPlatform } from '@siyu/shared/platforms';
import { alipaySignContent, rsa2Sign, rsa2Verify } from '../alipay-sign.js';
import type { PlatformsConfig } from '../index.js';
import type { FetchLike } from '../types.js';
import { sharedTestKeys, type SimulatorKeys } from './keys.js';

const CODE_TTL_MS = 5 * 60 * 1000;
const WEAPP_LOGINS_PER_MINUTE = 100;

export const SIMULATOR_APPS = {
  weapp: { appId: 'wxsimulator0000001', appSecret: 'sim-weapp-secret' },
  alipay: { appId: '2021000000000001' },
  tt: { appId: 'ttsimulator0000001', appSecret: 'sim-tt-secret' },
} as const;

interface IssuedCode {
  platform: LoginPlatform;
  user: string;
  expiresAt: number;
}

const CodeRequest = z.object({ platform: z.enum(LOGIN_PLATFORMS), user: z.string().min(1).max(64) }).strict();

/**
 * A local stand-in for WeChat, Alipay and Douyin's login services, speaking their real request and
 * response shapes, signatures and error codes (PROTOCOLS.md), so the production adapters run unchanged.
 * Mount `app` anywhere (`/__sim` in development) or call it in-process.
 */
export function createPlatformSimulator(options: { clock?: () => Date; keys?: SimulatorKeys; secret?: string } = {}) {
  const clock = options.clock ?? (() => new Date());
  const keys = options.keys ?? sharedTestKeys();
  const identitySecret = options.secret ?? 'siyu-simulator';
  const codes = new Map<string, IssuedCode>();
  const weappCalls = new Map<string, number[]>();

  const openIdOf = (platform: LoginPlatform, user: string) =>
    `${platform === 'alipay' ? '0' : 'o'}${createHmac('sha256', identitySecret).update(`${platform}:${SIMULATOR_APPS[platform].appId}:${user}`).digest('base64url').slice(0, 27)}`;
  const unionIdOf = (user: string) => `u${createHmac('sha256', identitySecret).update(`union:${user}`).digest('base64url').slice(0, 27)}`;

  function issueCode(platform: LoginPlatform, user: string): { code: string; expiresIn: number } {
    const code = `${platform}_${randomBytes(16).toString('hex')}`;
    codes.set(code, { platform, user, expiresAt: clock().getTime() + CODE_TTL_MS });
    return { code, expiresIn: CODE_TTL_MS / 1000 };
  }

  /** Takes a code for good: one-time, platform-bound, expiring by the injected clock. */
  function redeem(platform: LoginPlatform, code: string): IssuedCode | null {
    const issued = codes.get(code);
    if (!issued || issued.platform !== platform) return null;
    codes.delete(code);
    return issued.expiresAt >= clock().getTime() ? issued : null;
  }

  function alipayAnswer(member: string, payload: Record<string, unknown>): Response {
    const raw = JSON.stringify(payload);
    const sign = rsa2Sign(raw, keys.alipayPlatform.privateKey);
    return new Response(`{"${member}":${raw},"sign":"${sign}"}`, { headers: { 'content-type': 'application/json;charset=utf-8' } });
  }

  const app = new Hono();

  app.post('/login-codes', async (c) => {
    const parsed = CodeRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json({ error: { code: 'VALIDATION_FAILED', message: `${issue?.path.join('.') || 'body'}: ${issue?.message}` } }, 400);
    }
    return c.json(issueCode(parsed.data.platform, parsed.data.user));
  });

  app.get('/weapp/sns/jscode2session', (c) => {
    const q = c.req.query();
    const rid = randomBytes(6).toString('hex');
    if (q.appid !== SIMULATOR_APPS.weapp.appId || q.secret !== SIMULATOR_APPS.weapp.appSecret) {
      return c.json({ errcode: 40125, errmsg: `invalid appsecret, rid: ${rid}` });
    }
    if (q.grant_type !== 'authorization_code') return c.json({ errcode: 40002, errmsg: `invalid grant_type, rid: ${rid}` });
    const issued = redeem('weapp', q.js_code ?? '');
    if (!issued) return c.json({ errcode: 40029, errmsg: `invalid code, rid: ${rid}` });
    const now = clock().getTime();
    const recent = (weappCalls.get(issued.user) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    weappCalls.set(issued.user, recent);
    if (recent.length > WEAPP_LOGINS_PER_MINUTE) return c.json({ errcode: 45011, errmsg: `api minute-quota reach limit mustslower retry next minute, rid: ${rid}` });
    return c.json({ openid: openIdOf('weapp', issued.user), session_key: randomBytes(16).toString('base64'), unionid: unionIdOf(issued.user) });
  });

  app.post('/alipay/gateway.do', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text())) as Record<string, string>;
    const method = form.method ?? '';
    const member = `${method.replaceAll('.', '_')}_response`;
    const fail = (code: string, msg: string, sub_code: string, sub_msg: string) => alipayAnswer('error_response', { code, msg, sub_code, sub_msg });
    if (form.app_id !== SIMULATOR_APPS.alipay.appId) return fail('40002', 'Invalid Arguments', 'isv.invalid-app-id', '无效的AppID参数');
    if (form.sign_type !== 'RSA2' || !form.sign || !rsa2Verify(alipaySignContent(form), form.sign, keys.alipayApp.publicKey)) {
      return fail('40002', 'Invalid Arguments', 'isv.invalid-signature', '验签出错');
    }
    if (method !== 'alipay.system.oauth.token') return fail('40002', 'Invalid Arguments', 'isv.invalid-method', '不存在的方法名');
    if (form.grant_type !== 'authorization_code') return fail('40002', 'Invalid Arguments', 'isv.grant-type-invalid', 'grant_type参数不正确');
    const issued = redeem('alipay', form.code ?? '');
    if (!issued) return fail('40002', 'Invalid Arguments', 'isv.code-invalid', '授权码code无效');
    const openId = openIdOf('alipay', issued.user);
    return alipayAnswer(member, {
      user_id: `2088${createHmac('sha256', identitySecret).update(issued.user).digest('hex').replace(/\D/g, '').padEnd(12, '0').slice(0, 12)}`,
      open_id: openId,
      access_token: `authbseB${randomBytes(12).toString('hex')}`,
      expires_in: 31536000,
      refresh_token: `authbseB${randomBytes(12).toString('hex')}`,
      re_expires_in: 31536000,
      auth_start: new Date(clock().getTime() + 8 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19),
    });
  });

  app.post('/tt/api/apps/v2/jscode2session', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, string> | null;
    if (!body || body.appid !== SIMULATOR_APPS.tt.appId || body.secret !== SIMULATOR_APPS.tt.appSecret) {
      return c.json({ err_no: 40014, err_tips: 'bad appid or secret', data: { session_key: '', openid: '', anonymous_openid: '', unionid: '' } });
    }
    const issued = redeem('tt', body.code ?? '');
    if (!issued) return c.json({ err_no: 40018, err_tips: 'bad code', data: { session_key: '', openid: '', anonymous_openid: '', unionid: '' } });
    return c.json({
      err_no: 0,
      err_tips: 'success',
      data: { session_key: randomBytes(16).toString('base64'), openid: openIdOf('tt', issued.user), anonymous_openid: '', unionid: unionIdOf(issued.user) },
    });
  });

  return {
    app,
    keys,
    issueCode,
    /** Adapter settings that point the production adapters at this simulator under `baseUrl`. */
    platformsConfig(baseUrl: string): PlatformsConfig {
      return {
        weapp: { ...SIMULATOR_APPS.weapp, baseUrl: `${baseUrl}/weapp` },
        alipay: {
          appId: SIMULATOR_APPS.alipay.appId,
          appPrivateKey: keys.alipayApp.privateKey,
          alipayPublicKey: keys.alipayPlatform.publicKey,
          gatewayUrl: `${baseUrl}/alipay/gateway.do`,
        },
        tt: { ...SIMULATOR_APPS.tt, baseUrl: `${baseUrl}/tt` },
      };
    },
  };
}

export type PlatformSimulator = ReturnType<typeof createPlatformSimulator>;

/** The base URL the in-process simulator answers under. */
export const SIMULATOR_BASE = 'http://platform-simulator.local';

/** A fetch that hands requests for SIMULATOR_BASE to the simulator in-process (development and tests). */
export function simulatorFetch(simulatorApp: Hono<any>): FetchLike {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(SIMULATOR_BASE)) return Promise.reject(new Error(`simulator fetch: unexpected URL ${url}`));
    return Promise.resolve(simulatorApp.request(url.slice(SIMULATOR_BASE.length), init));
  };
}
