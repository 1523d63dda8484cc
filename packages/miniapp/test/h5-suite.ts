/**
 * The set-up the phone-sized H5 test files share (the real API, seeded; the merchant's staff token; a test product;
 * a 390 × 844 Chromium whose page logs in silently), and the shopper's flows several of them go through: buying the
 * test product now, and paying an order on the simulator's payment page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSpecProduct, type RunningApi, staffToken, startApi } from './api-server.js';
import { launchBrowser, launchPhone, requireH5Build, screenSettled, textOf, WAIT_MS } from './h5-page.js';

/** The test product createSpecProduct makes: 颜色 红 / 蓝 × 尺码 M / L, 红 / M at ¥59.00. */
export type SpecProduct = Awaited<ReturnType<typeof createSpecProduct>>;

/** What the API side of a suite gives its tests. */
export interface ApiSuite {
  api: RunningApi;
  /** The seeded owner's staff token ('' without the seed). */
  owner: string;
  /** The test product, on shelf (only when a `product` title was given). */
  product: SpecProduct;
}

export interface PhoneSuite extends ApiSuite {
  /** The phone's browser context (a persistent profile: the silent login's session survives reloads). */
  context: BrowserContext;
}

export interface SuiteOptions {
  /** The API's demo seed (staff, catalog); on unless false. */
  seed?: boolean;
  /** The test hooks' movable clock and due jobs (TEST_HOOKS=1). */
  testHooks?: boolean;
  /** The title of a test product to make (createSpecProduct). */
  product?: string;
}

/**
 * Registers a test file's set-up and tear-down: before its tests, the API (seeded unless `seed: false`; with the test
 * hooks when `testHooks`), the owner's token, a test product titled `product`, then the browser `launch` opens; then
 * `ready` gets them (and may set up more through the API). After the tests, the browser and the API are closed.
 */
function registerSuite<B extends { close(): Promise<void> }>(
  options: SuiteOptions,
  launch: () => Promise<B>,
  ready: (suite: ApiSuite, browser: B) => void | Promise<void>,
): void {
  let browser: B | undefined;
  let api: RunningApi | undefined;
  beforeAll(async () => {
    requireH5Build();
    const seed = options.seed ?? true;
    api = await startApi({ seed, testHooks: options.testHooks });
    const owner = seed ? await staffToken(api.base) : '';
    const product = options.product ? await createSpecProduct(api.base, owner, options.product) : (undefined as unknown as SpecProduct);
    browser = await launch();
    await ready({ api, owner, product }, browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
}

/** A test file's API and a 390 × 844 phone (see registerSuite), for tests that play one shopper. */
export function phoneSuite(options: SuiteOptions, ready: (suite: PhoneSuite) => void | Promise<void>): void {
  registerSuite(options, launchPhone, (suite, phone) => ready({ ...suite, context: phone.context }));
}

/** A test file's API and a plain Chromium (see registerSuite), for tests that open contexts of their own (viewports). */
export function browserSuite(options: SuiteOptions, ready: (suite: ApiSuite & { browser: Browser }) => void | Promise<void>): void {
  registerSuite(options, launchBrowser, (suite, browser) => ready({ ...suite, browser }));
}

/** The phone sizes the layout tests run at: a common phone, and the narrowest still in use. */
export const PHONE_VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
];

/** A phone-like context of `browser` (touch, a 2× screen) at `viewport`. */
export const phoneContext = (browser: Browser, viewport = PHONE_VIEWPORTS[0]!) =>
  browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** Opens `url` afresh (a reload, so the page loads as on launch), waits for `ready` to show and the screen to be still. */
export async function openFresh(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.reload();
  await page.locator(ready).first().waitFor({ timeout: WAIT_MS });
  await screenSettled(page);
}

/**
 * Buys `quantity` of 红 / M (¥59.00 each) of the test product now: product page → SKU → quantity → 立即购买 → the
 * checkout, once its breakdown has loaded.
 */
export async function buySpecProduct(page: Page, base: string, productId: number, title: string, quantity = 1): Promise<void> {
  await page.goto(`${base}/#/package-product/pages/detail/index?id=${productId}`);
  await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS, message: 'waiting for the product page' }).toBe(title);
  const skuValue = (text: string) => page.locator('.js-sku-value', { hasText: new RegExp(`^${text}$`) }).first();
  await skuValue('红').click();
  await skuValue('M').click();
  await expect.poll(() => textOf(page, '.js-detail-price'), { timeout: WAIT_MS, message: 'waiting for the 红 / M price' }).toBe('¥59.00');
  for (let q = 1; q < quantity; q++) await page.locator('.js-qty-plus').first().click();
  await expect
    .poll(() => textOf(page, '.js-qty-value'), { timeout: WAIT_MS, message: `waiting for the quantity ${quantity}` })
    .toBe(String(quantity));
  await page.locator('.js-buy-now').first().click();
  await page.locator('.js-checkout-payable').first().waitFor({ timeout: WAIT_MS });
  await expect
    .poll(() => page.locator('.js-breakdown-line').count(), { timeout: WAIT_MS, message: 'waiting for the checkout breakdown' })
    .toBeGreaterThan(1);
}

/**
 * Submits the checkout and pays on the simulator's payment page (the amount there is the checkout's payable); the
 * payment lands on 支付成功, whose 查看订单 opens the order, 待发货. Returns the paid order's id.
 */
export async function submitAndPay(page: Page): Promise<number> {
  const payable = await textOf(page, '.js-checkout-payable');
  await page.locator('.js-checkout-submit').first().click();
  await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
  expect(await page.locator('#amount').textContent()).toBe(payable);
  await page.locator('#confirm', { hasText: '确认支付' }).click();
  await page.waitForURL(/package-order\/pages\/pay-success\/index\?id=\d+/, { timeout: WAIT_MS });
  await page.locator('.js-pay-success-order').first().click();
  await page.waitForURL(/package-order\/pages\/detail\/index\?id=\d+/, { timeout: WAIT_MS });
  await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS, message: 'waiting for the paid order: 待发货' }).toBe('待发货');
  return Number(/id=(\d+)/.exec(page.url())![1]);
}

/**
 * The payments the page starts from now on (POST …/pay of an order, or the simulator's payment page opened), for
 * checking that coming back to an order does not start one: read it once the page shown has settled.
 */
export function paymentsStarted(page: Page): string[] {
  const started: string[] = [];
  page.on('request', (r) => {
    if ((r.method() === 'POST' && /\/api\/v1\/orders\/\d+\/pay$/.test(r.url())) || r.url().includes('/__sim/pay-page')) started.push(r.url());
  });
  return started;
}
