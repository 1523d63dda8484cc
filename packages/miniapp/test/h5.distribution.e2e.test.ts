/**
 * 分销中心 in the H5 build in headless Chromium, against the real API process (seeded, TEST_HOOKS=1): the shopper
 * applies and staff approve; a friend lands through the shopper's share, buys and is paid for; the merchant ships, the
 * friend confirms, the clock passes the refund window and the due jobs settle the commission; the shopper sees it
 * withdrawable, withdraws, staff approve, and the WeChat payout waits for the shopper's confirmation (确认收款).
 *
 * Screenshots at 390×844 (and 320×568) go to test-output/h5-distribution/; each is checked for text laid out one
 * character per line, text off the screen and tap targets under 44 px.
 */
import { formatYuan } from '@siyu/shared/money';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  createMemberOrder,
  memberLogin,
  memberWrite,
  moveClock,
  runDueJobs,
  simulatorPay,
  staffToken,
  testOutputDir,
} from './api-server.js';
import { memberToken, screenshotter, textOf, typeInto, WAIT_MS } from './h5-page.js';
import { openFresh, phoneSuite, type PhoneSuite } from './h5-suite.js';

const DAY_MS = 24 * 3600_000;
let shots: string;
let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ testHooks: true, product: '分销测试茶杯' }, async (suite) => {
  ({ api, context, owner, product } = suite);
  shots = testOutputDir('h5-distribution');
  await apiCall(api.base, 'PUT', '/api/v1/merchant/distribution/rules', owner, {
    items: [{ scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 0 }],
  });
});

const TAP_TARGETS = ['.js-apply', '.js-withdraw', '.js-tab-orders', '.js-tab-team', '.js-tab-withdrawals', '.js-confirm', '.js-amount'];
const shoot = (page: Page, name: string) => screenshotter(shots, TAP_TARGETS, { fullPage: true })(page, name);
const CENTRE = () => `${api.base}/#/package-distribution/pages/centre/index`;

describe('H5 分销中心 in headless Chromium', () => {
  it('applies, earns commission on a friend’s order that settles after the refund window, withdraws, and waits for WeChat’s confirmation', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await openFresh(page, CENTRE(), '.js-distribution-status');
    expect(await textOf(page, '.js-distribution-status')).toBe('还不是分销员');
    await shoot(page, '01-not-a-distributor');
    await page.locator('.js-apply').click();
    await expect.poll(() => textOf(page, '.js-distribution-status'), { timeout: WAIT_MS }).toBe('申请审核中');
    const me = await memberToken(page);
    const { id: memberId } = await apiCall(api.base, 'GET', '/api/v1/me', me);
    const list = await apiCall(api.base, 'GET', '/api/v1/merchant/distributors?status=pending', owner);
    const mine = list.items.find((x: { memberId: number }) => x.memberId === memberId);
    await apiCall(api.base, 'POST', `/api/v1/merchant/distributors/${mine.id}/status`, owner, { status: 'active' });

    // 分享赚 ¥x on the product page, now that I distribute (10% of ¥59).
    await openFresh(page, `${api.base}/#/package-product/pages/detail/index?id=${product.id}`, '.js-detail-title');
    await expect.poll(() => textOf(page, '.js-detail-earning'), { timeout: WAIT_MS }).toBe(`分享赚 ${formatYuan(590)}`);

    // A friend lands through my share and buys one ¥59 cup; I earn 10%.
    const share = await memberWrite(api.base, me, 'POST', '/api/v1/shares', { kind: 'shop', channel: 'card' });
    const friend = await memberLogin(api.base, 'weapp', `distribution-friend-${Date.now()}`);
    await memberWrite(api.base, friend, 'POST', '/api/v1/shares/landings', { shareId: share.shareId });
    const order = await createMemberOrder(api.base, friend, product.skus[0]!.id);
    await memberWrite(api.base, friend, 'POST', `/api/v1/orders/${order.id}/pay`, {});
    await simulatorPay(api.base, 'weapp', order.orderNo);
    await openFresh(page, CENTRE(), '.js-frozen');
    await expect.poll(() => textOf(page, '.js-frozen .distribution-figure-value'), { timeout: WAIT_MS }).toBe(formatYuan(590));
    await page.locator('.js-commission').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, '02-frozen');

    await apiCall(api.base, 'POST', `/api/v1/merchant/orders/${order.id}/ship`, owner, { carrier: '顺丰', trackingNo: 'SF1234567890' });
    await memberWrite(api.base, friend, 'POST', `/api/v1/orders/${order.id}/confirm-receipt`, {});
    await moveClock(api.base, 8 * DAY_MS);
    expect((await runDueJobs(api.base)) as unknown as { commissionSettled: number }).toMatchObject({ commissionSettled: 1 });
    owner = await staffToken(api.base); // the clock moved past the staff session

    // The session may have lapsed with the clock: the page logs in again by itself.
    await openFresh(page, CENTRE(), '.js-balance');
    await expect.poll(() => textOf(page, '.js-balance .distribution-figure-value'), { timeout: WAIT_MS }).toBe(formatYuan(590));
    await typeInto(page, '.js-amount', '5.00');
    await page.locator('.js-withdraw').click();
    await page.locator('.js-withdrawal').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-withdrawal-status')).toBe('待审核');
    await expect.poll(() => textOf(page, '.js-balance .distribution-figure-value'), { timeout: WAIT_MS }).toBe(formatYuan(90));
    await shoot(page, '03-withdrawal-requested');

    const queue = await apiCall(api.base, 'GET', '/api/v1/merchant/withdrawals?status=requested', owner);
    const w = queue.items.find((x: { memberId: number }) => x.memberId === memberId);
    const decided = await apiCall(api.base, 'POST', `/api/v1/merchant/withdrawals/${w.id}/decision`, owner, { decision: 'approve' });
    expect(decided.status).toBe('awaiting_confirmation');
    await openFresh(page, CENTRE(), '.js-tab-withdrawals');
    await page.locator('.js-tab-withdrawals').click();
    await page.locator('.js-confirm').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-withdrawal-status')).toBe('待确认收款');
    await shoot(page, '04-awaiting-confirmation');
    await page.locator('.js-tab-team').click();
    await page.locator('.js-team-direct').waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-team-direct')).toBe('直属客户 1 人');
    await shoot(page, '05-team');

    // A guide's personal share binds me to the guide: the home page shows the guide's card.
    const store = await apiCall(api.base, 'POST', '/api/v1/merchant/stores', owner, { name: `西湖店${Date.now() % 10_000}` });
    const username = `guide${Date.now() % 1_000_000}`;
    const staff = await apiCall(api.base, 'POST', '/api/v1/merchant/staff', owner, {
      username,
      displayName: '小林',
      role: 'viewer',
      password: 'guide-pass-0001',
    });
    await apiCall(api.base, 'POST', '/api/v1/merchant/guides', owner, { staffId: staff.id, storeId: store.id });
    const guideToken = (await apiCall(api.base, 'POST', '/api/v1/merchant/auth/login', null, { username, password: 'guide-pass-0001' })).token;
    const guideShare = await apiCall(api.base, 'POST', '/api/v1/merchant/guide/share', guideToken);
    await memberWrite(api.base, await memberToken(page), 'POST', '/api/v1/shares/landings', { shareId: guideShare.shareId });
    await openFresh(page, `${api.base}/`, '.js-home-guide');
    expect(await textOf(page, '.js-home-guide .home-guide-name')).toBe(`${store.name} · 专属导购 小林`);
    await shoot(page, '06-home-guide-card');
    expect(errors).toEqual([]);
  });
});
