/**
 * 会员 in headless Chromium against the real API (seeded SQLite: 小美 bound one phone on WeChat and Douyin, so two members
 * became one): a viewer finds 小美 by the whole phone number, sees it masked, the member's profile fields and the 合并记录
 * (who was merged into whom, when, what moved), follows the link to the absorbed member (已合并至), and sees a member who
 * closed the account as 已注销. Screenshots at 1280 × 800 go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import { type ConsoleBrowser, consoleSuite, screenshot, signedIn } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('members', (browser) => ({ api, page, errors } = browser), { width: 1280, height: 800 });

const shot = (name: string) => screenshot(page, name);
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('会员 profiles and merges in the console', () => {
  it('finds the merged member by the whole phone, masked, and shows the merge record', async () => {
    await signedIn(page, api.base, 'viewer', '/members');
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
    await signedIn(page, api.base, 'viewer', `/members/${m.id}`);
    await page.getByText('已注销用户').first().waitFor();
    expect(await page.locator('.ant-tag', { hasText: '已注销' }).count()).toBeGreaterThan(0);
    await page.getByText('注销时间').waitFor();
    await shot('member-closed.png');
  });

  it('has no page errors', () => {
    expect(errors).toEqual([]);
  });
});
