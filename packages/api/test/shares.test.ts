/**
 * Share attribution (decision 034) on SQLite and PostgreSQL: share ids issued to members, landings recorded (a forged,
 * unknown or expired id ignored, never an error), a new member attributed at first login in the creation's
 * transaction, first and last touch, orders carrying the attribution they were placed under, the `landed` event, and
 * parallel landings and first logins.
 */
import { SHARE_ID_PATTERN } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, DAY, loginMember } from './factories.js';
import { newShopper, placeOrder, type Shop, type Shopper, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const JSON_HEADERS = { 'content-type': 'application/json' };
const issue = async (who: Shopper | Awaited<ReturnType<typeof loginMember>>, body: Record<string, unknown>) => {
  const res = await call(ctx, 'POST', '/api/v1/shares', who.headers(), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.shareId as string;
};
const land = (shareId: unknown, headers: Record<string, string> = JSON_HEADERS, platform?: string) =>
  call(ctx, 'POST', '/api/v1/shares/landings', headers, { shareId, ...(platform ? { platform } : {}) });
const visits = () => ctx.db.selectFrom('share_visits').selectAll().orderBy('id').execute();
const touches = (memberId: number) => ctx.db.selectFrom('member_share_touches').selectAll().where('member_id', '=', memberId).executeTakeFirst();

describe('issuing share ids', () => {
  it('issues a short random id per share, with kind, target, channel and expiry', async () => {
    const res = await call(ctx, 'POST', '/api/v1/shares', m.headers(), { kind: 'product', targetId: shop.product.id, channel: 'card' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'product', targetId: shop.product.id, channel: 'card', expiresAt: '2027-05-21T02:00:00.000Z' });
    expect(res.body.shareId).toMatch(SHARE_ID_PATTERN);
    const other = await issue(m, { kind: 'invitation', channel: 'poster' });
    expect(other).not.toBe(res.body.shareId);
    const row = await ctx.db.selectFrom('shares').selectAll().where('id', '=', other).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      sharer_member_id: m.id,
      sharer_staff_id: null,
      kind: 'invitation',
      target_id: null,
      channel: 'poster',
      platform: 'weapp',
    });
  });

  it('answers bad input with 400 naming the field, writes nothing; refuses staff and anonymous callers', async () => {
    const bad: [unknown, string][] = [
      [{ kind: 'product', channel: 'card' }, 'targetId'],
      [{ kind: 'shop', targetId: 3, channel: 'card' }, 'targetId'],
      [{ kind: 'guide', channel: 'card' }, 'kind'],
      [{ kind: 'nothing', channel: 'card' }, 'kind'],
      [{ kind: 'shop', channel: 'fax' }, 'channel'],
      [{ kind: 'product', targetId: -1, channel: 'card' }, 'targetId'],
      [{ kind: 'product', targetId: 1e20, channel: 'card' }, 'targetId'],
      [{ kind: 'shop', channel: 'card', extra: 1 }, 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await call(ctx, 'POST', '/api/v1/shares', m.headers(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.error.details.issues.map((i: { field: string }) => i.field)), JSON.stringify(body)).toContain(field);
    }
    expect((await call(ctx, 'POST', '/api/v1/shares', m.headers(), '{"kind":')).status).toBe(400);
    expect((await call(ctx, 'POST', '/api/v1/shares', shop.owner.headers(), { kind: 'shop', channel: 'card' })).status).toBe(403);
    expect((await call(ctx, 'POST', '/api/v1/shares', JSON_HEADERS, { kind: 'shop', channel: 'card' })).status).toBe(401);
    expect(await ctx.db.selectFrom('shares').selectAll().execute()).toEqual([]);
  });
});

describe('landings', () => {
  it('records an anonymous landing; ignores forged, unknown and expired ids with 200; 400 only for what is not a short string', async () => {
    const shareId = await issue(m, { kind: 'shop', channel: 'link' });
    expect((await land(shareId, JSON_HEADERS, 'alipay')).body).toEqual({ recorded: true, kind: 'shop', targetId: null });
    expect(await visits()).toMatchObject([{ share_id: shareId, member_id: null, platform: 'alipay', channel: 'link', new_member: 0 }]);
    for (const forged of ['', 'zzz', 'AAAAAAAAAA', `${shareId}x`, '../../etc', '0123456789', "a' or 1=1"]) {
      const res = await land(forged);
      expect(res.status, forged).toBe(200);
      expect(res.body).toEqual({ recorded: false, kind: null, targetId: null });
    }
    for (const [body, field] of [
      [{ shareId: 12 }, 'shareId'],
      [{ shareId: 'x'.repeat(65) }, 'shareId'],
      [{}, 'shareId'],
      [{ shareId, platform: 'myspace' }, 'platform'],
    ] as const) {
      const res = await call(ctx, 'POST', '/api/v1/shares/landings', JSON_HEADERS, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(field);
    }
    ctx.clock.advance(180 * DAY);
    expect((await land(shareId)).body.recorded).toBe(false);
    expect(await visits()).toHaveLength(1);
    expect(ctx.landed).toEqual([]);
  });

  it('a member landing moves their touches and emits landed; their own share is a visit only', async () => {
    const friend = await newShopper(ctx);
    const first = await issue(m, { kind: 'product', targetId: shop.product.id, channel: 'card' });
    const second = await issue(m, { kind: 'coupon', targetId: 9, channel: 'poster' });
    expect((await land(first, friend.headers())).body.recorded).toBe(true);
    ctx.clock.advance(60_000);
    expect((await land(second, friend.headers())).body.recorded).toBe(true);
    expect(await touches(friend.id)).toMatchObject({
      first_share_id: first,
      last_share_id: second,
      first_at: '2026-11-22T02:00:00.000Z',
      last_at: '2026-11-22T02:01:00.000Z',
    });
    expect(
      ctx.landed.map((e) => [e.memberId, e.share.id, e.share.sharerMemberId, e.share.kind, e.share.targetId, e.isNewMember, e.platform]),
    ).toEqual([
      [friend.id, first, m.id, 'product', shop.product.id, false, 'weapp'],
      [friend.id, second, m.id, 'coupon', 9, false, 'weapp'],
    ]);
    // A staff token on a landing is anonymous there.
    expect((await land(first, shop.owner.headers())).body.recorded).toBe(true);
    expect((await land(first, m.headers())).body.recorded).toBe(true);
    expect(await touches(m.id)).toBeUndefined();
    expect(ctx.landed).toHaveLength(2);
    expect((await visits()).map((v) => v.member_id)).toEqual([friend.id, friend.id, null, m.id]);
  });

  it('a first login with a share id creates the member attributed in the same transaction; again it is an existing member’s landing; bad ids never stop a login', async () => {
    const shareId = await issue(m, { kind: 'invitation', channel: 'poster' });
    const invitee = await loginMember(ctx, { platform: 'tt', shareId });
    expect(invitee.login.isNewMember).toBe(true);
    expect(ctx.landed).toMatchObject([
      { memberId: invitee.id, isNewMember: true, platform: 'tt', share: { id: shareId, sharerMemberId: m.id, kind: 'invitation' } },
    ]);
    expect(await visits()).toMatchObject([{ share_id: shareId, member_id: invitee.id, new_member: 1, platform: 'tt' }]);
    expect(await touches(invitee.id)).toMatchObject({ first_share_id: shareId, last_share_id: shareId });
    // Logging in again with it: a landing of an existing member.
    await loginMember(ctx, { platform: 'tt', user: invitee.user, shareId });
    expect(ctx.landed.map((e) => e.isNewMember)).toEqual([true, false]);
    // Unknown, forged or expired ids do not stop a login.
    const plain = await loginMember(ctx, { shareId: 'nonsense' });
    expect(plain.login.isNewMember).toBe(true);
    expect(await touches(plain.id)).toBeUndefined();
    const bad = await call(ctx, 'POST', '/api/v1/auth/login', JSON_HEADERS, { platform: 'weapp', code: 'x', shareId: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('shareId');
  });

  it('parallel landings of one member: every visit, one touches row; parallel first logins of one identity: one member, one new-member landing', async () => {
    const shareIds = await Promise.all(Array.from({ length: 6 }, () => issue(m, { kind: 'shop', channel: 'card' })));
    const friend = await newShopper(ctx);
    const results = await Promise.all(shareIds.flatMap((id) => [land(id, friend.headers()), land(id, friend.headers())]));
    expect(results.every((r) => r.status === 200 && r.body.recorded)).toBe(true);
    expect((await visits()).filter((v) => v.member_id === friend.id)).toHaveLength(12);
    const t = await ctx.db.selectFrom('member_share_touches').selectAll().where('member_id', '=', friend.id).execute();
    expect(t).toHaveLength(1);
    expect(shareIds).toContain(t[0]!.first_share_id);

    const user = 'racing-newcomer';
    const logins = await Promise.all(Array.from({ length: 5 }, () => loginMember(ctx, { platform: 'alipay', user, shareId: shareIds[0]! })));
    expect(new Set(logins.map((l) => l.id)).size).toBe(1);
    expect(logins.filter((l) => l.login.isNewMember)).toHaveLength(1);
    const theirs = ctx.landed.filter((e) => e.memberId === logins[0]!.id);
    expect(theirs.filter((e) => e.isNewMember)).toHaveLength(1);
    expect(theirs).toHaveLength(5);
  });
});

describe('order attribution', () => {
  it('an order carries the last touch within the window; none without a touch or after the window', async () => {
    const friend = await newShopper(ctx);
    const shareId = await issue(m, { kind: 'product', targetId: shop.product.id, channel: 'card' });
    const before = await placeOrder(ctx, shop, friend);
    await land(shareId, friend.headers());
    const under = await placeOrder(ctx, shop, friend);
    ctx.clock.advance(8 * DAY);
    const after = await placeOrder(ctx, shop, friend);
    const rows = await ctx.db.selectFrom('order_attributions').selectAll().execute();
    expect(rows).toMatchObject([
      {
        order_id: under.id,
        member_id: friend.id,
        share_id: shareId,
        sharer_member_id: m.id,
        sharer_staff_id: null,
        kind: 'product',
        target_id: shop.product.id,
        channel: 'card',
      },
    ]);
    expect(rows.map((r) => r.order_id)).not.toContain(before.id);
    expect(rows.map((r) => r.order_id)).not.toContain(after.id);
    const attribution = await ctx.app.services.shares.orderAttribution(ctx.db, under.id);
    expect(attribution).toMatchObject({ orderId: under.id, share: { id: shareId, sharerMemberId: m.id, targetId: shop.product.id } });
  });

  it('a merge moves issued shares, visits and attributions and combines touches; the privacy view shows them; staff shares land too', async () => {
    const PHONE = { countryCode: '86', number: '13812345678' };
    const members = ctx.app.services.members;
    const a = await issue(m, { kind: 'shop', channel: 'card' });
    const b = await issue(m, { kind: 'shop', channel: 'poster' });
    const wechat = await newShopper(ctx, 'weapp');
    await land(a, wechat.headers());
    const mine = await issue(wechat, { kind: 'shop', channel: 'link' });
    ctx.clock.advance(60_000);
    const douyin = await newShopper(ctx, 'tt');
    await members.bindPhone(douyin.id, PHONE);
    await land(b, douyin.headers());
    const order = await placeOrder(ctx, shop, wechat);
    await members.bindPhone(wechat.id, PHONE); // merged into the phone's holder
    expect(await touches(wechat.id)).toBeUndefined();
    expect(await touches(douyin.id)).toMatchObject({
      first_share_id: a,
      first_at: '2026-11-22T02:00:00.000Z',
      last_share_id: b,
      last_at: '2026-11-22T02:01:00.000Z',
    });
    expect((await visits()).map((v) => v.member_id)).toEqual([douyin.id, douyin.id]);
    expect((await ctx.db.selectFrom('shares').select('sharer_member_id').where('id', '=', mine).executeTakeFirstOrThrow()).sharer_member_id).toBe(
      douyin.id,
    );
    expect((await ctx.app.services.shares.orderAttribution(ctx.db, order.id))?.memberId).toBe(douyin.id);

    const data = await members.dataExport(douyin.id);
    expect(JSON.stringify(data)).toContain(mine);

    const staffId = await ctx.app.services.staff.create({
      username: 'guide-1',
      displayName: '导购小林',
      role: 'operator',
      password: 'pw-guide-1-long',
    });
    const staffShare = await ctx.app.services.shares.issueForStaff(staffId, { kind: 'guide', channel: 'code' });
    const friend = await newShopper(ctx);
    expect((await land(staffShare.shareId, friend.headers())).body).toEqual({ recorded: true, kind: 'guide', targetId: null });
    expect(ctx.landed.at(-1)?.share).toMatchObject({ sharerMemberId: null, sharerStaffId: staffId, kind: 'guide' });
  });
});
