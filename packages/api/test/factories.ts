import type { LoginPlatform, MemberLoginResponse, StaffRole } from '@siyu/shared';
import { randomBytes } from 'node:crypto';
import type { TestContext } from './context.js';

/** The merchant API's path prefix. */
export const M = '/api/v1/merchant';
/** One day, in milliseconds. */
export const DAY = 24 * 3600_000;

let addressCounter = 0;
/** A fresh client address per call, so login rate limits only bite where a test means them to. */
export function freshAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export function uniqueName(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface TestMember {
  token: string;
  id: number;
  user: string;
  login: MemberLoginResponse;
  /** Headers for this member's requests. */
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function loginMember(
  ctx: TestContext,
  opts: { platform?: LoginPlatform; user?: string; address?: string; shareId?: string } = {},
): Promise<TestMember> {
  const platform = opts.platform ?? 'weapp';
  const user = opts.user ?? uniqueName();
  const { code } = ctx.simulator.issueCode(platform, user);
  const res = await ctx.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': opts.address ?? freshAddress() },
    body: JSON.stringify({ platform, code, ...(opts.shareId !== undefined ? { shareId: opts.shareId } : {}) }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const login = (await res.json()) as MemberLoginResponse;
  return {
    token: login.token,
    id: login.member.id,
    user,
    login,
    headers: (extra = {}) => ({ authorization: `Bearer ${login.token}`, 'content-type': 'application/json', ...extra }),
  };
}

export async function createStaffAndLogin(
  ctx: TestContext,
  role: StaffRole = 'owner',
): Promise<{ token: string; headers: (extra?: Record<string, string>) => Record<string, string> }> {
  const username = uniqueName(role);
  const password = `pw-${randomBytes(6).toString('hex')}`;
  await ctx.app.services.staff.create({ username, displayName: username, role, password });
  const res = await ctx.app.request('/api/v1/merchant/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { token, headers: (extra = {}) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra }) };
}

export type StaffSession = Awaited<ReturnType<typeof createStaffAndLogin>>;

/** Sends a JSON request and returns status and parsed body. */
export async function call(
  ctx: TestContext,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await ctx.app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A valid delivery address (Hangzhou, in the region data set). */
export const TEST_ADDRESS = { name: '林晓', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路 1 号' };

/** Saves `TEST_ADDRESS` (with `change`) for the member and returns its id. */
export async function addAddress(ctx: TestContext, member: TestMember, change: Partial<typeof TEST_ADDRESS> = {}): Promise<number> {
  const res = await call(ctx, 'POST', '/api/v1/addresses', member.headers(), { ...TEST_ADDRESS, ...change });
  if (res.status !== 201) throw new Error(`add address failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export interface TestProduct {
  id: number;
  skus: { id: number; code: string; priceFen: number; stock: number }[];
}

/** A product through the merchant API, on shelf unless told otherwise. */
export async function createProduct(
  ctx: TestContext,
  staff: StaffSession,
  opts: {
    title?: string;
    categoryId?: number | null;
    skus?: { priceFen: number; stock: number; specs?: Record<string, string> }[];
    shelve?: boolean;
  } = {},
): Promise<TestProduct> {
  const skus = (opts.skus ?? [{ priceFen: 1990, stock: 10 }]).map((s) => ({
    code: uniqueName('SKU'),
    specs: s.specs ?? {},
    priceFen: s.priceFen,
    stock: s.stock,
  }));
  const created = await call(ctx, 'POST', '/api/v1/merchant/products', staff.headers(), {
    title: opts.title ?? uniqueName('商品'),
    categoryId: opts.categoryId ?? null,
    skus,
  });
  if (created.status !== 201) throw new Error(`create product failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (opts.shelve ?? true) {
    const shelved = await call(ctx, 'POST', `/api/v1/merchant/products/${created.body.id}/shelve`, staff.headers());
    if (shelved.status !== 200) throw new Error(`shelve failed: ${shelved.status}`);
  }
  return { id: created.body.id, skus: created.body.skus };
}

/** Who a file's tests start with, for eachTestContext (test/context.ts). */
export const withOwner = async (ctx: TestContext) => ({ owner: await createStaffAndLogin(ctx, 'owner') });
export const withMember = async (ctx: TestContext) => ({ member: await loginMember(ctx) });
export const withOwnerAndMember = async (ctx: TestContext) => ({ ...(await withOwner(ctx)), ...(await withMember(ctx)) });

/** Tier benefits that change nothing, for tiers a test only needs as levels. */
export const NO_TIER_BENEFITS = {
  memberPrice: { basisPoints: 0, scope: 'all' as const, ids: [] },
  pointsMultiplierBp: 10_000,
  freeShipping: false,
  birthdayGift: { points: 0, couponTemplateId: null },
  display: [],
};
