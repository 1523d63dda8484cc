/**
 * 行为分析 in the merchant console, in headless Chromium against the real API (seeded SQLite, the built console at
 * /admin): a member's tracked events, rolled up by the owner's 更新汇总, show in the traffic chart and the funnel; a
 * viewer reads every report, without the button that runs the rollup; each report exports as CSV. Screenshots at
 * 1440 and 1280 wide go to the folder the test prints.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import { type ConsoleBrowser, consoleSuite, screenshot, signedIn, WAIT_MS } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('analytics', (browser) => ({ api, page, errors } = browser));

const REPORTS = ['analytics-traffic', 'analytics-funnel', 'analytics-buyers', 'analytics-cohorts', 'analytics-products', 'analytics-engagement'];

describe('行为分析', () => {
  it('shows the rolled-up events to the owner, and every report to a viewer, each exported as CSV', async () => {
    const m = await memberWithAddress(api.base, `analytics-e2e-${Date.now()}`);
    const at = new Date().toISOString();
    const event = (kind: string, extra: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      kind,
      at,
      sessionId: 'e2e',
      platform: 'weapp',
      ...extra,
    });
    await apiCall(api.base, 'POST', '/api/v1/events', m.token, {
      events: [event('page_view', { channel: 'poster' }), event('page_view'), event('search', { detail: '茶' }), event('coupon_claim')],
    });

    await signedIn(page, api.base, 'owner', '/analytics');
    await page.getByTestId('analytics-refresh').click();
    await expect.poll(() => page.getByTestId('analytics-traffic').textContent(), { timeout: WAIT_MS }).toContain('poster');
    for (const id of ['chart-traffic', 'chart-funnel', 'chart-engagement', 'chart-buyers']) {
      await page.locator(`[data-testid="${id}"][data-chart-drawn="true"]`).waitFor({ timeout: WAIT_MS });
    }
    await screenshot(page, 'analytics-owner-1440.png', { fullPage: true });

    await signedIn(page, api.base, 'viewer', '/analytics');
    for (const id of REPORTS) await page.getByTestId(id).waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('analytics-refresh').count()).toBe(0);
    // The CSV is made in the page as a Blob: read what the export hands the browser to save.
    await page.evaluate(() => {
      const made = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((text) => Object.assign(window, { savedCsv: text }));
        return made(blob);
      };
    });
    await page.getByTestId('analytics-traffic-csv').click();
    const csv = await page.waitForFunction(() => (window as unknown as { savedCsv?: string }).savedCsv).then((h) => h.jsonValue() as Promise<string>);
    // Blob.text() reads past the BOM the file starts with.
    expect(csv.split('\r\n')[0]).toBe('日期,平台,渠道,访客,访问次数,浏览量');
    expect(csv).toContain(',weapp,poster,');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-testid="chart-traffic"][data-chart-drawn="true"]').waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'analytics-viewer-1280.png', { fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(errors).toEqual([]);
  });
});
