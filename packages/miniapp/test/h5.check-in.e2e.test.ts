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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, apiCall, moveClock, staffToken, startApi, testOutputDir, type RunningApi } from './api-server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DAY = 24 * 3600_000;
/** Monday 1 March 2027, 10:00 in Beijing. */
const MONDAY = '2027-03-01T02:00:00.000Z';

let api: RunningApi;
let context: BrowserContext;
let profileDir: string;
let shots: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'h5/index.html'))) throw new Error('build the H5 output first: node scripts/build-miniapp.mjs h5');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  shots = testOutputDir('h5-check-in');
  api = await startApi({ seed: true, testHooks: true });
  await apiCall(api.base, 'POST', '/__test/clock', null, { set: MONDAY });
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
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 390, height: 844 },
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await api?.stop();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

async function memberToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('siyu.session'));
  const stored = raw ? (JSON.parse(raw) as { data?: string }).data : undefined;
  const token = stored ? (JSON.parse(stored) as { state?: { token?: string } }).state?.token : undefined;
  if (!token) throw new Error(`no session in localStorage: ${raw}`);
  return token;
}

const numberIn = async (page: Page, selector: string) =>
  Number(/\d+/.exec((await page.locator(selector).first().textContent()) ?? '')?.[0] ?? Number.NaN);

/**
 * Layout problems on screen: text laid out one character per line, and text running off the right edge (unless a
 * container clips it, as ellipsis does).
 */
function layoutProblems(page: Page): Promise<{ oneCharPerLine: string[]; offScreen: string[] }> {
  return page.evaluate(() => {
    const oneCharPerLine: string[] = [];
    const offScreen: string[] = [];
    const width = window.innerWidth;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, '');
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue; // not on screen (another page of the stack, a closed sheet)
      // One character per line: two or more lines that hold a single character each.
      const perLine = new Map<number, number>();
      for (let i = 0; i < (node.textContent ?? '').length; i++) {
        if (/\s/.test(node.textContent![i]!)) continue;
        const one = document.createRange();
        one.setStart(node, i);
        one.setEnd(node, i + 1);
        const r = one.getClientRects()[0];
        if (r) perLine.set(Math.round(r.top), (perLine.get(Math.round(r.top)) ?? 0) + 1);
      }
      if ([...perLine.values()].filter((n) => n === 1).length >= 2) oneCharPerLine.push(text);
      // Off screen on either side, unless a container clips it (as ellipsis does).
      let left = Math.min(...rects.map((r) => r.left));
      let right = Math.max(...rects.map((r) => r.right));
      for (let el = node.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') {
          const box = el.getBoundingClientRect();
          left = Math.max(left, box.left);
          right = Math.min(right, box.right);
        }
      }
      if (right > width + 1 || left < -1) offScreen.push(text);
    }
    return { oneCharPerLine, offScreen };
  });
}

const TAP_TARGETS = ['.js-checkin-button', '.js-calendar-make-up', '.js-calendar-prev', '.taro-model__btn'];

function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const small: string[] = [];
    for (const selector of selectors) {
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.width < 44 || r.height < 44) small.push(`${selector} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  }, TAP_TARGETS);
}

async function shoot(page: Page, name: string, { waitForToasts = true } = {}) {
  if (waitForToasts)
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].some((el) => el.style.display !== 'none')), {
        timeout: 5_000,
      })
      .toBe(false);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  expect(await layoutProblems(page), `${name} at 390 px`).toEqual({ oneCharPerLine: [], offScreen: [] });
  expect(await smallTapTargets(page), `${name} at 390 px`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 568 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, `${name}-320.png`) });
  expect(await layoutProblems(page), `${name} at 320 px`).toEqual({ oneCharPerLine: [], offScreen: [] });
  expect(await smallTapTargets(page), `${name} at 320 px`).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
}

describe('H5 check-in: cycles, cumulative rewards and make-up', () => {
  it('checks in, misses a day, makes it up with points and sees the streak restored', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/#/pages/check-in/index`);
    await page.locator('.js-checkin-button').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(0);
    await page.locator('.js-checkin-button').first().click();
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(1);
    await page.locator('.js-checked-in-today').first().waitFor();
    const token = await memberToken(page);
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(10);
    await shoot(page, 'monday-checked-in');

    // Two days on: Tuesday was missed.
    await moveClock(api.base, 2 * DAY);
    await page.reload();
    await page.locator('.js-checkin-button').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(0);
    const tuesday = page.locator('.js-day-2027-03-02');
    await expect.poll(() => tuesday.evaluate((el) => el.className), { timeout: 15_000 }).toContain('js-calendar-make-up');
    expect(await page.locator('.js-make-up-summary').first().textContent()).toContain('本周期还可补签 2 次，每次消耗 5 积分');
    await shoot(page, 'wednesday-missed-tuesday');

    await tuesday.click();
    const modal = page.locator('.taro__modal');
    await modal.locator('.taro-modal__content').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await modal.locator('.taro-modal__text').first().textContent()).toBe('补签 3月2日，消耗 5 积分。本周期还剩 2 次补签机会。');
    await shoot(page, 'make-up-dialog', { waitForToasts: false });
    await modal.locator('.taro-model__confirm').first().click();

    // The streak through yesterday is restored: Monday and the made-up Tuesday.
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => tuesday.evaluate((el) => el.className), { timeout: 15_000 }).toContain('js-calendar-made-up');
    expect(await tuesday.evaluate((el) => el.className)).not.toContain('js-calendar-make-up');
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(5);
    const ledger = await apiCall<{ entries: { delta: number; sourceKey: string }[] }>(api.base, 'GET', '/api/v1/points/ledger', token);
    expect(ledger.entries).toEqual(expect.arrayContaining([expect.objectContaining({ delta: -5, sourceKey: 'check-in-make-up:2027-03-02' })]));
    expect(await page.locator('.js-make-up-summary').first().textContent()).toContain('本周期还可补签 1 次');
    expect(await numberIn(page, '.js-cycle-count')).toBe(2);
    await shoot(page, 'after-make-up');

    // Wednesday's check-in runs the streak on to 3 and reaches the cumulative reward of the 3rd day.
    await page.locator('.js-checkin-button').first().click();
    await expect.poll(() => numberIn(page, '.js-checkin-streak'), { timeout: 15_000 }).toBe(3);
    await page.locator('.js-milestone-3.js-milestone-claimed').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.js-milestone-5').first().textContent()).toContain('还差2天');
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', token)).available).toBe(5 + 10 + 30);
    await shoot(page, 'cumulative-reward-claimed');
    await page.close();
  }, 180_000);
});
