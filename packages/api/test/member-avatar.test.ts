/**
 * The member's avatar upload (POST /api/v1/me/avatar) on SQLite and PostgreSQL: an image stored under avatars/ whose
 * /uploads/<key> the profile then takes; the type checked by its bytes, the size limited, a staff token refused, a
 * burst rate-limited per member, and nothing stored by a refused request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin } from './factories.js';
import { newShopper } from './shop.js';

let ctx: TestContext;
let uploadsDir: string;

beforeEach(async () => {
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-avatars-'));
  ctx = await createTestContext({ uploadsDir });
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function upload(headers: Record<string, string>, bytes: Uint8Array, name = 'a.png', type = 'image/png'): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  const { 'content-type': _json, ...rest } = headers;
  return await ctx.app.request('http://shop.test/api/v1/me/avatar', { method: 'POST', headers: rest, body: form });
}
const storedFiles = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir, { recursive: true }).filter((f) => String(f).includes('.')) : []);

describe('the member avatar upload', () => {
  it('stores the image under avatars/ and the profile takes its /uploads/ path', async () => {
    const m = await newShopper(ctx, 'weapp');
    const res = await upload(m.headers(), PNG, 'tmp_avatar.bin', 'application/octet-stream');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string; key: string; contentType: string };
    expect(body.key).toMatch(/^avatars\/2026-11\/[A-Za-z0-9_-]+\.png$/);
    expect(body.contentType).toBe('image/png');
    const served = await ctx.app.request(`/uploads/${body.key}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const saved = await call(ctx, 'PATCH', 'http://shop.test/api/v1/me/profile', m.headers(), { avatarUrl: `/uploads/${body.key}` });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Stored as the key; answered as the URL on the address the profile was read at (decision 029).
    expect(saved.body.avatarUrl).toBe(body.url);
  });

  it('refuses what is not an image, an empty or missing file, an oversized one and a staff token, storing nothing', async () => {
    const m = await newShopper(ctx, 'weapp');
    const svg = await upload(m.headers(), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg', 'image/svg+xml');
    expect(svg.status).toBe(415);
    expect(((await svg.json()) as any).error.details.issues[0].field).toBe('file');
    const empty = await upload(m.headers(), new Uint8Array(), 'a.png');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).error.details.issues[0].field).toBe('file');
    const big = await upload(m.headers(), Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    const { 'content-type': _json, ...noType } = m.headers();
    const noFile = await ctx.app.request('http://shop.test/api/v1/me/avatar', { method: 'POST', headers: noType, body: new FormData() });
    expect(noFile.status).toBe(400);
    const json = await call(ctx, 'POST', '/api/v1/me/avatar', m.headers(), { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.details.issues[0].field).toBe('header.Content-Type');
    const owner = await createStaffAndLogin(ctx, 'owner');
    expect((await upload(owner.headers(), PNG)).status).toBe(403);
    expect((await upload({}, PNG)).status).toBe(401);
    expect(storedFiles()).toEqual([]);
  });

  it('limits a burst from one member (429 with Retry-After), not another member', async () => {
    const m = await newShopper(ctx, 'weapp');
    const other = await newShopper(ctx, 'tt');
    const statuses = await Promise.all(Array.from({ length: 8 }, () => upload(m.headers(), PNG).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const refused = await upload(m.headers(), PNG);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await upload(other.headers(), PNG)).status).toBe(201);
    expect(storedFiles()).toHaveLength(6);
  });
});
