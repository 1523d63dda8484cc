/**
 * Membership tiers in the H5 build in headless Chromium, against the real API (seeded with the demo ladder 普通会员 /
 * 银卡会员 500 / 金卡会员 2000 / 钻石会员 8000; the merchant's side played through the merchant API as staff): the tier
 * card on the member page with the growth still needed, a purchase paid on the simulator page that lifts the member to
 * 银卡会员, the benefits page with the member's tier highlighted, the growth history, and the member price (and, after
 * growth granted by staff lifts the member to 金卡会员, free shipping) as named lines of the checkout breakdown.
 *
 * Screenshots at 390×844 and 320×568 go to test-output/h5-tiers/; every one is also checked for text wrapped one
 * character per line, for text running off the screen, and for tap targets under 44 px.
 */
import type { MyTier } from '@siyu/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, openFresh, phoneSuite, type PhoneSuite, submitAndPay } from './h5-suite.js';

const PRODUCT_TITLE = '等级测试茶杯';

let shots: string;

let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, (suite) => {
  ({ api, context, owner, product } = suite);
  shots = testOutputDir('h5-tiers');
});

/** What a shopper taps on the tier screens: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = [
  '.js-tier-card',
  '.js-growth-entry',
  '.js-growth-more',
  '.js-checkout-submit',
  '.js-load-retry',
  '#taro-navigation-bar .taro-navigation-bar-back',
];

const shoot = (page: Page, name: string) => screenshotter(shots, TAP_TARGETS)(page, name);

/** Growth granted by staff through the merchant API (with a reason), as the console's 调整成长值 does. */
async function grantGrowth(memberId: number, delta: number) {
  await apiCall(api.base, 'POST', `/api/v1/merchant/members/${memberId}/growth-adjustments`, owner, {
    delta,
    reason: 'H5 等级测试',
    key: `h5-tiers-${delta}-${Date.now()}`,
  });
}

/** The member page, freshly shown (the card loads on every show). */
const memberPage = (page: Page) => openFresh(page, `${api.base}/#/pages/member/index`, '.js-tier-card');

/** Buys one 红 / M (¥59.00) of the test product now: product page → SKU → 立即购买 → checkout. */
const buyNow = (page: Page) => buySpecProduct(page, api.base, product.id, PRODUCT_TITLE);

const breakdown = async (page: Page) => (await page.locator('.js-breakdown-line').allTextContents()).map((l) => l.replace(/\s+/g, ''));

describe('H5 membership tiers in headless Chromium', () => {
  it('shows the tier card, upgrades by a purchase, shows the benefits and growth pages and the member price at checkout', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // -- the tier card of a new member ----------------------------------------------------------------------------
    await page.goto(`${api.base}/#/pages/member/index`);
    await page.locator('.js-tier-card').first().waitFor({ timeout: WAIT_MS });
    const token = await memberToken(page);
    const me = await apiCall<{ id: number }>(api.base, 'GET', '/api/v1/me', token);
    await createAddress(api.base, token, '林小雨');
    expect(await textOf(page, '.js-tier-name')).toBe('普通会员');
    expect(await textOf(page, '.js-tier-growth')).toBe('成长值 0');
    expect(await textOf(page, '.js-tier-next')).toBe('再获得 500 成长值升级为 银卡会员');
    await shoot(page, 'member-tier-card');

    // -- staff grant 480: 20 to go -----------------------------------------------------------------------------------
    await grantGrowth(me.id, 480);
    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-tier-next'), { timeout: WAIT_MS }).toBe('再获得 20 成长值升级为 银卡会员');
    const width = await page
      .locator('.tier-progress-bar')
      .first()
      .evaluate((el) => (el as HTMLElement).style.width);
    expect(width).toBe('96%');

    // -- a purchase of ¥59 paid on the simulator page: 539 growth, 银卡会员 at once -----------------------------------
    await buyNow(page);
    expect((await breakdown(page)).some((l) => l.includes('会员价'))).toBe(false);
    await submitAndPay(page);

    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-tier-name'), { timeout: WAIT_MS }).toBe('银卡会员');
    // 59 for the goods paid (shipping gives none), and whatever activity the order completed (a points task).
    const silverTier = await apiCall<MyTier>(api.base, 'GET', '/api/v1/tiers/me', token);
    expect(silverTier.growth).toBeGreaterThanOrEqual(539);
    expect(await textOf(page, '.js-tier-growth')).toBe(`成长值 ${silverTier.growth}`);
    expect(await textOf(page, '.js-tier-next')).toBe(`再获得 ${2000 - silverTier.growth} 成长值升级为 金卡会员`);
    await shoot(page, 'member-tier-upgraded');

    // -- the benefits page: the ladder, 银卡会员 highlighted, benefits with icons -------------------------------------
    await page.locator('.js-tier-card').first().click();
    await page.locator('.js-tier-row').nth(3).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-tier-row-name').allTextContents()).toEqual(['普通会员', '银卡会员', '金卡会员', '钻石会员']);
    expect(await textOf(page, '.js-tier-current .js-tier-row-name')).toBe('银卡会员');
    expect(await page.locator('.js-tier-current').count()).toBe(1);
    const silver = await page.locator('.js-tier-row >> nth=1 >> .js-benefit').allTextContents();
    expect(silver).toEqual(['折全场 95 折', '积积分 1.2 倍', '寿生日礼 100 积分']);
    await shoot(page, 'benefits');
    await page.locator('.js-tier-row').nth(3).scrollIntoViewIfNeeded();
    await shoot(page, 'benefits-bottom');

    // -- the growth history ---------------------------------------------------------------------------------------
    await page.locator('.js-growth-entry').first().click();
    await page.locator('.js-growth-entry-row').nth(1).waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-growth-total')).toBe(String(silverTier.growth));
    const rows = (await page.locator('.js-growth-entry-row').allTextContents()).map((r) => r.replace(/\s+/g, ''));
    expect(rows.some((r) => r.startsWith('购物获得') && r.endsWith('+59'))).toBe(true);
    expect(rows[rows.length - 1]).toMatch(/^商家调整H5等级测试.*\+480$/);
    await shoot(page, 'growth');

    // -- checkout as 银卡会员: the member price (5 % off ¥59.00) as a named line --------------------------------------
    await buyNow(page);
    await expect.poll(async () => (await breakdown(page)).find((l) => l.includes('会员价')), { timeout: WAIT_MS }).toBe('银卡会员价-¥2.95');
    await shoot(page, 'checkout-member-price');

    // -- staff lift the member to 金卡会员: 10 % off and free shipping at checkout -------------------------------------
    await grantGrowth(me.id, 1500);
    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-tier-name'), { timeout: WAIT_MS }).toBe('金卡会员');
    expect(await textOf(page, '.js-tier-next')).toBe(`再获得 ${8000 - silverTier.growth - 1500} 成长值升级为 钻石会员`);
    await buyNow(page);
    await expect.poll(async () => (await breakdown(page)).find((l) => l.includes('会员价')), { timeout: WAIT_MS }).toBe('金卡会员价-¥5.90');
    const lines = await breakdown(page);
    console.log(`checkout breakdown as 金卡会员: ${lines.join(' | ')}`);
    expect(lines.some((l) => l.includes('金卡会员包邮'))).toBe(true);
    await shoot(page, 'checkout-gold');

    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
