/** The real API server process for the console's browser tests: a fresh seeded SQLite file, the built console at /admin. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, seedApi, serveApi } from '../../miniapp/test/server-process';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CONSOLE_DIST = path.join(REPO_ROOT, 'packages/console/dist');

export interface RunningApi {
  base: string;
  uploadsDir: string;
  stop(): Promise<void>;
}

/** Seeds (demo staff owner / operator / viewer, the demo catalog) and starts `node --import tsx src/server.ts`. */
export async function startApi(): Promise<RunningApi> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-console-test-'));
  const api = path.join(REPO_ROOT, 'packages/api');
  const env = {
    DATABASE_URL: `sqlite:${path.join(dir, 'test.db')}`,
    // A throwaway database: commits need not wait for the disk (refused in production).
    DATABASE_DURABILITY: 'relaxed',
    UPLOADS_DIR: path.join(dir, 'uploads'),
    CONSOLE_DIST_DIR: CONSOLE_DIST,
    H5_DIST_DIR: path.join(dir, 'no-h5'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  await seedApi(api, env);
  return { ...(await serveApi(api, env, dir)), uploadsDir: env.UPLOADS_DIR };
}

/** A JSON call with a bearer token (members, or staff as an API client); throws with the body on a non-2xx answer. */
export async function apiCall<T = any>(
  base: string,
  method: string,
  p: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(`${base}${p}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A member logged in through the simulator (as wx.login would), with a shipping address. */
export async function memberWithAddress(base: string, user: string): Promise<{ token: string; id: number; addressId: number }> {
  const codeRes = await fetch(`${base}/__sim/login-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'weapp', user }),
  });
  const { code } = (await codeRes.json()) as { code: string };
  const login = await apiCall<{ token: string; member: { id: number } }>(base, 'POST', '/api/v1/auth/login', null, { platform: 'weapp', code });
  const address = await apiCall<{ id: number }>(
    base,
    'POST',
    '/api/v1/addresses',
    login.token,
    {
      name: '林小雨',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 90 号',
    },
    { 'Idempotency-Key': `addr-${user}` },
  );
  return { token: login.token, id: login.member.id, addressId: address.id };
}

/**
 * An order placed and paid by a member: POST /orders, POST /orders/{id}/pay, and the simulator paying it (signed
 * notification). `couponIds`: the coupons the member chose ([] for none; left out, the server picks the best).
 */
export async function paidOrder(base: string, member: { token: string; addressId: number }, skuId: number, quantity = 1, couponIds?: number[]) {
  const key = () => `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const order = await apiCall<{ id: number; orderNo: string; payableFen: number }>(
    base,
    'POST',
    '/api/v1/orders',
    member.token,
    { items: [{ skuId, quantity }], addressId: member.addressId, ...(couponIds ? { couponIds } : {}) },
    { 'Idempotency-Key': key() },
  );
  await apiCall(base, 'POST', `/api/v1/orders/${order.id}/pay`, member.token, {}, { 'Idempotency-Key': key() });
  const res = await fetch(`${base}/__sim/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'weapp', outTradeNo: order.orderNo }),
  });
  if (!res.ok) throw new Error(`simulator pay answered ${res.status}: ${await res.text()}`);
  const paid = await apiCall<{ status: string }>(base, 'GET', `/api/v1/orders/${order.id}`, member.token);
  if (paid.status !== 'paid') throw new Error(`order ${order.orderNo} is ${paid.status} after payment`);
  return order;
}
