/**
 * What the H5 tests in headless Chromium share: launching the browser (a phone-sized persistent profile or a plain
 * browser), the member token the page stored, text of an element, and the layout checks every screenshot goes
 * through (text one character per line, text or elements off the screen, tap targets under 44 px).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DIST } from './api-server.js';
import { screenSettled, WAIT_MS } from './page-settled.js';
import { CHROMIUM, CHROMIUM_FLAGS } from './server-process.js';

export { screenSettled, WAIT_MS };

/** Throws, saying what to do, when the H5 output or Chromium is missing. */
export function requireH5Build(): void {
  if (!fs.existsSync(path.join(DIST, 'h5/index.html'))) throw new Error('build the H5 output first: node scripts/build-miniapp.mjs h5');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
}

/** A plain headless Chromium, for tests that open contexts of their own (several viewports). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface Phone {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** A 390 × 844 Chromium with a throwaway persistent profile (localStorage survives reloads, as on a phone). */
export async function launchPhone(): Promise<Phone> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 390, height: 844 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The member token the page stored after its silent login (zustand persist, through Taro's H5 storage: `{ data }`). */
export async function memberToken(page: Page): Promise<string> {
  // Waits in the page for the silent login to store the session (a busy machine may take a while), then reads it.
  await page
    .waitForFunction(
      () => {
        const raw = localStorage.getItem('siyu.session');
        const stored = raw ? (JSON.parse(raw) as { data?: string }).data : undefined;
        return Boolean(stored && (JSON.parse(stored) as { state?: { token?: string | null } }).state?.token);
      },
      undefined,
      { timeout: WAIT_MS, polling: 100 },
    )
    .catch((err) => {
      throw new Error(`waiting for the silent login to store a session token in localStorage: ${err}`);
    });
  return (await storedToken(page))!;
}

/** The member token stored right now, or null (no waiting: for checking that a session is gone or replaced). */
export async function storedToken(page: Page): Promise<string | null> {
  const raw = await page.evaluate(() => localStorage.getItem('siyu.session'));
  const stored = raw ? (JSON.parse(raw) as { data?: string }).data : undefined;
  return (stored ? (JSON.parse(stored) as { state?: { token?: string | null } }).state?.token : null) || null;
}

/**
 * Moves a column of Taro's H5 picker down by `rows`: a tap below the indicator selects the row tapped (the picker
 * sits at the bottom of the screen; rows are 34 px), so a few taps of up to three rows each get there.
 */
export async function pickerDown(page: Page, column: number, rows: number) {
  const group = page.locator('.weui-picker__group:visible').nth(column);
  await group.waitFor({ timeout: 10_000 });
  const b = await group.boundingBox();
  if (!b) throw new Error(`picker column ${column} has no box`);
  const centre = page.viewportSize()!.height - (34 * 7) / 2;
  for (let left = rows; left > 0; left -= 3) {
    const step = Math.min(3, left);
    await page.mouse.click(b.x + b.width / 2, centre + step * 34);
    await screenSettled(page); // the column scrolls to the row tapped
  }
}

/** Waits until no toast is on screen (Taro's toast wrapper has no size of its own: it is hidden by display none). */
export async function toastsGone(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].some((el) => el.style.display !== 'none')), {
      timeout: WAIT_MS,
      message: 'waiting for the toasts to go',
    })
    .toBe(false);
}

/**
 * Taps − or + of the quantity stepper in `scope` and waits for it to show `expected`. First it waits for what could
 * swallow the tap on a slow machine: a toast still on screen, the page still sliding in, the button greyed out.
 */
export async function tapStepper(page: Page, scope: Locator, which: 'plus' | 'minus', expected: number): Promise<void> {
  await toastsGone(page);
  await screenSettled(page);
  const button = scope.locator(`.js-qty-${which}`).first();
  await expect
    .poll(() => button.getAttribute('class'), { timeout: WAIT_MS, message: `waiting for the stepper's ${which} to be enabled` })
    .not.toContain('is-disabled');
  await button.click();
  await expect
    .poll(() => scope.locator('.js-qty-value').first().textContent(), { timeout: WAIT_MS, message: `waiting for the stepper to show ${expected}` })
    .toBe(String(expected));
}

/** The trimmed text of the first element matching `selector`. */
export const textOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((t) => (t ?? '').trim());

/** Types into a Taro <Input> (a web component wrapping a real <input>) so its onInput fires. */
export async function typeInto(page: Page, selector: string, value: string) {
  await page.locator(`${selector} input`).first().fill(value);
}

/**
 * Layout problems on screen: text laid out one character per line, and text running off the screen (unless a
 * container clips it, as ellipsis does).
 */
export function layoutProblems(page: Page): Promise<{ oneCharPerLine: string[]; offScreen: string[] }> {
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

/**
 * What is wrong with the current page's layout, element by element: sideways overflow, elements reaching past the
 * screen (swipers and horizontal scroll views excepted) and text wrapped one character per line.
 */
export function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const faults: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 3).join('.')}`;
    if (document.documentElement.scrollWidth > W + 1) faults.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${W})`);
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && (el as HTMLElement).offsetParent !== null;
    };
    for (const el of Array.from(document.querySelectorAll('.taro_page:not([style*="display: none"]) *'))) {
      // Swipers (banners, galleries) hold their other slides beside the screen, and clip them.
      if (!visible(el) || el.closest('taro-swiper-core, .taro-swiper-core, swiper, .taro-scroll-view__scroll-x')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > W + 1 || r.left < -1))
        faults.push(`${name(el)} reaches past the screen (${Math.round(r.left)}…${Math.round(r.right)})`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if ([...text].length < 2 || !el || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      ).size;
      if (lines >= [...text].length) faults.push(`“${text}” wraps one character per line (${name(el)})`);
    }
    return [...new Set(faults)];
  });
}

/** How many lines the first element matching `selector` takes. */
export function linesOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      ).size;
    });
}

/** The bounding box of the first element matching `selector` (throws when it has none). */
export async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

/** The first element matching `selector` is at least 44 × 44 CSS px. */
export async function expectTapTarget(page: Page, selector: string) {
  const b = await box(page, selector);
  expect(Math.round(b.width), `${selector} width`).toBeGreaterThanOrEqual(44);
  expect(Math.round(b.height), `${selector} height`).toBeGreaterThanOrEqual(44);
}

/** Tap targets on screen (any of `selectors`) smaller than 44 px either way. */
export function smallTapTargets(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const small: string[] = [];
    for (const selector of list) {
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not on screen
        if (r.width < 44 || r.height < 44) small.push(`${selector} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  }, selectors);
}

/**
 * A screenshot function for `dir`: at 390×844 (the one to look at; the whole page with `fullPage`), then the same
 * screen at 320×568; both must lay out cleanly, with every one of `tapTargets` on screen at least 44 px. A shot may
 * keep a toast on screen (`waitForToasts: false`) when the toast is what it shows.
 */
export function screenshotter(dir: string, tapTargets: readonly string[], { fullPage = false } = {}) {
  return async function shoot(page: Page, name: string, { waitForToasts = true } = {}) {
    if (waitForToasts) await toastsGone(page);
    await screenSettled(page);
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
    expect(await layoutProblems(page), `${name} at 390 px`).toEqual({ oneCharPerLine: [], offScreen: [] });
    expect(await smallTapTargets(page, tapTargets), `${name} at 390 px`).toEqual([]);
    await page.setViewportSize({ width: 320, height: 568 });
    await screenSettled(page);
    await page.screenshot({ path: path.join(dir, `${name}-320.png`) });
    expect(await layoutProblems(page), `${name} at 320 px`).toEqual({ oneCharPerLine: [], offScreen: [] });
    expect(await smallTapTargets(page, tapTargets), `${name} at 320 px`).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenSettled(page);
  };
}
