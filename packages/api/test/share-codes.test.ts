/**
 * Share codes (decision 035, docs/protocols/mini-program-codes.md) on SQLite and PostgreSQL: each platform's own code
 * API through the adapters and the simulator, a real PNG that decodes to the share id, cached per share id; the
 * platforms' failures as errors; another member's share is a 404.
 */
import type { LoginPlatform } from '@siyu/shared';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, loginMember, type TestMember, withMember } from './factories.js';

let ctx: TestContext;
let member: TestMember;
eachTestContext(withMember, (s) => ({ ctx, member } = s));

const decode = (dataUrl: string) => {
  expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  const png = PNG.sync.read(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
};
const issue = async (who: TestMember) =>
  (await call(ctx, 'POST', '/api/v1/shares', who.headers(), { kind: 'invitation', channel: 'poster' })).body.shareId as string;

describe('share codes', () => {
  it.each([
    ['weapp', 'scene='],
    ['alipay', 's='],
    ['tt', 's='],
  ] as [LoginPlatform, string][])('%s: the platform’s code decodes to the share id, made once and cached', async (platform, key) => {
    const sharer = await loginMember(ctx, { platform });
    const shareId = await issue(sharer);
    const res = await call(ctx, 'GET', `/api/v1/shares/${shareId}/code`, sharer.headers());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.platform).toBe(platform);
    const text = decode(res.body.image);
    expect(text).toContain(`${key}${shareId}`);
    expect(text).toContain(`/${platform}/pages/index/index`);
    // Cached: the simulator is down now, and the same image comes back.
    ctx.simulator.simulateOutage(platform, 5);
    const again = await call(ctx, 'GET', `/api/v1/shares/${shareId}/code`, sharer.headers());
    expect(again.body.image).toBe(res.body.image);
    expect(await ctx.db.selectFrom('share_code_images').selectAll().execute()).toHaveLength(1);
  });

  it('answers the platforms’ failures as errors and caches nothing; another member’s share is 404; a bad id 400', async () => {
    for (const platform of ['weapp', 'alipay', 'tt'] as LoginPlatform[]) {
      const sharer = await loginMember(ctx, { platform });
      const shareId = await issue(sharer);
      ctx.simulator.simulateOutage(platform, 1);
      const res = await call(ctx, 'GET', `/api/v1/shares/${shareId}/code`, sharer.headers());
      expect([502, 503], `${platform} ${JSON.stringify(res.body)}`).toContain(res.status);
      expect((await call(ctx, 'GET', `/api/v1/shares/${shareId}/code`, member.headers())).status).toBe(404);
    }
    expect(await ctx.db.selectFrom('share_code_images').selectAll().execute()).toEqual([]);
    const bad = await call(ctx, 'GET', '/api/v1/shares/short/code', member.headers());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('path.shareId');
    expect((await call(ctx, 'GET', '/api/v1/shares/AAAAAAAAAA/code', member.headers())).status).toBe(404);
  });
});
