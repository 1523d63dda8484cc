/**
 * What the console's browser tests share: the real API process with the built console at /admin, a headless Chromium
 * at 1440 × 900 with a throwaway profile, screenshots (a picture of a failed step too), logging in, antd's Select and
 * skeletons, and staff tokens for the merchant API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
// Shared with the H5 tests: waiting for a still screen, and how long a wait may take.
import { screenSettled, WAIT_MS } from '../../miniapp/test/page-settled';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../miniapp/test/server-process';
import { apiCall, CONSOLE_DIST, REPO_ROOT, type RunningApi, startApi } from './api-server';

export { screenSettled, WAIT_MS };

/** Where the screenshots go; printed, so a reviewer can look at them. */
export const OUTPUT = process.env.SIYU_TEST_OUTPUT ?? path.join(REPO_ROOT, 'packages/console/test-output');

export interface ConsoleBrowser {
  api: RunningApi;
  context: BrowserContext;
  page: Page;
  /** Errors thrown in the page. */
  errors: string[];
  /** Closes the browser, removes its profile and stops the API. */
  close(): Promise<void>;
}

/**
 * Starts the API (seeded) and a Chromium on a page with a generous default timeout (WAIT_MS), at 1440 × 900 unless another viewport
 * is given; `name` labels the output.
 */
export async function openConsole(name: string, viewport = { width: 1440, height: 900 }): Promise<ConsoleBrowser> {
  if (!fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error('build the console first: pnpm --filter @siyu/console build');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  fs.mkdirSync(OUTPUT, { recursive: true });
  console.log(`${name} e2e: screenshots in ${OUTPUT}`);
  const api = await startApi();
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), `siyu-console-${name}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    api,
    context,
    page,
    errors,
    async close() {
      await context.close();
      await api.stop();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** For `afterEach`: a failed step leaves a full-page picture of where it stood, named after the test. */
export async function shotOnFailure(page: Page | undefined, prefix: string, task: { name: string; result?: { state?: string } }) {
  if (task.result?.state !== 'fail' || !page) return;
  await page.screenshot({ path: path.join(OUTPUT, `${prefix}${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
}

/** A screenshot into OUTPUT once the screen settles, with antd's toasts hidden (they would cover the header). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await screenSettled(page);
  // Charts draw (and animate) on a canvas: each one on screen says when it has finished.
  await page
    .waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('[data-chart-drawn="false"]')].every((el) => el.offsetParent === null),
      undefined,
      { timeout: WAIT_MS, polling: 100 },
    )
    .catch((err) => {
      throw new Error(`waiting for the charts on screen to finish drawing: ${err}`);
    });
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.ant-message')) (el as HTMLElement).style.display = 'none';
  });
  await page.screenshot({ path: path.join(OUTPUT, name), fullPage: options.fullPage ?? true });
}

/** Logs in on the login page; waits for the signed-in header unless told not to (a test of a refused login). */
export async function login(page: Page, username: string, password: string, options: { wait?: boolean } = {}) {
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  if (options.wait ?? true) await page.getByTestId('current-staff').waitFor();
}

/** The seeded staff (packages/api/src/db/seed.ts), with the role tag the header shows beside the name. */
export const SEED_STAFF = {
  owner: { username: 'owner', password: 'siyu-owner-demo', tag: '店主' },
  operator: { username: 'operator', password: 'siyu-operator-demo', tag: '运营' },
  viewer: { username: 'viewer', password: 'siyu-viewer-demo', tag: '只读' },
} as const;

/**
 * A seeded staff member (`role`) signed in on `page`, whoever was signed in before, then on `path` under /admin once
 * its skeletons have gone: each test starts from here, so it passes alone and after a test that failed half-way.
 */
export async function signedIn(page: Page, base: string, role: keyof typeof SEED_STAFF = 'owner', path?: string) {
  const who = SEED_STAFF[role];
  const current = page.getByTestId('current-staff');
  if (!((await current.isVisible()) && (await current.textContent())?.includes(who.tag))) {
    await page.context().clearCookies();
    await page.goto(`${base}/admin/`);
    await login(page, who.username, who.password);
  }
  if (path !== undefined) {
    await page.goto(`${base}/admin${path}`);
    await settled(page);
  }
}

/** The seeded owner signed in on `page` (see signedIn). */
export const ownerSignedIn = (page: Page, base: string) => signedIn(page, base, 'owner');

/**
 * Registers a browser test file's set-up: the API and the console (openConsole) before its tests, `ready` given them;
 * after each failed test a picture of where it stood (`failed-<name>-…`); the browser and API closed at the end.
 */
export function consoleSuite(name: string, ready: (browser: ConsoleBrowser) => void, viewport?: { width: number; height: number }) {
  let browser: ConsoleBrowser | undefined;
  beforeAll(async () => {
    browser = await openConsole(name, viewport);
    ready(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach((ctx) => shotOnFailure(browser?.page, `failed-${name}-`, ctx.task));
}

/**
 * Picks an option of an antd Select by its exact text, with the keyboard: the dropdown's list is virtual (only the
 * options in view exist) and may open partly off screen, so a click on an option can miss; the arrow keys scroll the
 * list to the active option wherever it is.
 */
export async function choose(page: Page, selectTestId: string, option: string) {
  const select = page.getByTestId(selectTestId);
  await select.scrollIntoViewIfNeeded();
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.waitFor();
  const active = dropdown.locator('.ant-select-item-option-active');
  for (let step = 0; step < 60; step++) {
    const text = ((await active.count()) > 0 ? await active.first().textContent() : null)?.trim();
    if (text === option) {
      await page.keyboard.press('Enter');
      await dropdown.waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${option} in the select ${selectTestId}`);
}

/** Waits for a page's skeletons to go and its text to settle. */
export async function settled(page: Page) {
  await page.locator('.page-header h2').waitFor();
  await page
    .locator('.ant-skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

const staffTokens = new Map<string, string>();
/** A bearer token for a staff member, logged in once per run (staff logins are rate-limited per username). */
export async function staffToken(base: string, username: string, password: string): Promise<string> {
  const key = `${base} ${username}`;
  let token = staffTokens.get(key);
  if (!token) {
    token = (await apiCall<{ token: string }>(base, 'POST', '/api/v1/merchant/auth/login', null, { username, password })).token;
    staffTokens.set(key, token);
  }
  return token;
}
