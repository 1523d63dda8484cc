/**
 * A member's profile and privacy on SQLite and PostgreSQL: reading and editing the profile (birthday set once, the
 * complete_profile task once), what the store holds about the member, and closing the account (refused while orders are
 * unfinished; personal data gone, orders and ledgers kept anonymised; the old token refused; a new login a new member).
 */
import { describe, expect, it } from 'vitest';
import { newNickname } from '../src/modules/members/index.js';
import { eachTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin, freshAddress } from './factories.js';
import { newShopper, paidOrder, placeOrder, type Shop, withShop } from './shop.js';

let ctx: TestContext;
let shop: Shop;
eachTestContext(withShop, (s) => ({ ctx, shop } = s));

const P = '/api/v1/me/profile';
const memberRow = (id: number) => ctx.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the profile', () => {
  it('names a new member in Chinese by platform (微信用户1234), or by the platform’s own nickname where its login gives one', async () => {
    const names = await Promise.all(
      (['weapp', 'alipay', 'tt'] as const).map(
        async (platform) => (await call(ctx, 'GET', P, (await newShopper(ctx, platform)).headers())).body.nickname,
      ),
    );
    expect(names[0]).toMatch(/^微信用户\d{4}$/);
    expect(names[1]).toMatch(/^支付宝用户\d{4}$/);
    expect(names[2]).toMatch(/^抖音用户\d{4}$/);
    // The same openid, the same digits; a nickname the platform gives wins.
    expect(newNickname({ platform: 'weapp', openId: 'o-abc' })).toBe(newNickname({ platform: 'weapp', openId: 'o-abc' }));
    expect(newNickname({ platform: 'tt', openId: 'o-abc', nickname: ' 抖音小林 ' })).toBe('抖音小林');
  });

  it('reads and edits nickname, avatar, gender and a birthday set once', async () => {
    const m = await newShopper(ctx, 'weapp');
    const first = await call(ctx, 'GET', P, m.headers());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: m.id, gender: 'unknown', birthday: null, birthdayLocked: false, phoneMasked: null, platforms: ['weapp'] });

    const edited = await call(ctx, 'PATCH', P, m.headers(), { nickname: '  小林 ', gender: 'female', avatarUrl: 'https://img.example.com/a.png' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ nickname: '小林', gender: 'female', avatarUrl: 'https://img.example.com/a.png', birthday: null });
    expect((await call(ctx, 'PATCH', P, m.headers(), { avatarUrl: '/uploads/2026/11/a.webp' })).body.avatarUrl).toBe(
      'http://localhost/uploads/2026/11/a.webp',
    );

    const withBirthday = await call(ctx, 'PATCH', P, m.headers(), { birthday: '1995-12-20' });
    expect(withBirthday.body).toMatchObject({ birthday: '1995-12-20', birthdayLocked: true });
    // Completing the profile pays its task once.
    const tasks = await ctx.db
      .selectFrom('points_ledger')
      .select('delta')
      .where('member_id', '=', m.id)
      .where('source_key', '=', 'task:complete_profile')
      .execute();
    expect(tasks).toHaveLength(1);
    expect((await call(ctx, 'PATCH', P, m.headers(), { nickname: '小林2' })).status).toBe(200);
    expect(
      await ctx.db
        .selectFrom('points_ledger')
        .select('delta')
        .where('member_id', '=', m.id)
        .where('source_key', '=', 'task:complete_profile')
        .execute(),
    ).toHaveLength(1);

    // The same birthday again is fine; another is 409 naming birthday, and nothing of that request is written.
    expect((await call(ctx, 'PATCH', P, m.headers(), { birthday: '1995-12-20' })).status).toBe(200);
    const again = await call(ctx, 'PATCH', P, m.headers(), { birthday: '1996-01-01', nickname: '不该写入' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BIRTHDAY_ALREADY_SET');
    expect(again.body.error.details.issues[0].field).toBe('birthday');
    expect((await memberRow(m.id)).nickname).toBe('小林2');
    // The older route keeps the same rule.
    const put = await call(ctx, 'PUT', '/api/v1/me/birthday', m.headers(), { birthday: '1996-01-01' });
    expect(put.status).toBe(409);
    expect(put.body.error.details.issues[0].field).toBe('birthday');
  });

  it('answers bad input with 400 naming the field and writes nothing', async () => {
    const m = await newShopper(ctx, 'tt');
    const before = await memberRow(m.id);
    const bad: [unknown, string][] = [
      [{ nickname: 'x'.repeat(33) }, 'nickname'],
      [{ nickname: '   ' }, 'nickname'],
      [{ nickname: 'a\u0000b' }, 'nickname'],
      [{ avatarUrl: 'http://img.example.com/a.png' }, 'avatarUrl'],
      [{ avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ gender: 'other' }, 'gender'],
      [{ birthday: '1995-02-30' }, 'birthday'],
      [{ birthday: '19951220' }, 'birthday'],
      [{ nickname: 'ok', points: 100 }, ''],
      [{ nickname: 7 }, 'nickname'],
    ];
    for (const [body, field] of bad) {
      const res = await call(ctx, 'PATCH', P, m.headers(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field)
        expect(
          res.body.error.details.issues.map((i: { field: string }) => i.field),
          JSON.stringify(body),
        ).toContain(field);
    }
    expect(await memberRow(m.id)).toEqual(before);
    const close = await call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: false });
    expect(close.status).toBe(400);
    expect(close.body.error.details.issues[0].field).toBe('confirm');
    expect((await memberRow(m.id)).closed_at).toBeNull();
  });

  it('is for members only: staff tokens are refused, and no token is 401', async () => {
    const owner = await createStaffAndLogin(ctx, 'owner');
    expect((await call(ctx, 'GET', P, owner.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', '/api/v1/me/data', owner.headers())).status).toBe(403);
    expect((await call(ctx, 'GET', P, {})).status).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/me/close', { 'content-type': 'application/json' }, { confirm: true })).status).toBe(401);
  });
});

describe('privacy', () => {
  it('shows the member what the store holds, without platform secrets', async () => {
    const m = await newShopper(ctx, 'weapp');
    await call(ctx, 'POST', '/api/v1/check-in', m.headers(), {});
    await paidOrder(ctx, shop, m);
    const data = await call(ctx, 'GET', '/api/v1/me/data', m.headers());
    expect(data.status).toBe(200);
    expect(data.body.profile.id).toBe(m.id);
    expect(data.body.identities).toHaveLength(1);
    expect(Object.keys(data.body.data).sort()).toEqual(
      [
        'addresses',
        'cart',
        'check_ins',
        'coupons',
        'orders',
        'points',
        'points_mall',
        'tiers',
        'favourites',
        'wallet',
        'member-cards',
        'messages',
        'shares',
        'events',
        'invitations',
        'distribution',
      ].sort(),
    );
    expect(data.body.data.addresses[0].name).toBe('林晓');
    expect(data.body.data.orders).toHaveLength(1);
    expect(data.body.data.check_ins).toHaveLength(1);
    const text = JSON.stringify(data.body);
    const identity = await ctx.db.selectFrom('member_identities').selectAll().where('member_id', '=', m.id).executeTakeFirstOrThrow();
    expect(text).not.toContain(identity.open_id);
    if (identity.session_key) expect(text).not.toContain(identity.session_key);
    expect(text).not.toContain('session_key');
  });

  it('refuses to close while an order is unfinished, naming it; then closes: data gone, records anonymised, token refused', async () => {
    const m = await newShopper(ctx, 'weapp');
    const paid = await paidOrder(ctx, shop, m);
    const refused = await call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_HAS_OPEN_ORDERS');
    // Named by what they are (the first line's title and how many lines), not by a bare number alone.
    expect(refused.body.error.details.orders).toEqual([
      { orderNo: paid.orderNo, status: 'paid', title: paid.lines[0]!.title, lineCount: String(paid.lines.length) },
    ]);
    expect((await memberRow(m.id)).closed_at).toBeNull();
    // A refund under way is named too, beside its order.
    const asked = await call(ctx, 'POST', `/api/v1/orders/${paid.id}/refunds`, m.headers(), { reason: '不要了' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const still = await call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: true });
    expect(still.status).toBe(409);
    expect(still.body.error.details.refunds).toEqual([{ refundNo: asked.body.refundNo, status: 'requested', title: paid.lines[0]!.title }]);
    expect(still.body.error.details.orders).toHaveLength(1);
    expect((await call(ctx, 'GET', '/api/v1/me', m.headers())).status).toBe(200);

    const other = await newShopper(ctx, 'tt');
    await ctx.app.services.members.bindPhone(other.id, { countryCode: '86', number: '13700001111' });
    await call(ctx, 'PATCH', P, other.headers(), { birthday: '1990-05-05', gender: 'male' });
    await call(ctx, 'POST', '/api/v1/check-in', other.headers(), {});
    const order = await placeOrder(ctx, shop, other);
    expect((await call(ctx, 'POST', `/api/v1/orders/${order.id}/cancel`, other.headers(), {})).status).toBe(200);
    await call(ctx, 'POST', '/api/v1/cart/lines', other.headers(), { skuId: shop.sku(0), quantity: 1 });
    const ledgerBefore = await ctx.app.services.points.ledgerSum(ctx.db, other.id);

    const closed = await call(ctx, 'POST', '/api/v1/me/close', other.headers(), { confirm: true, reason: '不再使用' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const row = await memberRow(other.id);
    expect(row).toMatchObject({ nickname: '已注销用户', avatar_url: null, phone: null, birthday: null, gender: 'unknown' });
    expect(row.closed_at).not.toBeNull();
    for (const t of ['member_identities', 'addresses', 'cart_lines', 'idempotency_keys'] as const)
      expect(await (ctx.db as any).selectFrom(t).selectAll().where('member_id', '=', other.id).execute(), t).toHaveLength(0);
    // Orders and the ledger stay, anonymised.
    const kept = await ctx.db.selectFrom('orders').select(['address', 'status']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(JSON.parse(kept.address)).toMatchObject({ name: '已注销用户', phone: '', detail: '', city: '杭州市' });
    expect(await ctx.app.services.points.ledgerSum(ctx.db, other.id)).toBe(ledgerBefore);
    // The old token is refused; the phone is free again; logging in again makes a new member.
    expect((await call(ctx, 'GET', '/api/v1/me', other.headers())).status).toBe(401);
    const { code } = ctx.simulator.issueCode('tt', other.user);
    const again = await call(
      ctx,
      'POST',
      '/api/v1/auth/login',
      { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      { platform: 'tt', code },
    );
    expect(again.status).toBe(200);
    expect(again.body.member.id).not.toBe(other.id);
    expect(again.body.isNewMember).toBe(true);
    // The merchant sees the closed member.
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    const detail = await call(ctx, 'GET', `/api/v1/merchant/members/${other.id}`, viewer.headers());
    expect(detail.body).toMatchObject({ nickname: '已注销用户', phoneMasked: null, identities: [] });
    expect(detail.body.closedAt).not.toBeNull();
  });
});
