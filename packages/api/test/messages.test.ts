import type { LoginPlatform } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../src/lib/transaction.js';
import { engine, type TestContext, eachTestContext } from './context.js';
import { call, loginMember, M } from './factories.js';
import { type Shop, type Shopper, approvedRefund, newShop, newShopper, paidOrder } from './shop.js';

/** Subscription messages, the consent ledger, the outbox and the message centre (decisions 044, 045). */

const TEMPLATES: Record<LoginPlatform, { templateId: string; fields: Record<string, string> }> = {
  weapp: {
    templateId: 'wxTplOrderShipped01',
    fields: { character_string1: 'orderNo', thing2: 'productName', thing3: 'carrier', character_string4: 'trackingNo', date5: 'shippedAt' },
  },
  alipay: { templateId: 'aliTplShipped01', fields: { keyword1: 'orderNo', keyword2: 'productName', keyword3: 'carrier', keyword4: 'trackingNo' } },
  tt: { templateId: 'MSGttShipped01', fields: { 订单号: 'orderNo', 商品: 'productName', 快递公司: 'carrier', 运单号: 'trackingNo' } },
};

async function configureShipped(ctx: TestContext, shop: Shop, platform: LoginPlatform) {
  const t = TEMPLATES[platform];
  const res = await call(ctx, 'PUT', `${M}/message-templates/${platform}/order_shipped`, shop.owner.headers(), {
    templateId: t.templateId,
    fields: t.fields,
    page: 'package-order/pages/list/index',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The member accepts on the platform's prompt (the simulator) and the client records the answers with us. */
async function subscribe(ctx: TestContext, m: Shopper, templateIds: string[], answers?: Record<string, 'accept' | 'reject' | 'ban'>) {
  const results = ctx.simulator.requestSubscribe(m.platform, m.user, templateIds, answers);
  const res = await call(ctx, 'POST', '/api/v1/me/message-consents', m.headers(), { platform: m.platform, results });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function ship(ctx: TestContext, shop: Shop, orderId: number) {
  const res = await call(ctx, 'POST', `${M}/orders/${orderId}/ship`, shop.owner.headers(), { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const messageRows = (ctx: TestContext, memberId: number) =>
  ctx.db.selectFrom('messages').selectAll().where('member_id', '=', memberId).orderBy('id').execute();

describe('messages: the order shipped journey', () => {
  let ctx: TestContext;
  let shop: Shop;
  eachTestContext(
    async (c) => ({ shop: await newShop(c) }),
    (s) => ({ ctx, shop } = s),
  );

  for (const platform of ['weapp', 'alipay', 'tt'] as const) {
    it(`${platform}: an accepted consent, a paid and shipped order → one message on the platform and in the message centre`, async () => {
      await configureShipped(ctx, shop, platform);
      const m = await newShopper(ctx, platform);
      const ask = await call(ctx, 'GET', `/api/v1/me/message-subscriptions?platform=${platform}&moment=after_pay`, m.headers());
      expect(ask.body).toMatchObject({ platform, moment: 'after_pay', templateIds: [TEMPLATES[platform].templateId], kinds: ['order_shipped'] });
      await subscribe(ctx, m, ask.body.templateIds);
      const order = await paidOrder(ctx, shop, m);
      await ship(ctx, shop, order.id);

      // Written with the shipment, sent only by the outbox job.
      expect((await messageRows(ctx, m.id)).map((r) => r.delivery)).toEqual(['pending']);
      expect(ctx.simulator.receivedMessages).toHaveLength(0);
      const run = await ctx.app.services.messages.deliverDue();
      expect(run).toMatchObject({ claimed: 1, sent: 1 });
      const received = ctx.simulator.receivedMessages.filter((r) => r.user === m.user);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ platform, templateId: TEMPLATES[platform].templateId, page: 'package-order/pages/list/index' });
      // Douyin values are fitted to 20 characters (the order number is 26): its head is kept.
      expect(Object.values(received[0]!.data)).toContain(platform === 'tt' ? `${order.orderNo.slice(0, 19)}…` : order.orderNo);
      expect(Object.values(received[0]!.data)).toContain('SF1234567890');

      // Run again: nothing more is sent.
      expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ claimed: 0, sent: 0 });
      expect(ctx.simulator.receivedMessages).toHaveLength(1);

      const inbox = await call(ctx, 'GET', '/api/v1/me/messages', m.headers());
      expect(inbox.body).toMatchObject({ total: 1, unread: 1 });
      expect(inbox.body.items[0]).toMatchObject({
        kind: 'order_shipped',
        title: '订单已发货',
        readAt: null,
        page: `package-order/pages/detail/index?id=${order.id}`,
      });
      expect(inbox.body.items[0].body).toContain(order.orderNo);
      const read = await call(ctx, 'POST', `/api/v1/me/messages/${inbox.body.items[0].id}/read`, m.headers());
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      expect((await call(ctx, 'GET', '/api/v1/me/messages/unread-count', m.headers())).body).toEqual({ unread: 0 });

      const log = await call(ctx, 'GET', `${M}/messages?memberId=${m.id}`, shop.owner.headers());
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({ kind: 'order_shipped', delivery: 'sent', platform, attempts: 1 });
      const consents = await call(ctx, 'GET', '/api/v1/me/message-consents', m.headers());
      expect(consents.body.unusedAccepts).toBe(0);
      expect(consents.body.items[0]).toMatchObject({ platform, answer: 'accept' });
      expect(consents.body.items[0].usedAt).not.toBeNull();
    });
  }

  it('no consent, or no template: the message still reaches the message centre (inbox only), nothing is sent', async () => {
    const m = await newShopper(ctx);
    const first = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, first.id);
    await ctx.app.services.messages.deliverDue();
    await configureShipped(ctx, shop, 'weapp');
    const second = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, second.id);
    await ctx.app.services.messages.deliverDue();
    const rows = await messageRows(ctx, m.id);
    expect(rows.map((r) => [r.delivery, r.delivery_code])).toEqual([
      ['inbox_only', 'no_template'],
      ['inbox_only', 'no_consent'],
    ]);
    expect(ctx.simulator.receivedMessages).toHaveLength(0);
    expect((await call(ctx, 'GET', '/api/v1/me/messages', m.headers())).body).toMatchObject({ total: 2, unread: 2 });
  });

  it('a refund that succeeds is a refund_result message', async () => {
    const m = await newShopper(ctx);
    const order = await paidOrder(ctx, shop, m);
    await approvedRefund(ctx, m, order.id);
    await ctx.simulator.settled();
    const rows = await messageRows(ctx, m.id);
    expect(rows.map((r) => r.kind)).toContain('refund_result');
  });

  it('a long product name is fitted to WeChat’s thing rule (≤ 20 characters) instead of being refused with 47003', async () => {
    await configureShipped(ctx, shop, 'weapp');
    const m = await newShopper(ctx);
    await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
    const order = await paidOrder(ctx, shop, m);
    await ctx.db
      .updateTable('order_lines')
      .set({ title: '超长的商品名称超长的商品名称超长的商品名称超长的商品名称' })
      .where('order_id', '=', order.id)
      .execute();
    await ship(ctx, shop, order.id);
    expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ sent: 1 });
    expect([...ctx.simulator.receivedMessages[0]!.data.thing2!].length).toBeLessThanOrEqual(20);
  });

  it('the platform’s refusal (43101: no consent left there) and a busy platform (-1, retried later) are recorded', async () => {
    await configureShipped(ctx, shop, 'weapp');
    const m = await newShopper(ctx);
    // A consent we hold that the platform never granted: WeChat answers 43101.
    await call(ctx, 'POST', '/api/v1/me/message-consents', m.headers(), { platform: 'weapp', results: { [TEMPLATES.weapp.templateId]: 'accept' } });
    const refusedOrder = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, refusedOrder.id);
    expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ refused: 1 });

    await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
    const busyOrder = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, busyOrder.id);
    ctx.simulator.failNextSends('weapp', '-1');
    expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ retrying: 1 });
    expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ claimed: 0 });
    ctx.clock.advance(60_000);
    expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ sent: 1 });
    const rows = await messageRows(ctx, m.id);
    expect(rows.map((r) => [r.delivery, r.delivery_code, r.attempts])).toEqual([
      ['refused', '43101', 1],
      ['sent', '0', 2],
    ]);
    // The retry used the consent it was given, not a second one.
    expect(ctx.simulator.consentsLeft('weapp', ctx.simulator.openIdOf('weapp', m.user), TEMPLATES.weapp.templateId)).toBe(0);
  });

  it('a runner that died mid-send leaves the message unknown, never sent again', async () => {
    await configureShipped(ctx, shop, 'weapp');
    const m = await newShopper(ctx);
    await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
    const order = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, order.id);
    await ctx.db
      .updateTable('messages')
      .set({ delivery: 'sending', lease_until: ctx.clock.now().toISOString() })
      .where('member_id', '=', m.id)
      .execute();
    ctx.clock.advance(1000);
    expect(await ctx.app.services.messages.deliverDue()).toMatchObject({ abandoned: 1, sent: 0 });
    expect((await messageRows(ctx, m.id))[0]).toMatchObject({ delivery: 'unknown', delivery_code: 'runner_lost' });
  });
});

describe(`messages: a one-time consent sends once under concurrency (${engine})`, () => {
  let ctx: TestContext;
  let shop: Shop;
  eachTestContext(
    async (c) => ({ shop: await newShop(c) }),
    (s) => ({ ctx, shop } = s),
  );

  async function queue(m: Shopper, keys: string[]) {
    await inTransaction(ctx.db, async (trx) => {
      for (const key of keys) {
        await ctx.app.services.messages.send(trx, {
          kind: 'order_shipped',
          memberId: m.id,
          sourceKey: key,
          data: { orderId: 1, orderNo: `NO${key}`, productName: '茶', carrier: '顺丰', trackingNo: 'SF1', shippedAt: ctx.clock.now().toISOString() },
        });
      }
    });
  }

  it('two messages, one consent, runners in parallel: one message is sent, the other stays in the inbox', async () => {
    await configureShipped(ctx, shop, 'weapp');
    for (let round = 0; round < 3; round++) {
      const m = await newShopper(ctx);
      // The platform holds two consents, our ledger one: only our ledger can stop the second send.
      ctx.simulator.requestSubscribe('weapp', m.user, [TEMPLATES.weapp.templateId]);
      await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
      await queue(m, ['a', 'b', 'c', 'd']);
      const runs = await Promise.all(Array.from({ length: 6 }, () => ctx.app.services.messages.deliverDue()));
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(runs.reduce((n, r) => n + r.claimed, 0)).toBe(4);
      const rows = await messageRows(ctx, m.id);
      expect(rows.filter((r) => r.delivery === 'sent')).toHaveLength(1);
      expect(rows.filter((r) => r.delivery === 'inbox_only')).toHaveLength(3);
      const used = await ctx.db.selectFrom('message_consents').selectAll().where('member_id', '=', m.id).execute();
      expect(used).toHaveLength(1);
      expect(used[0]!.used_by_message_id).toBe(rows.find((r) => r.delivery === 'sent')!.id);
      expect(ctx.simulator.receivedMessages.filter((r) => r.user === m.user)).toHaveLength(1);
    }
  });

  it('the database refuses a consent spent twice and a refused answer used', async () => {
    const m = await newShopper(ctx);
    await configureShipped(ctx, shop, 'weapp');
    await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
    await queue(m, ['x', 'y']);
    const [consent] = await ctx.db.selectFrom('message_consents').selectAll().where('member_id', '=', m.id).execute();
    const [a, b] = await messageRows(ctx, m.id);
    await ctx.db.updateTable('message_consents').set({ used_at: 'now', used_by_message_id: a!.id }).where('id', '=', consent!.id).execute();
    await expect(ctx.db.updateTable('messages').set({ consent_id: consent!.id }).where('id', 'in', [a!.id, b!.id]).execute()).rejects.toThrow();
    await expect(
      ctx.db
        .insertInto('message_consents')
        .values({ member_id: m.id, platform: 'weapp', template_id: 't', answer: 'reject', asked_at: 'x', used_at: 'y', used_by_message_id: b!.id })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('messages: asking, input and access', () => {
  let ctx: TestContext;
  let shop: Shop;
  eachTestContext(
    async (c) => ({ shop: await newShop(c) }),
    (s) => ({ ctx, shop } = s),
  );

  it('asks never in a loop: a ban is never asked again, a refusal not for a week, three unused accepts are enough', async () => {
    await configureShipped(ctx, shop, 'weapp');
    const m = await newShopper(ctx);
    const ask = async () =>
      (await call(ctx, 'GET', '/api/v1/me/message-subscriptions?platform=weapp&moment=after_pay', m.headers())).body.templateIds;
    expect(await ask()).toEqual([TEMPLATES.weapp.templateId]);
    await subscribe(ctx, m, [TEMPLATES.weapp.templateId], { [TEMPLATES.weapp.templateId]: 'reject' });
    expect(await ask()).toEqual([]);
    ctx.clock.advance(8 * 24 * 3600_000);
    expect(await ask()).toEqual([TEMPLATES.weapp.templateId]);
    for (let i = 0; i < 3; i++) await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
    expect(await ask()).toEqual([]);
    const other = await newShopper(ctx);
    await subscribe(ctx, other, [TEMPLATES.weapp.templateId], { [TEMPLATES.weapp.templateId]: 'ban' });
    ctx.clock.advance(10 * 24 * 3600_000);
    expect((await call(ctx, 'GET', '/api/v1/me/message-subscriptions?platform=weapp&moment=after_pay', other.headers())).body.templateIds).toEqual(
      [],
    );
  });

  it('bad input is a 400 naming the field, and writes nothing', async () => {
    const m = await loginMember(ctx);
    const cases: [string, string, Record<string, string>, unknown, string][] = [
      ['GET', '/api/v1/me/message-subscriptions?platform=web&moment=after_pay', m.headers(), undefined, 'query.platform'],
      ['GET', '/api/v1/me/message-subscriptions?platform=weapp&moment=later', m.headers(), undefined, 'query.moment'],
      ['POST', '/api/v1/me/message-consents', m.headers(), { platform: 'weapp', results: { t1: 'maybe' } }, 'results.t1'],
      ['POST', '/api/v1/me/message-consents', m.headers(), { platform: 'weapp', results: { unknownTpl: 'accept' } }, 'results.unknownTpl'],
      ['POST', '/api/v1/me/message-consents', m.headers(), { platform: 'weapp', results: {} }, 'results'],
      ['PUT', '/api/v1/me/message-preferences', m.headers(), { checkInReminder: 'yes' }, 'checkInReminder'],
      ['PUT', `${M}/message-templates/weapp/order_shipped`, shop.owner.headers(), { templateId: 'ok', fields: { thing1: 'nope' } }, 'fields.thing1'],
      [
        'PUT',
        `${M}/message-templates/weapp/order_shipped`,
        shop.owner.headers(),
        { templateId: '模板', fields: { thing1: 'orderNo' } },
        'templateId',
      ],
      ['PUT', `${M}/message-templates/weapp/teleport`, shop.owner.headers(), { templateId: 'ok', fields: { thing1: 'orderNo' } }, 'path.kind'],
      ['GET', `${M}/messages?delivery=lost`, shop.owner.headers(), undefined, 'query.delivery'],
    ];
    for (const [method, path, headers, body, field] of cases) {
      const res = await call(ctx, method, path, headers, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect(await ctx.db.selectFrom('message_consents').selectAll().execute()).toHaveLength(0);
    expect(await ctx.db.selectFrom('message_templates').selectAll().execute()).toHaveLength(0);
    expect(await ctx.db.selectFrom('message_preferences').selectAll().execute()).toHaveLength(0);
  });

  it('member tokens are refused on merchant endpoints; another member’s message is 404; a viewer reads but cannot set templates', async () => {
    const m = await newShopper(ctx);
    for (const [method, path] of [
      ['GET', `${M}/message-templates`],
      ['PUT', `${M}/message-templates/weapp/order_shipped`],
      ['GET', `${M}/messages`],
    ] as const) {
      const body = method === 'GET' ? undefined : { templateId: 'x', fields: { thing1: 'orderNo' } };
      expect((await call(ctx, method, path, m.headers(), body)).status).toBe(403);
    }
    const order = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, order.id);
    const [msg] = await messageRows(ctx, m.id);
    const other = await loginMember(ctx);
    expect((await call(ctx, 'POST', `/api/v1/me/messages/${msg!.id}/read`, other.headers())).status).toBe(404);
    expect((await call(ctx, 'GET', '/api/v1/me/messages', other.headers())).body.total).toBe(0);
    const { createStaffAndLogin } = await import('./factories.js');
    const viewer = await createStaffAndLogin(ctx, 'viewer');
    expect((await call(ctx, 'GET', `${M}/message-templates`, viewer.headers())).status).toBe(200);
    expect(
      (await call(ctx, 'PUT', `${M}/message-templates/weapp/order_shipped`, viewer.headers(), { templateId: 'x', fields: { thing1: 'orderNo' } }))
        .status,
    ).toBe(403);
  });

  it('the privacy view lists consents; closing the account deletes consents, messages and preferences', async () => {
    await configureShipped(ctx, shop, 'weapp');
    const m = await newShopper(ctx);
    await subscribe(ctx, m, [TEMPLATES.weapp.templateId]);
    await call(ctx, 'PUT', '/api/v1/me/message-preferences', m.headers(), { checkInReminder: true });
    const order = await paidOrder(ctx, shop, m);
    await ship(ctx, shop, order.id);
    await call(ctx, 'POST', `${M}/orders/${order.id}/complete`, shop.owner.headers());
    const data = await call(ctx, 'GET', '/api/v1/me/data', m.headers());
    expect(JSON.stringify(data.body)).toContain(TEMPLATES.weapp.templateId);
    const closed = await call(ctx, 'POST', '/api/v1/me/close', m.headers(), { confirm: true });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    for (const table of ['messages', 'message_consents', 'message_preferences'] as const) {
      expect(await ctx.db.selectFrom(table).selectAll().where('member_id', '=', m.id).execute()).toHaveLength(0);
    }
  });
});

describe('messages: reminders (points and coupons about to expire, the check-in reminder)', () => {
  let ctx: TestContext;
  let shop: Shop;
  eachTestContext(
    async (c) => ({ shop: await newShop(c) }),
    (s) => ({ ctx, shop } = s),
  );

  it('points expiring within 7 days and a coupon within 3 are announced once; a re-run adds nothing', async () => {
    const m = await newShopper(ctx);
    await ctx.app.services.points.post(ctx.db, { memberId: m.id, delta: 120, reason: 'adjustment', sourceKey: 'adjust:r1', at: ctx.clock.now() });
    const soon = new Date(ctx.clock.now().getTime() + 3 * 24 * 3600_000).toISOString();
    await ctx.db.updateTable('points_lots').set({ expires_at: soon }).where('member_id', '=', m.id).execute();
    const created = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: '满百减十',
      kind: 'no_threshold_off',
      amountFen: 1000,
      validity: { type: 'relative', days: 2 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await call(ctx, 'POST', `${M}/coupon-templates/${created.body.id}/activate`, shop.owner.headers());
    const claimed = await call(ctx, 'POST', '/api/v1/coupons/claim', m.headers(), { templateId: created.body.id });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);

    const first = await ctx.app.services.messageReminders.run();
    expect(first).toMatchObject({ pointsExpiring: 1, couponExpiring: 1 });
    expect(await ctx.app.services.messageReminders.run()).toEqual({ pointsExpiring: 0, couponExpiring: 0, checkInReminders: 0 });
    const inbox = await call(ctx, 'GET', '/api/v1/me/messages', m.headers());
    const byKind = Object.fromEntries(inbox.body.items.map((i: { kind: string; body: string }) => [i.kind, i.body]));
    expect(byKind.points_expiring).toContain('120 积分');
    expect(byKind.coupon_expiring).toContain('满百减十');
  });

  it('the check-in reminder goes in the evening to members who opted in and have not checked in', async () => {
    const optedIn = await newShopper(ctx);
    const checkedIn = await newShopper(ctx);
    const notOptedIn = await newShopper(ctx);
    for (const who of [optedIn, checkedIn]) {
      expect((await call(ctx, 'PUT', '/api/v1/me/message-preferences', who.headers(), { checkInReminder: true })).body).toEqual({
        checkInReminder: true,
      });
    }
    expect((await call(ctx, 'POST', '/api/v1/check-in', checkedIn.headers(), {})).status).toBe(200);
    // 10:00 Beijing: too early.
    expect((await ctx.app.services.messageReminders.run()).checkInReminders).toBe(0);
    ctx.clock.set('2026-11-22T12:30:00.000Z'); // 20:30 Beijing
    expect((await ctx.app.services.messageReminders.run()).checkInReminders).toBe(1);
    expect((await ctx.app.services.messageReminders.run()).checkInReminders).toBe(0);
    const kinds = async (who: Shopper) => (await messageRows(ctx, who.id)).map((r) => r.kind);
    expect(await kinds(optedIn)).toEqual(['check_in_reminder']);
    expect(await kinds(checkedIn)).toEqual([]);
    expect(await kinds(notOptedIn)).toEqual([]);
  });
});

describe('messages: a shipped points-mall redemption', () => {
  let ctx: TestContext;
  let shop: Shop;
  eachTestContext(
    async (c) => ({ shop: await newShop(c) }),
    (s) => ({ ctx, shop } = s),
  );

  it('staff ship a sku redemption: redemption_shipped is in the member’s message centre', async () => {
    const m = await newShopper(ctx);
    await ctx.app.services.points.post(ctx.db, {
      memberId: m.id,
      delta: 500,
      reason: 'adjustment',
      kind: 'adjust',
      sourceKey: 'grant:mall',
      at: ctx.clock.now(),
    });
    const item = await call(ctx, 'POST', `${M}/points-mall/items`, shop.owner.headers(), {
      kind: 'sku',
      skuId: shop.sku(0),
      title: '积分兑换保温杯',
      instructions: '',
      pointsPrice: 100,
      totalStock: 5,
      status: 'on',
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const redeemed = await call(ctx, 'POST', '/api/v1/points-mall/redemptions', m.headers(), { itemId: item.body.id, addressId: m.addressId });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(201);
    const shipped = await call(ctx, 'POST', `${M}/points-mall/redemptions/${redeemed.body.id}/fulfil`, shop.owner.headers(), {
      carrier: '中通快递',
      trackingNo: 'ZT123456789',
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    const inbox = await call(ctx, 'GET', '/api/v1/me/messages', m.headers());
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'redemption_shipped',
      title: '兑换商品已发货',
      page: `package-points/pages/redemption/index?id=${redeemed.body.id}`,
    });
    expect(inbox.body.items[0].body).toContain('积分兑换保温杯');
  });
});

describe('messages: a merge of two members', () => {
  let ctx: TestContext;
  let shop: Shop;
  eachTestContext(
    async (c) => ({ shop: await newShop(c) }),
    (s) => ({ ctx, shop } = s),
  );

  it('moves messages, consents and the reminder opt-in to the survivor; a message both got for one event stays once', async () => {
    await configureShipped(ctx, shop, 'weapp');
    const holder = await newShopper(ctx, 'tt');
    const absorbed = await newShopper(ctx, 'weapp');
    await subscribe(ctx, absorbed, [TEMPLATES.weapp.templateId]);
    await call(ctx, 'PUT', '/api/v1/me/message-preferences', absorbed.headers(), { checkInReminder: true });
    await inTransaction(ctx.db, async (trx) => {
      for (const [who, key] of [
        [holder, 'same-event'],
        [absorbed, 'same-event'],
        [absorbed, 'own-event'],
      ] as const) {
        await ctx.app.services.messages.send(trx, {
          kind: 'check_in_reminder',
          memberId: who.id,
          sourceKey: key,
          data: { date: '2026-11-22', streakDays: 1 },
        });
      }
    });
    const phone = { countryCode: '86', number: '13812345678' };
    await ctx.app.services.members.bindPhone(holder.id, phone);
    const merged = await ctx.app.services.members.bindPhone(absorbed.id, phone);
    expect(merged.memberId).toBe(holder.id);
    expect((await messageRows(ctx, holder.id)).map((r) => r.source_key).sort()).toEqual(['own-event', 'same-event']);
    expect(await messageRows(ctx, absorbed.id)).toEqual([]);
    expect(await ctx.db.selectFrom('message_consents').select('member_id').execute()).toEqual([{ member_id: holder.id }]);
    expect(await ctx.db.selectFrom('message_preferences').select(['member_id', 'check_in_reminder']).execute()).toEqual([
      { member_id: holder.id, check_in_reminder: 1 },
    ]);
  });
});
