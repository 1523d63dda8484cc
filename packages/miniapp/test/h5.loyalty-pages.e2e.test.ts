/**
 * What the shopper's loyalty figures look like in the H5 build in headless Chromium, against the real API process
 * (seeded): the points cap explained at checkout (balance, cap and why) with the points the order earns, and 支付成功
 * saying what it earned; the member price and 券后价 on the product page and on its tile, as the server computes them;
 * 成长值明细 naming every entry in words (a task by its name, a cumulative check-in reward as such), never a code; tap
 * targets of 44 px on the home page's search entry, 我的's 全部订单 row, the address list's actions and SKU chips; 我的数据
 * counting orders as 我的 does (a points-mall cash payment apart), and a refused closing naming what is unfinished; a title
 * bar on check-in, checkout, 支付成功, 我的收藏 and the address list; a favicon in the H5 build, answered at the root; at
 * 320 px coupon names and validity dates whole, a mall item without a picture drawn like a product, the 领券 row without a
 * coupon already used.
 *
 * Screenshots at 390×844 (and 320×568) go to test-output/h5-loyalty-pages/; every one is checked for text laid out one
 * character per line, for text off the screen and for tap targets under 44 px.
 */
import { formatYuan } from '@siyu/shared/money';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  createAddress,
  DIST,
  createCouponTemplate,
  createSpecProduct,
  memberWrite,
  staffToken,
  startApi,
  testOutputDir,
  type RunningApi,
} from './api-server.js';
import { expectTapTarget, type Phone, launchPhone, memberToken, requireH5Build, screenshotter, textOf, WAIT_MS } from './h5-page.js';

const PRODUCT_TITLE = '会员积分茶杯';

let api: RunningApi;
let context: BrowserContext;
let phone: Phone;
let owner: string;
let shots: string;
let product: Awaited<ReturnType<typeof createSpecProduct>>;

beforeAll(async () => {
  requireH5Build();
  shots = testOutputDir('h5-loyalty-pages');
  api = await startApi({ seed: true, testHooks: true });
  owner = await staffToken(api.base);
  product = await createSpecProduct(api.base, owner, PRODUCT_TITLE);
  phone = await launchPhone();
  context = phone.context;
}, 120_000);

afterAll(async () => {
  await phone?.close();
  await api?.stop();
});

/** What a shopper taps on these screens: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = [
  '.js-checkout-points',
  '.js-checkout-coupon',
  '.js-checkout-submit',
  '.js-pay-success-order',
  '.js-pay-success-home',
  '.js-product-card',
  '.js-sku-value',
  '.js-search-entry',
  '.js-orders-entry',
  '.js-address-edit',
  '.js-address-delete',
  '.js-address-set-default',
  '.js-growth-more',
  '.js-close-start',
  '.js-close-agree',
  '.js-close-cancel',
  '.js-coupon-claim',
  '.js-product-coupons',
  '#taro-navigation-bar .taro-navigation-bar-back',
];

const shoot = (page: Page, name: string) => screenshotter(shots, TAP_TARGETS)(page, name);

/** Opens the test product and buys one 红 / M (¥59) now: product page → SKU → 立即购买 → checkout. */
async function buyNow(page: Page) {
  await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
  await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe(PRODUCT_TITLE);
  const skuValue = (text: string) => page.locator('.js-sku-value', { hasText: new RegExp(`^${text}$`) }).first();
  await skuValue('红').click();
  await skuValue('M').click();
  await page.locator('.js-buy-now').first().click();
  await page.locator('.js-checkout-payable').first().waitFor({ timeout: WAIT_MS });
}

describe('H5 loyalty figures in headless Chromium', () => {
  it('explains the points cap at checkout, says what the order earns, and 支付成功 says what it earned', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    await createAddress(api.base, token, '积小分');
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', token);
    await apiCall(api.base, 'POST', `/api/v1/merchant/members/${me.id}/points-adjustments`, owner, { delta: 5155, reason: '上限测试' });

    await buyNow(page);
    // ¥59.00 of goods: points pay at most half (¥29.50, 2950 points) of the 5155 held; the seed's rules earn 1 a yuan.
    await expect.poll(() => textOf(page, '.js-checkout-points-hint'), { timeout: WAIT_MS }).toBe('可用 2950 积分，抵 ¥29.50');
    expect(await textOf(page, '.js-checkout-points-cap')).toBe('共 5155 积分，每单最多抵扣商品金额的 50%');
    const earnBefore = await textOf(page, '.js-checkout-earn');
    expect(earnBefore).toMatch(/^\+\d+$/);
    await page.locator('.js-checkout-points').first().click();
    await expect.poll(() => textOf(page, '.js-checkout-points-hint'), { timeout: WAIT_MS }).toBe('已用 2950 积分，抵 ¥29.50');
    // Points paid part of the goods: the order earns less.
    const earn = Number((await textOf(page, '.js-checkout-earn')).slice(1));
    expect(earn).toBeLessThan(Number(earnBefore.slice(1)));
    await shoot(page, 'checkout-points-cap');

    await page.locator('.js-checkout-submit').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-order\/pages\/pay-success\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-pay-success-points'), { timeout: WAIT_MS }).toBe(`+${earn}（订单完成后到账）`);
    await shoot(page, 'pay-success-points');
    expect(errors).toEqual([]);
  }, 300_000);

  it('shows the member price and 券后价 the server computes on the product page and on its tile', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', token);
    // 银卡会员 (5 % off everything in the seed's ladder), and a 满50减15 coupon held.
    await apiCall(api.base, 'POST', `/api/v1/merchant/members/${me.id}/growth-adjustments`, owner, { delta: 500, reason: '会员价测试' });
    const coupon = await createCouponTemplate(api.base, owner, {
      name: '会员价测试满50减15',
      kind: 'threshold_off',
      amountFen: 1500,
      thresholdFen: 5000,
    });
    await memberWrite(api.base, token, 'POST', '/api/v1/coupons/claim', { templateId: coupon.id });
    const server = await memberWrite<{
      items: Array<{
        memberPriceLabel: string;
        minMemberPriceFen: number;
        minCouponPriceFen: number;
        skus: Array<{ skuId: number; memberPriceFen: number; couponPriceFen: number }>;
      }>;
    }>(api.base, token, 'POST', '/api/v1/checkout/member-prices', { productIds: [product.id] });
    const prices = server.items[0]!;
    const redM = product.skus.find((s) => s.specs.颜色 === '红' && s.specs.尺码 === 'M')!;
    const redMPrices = prices.skus.find((s) => s.skuId === redM.id)!;
    // ¥59.00 less 5 %: ¥56.05; a coupon lowers it further.
    expect(prices.memberPriceLabel).toBe('银卡会员价');
    expect(redMPrices.memberPriceFen).toBe(5605);
    expect(redMPrices.couponPriceFen).toBeLessThan(5605);

    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
    await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe(PRODUCT_TITLE);
    const skuValue = (text: string) => page.locator('.js-sku-value', { hasText: new RegExp(`^${text}$`) }).first();
    await skuValue('红').click();
    await skuValue('M').click();
    await expect.poll(() => textOf(page, '.js-detail-member-prices .js-member-price'), { timeout: WAIT_MS }).toBe(`银卡会员价 ${formatYuan(5605)}`);
    expect(await textOf(page, '.js-detail-member-prices .js-coupon-price')).toBe(`券后 ${formatYuan(redMPrices.couponPriceFen)}`);
    await shoot(page, 'product-member-price');

    // The tile in the search results: the lowest of the SKUs, marked 起 (the SKUs' prices differ).
    await page.goto(`${api.base}/#/package-product/pages/search/index?keyword=${encodeURIComponent(PRODUCT_TITLE)}`);
    const tile = page.locator('.js-product-card', { hasText: PRODUCT_TITLE }).first();
    await expect
      .poll(() => tile.locator('.js-member-price').textContent(), { timeout: WAIT_MS })
      .toBe(`银卡会员价 ${formatYuan(prices.minMemberPriceFen)}起`);
    expect(await tile.locator('.js-coupon-price').textContent()).toBe(`券后 ${formatYuan(prices.minCouponPriceFen)}起`);
    await shoot(page, 'search-tile-member-price');
    expect(errors).toEqual([]);
  }, 300_000);

  it('names every growth entry in words: the task by its name, a cumulative check-in reward as such', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    // A weekly cycle whose first check-in pays 10 growth on top of the day's.
    const rules = await apiCall(api.base, 'GET', '/api/v1/merchant/check-in/rules', owner);
    await apiCall(api.base, 'PUT', '/api/v1/merchant/check-in/rules', owner, {
      ...rules,
      cycle: 'week',
      cumulativeRewards: [{ count: 1, points: 0, growth: 10 }],
    });
    await memberWrite(api.base, token, 'POST', '/api/v1/check-in');
    await page.goto(`${api.base}/#/package-member/pages/growth/index`);
    await expect.poll(() => page.locator('.js-growth-entry-row').count(), { timeout: WAIT_MS }).toBeGreaterThanOrEqual(4);
    const titles = await page.locator('.js-growth-reason').allTextContents();
    const notes = await page.locator('.js-growth-note').allTextContents();
    expect(titles).toContain('累计签到 1 天奖励');
    expect(titles).toContain('每日签到');
    // The first order's task (paid in the first test), by its name.
    expect(notes).toContain('完成首笔订单');
    const shown = (await page.locator('.js-growth-entry-row').allTextContents()).join('\n');
    expect(shown).not.toMatch(/[a-z]+_[a-z]+/);
    await shoot(page, 'growth-ledger');
    expect(errors).toEqual([]);
  }, 300_000);

  it('makes the search entry, 全部订单, the address actions and SKU chips tap targets of 44 px at 390 and 320 px', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    await createAddress(api.base, token, '第二个地址'); // two addresses: one of them offers 设为默认
    await page.locator('.js-search-entry').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'home-search-entry');
    await page.goto(`${api.base}/#/pages/member/index`);
    await page.locator('.js-orders-entry').first().waitFor({ timeout: WAIT_MS });
    // A new member's nickname: the platform's usual words and four digits, no Latin letters.
    await expect.poll(() => textOf(page, '.js-member-nickname'), { timeout: WAIT_MS }).toMatch(/^(微信|支付宝|抖音)用户\d{4}$/);
    await shoot(page, 'member-orders-entry');
    await page.goto(`${api.base}/#/package-address/pages/list/index`);
    await expect.poll(() => page.locator('.js-address-set-default').count(), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await shoot(page, 'address-list');
    // Each checked on screen by the screenshot's tap-target check; these are the ones the shopper reaches first.
    for (const selector of ['.js-address-edit', '.js-address-delete', '.js-address-set-default']) await expectTapTarget(page, selector);
  }, 300_000);

  it('counts orders in 我的数据 as 我的 does, and a refused closing names what is unfinished in words', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', token);
    // A points-mall item with a cash part, redeemed and not paid: a cash order exists beside the goods order.
    await apiCall(api.base, 'POST', `/api/v1/merchant/members/${me.id}/points-adjustments`, owner, { delta: 500, reason: '兑换测试' });
    const item = await apiCall<{ id: number; title: string }>(api.base, 'POST', '/api/v1/merchant/points-mall/items', owner, {
      status: 'on',
      totalStock: 10,
      kind: 'virtual',
      title: '加钱换购体验券',
      pointsPrice: 100,
      cashFen: 990,
      instructions: '凭兑换单号预约。',
    });
    await memberWrite(api.base, token, 'POST', '/api/v1/points-mall/redemptions', { itemId: item.id });

    await page.goto(`${api.base}/#/pages/member/index`);
    await expect.poll(() => textOf(page, '.js-order-count-all'), { timeout: WAIT_MS }).toMatch(/^全部订单 \d+ ›$/);
    const all = Number(/\d+/.exec(await textOf(page, '.js-order-count-all'))![0]);
    await page.goto(`${api.base}/#/package-member/pages/privacy/index`);
    await page.locator('.js-data-orders').first().waitFor({ timeout: WAIT_MS });
    const orderLines = (await page.locator('.js-data-orders .js-data-line').allTextContents()).map((l) => l.trim());
    expect(orderLines[0]).toMatch(new RegExp(`^共 ${all} 笔，`));
    expect(orderLines[1]).toBe('另有积分兑换付款 1 笔，合计 ¥9.90');

    await page.locator('.js-close-start').first().scrollIntoViewIfNeeded();
    await page.locator('.js-close-start').first().click();
    await page.locator('.js-close-agree').first().click();
    await page.locator('.js-close-open').first().waitFor({ timeout: WAIT_MS });
    const open = (await page.locator('.js-close-open-item').allTextContents()).map((l) => l.trim());
    expect(open).toContain(`订单「${PRODUCT_TITLE}」 待发货`);
    expect(open).toContain(`积分兑换「${item.title}」 待付款`);
    expect(open.join('\n')).not.toMatch(/\d{20,}/);
    await page.locator('.js-close-open').first().scrollIntoViewIfNeeded();
    await shoot(page, 'close-refused');
  }, 300_000);

  it('shows a title bar with a way back on check-in, checkout, 支付成功, 我的收藏 and the address list', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    const paid = (await apiCall<{ items: Array<{ id: number }> }>(api.base, 'GET', '/api/v1/orders?status=paid', token)).items[0]!;
    const titleBar = async (title: string) => {
      await expect.poll(() => textOf(page, '#taro-navigation-bar .taro-navigation-bar-title'), { timeout: WAIT_MS }).toBe(title);
      expect(await page.locator('#taro-navigation-bar').first().isVisible()).toBe(true);
    };
    const pages: Array<[string, string, string]> = [
      ['/package-check-in/pages/check-in/index', '每日签到', 'title-check-in'],
      [`/package-order/pages/pay-success/index?id=${paid.id}`, '支付成功', 'title-pay-success'],
      ['/package-favourite/pages/list/index', '我的收藏', 'title-favourites'],
      ['/package-address/pages/list/index', '收货地址', 'title-addresses'],
    ];
    for (const [route, title, shot] of pages) {
      await page.goto(`${api.base}/#${route}`);
      await titleBar(title);
      await shoot(page, shot);
    }
    await buyNow(page);
    await titleBar('确认订单');
    await shoot(page, 'title-checkout');
  }, 300_000);

  it('ships a favicon with the H5 build, linked from the page and answered at the root', async () => {
    expect(fs.existsSync(path.join(DIST, 'h5/favicon.ico'))).toBe(true);
    const page = await context.newPage();
    await page.goto(`${api.base}/`);
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toBe('/favicon.ico');
    const res = await fetch(`${api.base}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
  });

  it('keeps coupon names and dates whole at 320 px, draws a mall item without a picture, and drops a used coupon from 领券', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/`);
    const token = await memberToken(page);
    const year = new Date().getUTCFullYear();
    const long = await createCouponTemplate(api.base, owner, {
      name: '周末会员专享全店满100享9折券',
      kind: 'percent_off',
      percentOffBp: 1000,
      thresholdFen: 10000,
      validity: { type: 'fixed', from: new Date().toISOString(), until: new Date(Date.UTC(year, 11, 31, 12)).toISOString() },
    });
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(`${api.base}/#/package-coupon/pages/centre/index`);
    const card = page.locator('.js-coupon-card', { hasText: long.name }).first();
    await card.waitFor({ timeout: WAIT_MS });
    // The whole name (two lines at most, nothing cut off) and the dates on one line.
    expect(await card.locator('.js-coupon-name').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    const dateLine = card.locator('.coupon-line', { hasText: ' - ' }).first();
    expect(await dateLine.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await dateLine.evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'coupon-centre-long-name');

    // A virtual item without a picture: its initial in the picture's frame, not the kind's name.
    const item = await apiCall<{ id: number; title: string }>(api.base, 'POST', '/api/v1/merchant/points-mall/items', owner, {
      status: 'on',
      totalStock: 10,
      kind: 'virtual',
      title: '茶艺课体验名额',
      pointsPrice: 50,
      instructions: '凭兑换单号预约。',
    });
    await page.goto(`${api.base}/#/package-points/pages/mall/index`);
    const mallCard = page.locator('.js-mall-item', { hasText: item.title }).first();
    await mallCard.waitFor({ timeout: WAIT_MS });
    expect((await mallCard.locator('.js-mall-cover').textContent())?.trim()).toBe('茶');
    await shoot(page, 'mall-virtual-cover');

    // A coupon for this product, claimed once and used on an order: no longer offered in the 领券 row.
    const once = await createCouponTemplate(api.base, owner, {
      name: '茶杯专享立减3元',
      kind: 'no_threshold_off',
      amountFen: 300,
      perMemberLimit: 1,
    });
    const mine = await memberWrite<{ id: number }>(api.base, token, 'POST', '/api/v1/coupons/claim', { templateId: once.id });
    const address = (await apiCall<{ items: Array<{ id: number }> }>(api.base, 'GET', '/api/v1/addresses', token)).items[0]!;
    const redM = product.skus.find((s) => s.specs.颜色 === '红' && s.specs.尺码 === 'M')!;
    const order = await memberWrite<{ id: number; payableFen: number }>(api.base, token, 'POST', '/api/v1/orders', {
      items: [{ skuId: redM.id, quantity: 1 }],
      addressId: address.id,
      couponIds: [mine.id],
    });
    expect(order.id).toBeGreaterThan(0);
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
    await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe(PRODUCT_TITLE);
    await expect.poll(() => page.locator('.js-product-coupon-tag').allTextContents(), { timeout: WAIT_MS }).not.toContain('无门槛减3');
    await shoot(page, 'product-coupon-row');
  }, 300_000);
});
