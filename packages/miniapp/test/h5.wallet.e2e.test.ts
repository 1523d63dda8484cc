/**
 * Stored value in the H5 build, in headless Chromium against the real API process (decision 039): 我的余额 shows a
 * package the merchant set; tapping it pays through the simulator's payment page and the balance shows principal and
 * bonus apart; the checkout's 余额支付 pays part of an order from the balance and the simulator's page asks only for
 * the rest; 会员码 shows a fresh code, which staff then use at the counter. Screenshots at 390 and 320 px go to
 * test-output/h5-wallet/, each checked for text one character per line, text off the screen and small tap targets.
 */
import { formatYuan } from '@siyu/shared/money';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, type PhoneSuite, phoneSuite } from './h5-suite.js';

const PRODUCT_TITLE = '储值测试茶杯';
let suite: PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, (s) => {
  suite = s;
});

const TAP_TARGETS = ['.js-wallet-package', '.js-wallet-custom-submit', '.js-member-code-reload'];

describe('stored value in H5', () => {
  it('tops up with a bonus, pays part of an order from the balance, shows the member code used at the counter', async () => {
    const shoot = screenshotter(testOutputDir('h5-wallet'), TAP_TARGETS);
    const { api, owner, product } = suite;
    await apiCall(api.base, 'POST', '/api/v1/merchant/wallet/packages', owner, { title: '充 100 送 20', amountFen: 10000, bonusFen: 2000 });
    const page: Page = suite.context.pages()[0] ?? (await suite.context.newPage());
    await page.goto(`${api.base}/#/package-wallet/pages/balance/index`);
    const token = await memberToken(page);
    await createAddress(api.base, token);
    await page.locator('.js-wallet-package').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'wallet-empty');

    await page.locator('.js-wallet-package').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    expect(await page.locator('#amount').textContent()).toBe('¥100.00');
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-wallet\/pages\/balance\/index/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-wallet-total'), { timeout: WAIT_MS, message: 'the balance after the top-up' }).toBe('¥120.00');
    expect(await textOf(page, '.js-wallet-principal')).toBe('本金 ¥100.00');
    expect(await textOf(page, '.js-wallet-bonus')).toBe('赠送 ¥20.00');
    await shoot(page, 'wallet-topped-up');

    // Three cups at ¥59.00 (and shipping, if any): ¥120.00 from the balance, the rest on the payment page.
    await buySpecProduct(page, api.base, product.id, PRODUCT_TITLE, 3);
    await page.locator('.js-checkout-balance').first().click();
    await expect.poll(() => textOf(page, '.js-checkout-balance-hint'), { timeout: WAIT_MS }).toContain('¥120.00');
    await shoot(page, 'checkout-with-balance');
    const payable = await textOf(page, '.js-checkout-payable');
    const rest = Number(payable.replace(/[¥,]/g, '')) * 100 - 12000;
    await page.locator('.js-checkout-submit').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    expect(await page.locator('#amount').textContent()).toBe(formatYuan(rest));
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-order\/pages\/pay-success\/index\?id=\d+/, { timeout: WAIT_MS });
    const wallet = await apiCall(api.base, 'GET', '/api/v1/me/wallet', token);
    expect(wallet.balanceFen).toBe(0);

    await page.goto(`${api.base}/#/package-wallet/pages/member-code/index`);
    await page.locator('.js-member-code').first().waitFor({ timeout: WAIT_MS });
    const code = (await textOf(page, '.js-member-code')).replace(/\s/g, '');
    expect(code).toMatch(/^\d{18}$/);
    await shoot(page, 'member-code');
    const bought = await apiCall(api.base, 'POST', '/api/v1/merchant/counter/purchases', owner, { code, store: '西湖店', amountFen: 3500 });
    expect(bought.tillFen).toBe(3500);
  });
});
