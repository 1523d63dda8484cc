/**
 * The behaviour tracker in the H5 build (decision 042), in headless Chromium against the real API: with the events
 * endpoint cut off (route interception), the shopper browses the home page and a product; the events wait in storage;
 * with the network back and the app opened again they are stored, each once, with the visit's attribution; a product
 * view after that goes out when the page is hidden. Read back through the member's own /me/data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall } from './api-server.js';
import { memberToken, textOf, WAIT_MS } from './h5-page.js';
import { type PhoneSuite, phoneSuite } from './h5-suite.js';

let { api, context, product } = {} as PhoneSuite;
phoneSuite({ product: '追踪衬衫' }, (suite) => {
  ({ api, context, product } = suite);
});

const queued = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('siyu.events');
    const data = raw ? (JSON.parse(raw) as { data?: string }).data : undefined;
    return data ? (JSON.parse(data) as { kind: string; channel?: string }[]) : [];
  });
/** What the browser does when the shopper leaves the page: the page becomes hidden. */
const hidePage = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    window.dispatchEvent(new Event('visibilitychange'));
    document.dispatchEvent(new Event('visibilitychange'));
  });
const storedCounts = async (token: string) =>
  (await apiCall<{ data: { events: Record<string, number> } }>(api.base, 'GET', '/api/v1/me/data', token)).data.events;

describe('H5 behaviour events', () => {
  it('keeps events while the network is down, sends them when it is back, and flushes when the page is hidden', async () => {
    const page = await context.newPage();
    let refused = 0;
    await page.route('**/api/v1/events', (route) => {
      refused += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${api.base}/#/pages/index/index?channel=poster`);
    const token = await memberToken(page);
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
    await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe('追踪衬衫');
    await expect
      .poll(async () => (await queued(page)).map((e) => e.kind).sort(), { timeout: WAIT_MS })
      .toEqual(['page_view', 'page_view', 'product_view']);
    expect((await queued(page)).every((e) => e.channel === 'poster')).toBe(true);
    // Hidden while offline: the send fails, and the events stay queued.
    await hidePage(page);
    await expect.poll(() => refused, { timeout: WAIT_MS }).toBeGreaterThan(0);
    expect(await queued(page)).toHaveLength(3);
    expect(await storedCounts(token)).toEqual({});

    // Back online: opening the app again sends what waited, once.
    await page.unroute('**/api/v1/events');
    await page.goto(`${api.base}/#/pages/index/index`);
    await page.reload();
    await expect.poll(() => storedCounts(token), { timeout: WAIT_MS }).toMatchObject({ product_view: 1 });
    await expect.poll(async () => (await queued(page)).length, { timeout: WAIT_MS }).toBe(0);
    const counts = await storedCounts(token);
    expect(counts.page_view).toBeGreaterThanOrEqual(3);

    // A product view, then the page is hidden: it goes out without waiting for the timer.
    await page.goto(`${api.base}/#/package-product/pages/detail/index?id=${product.id}`);
    await expect.poll(() => textOf(page, '.js-detail-title'), { timeout: WAIT_MS }).toBe('追踪衬衫');
    await hidePage(page);
    await expect.poll(async () => (await storedCounts(token)).product_view, { timeout: WAIT_MS }).toBe(2);
  });
});
