import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneSuite, type PhoneSuite } from './h5-suite.js';

let { api, context } = {} as PhoneSuite;
phoneSuite({ seed: false }, (suite) => {
  ({ api, context } = suite);
});

const numberIn = async (page: Page, selector: string) => Number(((await page.locator(selector).first().textContent()) ?? '').match(/\d+/)?.[0]);

describe('H5 storefront in headless Chromium', () => {
  it('logs in silently, checks in, shows streak and balance, and keeps them after a reload', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(`${api.base}/`);
    // Silent login on launch: the home page shows the member's balance.
    await page.locator('.js-points-balance').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => numberIn(page, '.js-points-balance'), { timeout: 15_000 }).toBe(0);

    await page.locator('.js-home-checkin-entry').first().click();
    await page.locator('.js-checkin-button').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(0);
    await page.locator('.js-checkin-button').first().click();
    await page.locator('.js-checked-in-today').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(1);

    await page.reload();
    await page.locator('.js-checked-in-today').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(1);

    // The member page shows the balance, and its points card opens the history with the entry, from the same member after the reload.
    await page.goto(`${api.base}/#/pages/member/index`);
    await page.reload(); // a fresh load straight onto the member tab
    await expect.poll(() => numberIn(page, '.js-points-balance'), { timeout: 30_000 }).toBe(5);
    await page.locator('.js-points-card').first().click();
    await expect.poll(() => page.locator('.js-ledger-entry').count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(os.tmpdir(), 'siyu-h5-member.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});
