/**
 * Logic-layer smoke tests of the compiled Alipay (dist/alipay) and Douyin (dist/tt) outputs, against the real API.
 *
 * Neither vendor ships a simulator that runs on Linux, so this plays the host app in Node: it defines the platform
 * global (`my` / `tt`) with the calling conventions each platform documents (Alipay: `headers`/`status`, storage by
 * `{ key }`, non-2xx as fail error 19; Douyin: `header`/`statusCode`, storage by key), the mini-program globals
 * (App, Page, Component, getApp, getCurrentPages), loads the built app.js, launches it, loads the check-in page,
 * runs its lifecycle on a page instance that records every setData, and reads what Taro rendered out of the
 * setData tree. A tap goes through Taro's own event handler (`eh`), as the templates bind it.
 *
 * What it catches: a build that does not load (missing globals, bad chunks), a login that does not reach the
 * API with the right platform, a page that does not render the API's state, a tap that does not check in.
 * What it cannot: the templates (.axml/.ttml) and styles are not rendered.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST,
  apiCall,
  createCouponTemplate,
  createMemberOrder,
  createSpecProduct,
  memberWrite,
  simulatorCode,
  simulatorPay,
  simulatorPhoneProof,
  simulatorTrade,
  staffToken,
  startApi,
  type RunningApi,
} from './api-server.js';

const nodeRequire = createRequire(import.meta.url);
const BUILT_API_BASE = 'http://127.0.0.1:3000'; // config/platforms.json default baked into the build
const CHECK_IN_ROUTE = 'package-check-in/pages/check-in/index';
const SESSION_KEY = 'siyu.session';

type Platform = 'alipay' | 'tt';
type AnyFn = (...args: any[]) => any;
type Obj = Record<string, any>;

interface RecordedRequest {
  method: string;
  path: string;
  /** The header object as the compiled code passed it (Alipay: `headers`, Douyin: `header`). */
  headers: Record<string, string>;
  /** Which option name carried the headers. */
  headerOption: 'headers' | 'header' | 'none';
  body: unknown;
  dataType: unknown;
  status?: number;
}

/** A rendered Taro node as it appears in setData: nn (template), sid/uid, cl (class), v (text), cn (children). */
interface TaroNode {
  nn?: string | number;
  sid?: string;
  uid?: string;
  cl?: string;
  v?: string;
  cn?: TaroNode[];
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function waitFor<T>(probe: () => T | null | undefined | false, what: string, diagnose: () => string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}\n${diagnose()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Applies one setData key ("root.cn.[0].cn[1].v", "root") to `target`, the way the mini-program runtimes do. */
function setPath(target: Obj, key: string, value: unknown): void {
  const parts: Array<string | number> = [];
  for (const seg of key.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  }
  let obj: Obj = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    if (obj[p] === null || typeof obj[p] !== 'object') obj[p] = typeof parts[i + 1] === 'number' ? [] : {};
    obj = obj[p];
  }
  obj[parts[parts.length - 1]!] = value;
}

function walk(node: unknown, visit: (n: TaroNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  visit(node as TaroNode);
  walk((node as TaroNode).cn, visit);
}

function findByClass(root: unknown, className: string): TaroNode | null {
  let found: TaroNode | null = null;
  walk(root, (n) => {
    if (!found && typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className)) found = n;
  });
  return found;
}

function textOf(node: TaroNode | null): string {
  if (!node) return '';
  let s = '';
  walk(node, (n) => {
    if (typeof n.v === 'string') s += n.v;
  });
  return s;
}

function toQuery(data: unknown): string {
  if (!data || typeof data !== 'object') return data === undefined || data === null ? '' : String(data);
  return Object.entries(data as Obj)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

function withQuery(url: string, data: unknown): string {
  const q = toQuery(data);
  return q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url;
}

// ---------------------------------------------------------------------------------------------------------------
// The host-app harness

class MiniHost {
  readonly root: string;
  readonly requests: RecordedRequest[] = [];
  readonly storage = new Map<string, unknown>();
  readonly storageCalls: string[] = [];
  readonly toasts: string[] = [];
  readonly authScopes: unknown[] = [];
  /** How many times the page called my.getPhoneNumber(). */
  phoneNumberCalls = 0;
  readonly errors: string[] = [];
  /** Every setData payload, in order, as JSON (for diagnostics and text search). */
  readonly setDataLog: string[] = [];
  readonly pageConfigs = new Map<string, Obj>();
  readonly componentConfigs: Obj[] = [];
  appConfig: Obj | null = null;
  page: Obj | null = null;
  /**
   * What the shopper does in the payment sheet (Alipay my.tradePay, Douyin tt.getOrderPayment): the result code /
   * outcome to answer with, after whatever the test plays (e.g. POST /__sim/pay). Null: no sheet expected.
   */
  paymentSheet: ((call: { api: string; params: Obj; outTradeNo: string }) => Promise<{ resultCode?: string; ok?: boolean; errMsg?: string }>) | null =
    null;
  /** Every payment API call the compiled code made, with its parameters (callbacks left out). */
  readonly paymentCalls: Array<{ api: string; params: Obj }> = [];
  /** Assertions that failed inside a payment mock (they would otherwise only look like a failed payment). */
  readonly sheetErrors: string[] = [];
  /** The shopper's address in the platform's address book (Alipay my.getAddress, Douyin tt.chooseAddress); null: cancelled. */
  addressBook: { name: string; phone: string; province: string; city: string; district: string; detail: string } | null = null;
  /** Douyin order ids from tt.requestOrder → the out_order_no they were created for. */
  private readonly ttOrders = new Map<string, string>();
  /** The order the test is paying (its orderNo is our out_trade_no): Alipay's tradeNO names Alipay's trade, not ours. */
  payingOrderNo: string | null = null;
  /** Where the pages asked to go (navigateTo / redirectTo urls). */
  navigations: string[] = [];

  private api: RunningApi | null = null;
  /** The global names before setUp; null until then, so a failed setUp removes nothing. */
  private globalsBefore: Set<string> | null = null;
  private savedConsole: { error: AnyFn; warn: AnyFn } | null = null;
  private currentRoute = '';
  private user = '';

  constructor(readonly platform: Platform) {
    this.root = path.join(DIST, platform);
  }

  assertBuilt(): void {
    const missing = ['app.js', 'app.json', 'taro.js', `${CHECK_IN_ROUTE}.js`].filter((f) => !fs.existsSync(path.join(this.root, f)));
    if (missing.length) {
      throw new Error(
        `${path.relative(process.cwd(), this.root)} is missing ${missing.join(', ')}: build it first: node scripts/build-miniapp.mjs ${this.platform}`,
      );
    }
  }

  diagnose = (): string =>
    [
      `requests: ${this.requests.map((r) => `${r.method} ${r.path} -> ${r.status ?? 'pending'}`).join(', ') || '(none)'}`,
      `console errors: ${this.errors.join(' | ') || '(none)'}`,
      `setData calls: ${this.setDataLog.length}; last: ${(this.setDataLog[this.setDataLog.length - 1] ?? '').slice(0, 600)}`,
    ].join('\n');

  // -- request routing ------------------------------------------------------------------------------------------

  private async forward(
    rec: RecordedRequest,
    url: string,
    init: RequestInit,
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    this.requests.push(rec);
    const res = await fetch(url, init);
    const text = await res.text();
    rec.status = res.status;
    return { status: res.status, headers: Object.fromEntries(res.headers), text };
  }

  private rewrite(url: unknown): string {
    const s = String(url);
    if (!s.startsWith(BUILT_API_BASE)) throw new Error(`request to an unexpected origin: ${s} (the build should call ${BUILT_API_BASE})`);
    return this.api!.base + s.slice(BUILT_API_BASE.length);
  }

  /**
   * The request a platform's request API makes of `opts` (its headers under `headerKey`, the other spelling recorded
   * when used instead): the URL on the test API, the data as a query for GET or a body serialized per content-type.
   */
  private outgoing(opts: Obj, headerKey: 'headers' | 'header') {
    const method = String(opts.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(opts[headerKey] ?? {}) };
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
    let url = this.rewrite(opts.url);
    let body: string | undefined;
    if (opts.data !== undefined && opts.data !== null) {
      if (method === 'GET') url = withQuery(url, opts.data);
      else if (typeof opts.data === 'string') body = opts.data;
      else body = contentType.includes('json') ? JSON.stringify(opts.data) : toQuery(opts.data);
    }
    const other = headerKey === 'headers' ? 'header' : 'headers';
    const rec: RecordedRequest = {
      method,
      path: url.slice(this.api!.base.length),
      headers,
      headerOption: opts[headerKey] ? headerKey : opts[other] ? other : 'none',
      body: body === undefined ? undefined : safeJson(body),
      dataType: opts.dataType,
    };
    return { method, headers, url, body, rec };
  }

  /** Alipay my.request: `headers`, `status`; data serialized per content-type; non-2xx is fail error 19. */
  private alipayRequest = (opts: Obj) => {
    const { method, headers, url, body, rec } = this.outgoing(opts, 'headers');
    const dataType = opts.dataType ?? 'json_or_text';
    const controller = new AbortController();
    this.forward(rec, url, { method, headers, body, signal: controller.signal })
      .then((res) => {
        let data: unknown = res.text;
        if (dataType === 'json' || dataType === 'json_or_text') {
          try {
            data = res.text === '' ? '' : JSON.parse(res.text);
          } catch {
            if (dataType === 'json') {
              const err = { error: 14, errorMessage: 'JSON parse data error', status: res.status, headers: res.headers, data: res.text };
              opts.fail?.(err);
              opts.complete?.(err);
              return;
            }
          }
        } else if (dataType !== 'text') {
          throw new Error(`my.request dataType ${String(dataType)} is not emulated`);
        }
        if (res.status >= 200 && res.status < 300) {
          const ok = { status: res.status, headers: res.headers, data };
          opts.success?.(ok);
          opts.complete?.(ok);
        } else {
          const err = { error: 19, errorMessage: 'http status error', status: res.status, headers: res.headers, data };
          opts.fail?.(err);
          opts.complete?.(err);
        }
      })
      .catch((e) => {
        const err = { error: 12, errorMessage: `network error: ${e}` };
        opts.fail?.(err);
        opts.complete?.(err);
      });
    return { abort: () => controller.abort() };
  };

  /** Douyin tt.request: `header`, `statusCode`; success for every HTTP status, fail only on network errors. */
  private ttRequest = (opts: Obj) => {
    const { method, headers: header, url, body, rec } = this.outgoing(opts, 'header');
    const controller = new AbortController();
    this.forward(rec, url, { method, headers: header, body, signal: controller.signal })
      .then((res) => {
        let data: unknown = res.text;
        if ((opts.dataType ?? 'json') === 'json') {
          try {
            data = JSON.parse(res.text);
          } catch {
            /* Douyin hands over the text when it is not JSON */
          }
        }
        const ok = { statusCode: res.status, header: res.headers, data, errMsg: 'request:ok' };
        opts.success?.(ok);
        opts.complete?.(ok);
      })
      .catch((e) => {
        const err = { errMsg: `request:fail ${e}`, errNo: 21100 };
        opts.fail?.(err);
        opts.complete?.(err);
      });
    return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} };
  };

  // -- the platform global --------------------------------------------------------------------------------------

  private buildPlatformGlobal(user: string): Obj {
    const g: Obj = {};
    const okStub =
      (name: string) =>
      (opts: Obj = {}) => {
        if (name === 'showToast') this.toasts.push(String(opts.title ?? ''));
        if (name === 'redirectTo' || name === 'navigateTo') this.navigations.push(String(opts.url ?? ''));
        // A modal (showModal; Alipay's my.confirm) is answered with its confirm button.
        const answer = name === 'showModal' || name === 'confirm' ? { confirm: true, cancel: false } : {};
        const res = this.platform === 'alipay' ? { success: true, ...answer } : { errMsg: `${name}:ok`, ...answer };
        opts.success?.(res);
        opts.complete?.(res);
      };
    for (const name of [
      'showToast',
      'hideToast',
      'showLoading',
      'hideLoading',
      'navigateTo',
      'redirectTo',
      'switchTab',
      'navigateBack',
      'reLaunch',
      'setNavigationBarTitle',
      'setNavigationBar',
      'stopPullDownRefresh',
      'vibrateShort',
      'showModal',
      'confirm',
      'alert',
    ]) {
      g[name] = okStub(name);
    }
    const systemInfo = {
      platform: 'android',
      system: 'Android 14',
      model: 'smoke',
      brand: 'smoke',
      pixelRatio: 2,
      windowWidth: 375,
      windowHeight: 812,
      screenWidth: 375,
      screenHeight: 812,
      statusBarHeight: 24,
      language: 'zh_CN',
      version: this.platform === 'alipay' ? '10.5.0' : '30.0.0',
      SDKVersion: this.platform === 'alipay' ? '2.9.0' : '3.0.0',
      app: this.platform === 'alipay' ? 'alipay' : 'Douyin',
      appName: this.platform === 'tt' ? 'Douyin' : undefined,
    };
    g.getSystemInfoSync = () => ({ ...systemInfo });
    g.getSystemInfo = (opts: Obj = {}) => {
      opts.success?.({ ...systemInfo });
      opts.complete?.({ ...systemInfo });
    };
    g.getWindowInfo = () => ({ ...systemInfo });
    g.getMenuButtonBoundingClientRect = () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 });
    g.canIUse = () => true;
    g.nextTick = (fn: () => void) => setTimeout(fn, 0);
    for (const name of [
      'onAppShow',
      'onAppHide',
      'offAppShow',
      'offAppHide',
      'onError',
      'offError',
      'onUnhandledRejection',
      'onNetworkStatusChange',
      'onMemoryWarning',
      'reportAnalytics',
    ]) {
      g[name] = () => undefined;
    }
    g.createSelectorQuery = () => {
      const q: Obj = {
        in: () => q,
        select: () => q,
        selectAll: () => q,
        selectViewport: () => q,
        boundingClientRect: () => q,
        scrollOffset: () => q,
        fields: () => q,
        exec: (cb?: AnyFn) => cb?.([]),
      };
      return q;
    };

    if (this.platform === 'alipay') {
      // my.getAddress: resultStatus 9000 with the address in Alipay's fields, 6001 when the shopper cancels.
      g.getAddress = (opts: Obj = {}) => {
        const a = this.addressBook;
        const res = a
          ? {
              resultStatus: '9000',
              result: { fullname: a.name, mobilePhone: a.phone, prov: a.province, city: a.city, area: a.district, street: '', address: a.detail },
            }
          : { resultStatus: '6001' };
        opts.success?.(res);
        opts.complete?.(res);
      };
      g.request = this.alipayRequest;
      g.httpRequest = this.alipayRequest;
      g.getAuthCode = (opts: Obj = {}) => {
        this.authScopes.push(opts.scopes);
        simulatorCode(this.api!.base, 'alipay', user).then(
          (authCode) => {
            const res = { authCode, authSuccessScopes: [].concat(opts.scopes ?? 'auth_base'), authErrorScopes: {} };
            opts.success?.(res);
            opts.complete?.(res);
          },
          (e) => {
            const err = { error: 11, errorMessage: String(e) };
            opts.fail?.(err);
            opts.complete?.(err);
          },
        );
      };
      // my.getPhoneNumber(): after the member allowed scope="phoneNumber", Alipay's signed, encrypted response (here the
      // simulator's, for this user).
      g.getPhoneNumber = (opts: Obj = {}) => {
        this.phoneNumberCalls += 1;
        simulatorPhoneProof(this.api!.base, 'alipay', user).then(
          (proof) => {
            opts.success?.(proof);
            opts.complete?.(proof);
          },
          (e) => {
            const err = { error: 3, errorMessage: String(e) };
            opts.fail?.(err);
            opts.complete?.(err);
          },
        );
      };
      // my.tradePay({ tradeNO }): the cashier for a trade the server created (alipay.trade.create). The result code
      // comes back through success for every outcome the shopper causes (9000 paid, 6001 closed, …).
      g.tradePay = (opts: Obj = {}) => {
        const { success, fail, complete, ...params } = opts;
        this.paymentCalls.push({ api: 'tradePay', params });
        void (async () => {
          try {
            if (typeof params.tradeNO !== 'string' || !params.tradeNO) throw new Error(`my.tradePay without a tradeNO: ${JSON.stringify(params)}`);
            // Alipay's trade number is not ours: it must be the one the simulator issued for the order being paid.
            const outTradeNo = this.payingOrderNo;
            if (!outTradeNo) throw new Error('my.tradePay while no order is being paid');
            const trade = await simulatorTrade(this.api!.base, 'alipay', outTradeNo);
            if (trade?.transactionId !== params.tradeNO)
              throw new Error(`my.tradePay got tradeNO ${params.tradeNO}, the simulator's trade for ${outTradeNo} is ${JSON.stringify(trade)}`);
            if (!this.paymentSheet) throw new Error('no payment sheet set by this test');
            const r = await this.paymentSheet({ api: 'tradePay', params, outTradeNo });
            const res = { resultCode: r.resultCode ?? '4000', memo: '', result: '' };
            success?.(res);
            complete?.(res);
          } catch (e) {
            this.sheetErrors.push(String((e as Error)?.stack ?? e));
            const err = { error: 3, errorMessage: String(e) };
            fail?.(err);
            complete?.(err);
          }
        })();
      };
      // Alipay storage takes an options object: getStorageSync({ key }) → { data } (null when absent).
      const needKey = (name: string, o: unknown): Obj => {
        if (!o || typeof o !== 'object' || typeof (o as Obj).key !== 'string') {
          const msg = `my.${name} called with ${JSON.stringify(o)}: Alipay takes { key }`;
          this.errors.push(msg);
          throw new Error(msg);
        }
        return o as Obj;
      };
      g.getStorageSync = (o: unknown) => {
        const { key } = needKey('getStorageSync', o);
        this.storageCalls.push(`get ${key}`);
        return { data: this.storage.has(key) ? this.storage.get(key) : null };
      };
      g.setStorageSync = (o: unknown) => {
        const { key, data } = needKey('setStorageSync', o);
        this.storageCalls.push(`set ${key}`);
        this.storage.set(key, data);
        return { success: true };
      };
      g.removeStorageSync = (o: unknown) => {
        const { key } = needKey('removeStorageSync', o);
        this.storageCalls.push(`remove ${key}`);
        this.storage.delete(key);
        return { success: true };
      };
    } else {
      // tt.chooseAddress: WeChat's fields; "chooseAddress:fail cancel" when the shopper closes it.
      g.chooseAddress = (opts: Obj = {}) => {
        const a = this.addressBook;
        if (!a) {
          const err = { errMsg: 'chooseAddress:fail cancel' };
          opts.fail?.(err);
          opts.complete?.(err);
          return;
        }
        const res = {
          userName: a.name,
          telNumber: a.phone,
          provinceName: a.province,
          cityName: a.city,
          countyName: a.district,
          detailInfo: a.detail,
          errMsg: 'chooseAddress:ok',
        };
        opts.success?.(res);
        opts.complete?.(res);
      };
      g.request = this.ttRequest;
      g.login = (opts: Obj = {}) => {
        simulatorCode(this.api!.base, 'tt', user).then(
          (code) => {
            const res = { code, anonymousCode: '', isLogin: true, errMsg: 'login:ok' };
            opts.success?.(res);
            opts.complete?.(res);
          },
          (e) => {
            const err = { errMsg: `login:fail ${e}` };
            opts.fail?.(err);
            opts.complete?.(err);
          },
        );
      };
      // tt.requestOrder({ data, byteAuthorization }): the client hands the server-signed order to Douyin, which checks
      // the signature and opens the order (the simulator's /tt/requestOrder plays that part) and answers its orderId.
      g.requestOrder = (opts: Obj = {}) => {
        const { success, fail, complete, ...params } = opts;
        this.paymentCalls.push({ api: 'requestOrder', params });
        void (async () => {
          try {
            const res = await fetch(`${this.api!.base}/__sim/tt/requestOrder`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ data: params.data, byteAuthorization: params.byteAuthorization }),
            });
            const body = (await res.json()) as { err_no: number; err_tips?: string; data?: { orderId: string; outOrderNo: string } };
            if (body.err_no !== 0 || !body.data) {
              this.sheetErrors.push(`tt.requestOrder refused by the simulator: ${JSON.stringify(body)}`);
              const err = { errNo: body.err_no, errMsg: `requestOrder:fail ${body.err_tips ?? ''}` };
              fail?.(err);
              complete?.(err);
              return;
            }
            this.ttOrders.set(body.data.orderId, body.data.outOrderNo);
            const ok = { orderId: body.data.orderId, itemOrderList: [], logId: 'smoke', errMsg: 'requestOrder:ok' };
            success?.(ok);
            complete?.(ok);
          } catch (e) {
            this.sheetErrors.push(String((e as Error)?.stack ?? e));
            const err = { errNo: 21100, errMsg: `requestOrder:fail ${e}` };
            fail?.(err);
            complete?.(err);
          }
        })();
      };
      // tt.getOrderPayment({ orderId }): Douyin's cashier for that order.
      g.getOrderPayment = (opts: Obj = {}) => {
        const { success, fail, complete, ...params } = opts;
        this.paymentCalls.push({ api: 'getOrderPayment', params });
        void (async () => {
          let r: { ok?: boolean; errMsg?: string };
          try {
            const outTradeNo = this.ttOrders.get(String(params.orderId));
            if (!outTradeNo) throw new Error(`tt.getOrderPayment for orderId ${params.orderId}, which tt.requestOrder never returned`);
            if (!this.paymentSheet) throw new Error('no payment sheet set by this test');
            r = await this.paymentSheet({ api: 'getOrderPayment', params, outTradeNo });
          } catch (e) {
            this.sheetErrors.push(String((e as Error)?.stack ?? e));
            r = { ok: false, errMsg: `getOrderPayment:fail ${e}` };
          }
          const res = r.ok ? { errMsg: 'getOrderPayment:ok' } : { errNo: 1, errMsg: r.errMsg ?? 'getOrderPayment:fail' };
          (r.ok ? success : fail)?.(res);
          complete?.(res);
        })();
      };
      // Douyin storage is keyed like WeChat's: getStorageSync(key) → value ('' when absent).
      const needKey = (name: string, key: unknown): string => {
        if (typeof key !== 'string') {
          const msg = `tt.${name} called with ${JSON.stringify(key)}: Douyin takes the key`;
          this.errors.push(msg);
          throw new Error(msg);
        }
        return key;
      };
      g.getStorageSync = (key: unknown) => {
        const k = needKey('getStorageSync', key);
        this.storageCalls.push(`get ${k}`);
        return this.storage.has(k) ? this.storage.get(k) : '';
      };
      g.setStorageSync = (key: unknown, data: unknown) => {
        const k = needKey('setStorageSync', key);
        this.storageCalls.push(`set ${k}`);
        this.storage.set(k, data);
      };
      g.removeStorageSync = (key: unknown) => {
        const k = needKey('removeStorageSync', key);
        this.storageCalls.push(`remove ${k}`);
        this.storage.delete(k);
      };
    }
    return g;
  }

  // -- lifecycle ------------------------------------------------------------------------------------------------

  private clearDistModules(): void {
    const prefix = this.root + path.sep;
    for (const key of Object.keys(nodeRequire.cache)) if (key.startsWith(prefix)) delete nodeRequire.cache[key];
  }

  async setUp(user: string): Promise<void> {
    this.assertBuilt();
    this.user = user;
    this.api = await startApi({ seed: true }); // the demo catalog, for the home page's product list
    this.globalsBefore = new Set(Reflect.ownKeys(globalThis).map(String));
    this.clearDistModules();

    // Node 20 has no navigator; Taro's Alipay runtime reads it and redefines navigator.userAgent.
    if (!('navigator' in globalThis)) {
      Object.defineProperty(globalThis, 'navigator', {
        configurable: true,
        writable: true,
        value: {
          userAgent: `Mozilla/5.0 (Linux; Android 14) ${this.platform === 'alipay' ? 'AlipayClient/10.5.0' : 'aweme/30.0.0'}`,
          language: 'zh-CN',
          platform: 'Linux',
        },
      });
    }
    this.installGlobals();

    this.savedConsole = { error: console.error, warn: console.warn };
    console.error = (...args: unknown[]) => {
      this.errors.push(args.map(String).join(' '));
      this.savedConsole!.error(...args);
    };
  }

  /** A fresh platform global and mini-program globals (the webpack chunk registry lives on `my`/`tt`). */
  private installGlobals(): void {
    const g = globalThis as any;
    g[this.platform === 'alipay' ? 'my' : 'tt'] = this.buildPlatformGlobal(this.user);
    g.App = (config: Obj) => {
      this.appConfig = config;
    };
    g.Page = (config: Obj) => {
      this.pageConfigs.set(this.currentRoute, config);
    };
    g.Component = (config: Obj) => {
      this.componentConfigs.push(config);
    };
    g.getApp = () => this.appConfig;
    g.getCurrentPages = () => (this.page ? [this.page] : []);
    g.requirePlugin = () => ({});
  }

  /** The app killed and started again: fresh modules and globals, the same storage and API. */
  relaunch(): void {
    this.page?.onUnload?.call(this.page);
    this.clearDistModules();
    this.appConfig = null;
    this.page = null;
    this.pageConfigs.clear();
    this.setDataLog.length = 0;
    this.installGlobals();
  }

  async tearDown(): Promise<void> {
    if (this.savedConsole) {
      console.error = this.savedConsole.error;
      console.warn = this.savedConsole.warn;
    }
    try {
      this.page?.onUnload?.call(this.page);
    } catch {
      /* best effort */
    }
    // Give Taro's unmount and any last timers a moment before the globals they use disappear.
    await new Promise((r) => setTimeout(r, 50));
    const before = this.globalsBefore;
    if (before) {
      for (const key of Reflect.ownKeys(globalThis)) if (typeof key === 'string' && !before.has(key)) delete (globalThis as any)[key];
    }
    this.clearDistModules();
    await this.api?.stop();
  }

  get base(): string {
    return this.api!.base;
  }

  loadApp(): Obj {
    this.currentRoute = 'app';
    nodeRequire(path.join(this.root, 'app.js'));
    if (!this.appConfig) throw new Error(`${this.platform}/app.js loaded but never called App()`);
    const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
    this.appConfig.onLaunch?.call(this.appConfig, launch);
    this.appConfig.onShow?.call(this.appConfig, launch);
    return this.appConfig;
  }

  /** Loads a page file, then plays the runtime: a page instance with the config's members, onLoad → onShow → onReady. */
  openPage(route: string, query: Obj = {}): Obj {
    this.currentRoute = route;
    nodeRequire(path.join(this.root, `${route}.js`));
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${this.platform}/${route}.js loaded but never called Page()`);
    const host = this;
    const page: Obj = {};
    for (const [k, v] of Object.entries(config)) if (k !== 'data') page[k] = v;
    Object.assign(page, {
      route,
      __route__: route,
      $viewId: '1',
      data: JSON.parse(JSON.stringify(config.data ?? {})),
      setData(this: Obj, data: Obj, cb?: () => void) {
        host.setDataLog.push(JSON.stringify(data));
        for (const [key, value] of Object.entries(data)) setPath(this.data, key, JSON.parse(JSON.stringify(value ?? null)));
        if (cb) setTimeout(cb, 0);
      },
    });
    this.page = page;
    page.onLoad?.call(page, query);
    page.onShow?.call(page);
    page.onReady?.call(page);
    return page;
  }

  /** A tap on a rendered node, delivered the way the templates bind it: onTap="eh" / bindtap="eh" with id and data-sid. */
  tap(node: TaroNode): void {
    const id = node.uid || node.sid;
    if (!id) throw new Error(`node has no sid/uid: ${JSON.stringify(node).slice(0, 200)}`);
    const target = { id, dataset: { sid: node.sid }, offsetLeft: 0, offsetTop: 0 };
    const event = {
      type: 'tap',
      timeStamp: Date.now(),
      target,
      currentTarget: { ...target, dataset: { ...target.dataset } },
      detail: { x: 10, y: 10 },
      touches: [],
      changedTouches: [],
    };
    if (typeof this.page?.eh !== 'function') throw new Error('the page config has no Taro event handler (eh)');
    this.page.eh.call(this.page, event);
  }

  /** Any other event a component binds (getphonenumber, getauthorize, …), with the platform's `detail`. */
  fire(node: TaroNode, type: string, detail: Obj): void {
    const id = node.uid || node.sid;
    if (!id) throw new Error(`node has no sid/uid: ${JSON.stringify(node).slice(0, 200)}`);
    const target = { id, dataset: { sid: node.sid } };
    const event = { type, timeStamp: Date.now(), target, currentTarget: { ...target, dataset: { ...target.dataset } }, detail };
    if (typeof this.page?.eh !== 'function') throw new Error('the page config has no Taro event handler (eh)');
    this.page.eh.call(this.page, event);
  }

  find(className: string): TaroNode | null {
    return findByClass(this.page?.data?.root, className);
  }

  storedToken(): string {
    const raw = this.storage.get(SESSION_KEY);
    const parsed = typeof raw === 'string' ? safeJson(raw) : raw;
    const token = (parsed as { state?: { token?: string } } | undefined)?.state?.token;
    if (!token) throw new Error(`no session token in storage (${SESSION_KEY} = ${JSON.stringify(raw)})\n${this.diagnose()}`);
    return token;
  }

  async apiGet<T = Obj>(p: string, token: string): Promise<T> {
    const res = await fetch(`${this.api!.base}${p}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The same scenario on each platform

const PLATFORMS: Array<{ platform: Platform; label: string }> = [
  { platform: 'alipay', label: 'Alipay' },
  { platform: 'tt', label: 'Douyin' },
];

for (const { platform, label } of PLATFORMS) {
  describe(`${label} output (dist/${platform}) at the logic layer`, () => {
    const host = new MiniHost(platform);
    const user = `smoke-${platform}-shopper`;

    beforeAll(async () => {
      await host.setUp(user);
    }, 90_000);

    afterAll(async () => {
      await host.tearDown();
    });

    it('launches and logs in silently through the platform, with the right platform', async () => {
      host.loadApp();
      const login = await waitFor(
        () => host.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/auth/login' && r.status !== undefined),
        'POST /api/v1/auth/login',
        host.diagnose,
      );
      expect(login.status, host.diagnose()).toBe(200);
      expect(login.body).toMatchObject({ platform });
      expect(typeof (login.body as Obj).code).toBe('string');
      // The compiled request went through Taro's adaptation to this platform's option names.
      expect(login.headerOption).toBe(platform === 'alipay' ? 'headers' : 'header');
      if (platform === 'alipay') expect(host.authScopes).toEqual(['auth_base']);

      await waitFor(() => host.storage.has(SESSION_KEY), 'the session stored', host.diagnose);
      const token = host.storedToken();
      const me = await host.apiGet<{ platforms: string[]; pointsBalance: number }>('/api/v1/me', token);
      expect(me.platforms).toContain(platform);
      expect(me.pointsBalance).toBe(0);
    });

    it('renders the check-in page from the API', async () => {
      const page = host.openPage(CHECK_IN_ROUTE);
      const button = await waitFor(() => host.find('js-checkin-button'), 'the check-in button in setData', host.diagnose);
      await waitFor(() => /已连续签到 0 天/.test(textOf(host.find('js-checkin-streak'))), 'the streak text "已连续签到 0 天"', host.diagnose);
      expect(textOf(button)).toContain('立即签到');
      expect(host.find('calendar-grid'), 'the calendar rendered').toBeTruthy();
      expect(host.setDataLog.some((s) => s.includes('js-checkin-button'))).toBe(true);
      expect(page.data.root, 'setData filled the page root').toBeTruthy();

      const statusCalls = host.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/check-in/status'));
      expect(statusCalls.length).toBeGreaterThanOrEqual(1);
      expect(statusCalls.every((r) => r.status === 200)).toBe(true);
      const auth = Object.entries(statusCalls[0]!.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
      expect(auth).toBe(`Bearer ${host.storedToken()}`);
      // One silent login for the whole launch: the page waited on the app's login instead of starting its own.
      expect(host.requests.filter((r) => r.path === '/api/v1/auth/login')).toHaveLength(1);
    });

    it('checks in with a tap through Taro’s event handler, and the API records it once', async () => {
      const button = host.find('js-checkin-button');
      expect(button, 'the check-in button').toBeTruthy();
      host.tap(button!);

      await waitFor(() => host.find('js-checked-in-today'), 'the checked-in state', host.diagnose);
      await waitFor(() => /已连续签到 1 天/.test(textOf(host.find('js-checkin-streak'))), 'the streak text "已连续签到 1 天"', host.diagnose);
      await waitFor(() => host.toasts.length > 0, 'the success toast', host.diagnose);
      expect(host.toasts[0]).toMatch(/^签到成功 \+\d+$/);

      const checkIns = host.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/check-in');
      expect(checkIns).toHaveLength(1);
      expect(checkIns[0]!.status).toBe(200);
      const idemKey = Object.entries(checkIns[0]!.headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1];
      expect(idemKey, 'the check-in carries an idempotency key').toBeTruthy();

      // What the page shows is what the API recorded.
      const token = host.storedToken();
      const status = await host.apiGet<{ checkedInToday: boolean; streak: number; checkedInDates: string[]; businessDate: string }>(
        '/api/v1/check-in/status',
        token,
      );
      expect(status).toMatchObject({ checkedInToday: true, streak: 1 });
      expect(status.checkedInDates).toEqual([status.businessDate]);
      const me = await host.apiGet<{ pointsBalance: number }>('/api/v1/me', token);
      expect(me.pointsBalance).toBeGreaterThan(0);
      expect(host.toasts[0]).toBe(`签到成功 +${me.pointsBalance}`);
    });

    it('renders the home page with the categories and the product list from the API', async () => {
      host.openPage('pages/index/index');
      const expected = await host.apiGet<{ items: Array<{ title: string }>; total: number }>(
        '/api/v1/products?page=1&pageSize=20',
        host.storedToken(),
      );
      expect(expected.total).toBeGreaterThan(0);
      const cards = () => {
        const found: TaroNode[] = [];
        walk(host.page?.data?.root, (n) => {
          if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes('js-product-card')) found.push(n);
        });
        return found;
      };
      await waitFor(() => cards().length === Math.min(20, expected.total), 'the product cards in setData', host.diagnose);
      expect(cards().map((c) => textOf(findByClass(c, 'js-product-title')))).toEqual(expected.items.map((p) => p.title));
      expect(textOf(findByClass(cards()[0], 'js-product-price'))).toMatch(/^¥\d+\.\d{2}/);
      await waitFor(() => host.find('js-home-category'), 'the category shortcuts', host.diagnose);
      expect(host.find('js-home-checkin-entry'), 'the check-in entry stays on the home page').toBeTruthy();
      const productCalls = host.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/products'));
      expect(productCalls.every((r) => r.status === 200)).toBe(true);
    });

    it('shares a product with the sharer’s member id in the path (onShareAppMessage)', async () => {
      const products = await host.apiGet<{ items: Array<{ id: number; title: string }> }>('/api/v1/products?page=1&pageSize=1', host.storedToken());
      const product = products.items[0]!;
      const page = host.openPage('package-product/pages/detail/index', { id: String(product.id) });
      await waitFor(() => host.find('js-detail-title'), 'the product title', host.diagnose);
      expect(typeof page.onShareAppMessage).toBe('function');
      const share = page.onShareAppMessage.call(page, { from: 'menu' }) as { title: string; path: string };
      const me = await host.apiGet<{ id: number }>('/api/v1/me', host.storedToken());
      expect(share.title).toBe(product.title);
      expect(share.path).toBe(`/package-product/pages/detail/index?id=${product.id}&sharer=${me.id}`);
    });

    it('relaunched with a revoked stored token, logs in again once and still shows today’s check-in', async () => {
      // Alipay's my.request answers the 401 through fail (error 19); Douyin's through success with statusCode 401.
      const stored = safeJson(String(host.storage.get(SESSION_KEY))) as { state: { token: string } };
      stored.state.token = 'revoked-token';
      host.storage.set(SESSION_KEY, JSON.stringify(stored));
      const before = host.requests.length;

      host.relaunch();
      host.loadApp();
      host.openPage(CHECK_IN_ROUTE);
      await waitFor(() => host.find('js-checked-in-today'), 'the checked-in state after relaunch', host.diagnose);
      expect(textOf(host.find('js-checkin-streak'))).toContain('已连续签到 1 天');

      const after = host.requests.slice(before);
      const rejected = after.filter((r) => r.status === 401);
      expect(rejected.length, host.diagnose()).toBeGreaterThanOrEqual(1);
      expect(
        after.filter((r) => r.path === '/api/v1/auth/login'),
        'one re-login',
      ).toHaveLength(1);
      expect(host.storedToken()).not.toBe('revoked-token');
      const status = await host.apiGet<{ checkedInDates: string[] }>('/api/v1/check-in/status', host.storedToken());
      expect(status.checkedInDates).toHaveLength(1);
    });

    // -- payment: the order detail page's pay button, through this platform's payment API ----------------------

    const DETAIL_ROUTE = 'package-order/pages/detail/index';
    let skuId = 0;

    /** A fresh order awaiting payment for the logged-in shopper, made through the API. */
    async function newOrder() {
      if (!skuId) {
        const product = await createSpecProduct(host.base, await staffToken(host.base), `${label}支付测试`);
        skuId = product.skus.find((s) => s.stock > 0)!.id;
      }
      const order = await createMemberOrder(host.base, host.storedToken(), skuId);
      expect(order.status).toBe('awaiting_payment');
      return order;
    }

    /** Opens the order's detail page and taps its pay button once the order shows awaiting payment. */
    async function openAndTapPay(order: { id: number; orderNo: string }) {
      host.paymentCalls.length = 0;
      host.sheetErrors.length = 0;
      host.toasts.length = 0;
      host.payingOrderNo = order.orderNo;
      host.openPage(DETAIL_ROUTE, { id: String(order.id) });
      await waitFor(() => textOf(host.find('js-order-status')) === '待付款', 'the order awaiting payment (待付款)', host.diagnose);
      const button = host.find('js-order-pay');
      expect(button, 'the pay button').toBeTruthy();
      host.tap(button!);
    }

    function closePage() {
      host.page?.onUnload?.call(host.page);
      host.page = null;
      host.paymentSheet = null;
      host.payingOrderNo = null;
    }

    it(`pays an order from its detail page through ${platform === 'alipay' ? 'my.tradePay' : 'tt.requestOrder + tt.getOrderPayment'}, and the page shows 待发货`, async () => {
      const order = await newOrder();
      host.paymentSheet = async ({ api, params, outTradeNo }) => {
        expect(outTradeNo).toBe(order.orderNo);
        const trade = await simulatorTrade(host.base, platform, outTradeNo);
        expect(trade, 'the simulator has the trade').toMatchObject({ status: 'NOTPAY', amountFen: order.payableFen });
        if (platform === 'tt') {
          expect(api).toBe('getOrderPayment');
          expect(params.orderId).toBe(trade!.transactionId);
        } else {
          expect(api).toBe('tradePay');
          expect(params).toEqual({ tradeNO: trade!.transactionId });
        }
        // The shopper pays: the simulator marks the trade paid and sends the platform's signed notification to the API.
        await simulatorPay(host.base, platform, outTradeNo);
        return platform === 'alipay' ? { resultCode: '9000' } : { ok: true };
      };
      const before = host.requests.length;
      await openAndTapPay(order);
      await waitFor(() => textOf(host.find('js-order-status')) === '待发货' || host.sheetErrors.length > 0, 'the paid status 待发货', host.diagnose);
      expect(host.sheetErrors).toEqual([]);
      expect(
        host.requests
          .slice(before)
          .filter((r) => r.method === 'POST' && r.path === `/api/v1/orders/${order.id}/pay`)
          .map((r) => r.status),
      ).toEqual([200]);
      if (platform === 'tt') {
        expect(host.paymentCalls.map((c) => c.api)).toEqual(['requestOrder', 'getOrderPayment']);
        const requestOrder = host.paymentCalls[0]!.params;
        expect(Object.keys(requestOrder).sort()).toEqual(['byteAuthorization', 'data']);
        expect(JSON.parse(String(requestOrder.data))).toMatchObject({ outOrderNo: order.orderNo, totalAmount: order.payableFen });
        expect(requestOrder.byteAuthorization).toMatch(
          /^SHA256-RSA2048 appid="[^"]+",nonce_str="[^"]+",timestamp="\d+",key_version="[^"]+",signature="[^"]+"$/,
        );
      } else {
        expect(host.paymentCalls.map((c) => c.api)).toEqual(['tradePay']);
      }
      expect(host.find('js-order-pay'), 'no pay button on a paid order').toBeNull();
      expect(host.toasts).toContain('支付成功');
      const server = await host.apiGet<{ status: string; paidAt: string | null }>(`/api/v1/orders/${order.id}`, host.storedToken());
      expect(server.status).toBe('paid');
      expect(server.paidAt).toBeTruthy();
      expect((await simulatorTrade(host.base, platform, order.orderNo))?.status).toBe('SUCCESS');
      closePage();
    });

    if (platform === 'alipay') {
      it('keeps the order awaiting payment when the shopper closes the Alipay cashier (resultCode 6001)', async () => {
        const order = await newOrder();
        host.paymentSheet = async () => ({ resultCode: '6001' });
        await openAndTapPay(order);
        await waitFor(() => host.toasts.includes('已取消支付'), 'the cancelled toast 已取消支付', host.diagnose);
        expect(host.sheetErrors).toEqual([]);
        expect(host.paymentCalls.map((c) => c.api)).toEqual(['tradePay']);
        await waitFor(() => !host.find('js-paying'), 'the paying hint gone', host.diagnose);
        // Still the order, awaiting payment, with the pay button to try again; no error state, no confirming hint.
        expect(textOf(host.find('js-order-status'))).toBe('待付款');
        expect(host.find('js-order-pay')).toBeTruthy();
        expect(host.find('js-payment-confirming')).toBeNull();
        const server = await host.apiGet<{ status: string }>(`/api/v1/orders/${order.id}`, host.storedToken());
        expect(server.status).toBe('awaiting_payment');
        expect((await simulatorTrade(host.base, 'alipay', order.orderNo))?.status).not.toBe('SUCCESS');
        closePage();
      });
    }

    // -- coupons: the claim centre, my coupons and a coupon's page, from the API --------------------------------------

    /** The first rendered node with this class whose text includes `text`. */
    const nodeWith = (className: string, text: string): TaroNode | null => {
      let found: TaroNode | null = null;
      walk(host.page?.data?.root, (n) => {
        if (!found && typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className) && textOf(n).includes(text)) found = n;
      });
      return found;
    };

    it('renders the claim centre from the API and claims a coupon with a tap; my coupons and the coupon page show it', async () => {
      const owner = await staffToken(host.base);
      const title = `${label}领券测试`;
      const product = await createSpecProduct(host.base, owner, title);
      // Scoped to its own product, so that the other tests' orders are priced without it.
      const template = await createCouponTemplate(host.base, owner, {
        name: `${label}满50减10`,
        kind: 'threshold_off',
        amountFen: 1000,
        thresholdFen: 5000,
        scope: { type: 'products', ids: [product.id], excludeProductIds: [] },
      });

      host.toasts.length = 0;
      host.openPage('package-coupon/pages/centre/index');
      const card = await waitFor(() => nodeWith('js-claimable-coupon', template.name), 'the coupon in the claim centre', host.diagnose);
      expect(textOf(findByClass(card, 'js-coupon-value'))).toBe('10');
      expect(textOf(findByClass(card, 'js-coupon-condition'))).toBe('满50元可用');
      expect(textOf(findByClass(card, 'js-coupon-claim'))).toBe('领取');
      host.tap(findByClass(card, 'js-coupon-claim')!);
      await waitFor(() => findByClass(nodeWith('js-claimable-coupon', template.name), 'js-coupon-claimed'), 'the card saying 已领取', host.diagnose);
      expect(host.toasts).toContain('领取成功');
      const claims = host.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/coupons/claim');
      expect(claims.map((r) => r.status)).toEqual([201]);
      expect(
        Object.entries(claims[0]!.headers).some(([k, v]) => k.toLowerCase() === 'idempotency-key' && v),
        'the claim carries an idempotency key',
      ).toBe(true);
      closePage();

      host.openPage('package-coupon/pages/mine/index');
      const mine = await waitFor(() => nodeWith('js-my-coupon', template.name), 'the coupon in my coupons', host.diagnose);
      expect(findByClass(mine, 'js-coupon-use'), 'usable: 去使用').toBeTruthy();
      const usable = await host.apiGet<{ items: Array<{ id: number; templateId: number; status: string }> }>(
        '/api/v1/coupons?status=usable',
        host.storedToken(),
      );
      expect(usable.items).toEqual([expect.objectContaining({ templateId: template.id, status: 'available' })]);
      closePage();

      host.openPage('package-coupon/pages/detail/index', { id: String(usable.items[0]!.id) });
      await waitFor(() => /满50减10/.test(textOf(host.find('js-coupon-rule'))), 'the rule on the coupon page', host.diagnose);
      await waitFor(() => textOf(host.find('js-coupon-scope')).includes(title), 'the product named in the scope', host.diagnose);
      expect(textOf(host.find('js-coupon-validity'))).toMatch(/\d{4}\.\d{2}\.\d{2} \d{2}:\d{2} - /);
      closePage();
    });

    // -- points: the member page's points card and the history -------------------------------------------------------

    /** Every rendered node with this class. */
    const allWithClass = (className: string): TaroNode[] => {
      const found: TaroNode[] = [];
      walk(host.page?.data?.root, (n) => {
        if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className)) found.push(n);
      });
      return found;
    };

    it('renders the points card on the member page and the points history from the API; a filter asks the API again', async () => {
      const token = host.storedToken();
      const summary = await host.apiGet<{ available: number; pending: number; nextExpiries: Array<{ points: number }> }>('/api/v1/points', token);
      expect(summary.available).toBeGreaterThan(0); // checked in above
      host.openPage('pages/member/index');
      await waitFor(() => textOf(host.find('js-points-pending')) === String(summary.pending), 'the pending points on the card', host.diagnose);
      expect(textOf(host.find('js-points-balance'))).toBe(String(summary.available));
      expect(textOf(host.find('js-points-expiry'))).toMatch(new RegExp(`^${summary.nextExpiries[0]!.points} 积分将于 \\d{4}-12-31 过期$`));
      expect(host.find('js-points-card-mall'), 'the mall entry in the card').toBeTruthy();
      closePage();

      const ledger = await host.apiGet<{ entries: Array<{ delta: number }> }>('/api/v1/points/ledger?limit=20', token);
      host.openPage('package-points/pages/history/index');
      await waitFor(() => allWithClass('js-ledger-entry').length === ledger.entries.length, 'the ledger entries', host.diagnose);
      expect(allWithClass('js-ledger-delta').map(textOf)).toEqual(ledger.entries.map((e) => (e.delta > 0 ? `+${e.delta}` : `${e.delta}`)));
      await waitFor(() => allWithClass('js-points-task').length === 3, 'the three tasks', host.diagnose);
      host.tap(host.find('js-points-filter-out')!);
      await waitFor(() => host.find('js-points-empty'), 'the empty state of 使用', host.diagnose);
      expect(host.requests.some((r) => r.path.startsWith('/api/v1/points/ledger') && r.path.includes('direction=out'))).toBe(true);
      closePage();
    });

    // -- the points mall: list, item, a points-only redemption and a points-plus-cash one paid through the platform --------

    it(`renders the points mall from the API and redeems: points only at once, points plus cash paid through ${platform === 'alipay' ? 'my.tradePay' : 'tt.requestOrder'}`, async () => {
      const owner = await staffToken(host.base);
      const token = host.storedToken();
      const me = await host.apiGet<{ id: number }>('/api/v1/me', token);
      const grant = await fetch(`${host.base}/api/v1/merchant/members/${me.id}/points-adjustments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
        body: JSON.stringify({ delta: 1000, reason: 'smoke' }),
      });
      expect(grant.status).toBe(201);
      const newItem = async (body: Obj) => {
        const res = await fetch(`${host.base}/api/v1/merchant/points-mall/items`, {
          method: 'POST',
          headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'virtual', status: 'on', totalStock: 5, instructions: `${label}使用说明`, ...body }),
        });
        if (!res.ok) throw new Error(`creating a mall item answered ${res.status}: ${await res.text()}`);
        return (await res.json()) as { id: number; title: string };
      };
      const onlyPoints = await newItem({ title: `${label}积分券`, pointsPrice: 100 });
      const withCash = await newItem({ title: `${label}加价购`, pointsPrice: 50, cashFen: 500 });

      host.openPage('package-points/pages/mall/index');
      await waitFor(() => allWithClass('js-mall-item').length >= 2, 'the mall items', host.diagnose);
      const titles = allWithClass('js-mall-item-title').map(textOf);
      expect(titles).toEqual(expect.arrayContaining([onlyPoints.title, withCash.title]));
      expect(allWithClass('js-mall-item-price').map(textOf)).toEqual(expect.arrayContaining(['100 积分', '50 积分 + ¥5.00']));
      closePage();

      // Points only: the redeem button (after the confirm) redeems once and opens the redemption, already done.
      host.navigations.length = 0;
      host.openPage('package-points/pages/mall-item/index', { id: String(onlyPoints.id) });
      await waitFor(() => textOf(host.find('js-mall-detail-title')) === onlyPoints.title, 'the item page', host.diagnose);
      host.tap(host.find('js-mall-redeem')!);
      const opened = await waitFor(
        () => host.navigations.find((u) => u.startsWith('/package-points/pages/redemption/index')),
        'the redemption opened',
        host.diagnose,
      );
      const redemptionId = Number(/id=(\d+)/.exec(opened)![1]);
      const posts = host.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/points-mall/redemptions');
      expect(posts.map((r) => r.status)).toEqual([201]);
      closePage();
      host.openPage('package-points/pages/redemption/index', { id: String(redemptionId) });
      await waitFor(() => textOf(host.find('js-redemption-detail-status')) === '已兑换', 'the redemption done', host.diagnose);
      expect(textOf(host.find('js-redemption-instructions'))).toBe(`${label}使用说明`);
      closePage();

      // Points plus cash: the redemption opens with autopay and pays its order through the platform's sheet.
      host.navigations.length = 0;
      host.openPage('package-points/pages/mall-item/index', { id: String(withCash.id) });
      await waitFor(() => textOf(host.find('js-mall-detail-title')) === withCash.title, 'the item page', host.diagnose);
      host.tap(host.find('js-mall-redeem')!);
      const toPay = await waitFor(
        () => host.navigations.find((u) => u.startsWith('/package-points/pages/redemption/index')),
        'the redemption opened',
        host.diagnose,
      );
      expect(toPay).toContain('autopay=1');
      closePage();
      const cashId = Number(/id=(\d+)/.exec(toPay)![1]);
      const held = await host.apiGet<{ status: string; orderId: number }>(`/api/v1/points-mall/redemptions/${cashId}`, token);
      expect(held.status).toBe('awaiting_payment');
      const order = await host.apiGet<{ orderNo: string; payableFen: number }>(`/api/v1/orders/${held.orderId}`, token);
      expect(order.payableFen).toBe(500);
      host.paymentCalls.length = 0;
      host.sheetErrors.length = 0;
      host.payingOrderNo = order.orderNo;
      host.paymentSheet = async ({ outTradeNo }) => {
        expect(outTradeNo).toBe(order.orderNo);
        await simulatorPay(host.base, platform, outTradeNo);
        return platform === 'alipay' ? { resultCode: '9000' } : { ok: true };
      };
      host.openPage('package-points/pages/redemption/index', { id: String(cashId), autopay: '1' });
      await waitFor(
        () => textOf(host.find('js-redemption-detail-status')) === '已兑换' || host.sheetErrors.length > 0,
        'the paid redemption (已兑换)',
        host.diagnose,
        25_000,
      );
      expect(host.sheetErrors).toEqual([]);
      expect(host.paymentCalls.map((c) => c.api)).toEqual(platform === 'alipay' ? ['tradePay'] : ['requestOrder', 'getOrderPayment']);
      expect((await host.apiGet<{ status: string }>(`/api/v1/points-mall/redemptions/${cashId}`, token)).status).toBe('fulfilled');
      closePage();

      host.openPage('package-points/pages/redemptions/index');
      await waitFor(() => allWithClass('js-redemption').length >= 2, 'my redemptions', host.diagnose);
      expect(allWithClass('js-redemption-status').map(textOf).slice(0, 2)).toEqual(['已兑换', '已兑换']);
      closePage();
    }, 60_000);

    // -- tiers: the member page's tier card and the benefits page ----------------------------------------------------

    it('renders the tier card on the member page, moves up when staff grant growth, and renders the benefits page', async () => {
      const owner = await staffToken(host.base);
      const token = host.storedToken();
      const me = await host.apiGet<{ id: number }>('/api/v1/me', token);
      type Mine = { tier: { name: string }; growth: number; next: { tier: { name: string }; growthNeeded: number } | null };
      const before = await host.apiGet<Mine>('/api/v1/tiers/me', token);
      expect(before.next).not.toBeNull();

      host.openPage('pages/member/index');
      await waitFor(() => textOf(host.find('js-tier-name')) === before.tier.name, `the tier card with ${before.tier.name}`, host.diagnose);
      expect(textOf(host.find('js-tier-growth'))).toBe(`成长值 ${before.growth}`);
      expect(textOf(host.find('js-tier-next'))).toBe(`再获得 ${before.next!.growthNeeded} 成长值升级为 ${before.next!.tier.name}`);
      closePage();

      await apiCall(host.base, 'POST', `/api/v1/merchant/members/${me.id}/growth-adjustments`, owner, {
        delta: before.next!.growthNeeded,
        reason: `${label}等级测试`,
        key: `${platform}-tier-${Date.now()}`,
      });
      host.openPage('pages/member/index');
      await waitFor(
        () => textOf(host.find('js-tier-name')) === before.next!.tier.name,
        `the tier card with ${before.next!.tier.name}`,
        host.diagnose,
      );
      closePage();

      host.openPage('package-member/pages/benefits/index');
      await waitFor(() => textOf(host.find('js-tier-current')).includes(before.next!.tier.name), 'the current tier highlighted', host.diagnose);
      const names: string[] = [];
      walk(host.page?.data?.root, (n) => {
        if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes('js-tier-row-name')) names.push(textOf(n));
      });
      expect(names).toEqual(['普通会员', '银卡会员', '金卡会员', '钻石会员']);
      closePage();
    });

    // -- phone binding: the platform's own button on the member page -------------------------------------------------

    // Before binding: once bound, the member page shows the phone instead of the button.
    it('a member who declines gets a gentle toast and nothing is posted', async () => {
      host.openPage('pages/member/index');
      const button = await waitFor(() => host.find('js-phone-bind'), 'the bind-phone button', host.diagnose);
      const before = host.requests.filter((r) => r.path === '/api/v1/me/phone').length;
      const toastsBefore = host.toasts.length;
      if (platform === 'alipay') host.fire(button!, 'error', { error: 11, errorMessage: '用户取消授权' });
      else host.fire(button!, 'getphonenumber', { errMsg: 'getPhoneNumber:fail auth deny' });
      await waitFor(() => host.toasts.length > toastsBefore, 'the toast', host.diagnose);
      expect(host.toasts.at(-1)).toBe('已取消授权，可随时再绑定');
      expect(host.requests.filter((r) => r.path === '/api/v1/me/phone').length).toBe(before);
      closePage();
    });

    it(`binds a phone through ${platform === 'alipay' ? 'the getAuthorize button and my.getPhoneNumber()' : 'the getPhoneNumber button'}, the member page then shows it masked`, async () => {
      host.openPage('pages/member/index');
      const button = await waitFor(() => host.find('js-phone-bind'), 'the bind-phone button', host.diagnose);
      const phoneCalls = () => host.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/me/phone' && r.status !== undefined);
      const loginsBefore = host.requests.filter((r) => r.path === '/api/v1/auth/login').length;
      if (platform === 'alipay') {
        host.fire(button!, 'getauthorize', {});
        await waitFor(() => phoneCalls().length === 1, 'POST /api/v1/me/phone', host.diagnose);
        expect(host.phoneNumberCalls).toBe(1);
        expect(phoneCalls()[0]!.status, host.diagnose()).toBe(200);
        expect(Object.keys(phoneCalls()[0]!.body as Obj)).toEqual(['response']);
      } else {
        // Douyin refreshed the session since our login (the proof is made with a key the server has not seen): the
        // page gets SESSION_STALE, logs in again and retries the same proof once.
        const proof = await simulatorPhoneProof(host.base, 'tt', user, 'stale_session');
        host.fire(button!, 'getphonenumber', { errMsg: 'getPhoneNumber:ok', ...proof });
        await waitFor(() => phoneCalls().length === 2, 'two POST /api/v1/me/phone', host.diagnose);
        expect(phoneCalls().map((r) => r.status)).toEqual([409, 200]);
        expect(host.requests.filter((r) => r.path === '/api/v1/auth/login').length).toBe(loginsBefore + 1);
        expect(Object.keys(phoneCalls()[1]!.body as Obj).sort()).toEqual(['encryptedData', 'iv']);
      }
      // The header shows the phone masked in place of the 绑定手机号 row.
      await waitFor(() => /^1\d{2}\*{4}\d{4}$/.test(textOf(host.find('js-member-phone'))), 'the masked phone', host.diagnose);
      expect(host.find('js-phone-bind'), 'the button is gone once bound').toBeNull();
      closePage();
    });

    it('renders the member centre’s 个人资料 and 隐私与账号 pages from the API', async () => {
      const token = host.storedToken();
      const profile = await host.apiGet<{ nickname: string; phoneMasked: string | null }>('/api/v1/me/profile', token);
      host.openPage('pages/member/index');
      await waitFor(() => textOf(host.find('js-member-nickname')) === profile.nickname, 'the header', host.diagnose);
      expect(host.find('js-profile-entry')).not.toBeNull();
      expect(host.find('js-privacy-entry')).not.toBeNull();
      closePage();

      host.openPage('package-member/pages/profile/index');
      await waitFor(() => host.find('js-profile-save'), 'the profile form', host.diagnose);
      expect(textOf(host.find('js-profile-phone-value'))).toBe(profile.phoneMasked);
      expect(host.find('js-profile-avatar')).not.toBeNull();
      expect(textOf(host.find('js-profile-birthday-note'))).toBe('生日设置后不可修改，生日当月可领会员生日礼');
      closePage();

      host.openPage('package-member/pages/privacy/index');
      await waitFor(() => host.find('js-data-profile'), 'my data', host.diagnose);
      expect(textOf(host.find('js-data-profile'))).toContain(`昵称：${profile.nickname}`);
      expect(textOf(host.find('js-data-platforms'))).toContain(platform === 'alipay' ? '支付宝小程序' : '抖音小程序');
      expect(host.find('js-close-start')).not.toBeNull();
      closePage();
    });

    it(`fills the address form from ${platform === 'alipay' ? 'my.getAddress' : 'tt.chooseAddress'}, matching the region to the data set`, async () => {
      host.openPage('package-address/pages/edit/index');
      await waitFor(() => host.find('js-address-import'), 'the import button', host.diagnose);
      expect(textOf(host.find('js-address-import'))).toContain(platform === 'alipay' ? '使用支付宝地址' : '使用抖音地址');
      host.addressBook = { name: '韦小宝', phone: '13912345678', province: '广西', city: '南宁市', district: '青秀区', detail: '民族大道 100 号' };
      host.tap(host.find('js-address-import')!);
      await waitFor(() => textOf(host.find('js-address-region-value')) === '广西壮族自治区 南宁市 青秀区', 'the imported region', host.diagnose);
      expect(host.toasts).toContain('已填入，请核对后保存');
      host.addressBook = null;
      const before = host.toasts.length;
      host.tap(host.find('js-address-import')!); // cancelled: nothing is said
      await new Promise((r) => setTimeout(r, 300));
      expect(host.toasts.slice(before)).toEqual([]);
      host.page?.onUnload?.call(host.page);
      host.page = null;
    });

    it('renders 我的收藏 and 支付成功 from the API', async () => {
      const close = () => {
        host.page?.onUnload?.call(host.page);
        host.page = null;
      };
      const token = host.storedToken();
      const product = await createSpecProduct(host.base, await staffToken(host.base), `${label}收藏测试`);
      await memberWrite(host.base, token, 'PUT', `/api/v1/me/favourites/${product.id}`);
      host.openPage('package-favourite/pages/list/index');
      await waitFor(() => textOf(host.find('js-favourite-title')) === `${label}收藏测试`, 'the favourite', host.diagnose);
      close();

      const order = await createMemberOrder(host.base, token, product.skus[0]!.id, 1);
      const created = await memberWrite<{ payment: { platform: string; params: Obj } }>(
        host.base,
        token,
        'POST',
        `/api/v1/orders/${order.id}/pay`,
        {},
      );
      if (created.payment.platform === 'tt') {
        // Douyin opens the trade from the client (tt.requestOrder); the simulator stands in for it.
        const res = await fetch(`${host.base}/__sim/tt/requestOrder`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: created.payment.params.data, byteAuthorization: created.payment.params.byteAuthorization }),
        });
        expect(res.ok).toBe(true);
      }
      await simulatorPay(host.base, platform, order.orderNo);
      host.openPage('package-order/pages/pay-success/index', { id: String(order.id) });
      await waitFor(() => textOf(host.find('js-pay-success-heading')) === '支付成功', '支付成功', host.diagnose);
      expect(textOf(host.find('js-pay-success-order-no'))).toBe(order.orderNo);
      close();
    });

    // -- the storefront: search filters from the page query, the share poster's sub-package page ---------------------

    it('opens search with the filters of its query (category, price range) and the results they keep', async () => {
      const tree = await host.apiGet<{ id: number; name: string; children: { id: number; name: string }[] }[]>(
        '/api/v1/categories',
        host.storedToken(),
      );
      const green = tree.flatMap((c) => c.children).find((c) => c.name === '绿茶')!;
      host.openPage('package-product/pages/search/index', {
        keyword: encodeURIComponent('茶'),
        categoryId: String(green.id),
        min: '10000',
        max: '15000',
      });
      await waitFor(() => textOf(host.find('js-product-title')) === '洞庭碧螺春', 'the one green tea from ¥100 to ¥150', host.diagnose);
      const titles: string[] = [];
      walk(host.page?.data?.root, (n) => {
        if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes('js-product-title')) titles.push(textOf(n));
      });
      expect(titles).toEqual(['洞庭碧螺春']);
      expect(textOf(host.find('js-search-active-price'))).toBe('¥100-¥150');
      closePage();
    });

    it('opens the share poster page (package-share) in a sheet with 保存到相册', async () => {
      const teas = await host.apiGet<{ items: { id: number }[] }>(`/api/v1/products?keyword=${encodeURIComponent('龙井')}`, host.storedToken());
      host.openPage('package-share/pages/poster/index', { id: String(teas.items[0]!.id) });
      await waitFor(() => host.find('js-poster-sheet'), 'the poster sheet', host.diagnose);
      expect(textOf(host.find('js-poster-save'))).toBe('保存到相册');
      closePage();
    });

    // -- the paid membership card (package-card): the purchase page and, once bought, the benefits page --------------

    it('renders 开通会员卡 and, after the card is bought and paid through the platform, 我的会员卡 from the API', async () => {
      const owner = await staffToken(host.base);
      const token = host.storedToken();
      const res = await fetch(`${host.base}/api/v1/merchant/member-cards`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `${label}年卡`,
          priceFen: 9900,
          periodMonths: 12,
          refundDays: 7,
          onSale: true,
          benefits: {
            memberPriceBp: 500,
            pointsMultiplierBp: 10_000,
            freeShipping: true,
            mayDistribute: false,
            couponTemplateId: null,
            couponsPerMonth: 0,
          },
        }),
      });
      expect(res.status).toBe(201);
      const card = (await res.json()) as { id: number };
      host.openPage('package-card/pages/buy/index');
      await waitFor(() => allWithClass('js-card-offer').some((n) => textOf(n).includes(`${label}年卡`)), 'the card on sale', host.diagnose);
      closePage();

      const order = await memberWrite<{ orderId: number; orderNo: string }>(host.base, token, 'POST', `/api/v1/member-cards/${card.id}/purchase`, {});
      const created = await memberWrite<{ payment: { platform: string; params: Obj } }>(
        host.base,
        token,
        'POST',
        `/api/v1/orders/${order.orderId}/pay`,
        {},
      );
      if (created.payment.platform === 'tt') {
        const r = await fetch(`${host.base}/__sim/tt/requestOrder`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: created.payment.params.data, byteAuthorization: created.payment.params.byteAuthorization }),
        });
        expect(r.ok).toBe(true);
      }
      await simulatorPay(host.base, platform, order.orderNo);
      host.openPage('package-card/pages/mine/index');
      await waitFor(() => textOf(host.find('js-card-name')).includes('生效中'), '我的会员卡, active', host.diagnose);
      expect(textOf(host.find('js-card-days'))).toMatch(/剩余 36[56] 天$/);
      closePage();
    });

    it('logged nothing to console.error', () => {
      expect(host.errors).toEqual([]);
    });
  });
}
