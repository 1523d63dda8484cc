import type { LoginPlatform, MemberLoginResponse, StaffRole } from '@siyu/shared';
import { randomBytes } from 'node:crypto';
import type { TestContext } from './context.js';

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

export async function loginMember(ctx: TestContext, opts: { platform?: LoginPlatform; user?: string; address?: string } = {}): Promise<TestMember> {
  const platform = opts.platform ?? 'weapp';
  const user = opts.user ?? uniqueName();
  const { code } = ctx.simulator.issueCode(platform, user);
  const res = await ctx.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': opts.address ?? freshAddress() },
    body: JSON.stringify({ platform, code }),
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

export async function createStaffAndLogin(ctx: TestContext, role: StaffRole = 'owner'): Promise<{ token: string; headers: (extra?: Record<string, string>) => Record<string, string> }> {
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
