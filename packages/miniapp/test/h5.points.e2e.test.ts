/**
 * Points in the H5 build in headless Chromium, against the real API process (seeded, TEST_HOOKS=1 for its movable
 * clock): check in and see the points on the member page's points card; buy, and see the order's points pending; the
 * merchant ships, the shopper confirms receipt, the clock moves past the refund window and the due jobs run: the
 * points mature into available ones; the history filters them; the checkout's points switch re-prices the order and the
 * order is created with the points; then the points mall: a points-only item redeemed at once and a points-plus-cash item
 * paid on the simulator's payment page like an order, both found under my redemptions.
 *
 * Screenshots at 390×844 (and 320×568) go to test-output/h5-points/; every one is checked for text laid out one
 * character per line, for text off the screen and for tap targets under 44 px.
 */
import { formatYuan } from '@siyu/shared/money';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress, createCouponTemplate, moveClock, runDueJobs, staffToken, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, openFresh, phoneSuite, type PhoneSuite, submitAndPay } from './h5-suite.js';

const PRODUCT_TITLE = '积分测试茶杯';
const DAY_MS = 24 * 3600_000;

let shots: string;

let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ testHooks: true, product: PRODUCT_TITLE }, async (suite) => {
  ({ api, context, owner, product } = suite);
  shots = testOutputDir('h5-points');
  // 10 points per yuan paid (a ¥59 order earns 590), mature 7 days after completion, 100 points = ¥1 at checkout, up to half.
  const rules = await apiCall(api.base, 'GET', '/api/v1/merchant/points/rules', owner);
  await apiCall(api.base, 'PUT', '/api/v1/merchant/points/rules', owner, {
    ...rules,
    earning: { pointsPerYuan: 10, maturityDays: 7 },
    expiry: { ...rules.expiry, policy: 'end_of_next_year' },
    checkout: { enabled: true, pointsPerYuan: 100, maxShareBp: 5000 },
  });
});

/** What a shopper taps on the points screens: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = [
  '.js-points-card-mall',
  '.js-mall-entry',
  '.js-coupons-entry',
  '.js-points-filter',
  '.js-points-period',
  '.js-ledger-more',
  '.js-checkout-points',
  '.js-mall-item-redeem',
  '.js-redemptions-entry',
  '.js-mall-history-entry',
  '.js-mall-redeem',
  '.js-mall-address',
  '.js-qty-minus',
  '.js-qty-plus',
  '.js-redemptions-tab',
  '.js-redemption-pay',
  '.js-redemption-coupons',
  '.js-load-retry',
  '#taro-navigation-bar .taro-navigation-bar-back',
];

const shoot = (page: Page, name: string) => screenshotter(shots, TAP_TARGETS)(page, name);

/** Buys one 红 / M (¥59) of the test product now: product page → SKU → 立即购买 → checkout. */
const buyNow = (page: Page) => buySpecProduct(page, api.base, product.id, PRODUCT_TITLE);

/** The member page, loaded afresh, once its points card shows the summary. */
async function openMember(page: Page) {
  await openFresh(page, `${api.base}/#/pages/member/index`, '.js-points-card');
  await expect.poll(() => textOf(page, '.js-points-pending'), { timeout: WAIT_MS }).toMatch(/^\d+$/);
}

describe('H5 points in headless Chromium', () => {
  it('checks in, earns pending points that mature when the clock moves, and pays with points at checkout', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // -- check in, see the points ------------------------------------------------------------------------------
    await page.goto(`${api.base}/`);
    await page.locator('.js-home-checkin-entry').first().waitFor({ timeout: WAIT_MS });
    let token = await memberToken(page);
    await createAddress(api.base, token, '积小分');
    await page.locator('.js-home-checkin-entry').first().click();
    await page.locator('.js-checkin-button').first().click();
    await page.locator('.js-checked-in-today').first().waitFor({ timeout: WAIT_MS });
    const checkIn = await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token);
    expect(checkIn.available).toBeGreaterThan(0);
    const checkInPoints = checkIn.available;

    await openMember(page);
    await expect.poll(() => textOf(page, '.js-points-balance'), { timeout: WAIT_MS }).toBe(String(checkInPoints));
    expect(await textOf(page, '.js-points-pending')).toBe('0');
    // Earned this year: they expire as the year after next begins, shown as the last day of next year.
    const nextYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
    expect(await textOf(page, '.js-points-expiry')).toBe(`${checkInPoints} 积分将于 ${nextYear}-12-31 过期`);
    await shoot(page, 'member-after-check-in');

    // -- buy: the order's points are pending ---------------------------------------------------------------------
    await buyNow(page);
    // Points are offered at checkout (worth a fen each), but not used unless switched on.
    await expect
      .poll(() => textOf(page, '.js-checkout-points-hint'), { timeout: WAIT_MS })
      .toBe(`可用 ${checkInPoints} 积分，抵 ${formatYuan(checkInPoints)}`);
    const firstOrderId = await submitAndPay(page);
    await openMember(page);
    await expect.poll(() => textOf(page, '.js-points-pending'), { timeout: WAIT_MS }).toBe('590');
    // The first order also completes the first-order task, which pays at once.
    const firstOrderTask = (
      await apiCall<{ items: Array<{ task: string; points: number; done: boolean }> }>(api.base, 'GET', '/api/v1/points/tasks', token)
    ).items.find((x) => x.task === 'first_order')!;
    expect(firstOrderTask.done).toBe(true);
    const afterFirst = checkInPoints + firstOrderTask.points;
    expect(await textOf(page, '.js-points-balance')).toBe(String(afterFirst));
    await shoot(page, 'member-pending');

    // -- shipped, received, the refund window passes: the points mature ------------------------------------------
    await apiCall(api.base, 'POST', `/api/v1/merchant/orders/${firstOrderId}/ship`, owner, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    await page.goto(`${api.base}/#/package-order/pages/detail/index?id=${firstOrderId}`);
    await page.locator('.js-order-confirm-receipt').first().click();
    await page.locator('.taro-model__confirm').first().click();
    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('已完成');
    // The history says when they will be available: the refund window after completion.
    await page.goto(`${api.base}/#/package-points/pages/history/index`);
    await expect.poll(() => textOf(page, '.js-history-pending-item'), { timeout: WAIT_MS }).toMatch(/^590 积分预计 \d{4}-\d{2}-\d{2} 到账$/);
    expect(await textOf(page, '.js-history-pending')).toBe('590');
    await shoot(page, 'history-pending');
    await moveClock(api.base, 8 * DAY_MS);
    const jobs = await runDueJobs(api.base);
    expect(jobs.pointsMatured).toBeGreaterThanOrEqual(1);

    await openMember(page);
    await expect.poll(() => textOf(page, '.js-points-balance'), { timeout: WAIT_MS }).toBe(String(afterFirst + 590));
    expect(await textOf(page, '.js-points-pending')).toBe('0');
    await shoot(page, 'member-matured');

    // -- the history: filters and periods --------------------------------------------------------------------------
    await page.locator('.js-points-card').first().click();
    await expect.poll(() => page.locator('.js-ledger-entry').count(), { timeout: WAIT_MS }).toBe(3);
    expect((await page.locator('.js-ledger-reason').allTextContents()).sort()).toEqual(['任务奖励', '每日签到', '购物奖励'].sort());
    expect((await page.locator('.js-ledger-delta').allTextContents()).sort()).toEqual(
      ['+590', `+${checkInPoints}`, `+${firstOrderTask.points}`].sort(),
    );
    expect(await textOf(page, '.js-history-available')).toBe(String(afterFirst + 590));
    expect(await textOf(page, '.js-points-task-first_order .js-points-task-state')).toBe('已完成');
    await expect.poll(() => page.locator('.js-points-task').count(), { timeout: WAIT_MS }).toBe(3);
    await shoot(page, 'history');
    await page.locator('.js-points-filter-out').first().click();
    await page.locator('.js-points-empty').first().waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-ledger-entry').count()).toBe(0);
    await shoot(page, 'history-empty');
    await page.locator('.js-points-filter-in').first().click();
    await expect.poll(() => page.locator('.js-ledger-entry').count(), { timeout: WAIT_MS }).toBe(3);
    await page.locator('.js-points-filter-all').first().click();
    await expect.poll(() => page.locator('.js-ledger-entry').count(), { timeout: WAIT_MS }).toBe(3);

    // -- use points at checkout --------------------------------------------------------------------------------------
    const available = afterFirst + 590;
    await buyNow(page);
    await expect
      .poll(() => textOf(page, '.js-checkout-points-hint'), { timeout: WAIT_MS })
      .toBe(`可用 ${available} 积分，抵 ${formatYuan(available)}`);
    const before = await textOf(page, '.js-checkout-payable');
    await shoot(page, 'checkout-points-off');
    await page.locator('.js-checkout-points').first().click();
    await expect
      .poll(() => textOf(page, '.js-checkout-points-hint'), { timeout: WAIT_MS })
      .toBe(`已用 ${available} 积分，抵 ${formatYuan(available)}`);
    expect(await page.locator('.js-checkout-points-switch.is-on').count()).toBe(1);
    const after = await textOf(page, '.js-checkout-payable');
    expect(Math.round(Number(before.slice(1)) * 100) - Math.round(Number(after.slice(1)) * 100)).toBe(available);
    await shoot(page, 'checkout-points-on');
    // Off and on again: the server prices each.
    await page.locator('.js-checkout-points').first().click();
    await expect.poll(() => textOf(page, '.js-checkout-payable'), { timeout: WAIT_MS }).toBe(before);
    await page.locator('.js-checkout-points').first().click();
    await expect.poll(() => textOf(page, '.js-checkout-payable'), { timeout: WAIT_MS }).toBe(after);
    const pointsOrderId = await submitAndPay(page);
    token = await memberToken(page);
    const pointsOrder = await apiCall<{ payableFen: number; discountFen: number }>(api.base, 'GET', `/api/v1/orders/${pointsOrderId}`, token);
    expect(formatYuan(pointsOrder.payableFen)).toBe(after);
    expect(pointsOrder.discountFen).toBe(available);
    const spent = await apiCall<{ available: number; pending: number }>(api.base, 'GET', '/api/v1/points', token);
    expect(spent).toMatchObject({ available: 0, pending: Math.floor((5900 - available) / 100) * 10 });

    await openMember(page);
    await expect.poll(() => textOf(page, '.js-points-balance'), { timeout: WAIT_MS }).toBe('0');
    await page.locator('.js-points-card').first().click();
    await expect.poll(() => page.locator('.js-ledger-entry').count(), { timeout: WAIT_MS }).toBe(4);
    expect(await textOf(page, '.js-ledger-reason')).toBe('下单抵扣');
    expect(await textOf(page, '.js-ledger-delta')).toBe(`-${available}`);
    expect(errors).toEqual([]);
  }, 300_000);

  it('redeems mall items: points only at once, points plus cash paid on the payment page like an order; my redemptions show both', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openMember(page); // the same shopper (the browser profile keeps the session)
    const token = await memberToken(page);
    // The cup ships: an address (the test before made one; alone, this one does).
    if (!(await apiCall<{ items: unknown[] }>(api.base, 'GET', '/api/v1/addresses', token)).items.length)
      await createAddress(api.base, token, '积小分');
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', token);
    owner = await staffToken(api.base); // the first test moved the server's clock past the staff session's life
    await apiCall(api.base, 'POST', `/api/v1/merchant/members/${me.id}/points-adjustments`, owner, { delta: 1000, reason: '积分商城测试' });
    const redM = product.skus.find((s) => s.specs.颜色 === '红' && s.specs.尺码 === 'M')!;
    const newItem = (body: Record<string, unknown>) =>
      apiCall<{ id: number; title: string }>(api.base, 'POST', '/api/v1/merchant/points-mall/items', owner, {
        status: 'on',
        totalStock: 10,
        ...body,
      });
    const tea = await newItem({
      kind: 'virtual',
      title: '门店茶饮兑换券',
      pointsPrice: 300,
      instructions: '到店出示本页面，店员核销后即可领取一杯招牌奶茶。',
      sortOrder: 103,
    });
    const cup = await newItem({
      kind: 'sku',
      skuId: redM.id,
      title: '积分换购茶杯',
      pointsPrice: 200,
      cashFen: 990,
      perMemberLimit: 2,
      sortOrder: 102,
    });
    const kettle = await newItem({
      kind: 'virtual',
      title: '限量手冲壶体验',
      pointsPrice: 5000,
      instructions: '凭兑换单号预约体验。',
      sortOrder: 101,
    });
    const template = await createCouponTemplate(api.base, owner, {
      name: '积分兑换无门槛5元',
      kind: 'no_threshold_off',
      amountFen: 500,
      public: false,
    });
    const voucher = await newItem({ kind: 'coupon', couponTemplateId: template.id, title: '5元无门槛券', pointsPrice: 100, sortOrder: 100 });

    // -- the mall, from the member page --------------------------------------------------------------------------
    await page.locator('.js-mall-entry').first().click();
    // This test's items first (they sort before the seed's demo items), in the merchant's order.
    await expect.poll(() => page.locator('.js-mall-item').count(), { timeout: WAIT_MS }).toBeGreaterThanOrEqual(4);
    expect((await page.locator('.js-mall-item-title').allTextContents()).slice(0, 4)).toEqual([tea.title, cup.title, kettle.title, voucher.title]);
    expect((await page.locator('.js-mall-item-price').allTextContents()).slice(0, 4)).toEqual([
      '300 积分',
      '200 积分 + ¥9.90',
      '5000 积分',
      '100 积分',
    ]);
    expect(await textOf(page, '.js-mall-available')).toBe('1000');
    expect(await textOf(page, `.js-mall-item:has-text("${kettle.title}") .js-mall-item-why`)).toBe('积分不足，还差 4000 积分');
    expect(await page.locator(`.js-mall-item:has-text("${tea.title}") .js-mall-item-redeem`).count()).toBe(1);
    await shoot(page, 'mall');

    // -- points only: done at once ---------------------------------------------------------------------------------
    await page.locator('.js-mall-item', { hasText: tea.title }).first().click();
    await expect.poll(() => textOf(page, '.js-mall-detail-title'), { timeout: WAIT_MS }).toBe(tea.title);
    expect(await textOf(page, '.js-mall-total')).toBe('300 积分');
    await shoot(page, 'mall-item-virtual');
    await page.locator('.js-mall-redeem').first().click();
    await page.locator('.taro-model__confirm').first().click();
    await page.waitForURL(/package-points\/pages\/redemption\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-redemption-detail-status'), { timeout: WAIT_MS }).toBe('已兑换');
    expect(await textOf(page, '.js-redemption-instructions')).toBe('到店出示本页面，店员核销后即可领取一杯招牌奶茶。');
    expect(await textOf(page, '.js-redemption-detail-paid')).toBe('消耗 300 积分');
    await shoot(page, 'redemption-virtual');
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(700);

    // -- a coupon, points only: issued at once, and the redemption links to my coupons ---------------------------------
    await page.goto(`${api.base}/#/package-points/pages/mall-item/index?id=${voucher.id}`);
    await expect.poll(() => textOf(page, '.js-mall-detail-title'), { timeout: WAIT_MS }).toBe(voucher.title);
    await page.locator('.js-mall-redeem').first().click();
    await page.locator('.taro-model__confirm').first().click();
    await page.waitForURL(/package-points\/pages\/redemption\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-redemption-detail-status'), { timeout: WAIT_MS }).toBe('优惠券已到账');
    expect(await textOf(page, '.js-redemption-coupons')).toBe('已发放 1 张优惠券去查看 ›');
    await shoot(page, 'redemption-coupon');
    const coupons = await apiCall<{ items: Array<{ templateId: number }> }>(api.base, 'GET', '/api/v1/coupons?status=usable', token);
    expect(coupons.items.map((c) => c.templateId)).toContain(template.id);
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(600);

    // -- points plus cash: the order of the cash part is paid on the simulator's payment page ------------------------
    await page.goto(`${api.base}/#/package-points/pages/mall/index`);
    await page.locator('.js-mall-item', { hasText: cup.title }).first().click();
    await expect.poll(() => textOf(page, '.js-mall-detail-title'), { timeout: WAIT_MS }).toBe(cup.title);
    await page.locator('.js-mall-address').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-mall-address'), { timeout: WAIT_MS }).toContain('积小分');
    expect(await textOf(page, '.js-mall-detail-limits')).toBe('每人限兑 2 件');
    await page.locator('.js-qty-plus').first().click();
    await expect.poll(() => textOf(page, '.js-mall-total')).toBe('400 积分 + ¥19.80');
    await shoot(page, 'mall-item-cash');
    await page.locator('.js-mall-redeem').first().click();
    await page.locator('.taro-model__confirm').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    expect(await page.locator('#amount').textContent()).toBe('¥19.80');
    // Held while unpaid: the points are already taken.
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(200);
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-points\/pages\/redemption\/index\?id=\d+.*paid=1/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-redemption-detail-status'), { timeout: WAIT_MS }).toBe('待发货');
    const cupRedemptionId = Number(/[?&]id=(\d+)/.exec(page.url())![1]);
    const paid = await apiCall<{ status: string; cashFen: number; points: number; orderId: number }>(
      api.base,
      'GET',
      `/api/v1/points-mall/redemptions/${cupRedemptionId}`,
      token,
    );
    expect(paid).toMatchObject({ status: 'awaiting_fulfilment', cashFen: 1980, points: 400 });
    expect((await apiCall<{ status: string }>(api.base, 'GET', `/api/v1/orders/${paid.orderId}`, token)).status).toBe('paid');
    await shoot(page, 'redemption-cash-paid');

    // -- the merchant ships it: my redemptions show the tracking number ------------------------------------------------
    await apiCall(api.base, 'POST', `/api/v1/merchant/points-mall/redemptions/${cupRedemptionId}/fulfil`, owner, {
      carrier: '顺丰速运',
      trackingNo: 'SF20261130001',
    });
    await page.goto(`${api.base}/#/package-points/pages/redemptions/index`);
    await expect.poll(() => page.locator('.js-redemption').count(), { timeout: WAIT_MS }).toBe(3);
    expect(await page.locator('.js-redemption-status').allTextContents()).toEqual(['已发货', '优惠券已到账', '已兑换']);
    expect(await textOf(page, '.js-redemption-tracking')).toBe('顺丰速运 运单号 SF20261130001');
    await shoot(page, 'redemptions');
    await page.locator('.js-redemptions-tab-awaiting_payment').first().click();
    await page.locator('.js-redemptions-empty').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'redemptions-empty');
    expect(errors).toEqual([]);
  }, 300_000);
});
