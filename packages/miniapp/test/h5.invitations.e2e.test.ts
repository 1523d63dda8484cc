/**
 * 邀请有礼 in the H5 build (decision 035), headless Chromium against the real API with the test hooks: the inviter
 * opens 邀请有礼 and makes the invitation poster (the real code image), a new shopper in a fresh browser context lands
 * through the invitation's link and logs in (bound at once), buys and pays; the test clock passes the refund window,
 * the due jobs run, and the inviter sees the reward granted. Screenshots at 390 × 844 and 320 × 568 go to
 * test-output/h5-invitations/, each checked for text wrapped one character per line and small tap targets.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, moveClock, staffToken, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { browserSuite, buySpecProduct, phoneContext, submitAndPay, type ApiSuite } from './h5-suite.js';

const PRODUCT_TITLE = '邀请测试卫衣';
const DAY = 24 * 3600_000;

let suite = {} as ApiSuite & { browser: Browser };
browserSuite({ testHooks: true, product: PRODUCT_TITLE }, async (s) => {
  suite = s;
  const rules = await apiCall(s.api.base, 'GET', '/api/v1/merchant/invitation-rules', s.owner);
  await apiCall(s.api.base, 'PUT', '/api/v1/merchant/invitation-rules', s.owner, {
    ...rules,
    inviterReward: { points: 188, couponTemplateIds: [], growth: 0 },
    inviteeWelcome: { points: 20, couponTemplateIds: [] },
    refundWindowDays: 7,
  });
});

const shoot = screenshotter(testOutputDir('h5-invitations'), ['.js-invite-poster', '.js-invite-share'], { fullPage: true });

describe('H5 邀请有礼', () => {
  it('shares an invitation, a new shopper lands and buys, the refund window passes, the inviter sees the reward', async () => {
    const { api, browser } = suite;
    const inviterContext = await phoneContext(browser);
    const inviter = await inviterContext.newPage();
    const errors: string[] = [];
    inviter.on('pageerror', (e) => errors.push(String(e)));
    await inviter.goto(`${api.base}/#/package-invite/pages/index/index`);
    await inviter.locator('.js-invite-rules').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => textOf(inviter, '.js-inviter-reward'), { timeout: WAIT_MS }).toBe('188 积分');
    await shoot(inviter, 'rules');

    // The poster: the server issues an invitation share id and its code (a QR code of the H5 address here).
    const issued = inviter.waitForResponse(
      (r) =>
        r.url().endsWith('/api/v1/shares') &&
        r.request().method() === 'POST' &&
        r.status() === 201 &&
        (r.request().postData() ?? '').includes('"poster"'),
    );
    await inviter.locator('.js-invite-poster').first().click();
    const shareId = ((await (await issued).json()) as { shareId: string }).shareId;
    await inviter.locator('.js-invite-code').first().waitFor({ timeout: WAIT_MS });
    await expect
      .poll(() => inviter.locator('.js-invite-code img').first().getAttribute('src'), { timeout: WAIT_MS })
      .toMatch(/^data:image\/png;base64,/);
    await shoot(inviter, 'poster');

    // A new shopper, a fresh browser: opens the invitation's link, logs in silently with it, buys.
    const friendContext = await phoneContext(browser);
    const friend = await friendContext.newPage();
    friend.on('pageerror', (e) => errors.push(String(e)));
    await friend.goto(`${api.base}/?s=${shareId}`);
    await friend.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    const friendToken = await memberToken(friend);
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', friendToken)).available).toBe(20);
    await apiCall(api.base, 'POST', '/api/v1/addresses', friendToken, {
      name: '林小雨',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '龙井路 1 号',
      isDefault: true,
    });
    await buySpecProduct(friend, api.base, suite.product.id, PRODUCT_TITLE);
    await submitAndPay(friend);

    const inviterToken = await memberToken(inviter);
    await inviter.reload();
    await expect.poll(() => textOf(inviter, '.js-invite-status'), { timeout: WAIT_MS }).toBe('待发放');

    // Past the refund window: the due jobs grant the reward, once.
    await moveClock(api.base, 8 * DAY);
    const run = await apiCall<{ invitationRewardsGranted: number }>(api.base, 'POST', '/__test/jobs/run', null, {});
    expect(run.invitationRewardsGranted).toBe(1);
    expect((await apiCall<{ invitationRewardsGranted: number }>(api.base, 'POST', '/__test/jobs/run', null, {})).invitationRewardsGranted).toBe(0);
    await inviter.reload();
    await expect.poll(() => textOf(inviter, '.js-invite-status'), { timeout: WAIT_MS }).toBe('已发放');
    expect(await textOf(inviter, '.js-invite-earned')).toBe('累计获得 188 积分');
    const ledger = await apiCall<{ entries: { delta: number; reason: string }[] }>(api.base, 'GET', '/api/v1/points/ledger', inviterToken);
    expect(ledger.entries.filter((e) => e.reason === 'invitation').map((e) => e.delta)).toEqual([188]);
    await shoot(inviter, 'granted');
    // The merchant sees it too (a staff session from before the clock moved has ended: log in again).
    const owner = await staffToken(api.base);
    const list = await apiCall<{ items: { status: string }[] }>(api.base, 'GET', '/api/v1/merchant/invitations', owner);
    expect(list.items.map((i) => i.status)).toEqual(['granted']);
    expect(errors).toEqual([]);
    await inviterContext.close();
    await friendContext.close();
  });
});
