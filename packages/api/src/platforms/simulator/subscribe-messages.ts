import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { z } from 'zod';
import { LOGIN_PLATFORMS, type LoginPlatform } from '@siyu/shared/platforms';
import { jsonObjectOrUndefined } from '../http.js';
import type { SimulatorContext } from './state.js';

/**
 * Subscription messages as the three platforms play them (docs/protocols/subscription-messages.md): the client's
 * prompt (`requestSubscribeMessage`, stood in for by `POST /subscribe-requests`), one-time consents kept per user and
 * template on the platform's side, the server send APIs with their refusal codes, and what each user received, per
 * platform (`GET /messages`, and a page a person can read at `GET /messages-page`).
 */

export type SimConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface SimReceivedMessage {
  seq: number;
  platform: LoginPlatform;
  openId: string;
  /** The simulated user behind the openId, when the simulator saw them ask (null otherwise). */
  user: string | null;
  templateId: string;
  data: Record<string, string>;
  page: string | null;
  at: string;
}

const SubscribeRequest = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  user: z.string().min(1).max(64),
  tmplIds: z.array(z.string().min(1).max(128)).min(1).max(3),
  /** The user's answer per template; default: accept every one. */
  answers: z.record(z.string(), z.enum(['accept', 'reject', 'ban', 'filter'])).optional(),
});

const FailNext = z.object({
  platform: z.enum(LOGIN_PLATFORMS),
  /** The platform's own error code to answer (WeChat -1, 43101, 47003…; Alipay sub_code; Douyin err_no). */
  code: z.string().min(1).max(40),
  times: z.number().int().min(1).max(100).default(1),
});

/** WeChat's field kinds and their rules (`thing1` → `thing`); a value breaking them is errcode 47003. */
const WEAPP_FIELD_RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]+$/.test(v) && v.length <= 32,
  symbol: (v) => [...v].length <= 5,
  character_string: (v) => /^[\x21-\x7e ]+$/.test(v) && v.length <= 32,
  time: (v) => /^(\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*)?\d{1,2}:\d{2}(:\d{2})?$/.test(v) || /^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?$/.test(v),
  date: (v) => /^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.test(v),
  amount: (v) => /^[¥￥]?\d+(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[+\d-]{1,17}$/.test(v),
  car_number: (v) => [...v].length <= 8,
  name: (v) => [...v].length <= 10 || (/^[A-Za-z ]+$/.test(v) && v.length <= 20),
  phrase: (v) => [...v].length <= 5 && /^[\u4e00-\u9fa5]+$/.test(v),
};

/** Why WeChat would refuse `data` (errcode 47003's errmsg), or null. */
export function weappDataProblem(data: unknown): string | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'argument invalid! data is empty';
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return 'argument invalid! data is empty';
  for (const [key, field] of entries) {
    const value = (field as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') return `argument invalid! data.${key}.value is emtpy`;
    const text = String(value);
    if (text === '') return `argument invalid! data.${key}.value is emtpy`;
    const kind = key.replace(/\d+$/, '');
    const rule = WEAPP_FIELD_RULES[kind];
    if (!rule?.(text)) return `argument invalid! data.${key}.value invalid`;
  }
  return null;
}

function rid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16)}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function registerSubscribeMessageRoutes(app: Hono, ctx: SimulatorContext) {
  /** Unused one-time consents per platform, openId and template. */
  const consents = new Map<string, number>();
  const users = new Map<string, string>();
  const received: SimReceivedMessage[] = [];
  const failures = new Map<LoginPlatform, { code: string; times: number }>();
  const key = (platform: LoginPlatform, openId: string, templateId: string) => `${platform}|${openId}|${templateId}`;

  function takeFailure(platform: LoginPlatform): string | null {
    const f = failures.get(platform);
    if (!f) return null;
    if (--f.times <= 0) failures.delete(platform);
    return f.code;
  }
  /** Spends one consent; false when none is left (the platform's "not subscribed" refusal). */
  function spendConsent(platform: LoginPlatform, openId: string, templateId: string): boolean {
    const k = key(platform, openId, templateId);
    const left = consents.get(k) ?? 0;
    if (left <= 0) return false;
    consents.set(k, left - 1);
    return true;
  }
  function deliver(platform: LoginPlatform, openId: string, templateId: string, data: Record<string, string>, page: string | null) {
    received.push({
      seq: received.length + 1,
      platform,
      openId,
      user: users.get(`${platform}|${openId}`) ?? null,
      templateId,
      data,
      page,
      at: ctx.clock.now().toISOString(),
    });
  }

  function ask(platform: LoginPlatform, user: string, tmplIds: string[], answers: Record<string, SimConsentAnswer> = {}) {
    const openId = platform === 'alipay' && ctx.alipayIdentity === 'user_id' ? ctx.alipayUserId(user) : ctx.openId(platform, user);
    users.set(`${platform}|${openId}`, user);
    const results: Record<string, SimConsentAnswer> = {};
    for (const id of tmplIds) {
      const answer = answers[id] ?? 'accept';
      results[id] = answer;
      if (answer === 'accept') consents.set(key(platform, openId, id), (consents.get(key(platform, openId, id)) ?? 0) + 1);
    }
    return { openId, results };
  }

  /** Stand-in for wx/my/tt.requestSubscribeMessage: the user's answers, each accept one consent on the platform. */
  app.post('/subscribe-requests', async (c) => {
    const parsed = SubscribeRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json({ error: { code: 'VALIDATION_FAILED', message: `${issue?.path.join('.') || 'body'}: ${issue?.message}` } }, 400);
    }
    const { platform, user, tmplIds, answers } = parsed.data;
    const { results } = ask(platform, user, tmplIds, answers);
    return c.json({ errMsg: 'requestSubscribeMessage:ok', results });
  });

  /** The next `times` sends on `platform` answer `code` (busy, refused, bad data…). */
  app.post('/subscribe-failures', async (c) => {
    const parsed = FailNext.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: { code: 'VALIDATION_FAILED', message: parsed.error.issues[0]?.message } }, 400);
    failures.set(parsed.data.platform, { code: parsed.data.code, times: parsed.data.times });
    return c.json({ ok: true });
  });

  // WeChat: POST /cgi-bin/message/subscribe/send?access_token=…
  app.post('/weapp/cgi-bin/message/subscribe/send', async (c) => {
    const answer = (errcode: number, errmsg: string) =>
      new Response(JSON.stringify({ errcode, errmsg: errcode === 0 ? 'ok' : `${errmsg} rid: ${rid()}` }), {
        headers: { 'content-type': 'application/json' },
      });
    const token = c.req.query('access_token');
    if (!token) return answer(41001, 'access_token missing');
    const state = ctx.weappTokenState(token);
    if (state === 'invalid') return answer(40001, 'invalid credential, access_token is invalid or not latest');
    if (state === 'expired') return answer(42001, 'access_token expired');
    const body = jsonObjectOrUndefined(await c.req.text());
    if (!body) return answer(47001, 'data format error');
    const failure = takeFailure('weapp');
    if (failure) return answer(Number(failure), 'simulated');
    const touser = typeof body.touser === 'string' ? body.touser : '';
    const templateId = typeof body.template_id === 'string' ? body.template_id : '';
    if (!touser) return answer(40003, 'invalid openid');
    if (!templateId) return answer(40037, 'invalid template_id');
    const problem = weappDataProblem(body.data);
    if (problem) return answer(47003, problem);
    if (!spendConsent('weapp', touser, templateId)) return answer(43101, 'user refuse to accept the msg');
    const data = Object.fromEntries(Object.entries(body.data as Record<string, { value: unknown }>).map(([k, v]) => [k, String(v.value)]));
    deliver('weapp', touser, templateId, data, typeof body.page === 'string' ? body.page : null);
    return answer(0, 'ok');
  });

  // Alipay: alipay.open.app.mini.templatemessage.send through the signed gateway.
  ctx.alipayMethods.set('alipay.open.app.mini.templatemessage.send', (params) => {
    const fail = (subCode: string, subMsg: string) => ({
      error: false,
      payload: { code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMsg },
    });
    const failure = takeFailure('alipay');
    if (failure === '20000')
      return { error: true, payload: { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' } };
    if (failure) return fail(failure, 'simulated');
    const biz = jsonObjectOrUndefined(params.biz_content ?? '');
    const to = typeof biz?.to_open_id === 'string' ? biz.to_open_id : typeof biz?.to_user_id === 'string' ? biz.to_user_id : '';
    const templateId = typeof biz?.user_template_id === 'string' ? biz.user_template_id : '';
    if (!biz || !to) return fail('INVALID_PARAMETER', 'to_user_id 或 to_open_id 必填');
    if (!templateId) return fail('USER_TEMPLATE_ILLEGAL', '模板不合法');
    const data = jsonObjectOrUndefined(typeof biz.data === 'string' ? biz.data : '');
    if (!data || Object.keys(data).length === 0) return fail('INVALID_PARAMETER', 'data 不合法');
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) {
      const value = (v as { value?: unknown } | null)?.value;
      if (!/^keyword\d+$/.test(k) || (typeof value !== 'string' && typeof value !== 'number') || String(value) === '')
        return fail('INVALID_PARAMETER', `data.${k} 不合法`);
      values[k] = String(value);
    }
    if (!spendConsent('alipay', to, templateId)) return fail('USER_NOT_SUBSCRIBED', '用户未订阅该模板');
    deliver('alipay', to, templateId, values, typeof biz.page === 'string' ? biz.page : null);
    return { error: false, payload: { code: '10000', msg: 'Success' } };
  });

  // Douyin: POST open.douyin.com/api/notification/v2/subscription/notify_user/ with the client token.
  app.post('/douyin-open/api/notification/v2/subscription/notify_user/', async (c) => {
    const answer = (errNo: number, errMsg: string) =>
      c.json({ err_no: errNo, err_msg: errMsg, log_id: randomBytes(13).toString('hex').toUpperCase() });
    const expiry = ctx.ttClientTokens.get(c.req.header('access-token') ?? '');
    if (expiry === undefined || expiry <= ctx.clock.now().getTime()) return answer(28001008, 'access_token无效或已过期');
    const body = jsonObjectOrUndefined(await c.req.text());
    const failure = takeFailure('tt');
    if (failure) return answer(Number(failure), 'simulated');
    const openId = typeof body?.open_id === 'string' ? body.open_id : '';
    const msgId = typeof body?.msg_id === 'string' ? body.msg_id : '';
    const data = body?.data as Record<string, unknown> | undefined;
    if (!openId || !msgId || !data || typeof data !== 'object' || Object.keys(data).length === 0) return answer(28014001, '参数错误');
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) {
      if ((typeof v !== 'string' && typeof v !== 'number') || String(v) === '' || [...String(v)].length > 20)
        return answer(28014001, `参数错误: ${k}`);
      values[k] = String(v);
    }
    if (!spendConsent('tt', openId, msgId)) return answer(28010008, '用户未订阅该消息');
    deliver('tt', openId, msgId, values, typeof body?.page === 'string' ? body.page : null);
    return answer(0, '');
  });

  const listOf = (platform?: string, user?: string) => received.filter((m) => (!platform || m.platform === platform) && (!user || m.user === user));

  /** What users received: `?platform=weapp&user=…` to narrow it. */
  app.get('/messages', (c) => c.json({ items: listOf(c.req.query('platform'), c.req.query('user')) }));

  /** The same, as a page a person can read. */
  app.get('/messages-page', (c) => {
    const names: Record<LoginPlatform, string> = { weapp: '微信 · 服务通知', alipay: '支付宝 · 消息', tt: '抖音 · 消息' };
    const items = listOf(c.req.query('platform'), c.req.query('user')).slice().reverse();
    const rows = items
      .map(
        (m) =>
          `<li class="msg" data-platform="${m.platform}"><div class="head">${escapeHtml(names[m.platform])} · ${escapeHtml(m.user ?? m.openId)} · ${escapeHtml(m.at)}</div>` +
          `<div class="tpl">模板 ${escapeHtml(m.templateId)}${m.page ? ` → ${escapeHtml(m.page)}` : ''}</div><dl>` +
          Object.entries(m.data)
            .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
            .join('') +
          '</dl></li>',
      )
      .join('');
    return c.html(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>模拟平台 · 收到的订阅消息</title>` +
        '<style>body{font-family:system-ui,sans-serif;max-width:560px;margin:24px auto;padding:0 16px}ul{list-style:none;padding:0}' +
        '.msg{border:1px solid #ddd;border-radius:8px;padding:12px;margin:12px 0}.head{font-weight:600}.tpl{color:#666;font-size:13px;margin:4px 0}' +
        'dl{display:grid;grid-template-columns:auto minmax(0,1fr);gap:4px 12px;margin:8px 0 0}dt{color:#888}dd{margin:0;word-break:break-all}.head{word-break:break-all}</style></head><body>' +
        `<h1>收到的订阅消息</h1><p id="count">${items.length} 条</p><ul id="messages">${rows}</ul></body></html>`,
    );
  });

  return {
    ask,
    received: received as readonly SimReceivedMessage[],
    /** Unused one-time consents the platform holds for this user and template. */
    consentsLeft(platform: LoginPlatform, openId: string, templateId: string): number {
      return consents.get(key(platform, openId, templateId)) ?? 0;
    },
    failNext(platform: LoginPlatform, code: string, times = 1) {
      failures.set(platform, { code, times });
    },
  };
}
