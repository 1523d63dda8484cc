/**
 * What a returning shopper uses, in a phone-sized browser at 390 × 844 and 320 × 568 (decision 022): the
 * address page's three-column region picker (pick a region, save, and the API has it), 收藏 on the product page and
 * 我的收藏, the member page's order counts (each equal to its tab's list), and paying: the payment lands on 支付成功,
 * whose Back goes to the order without starting the payment again. Screenshots go to
 * packages/miniapp/test-output/h5-member-shop/.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createMemberOrder, createSpecProduct, memberWrite, staffToken, testOutputDir, type RunningApi } from './api-server.js';
import { WAIT_MS, expectTapTarget, layoutFaults, memberToken, pickerDown, screenSettled, textOf } from './h5-page.js';
import { browserSuite, openFresh, PHONE_VIEWPORTS, phoneContext, paymentsStarted } from './h5-suite.js';

const SHOTS = testOutputDir('h5-member-shop');

let api: RunningApi;
let browser: Browser;
let longjingId: number;
let longjingSkuId: number;

browserSuite({}, async (suite) => {
  ({ api, browser } = suite);
  const teas = await apiCall<{ items: { id: number }[] }>(api.base, 'GET', '/api/v1/products?keyword=%E9%BE%99%E4%BA%95', null);
  longjingId = teas.items[0]!.id;
  const detail = await apiCall<{ skus: { id: number; stock: number }[] }>(api.base, 'GET', `/api/v1/products/${longjingId}`, null);
  longjingSkuId = detail.skus.find((s) => s.stock > 10)!.id;
});

describe.each(PHONE_VIEWPORTS)('H5 addresses, favourites, order counts and 支付成功 at $width × $height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  let token = '';
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${viewport.width}-${name}.png`), fullPage: false });
  const open = (hash: string, ready: string) => openFresh(page, `${api.base}/#${hash}`, ready);

  beforeAll(async () => {
    context = await phoneContext(browser, viewport);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    // The shopper is logged in once the home page has loaded (the session is in localStorage).
    token = await memberToken(page);
  });
  afterAll(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('address: picks a region in the three-column picker and saves it; editing preselects it', async () => {
    await open('/package-address/pages/edit/index', '.js-address-region');
    // The browser has no address book: no import button.
    expect(await page.locator('.js-address-import').count()).toBe(0);
    expect(await textOf(page, '.js-address-region-value')).toBe('请选择省 / 市 / 区县');
    await page.locator('.js-address-name input').first().fill('林小雨');
    await page.locator('.js-address-phone input').first().fill('13912345678');
    await page.locator('.js-address-detail input').first().fill('龙井路 8 号');
    // Saving without a region says what is missing.
    await page.locator('.js-address-save').first().click();
    expect(await textOf(page, '.js-field-error-region')).toBe('请选择所在地区');

    await expectTapTarget(page, '.js-address-region');
    await page.locator('.js-address-region').first().click();
    await page.locator('.weui-picker__group:visible').nth(2).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.weui-picker__group:visible').count()).toBe(3);
    await screenSettled(page); // the sheet slides up
    await shot('region-picker-open');
    // 浙江省 is the 11th province; then the second city of it, and the third district of that.
    await pickerDown(page, 0, 10);
    await shot('region-picker-province');
    await pickerDown(page, 1, 1);
    await pickerDown(page, 2, 2);
    await shot('region-picker');
    await page.locator('.weui-picker__action:visible').last().click();
    await expect.poll(() => textOf(page, '.js-address-region-value'), { timeout: WAIT_MS }).toMatch(/^浙江省 \S+市 \S+$/);
    const [province, city, district] = (await textOf(page, '.js-address-region-value')).split(' ');
    expect(city).not.toBe('杭州市'); // the second city, not the first
    await screenSettled(page); // the sheet slides away
    await shot('address-form');
    expect(await layoutFaults(page)).toEqual([]);

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/addresses') && r.request().method() === 'POST', { timeout: WAIT_MS });
    await page.locator('.js-address-save').first().click();
    await expect
      .poll(async () => (await apiCall<{ items: { name: string }[] }>(api.base, 'GET', '/api/v1/addresses', token)).items.map((a) => a.name), {
        timeout: WAIT_MS,
      })
      .toContain('林小雨');
    const saved = (await apiCall<{ items: Array<Record<string, string | number>> }>(api.base, 'GET', '/api/v1/addresses', token)).items.find(
      (a) => a.name === '林小雨',
    )!;
    expect(saved).toMatchObject({ province, city, district, phone: '13912345678', detail: '龙井路 8 号' });
    // Saved, the page goes back by itself: its answer in the page, and the frames after it, before the next page opens.
    await answered;
    await screenSettled(page);

    // Editing it: the picker opens on the saved region.
    await open(`/package-address/pages/edit/index?id=${saved.id}`, '.js-address-region');
    expect(await textOf(page, '.js-address-region-value')).toBe(`${province} ${city} ${district}`);
    await page.locator('.js-address-region').first().click();
    await page.locator('.weui-picker__group:visible').nth(2).waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // the sheet slides up, on the saved region
    const chosen = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.weui-picker__group'))
        .filter((g) => (g as HTMLElement).offsetParent !== null)
        .map((g) => {
          const indicator = g.querySelector('.weui-picker__indicator')!.getBoundingClientRect();
          const mid = indicator.top + indicator.height / 2;
          const item = Array.from(g.querySelectorAll('.weui-picker__item')).find((i) => {
            const r = i.getBoundingClientRect();
            return r.top <= mid && r.bottom >= mid;
          });
          return item?.textContent?.trim() ?? '';
        }),
    );
    expect(chosen).toEqual([province, city, district]);
    await page.locator('.weui-picker__action:visible').first().click();
  });

  it('favourites: 收藏 on the product page, then the product in 我的收藏', async () => {
    await open(`/package-product/pages/detail/index?id=${longjingId}`, '.js-favourite-toggle');
    await expectTapTarget(page, '.js-favourite-toggle');
    await expect.poll(() => textOf(page, '.js-favourite-text'), { timeout: WAIT_MS }).toBe('收藏');
    await page.locator('.js-favourite-toggle').first().click();
    await expect.poll(() => textOf(page, '.js-favourite-text'), { timeout: WAIT_MS }).toBe('已收藏');
    await expect
      .poll(async () => (await apiCall<{ isFavourite: boolean }>(api.base, 'GET', `/api/v1/me/favourites/${longjingId}`, token)).isFavourite, {
        timeout: WAIT_MS,
      })
      .toBe(true);
    await shot('product-favourite');
    expect(await layoutFaults(page)).toEqual([]);

    // A favourite whose product then goes off shelf stays in the list, marked 已下架.
    const owner = await staffToken(api.base);
    const gone = await createSpecProduct(api.base, owner, `下架的收藏${viewport.width}`);
    await memberWrite(api.base, token, 'PUT', `/api/v1/me/favourites/${gone.id}`);
    await apiCall(api.base, 'POST', `/api/v1/merchant/products/${gone.id}/unshelve`, owner);

    await open('/package-favourite/pages/list/index', '.js-favourite');
    expect(await page.locator('.js-favourite-title').allTextContents()).toEqual([`下架的收藏${viewport.width}`, '明前西湖龙井']);
    expect(await textOf(page, '.js-favourite-off-shelf .js-favourite-off-shelf-tag')).toBe('已下架');
    await expectTapTarget(page, '.js-favourite-remove');
    await shot('favourites');
    expect(await layoutFaults(page)).toEqual([]);

    // From the member page too; and removing both empties the list.
    await open('/pages/member/index', '.js-favourites-entry');
    await page.locator('.js-favourites-entry').first().click();
    await page.locator('.js-favourite:visible').first().waitFor({ timeout: WAIT_MS });
    for (let left = 2; left > 0; left--) {
      await expect.poll(() => page.locator('.js-favourite:visible').count(), { timeout: WAIT_MS }).toBe(left);
      await page.locator('.js-favourite-remove:visible').first().click();
      await page.locator('.taro-modal__footer .taro-modal__btn:last-child, .taro-model__confirm').first().click();
    }
    await page.locator('.js-favourites-empty:visible').first().waitFor({ timeout: WAIT_MS });
    await shot('favourites-empty');
  });

  it('member page: each order count is the total of the tab it opens', async () => {
    await createMemberOrder(api.base, token, longjingSkuId, 1);
    const counts = await apiCall<{ all: number; awaitingPayment: number; paid: number; shipped: number; refund: number }>(
      api.base,
      'GET',
      '/api/v1/orders/counts',
      token,
    );
    expect(counts.awaitingPayment).toBeGreaterThanOrEqual(1);
    const listTotal = async (query: string) => (await apiCall<{ total: number }>(api.base, 'GET', `/api/v1/orders${query}`, token)).total;
    expect(counts.awaitingPayment).toBe(await listTotal('?status=awaiting_payment'));
    expect(counts.all).toBe(await listTotal(''));

    await open('/pages/member/index', '.js-member-orders-tab-awaiting_payment');
    await expect.poll(() => textOf(page, '.js-order-count-awaiting_payment'), { timeout: WAIT_MS }).toBe(String(counts.awaitingPayment));
    expect(await textOf(page, '.js-order-count-all')).toBe(`全部订单 ${counts.all} ›`);
    expect(await page.locator('.js-order-count-shipped').count()).toBe(counts.shipped > 0 ? 1 : 0);
    for (const tab of ['awaiting_payment', 'paid', 'shipped', 'refunded']) await expectTapTarget(page, `.js-member-orders-tab-${tab}`);
    await page.locator('.js-member-orders-tab-refunded').first().scrollIntoViewIfNeeded();
    await shot('member-counts');
    expect(await layoutFaults(page)).toEqual([]);

    // A tap opens the order list on that tab, which shows as many orders.
    await page.locator('.js-member-orders-tab-awaiting_payment').first().click();
    await page.waitForURL(/package-order\/pages\/list\/index\?tab=awaiting_payment/, { timeout: WAIT_MS });
    await expect.poll(() => page.locator('.js-order-card:visible').count(), { timeout: WAIT_MS }).toBe(counts.awaitingPayment);
  });

  it('pays and lands on 支付成功; Back goes to the order, which does not pay again', async () => {
    const order = await createMemberOrder(api.base, token, longjingSkuId, 1);
    await open(`/package-order/pages/detail/index?id=${order.id}`, '.js-order-pay');
    await page.locator('.js-order-pay').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-order\/pages\/pay-success\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-pay-success-heading'), { timeout: WAIT_MS }).toBe('支付成功');
    expect(await textOf(page, '.js-pay-success-amount')).toBe(`¥${(order.payableFen / 100).toFixed(2)}`);
    expect(await textOf(page, '.js-pay-success-order-no')).toBe(order.orderNo);
    await expectTapTarget(page, '.js-pay-success-order');
    await expectTapTarget(page, '.js-pay-success-home');
    await shot('pay-success');
    expect(await layoutFaults(page)).toEqual([]);

    // Back: the order, paid (待发货), not the payment page, and nothing starts a payment.
    const started = paymentsStarted(page);
    await page.goBack();
    await page.waitForURL(/package-order\/pages\/detail\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('待发货');
    await screenSettled(page);
    expect(started).toEqual([]);
    expect(page.url()).not.toContain('/__sim/pay-page');
    expect(page.url()).toContain(`id=${order.id}`);

    // Forward to 支付成功 again, and its 查看订单 opens the order.
    await page.goForward();
    await page.locator('.js-pay-success-order').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-pay-success-order').first().click();
    await page.waitForURL(/package-order\/pages\/detail\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('待发货');
  });
});
