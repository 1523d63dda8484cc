import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runMaintenance } from '../src/jobs/maintenance.job.js';
import { DEFAULT_IDEMPOTENCY_SETTINGS } from '../src/lib/idempotency.js';
import { eachTestContext, type TestContext } from './context.js';
import { loginMember, type TestMember, withMember } from './factories.js';

let ctx: TestContext;
let member: TestMember;
eachTestContext(withMember, (s) => ({ ctx, member } = s));

const checkIn = (key: string | undefined, body = '{}', m: TestMember = member) =>
  ctx.app.request('/api/v1/check-in', { method: 'POST', headers: m.headers(key ? { 'idempotency-key': key } : {}), body });
const ledgerRows = () => ctx.db.selectFrom('points_ledger').selectAll().where('member_id', '=', member.id).execute();

describe('Idempotency-Key on member mutations (invariant 11)', () => {
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

describe('keys expire, and a key left in flight by a crash is released', () => {
  const keyRows = () => ctx.db.selectFrom('idempotency_keys').selectAll().where('member_id', '=', member.id).execute();
  const { ttlMs, inFlightLeaseMs } = DEFAULT_IDEMPOTENCY_SETTINGS;

  it('replays within the TTL; after it the key is forgotten and a request under it is new work', async () => {
    const first = await checkIn('day-1');
    expect(first.status).toBe(200);
    ctx.clock.advance(ttlMs - 60_000);
    expect((await checkIn('day-1')).headers.get('idempotent-replayed')).toBe('true');
    ctx.clock.advance(2 * 60_000);
    // A new business day, and the old key means nothing any more: a new check-in.
    const again = await checkIn('day-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await ledgerRows()).toHaveLength(2);
  });

  it('a key in flight answers 409 until its lease runs out, then the retry does the work once', async () => {
    // What a crash mid-request leaves behind: the key claimed for this very request, no response stored.
    const fingerprint = createHash('sha256').update('POST /api/v1/check-in\n{}').digest('hex');
    await ctx.db
      .insertInto('idempotency_keys')
      .values({ member_id: member.id, key: 'crashed', fingerprint, state: 'in_flight', created_at: ctx.clock.now().toISOString() })
      .execute();
    const early = await checkIn('crashed');
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    ctx.clock.advance(inFlightLeaseMs + 1000);
    const retries = await Promise.all([checkIn('crashed'), checkIn('crashed'), checkIn('crashed')]);
    expect(retries.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await ledgerRows()).toHaveLength(1);
  });

  it('the maintenance job purges expired keys, abandoned keys and expired sessions', async () => {
    await checkIn('old');
    await ctx.db
      .insertInto('idempotency_keys')
      .values({ member_id: member.id, key: 'abandoned', fingerprint: 'x', state: 'in_flight', created_at: ctx.clock.now().toISOString() })
      .execute();
    ctx.clock.advance(inFlightLeaseMs + 1000);
    await checkIn('fresh');
    const deps = { db: ctx.db, clock: ctx.clock, auth: ctx.app.services.auth, idempotency: DEFAULT_IDEMPOTENCY_SETTINGS };
    expect(await runMaintenance(deps)).toEqual({ sessions: 0, idempotencyKeys: 1 });
    expect((await keyRows()).map((r) => r.key).sort()).toEqual(['fresh', 'old']);
    ctx.clock.advance(ttlMs + 1000);
    // 24 h later: both keys expired; the member's 30-day session is still good, a staff session (12 h) would not be.
    const staffSession = await ctx.db.selectFrom('sessions').select('token_hash').where('subject_type', '=', 'staff').execute();
    expect(staffSession).toEqual([]);
    expect(await runMaintenance(deps)).toEqual({ sessions: 0, idempotencyKeys: 2 });
    ctx.clock.advance(31 * 24 * 3600_000);
    expect(await runMaintenance(deps)).toEqual({ sessions: 1, idempotencyKeys: 0 });
    expect((await checkIn(undefined)).status).toBe(401);
  });
});
