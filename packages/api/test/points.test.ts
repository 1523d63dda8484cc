import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { loginMember, DAY } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

describe('points ledger', () => {
  it('pages the member’s own entries, newest first', async () => {
    const m = await loginMember(ctx);
    for (let d = 0; d < 5; d += 1) {
      await ctx.app.request('/api/v1/check-in', { method: 'POST', headers: m.headers(), body: '{}' });
      ctx.clock.advance(DAY);
    }
    const first = await (await ctx.app.request('/api/v1/points/ledger?limit=2', { headers: m.headers() })).json();
    expect(first.balance).toBe(45);
    expect(first.entries.map((e: { sourceKey: string }) => e.sourceKey)).toEqual(['check-in:2026-11-26', 'check-in:2026-11-25']);
    const second = await (await ctx.app.request(`/api/v1/points/ledger?limit=2&cursor=${first.nextCursor}`, { headers: m.headers() })).json();
    expect(second.entries.map((e: { sourceKey: string }) => e.sourceKey)).toEqual(['check-in:2026-11-24', 'check-in:2026-11-23']);
    const last = await (await ctx.app.request(`/api/v1/points/ledger?limit=2&cursor=${second.nextCursor}`, { headers: m.headers() })).json();
    expect(last.entries).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
  });

  it('never shows a member another member’s entries, whatever cursor they send', async () => {
    const a = await loginMember(ctx);
    const b = await loginMember(ctx);
    await ctx.app.request('/api/v1/check-in', { method: 'POST', headers: a.headers(), body: '{}' });
    const bLedger = await (await ctx.app.request('/api/v1/points/ledger?cursor=999999', { headers: b.headers() })).json();
    expect(bLedger).toEqual({ balance: 0, entries: [], nextCursor: null });
    const aEntry = await ctx.db.selectFrom('points_ledger').select('id').where('member_id', '=', a.id).executeTakeFirstOrThrow();
    const probe = await (await ctx.app.request(`/api/v1/points/ledger?cursor=${Number(aEntry.id) + 1}`, { headers: b.headers() })).json();
    expect(probe.entries).toEqual([]);
  });

  it.each(['limit=0', 'limit=101', 'limit=abc', 'cursor=-1', 'cursor=1.5'])('answers 400 for %s', async (query) => {
    const m = await loginMember(ctx);
    const res = await ctx.app.request(`/api/v1/points/ledger?${query}`, { headers: m.headers() });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.issues[0].field).toMatch(/^query\.(limit|cursor)$/);
  });

  it('is append-only in the database itself', async () => {
    const m = await loginMember(ctx);
    await ctx.app.request('/api/v1/check-in', { method: 'POST', headers: m.headers(), body: '{}' });
    await expect(sql`update points_ledger set delta = 1000`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from points_ledger`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('refuses a second credit for the same source key and an overdraft, leaving the balance equal to the ledger sum', async () => {
    const m = await loginMember(ctx);
    const post = (delta: number, sourceKey: string) =>
      ctx.app.services.points.post(ctx.db, { memberId: m.id, delta, reason: 'adjustment', sourceKey, at: ctx.clock.now() });
    await post(100, 'adjust:1');
    const racing = await Promise.allSettled(Array.from({ length: 10 }, () => post(100, 'adjust:2')));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(post(-500, 'adjust:3')).rejects.toThrow();
    expect(await ctx.app.services.points.balance(ctx.db, m.id)).toBe(200);
    expect(await ctx.app.services.points.ledgerSum(ctx.db, m.id)).toBe(200);
  });
});
