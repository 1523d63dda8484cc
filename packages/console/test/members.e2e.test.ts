/**
 * 会员 in headless Chromium against the real API (seeded SQLite: 小美 bound one phone on WeChat and Douyin, so two members
 * became one): a viewer finds 小美 by the whole phone number, sees it masked, the member's profile fields and the 合并记录
 * (who was merged into whom, when, what moved), follows the link to the absorbed member (已合并至), and sees a member who
 * closed the account as 已注销. Screenshots at 1280 × 800 go to the folder the test prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, CONSOLE_DIST, memberWithAddress, REPO_ROOT, type RunningApi, startApi } from './api-server';

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
const OUTPUT = process.env.SIYU_TEST_OUTPUT ?? path.join(REPO_ROOT, 'packages/console/test-output');

let api: RunningApi;
let context: BrowserContext;
let profileDir: string;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error('build the console first: pnpm --filter @siyu/console build');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  fs.mkdirSync(OUTPUT, { recursive: true });
  console.log(`members e2e: screenshots in ${OUTPUT}`);
  api = await startApi();
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-console-members-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(String(e)));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await api?.stop();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

const shot = async (name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(OUTPUT, name), fullPage: true });
};
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('会员 profiles and merges in the console', () => {
  it('finds the merged member by the whole phone, masked, and shows the merge record', async () => {
    await page.goto(`${api.base}/admin/`);
    await page.getByLabel('账号').fill('viewer');
    await page.getByLabel('密码').fill('siyu-viewer-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-staff').waitFor();
    await page.goto(`${api.base}/admin/members`);
    await page.getByTestId('member-phone-search').fill('13800138000');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/phone=13800138000/);
    const row = page.locator('.ant-table-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('138****8000');
    expect(await row.first().textContent()).toContain('小美爱喝茶');
    await shot('members-phone-search.png');

    await row.first().getByRole('link', { name: '小美爱喝茶' }).click();
    const merges = page.getByTestId('member-merges');
    await merges.getByText('138****8000').waitFor();
    const text = await merges.textContent();
    expect(text).toContain('平台身份 1');
    expect(text).toContain('重复签到日已冲正');
    expect(await page.getByText('手机号').first().isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('member-merges.png');

    // The absorbed member: a tombstone pointing at the survivor.
    const absorbedLink = merges.locator('.ant-table-row td').nth(2).getByRole('link');
    await absorbedLink.click();
    await page.getByText('已合并至').waitFor();
    await shot('member-absorbed.png');
  });

  it('shows a member who closed the account as 已注销', async () => {
    const m = await memberWithAddress(api.base, 'e2e-closing');
    await apiCall(api.base, 'POST', '/api/v1/me/close', m.token, { confirm: true });
    await page.goto(`${api.base}/admin/members/${m.id}`);
    await page.getByText('已注销用户').first().waitFor();
    expect(await page.locator('.ant-tag', { hasText: '已注销' }).count()).toBeGreaterThan(0);
    await page.getByText('注销时间').waitFor();
    await shot('member-closed.png');
    expect(errors).toEqual([]);
  });
});
