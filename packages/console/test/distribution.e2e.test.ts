/**
 * 分销 in the console in headless Chromium against the real API (seeded SQLite): a member applies to distribute, the
 * owner approves them on 分销员 and sees the (empty) withdrawal queue, the ledger and the boards. Screenshots at
 * 1440 × 900 go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import { type ConsoleBrowser, consoleSuite, screenshot, signedIn } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('distribution', (browser) => ({ api, page, errors } = browser), { width: 1440, height: 900 });

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('分销 in the console', () => {
  it('approves a distributor’s application and shows the withdrawal queue, the ledger and the boards', async () => {
    const m = await memberWithAddress(api.base, `console-distributor-${Date.now()}`);
    const applied = await fetch(`${api.base}/api/v1/distribution/apply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(applied.status).toBe(200);
    await signedIn(page, api.base, 'owner', '/distribution');
    await page.getByRole('tab', { name: '分销员' }).click();
    const row = page.locator('.ant-table-row', { hasText: `#${m.id}` });
    await row.getByText('待审核').waitFor();
    await screenshot(page, 'distribution-distributors.png');
    await row.getByRole('button', { name: /通\s*过/ }).click();
    await row.getByText('正常').waitFor();
    const { status } = await apiCall<{ status: string }>(api.base, 'GET', '/api/v1/distribution', m.token);
    expect(status).toBe('active');
    await page.getByRole('tab', { name: '提现审核' }).click();
    await screenshot(page, 'distribution-withdrawals.png');
    await page.getByRole('tab', { name: '门店与导购业绩' }).click();
    await page.getByText('门店（近 30 天）').waitFor();
    await screenshot(page, 'distribution-performance.png');
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
