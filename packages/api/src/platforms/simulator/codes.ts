import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import QRCode from 'qrcode';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

/**
 * The platforms' mini-program code APIs, played by the simulator (docs/protocols/mini-program-codes.md): each answers a
 * real PNG whose QR content carries the page and the scene or query, so a test can decode it and find the share id.
 * WeChat `POST /weapp/wxa/getwxacodeunlimit`, Alipay's gateway method `alipay.open.app.qrcode.create` (an image URL,
 * served at `/alipay/qrcode-images/:id`), Douyin `POST /douyin-open/api/apps/v1/qrcode/create/` (base64 in `data.img`).
 */

/** What a simulated code says when scanned: where it opens and with what. */
export const simulatedCodeText = (platform: string, page: string, query: string) => `https://codes.simulator.test/${platform}/${page}?${query}`;

export const codePng = (text: string, width = 430) =>
  QRCode.toBuffer(text, { type: 'png', width: Math.max(280, Math.min(1280, width)), margin: 2, errorCorrectionLevel: 'M' });

/** WeChat's scene: at most 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~. */
const WECHAT_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

const wechatError = (errcode: number, errmsg: string) =>
  new Response(JSON.stringify({ errcode, errmsg }), { headers: { 'content-type': 'application/json; charset=utf-8' } });

export function registerCodeRoutes(app: Hono, ctx: SimulatorContext, tt: { tokenValid(token: string): boolean }, publicBase: () => string) {
  const alipayImages = new Map<string, Buffer>();

  app.post('/weapp/wxa/getwxacodeunlimit', async (c) => {
    const token = c.req.query('access_token');
    if (!token) return wechatError(41001, 'access_token missing');
    const state = ctx.weappTokenState(token);
    if (state === 'invalid') return wechatError(40001, 'invalid credential, access_token is invalid or not latest');
    if (state === 'expired') return wechatError(42001, 'access_token expired');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return wechatError(47001, 'data format error');
    const scene = typeof body.scene === 'string' ? body.scene : '';
    if (!WECHAT_SCENE.test(scene)) return wechatError(40169, 'invalid length for scene, or the data is not json string');
    const page = body.page === undefined ? 'pages/index/index' : body.page;
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return wechatError(41030, 'invalid page');
    const width = body.width === undefined ? 430 : Number(body.width);
    if (!Number.isInteger(width) || width < 280 || width > 1280) return wechatError(47001, 'data format error');
    if (ctx.takeOutage('weapp')) return wechatError(-1, 'system error');
    const png = await codePng(simulatedCodeText('weapp', page, `scene=${scene}`), width);
    return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
  });

  app.get('/alipay/qrcode-images/:id', (c) => {
    const png = alipayImages.get(c.req.param('id'));
    return png ? new Response(new Uint8Array(png), { headers: { 'content-type': 'image/jpeg' } }) : c.text('not found', 404);
  });

  app.post('/douyin-open/api/apps/v1/qrcode/create/', async (c) => {
    const fail = (errNo: number, msg: string) => c.json({ err_no: errNo, err_msg: msg, log_id: randomBytes(8).toString('hex'), data: null });
    if (!tt.tokenValid(c.req.header('access-token') ?? '')) return fail(28001008, 'access_token无效或已过期');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return fail(28005001, '参数错误');
    if (body.appid !== SIMULATOR_APPS.tt.appId) return fail(28005001, 'appid 错误');
    const appName = body.app_name ?? 'toutiao';
    if (!['toutiao', 'douyin', 'douyin_lite', 'douyin_search', 'toutiao_lite', 'all'].includes(String(appName)))
      return fail(28005001, 'app_name 错误');
    const width = body.width === undefined ? 430 : Number(body.width);
    if (!Number.isInteger(width) || width < 280 || width > 1280) return fail(28005001, 'width 超过指定范围');
    if (typeof body.path !== 'string') return fail(28005001, 'path 错误');
    if (ctx.takeOutage('tt')) return fail(-1, '系统错误');
    // The path is encode({path}?{query}), encoded once.
    const decoded = decodeURIComponent(body.path);
    const [page = '', query = ''] = decoded.split('?');
    const png = await codePng(simulatedCodeText('tt', page, query), width);
    return c.json({ err_no: 0, err_msg: '', log_id: randomBytes(8).toString('hex'), data: { img: png.toString('base64') } });
  });

  /** The Alipay gateway's `alipay.open.app.qrcode.create`, after the gateway checked the signature. */
  async function alipayQrcodeCreate(params: Record<string, string>): Promise<Record<string, unknown>> {
    let biz: Record<string, unknown> | null = null;
    try {
      biz = JSON.parse(params.biz_content ?? '') as Record<string, unknown>;
    } catch {
      biz = null;
    }
    if (!biz) return { code: '40001', msg: 'Missing Required Arguments', sub_code: 'isv.missing-biz-content', sub_msg: '缺少biz_content参数' };
    const query = biz.query_param;
    if (typeof query !== 'string' || !query)
      return { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-parameter', sub_msg: '参数query_param不能为空' };
    const page = typeof biz.url_param === 'string' ? biz.url_param : 'pages/index/index';
    if (ctx.takeOutage('alipay')) return { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' };
    const id = randomBytes(8).toString('hex');
    alipayImages.set(id, await codePng(simulatedCodeText('alipay', page, query)));
    return { code: '10000', msg: 'Success', qr_code_url: `${publicBase()}/alipay/qrcode-images/${id}` };
  }

  return { alipayQrcodeCreate };
}
