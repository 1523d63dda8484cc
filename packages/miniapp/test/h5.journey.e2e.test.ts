/**
 * A shopper's whole journey through the H5 build in headless Chromium, against the real API (seeded catalog, the
 * platform simulator on): browse the home page, open a product, pick a SKU, add it to the cart, check out with a new
 * address, pay on the simulator's payment page (确认支付 sends the platform's signed notification), see the order
 * 待发货; then ask for a refund in the UI, approve it as the merchant through the merchant API, and see 已退款.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiCall } from './api-server.js';
import { memberToken, screenSettled, tapStepper, textOf, typeInto, WAIT_MS } from './h5-page.js';
import { phoneSuite, type PhoneSuite, submitAndPay } from './h5-suite.js';

const PRODUCT_TITLE = '旅程测试卫衣';

let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, (suite) => {
  ({ api, context, owner, product } = suite);
});

describe('H5 shopper journey in headless Chromium', () => {
  it('browses, buys a chosen SKU with a new address, pays on the simulator page, then gets a refund approved by the merchant', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // Browse: the home page lists the catalog; open our product.
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-home-checkin-entry').first().waitFor();
    const card = page.locator('.js-product-card', { hasText: PRODUCT_TITLE }).first();
    await card.scrollIntoViewIfNeeded();
    await card.click();

    // Product detail: price range, then pick 红 / M (蓝 / L is out of stock and disabled once 蓝 is chosen).
    await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe(PRODUCT_TITLE);
    expect(await textOf(page, '.js-detail-price')).toBe('¥59.00-¥69.00');
    const skuValue = (text: string) => page.locator('.js-sku-value', { hasText: new RegExp(`^${text}$`) }).first();
    await skuValue('蓝').click();
    await expect.poll(() => skuValue('L').getAttribute('class'), { timeout: WAIT_MS }).toContain('js-sku-disabled');
    await skuValue('蓝').click(); // deselect
    await skuValue('红').click();
    await skuValue('M').click();
    await expect.poll(() => textOf(page, '.js-detail-price')).toBe('¥59.00');
    await page.locator('.js-add-to-cart').first().click();

    const token = await memberToken(page);
    const redM = product.skus.find((s) => s.specs.颜色 === '红' && s.specs.尺码 === 'M')!;
    await expect
      .poll(async () => (await apiCall<{ lines: Array<{ skuId: number; quantity: number }> }>(api.base, 'GET', '/api/v1/cart', token)).lines, {
        timeout: WAIT_MS,
      })
      .toEqual([expect.objectContaining({ skuId: redM.id, quantity: 1 })]);

    // Cart: the line, selected; check out.
    await page.locator('.js-cart-entry').first().click();
    await page.locator('.js-cart-line', { hasText: PRODUCT_TITLE }).first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-cart-total')).toBe('¥59.00');
    // Quantity up and down again: PATCH /cart/lines/{id}, sent as a POST with X-HTTP-Method-Override as on devices.
    const cartLine = page.locator('.js-cart-line', { hasText: PRODUCT_TITLE }).first();
    await tapStepper(page, cartLine, 'plus', 2);
    await expect.poll(() => textOf(page, '.js-cart-total')).toBe('¥118.00');
    await expect
      .poll(
        async () => (await apiCall<{ lines: Array<{ skuId: number; quantity: number }> }>(api.base, 'GET', '/api/v1/cart', token)).lines[0]?.quantity,
      )
      .toBe(2);
    await tapStepper(page, cartLine, 'minus', 1);
    await expect.poll(() => textOf(page, '.js-cart-total')).toBe('¥59.00');
    await page.locator('.js-cart-checkout').first().click();

    // Checkout without an address: add one (a bad phone number is refused first), come back with it chosen.
    await page.locator('.js-checkout-add-address').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-checkout-add-address').first().click();
    await page.locator('.js-address-name').first().waitFor({ timeout: WAIT_MS });
    await typeInto(page, '.js-address-name', '林小雨');
    await typeInto(page, '.js-address-phone', '1380013');
    // The region from the three-column picker: its first region, as it opens.
    await page.locator('.js-address-region').first().click();
    await page.locator('.weui-picker__group:visible').nth(2).waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // the sheet slides up
    await page.locator('.weui-picker__action:visible').last().click();
    await expect.poll(() => textOf(page, '.js-address-region-value')).toBe('北京市 北京市 东城区');
    await typeInto(page, '.js-address-detail', '文三路 90 号 1 幢 101 室');
    await page.locator('.js-address-save').first().click();
    await page.locator('.js-field-error-phone').first().waitFor({ timeout: WAIT_MS });
    await typeInto(page, '.js-address-phone', '13800138000');
    await page.locator('.js-address-save').first().click();

    await page.locator('.js-checkout-address', { hasText: '林小雨' }).first().waitFor({ timeout: WAIT_MS });
    const breakdown = await page.locator('.js-breakdown-line').allTextContents();
    expect(breakdown.length).toBeGreaterThanOrEqual(2);
    expect(breakdown[0]).toContain('¥59.00');
    expect(breakdown.some((l) => l.includes('运费'))).toBe(true);

    // Submit: the order is created, paid on the simulator's payment page, and the order detail says paid (待发货).
    const orderId = await submitAndPay(page);
    const paid = await apiCall<{ status: string; payableFen: number; address: { name: string } }>(
      api.base,
      'GET',
      `/api/v1/orders/${orderId}`,
      token,
    );
    expect(paid).toMatchObject({ status: 'paid', address: { name: '林小雨' } });

    // Ask for a refund of the whole order, with a reason.
    await page.locator('.js-order-refund').first().click();
    await page.locator('.js-refund-submit').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-refund-reason', { hasText: '不想要了' }).first().click();
    await page.locator('.js-refund-submit').first().click();
    await expect.poll(() => textOf(page, '.js-refund-status'), { timeout: WAIT_MS }).toBe('退款审核中');

    // The merchant approves it; the platform (simulator) confirms the refund; the page shows 已退款.
    const requested = await apiCall<{ items: Array<{ id: number; orderId: number; amountFen: number }> }>(
      api.base,
      'GET',
      '/api/v1/merchant/refunds?status=requested',
      owner,
    );
    const refund = requested.items.find((r) => r.orderId === orderId);
    expect(refund, JSON.stringify(requested)).toBeTruthy();
    expect(refund!.amountFen).toBe(paid.payableFen);
    await apiCall(api.base, 'POST', `/api/v1/merchant/refunds/${refund!.id}/approve`, owner, {});

    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('已退款');
    await expect.poll(() => textOf(page, '.js-refund-status'), { timeout: WAIT_MS }).toBe('已退款');
    await page.screenshot({ path: path.join(os.tmpdir(), 'siyu-h5-journey-refunded.png') });

    // My orders: under 退款 with its status; switching to 待发货 shows none, and back to 全部 shows it again.
    await page.goto(`${api.base}/#/package-order/pages/list/index?tab=refunded`);
    const orderCard = page.locator('.js-order-card', { hasText: PRODUCT_TITLE }).first();
    await orderCard.waitFor({ timeout: WAIT_MS });
    expect(await orderCard.locator('.js-order-status').first().textContent()).toBe('已退款');
    await page.locator('.js-orders-tab-paid').first().click();
    await page.locator('.js-orders-empty').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-orders-tab-all').first().click();
    await page.locator('.js-order-card', { hasText: PRODUCT_TITLE }).first().waitFor({ timeout: WAIT_MS });
    expect(errors).toEqual([]);
  }, 180_000);
});
