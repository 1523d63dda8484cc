// @vitest-environment jsdom
/**
 * The compiled WeChat output, loaded with miniprogram-simulate and WeChat's own template compiler (wcc):
 * app.js launches (silent wx.login through the API's simulator), the check-in page renders from the API,
 * a tap on the button checks in, and the page shows the streak the API recorded. Then the storefront: the home
 * page lists the seeded catalog, and a product page renders its SKUs from the API, greys out the combination
 * that is out of stock, and adds the chosen SKU to the member's cart on the server. Payments through
 * wx.requestPayment; and coupons: claimed in the claim centre, listed in my coupons, chosen at checkout and paid
 * with (the sheet's trade is of the discounted amount). Points: the member page's points card and the history with its filters; a points-plus-cash redemption paid
 * through wx.requestPayment. Tiers: the member page's tier card, a move up when staff grant
 * growth, and the benefits page with the member's tier highlighted.
 */
import { createVerify } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { addDays, businessDateOf } from '@siyu/shared/business-day';
import { formatYuan } from '@siyu/shared/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST,
  apiCall,
  createAddress,
  createCouponTemplate,
  createMemberOrder,
  createSpecProduct,
  memberWrite,
  moveClock,
  simulatorCode,
  simulatorPhoneProof,
  simulatorKeys,
  simulatorPay,
  simulatorTrade,
  staffToken,
  startApi,
  type RunningApi,
} from './api-server.js';

const require = createRequire(import.meta.url);
const ROOT = path.join(DIST, 'weapp');
const BUILT_API_BASE = 'http://127.0.0.1:3000'; // config/platforms.json default baked into the build

let api: RunningApi;
const storage = new Map<string, unknown>();
const requests: string[] = [];
let lastAuthorization: string | undefined;
const toasts: string[] = [];
/** Where the pages asked to go (wx.navigateTo / redirectTo / switchTab urls). */
const navigations: string[] = [];
/** What the shopper does in the payment sheet opened by wx.requestPayment; set by each payment test. */
let paymentSheet: ((params: Record<string, unknown>) => Promise<{ ok: true } | { ok: false; errMsg: string }>) | null = null;
const paymentCalls: Array<Record<string, unknown>> = [];
/** Assertions that failed inside the payment sheet mock (they would otherwise only look like a failed payment). */
const sheetErrors: string[] = [];
/** What the member answers in WeChat's subscription prompt (wx.requestSubscribeMessage); null: the prompt fails. */
let subscribePrompt: ((opts: Record<string, any>) => Record<string, string>) | null = null;
/** What WeChat's address book answers to wx.chooseAddress (the address page's import); set by the test that uses it. */
let addressBook: (() => Record<string, string>) | null = null;

type Wx = Record<string, any>;
const appHideListeners: Array<() => void> = [];

function installWx(wx: Wx) {
  wx.login = (opts: any = {}) => {
    const p = simulatorCode(api.base, 'weapp', 'simulate-shopper').then((code) => ({ code, errMsg: 'login:ok' }));
    p.then(
      (r) => opts.success?.(r),
      (e) => opts.fail?.({ errMsg: String(e) }),
    ).finally(() => opts.complete?.());
    return p;
  };
  wx.request = (opts: any) => {
    const url = String(opts.url).replace(BUILT_API_BASE, api.base);
    requests.push(`${opts.method ?? 'GET'} ${url.replace(api.base, '')}`);
    const authorization = opts.header?.authorization ?? opts.header?.Authorization;
    if (authorization) lastAuthorization = authorization;
    const controller = new AbortController();
    fetch(url, {
      method: opts.method ?? 'GET',
      headers: opts.header,
      body: opts.data === undefined || (opts.method ?? 'GET') === 'GET' ? undefined : JSON.stringify(opts.data),
      signal: controller.signal,
    })
      .then(async (res) => {
        const text = await res.text();
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        const result = { statusCode: res.status, data, header: Object.fromEntries(res.headers), errMsg: 'request:ok' };
        opts.success?.(result);
        opts.complete?.(result);
      })
      .catch((err) => {
        opts.fail?.({ errMsg: `request:fail ${err}` });
        opts.complete?.({ errMsg: 'request:fail' });
      });
    return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} };
  };
  wx.chooseAddress = (opts: any = {}) => {
    const picked = addressBook ? { ...addressBook(), errMsg: 'chooseAddress:ok' } : null;
    const res = picked ?? { errMsg: 'chooseAddress:fail cancel' };
    (picked ? opts.success : opts.fail)?.(res);
    opts.complete?.(res);
  };
  // The app's hide and network events (the tracker flushes on them); a test fires them through these lists.
  wx.onAppHide = (cb: () => void) => void appHideListeners.push(cb);
  wx.onNetworkStatusChange = () => undefined;
  wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
  wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  wx.removeStorageSync = (key: string) => void storage.delete(key);
  // wx.requestPayment: the JSAPI parameters go to WeChat's sheet; success means the shopper paid (the server still decides).
  wx.requestPayment = (opts: any = {}) => {
    const { success, fail, complete, ...params } = opts;
    paymentCalls.push(params);
    const sheet = paymentSheet;
    const p = (sheet ? sheet(params) : Promise.reject(new Error('no payment sheet set by this test'))).catch((e) => {
      sheetErrors.push(String(e?.stack ?? e));
      return { ok: false as const, errMsg: `requestPayment:fail ${e}` };
    });
    const settled = p.then((r) => {
      const res = { errMsg: r.ok ? 'requestPayment:ok' : r.errMsg };
      (r.ok ? success : fail)?.(res);
      complete?.(res);
      return r.ok ? res : Promise.reject(res);
    });
    if (success || fail || complete) {
      settled.catch(() => undefined);
      return undefined;
    }
    return settled;
  };
  for (const name of [
    'showToast',
    'showLoading',
    'hideLoading',
    'navigateTo',
    'redirectTo',
    'switchTab',
    'setNavigationBarTitle',
    'stopPullDownRefresh',
  ]) {
    wx[name] = (opts: any = {}) => {
      if (name === 'showToast') toasts.push(String(opts.title ?? ''));
      if (name === 'navigateTo' || name === 'redirectTo' || name === 'switchTab') navigations.push(String(opts.url ?? ''));
      opts.success?.({ errMsg: `${name}:ok` });
      opts.complete?.();
      return Promise.resolve({ errMsg: `${name}:ok` });
    };
  }
  // The subscription prompt: answered by the test that expects it, otherwise it fails as when subscriptions are off.
  wx.requestSubscribeMessage = (opts: any = {}) => {
    const res = subscribePrompt ? subscribePrompt(opts) : null;
    if (res) {
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    }
    const err = { errMsg: 'requestSubscribeMessage:fail', errCode: 20004 };
    opts.fail?.(err);
    opts.complete?.(err);
    return Promise.reject(err);
  };
  // A modal is answered with its confirm button.
  wx.showModal = (opts: any = {}) => {
    const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
    opts.success?.(res);
    opts.complete?.(res);
    return Promise.resolve(res);
  };
  wx.getSystemInfoSync = () => ({
    platform: 'devtools',
    windowWidth: 375,
    windowHeight: 812,
    pixelRatio: 2,
    SDKVersion: '3.0.0',
    language: 'zh_CN',
    version: '8.0.0',
  });
}

/** Taro pages call Page(); miniprogram-simulate knows Component(): map page hooks onto lifetimes. */
function installPageShim(routes: Map<unknown, string>) {
  const g = globalThis as any;
  g.Page = (config: Record<string, any>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v;
    g.Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = this.__route__ = routes.get('current');
          g.__currentPages = [this];
          config.onLoad?.call(this, pageQuery);
          config.onShow?.call(this);
        },
        ready(this: any) {
          config.onReady?.call(this);
        },
        detached(this: any) {
          config.onUnload?.call(this);
        },
      },
    });
  };
  g.getCurrentPages = () => g.__currentPages ?? [];
}

function findDom(root: Element, className: string): Element | null {
  return root.querySelector(`[class~="${className}"]`) ?? root.querySelector(`[class*="${className}"]`);
}

async function waitFor<T>(probe: () => T | null | undefined | false, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; requests so far: ${requests.join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function tap(el: Element) {
  const exparser = require(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }));
  const wxEl = (el as any).__wxElement;
  if (!wxEl) throw new Error('element has no exparser node');
  exparser.Event.dispatchEvent(
    wxEl,
    exparser.Event.create(
      'tap',
      {},
      { originalEvent: new CustomEvent('tap'), bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } },
    ),
  );
}

/** A component event other than a tap (getphonenumber, …), with the platform's `detail`, as exparser delivers it. */
function fire(el: Element, type: string, detail: Record<string, unknown>) {
  const exparser = require(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }));
  const wxEl = (el as any).__wxElement;
  if (!wxEl) throw new Error('element has no exparser node');
  exparser.Event.dispatchEvent(wxEl, exparser.Event.create(type, detail, { originalEvent: new CustomEvent(type), bubbles: true, composed: true }));
}

let simulate: any;
const routes = new Map<unknown, string>();
/** The query the next page is opened with (what wx.navigateTo's url carries after '?'). */
let pageQuery: Record<string, string> = {};
const loadedPages = new Map<string, string>();

/** Loads a compiled page into the simulator and attaches it to the document, as if navigated to with `query`. */
function openPage(route: string, query: Record<string, string> = {}) {
  routes.set('current', route);
  pageQuery = query;
  // A page's script runs once per process (require cache): a second visit renders the component already registered.
  let id = loadedPages.get(route);
  if (id === undefined) {
    const loaded = simulate.load(path.join(ROOT, route), 'page', { rootPath: ROOT }) as string;
    loadedPages.set(route, loaded);
    id = loaded;
  }
  const page = simulate.render(id);
  const host = document.createElement('div');
  document.body.appendChild(host);
  page.attach(host);
  return { page, host };
}

/** Every element with the class (miniprogram-simulate prefixes page classes with "page--"). */
function allDom(root: Element, className: string): Element[] {
  return [...root.querySelectorAll(`[class~="${className}"], [class~="page--${className}"]`)];
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'app.js'))) throw new Error('build the WeChat output first: node scripts/build-miniapp.mjs weapp');
  // Test hooks: the last test moves the server's clock on to leave a missed day for 补签.
  api = await startApi({ seed: true, testHooks: true });
  simulate = require('miniprogram-simulate');
  const g = globalThis as any;
  installWx(g.wx);
  installPageShim(routes);
  let appConfig: any;
  g.App = (config: any) => (appConfig = config);
  g.getApp = () => appConfig;
  require(path.join(ROOT, 'app.js'));
  expect(appConfig).toBeTruthy();
  appConfig.onLaunch?.call(appConfig, { path: 'pages/index/index', query: {}, scene: 1001 });
  appConfig.onShow?.call(appConfig, { path: 'pages/index/index', query: {}, scene: 1001 });
}, 90_000);

afterAll(async () => {
  await api?.stop();
});

describe('WeChat output in miniprogram-simulate', () => {
  it('logs in silently, checks in with a tap, and shows the streak from the API', async () => {
    routes.set('current', 'package-check-in/pages/check-in/index');
    const id = simulate.load(path.join(ROOT, 'package-check-in/pages/check-in/index'), 'page', { rootPath: ROOT });
    loadedPages.set('package-check-in/pages/check-in/index', id); // openPage renders it again later
    const page = simulate.render(id);
    const host = document.createElement('div');
    document.body.appendChild(host);
    page.attach(host);

    const button = await waitFor(() => findDom(host, 'js-checkin-button'), 'the check-in button');
    await waitFor(() => /0/.test(findDom(host, 'js-checkin-streak')?.textContent ?? ''), 'streak 0');
    expect(requests.some((r) => r.startsWith('POST /api/v1/auth/login'))).toBe(true);

    tap(button);
    await waitFor(() => findDom(host, 'js-checked-in-today'), 'the checked-in state');
    await waitFor(() => /1/.test(findDom(host, 'js-checkin-streak')?.textContent ?? ''), 'streak 1');
    expect(requests.filter((r) => r === 'POST /api/v1/check-in')).toHaveLength(1);

    // What the page shows is what the API recorded.
    expect(lastAuthorization).toMatch(/^Bearer /);
    const status = await (await fetch(`${api.base}/api/v1/check-in/status`, { headers: { authorization: lastAuthorization! } })).json();
    expect(status).toMatchObject({ checkedInToday: true, streak: 1 });
  }, 60_000);

  it('fills the home page with the catalog from the API', async () => {
    const { page, host } = openPage('pages/index/index');
    const expected = await apiCall<{ items: Array<{ title: string }>; total: number }>(api.base, 'GET', '/api/v1/products?page=1&pageSize=20', null);
    expect(expected.total).toBeGreaterThan(0);
    await waitFor(() => allDom(host, 'js-product-card').length === Math.min(20, expected.total), 'the product cards');
    const titles = allDom(host, 'js-product-title').map((el) => el.textContent?.trim());
    expect(titles).toEqual(expected.items.map((p) => p.title));
    expect(allDom(host, 'js-product-price')[0]?.textContent).toMatch(/^¥\d+\.\d{2}/);
    // The categories and the check-in entry are there too.
    await waitFor(() => allDom(host, 'js-home-category').length > 0, 'the category shortcuts');
    expect(findDom(host, 'js-home-checkin-entry')).toBeTruthy();
    page.detach();
  }, 60_000);

  it('renders a product from the API, disables the SKU out of stock, and adds the chosen SKU to the cart', async () => {
    const owner = await staffToken(api.base);
    const product = await createSpecProduct(api.base, owner, '模拟器测试T恤');
    const { page, host } = openPage('package-product/pages/detail/index', { id: String(product.id) });

    await waitFor(() => findDom(host, 'js-detail-title')?.textContent?.includes('模拟器测试T恤'), 'the product title');
    expect(findDom(host, 'js-detail-price')?.textContent).toBe('¥59.00-¥69.00');
    expect(findDom(host, 'js-detail-description')?.textContent).toContain('机洗不褪色');
    const value = (text: string) => allDom(host, 'js-sku-value').find((el) => el.textContent?.trim() === text)!;
    expect(allDom(host, 'js-sku-value').map((el) => el.textContent?.trim())).toEqual(['红', '蓝', 'M', 'L']);
    expect(allDom(host, 'js-sku-disabled')).toHaveLength(0);

    // Blue: blue/L has no stock, so L greys out; blue + M names a SKU with its own price and stock.
    tap(value('蓝'));
    await waitFor(() => value('L').className.includes('js-sku-disabled'), 'L disabled for blue');
    tap(value('M'));
    await waitFor(() => findDom(host, 'js-sku-stock')?.textContent?.includes('8'), 'the stock of blue/M');
    expect(findDom(host, 'js-detail-price')?.textContent).toBe('¥59.00');

    const cartBefore = requests.filter((r) => r === 'POST /api/v1/cart/lines').length;
    tap(findDom(host, 'js-add-to-cart')!);
    await waitFor(() => requests.filter((r) => r === 'POST /api/v1/cart/lines').length > cartBefore, 'POST /cart/lines');
    const blueM = product.skus.find((s) => s.specs.颜色 === '蓝' && s.specs.尺码 === 'M')!;
    await expect
      .poll(
        async () =>
          (await apiCall<{ lines: Array<{ skuId: number; quantity: number }> }>(api.base, 'GET', '/api/v1/cart', lastAuthorization!.slice(7))).lines,
        { timeout: 10_000 },
      )
      .toEqual([expect.objectContaining({ skuId: blueM.id, quantity: 1 })]);
    page.detach();
  }, 60_000);
  const DETAIL_ROUTE = 'package-order/pages/detail/index';

  /** A fresh order awaiting payment for the logged-in shopper, made through the API. */
  async function newOrder() {
    const owner = await staffToken(api.base);
    const product = await createSpecProduct(api.base, owner, `支付测试T恤${Date.now() % 1000}`);
    const sku = product.skus.find((s) => s.stock > 0)!;
    const order = await createMemberOrder(api.base, lastAuthorization!.slice(7), sku.id);
    expect(order.status).toBe('awaiting_payment');
    return order;
  }

  /** The element with exactly this class (findDom's substring fallback would take js-order-payable for js-order-pay). */
  const one = (host: Element, className: string): Element | null => allDom(host, className)[0] ?? null;
  const statusText = (host: Element) => one(host, 'js-order-status')?.textContent?.trim() ?? '';

  it('pays an order from its detail page: wx.requestPayment gets the signed JSAPI params, and the page shows 待发货', async () => {
    const order = await newOrder();
    paymentCalls.length = 0;
    sheetErrors.length = 0;
    paymentSheet = async (params) => {
      // The shape WeChat's sheet takes (JSAPI/mini-program payment, API v3): all strings, RSA signType.
      expect(Object.keys(params).sort()).toEqual(['nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
      expect(params.signType).toBe('RSA');
      expect(params.timeStamp).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(params.timeStamp) - Date.now() / 1000)).toBeLessThan(300);
      expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{8,32}$/);
      expect(params.package).toMatch(/^prepay_id=wx\w+$/);
      // paySign = base64 SHA256withRSA(merchant private key, `APPID\nTIMESTAMP\nNONCESTR\nPACKAGE\n`) (docs/platform-protocols.md):
      // 256 bytes with a 2048-bit key, checked here with the merchant public key the API's simulator serves at
      // /__sim/keys, for the app id the API signs for (the simulator's WeChat app, which the test API runs as).
      expect(Buffer.from(String(params.paySign), 'base64')).toHaveLength(256);
      const keys = await simulatorKeys(api.base);
      expect(keys.weapp.appId).toMatch(/^wx[0-9a-f]{16}$/);
      const paySignValid = (appId: string, p: Record<string, unknown>) =>
        createVerify('RSA-SHA256')
          .update(`${appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`)
          .verify(keys.weapp.merchantPublicKey, String(p.paySign), 'base64');
      expect(paySignValid(keys.weapp.appId, params), 'paySign verifies with the merchant public key').toBe(true);
      // It covers every signed field: another app id, time stamp or nonce does not verify.
      expect(paySignValid('wx0000000000000000', params)).toBe(false);
      expect(paySignValid(keys.weapp.appId, { ...params, timeStamp: String(Number(params.timeStamp) + 1) })).toBe(false);
      expect(paySignValid(keys.weapp.appId, { ...params, nonceStr: `${String(params.nonceStr)}x` })).toBe(false);
      // And the prepay_id is the one the simulator issued for this order's trade (the API's signed JSAPI call was accepted).
      const trade = await simulatorTrade(api.base, 'weapp', order.orderNo);
      expect(trade, 'the simulator has a WeChat trade for the order').toBeTruthy();
      expect(params.package).toBe(`prepay_id=${trade!.prepayId}`);
      expect(trade).toMatchObject({ status: 'NOTPAY', amountFen: order.payableFen });
      // The shopper pays: the simulator marks the trade paid and sends the signed notification to the API.
      await simulatorPay(api.base, 'weapp', order.orderNo);
      return { ok: true };
    };

    const { page, host } = openPage(DETAIL_ROUTE, { id: String(order.id) });
    await waitFor(() => statusText(host) === '待付款', 'the order awaiting payment');
    const before = requests.length;
    tap(one(host, 'js-order-pay')!);
    await waitFor(() => statusText(host) === '待发货' || sheetErrors.length > 0, 'the paid status 待发货');
    expect(sheetErrors).toEqual([]);
    expect(paymentCalls).toHaveLength(1);
    expect(requests.slice(before)).toContain(`POST /api/v1/orders/${order.id}/pay`);
    expect(one(host, 'js-order-pay')).toBeNull();
    expect(toasts).toContain('支付成功');
    // 支付成功 opens above the order: Back from it returns here.
    await waitFor(() => navigations.includes(`/package-order/pages/pay-success/index?id=${order.id}`), 'navigateTo 支付成功');
    const server = await apiCall<{ status: string; paidAt: string | null }>(
      api.base,
      'GET',
      `/api/v1/orders/${order.id}`,
      lastAuthorization!.slice(7),
    );
    expect(server.status).toBe('paid');
    expect(server.paidAt).toBeTruthy();
    paymentSheet = null;
    page.detach();
  }, 60_000);

  it('asks for a subscription right after paying: wx.requestSubscribeMessage gets the shop’s template, the answer is recorded', async () => {
    const owner = await staffToken(api.base);
    const templateId = 'wxTplShippedSimulate01';
    await apiCall(api.base, 'PUT', '/api/v1/merchant/message-templates/weapp/order_shipped', owner, {
      templateId,
      fields: { character_string1: 'orderNo', thing2: 'productName' },
    });
    const asked: Array<Record<string, unknown>> = [];
    subscribePrompt = (opts) => {
      asked.push(opts);
      const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of opts.tmplIds ?? []) res[id] = 'accept';
      return res;
    };
    try {
      const order = await newOrder();
      paymentSheet = async () => {
        await simulatorPay(api.base, 'weapp', order.orderNo);
        return { ok: true };
      };
      const { page, host } = openPage(DETAIL_ROUTE, { id: String(order.id) });
      await waitFor(() => statusText(host) === '待付款', 'the order awaiting payment');
      const before = requests.length;
      tap(one(host, 'js-order-pay')!);
      await waitFor(() => requests.slice(before).includes('POST /api/v1/me/message-consents'), 'the consent recorded');
      expect(asked).toHaveLength(1);
      expect(asked[0]!.tmplIds).toEqual([templateId]);
      const consents = await apiCall<{ unusedAccepts: number; items: Array<{ templateId: string; answer: string }> }>(
        api.base,
        'GET',
        '/api/v1/me/message-consents',
        lastAuthorization!.slice(7),
      );
      expect(consents.unusedAccepts).toBeGreaterThanOrEqual(1);
      expect(consents.items[0]).toMatchObject({ templateId, answer: 'accept' });
      await waitFor(() => navigations.includes(`/package-order/pages/pay-success/index?id=${order.id}`), 'navigateTo 支付成功');
      paymentSheet = null;
      page.detach();
    } finally {
      subscribePrompt = null;
      await apiCall(api.base, 'DELETE', '/api/v1/merchant/message-templates/weapp/order_shipped', owner);
    }
  }, 60_000);

  it("shows 待发货 even when WeChat's notification is lost: the page asks the server to query the trade", async () => {
    const order = await newOrder();
    paymentCalls.length = 0;
    sheetErrors.length = 0;
    paymentSheet = async () => {
      // The shopper pays, but the notification never reaches the API.
      await simulatorPay(api.base, 'weapp', order.orderNo, { lost: true });
      return { ok: true };
    };
    const { page, host } = openPage(DETAIL_ROUTE, { id: String(order.id) });
    await waitFor(() => statusText(host) === '待付款', 'the order awaiting payment');
    const before = requests.length;
    tap(one(host, 'js-order-pay')!);
    await waitFor(() => statusText(host) === '待发货' || sheetErrors.length > 0, 'the paid status 待发货', 20_000);
    expect(sheetErrors).toEqual([]);
    expect(requests.slice(before)).toContain(`POST /api/v1/orders/${order.id}/payment-status`);
    const server = await apiCall<{ status: string }>(api.base, 'GET', `/api/v1/orders/${order.id}`, lastAuthorization!.slice(7));
    expect(server.status).toBe('paid');
    paymentSheet = null;
    page.detach();
  }, 60_000);

  it('keeps the order awaiting payment when the shopper closes the WeChat sheet (requestPayment:fail cancel)', async () => {
    const order = await newOrder();
    paymentCalls.length = 0;
    sheetErrors.length = 0;
    toasts.length = 0;
    paymentSheet = async () => ({ ok: false, errMsg: 'requestPayment:fail cancel' });

    const { page, host } = openPage(DETAIL_ROUTE, { id: String(order.id) });
    await waitFor(() => statusText(host) === '待付款', 'the order awaiting payment');
    tap(one(host, 'js-order-pay')!);
    await waitFor(() => toasts.includes('已取消支付'), 'the cancelled toast');
    expect(paymentCalls).toHaveLength(1);
    expect(sheetErrors).toEqual([]);
    // The page still shows the order, awaiting payment, with the pay button to try again; no error state.
    await waitFor(() => !one(host, 'js-paying'), 'the paying hint gone');
    expect(statusText(host)).toBe('待付款');
    expect(one(host, 'js-order-pay')).toBeTruthy();
    expect(one(host, 'js-payment-confirming')).toBeNull();
    const server = await apiCall<{ status: string }>(api.base, 'GET', `/api/v1/orders/${order.id}`, lastAuthorization!.slice(7));
    expect(server.status).toBe('awaiting_payment');
    const trade = await simulatorTrade(api.base, 'weapp', order.orderNo);
    expect(trade?.status).toBe('NOTPAY');
    paymentSheet = null;
    page.detach();
  }, 60_000);
  it('claims a coupon in the claim centre, finds it in my coupons, and pays an order that uses it: the sheet gets the discounted amount', async () => {
    const owner = await staffToken(api.base);
    const member = lastAuthorization!.slice(7);
    const product = await createSpecProduct(api.base, owner, `领券模拟器T恤${Date.now() % 1000}`);
    const template = await createCouponTemplate(api.base, owner, {
      name: 'T恤满50减10',
      kind: 'threshold_off',
      amountFen: 1000,
      thresholdFen: 5000,
      scope: { type: 'products', ids: [product.id], excludeProductIds: [] },
    });
    await createAddress(api.base, member);
    const cardOf = (host: Element, className: string, name: string) => allDom(host, className).find((el) => el.textContent?.includes(name));

    // The claim centre lists it with 领取; a tap claims it and the card says 已领取.
    const centre = openPage('package-coupon/pages/centre/index');
    const claimable = await waitFor(() => cardOf(centre.host, 'js-claimable-coupon', template.name), 'the coupon in the claim centre');
    expect(allDom(claimable, 'js-coupon-value')[0]?.textContent).toBe('10');
    expect(allDom(claimable, 'js-coupon-condition')[0]?.textContent).toBe('满50元可用');
    toasts.length = 0;
    tap(allDom(claimable, 'js-coupon-claim')[0]!);
    await waitFor(() => allDom(cardOf(centre.host, 'js-claimable-coupon', template.name)!, 'js-coupon-claimed').length === 1, '已领取 on the card');
    expect(toasts).toContain('领取成功');
    expect(requests.filter((r) => r === 'POST /api/v1/coupons/claim')).toHaveLength(1);
    centre.page.detach();

    // My coupons shows it, usable, with 去使用.
    const mine = openPage('package-coupon/pages/mine/index');
    const myCard = await waitFor(() => cardOf(mine.host, 'js-my-coupon', template.name), 'the coupon in my coupons');
    expect(allDom(myCard, 'js-coupon-use')).toHaveLength(1);
    const [coupon] = (
      await apiCall<{ items: Array<{ id: number; templateId: number }> }>(api.base, 'GET', '/api/v1/coupons?status=usable', member)
    ).items.filter((c) => c.templateId === template.id);
    expect(coupon).toBeTruthy();
    mine.page.detach();

    // Buy now: the product page hands the SKU to the checkout.
    const productPage = openPage('package-product/pages/detail/index', { id: String(product.id) });
    await waitFor(() => findDom(productPage.host, 'js-detail-title')?.textContent?.includes('领券模拟器T恤'), 'the product');
    const value = (text: string) => allDom(productPage.host, 'js-sku-value').find((el) => el.textContent?.trim() === text)!;
    tap(value('红'));
    await waitFor(() => value('红').className.includes('js-sku-chosen'), 'red chosen');
    tap(value('M'));
    await waitFor(() => findDom(productPage.host, 'js-detail-price')?.textContent === '¥59.00', 'the price of red/M');
    tap(one(productPage.host, 'js-buy-now')!);
    await waitFor(() => navigations.includes('/package-order/pages/checkout/index'), 'navigateTo checkout');
    productPage.page.detach();

    // The checkout chose the coupon (the server's best) and shows the saving and the lower payable the server priced.
    const checkout = openPage('package-order/pages/checkout/index');
    await waitFor(() => one(checkout.host, 'js-checkout-coupon-names')?.textContent === template.name, 'the chosen coupon at checkout');
    expect(one(checkout.host, 'js-checkout-coupon-saving')?.textContent).toBe('-¥10.00');
    const redM = product.skus.find((x) => x.specs.颜色 === '红' && x.specs.尺码 === 'M')!;
    const addressId = (await apiCall<{ items: Array<{ id: number }> }>(api.base, 'GET', '/api/v1/addresses', member)).items[0]!.id;
    const withCoupon = await apiCall<{ payableFen: number }>(api.base, 'POST', '/api/v1/checkout/preview', member, {
      items: [{ skuId: redM.id, quantity: 1 }],
      addressId,
      couponIds: [coupon!.id],
    });
    const without = await apiCall<{ payableFen: number }>(api.base, 'POST', '/api/v1/checkout/preview', member, {
      items: [{ skuId: redM.id, quantity: 1 }],
      addressId,
      couponIds: [],
    });
    expect(withCoupon.payableFen).toBe(without.payableFen - 1000);
    expect(one(checkout.host, 'js-checkout-payable')?.textContent).toBe(formatYuan(withCoupon.payableFen));
    expect(allDom(checkout.host, 'js-breakdown-discount').map((el) => el.textContent)).toEqual([`${template.name}-¥10.00`]);

    const navigated = navigations.length;
    tap(one(checkout.host, 'js-checkout-submit')!);
    const next = await waitFor(
      () => navigations.slice(navigated).find((u) => u.startsWith('/package-order/pages/detail/index')),
      'redirectTo the order',
    );
    const orderId = Number(/id=(\d+)/.exec(next)![1]);
    expect(next).toContain('autopay=1');
    checkout.page.detach();
    const order = await apiCall<{ orderNo: string; payableFen: number; discountFen: number; status: string }>(
      api.base,
      'GET',
      `/api/v1/orders/${orderId}`,
      member,
    );
    expect(order).toMatchObject({ status: 'awaiting_payment', payableFen: withCoupon.payableFen, discountFen: 1000 });

    // The detail page starts the payment: WeChat's sheet opens for the trade of the discounted amount.
    paymentCalls.length = 0;
    sheetErrors.length = 0;
    paymentSheet = async (params) => {
      const trade = await simulatorTrade(api.base, 'weapp', order.orderNo);
      expect(params.package).toBe(`prepay_id=${trade!.prepayId}`);
      expect(trade).toMatchObject({ status: 'NOTPAY', amountFen: withCoupon.payableFen });
      await simulatorPay(api.base, 'weapp', order.orderNo);
      return { ok: true };
    };
    const detail = openPage(DETAIL_ROUTE, { id: String(orderId), autopay: '1' });
    await waitFor(() => statusText(detail.host) === '待发货' || sheetErrors.length > 0, 'the paid status 待发货');
    expect(sheetErrors).toEqual([]);
    expect(paymentCalls).toHaveLength(1);
    expect(one(detail.host, 'js-order-payable')?.textContent).toBe(formatYuan(withCoupon.payableFen));
    paymentSheet = null;
    detail.page.detach();

    // The coupon is used by that order.
    const used = await apiCall<{ items: Array<{ id: number; orderId: number | null }> }>(api.base, 'GET', '/api/v1/coupons?status=used', member);
    expect(used.items).toEqual([expect.objectContaining({ id: coupon!.id, orderId })]);
  }, 90_000);

  it('shows the points card on the member page (available, pending, next expiry) and opens the history, which filters the ledger', async () => {
    const member = lastAuthorization!.slice(7);
    const summary = await apiCall<{ available: number; pending: number; nextExpiries: Array<{ points: number }> }>(
      api.base,
      'GET',
      '/api/v1/points',
      member,
    );
    // By now the shopper has checked in, and paid orders: points available (check-in, first-order task) and pending.
    expect(summary.available).toBeGreaterThan(0);
    expect(summary.pending).toBeGreaterThan(0);
    const one = (host: Element, className: string): Element | null => allDom(host, className)[0] ?? null;

    const memberPage = openPage('pages/member/index');
    await waitFor(() => one(memberPage.host, 'js-points-pending')?.textContent === String(summary.pending), 'the pending points');
    expect(one(memberPage.host, 'js-points-balance')?.textContent).toBe(String(summary.available));
    expect(one(memberPage.host, 'js-points-expiry')?.textContent).toMatch(
      new RegExp(`^${summary.nextExpiries[0]!.points} 积分将于 \\d{4}-12-31 过期$`),
    );
    const before = navigations.length;
    tap(one(memberPage.host, 'js-points-card')!);
    await waitFor(() => navigations.slice(before).includes('/package-points/pages/history/index'), 'navigateTo the history');
    // The mall link inside the card goes to the mall, not to the history.
    const beforeMall = navigations.length;
    tap(one(memberPage.host, 'js-points-card-mall')!);
    await waitFor(() => navigations.length > beforeMall, 'a navigation');
    expect(navigations.slice(beforeMall)).toEqual(['/package-points/pages/mall/index']);
    memberPage.page.detach();

    const ledger = await apiCall<{ entries: Array<{ delta: number }> }>(api.base, 'GET', '/api/v1/points/ledger?limit=20', member);
    const history = openPage('package-points/pages/history/index');
    await waitFor(() => allDom(history.host, 'js-ledger-entry').length === ledger.entries.length, 'the ledger entries');
    expect(allDom(history.host, 'js-ledger-delta').map((el) => el.textContent)).toEqual(
      ledger.entries.map((e) => (e.delta > 0 ? `+${e.delta}` : `${e.delta}`)),
    );
    expect(one(history.host, 'js-history-available')?.textContent).toBe(String(summary.available));
    await waitFor(() => allDom(history.host, 'js-points-task').length === 3, 'the three tasks');
    expect(one(history.host, 'js-points-task-first_order')?.textContent).toContain('已完成');
    // Nothing spent yet: 使用 is empty; 获得 lists every entry again.
    tap(one(history.host, 'js-points-filter-out')!);
    await waitFor(() => one(history.host, 'js-points-empty'), 'the empty state');
    expect(requests.some((r) => r.includes('/api/v1/points/ledger') && r.includes('direction=out'))).toBe(true);
    tap(one(history.host, 'js-points-filter-in')!);
    await waitFor(() => allDom(history.host, 'js-ledger-entry').length === ledger.entries.length, 'the credits');
    history.page.detach();
  }, 60_000);

  it('redeems a points-plus-cash mall item: the redemption opens with autopay and wx.requestPayment pays its order', async () => {
    const owner = await staffToken(api.base);
    const member = lastAuthorization!.slice(7);
    const one = (host: Element, className: string): Element | null => allDom(host, className)[0] ?? null;
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', member);
    await apiCall(api.base, 'POST', `/api/v1/merchant/members/${me.id}/points-adjustments`, owner, { delta: 500, reason: 'simulate' });
    const item = await apiCall<{ id: number; title: string }>(api.base, 'POST', '/api/v1/merchant/points-mall/items', owner, {
      kind: 'virtual',
      title: '模拟器加价购会员月卡',
      pointsPrice: 100,
      cashFen: 990,
      totalStock: 3,
      instructions: '在会员页查看月卡权益。',
      status: 'on',
    });

    const mall = openPage('package-points/pages/mall/index');
    await waitFor(() => allDom(mall.host, 'js-mall-item-title').some((el) => el.textContent === item.title), 'the item in the mall');
    const card = allDom(mall.host, 'js-mall-item').find((el) => el.textContent?.includes(item.title))!;
    expect(allDom(card, 'js-mall-item-price')[0]?.textContent).toBe('100 积分 + ¥9.90');
    expect(allDom(card, 'js-mall-item-redeem')).toHaveLength(1);
    mall.page.detach();

    const itemPage = openPage('package-points/pages/mall-item/index', { id: String(item.id) });
    await waitFor(() => one(itemPage.host, 'js-mall-detail-title')?.textContent === item.title, 'the item page');
    const navigated = navigations.length;
    tap(one(itemPage.host, 'js-mall-redeem')!);
    const next = await waitFor(
      () => navigations.slice(navigated).find((u) => u.startsWith('/package-points/pages/redemption/index')),
      'redirectTo the redemption',
    );
    expect(next).toContain('autopay=1');
    itemPage.page.detach();
    const redemptionId = Number(/id=(\d+)/.exec(next)![1]);
    const held = await apiCall<{ status: string; orderId: number; points: number }>(
      api.base,
      'GET',
      `/api/v1/points-mall/redemptions/${redemptionId}`,
      member,
    );
    expect(held).toMatchObject({ status: 'awaiting_payment', points: 100 });
    const order = await apiCall<{ orderNo: string; payableFen: number }>(api.base, 'GET', `/api/v1/orders/${held.orderId}`, member);
    expect(order.payableFen).toBe(990);

    paymentCalls.length = 0;
    sheetErrors.length = 0;
    paymentSheet = async (params) => {
      const trade = await simulatorTrade(api.base, 'weapp', order.orderNo);
      expect(params.package).toBe(`prepay_id=${trade!.prepayId}`);
      expect(trade).toMatchObject({ status: 'NOTPAY', amountFen: 990 });
      await simulatorPay(api.base, 'weapp', order.orderNo);
      return { ok: true };
    };
    const page = openPage('package-points/pages/redemption/index', { id: String(redemptionId), autopay: '1' });
    await waitFor(
      () => one(page.host, 'js-redemption-detail-status')?.textContent === '已兑换' || sheetErrors.length > 0,
      'the paid redemption',
      25_000,
    );
    expect(sheetErrors).toEqual([]);
    expect(paymentCalls).toHaveLength(1);
    expect(one(page.host, 'js-redemption-instructions')?.textContent).toBe('在会员页查看月卡权益。');
    paymentSheet = null;
    page.page.detach();
  }, 60_000);

  it('shows the tier card on the member page, moves up when staff grant growth, opens the benefits page on a tap, and shows the new tier’s member price at checkout', async () => {
    const owner = await staffToken(api.base);
    const member = lastAuthorization!.slice(7);
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', member);
    type Mine = { tier: { level: number; name: string }; growth: number; next: { tier: { name: string }; growthNeeded: number } | null };
    const before = await apiCall<Mine>(api.base, 'GET', '/api/v1/tiers/me', member);
    const text = (host: Element, className: string) => allDom(host, className)[0]?.textContent?.trim() ?? null;

    const first = openPage('pages/member/index');
    await waitFor(() => text(first.host, 'js-tier-name') === before.tier.name, `the tier card with ${before.tier.name}`);
    expect(text(first.host, 'js-tier-growth')).toBe(`成长值 ${before.growth}`);
    expect(before.next).not.toBeNull();
    expect(text(first.host, 'js-tier-next')).toBe(`再获得 ${before.next!.growthNeeded} 成长值升级为 ${before.next!.tier.name}`);
    first.page.detach();

    // Staff grant exactly what the next tier needs: the card shows the new tier on the next visit.
    await apiCall(api.base, 'POST', `/api/v1/merchant/members/${me.id}/growth-adjustments`, owner, {
      delta: before.next!.growthNeeded,
      reason: '模拟器等级测试',
      key: `weapp-tier-${Date.now()}`,
    });
    const again = openPage('pages/member/index');
    await waitFor(() => text(again.host, 'js-tier-name') === before.next!.tier.name, `the tier card with ${before.next!.tier.name}`);
    expect(text(again.host, 'js-tier-growth')).toBe(`成长值 ${before.growth + before.next!.growthNeeded}`);
    tap(allDom(again.host, 'js-tier-card')[0]!);
    await waitFor(() => navigations.includes('/package-member/pages/benefits/index'), 'navigateTo the benefits page');
    again.page.detach();

    const benefits = openPage('package-member/pages/benefits/index');
    await waitFor(() => allDom(benefits.host, 'js-tier-row').length === 4, 'the four tiers of the demo ladder');
    expect(allDom(benefits.host, 'js-tier-row-name').map((el) => el.textContent?.trim())).toEqual(['普通会员', '银卡会员', '金卡会员', '钻石会员']);
    const current = allDom(benefits.host, 'js-tier-current');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toContain(before.next!.tier.name);
    expect(allDom(benefits.host, 'js-benefit').length).toBeGreaterThan(4);
    benefits.page.detach();

    // The new tier's member price is a named line of the checkout breakdown (the demo ladder gives 银卡 5% off).
    const memberPriceLabel = `${before.next!.tier.name.replace(/会员$/, '')}会员价`;
    const product = await createSpecProduct(api.base, owner, `会员价测试${Date.now() % 1000}`);
    await apiCall(api.base, 'POST', '/api/v1/cart/lines', member, { skuId: product.skus[0]!.id, quantity: 1 });
    await createAddress(api.base, member);
    const cart = openPage('pages/cart/index');
    await waitFor(() => allDom(cart.host, 'js-cart-line').some((el) => el.textContent?.includes('会员价测试')), 'the line in the cart');
    const navigated = navigations.length;
    tap(allDom(cart.host, 'js-cart-checkout')[0]!);
    await waitFor(() => navigations.slice(navigated).includes('/package-order/pages/checkout/index'), 'navigateTo checkout');
    cart.page.detach();
    const checkout = openPage('package-order/pages/checkout/index');
    await waitFor(
      () => allDom(checkout.host, 'js-breakdown-line').some((el) => el.textContent?.includes(memberPriceLabel)),
      `the ${memberPriceLabel} line at checkout`,
    );
    checkout.page.detach();
  }, 60_000);

  it('binds a phone through the getPhoneNumber button on the member page: the code goes to the API, the row shows it masked', async () => {
    const text = (host: Element, className: string) => allDom(host, className)[0]?.textContent?.trim() ?? null;
    const { page, host } = openPage('pages/member/index');
    const button = await waitFor(() => allDom(host, 'js-phone-bind')[0], 'the bind-phone button');
    // The member declines first: nothing is posted.
    const before = requests.filter((r) => r.includes('/api/v1/me/phone')).length;
    fire(button, 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' });
    await new Promise((r) => setTimeout(r, 200));
    expect(requests.filter((r) => r.includes('/api/v1/me/phone')).length).toBe(before);
    // Then agrees: WeChat's one-time code goes to the API, which exchanges it with getuserphonenumber.
    const proof = await simulatorPhoneProof(api.base, 'weapp', 'simulate-shopper');
    fire(button, 'getphonenumber', { errMsg: 'getPhoneNumber:ok', ...proof });
    // The header shows the phone masked in place of the 绑定手机号 row.
    await waitFor(() => /^1\d{2}\*{4}\d{4}$/.test(text(host, 'js-member-phone') ?? ''), 'the masked phone in the header');
    expect(allDom(host, 'js-phone-bind')).toHaveLength(0);
    expect(allDom(host, 'js-phone-row')).toHaveLength(0);
    page.detach();
  }, 30_000);

  it('opens 个人资料 from the member centre, and the profile page renders and saves nickname, gender and a birthday set once', async () => {
    const text = (host: Element, className: string) => allDom(host, className)[0]?.textContent?.trim() ?? null;
    const member = lastAuthorization!.slice(7);
    const centre = openPage('pages/member/index');
    await waitFor(() => allDom(centre.host, 'js-profile-entry')[0], 'the 个人资料 entry');
    expect(allDom(centre.host, 'member-menu-label').map((el) => el.textContent?.trim())).toEqual([
      '个人资料',
      '会员权益',
      '隐私与账号',
      '分销中心',
      '我的余额',
      '会员码',
    ]);
    tap(allDom(centre.host, 'js-profile-entry')[0]!);
    await waitFor(() => navigations.includes('/package-member/pages/profile/index'), 'navigateTo the profile page');
    centre.page.detach();

    const { page, host } = openPage('package-member/pages/profile/index');
    await waitFor(() => allDom(host, 'js-profile-save')[0], 'the profile form');
    expect(text(host, 'js-profile-phone-value')).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(allDom(host, 'js-profile-avatar')).toHaveLength(1);
    fire(allDom(host, 'js-profile-nickname')[0]!, 'input', { value: '模拟器小林' });
    fire(allDom(host, 'js-profile-gender-picker')[0]!, 'change', { value: 1 });
    await waitFor(() => text(host, 'js-profile-gender-value') === '男 ›', 'the gender picked');
    fire(allDom(host, 'js-profile-birthday-picker')[0]!, 'change', { value: '1990-06-15' });
    await waitFor(() => text(host, 'js-profile-birthday-value') === '1990-06-15 ›', 'the birthday picked');
    tap(allDom(host, 'js-profile-save')[0]!);
    // The birthday asks first (set once): the modal is answered with its confirm button; then it shows locked.
    await waitFor(() => allDom(host, 'js-profile-birthday-locked')[0], 'the birthday locked after saving');
    const saved = await apiCall<{ nickname: string; gender: string; birthday: string; birthdayLocked: boolean }>(
      api.base,
      'GET',
      '/api/v1/me/profile',
      member,
    );
    expect(saved).toMatchObject({ nickname: '模拟器小林', gender: 'male', birthday: '1990-06-15', birthdayLocked: true });
    expect(text(host, 'js-profile-birthday-value')).toBe('1990-06-15');
    expect(allDom(host, 'js-profile-birthday-picker')).toHaveLength(0);
    page.detach();
  }, 30_000);
});

describe('WeChat output: the storefront fixes (decision 018)', () => {
  const one = (host: Element, className: string): Element | null => allDom(host, className)[0] ?? null;
  const member = () => lastAuthorization!.slice(7);
  const memberPost = async (p: string, body: unknown) => {
    const res = await fetch(`${api.base}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member()}`, 'Idempotency-Key': `w-${Date.now()}-${Math.random()}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${p} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };

  it('shows a not-found page with a way home for a missing product or order', async () => {
    const product = openPage('package-product/pages/detail/index', { id: '999999' });
    await waitFor(() => one(product.host, 'js-not-found'), 'the product not-found page');
    const before = navigations.length;
    tap(one(product.host, 'js-not-found-home')!);
    await waitFor(() => navigations.slice(before).includes('/pages/index/index'), 'switchTab home from the product');
    product.page.detach();
    const order = openPage('package-order/pages/detail/index', { id: '999999' });
    await waitFor(() => one(order.host, 'js-not-found'), 'the order not-found page');
    expect(order.host.textContent).not.toContain('还没有相关订单');
    const navigated = navigations.length;
    tap(one(order.host, 'js-not-found-home')!);
    await waitFor(() => navigations.slice(navigated).includes('/pages/index/index'), 'switchTab home');
    order.page.detach();
  }, 60_000);

  it('checks out the rest of the cart when a selected line went off shelf', async () => {
    const owner = await staffToken(api.base);
    const gone = await createSpecProduct(api.base, owner, `下架测试${Date.now() % 1000}`);
    const kept = await createSpecProduct(api.base, owner, `在售测试${Date.now() % 1000}`);
    await memberPost('/api/v1/cart/lines', { skuId: gone.skus[0]!.id, quantity: 1 });
    await memberPost('/api/v1/cart/lines', { skuId: kept.skus[0]!.id, quantity: 1 });
    await apiCall(api.base, 'POST', `/api/v1/merchant/products/${gone.id}/unshelve`, owner);
    await createAddress(api.base, member());

    const cart = openPage('pages/cart/index');
    await waitFor(() => one(cart.host, 'js-cart-line-stale'), 'the off-shelf line, flagged');
    // Unchecked and not counted: the total is the line still on sale.
    const stale = one(cart.host, 'js-cart-line-stale')!;
    expect(stale.textContent).toContain('下架测试');
    expect(allDom(stale, 'checkbox')[0]?.className).not.toContain('is-checked');
    const server = await apiCall<{
      selectedItemsFen: number;
      lines: { skuId: number; selected: boolean; problems: string[]; priceFen: number; quantity: number }[];
    }>(api.base, 'GET', '/api/v1/cart', member());
    const buyable = server.lines
      .filter((l) => l.selected && !l.problems.some((p) => p === 'off_shelf' || p === 'out_of_stock'))
      .reduce((n, l) => n + l.priceFen * l.quantity, 0);
    expect(server.lines.some((l) => l.skuId === gone.skus[0]!.id)).toBe(true);
    expect(server.selectedItemsFen).toBe(buyable);
    expect(one(cart.host, 'js-cart-total')?.textContent).toBe(`¥${(buyable / 100).toFixed(2)}`);
    expect(one(cart.host, 'js-cart-checkout')?.className).not.toContain('is-disabled');
    const navigated = navigations.length;
    tap(one(cart.host, 'js-cart-checkout')!);
    await waitFor(() => navigations.slice(navigated).includes('/package-order/pages/checkout/index'), 'navigateTo checkout');
    cart.page.detach();
    const checkout = openPage('package-order/pages/checkout/index');
    await waitFor(() => allDom(checkout.host, 'js-checkout-line').length > 0, 'the checkout lines');
    expect(allDom(checkout.host, 'js-checkout-problem')).toHaveLength(0);
    expect(one(checkout.host, 'js-checkout-submit')?.className).not.toContain('is-disabled');
    checkout.page.detach();
  }, 60_000);

  it('lists a partly refunded order under 退款', async () => {
    const owner = await staffToken(api.base);
    const product = await createSpecProduct(api.base, owner, `退款页测试${Date.now() % 1000}`);
    const order = await createMemberOrder(api.base, member(), product.skus[0]!.id, 2);
    await memberPost(`/api/v1/orders/${order.id}/pay`, {});
    await simulatorPay(api.base, 'weapp', order.orderNo);
    const paid = await apiCall<{ lines: { id: number }[] }>(api.base, 'GET', `/api/v1/orders/${order.id}`, member());
    await memberPost(`/api/v1/orders/${order.id}/refunds`, { reason: '少了一件', lines: [{ orderLineId: paid.lines[0]!.id, quantity: 1 }] });
    const list = openPage('package-order/pages/list/index', { tab: 'refunded' });
    await waitFor(() => allDom(list.host, 'js-order-card').length > 0, 'the 退款 tab');
    expect(list.host.textContent).toContain(order.orderNo.slice(-6));
    list.page.detach();
  }, 60_000);
  it('search opens with the filters of its query: category and price range applied, shown as active filters', async () => {
    const categories = await apiCall<{ id: number; name: string; children: { id: number; name: string }[] }[]>(
      api.base,
      'GET',
      '/api/v1/categories',
      null,
    );
    const green = categories.flatMap((c) => c.children).find((c) => c.name === '绿茶')!;
    const search = openPage('package-product/pages/search/index', {
      keyword: encodeURIComponent('茶'),
      categoryId: String(green.id),
      min: '10000',
      max: '15000',
    });
    await waitFor(() => allDom(search.host, 'js-product-title').length > 0, 'the filtered results');
    expect(allDom(search.host, 'js-product-title').map((el) => el.textContent)).toEqual(['洞庭碧螺春']);
    expect(one(search.host, 'js-search-active-price')?.textContent).toBe('¥100-¥150');
    await waitFor(() => one(search.host, 'js-search-active-category')?.textContent === '绿茶', 'the category named');
    search.page.detach();
  }, 60_000);

  it('生成海报 on the product page opens the poster sub-package page for the product', async () => {
    const teas = await apiCall<{ items: { id: number }[] }>(api.base, 'GET', `/api/v1/products?keyword=${encodeURIComponent('龙井')}`, null);
    const product = openPage('package-product/pages/detail/index', { id: String(teas.items[0]!.id) });
    await waitFor(() => one(product.host, 'js-poster-open'), 'the 生成海报 entry');
    const before = navigations.length;
    tap(one(product.host, 'js-poster-open')!);
    await waitFor(() => navigations.slice(before).includes(`/package-share/pages/poster/index?id=${teas.items[0]!.id}`), 'navigateTo the poster');
    product.page.detach();
  }, 60_000);

  it('邀请有礼 opens from the member centre and shows the invitation poster with the WeChat code the server made', async () => {
    const centre = openPage('pages/member/index');
    await waitFor(() => one(centre.host, 'js-invite-entry'), 'the 邀请有礼 entry');
    const before = navigations.length;
    tap(one(centre.host, 'js-invite-entry')!);
    await waitFor(() => navigations.slice(before).includes('/package-invite/pages/index/index'), 'navigateTo 邀请有礼');
    centre.page.detach();

    const { page, host } = openPage('package-invite/pages/index/index');
    await waitFor(() => one(host, 'js-invite-poster'), 'the 生成邀请海报 button');
    tap(one(host, 'js-invite-poster')!);
    await waitFor(() => one(host, 'js-invite-code'), 'the invitation code on the poster');
    const asked = requests.find((r) => /^GET \/api\/v1\/shares\/[0-9A-Za-z]{10}\/code$/.test(r));
    expect(asked, requests.join('\n')).toBeTruthy();
    const code = await apiCall<{ platform: string; image: string }>(api.base, 'GET', asked!.slice(4), lastAuthorization!.slice(7));
    expect(code.platform).toBe('weapp');
    expect(code.image.startsWith('data:image/png;base64,')).toBe(true);
    expect(one(host, 'js-invite-mine')).toBeTruthy();
    page.detach();
  }, 60_000);
});

describe('WeChat output: the region picker, the address book, order counts and 支付成功', () => {
  const one = (host: Element, className: string): Element | null => allDom(host, className)[0] ?? null;
  const member = () => lastAuthorization!.slice(7);

  it('renders the address page with a three-column region picker and fills the form from wx.chooseAddress', async () => {
    const edit = openPage('package-address/pages/edit/index');
    await waitFor(() => one(edit.host, 'js-address-region'), 'the region row');
    // The region is WeChat's own picker, in multiSelector mode, with every province in its first column.
    const picker = edit.host.querySelector('wx-picker');
    expect(picker, 'a <picker> in the page').toBeTruthy();
    // Taro renders it from the page's data: the picker's mode and its three columns (34 provinces first) are there.
    const rendered = JSON.stringify(edit.page.data);
    expect(rendered).toContain('"multiSelector"');
    expect(rendered).toContain('"新疆维吾尔自治区"');
    expect(rendered).toContain('"东城区"');
    expect(one(edit.host, 'js-address-region-value')?.textContent?.trim()).toBe('请选择省 / 市 / 区县');
    // WeChat has an address book: the import fills the form, matching 广西 to 广西壮族自治区.
    addressBook = () => ({
      userName: '韦小宝',
      telNumber: '+86 139-1234-5678',
      provinceName: '广西',
      cityName: '南宁市',
      countyName: '青秀区',
      detailInfo: '民族大道 100 号',
    });
    tap(one(edit.host, 'js-address-import')!);
    await waitFor(() => one(edit.host, 'js-address-region-value')?.textContent?.trim() === '广西壮族自治区 南宁市 青秀区', 'the imported region');
    expect(toasts).toContain('已填入，请核对后保存');
    addressBook = null;
    const before = toasts.length;
    tap(one(edit.host, 'js-address-import')!); // the shopper closes the sheet: nothing is said
    await new Promise((r) => setTimeout(r, 300));
    expect(toasts.slice(before)).toEqual([]);
    edit.page.detach();
  }, 60_000);

  it('shows the order counts on the member page, as the API counts them', async () => {
    const owner = await staffToken(api.base);
    const product = await createSpecProduct(api.base, owner, `计数测试${Date.now() % 1000}`);
    await createMemberOrder(api.base, member(), product.skus[0]!.id, 1);
    const counts = await apiCall<{ all: number; awaitingPayment: number }>(api.base, 'GET', '/api/v1/orders/counts', member());
    expect(counts.awaitingPayment).toBeGreaterThan(0);
    const page = openPage('pages/member/index');
    await waitFor(
      () => one(page.host, 'js-order-count-awaiting_payment')?.textContent?.trim() === String(Math.min(counts.awaitingPayment, 99)),
      'the 待付款 count',
    );
    expect(one(page.host, 'js-order-count-all')?.textContent?.trim()).toBe(`全部订单 ${counts.all} ›`);
    expect(one(page.host, 'js-favourites-entry')).toBeTruthy();
    page.page.detach();
  }, 60_000);

  it('lists 我的收藏 newest first, with an off-shelf favourite marked 已下架', async () => {
    const owner = await staffToken(api.base);
    const keptTitle = `收藏在售${Date.now() % 1000}`;
    const goneTitle = `收藏下架${Date.now() % 1000}`;
    const kept = await createSpecProduct(api.base, owner, keptTitle);
    const gone = await createSpecProduct(api.base, owner, goneTitle);
    await memberWrite(api.base, member(), 'PUT', `/api/v1/me/favourites/${kept.id}`);
    await new Promise((r) => setTimeout(r, 5)); // a later instant: newest first is by time
    await memberWrite(api.base, member(), 'PUT', `/api/v1/me/favourites/${gone.id}`);
    await apiCall(api.base, 'POST', `/api/v1/merchant/products/${gone.id}/unshelve`, owner);
    const page = openPage('package-favourite/pages/list/index');
    await waitFor(() => allDom(page.host, 'js-favourite-title').length >= 2, 'the favourites');
    const titles = allDom(page.host, 'js-favourite-title').map((el) => el.textContent?.trim());
    expect(titles.slice(0, 2)).toEqual([goneTitle, keptTitle]);
    expect(allDom(page.host, 'js-favourite-off-shelf-tag').map((el) => el.textContent?.trim())).toEqual(['已下架']);
    page.page.detach();
  }, 60_000);

  it('shows 支付成功 with the amount and the order number for a paid order', async () => {
    const owner = await staffToken(api.base);
    const product = await createSpecProduct(api.base, owner, `支付成功测试${Date.now() % 1000}`);
    const order = await createMemberOrder(api.base, member(), product.skus[0]!.id, 1);
    await memberWrite(api.base, member(), 'POST', `/api/v1/orders/${order.id}/pay`, {});
    await simulatorPay(api.base, 'weapp', order.orderNo);
    const page = openPage('package-order/pages/pay-success/index', { id: String(order.id) });
    await waitFor(() => one(page.host, 'js-pay-success-heading')?.textContent?.trim() === '支付成功', '支付成功');
    expect(one(page.host, 'js-pay-success-amount')?.textContent?.trim()).toBe(formatYuan(order.payableFen));
    expect(one(page.host, 'js-pay-success-order-no')?.textContent?.trim()).toBe(order.orderNo);
    const navigated = navigations.length;
    tap(one(page.host, 'js-pay-success-home')!);
    await waitFor(() => navigations.slice(navigated).includes('/pages/index/index'), 'switchTab home');
    page.page.detach();
  }, 60_000);
});

describe('WeChat output: behaviour events (decision 042)', () => {
  it('tracks page and product views and sends them when the app is hidden; the server stores them for the member', async () => {
    const owner = await staffToken(api.base);
    const product = await createSpecProduct(api.base, owner, '行为追踪测试');
    const { page, host } = openPage('package-product/pages/detail/index', { id: String(product.id) });
    await waitFor(() => findDom(host, 'js-detail-title')?.textContent?.includes('行为追踪测试'), 'the product title');
    const queued = () => JSON.parse(String(storage.get('siyu.events') || '[]')) as Array<{ kind: string; productId?: number; platform: string }>;
    await waitFor(() => queued().some((e) => e.kind === 'product_view' && e.productId === product.id), 'the product view queued');
    expect(queued().every((e) => e.platform === 'weapp')).toBe(true);
    expect(appHideListeners.length).toBeGreaterThan(0);
    const sentBefore = requests.filter((r) => r === 'POST /api/v1/events').length;
    for (const hide of appHideListeners) hide();
    await waitFor(() => requests.filter((r) => r === 'POST /api/v1/events').length > sentBefore, 'the batch sent on hide');
    await waitFor(() => queued().length === 0, 'the queue emptied');
    const data = await apiCall<{ data: { events: Record<string, number> } }>(api.base, 'GET', '/api/v1/me/data', lastAuthorization!.slice(7));
    expect(data.data.events.product_view).toBeGreaterThanOrEqual(1);
    expect(data.data.events.page_view).toBeGreaterThanOrEqual(1);
    page.detach();
  }, 60_000);
});

describe('WeChat output: check-in cycles (last: it moves the server clock)', () => {
  // Last: it moves the server's clock two or three days on.
  it('shows a missed day of the cycle as make-up-able on the check-in page, and makes it up with a tap', async () => {
    const owner = await staffToken(api.base);
    await apiCall(api.base, 'PUT', '/api/v1/merchant/check-in/rules', owner, {
      rewards: [5, 5, 10, 10, 15, 15, 30],
      afterCycle: 'restart',
      cycle: 'month',
      cumulativeRewards: [{ count: 7, points: 50 }],
      makeUp: { enabled: true, costPoints: 0, maxPerCycle: 2, payReward: false },
    });
    // The first test checked in today. Two days on, yesterday is missed; if that lands on the 1st, three days on, so the
    // missed day is in the new today's month (the cycle).
    const { now } = await apiCall<{ now: string }>(api.base, 'GET', '/__test/clock', null);
    const today = businessDateOf(new Date(now), 'Asia/Shanghai');
    const days = addDays(today, 2).endsWith('-01') ? 3 : 2;
    await moveClock(api.base, days * 24 * 3600_000);
    const newToday = addDays(today, days);
    const missed = addDays(newToday, -1);

    const { page, host } = openPage('package-check-in/pages/check-in/index');
    await waitFor(() => /0/.test(findDom(host, 'js-checkin-streak')?.textContent ?? ''), 'streak 0 after the missed day');
    const day = await waitFor(() => findDom(host, `js-day-${missed}`), 'the missed day in the calendar');
    await waitFor(() => day.className.includes('js-calendar-make-up'), 'the missed day offered for 补签');
    expect(findDom(host, 'js-make-up-summary')?.textContent).toContain('本周期还可免费补签 2 次');
    expect(findDom(host, 'js-checkin-cycle')?.textContent).toContain('本月累计签到');

    tap(day); // wx.showModal confirms here
    await waitFor(() => requests.includes('POST /api/v1/check-in/make-up'), 'the make-up request');
    await waitFor(() => findDom(host, `js-day-${missed}`)?.className.includes('js-calendar-made-up'), 'the day shown as made up');
    const status = await apiCall<{ madeUpDates: string[]; makeUp: { used: number } }>(
      api.base,
      'GET',
      '/api/v1/check-in/status',
      lastAuthorization!.slice(7),
    );
    expect(status.madeUpDates).toContain(missed);
    expect(status.makeUp.used).toBe(1);
    page.detach();
  }, 60_000);

  it('opens 分销中心: how to qualify, then the application pending after a tap on 申请成为分销员', async () => {
    const page = openPage('package-distribution/pages/centre/index');
    await waitFor(() => findDom(page.host, 'js-distribution-status')?.textContent?.trim() === '还不是分销员', '还不是分销员');
    tap(findDom(page.host, 'js-apply')!);
    await waitFor(() => findDom(page.host, 'js-distribution-status')?.textContent?.trim() === '申请审核中', '申请审核中');
    page.page.detach();
  }, 60_000);
});
