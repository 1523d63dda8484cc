import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { loginMember, type TestMember } from './factories.js';

let ctx: TestContext;
let member: TestMember;
beforeEach(async () => {
  ctx = await createTestContext();
  member = await loginMember(ctx);
});
afterEach(async () => {
  await ctx.close();
});

const checkIn = (key: string | undefined, body = '{}', m: TestMember = member) =>
  ctx.app.request('/api/v1/check-in', { method: 'POST', headers: m.headers(key ? { 'idempotency-key': key } : {}), body });
const ledgerRows = () => ctx.db.selectFrom('points_ledger').selectAll().where('member_id', '=', member.id).execute();

describe('Idempotency-Key on member mutations (INVARIANTS 11)', () => {
  it('replays the stored status and body for the same key and body; the work happens once', async () => {
    const first = await checkIn('tap-1');
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    const replay = await checkIn('tap-1');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(firstBody);
    expect(await ledgerRows()).toHaveLength(1);
    // A new key is a new attempt: today is taken.
    expect((await checkIn('tap-2')).status).toBe(409);
  });

  it('answers 422 for the same key with another body or another endpoint', async () => {
    expect((await checkIn('k-1')).status).toBe(200);
    const other = await checkIn('k-1', '{ }');
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('concurrent requests with one key: one does the work, the rest see 409 in flight or the replay', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => checkIn('double-tap')));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const inFlight = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json()));
    expect(inFlight.every((b) => b.error.code === 'IDEMPOTENCY_KEY_IN_FLIGHT')).toBe(true);
    expect(await ledgerRows()).toHaveLength(1);
  });

  it('stores nothing for a request that failed validation', async () => {
    const bad = await checkIn('k-bad', '{"reward": 5}');
    expect(bad.status).toBe(400);
    expect(await ctx.db.selectFrom('idempotency_keys').selectAll().execute()).toHaveLength(0);
    const good = await checkIn('k-bad', '{"reward": 5}');
    expect(good.status).toBe(400);
  });

  it('scopes keys per member', async () => {
    const other = await loginMember(ctx);
    expect((await checkIn('shared-key')).status).toBe(200);
    const res = await checkIn('shared-key', '{}', other);
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('rejects a malformed key with 400 naming the header', async () => {
    const res = await checkIn('has space');
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.issues[0].field).toBe('header.Idempotency-Key');
    expect(await ledgerRows()).toHaveLength(0);
  });
});
