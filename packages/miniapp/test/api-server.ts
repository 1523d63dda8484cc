import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, seedApi, serveApi } from './server-process.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(REPO_ROOT, 'packages/miniapp/dist');
/** Where tests leave what a person should look at (screenshots); kept between runs, ignored by git. */
export const TEST_OUTPUT = path.join(REPO_ROOT, 'packages/miniapp/test-output');

/** A folder under TEST_OUTPUT, created if needed. */
export function testOutputDir(name: string): string {
  const dir = path.join(TEST_OUTPUT, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export interface RunningApi {
  base: string;
  port: number;
  dbFile: string;
  stop(): Promise<void>;
}

/** The demo merchant owner that `startApi({ seed: true })` creates (packages/api/src/db/seed.ts). */
export const SEED_OWNER = { username: 'owner', password: 'siyu-owner-demo' };

/**
 * The real API server process (node --import tsx src/server.ts) on a fresh SQLite file, with the simulator on and the H5 build served.
 * `seed: true` first runs the API's demo seed (merchant staff incl. SEED_OWNER, categories, products with SKUs).
 * `testHooks: true` runs it with TEST_HOOKS=1: a movable clock and /__test/clock, /__test/jobs/run (see moveClock, runDueJobs).
 */
export async function startApi(options: { seed?: boolean; testHooks?: boolean } = {}): Promise<RunningApi> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-miniapp-test-'));
  const dbFile = path.join(dir, 'test.db');
  const api = path.join(REPO_ROOT, 'packages/api');
  // The seed stores its demo images where this server serves uploads, with URLs on its port.
  // A throwaway database: commits need not wait for the disk (DATABASE_DURABILITY, refused in production).
  const where = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${dbFile}`,
    DATABASE_DURABILITY: 'relaxed',
    UPLOADS_DIR: path.join(dir, 'uploads'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  if (options.seed) await seedApi(api, where);
  const server = await serveApi(api, { ...where, H5_DIST_DIR: path.join(DIST, 'h5'), ...(options.testHooks ? { TEST_HOOKS: '1' } : {}) }, dir);
  return { ...server, port, dbFile };
}

/** A one-time login code from the API's platform simulator, as wx.login / my.getAuthCode / tt.login would give. */
export async function simulatorCode(base: string, platform: 'weapp' | 'alipay' | 'tt', user: string): Promise<string> {
  const res = await fetch(`${base}/__sim/login-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform, user }),
  });
  if (!res.ok) throw new Error(`simulator answered ${res.status}`);
  return ((await res.json()) as { code: string }).code;
}

/**
 * What the platform's phone-number button would give `user` (the simulator's stand-in for the tap), without the
 * button's errMsg: `{ code }`, `{ response }` or `{ encryptedData, iv }`.
 */
export async function simulatorPhoneProof(
  base: string,
  platform: 'weapp' | 'alipay' | 'tt',
  user: string,
  outcome: 'ok' | 'refused' | 'denied' | 'bad_signature' | 'stale_session' = 'ok',
): Promise<Record<string, string>> {
  const res = await fetch(`${base}/__sim/phone-proofs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform, user, outcome }),
  });
  if (!res.ok) throw new Error(`simulator answered ${res.status}: ${await res.text()}`);
  const { errMsg: _errMsg, ...proof } = (await res.json()) as Record<string, string>;
  return proof;
}

/** A merchant staff token (the seeded owner by default), for the merchant endpoints a test plays the merchant with. */
export async function staffToken(base: string, who: { username: string; password: string } = SEED_OWNER): Promise<string> {
  const res = await fetch(`${base}/api/v1/merchant/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!res.ok) throw new Error(`staff login answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A JSON call to the API with a bearer token; throws with the body on a non-2xx answer. */
export async function apiCall<T = any>(base: string, method: string, p: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/**
 * A product with two spec dimensions (颜色 × 尺码), one combination out of stock, on shelf, through the merchant API.
 * Returns its id and SKUs.
 */
export async function createSpecProduct(base: string, token: string, title: string, categoryId: number | null = null) {
  const skus = [
    { code: `${title.length}R-M-${Date.now() % 100000}`, specs: { 颜色: '红', 尺码: 'M' }, priceFen: 5900, stock: 20 },
    { code: `${title.length}R-L-${Date.now() % 100000}`, specs: { 颜色: '红', 尺码: 'L' }, priceFen: 6900, stock: 5 },
    { code: `${title.length}B-M-${Date.now() % 100000}`, specs: { 颜色: '蓝', 尺码: 'M' }, priceFen: 5900, stock: 8 },
    { code: `${title.length}B-L-${Date.now() % 100000}`, specs: { 颜色: '蓝', 尺码: 'L' }, priceFen: 6900, stock: 0 },
  ];
  const created = await apiCall<{ id: number; skus: Array<{ id: number; specs: Record<string, string>; priceFen: number; stock: number }> }>(
    base,
    'POST',
    '/api/v1/merchant/products',
    token,
    { title, subtitle: '测试商品', categoryId, description: '<p>纯棉面料。</p><p>机洗不褪色。</p>', skus },
  );
  await apiCall(base, 'POST', `/api/v1/merchant/products/${created.id}/shelve`, token);
  return created;
}

/**
 * An order awaiting payment for a logged-in member, through the API as the checkout would make it: a shipping
 * address, then POST /orders for one SKU of `skuId` ("buy now").
 */
export async function createMemberOrder(base: string, memberToken: string, skuId: number, quantity = 1) {
  const idem = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const call = async <T = any>(method: string, p: string, body: unknown): Promise<T> => {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${memberToken}`, 'Idempotency-Key': idem() },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const address = await call<{ id: number }>('POST', '/api/v1/addresses', {
    name: '测试买家',
    phone: '13800138000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 1 号',
  });
  return call<{ id: number; orderNo: string; status: string; payableFen: number }>('POST', '/api/v1/orders', {
    items: [{ skuId, quantity }],
    addressId: address.id,
  });
}

/** The simulator's record of a platform trade (GET /__sim/trades/{platform}/{outTradeNo}), or null when it has none. */
export async function simulatorTrade(base: string, platform: 'weapp' | 'alipay' | 'tt', outTradeNo: string): Promise<Record<string, any> | null> {
  const res = await fetch(`${base}/__sim/trades/${platform}/${encodeURIComponent(outTradeNo)}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`simulator trade lookup answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, any>;
}

/** The simulator's public keys (GET /__sim/keys, development only): PEM (spki) public keys and the ids they go with; never a private key. */
export interface SimulatorPublicKeys {
  weapp: { appId: string; mchId: string; merchantSerialNo: string; merchantPublicKey: string; platformSerialNo: string; platformPublicKey: string };
  alipay: { appId: string; appPublicKey: string; platformPublicKey: string };
  tt: { appId: string; keyVersion: string; appPublicKey: string; platformPublicKey: string };
}

/** The public keys of the API process's simulator, to verify what the server signed for the client (e.g. WeChat paySign). */
export async function simulatorKeys(base: string): Promise<SimulatorPublicKeys> {
  const res = await fetch(`${base}/__sim/keys`);
  if (!res.ok) throw new Error(`GET /__sim/keys answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as SimulatorPublicKeys;
}

/** Plays the shopper paying in the platform's sheet: POST /__sim/pay marks the trade paid and sends the signed notification. */
/** Plays the shopper paying; `lost: true` marks the trade paid but keeps its notification back (a lost notification). */
export async function simulatorPay(
  base: string,
  platform: 'weapp' | 'alipay' | 'tt',
  outTradeNo: string,
  options: { lost?: boolean } = {},
): Promise<void> {
  const res = await fetch(`${base}/__sim/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform, outTradeNo, ...options }),
  });
  if (!res.ok) throw new Error(`POST /__sim/pay answered ${res.status}: ${await res.text()}`);
  const { deliveries } = (await res.json()) as { deliveries?: Array<{ status?: number }> };
  if (deliveries?.some((d) => typeof d.status === 'number' && (d.status < 200 || d.status >= 300)))
    throw new Error(`the API refused the notification: ${JSON.stringify(deliveries)}`);
}

/** A member token for a simulated shopper of a platform, through the real login (POST /auth/login with a simulator code). */
export async function memberLogin(base: string, platform: 'weapp' | 'alipay' | 'tt', user: string): Promise<string> {
  const code = await simulatorCode(base, platform, user);
  return (await apiCall<{ token: string }>(base, 'POST', '/api/v1/auth/login', null, { platform, code })).token;
}

/** A member call that mutates: the bearer token and a fresh Idempotency-Key. */
export async function memberWrite<T = any>(base: string, token: string, method: string, p: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'Idempotency-Key': `test-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A shipping address for a member (the checkout needs one), through the member API. */
export function createAddress(base: string, memberToken: string, name = '测试买家') {
  return memberWrite<{ id: number }>(base, memberToken, 'POST', '/api/v1/addresses', {
    name,
    phone: '13800138000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 1 号',
  });
}

/**
 * An active coupon template, as the merchant makes one (POST /merchant/coupon-templates, then activate): valid for 7
 * days from the claim unless `validity` says otherwise. Returns the template.
 */
export async function createCouponTemplate(base: string, staff: string, body: Record<string, unknown>): Promise<{ id: number; name: string }> {
  const created = await apiCall<{ id: number; name: string }>(base, 'POST', '/api/v1/merchant/coupon-templates', staff, {
    validity: { type: 'relative', days: 7 },
    ...body,
  });
  await apiCall(base, 'POST', `/api/v1/merchant/coupon-templates/${created.id}/activate`, staff);
  return created;
}

/** Redemption codes of a template, as the merchant downloads them (a code batch, then its CSV): "XXXX-XXXX-XXXX-XXXX". */
export async function createCouponCodes(base: string, staff: string, templateId: number, count: number): Promise<string[]> {
  const batch = await apiCall<{ id: number }>(base, 'POST', `/api/v1/merchant/coupon-templates/${templateId}/code-batches`, staff, {
    count,
    note: 'test',
  });
  const res = await fetch(`${base}/api/v1/merchant/coupon-code-batches/${batch.id}/codes.csv`, { headers: { authorization: `Bearer ${staff}` } });
  if (!res.ok) throw new Error(`codes.csv answered ${res.status}: ${await res.text()}`);
  const lines = (await res.text())
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n')
    .slice(1);
  return lines.map((line) => line.split(',')[0]!);
}

/** Moves the server's clock forward (an API started with `testHooks: true`); returns the server's time after the move. */
export async function moveClock(base: string, advanceMs: number): Promise<string> {
  return (await apiCall<{ now: string }>(base, 'POST', '/__test/clock', null, { advanceMs })).now;
}

/** Runs the server's due jobs now, at its clock: points maturing and expiring, unpaid orders closed. */
export function runDueJobs(base: string): Promise<{ now: string; pointsMatured: number; pointsExpired: number; ordersClosed: number }> {
  return apiCall(base, 'POST', '/__test/jobs/run', null, {});
}
