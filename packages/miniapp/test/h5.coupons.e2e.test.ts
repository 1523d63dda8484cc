/**
 * Coupons in the H5 build in headless Chromium, against the real API (seeded; the merchant's coupons made through the
 * merchant API): claim coupons in the claim centre (reached from the home page), see them in my coupons with the
 * expiring-soon one first, redeem a code (a wrong one is refused in words), see the 领券 row on the product page, check
 * out with the best coupon chosen by the server, switch coupons that do not combine with one tap in the chooser, pay on the
 * simulator page and find the coupon under 已使用; then place another order with the code's coupon, see it held, cancel
 * the order and find it back under 可使用.
 *
 * Screenshots at 390×844 (and 320×568, the narrowest phones) go to test-output/h5-coupons/; every one is also checked
 * for text wrapped one character per line, for text running off the screen, and for tap targets under 44 px.
 */
import { formatYuan } from '@siyu/shared/money';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress, createCouponCodes, createCouponTemplate, memberLogin, memberWrite, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, phoneSuite, type PhoneSuite, submitAndPay } from './h5-suite.js';

const PRODUCT_TITLE = '领券测试茶具';
const DAY_MS = 24 * 3600_000;

let shots: string;
/** The coupons the merchant offers in this test. */
const T = {} as Record<'claimOff' | 'codeOff' | 'soldOut' | 'expiring', { id: number; name: string }>;
let codes: string[] = [];

let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, async (suite) => {
  ({ api, context, owner, product } = suite);
  shots = testOutputDir('h5-coupons');
  const onlyProduct = { type: 'products', ids: [product.id], excludeProductIds: [] };
  // 满50减10 on the test product, claimable once: the coupon the first order uses.
  T.claimOff = await createCouponTemplate(api.base, owner, {
    name: '茶具满50减10',
    kind: 'threshold_off',
    amountFen: 1000,
    thresholdFen: 5000,
    scope: onlyProduct,
    totalStock: 100,
  });
  // 无门槛减5 given by redemption codes only (not in the claim centre): the coupon of the cancelled order.
  T.codeOff = await createCouponTemplate(api.base, owner, {
    name: '茶具无门槛5元',
    kind: 'no_threshold_off',
    amountFen: 500,
    scope: onlyProduct,
    public: false,
    validity: { type: 'relative', days: 30 },
  });
  codes = await createCouponCodes(api.base, owner, T.codeOff.id, 2);
  // One of one, already taken by another shopper: 已抢光.
  T.soldOut = await createCouponTemplate(api.base, owner, {
    name: '全店满200减30',
    kind: 'threshold_off',
    amountFen: 3000,
    thresholdFen: 20000,
    totalStock: 1,
  });
  await memberWrite(api.base, await memberLogin(api.base, 'weapp', 'h5-coupons-rival'), 'POST', '/api/v1/coupons/claim', {
    templateId: T.soldOut.id,
  });
  // 9折 from ¥100, ending in two days: 即将过期 in my coupons, unusable on a ¥59 order.
  const now = Date.now();
  T.expiring = await createCouponTemplate(api.base, owner, {
    name: '全店满100享9折',
    kind: 'percent_off',
    percentOffBp: 1000,
    thresholdFen: 10000,
    validity: { type: 'fixed', from: new Date(now - DAY_MS).toISOString(), until: new Date(now + 2 * DAY_MS).toISOString() },
  });
});

/** What a shopper taps on the coupon screens: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = [
  '.js-home-coupon-entry',
  '.js-coupons-entry',
  '.js-coupon-centre-entry',
  '.js-centre-mine-entry',
  '.js-mine-centre-entry',
  '.js-coupon-claim',
  '.js-coupon-claimed',
  '.js-coupon-sold-out',
  '.js-coupon-use',
  '.js-coupons-tab',
  '.js-redeem-input',
  '.js-redeem-submit',
  '.js-product-coupons',
  '.js-sheet-close',
  '.js-checkout-coupon',
  '.js-chooser-usable',
  '.js-coupon-none',
  '.js-chooser-confirm',
  '.js-load-retry',
  '#taro-navigation-bar .taro-navigation-bar-back',
];

const shoot = (page: Page, name: string) => screenshotter(shots, TAP_TARGETS)(page, name);

const card = (page: Page, selector: string, name: string) => page.locator(selector, { hasText: name }).first();

/** Buys one 红 / M of the test product now: product page → SKU → 立即购买 → checkout. */
const buyNow = (page: Page) => buySpecProduct(page, api.base, product.id, PRODUCT_TITLE);

describe('H5 coupons in headless Chromium', () => {
  it('claims, redeems, chooses at checkout, pays with a coupon, and gets a coupon back by cancelling an order', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // -- claim centre, from the home page ------------------------------------------------------------------------
    await page.goto(`${api.base}/`);
    await page.locator('.js-home-coupon-entry').first().waitFor({ timeout: WAIT_MS });
    const token = await memberToken(page);
    await createAddress(api.base, token, '林小雨');
    await page.locator('.js-home-coupon-entry').first().click();
    await card(page, '.js-claimable-coupon', T.claimOff.name).waitFor({ timeout: WAIT_MS });
    // The code-only coupon is not offered; the one another shopper took last is 已抢光.
    expect(await page.locator('.js-claimable-coupon', { hasText: T.codeOff.name }).count()).toBe(0);
    expect(await textOf(page, `.js-claimable-coupon:has-text("${T.soldOut.name}") .js-coupon-sold-out`)).toBe('已抢光');
    expect(await textOf(page, `.js-claimable-coupon:has-text("${T.claimOff.name}") .js-coupon-value`)).toBe('10');
    expect(await textOf(page, `.js-claimable-coupon:has-text("${T.claimOff.name}") .js-coupon-condition`)).toBe('满50元可用');

    for (const name of [T.claimOff.name, T.expiring.name]) {
      await card(page, '.js-claimable-coupon', name).locator('.js-coupon-claim').click();
      await expect.poll(() => textOf(page, `.js-claimable-coupon:has-text("${name}") .js-coupon-claimed`), { timeout: WAIT_MS }).toBe('已领取');
    }
    const mine = await apiCall<{ items: Array<{ templateId: number; status: string }> }>(api.base, 'GET', '/api/v1/coupons?status=usable', token);
    expect(mine.items.map((c) => c.templateId).sort()).toEqual([T.claimOff.id, T.expiring.id].sort());
    await shoot(page, 'claim-centre');

    // -- my coupons: the expiring one first with its badge; a code redeemed -----------------------------------------
    await page.locator('.js-centre-mine-entry').first().click();
    await page.locator('.js-my-coupon').nth(1).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-my-coupon .js-coupon-name').allTextContents()).toEqual([T.expiring.name, T.claimOff.name]);
    expect(await textOf(page, '.js-my-coupon >> nth=0 >> .js-coupon-badge')).toBe('即将过期');
    expect(await page.locator('.js-my-coupon >> nth=1 >> .js-coupon-badge').count()).toBe(0);

    const redeem = async (code: string) => {
      await page.locator('.js-redeem-input input').first().fill(code);
      await page.locator('.js-redeem-submit').first().click();
    };
    await page.locator('.js-redeem-submit').first().click(); // empty: said so, nothing sent
    await expect.poll(() => textOf(page, '.js-redeem-error')).toBe('请输入兑换码');
    await redeem('ABCD-EFGH-JKMN-PQRS');
    await expect.poll(() => textOf(page, '.js-redeem-error'), { timeout: WAIT_MS }).toBe('兑换码不存在，请核对后重新输入');
    // Case and dashes do not matter to the server.
    await redeem(codes[0]!.replace(/-/g, '').toLowerCase());
    await card(page, '.js-my-coupon', T.codeOff.name).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-redeem-error').count()).toBe(0);
    expect(await page.locator('.js-my-coupon .js-coupon-name').allTextContents()).toEqual([T.expiring.name, T.claimOff.name, T.codeOff.name]);
    await shoot(page, 'my-coupons');
    await redeem(codes[0]!);
    await expect.poll(() => textOf(page, '.js-redeem-error'), { timeout: WAIT_MS }).toBe('这个兑换码已经被使用过了');

    // The detail page of a coupon: rule, scope, validity in the merchant's time zone, how to use it.
    await card(page, '.js-my-coupon', T.claimOff.name).click();
    await page.locator('.js-coupon-detail').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-coupon-rule')).toContain('满50减10');
    await expect.poll(() => textOf(page, '.js-coupon-scope'), { timeout: WAIT_MS }).toContain(PRODUCT_TITLE);
    expect(await textOf(page, '.js-coupon-validity')).toMatch(/\d{4}\.\d{2}\.\d{2} \d{2}:\d{2} - \d{4}\.\d{2}\.\d{2} \d{2}:\d{2}.*Asia\/Shanghai/);
    await shoot(page, 'coupon-detail');

    // -- the product page's 领券 row: the public coupons that apply to it --------------------------------------------
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
    await page.locator('.js-product-coupons').first().waitFor({ timeout: WAIT_MS });
    const tags = await page.locator('.js-product-coupon-tag').allTextContents();
    expect(tags).toEqual(expect.arrayContaining(['满50减10', '满100享9折']));
    expect(tags).not.toContain('无门槛减5'); // code-only
    await page.locator('.js-product-coupons').first().click();
    await page.locator('.js-product-coupon-sheet .js-claimable-coupon').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'product-coupon-sheet');
    await page.locator('.js-product-coupon-sheet .js-sheet-close').first().click();

    // -- checkout: the server's best choice, the chooser, a refused combination -------------------------------------
    await buyNow(page);
    await expect.poll(() => textOf(page, '.js-checkout-coupon-names'), { timeout: WAIT_MS }).toBe(T.claimOff.name);
    expect(await textOf(page, '.js-checkout-coupon-saving')).toBe('-¥10.00');
    const discountLine = page.locator('.js-breakdown-discount').first();
    expect(await discountLine.textContent()).toBe(`${T.claimOff.name}-¥10.00`);
    // What the server says this order costs with that coupon (59 - 10 + 10 shipping), shown as the payable.
    const address = (await apiCall<{ items: Array<{ id: number }> }>(api.base, 'GET', '/api/v1/addresses', token)).items[0]!;
    const redM = product.skus.find((s) => s.specs.颜色 === '红' && s.specs.尺码 === 'M')!;
    const claimOffCoupon = (
      await apiCall<{ items: Array<{ id: number; templateId: number }> }>(api.base, 'GET', '/api/v1/coupons', token)
    ).items.find((c) => c.templateId === T.claimOff.id)!;
    const server = await memberWrite<{ payableFen: number; discountFen: number }>(api.base, token, 'POST', '/api/v1/checkout/preview', {
      items: [{ skuId: redM.id, quantity: 1 }],
      addressId: address.id,
      couponIds: [claimOffCoupon.id],
    });
    expect(server.discountFen).toBe(1000);
    expect(await textOf(page, '.js-checkout-payable')).toBe(formatYuan(server.payableFen));
    expect(await textOf(page, '.js-checkout-discount')).toBe('已优惠 ¥10.00');

    await page.locator('.js-checkout-coupon').first().click();
    const chooser = page.locator('.js-coupon-chooser').first();
    await chooser.waitFor({ timeout: WAIT_MS });
    expect(await chooser.locator('.js-chooser-chosen .js-coupon-name').allTextContents()).toEqual([T.claimOff.name]);
    expect(await textOf(page, '.js-chooser-summary')).toBe('已选 1 张，共抵扣 ¥10.00');
    // The 9折 coupon cannot be used on ¥59: greyed, with the server's reason.
    expect(await chooser.locator('.js-chooser-unusable', { hasText: T.expiring.name }).locator('.js-coupon-unusable-reason').textContent()).toBe(
      '满 ¥100.00 可用',
    );
    // Tapping the code's coupon: the two do not stack, so one tap switches to it (no refusal, nothing kept twice).
    await chooser.locator('.js-chooser-usable', { hasText: T.codeOff.name }).click();
    await expect.poll(() => chooser.locator('.js-chooser-chosen .js-coupon-name').allTextContents(), { timeout: WAIT_MS }).toEqual([T.codeOff.name]);
    expect(await textOf(page, '.js-chooser-summary')).toBe('已选 1 张，共抵扣 ¥5.00');
    expect(await chooser.locator('.js-coupon-refusal').count()).toBe(0);
    // And one tap switches back.
    await chooser.locator('.js-chooser-usable', { hasText: T.claimOff.name }).click();
    await expect.poll(() => chooser.locator('.js-chooser-chosen .js-coupon-name').allTextContents(), { timeout: WAIT_MS }).toEqual([T.claimOff.name]);
    await shoot(page, 'checkout-coupon-chooser');
    // None, then the 5-yuan one alone, then back to the best.
    await chooser.locator('.js-coupon-none').click();
    await expect.poll(() => textOf(page, '.js-chooser-summary'), { timeout: WAIT_MS }).toBe('未使用优惠券');
    await chooser.locator('.js-chooser-usable', { hasText: T.codeOff.name }).click();
    await expect.poll(() => textOf(page, '.js-chooser-summary'), { timeout: WAIT_MS }).toBe('已选 1 张，共抵扣 ¥5.00');
    await chooser.locator('.js-chooser-usable', { hasText: T.codeOff.name }).click();
    await expect.poll(() => textOf(page, '.js-chooser-summary'), { timeout: WAIT_MS }).toBe('未使用优惠券');
    await chooser.locator('.js-chooser-usable', { hasText: T.claimOff.name }).click();
    await expect.poll(() => textOf(page, '.js-chooser-summary'), { timeout: WAIT_MS }).toBe('已选 1 张，共抵扣 ¥10.00');
    await page.locator('.js-chooser-confirm').first().click();
    await chooser.waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(await textOf(page, '.js-checkout-coupon-saving')).toBe('-¥10.00');
    await shoot(page, 'checkout-with-coupon');

    // -- pay on the simulator page: the discounted amount; the coupon is then used --------------------------------
    const paidOrderId = await submitAndPay(page);
    expect(await page.locator('.js-breakdown-discount').first().textContent()).toBe(`${T.claimOff.name}-¥10.00`);
    const paidOrder = await apiCall<{ payableFen: number; discountFen: number; status: string }>(
      api.base,
      'GET',
      `/api/v1/orders/${paidOrderId}`,
      token,
    );
    expect(paidOrder).toMatchObject({ status: 'paid', payableFen: server.payableFen, discountFen: 1000 });

    await page.goto(`${api.base}/#/package-coupon/pages/mine/index?tab=used`);
    await card(page, '.js-my-coupon', T.claimOff.name).waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, `.js-my-coupon:has-text("${T.claimOff.name}") .js-coupon-stamp`)).toBe('已使用');
    await page.locator('.js-coupons-tab-usable').first().click();
    await card(page, '.js-my-coupon', T.codeOff.name).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-my-coupon', { hasText: T.claimOff.name }).count()).toBe(0);

    // -- another order with the code's coupon: held while unpaid, back under 可使用 once cancelled ----------------------
    await buyNow(page);
    await expect.poll(() => textOf(page, '.js-checkout-coupon-names'), { timeout: WAIT_MS }).toBe(T.codeOff.name);
    expect(await textOf(page, '.js-checkout-coupon-saving')).toBe('-¥5.00');
    await page.locator('.js-checkout-submit').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    const returnUrl = new URL(page.url()).searchParams.get('returnUrl') ?? '';
    const heldOrderId = Number(/[?&]id=(\d+)/.exec(returnUrl)?.[1]);
    expect(heldOrderId).toBeGreaterThan(paidOrderId);

    await page.goto(`${api.base}/#/package-coupon/pages/mine/index`);
    await card(page, '.js-my-coupon', T.codeOff.name).waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, `.js-my-coupon:has-text("${T.codeOff.name}") .js-coupon-badge`)).toBe('待支付订单占用中');

    await page.goto(`${api.base}/#/package-order/pages/detail/index?id=${heldOrderId}`);
    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('待付款');
    await page.locator('.js-order-cancel').first().click();
    // Why (an action sheet of reasons), then the confirmation.
    await page.locator('.taro-actionsheet__cell', { hasText: '不想买了' }).first().click();
    await page.locator('.taro-model__confirm').first().click();
    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('已取消');

    await page.goto(`${api.base}/#/package-coupon/pages/mine/index?tab=usable`);
    await card(page, '.js-my-coupon', T.codeOff.name).waitFor({ timeout: WAIT_MS });
    await expect.poll(() => page.locator(`.js-my-coupon:has-text("${T.codeOff.name}") .js-coupon-badge`).count(), { timeout: WAIT_MS }).toBe(0);
    const back = await apiCall<{ items: Array<{ templateId: number; status: string; orderId: number | null }> }>(
      api.base,
      'GET',
      '/api/v1/coupons?status=usable',
      token,
    );
    expect(back.items.find((c) => c.templateId === T.codeOff.id)).toMatchObject({ status: 'available', orderId: null });

    // The member page counts the usable coupons (the 9折 one and the code's).
    await page.goto(`${api.base}/#/pages/member/index`);
    await expect.poll(() => textOf(page, '.js-coupons-count'), { timeout: WAIT_MS }).toBe('2');
    await shoot(page, 'member');
    expect(errors).toEqual([]);
  }, 240_000);
});
