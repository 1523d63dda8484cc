import { AppError } from '../lib/app-error.js';
import type { Clock } from '../lib/clock.js';
import { callAlipayGateway } from './alipay.js';
import type { PlatformsConfig } from './config.js';
import { asRecord, callPlatform, nonEmptyString, PLATFORM_TIMEOUT_MS, parseJsonObject } from './http.js';
import { DOUYIN_OPEN_BASE } from './tt-pay.js';
import type { FetchLike } from './types.js';
import { createAccessTokenCache } from './weapp.js';

/** A code that opens `page` with the share id (docs/protocols/mini-program-codes.md). */
export interface MiniProgramCodeRequest {
  /** The page the code opens, without a leading slash or a query: `pages/index/index`. */
  page: string;
  /** The share id (≤ 32 characters of WeChat's scene alphabet). */
  scene: string;
}

/** One platform's code API: a PNG (Alipay's image as its CDN serves it). */
export type MiniProgramCodeAdapter = (request: MiniProgramCodeRequest) => Promise<Buffer>;

const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

async function imageOrJson(platform: string, response: Response): Promise<{ image: Buffer } | { json: Record<string, unknown> }> {
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.startsWith('image/')) return { image: bytes };
  return { json: parseJsonObject(platform, bytes.toString('utf8')) };
}

/**
 * The three platforms' mini-program code APIs: WeChat `wxa/getwxacodeunlimit` (scene = the share id), Alipay
 * `alipay.open.app.qrcode.create` (query_param `s=<id>`; the answer is an image URL, fetched), Douyin
 * `api/apps/v1/qrcode/create` (path `encode(page?s=<id>)`; the image in base64). Access tokens as each platform
 * requires: WeChat's stable token (shared with the phone-number calls' cache shape), Douyin's client token, Alipay's
 * signed gateway request.
 */
export function createMiniProgramCodes(
  config: PlatformsConfig,
  fetch: FetchLike,
  clock: Clock,
): Record<'weapp' | 'alipay' | 'tt', MiniProgramCodeAdapter> {
  const wechatBase = (config.weapp.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  const wechatToken = createAccessTokenCache(config.weapp, wechatBase, fetch, clock);

  async function wechatOnce(request: MiniProgramCodeRequest, token: string): Promise<Buffer | 'stale'> {
    let response: Response;
    try {
      response = await fetch(`${wechatBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scene: request.scene, page: request.page, check_path: false, env_version: 'release', width: 430 }),
        signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
      });
    } catch {
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat could not be reached');
    }
    if (response.status >= 500) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat is unavailable', { status: response.status });
    const answer = await imageOrJson('WeChat', response);
    if ('image' in answer) return answer.image;
    const errcode = Number(answer.json.errcode ?? 0);
    if (STALE_TOKEN_ERRCODES.has(errcode)) return 'stale';
    const details = { errcode, errmsg: typeof answer.json.errmsg === 'string' ? answer.json.errmsg : undefined };
    if (errcode === -1) throw new AppError('PLATFORM_BUSY', 'WeChat is busy; retry shortly', details, { 'Retry-After': '2' });
    if (errcode === 45009) throw new AppError('RATE_LIMITED', 'WeChat says too many codes this minute', details, { 'Retry-After': '60' });
    throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat made no mini-program code', details);
  }

  let ttToken: { value: string; refreshAt: number } | null = null;
  const ttOpen = (config.tt.pay?.openApiBaseUrl ?? DOUYIN_OPEN_BASE).replace(/\/+$/, '');
  async function douyinToken(): Promise<string> {
    const now = clock.now().getTime();
    if (ttToken && ttToken.refreshAt > now) return ttToken.value;
    const { text } = await callPlatform(fetch, 'Douyin', `${ttOpen}/oauth/client_token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_key: config.tt.appId, client_secret: config.tt.appSecret, grant_type: 'client_credential' }),
    });
    const data = asRecord(parseJsonObject('Douyin', text).data);
    const value = nonEmptyString(data?.access_token);
    if (!value || data?.error_code !== 0)
      throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin refused a client token (check TT_APP_ID / TT_APP_SECRET)');
    const expiresIn = typeof data?.expires_in === 'number' ? data.expires_in : 0;
    ttToken = { value, refreshAt: now + Math.max(0, expiresIn - 300) * 1000 };
    return value;
  }

  return {
    async weapp(request) {
      const first = await wechatToken.get();
      const answer = await wechatOnce(request, first);
      if (answer !== 'stale') return answer;
      wechatToken.invalidate(first);
      const again = await wechatOnce(request, await wechatToken.get());
      if (again !== 'stale') return again;
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat refused a freshly issued access token');
    },

    async alipay(request) {
      const biz = { url_param: request.page, query_param: `s=${request.scene}`, describe: '分享码' };
      const result = await callAlipayGateway(config.alipay, fetch, clock.now(), 'alipay.open.app.qrcode.create', {
        biz_content: JSON.stringify(biz),
      });
      if (!result.ok) {
        const busy = result.error.code === '20000';
        throw new AppError(busy ? 'PLATFORM_BUSY' : 'PLATFORM_UNAVAILABLE', 'Alipay made no mini-program code', { ...result.error });
      }
      const url = nonEmptyString(result.data.qr_code_url);
      if (!url) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without qr_code_url');
      const image = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) }).catch(() => {
        throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay’s code image could not be fetched');
      });
      if (!image.ok) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay’s code image could not be fetched', { status: image.status });
      return Buffer.from(await image.arrayBuffer());
    },

    async tt(request) {
      const token = await douyinToken();
      const { text } = await callPlatform(fetch, 'Douyin', `${ttOpen}/api/apps/v1/qrcode/create/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'access-token': token },
        body: JSON.stringify({
          appid: config.tt.appId,
          app_name: 'douyin',
          path: encodeURIComponent(`${request.page}?s=${request.scene}`),
          width: 430,
        }),
      });
      const body = parseJsonObject('Douyin', text);
      const errNo = Number(body.err_no ?? -1);
      const img = nonEmptyString(asRecord(body.data)?.img);
      if (errNo === 0 && img) return Buffer.from(img, 'base64');
      if (errNo === 28001008) ttToken = null;
      const details = { err_no: errNo, err_msg: typeof body.err_msg === 'string' ? body.err_msg : undefined };
      if (errNo === -1) throw new AppError('PLATFORM_BUSY', 'Douyin is busy; retry shortly', details, { 'Retry-After': '2' });
      throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin made no mini-program code', details);
    },
  };
}
