/**
 * The storefront as a new shopper sees it in a phone-sized browser (decision 018), at 390 × 844 and at 320 × 568: the
 * search field has room and finds every tea, headings stand on their own line, a sold-out product says so on a
 * disabled button, links to things that are gone get a not-found page with a way home, the cart bar spans the screen
 * at the bottom with its labels on one line, tap targets are at least 44 px, nothing wraps one character per line,
 * nothing is wider than the screen, and an off-shelf cart line does not stop the rest from being bought.
 * Screenshots of each page go to packages/miniapp/test-output/h5-storefront/.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createMemberOrder, memberWrite, simulatorPay, testOutputDir, type RunningApi } from './api-server.js';
import { box, expectTapTarget, layoutFaults, linesOf, memberToken, WAIT_MS, screenSettled } from './h5-page.js';
import { browserSuite, openFresh, PHONE_VIEWPORTS, phoneContext, paymentsStarted } from './h5-suite.js';

const SHOTS = testOutputDir('h5-storefront');

let api: RunningApi;
let browser: Browser;
let owner: string;
let longjingId: number;
let soldOutId: number;
let offShelfSkuId: number;
let offShelfProductId: number;
let keptSkuId: number;

browserSuite({}, async (suite) => {
  ({ api, browser, owner } = suite);
  const teas = await apiCall<{ items: { id: number; title: string }[] }>(api.base, 'GET', '/api/v1/products?keyword=%E9%BE%99%E4%BA%95', null);
  longjingId = teas.items[0]!.id;
  let n = 0;
  const make = async (title: string, stock: number) => {
    const p = await apiCall<{ id: number; skus: { id: number }[] }>(api.base, 'POST', '/api/v1/merchant/products', owner, {
      title,
      subtitle: '布局测试',
      skus: [{ code: `LAYOUT-${++n}-${Date.now() % 1e6}`, specs: {}, priceFen: 1290, stock }],
    });
    await apiCall(api.base, 'POST', `/api/v1/merchant/products/${p.id}/shelve`, owner);
    return p;
  };
  soldOutId = (await make('售罄测试茶包', 0)).id;
  const offShelf = await make('即将下架的茶点', 10);
  offShelfProductId = offShelf.id;
  offShelfSkuId = offShelf.skus[0]!.id;
  keptSkuId = (await make('一直在售的茶点', 10)).skus[0]!.id;
});

describe.each(PHONE_VIEWPORTS)('H5 storefront at $width × $height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${viewport.width}-${name}.png`), fullPage: false });
  const open = (hash: string, ready: string) => openFresh(page, `${api.base}/#${hash}`, ready);

  beforeAll(async () => {
    context = await phoneContext(browser, viewport);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('home: no sideways overflow, no one-character lines', async () => {
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-notice-bar').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page);
    await shot('home');
    expect(await layoutFaults(page)).toEqual([]);
    for (const sel of ['.js-product-price']) expect(await linesOf(page, sel), sel).toBe(1);
  });

  it('search: the field has room, and 茶 finds every tea, best matches first', async () => {
    await open('/package-product/pages/search/index', '.js-search-input');
    // The merchant's hot words (seeded) wait under the field.
    expect(await page.locator('.js-search-hot-word').allTextContents()).toEqual(['龙井', '红茶', '坚果', '盖碗']);
    const input = await box(page, '.js-search-input');
    expect(input.width).toBeGreaterThan(viewport.width * 0.5);
    await page.locator('.js-search-input input').first().fill('茶');
    await page.locator('.js-search-submit').first().click();
    await page.locator('.js-search-summary').first().waitFor({ timeout: WAIT_MS });
    const titles = await page.locator('.js-product-title').allTextContents();
    for (const tea of ['明前西湖龙井', '洞庭碧螺春', '正山小种红茶', '安溪铁观音', '汝窑天青盖碗']) expect(titles).toContain(tea);
    expect(titles[0]).toBe('正山小种红茶'); // 茶 in its title
    const typed = await box(page, '.js-search-input input');
    expect(typed.width).toBeGreaterThan(100);
    await shot('search');
    expect(await layoutFaults(page)).toEqual([]);
    // Sorted by price, low to high, then high to low.
    await page.locator('.js-search-sort-price').first().click();
    await expect.poll(() => page.locator('.js-product-title').first().textContent(), { timeout: WAIT_MS }).not.toBe('正山小种红茶');
    // The search is remembered on this device: home, then the search entry again.
    await open('/pages/index/index', '.js-search-entry');
    await page.locator('.js-search-entry').first().click();
    await page.locator('.js-search-history-word:visible').first().waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-search-history-word:visible').allTextContents()).toContain('茶');
  });

  it('search filters: category chips and a checked price range in a sheet, shown as active filters, kept in the address', async () => {
    await open(`/package-product/pages/search/index?keyword=${encodeURIComponent('茶')}`, '.js-search-summary');
    expect(await page.locator('.js-search-input input').first().inputValue()).toBe('茶');
    const all = await page.locator('.js-product-title').allTextContents();
    expect(all.length).toBeGreaterThanOrEqual(5);
    await page.locator('.js-search-filter-open').first().click();
    await page.locator('.js-search-filter-sheet').first().waitFor();
    await page
      .locator('.js-search-filter-category', { hasText: /^绿茶$/ })
      .first()
      .click();
    // A lowest price above the highest is refused beside the field, and nothing changes behind the sheet.
    await page.locator('.js-search-filter-min input').first().fill('200');
    await page.locator('.js-search-filter-max input').first().fill('100');
    await page.locator('.js-search-filter-apply').first().click();
    expect(await page.locator('.js-search-filter-error').first().textContent()).toBe('最高价不能低于最低价');
    await page.locator('.js-search-filter-min input').first().fill('1.234');
    await page.locator('.js-search-filter-apply').first().click();
    expect(await page.locator('.js-search-filter-error').first().textContent()).toBe('请输入金额，最多两位小数');
    await page.locator('.js-search-filter-min input').first().fill('100');
    await page.locator('.js-search-filter-max input').first().fill('150');
    await shot('search-filter-sheet');
    expect(await layoutFaults(page)).toEqual([]);
    for (const sel of [
      '.js-search-filter-category',
      '.js-search-filter-min',
      '.js-search-filter-apply',
      '.js-search-filter-reset',
      '.js-sheet-close',
    ])
      await expectTapTarget(page, sel);
    await page.locator('.js-search-filter-apply').first().click();
    // 绿茶 from ¥100 to ¥150: 碧螺春 (¥128) only; 龙井 starts at ¥168.
    await expect.poll(() => page.locator('.js-product-title').allTextContents(), { timeout: WAIT_MS }).toEqual(['洞庭碧螺春']);
    expect(await page.locator('.js-search-active-category').first().textContent()).toBe('绿茶');
    expect(await page.locator('.js-search-active-price').first().textContent()).toBe('¥100-¥150');
    await shot('search-filtered');
    expect(await layoutFaults(page)).toEqual([]);
    await expectTapTarget(page, '.js-search-filter-open');
    await expectTapTarget(page, '.js-search-filter-clear');
    // The address holds the search: a reload shows the same.
    expect(page.url()).toMatch(/categoryId=\d+/);
    expect(page.url()).toContain('min=10000');
    expect(page.url()).toContain('max=15000');
    await page.reload();
    await page.locator('.js-search-active-price').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => page.locator('.js-product-title').allTextContents(), { timeout: WAIT_MS }).toEqual(['洞庭碧螺春']);
    // Sorting keeps the filter; 清除筛选 drops it and the address with it.
    await page.locator('.js-search-sort-price').first().click();
    await expect.poll(() => page.url()).toContain('sort=price_asc');
    await page.locator('.js-search-filter-clear').first().click();
    await expect.poll(() => page.locator('.js-product-title').count(), { timeout: WAIT_MS }).toBe(all.length);
    expect(page.url()).not.toContain('min=');
    expect(await page.locator('.js-search-active-filters').count()).toBe(0);
  });

  it('lists on a slow network show skeleton cards, not a bare 加载中…', async () => {
    const slow = async (route: import('playwright-core').Route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue().catch(() => undefined);
    };
    for (const [hash, pattern, name] of [
      ['/package-order/pages/list/index', '**/api/v1/orders?**', 'orders-skeleton'],
      ['/package-points/pages/mall/index', '**/api/v1/points-mall/items?**', 'mall-skeleton'],
      ['/package-points/pages/history/index', '**/api/v1/points/**', 'points-skeleton'],
    ] as const) {
      await page.route(pattern, slow);
      try {
        await page.goto(`${api.base}/#${hash}`);
        await page.reload();
        await page.locator('.js-list-skeleton').first().waitFor({ timeout: WAIT_MS });
        expect(await page.locator('.taro_page:not([style*="display: none"]) .state-line', { hasText: '加载中' }).count(), name).toBe(0);
        await shot(name);
        expect(await layoutFaults(page)).toEqual([]);
      } finally {
        await page.unroute(pattern, slow);
      }
    }
  });

  it('product by direct link: headings stand on their own line', async () => {
    await open(`/package-product/pages/detail/index?id=${longjingId}`, '.js-detail-description');
    const heading = await box(page, '.js-description-heading');
    const text = await box(page, '.js-detail-description');
    expect(heading.y + heading.height).toBeLessThanOrEqual(text.y + 1);
    await expectTapTarget(page, '.js-qty-plus');
    await shot('product');
    expect(await layoutFaults(page)).toEqual([]);
  });

  it('生成海报 draws the share poster (image, title, price, shop, the path with a share id and its code) in a sheet, and saves it', async () => {
    await open(`/package-product/pages/detail/index?id=${longjingId}`, '.js-poster-open');
    await expectTapTarget(page, '.js-poster-open');
    await page.locator('.js-poster-open').first().click();
    await page.locator('.js-poster-image').first().waitFor({ timeout: WAIT_MS });
    const poster = await page
      .locator('.js-poster-image img')
      .first()
      .evaluate((img: HTMLImageElement) => ({ src: img.src.slice(0, 22), width: img.naturalWidth, height: img.naturalHeight }));
    expect(poster.src).toBe('data:image/png;base64,');
    expect(poster.height / poster.width).toBeCloseTo(460 / 300, 1);
    // The product's image is on it (its pixels are the art's, not the grey placeholder's), read back from the poster.
    const topColour = await page
      .locator('.js-poster-image img')
      .first()
      .evaluate((img: HTMLImageElement) => {
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const w = img.naturalWidth;
        const [r, g, b] = ctx.getImageData(Math.round(w / 2), Math.round(w * 0.6), 1, 1).data;
        return [r, g, b];
      });
    expect(topColour).not.toEqual([240, 240, 243]);
    await screenSettled(page); // the page's slide-in done
    // The way in carries a share id the server issued to this member (decision 034); the poster draws its code.
    const link = (await page.locator('.js-poster-link').first().textContent()) ?? '';
    const shareId = new RegExp(`^${api.base}/#/package-product/pages/detail/index\\?id=${longjingId}&s=([0-9A-Za-z]{10})$`).exec(link)?.[1];
    expect(shareId, link).toBeTruthy();
    const code = await apiCall<{ image: string }>(api.base, 'GET', `/api/v1/shares/${shareId}/code`, await memberToken(page));
    expect(code.image.startsWith('data:image/png;base64,')).toBe(true);
    await shot('poster-sheet');
    expect(await layoutFaults(page)).toEqual([]);
    await expectTapTarget(page, '.js-poster-save');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.js-poster-save').first().click()]);
    expect(download.suggestedFilename()).toBe('poster.png');
    await page.locator('.js-poster-sheet .js-sheet-close').first().click();
    await page.locator('.js-detail-title').first().waitFor({ timeout: WAIT_MS });
  });

  it('check-in: the calendar arrows are 44 px to tap', async () => {
    await open('/package-check-in/pages/check-in/index', '.js-calendar-prev');
    await expectTapTarget(page, '.js-calendar-prev');
    await expectTapTarget(page, '.js-calendar-next');
    await shot('check-in');
    expect(await layoutFaults(page)).toEqual([]);
  });

  it('a sold-out product says 已售罄 on a disabled button', async () => {
    await open(`/package-product/pages/detail/index?id=${soldOutId}`, '.js-detail-title');
    const button = page.locator('.js-sold-out').first();
    await button.waitFor({ timeout: WAIT_MS });
    expect((await button.textContent())?.trim()).toBe('已售罄');
    expect(await button.evaluate((el) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false')).toBe(true);
    expect(await page.locator('.js-add-to-cart').count()).toBe(0);
    await shot('sold-out');
  });

  it('links to a missing product or order get a not-found page with a way home', async () => {
    await open('/package-product/pages/detail/index?id=999999', '.js-not-found');
    await shot('product-not-found');
    await open('/package-order/pages/detail/index?id=999999', '.js-not-found');
    expect(await page.locator('.js-not-found').first().textContent()).not.toContain('还没有相关订单');
    await expectTapTarget(page, '.js-not-found-home');
    await shot('order-not-found');
    await page.locator('.js-not-found-home').first().click();
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
  });

  it('cart: the bar spans the bottom, labels stay on one line, targets are 44 px, and an off-shelf line does not block the rest', async () => {
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    const token = await memberToken(page);
    await apiCall(api.base, 'POST', `/api/v1/merchant/products/${offShelfProductId}/shelve`, owner).catch(() => undefined);
    await memberWrite(api.base, token, 'POST', '/api/v1/cart/lines', { skuId: offShelfSkuId, quantity: 1 });
    await memberWrite(api.base, token, 'POST', '/api/v1/cart/lines', { skuId: keptSkuId, quantity: 1 });
    await apiCall(api.base, 'POST', `/api/v1/merchant/products/${offShelfProductId}/unshelve`, owner);

    await open('/pages/cart/index', '.js-cart-line');
    await page.locator('.js-cart-line-stale').first().waitFor({ timeout: WAIT_MS });
    await shot('cart');
    const bar = await box(page, '.cart-bar');
    expect(Math.round(bar.width)).toBe(viewport.width);
    const tabBar = await page.locator('.weui-tabbar').first().boundingBox();
    const bottom = tabBar ? tabBar.y : viewport.height;
    expect(bar.y + bar.height).toBeGreaterThanOrEqual(bottom - 2);
    expect(await linesOf(page, '.cart-select-all-label')).toBe(1);
    expect(await page.locator('.js-free-shipping-hint').first().textContent()).toContain('还差 ¥86.10 包邮');
    expect(await linesOf(page, '.js-cart-total-label')).toBe(1);
    for (const sel of ['.js-cart-select', '.js-cart-remove', '.js-qty-plus', '.js-qty-minus', '.js-cart-select-all'])
      await expectTapTarget(page, sel);
    expect(await layoutFaults(page)).toEqual([]);

    await page.locator('.js-cart-checkout').first().click();
    await page.locator('.js-checkout-line').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // the page's slide-in animation
    expect(await page.locator('.js-checkout-line').count()).toBe(1);
    expect(await page.locator('.js-checkout-problem').count()).toBe(0);
    await shot('checkout');
    expect(await layoutFaults(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('H5 storefront at 390 × 844: orders, refunds, payment and a slow or absent server', () => {
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `390-${name}.png`) });
  const open = (hash: string, ready: string) => openFresh(page, `${api.base}/#${hash}`, ready);
  const paidOrder = async (quantity: number) => {
    const order = await createMemberOrder(api.base, token, keptSkuId, quantity);
    await memberWrite(api.base, token, 'POST', `/api/v1/orders/${order.id}/pay`, {});
    await simulatorPay(api.base, 'weapp', order.orderNo);
    return apiCall<{ id: number; status: string; lines: { id: number; title: string }[] }>(api.base, 'GET', `/api/v1/orders/${order.id}`, token);
  };

  beforeAll(async () => {
    context = await phoneContext(browser);
    page = await context.newPage();
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    token = await memberToken(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the cart stepper answers at once on a slow network, takes every tap, and ends where the shopper left it', async () => {
    await memberWrite(api.base, token, 'POST', '/api/v1/cart/lines', { skuId: keptSkuId, quantity: 1 });
    await open('/pages/cart/index', '.js-cart-line');
    await page.route('**/api/v1/cart/lines/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    const line = page.locator('.js-cart-line', { hasText: '一直在售的茶点' }).first();
    const before = Number(await line.locator('.js-qty-value').textContent());
    await line.locator('.js-qty-plus').click();
    await line.locator('.js-qty-plus').click();
    expect(Number(await line.locator('.js-qty-value').textContent())).toBe(before + 2);
    await expect
      .poll(
        async () =>
          (await apiCall<{ lines: { skuId: number; quantity: number }[] }>(api.base, 'GET', '/api/v1/cart', token)).lines.find(
            (l) => l.skuId === keptSkuId,
          )?.quantity,
        {
          timeout: WAIT_MS,
        },
      )
      .toBe(before + 2);
    await page.unroute('**/api/v1/cart/lines/**');
  });

  it('the 退款 tab lists a partly refunded order; the refund form shows the amount first; the record names its items', async () => {
    const partial = await paidOrder(3);
    await memberWrite(api.base, token, 'POST', `/api/v1/orders/${partial.id}/refunds`, {
      reason: '少了一件',
      lines: [{ orderLineId: partial.lines[0]!.id, quantity: 1 }],
    });
    await open('/package-order/pages/list/index?tab=refunded', '.js-order-card');
    expect(await page.locator('.js-order-card').count()).toBe(1);
    await shot('orders-refund-tab');

    await open(`/package-order/pages/detail/index?id=${partial.id}`, '.js-refund-item');
    expect(await page.locator('.js-refund-covers').first().textContent()).toContain('一直在售的茶点 ×1');
    await shot('order-refund-record');

    await open(`/package-order/pages/refund/index?id=${partial.id}`, '.js-refund-whole');
    await page.locator('.js-refund-amount').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-refund-lines').first().click();
    await expectTapTarget(page, '.js-refund-line-check');
    // The row picks the line, not only its checkbox: the 2 units left are everything left, so shipping comes too.
    await page.locator('.js-refund-line .line-title').first().click();
    await expect.poll(() => page.locator('.js-refund-amount').first().textContent(), { timeout: WAIT_MS }).toContain('35.80');
    await page.locator('.js-refund-line .js-qty-minus').first().click();
    await expect.poll(() => page.locator('.js-refund-amount').first().textContent(), { timeout: WAIT_MS }).toContain('12.90');
    await shot('refund-form');
  });

  it('Back from the H5 payment page returns to the order without starting the payment again', async () => {
    const order = await createMemberOrder(api.base, token, keptSkuId, 1);
    await page.goto(`${api.base}/#/package-order/pages/detail/index?id=${order.id}&autopay=1`);
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    const started = paymentsStarted(page);
    await page.goBack();
    await page.locator('.js-order-pay').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page);
    expect(started).toEqual([]);
    expect(page.url()).not.toContain('/__sim/pay-page');
    expect(page.url()).not.toContain('autopay=1');
    // The payment window counts down, live.
    const first = await page.locator('.js-pay-countdown').first().textContent();
    await expect
      .poll(() => page.locator('.js-pay-countdown').first().textContent(), { timeout: WAIT_MS, message: 'waiting for the countdown to tick' })
      .not.toBe(first);
    expect(first).toMatch(/剩余 \d\d:\d\d/);
    await shot('order-after-back');

    // 再次购买 on a paid order puts its lines back in the cart and opens it.
    const paid = await paidOrder(1);
    await open(`/package-order/pages/detail/index?id=${paid.id}`, '.js-order-buy-again');
    await page.locator('.js-order-buy-again').first().click();
    await page.locator('.js-cart-line', { hasText: '一直在售的茶点' }).first().waitFor({ timeout: WAIT_MS });
  });

  it('with the server down, a tab tap says so', async () => {
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    await page.route(`${api.base}/**`, (route) => route.abort('connectionrefused'));
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).first().click();
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.taro__toast')]
              .map((el) => (el.style.display === 'none' ? '' : (el.textContent ?? '')))
              .join(''),
          ),
        {
          timeout: WAIT_MS,
        },
      )
      .toContain('网络不太顺畅');
    await shot('server-down');
    await page.unroute(`${api.base}/**`);
  });
});

describe('H5 storefront at 390 × 844: a server that goes away and comes back, images that fail, the cart badge', () => {
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `390-${name}.png`) });
  /** Which tab the tab bar highlights (its label), or '' when none is. */
  const highlightedTab = () =>
    page.evaluate(() => document.querySelector('.weui-tabbar__item.weui-bar__item_on .weui-tabbar__label')?.textContent?.trim() ?? '');
  /** The cart tab's badge text, '' when it has none. */
  const cartBadge = () =>
    page.evaluate(() => {
      const cartTab = [...document.querySelectorAll('.weui-tabbar__item')].find((el) => el.textContent?.includes('购物车'));
      return cartTab?.querySelector<HTMLElement>('.taro-tabbar-badge')?.textContent?.trim() ?? '';
    });
  const toastText = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.taro__toast')].map((el) => (el.style.display === 'none' ? '' : (el.textContent ?? ''))).join(''),
    );
  /** Images on screen that the browser shows broken (failed to load and still visible). */
  const brokenImages = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('img')]
        .filter((img) => {
          if (!img.complete || img.naturalWidth > 0 || !img.getAttribute('src')) return false;
          const r = img.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(img).visibility !== 'hidden' && !img.closest('.weui-tabbar');
        })
        .map((img) => img.getAttribute('src')),
    );

  beforeAll(async () => {
    context = await phoneContext(browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a tab tapped with the server down leaves the highlight on the page still shown', async () => {
    await page.goto(`${api.base}/`);
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    expect(await highlightedTab()).toBe('首页');
    await page.route(`${api.base}/**`, (route) => route.abort('connectionrefused'));
    try {
      await page.locator('.weui-tabbar__item', { hasText: '分类' }).first().click();
      await expect.poll(toastText, { timeout: WAIT_MS }).toContain('网络不太顺畅');
      await screenSettled(page); // a tab switch would have happened by now
      expect(await highlightedTab()).toBe('首页');
      expect(await page.locator('.js-product-card').first().isVisible()).toBe(true);
      await shot('server-down-tab');
    } finally {
      await page.unroute(`${api.base}/**`);
    }
    // Back up: the same tap opens the page, highlighted.
    await page.locator('.weui-tabbar__item', { hasText: '分类' }).first().click();
    await expect.poll(highlightedTab, { timeout: WAIT_MS }).toBe('分类');
  });

  it('重试 on home after the API comes back loads the category row and the check-in card too', async () => {
    const fresh = await phoneContext(browser);
    const p = await fresh.newPage();
    try {
      // The page's own files load; every API call fails, as with the API process stopped.
      await p.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
      await p.goto(`${api.base}/`);
      await p.locator('.js-load-retry').first().waitFor({ timeout: WAIT_MS });
      expect(await p.locator('.js-home-category').count()).toBe(0);
      await p.unroute('**/api/v1/**');
      await p.screenshot({ path: path.join(SHOTS, '390-home-server-down.png') });
      await p.locator('.js-load-retry').first().click();
      await p.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
      await expect.poll(() => p.locator('.js-home-category').count(), { timeout: WAIT_MS }).toBe(3);
      // The check-in card says what today's check-in gives (it said only the generic hint while the server was away).
      await expect.poll(() => p.locator('.js-home-checkin-entry').first().textContent(), { timeout: WAIT_MS }).toMatch(/签到|积分/);
      await expect.poll(() => p.locator('.js-home-checkin-entry .muted').first().textContent(), { timeout: WAIT_MS }).toMatch(/\d/);
      await expect.poll(() => p.locator('.js-points-balance').count(), { timeout: WAIT_MS }).toBe(1);
      await p.screenshot({ path: path.join(SHOTS, '390-home-after-retry.png') });
    } finally {
      await fresh.close();
    }
  });

  it('an image that fails to load shows the placeholder on home, product, cart and orders', async () => {
    await page.route('**/uploads/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
    try {
      await imagesFail();
    } finally {
      await page.unroute('**/uploads/**');
    }
  });
  async function imagesFail() {
    await page.goto(`${api.base}/`);
    await page.reload();
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // every image loaded or failed
    expect(await brokenImages(), 'home').toEqual([]);
    expect(await page.locator('.js-product-card .js-image-placeholder').first().isVisible()).toBe(true);
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${longjingId}`);
    await page.locator('.js-detail-title').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // every image loaded or failed
    expect(await brokenImages(), 'product').toEqual([]);
    expect(await page.locator('.js-product-gallery .js-image-placeholder').first().isVisible()).toBe(true);
    await shot('image-failed-product');
    const token = await memberToken(page);
    await memberWrite(api.base, token, 'POST', '/api/v1/cart/lines', { skuId: keptSkuId, quantity: 1 });
    const longjing = await apiCall<{ skus: { id: number }[] }>(api.base, 'GET', `/api/v1/products/${longjingId}`, null);
    await memberWrite(api.base, token, 'POST', '/api/v1/cart/lines', { skuId: longjing.skus[0]!.id, quantity: 1 });
    await page.goto(`${api.base}/#/pages/cart/index`);
    await page.reload();
    await page.locator('.js-cart-line').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // every image loaded or failed
    expect(await brokenImages(), 'cart').toEqual([]);
    await createMemberOrder(api.base, token, longjing.skus[0]!.id, 1);
    await page.goto(`${api.base}/#/package-order/pages/list/index`);
    await page.reload();
    await page.locator('.js-order-card').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // every image loaded or failed
    expect(await brokenImages(), 'orders').toEqual([]);
  }

  it('the cart tab badge shows the units in the cart and follows an add-to-cart', async () => {
    const token = await memberToken(page);
    const units = async () =>
      (await apiCall<{ lines: { quantity: number }[] }>(api.base, 'GET', '/api/v1/cart', token)).lines.reduce((n, l) => n + l.quantity, 0);
    await page.goto(`${api.base}/`);
    await page.reload();
    await page.locator('.js-product-card').first().waitFor({ timeout: WAIT_MS });
    const before = await units();
    expect(before).toBeGreaterThan(0);
    await expect.poll(cartBadge, { timeout: WAIT_MS }).toBe(String(before));
    // Add one from a product page (not a tab page), then back on a tab the badge has moved on.
    const kept = await apiCall<{ items: { id: number }[] }>(
      api.base,
      'GET',
      `/api/v1/products?keyword=${encodeURIComponent('一直在售的茶点')}`,
      null,
    );
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${kept.items[0]!.id}`);
    await page.locator('.js-add-to-cart').first().waitFor({ timeout: WAIT_MS });
    await page.locator('.js-add-to-cart').first().click();
    await expect.poll(units, { timeout: WAIT_MS }).toBe(before + 1);
    await page.locator('.js-cart-entry').first().click();
    await page.locator('.js-cart-line').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(cartBadge, { timeout: WAIT_MS }).toBe(String(before + 1));
    await page.locator('.weui-tabbar__item', { hasText: '首页' }).first().click();
    await expect.poll(cartBadge, { timeout: WAIT_MS }).toBe(String(before + 1));
    await shot('cart-badge');
  });
});
