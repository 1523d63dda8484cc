/**
 * The paid membership card in the H5 build in headless Chromium, against the real API (the merchant's card made through
 * the merchant API as staff): the member centre's entry, 我的会员卡 with no card, 开通会员卡 with the benefits and the
 * estimate, the card bought through the simulator's payment page, 我的会员卡 with its days left, then the card's member
 * price on the product page and as a named line of the checkout (with free shipping), and the saving recorded once the
 * order is paid.
 *
 * Screenshots at 390×844 and 320×568 go to test-output/h5-member-card/; every one is also checked for text wrapped one
 * character per line, for text running off the screen, and for tap targets under 44 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, openFresh, phoneSuite, type PhoneSuite, submitAndPay } from './h5-suite.js';

const PRODUCT_TITLE = '会员卡测试茶壶';
const CARD_NAME = '黑金年卡';

let shots: string;
let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, (suite) => {
  ({ api, context, owner, product } = suite);
  shots = testOutputDir('h5-member-card');
});

const TAP_TARGETS = ['.js-member-card-entry', '.js-card-go-buy', '.js-card-buy-button', '.js-checkout-submit'];
const shoot = (page: Page, name: string) => screenshotter(shots, TAP_TARGETS)(page, name);
const breakdown = async (page: Page) => (await page.locator('.js-breakdown-line').allTextContents()).map((l) => l.replace(/\s+/g, ''));

describe('H5 paid membership card in headless Chromium', () => {
  it('buys the card through the pay flow and sees member prices on the product page and at checkout', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await apiCall(api.base, 'POST', '/api/v1/merchant/member-cards', owner, {
      name: CARD_NAME,
      priceFen: 19_900,
      periodMonths: 12,
      refundDays: 7,
      onSale: true,
      benefits: {
        memberPriceBp: 1000,
        pointsMultiplierBp: 20_000,
        freeShipping: true,
        mayDistribute: false,
        couponTemplateId: null,
        couponsPerMonth: 0,
      },
    });

    // -- the member centre's entry, and no card yet ------------------------------------------------------------------
    await openFresh(page, `${api.base}/#/pages/member/index`, '.js-member-card-entry');
    const token = await memberToken(page);
    await createAddress(api.base, token, '林小雨');
    await page.locator('.js-member-card-entry').first().click();
    await page.locator('.js-card-none').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'mine-none');

    // -- 开通会员卡: benefits, the estimate, the rule ----------------------------------------------------------------
    await page.locator('.js-card-go-buy').first().click();
    await page.locator('.js-card-offer').first().waitFor({ timeout: WAIT_MS });
    const offer = page.locator('.js-card-offer', { hasText: CARD_NAME }).first();
    expect((await offer.locator('.js-card-benefits').textContent())?.replace(/\s+/g, '')).toContain('全场会员价9折');
    expect(await offer.locator('.js-card-price').textContent()).toBe('¥199.00/年');
    await shoot(page, 'buy');

    // -- bought through the simulator's payment page -----------------------------------------------------------------
    await offer.locator('.js-card-buy-button').click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    expect(await page.locator('#amount').textContent()).toBe('¥199.00');
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-card\/pages\/buy\/index/, { timeout: WAIT_MS });
    await expect
      .poll(async () => (await apiCall(api.base, 'GET', '/api/v1/member-cards/me', token)).card?.status, { timeout: WAIT_MS })
      .toBe('active');
    await openFresh(page, `${api.base}/#/package-card/pages/mine/index`, '.js-card-days');
    expect(await textOf(page, '.js-card-name')).toBe(`${CARD_NAME} · 生效中`);
    expect(await textOf(page, '.js-card-days')).toMatch(/到期 · 剩余 36[56] 天$/);
    expect(await textOf(page, '.js-card-saved')).toBe('已为你节省 ¥0.00');
    await shoot(page, 'mine-active');

    // -- member prices: the product page and the checkout ------------------------------------------------------------
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
    await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe(PRODUCT_TITLE);
    await expect.poll(() => textOf(page, '.js-detail-member-prices'), { timeout: WAIT_MS }).toContain(`${CARD_NAME}专享价`);
    await shoot(page, 'product-member-price');

    await buySpecProduct(page, api.base, product.id, PRODUCT_TITLE);
    // 10 % off ¥59.00, and the shipping fee waived by the card.
    await expect.poll(async () => (await breakdown(page)).find((l) => l.includes('专享价')), { timeout: WAIT_MS }).toBe(`${CARD_NAME}专享价-¥5.90`);
    const lines = await breakdown(page);
    console.log(`checkout breakdown with the card: ${lines.join(' | ')}`);
    await shoot(page, 'checkout-card-price');
    await submitAndPay(page);

    await openFresh(page, `${api.base}/#/package-card/pages/mine/index`, '.js-card-saved');
    await expect.poll(() => textOf(page, '.js-card-saved'), { timeout: WAIT_MS }).not.toBe('已为你节省 ¥0.00');
    expect(await page.locator('.js-card-saving').count()).toBe(1);
    await shoot(page, 'mine-saved');

    // -- the member centre: the card's days left and what it saved ----------------------------------------------------
    await openFresh(page, `${api.base}/#/pages/member/index`, '.js-member-card-entry');
    await expect.poll(() => textOf(page, '.js-member-card-hint'), { timeout: WAIT_MS }).toMatch(/^剩 36[56] 天 · 已省 ¥\d+\.\d{2} ›$/);
    expect(await textOf(page, '.js-member-card-hint')).not.toContain('¥0.00');
    await shoot(page, 'member-centre');

    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
