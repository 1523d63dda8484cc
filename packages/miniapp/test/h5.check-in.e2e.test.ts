/**
 * The complete check-in in the H5 build in headless Chromium, against the real API run with test hooks (a movable
 * clock): the merchant sets a weekly cycle with a cumulative reward on the 3rd check-in and make-up (补签) for 5 points;
 * the shopper checks in on Monday, the clock moves to Wednesday, the calendar offers Tuesday for make-up, the shopper
 * confirms it in the dialog, the streak comes back (2) and the 5 points are spent; Wednesday's check-in reaches the
 * cumulative reward, shown as claimed.
 *
 * Screenshots at 390×844 and 320×568 go to test-output/h5-check-in/, each checked for text wrapped one character per
 * line, text running off the screen, and tap targets under 44 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, moveClock, staffToken, testOutputDir } from './api-server.js';
import { memberToken, screenshotter, WAIT_MS } from './h5-page.js';
import { phoneSuite, type PhoneSuite } from './h5-suite.js';

const DAY = 24 * 3600_000;
/** Monday 1 March 2027, 10:00 in Beijing. */
const MONDAY = '2027-03-01T02:00:00.000Z';

let { api, context } = {} as PhoneSuite;
phoneSuite({ testHooks: true }, async (suite) => {
  ({ api, context } = suite);
  await apiCall(api.base, 'POST', '/__test/clock', null, { set: MONDAY });
  // A staff session from before the clock moved is past its life: log in again at the new time.
  const owner = await staffToken(api.base);
  await apiCall(api.base, 'PUT', '/api/v1/merchant/check-in/rules', owner, {
    rewards: [10, 10, 10, 10, 10, 10, 20],
    afterCycle: 'restart',
    cycle: 'week',
    cumulativeRewards: [
      { count: 3, points: 30 },
      { count: 5, points: 50, growth: 20 },
    ],
    makeUp: { enabled: true, costPoints: 5, maxPerCycle: 2, payReward: false },
  });
});

const numberIn = async (page: Page, selector: string) =>
  Number(/\d+/.exec((await page.locator(selector).first().textContent()) ?? '')?.[0] ?? Number.NaN);

const TAP_TARGETS = ['.js-checkin-button', '.js-calendar-make-up', '.js-calendar-prev', '.taro-model__btn'];
const shoot = screenshotter(testOutputDir('h5-check-in'), TAP_TARGETS, { fullPage: true });

describe('H5 check-in: cycles, cumulative rewards and make-up', () => {
  it('checks in, misses a day, makes it up with points and sees the streak restored', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/#/package-check-in/pages/check-in/index`);
    await page.locator('.js-checkin-button').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: WAIT_MS }).toBe(0);
    await page.locator('.js-checkin-button').first().click();
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: WAIT_MS }).toBe(1);
    await page.locator('.js-checked-in-today').first().waitFor();
    const token = await memberToken(page);
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(10);
    await shoot(page, 'monday-checked-in');

    // Two days on: Tuesday was missed.
    await moveClock(api.base, 2 * DAY);
    await page.reload();
    await page.locator('.js-checkin-button').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: WAIT_MS }).toBe(0);
    const tuesday = page.locator('.js-day-2027-03-02');
    await expect.poll(() => tuesday.evaluate((el) => el.className), { timeout: WAIT_MS }).toContain('js-calendar-make-up');
    expect(await page.locator('.js-make-up-summary').first().textContent()).toContain('本周期还可补签 2 次，每次消耗 5 积分');
    await shoot(page, 'wednesday-missed-tuesday');

    await tuesday.click();
    const modal = page.locator('.taro__modal');
    await modal.locator('.taro-modal__content').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    expect(await modal.locator('.taro-modal__text').first().textContent()).toBe('补签 3月2日，消耗 5 积分。本周期还剩 2 次补签机会。');
    await shoot(page, 'make-up-dialog', { waitForToasts: false });
    await modal.locator('.taro-model__confirm').first().click();

    // The streak through yesterday is restored: Monday and the made-up Tuesday.
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: WAIT_MS }).toBe(2);
    await expect.poll(() => tuesday.evaluate((el) => el.className), { timeout: WAIT_MS }).toContain('js-calendar-made-up');
    expect(await tuesday.evaluate((el) => el.className)).not.toContain('js-calendar-make-up');
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(5);
    const ledger = await apiCall<{ entries: { delta: number; sourceKey: string }[] }>(api.base, 'GET', '/api/v1/points/ledger', token);
    expect(ledger.entries).toEqual(expect.arrayContaining([expect.objectContaining({ delta: -5, sourceKey: 'check-in-make-up:2027-03-02' })]));
    expect(await page.locator('.js-make-up-summary').first().textContent()).toContain('本周期还可补签 1 次');
    expect(await numberIn(page, '.js-cycle-count')).toBe(2);
    await shoot(page, 'after-make-up');

    // Wednesday's check-in runs the streak on to 3 and reaches the cumulative reward of the 3rd day.
    await page.locator('.js-checkin-button').first().click();
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: WAIT_MS }).toBe(3);
    await page.locator('.js-milestone-3.js-milestone-claimed').first().waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-milestone-5').first().textContent()).toContain('还差2天');
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(5 + 10 + 30);
    await shoot(page, 'cumulative-reward-claimed');
    await page.close();
  }, 180_000);
});
