/**
 * Phone binding in the H5 build in headless Chromium, against the real API: the member page's 绑定手机号 row, whose
 * button (the H5 stand-in for the platform's phone-number button) asks the API's simulator for the proof the stand-in
 * platform's button would give, posts it to POST /api/v1/me/phone, and the member page's header shows the bound phone
 * masked (on every visit).
 *
 * Screenshots at 390×844 and 320×568 go to test-output/h5-phone/; every one is also checked for text wrapped one
 * character per line, for text running off the screen, and for tap targets under 44 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, startApi, testOutputDir, type RunningApi } from './api-server.js';

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

let api: RunningApi;
let context: BrowserContext;
let profileDir: string;
let shots: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'h5/index.html'))) throw new Error('build the H5 output first: node scripts/build-miniapp.mjs h5');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  shots = testOutputDir('h5-phone');
  api = await startApi({ seed: true });
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

const textOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((t) => (t ?? '').trim());

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

/** What a shopper taps on the member page: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = ['.js-phone-bind', '.js-tier-card', '.js-addresses-entry'];

/** Tap targets on screen smaller than 44 px either way. */
function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const small: string[] = [];
    for (const selector of selectors) {
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not on screen
        if (r.width < 44 || r.height < 44) small.push(`${selector} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  }, TAP_TARGETS);
}

/**
 * A screenshot at 390×844 (the one to look at), then the same screen at 320×568; both must lay out cleanly, with tap
 * targets of at least 44 px.
 */
async function shoot(page: Page, name: string) {
  // Toasts gone (Taro's toast wrapper has no size of its own: its fixed box is inside; hidden by display none).
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].some((el) => el.style.display !== 'none')), {
      timeout: 5_000,
    })
    .toBe(false);
  await page.waitForTimeout(300); // images settle
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
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

describe('phone binding on the H5 build', () => {
  it('binds the simulated member’s phone from the member page and shows it masked', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/#/pages/member/index`);
    const row = page.locator('.js-phone-row').first();
    await row.waitFor({ timeout: 30_000 });
    await page.locator('.js-tier-card').first().waitFor({ timeout: 30_000 });
    expect(await textOf(page, '.js-phone-status')).toBe('绑定后，微信、支付宝、抖音的会员权益合而为一');
    await row.scrollIntoViewIfNeeded();
    await shoot(page, 'member-phone-unbound');

    const proofAsked = page.waitForResponse((r) => r.url().endsWith('/__sim/phone-proofs') && r.request().method() === 'POST');
    const bound = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/phone') && r.request().method() === 'POST');
    await page.locator('.js-phone-bind').first().click();
    const proof = (await (await proofAsked).json()) as Record<string, unknown>;
    const res = await bound;
    expect(res.status()).toBe(200);
    const result = (await res.json()) as { memberId: number; phoneMasked: string; merged: unknown };
    expect(result.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    // The proof the stand-in platform's button gives (WeChat by default: a one-time code), posted without its errMsg.
    const posted = JSON.parse(res.request().postData() ?? '{}') as Record<string, unknown>;
    expect(posted).toEqual(Object.fromEntries(Object.entries(proof).filter(([k]) => k !== 'errMsg')));
    expect(res.request().headers()['idempotency-key']).toBeTruthy();

    // The header shows the phone masked in place of the 绑定手机号 row, and so does the next visit (GET /me/profile).
    await expect.poll(() => textOf(page, '.js-member-phone'), { timeout: 10_000 }).toBe(result.phoneMasked);
    await expect.poll(() => page.locator('.js-phone-bind').count()).toBe(0);
    await page.reload();
    await page.locator('.js-tier-card').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => textOf(page, '.js-member-phone'), { timeout: 10_000 }).toBe(result.phoneMasked);
    expect(await page.locator('.js-phone-row').count()).toBe(0);
    await shoot(page, 'member-phone-bound');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
