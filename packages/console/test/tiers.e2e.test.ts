/**
 * 会员等级 in headless Chromium against the real API (seeded SQLite with the demo ladder 普通 / 银卡 / 金卡 / 钻石, the
 * built console at /admin): the owner renames a tier and changes a threshold, sees a non-increasing threshold and a
 * repeated name refused beside their fields, changes the downgrade policy, grants growth to a member and sees the tier
 * change in the member's history and the growth ledger; a viewer sees the page read-only, saying why. Screenshots at
 * 1440 × 900 go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import {
  type ConsoleBrowser,
  consoleSuite,
  screenshot,
  settled as pageSettled,
  signedIn,
  staffToken as sharedStaffToken,
  screenSettled,
} from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('tiers', (browser) => ({ api, page, errors } = browser));

const shot = (name: string) => screenshot(page, name);

/** The 会员等级 page, signed in as `role`. */
const tiersPage = (role: 'owner' | 'viewer' = 'owner') => signedIn(page, api.base, role, '/tiers');

/** The ladder as the API has it now (each test reads what it expects from here, whatever ran before it). */
const ladderNow = () => apiCall<Ladder>(api.base, 'GET', '/api/v1/tiers', null);

/** The error text under a form field holding the element with this test id. */
const fieldError = (testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

const staffToken = (username: string, password: string) => sharedStaffToken(api.base, username, password);

interface Ladder {
  tiers: { level: number; name: string; growthThreshold: number; benefits: { pointsMultiplierBp: number } }[];
}

describe('会员等级 in the console', () => {
  it('shows the demo ladder and its rules to the owner', async () => {
    await signedIn(page, api.base, 'owner', '/');
    await page.getByRole('menuitem', { name: '会员等级' }).click();
    await page.waitForURL(/\/admin\/tiers$/);
    await expect.poll(() => page.getByTestId('tier-1-name').inputValue()).toBe('银卡会员');
    expect(await page.getByTestId('tier-3-name').inputValue()).toBe('钻石会员');
    expect(await page.getByTestId('tier-0-threshold').isDisabled()).toBe(true);
    expect(await page.getByTestId('tier-1-multiplier').inputValue()).toBe('1.2');
    // The member price of 银卡 (500 bp) reads as 9.5 折.
    expect(await page.getByTestId('tier-1-discount').inputValue()).toBe('9.5');
    await page.getByText('即 9.5 折，减 5%').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('tiers.png');
  });

  it('refuses a threshold not above the tier below beside the field, and a repeated name from the API beside the name', async () => {
    const before = await ladderNow();
    const [, second, third] = before.tiers;
    await tiersPage();
    await expect.poll(() => page.getByTestId('tier-2-name').inputValue()).toBe(third!.name);
    await page.getByTestId('tier-2-threshold').fill(String(second!.growthThreshold - 100));
    await page.getByTestId('tiers-save').click();
    await expect.poll(() => fieldError('tier-2-threshold').textContent()).toContain(`必须大于上一等级的门槛（${second!.growthThreshold}）`);
    await shot('tiers-threshold-error.png');
    await page.getByTestId('tier-2-threshold').fill(String(third!.growthThreshold));
    await expect.poll(() => fieldError('tier-2-threshold').count()).toBe(0);

    // Names are checked by the API: its field error lands on the second name.
    await page.getByTestId('tier-2-name').fill(second!.name);
    await page.getByTestId('tiers-save').click();
    await expect.poll(() => fieldError('tier-2-name').textContent()).toContain('等级名称不能重复');
    expect((await ladderNow()).tiers[2]!.name).toBe(third!.name);
  });

  it('renames a tier and changes a threshold and a multiplier', async () => {
    const before = await ladderNow();
    await tiersPage();
    await expect.poll(() => page.getByTestId('tier-1-name').inputValue()).toBe(before.tiers[1]!.name);
    await page.getByTestId('tier-1-name').fill('白银会员');
    await page.getByTestId('tier-1-threshold').fill('300');
    await page.getByTestId('tier-1-multiplier').fill('1.25');
    await page.getByTestId('tiers-save').click();
    await page.getByText('等级已保存').waitFor();
    const ladder = await apiCall<Ladder>(api.base, 'GET', '/api/v1/tiers', null);
    expect(ladder.tiers.map((t) => [t.name, t.growthThreshold])).toEqual(
      before.tiers.map((t) => (t.level === 1 ? ['白银会员', 300] : [t.name, t.growthThreshold])),
    );
    expect(ladder.tiers[1]!.benefits.pointsMultiplierBp).toBe(12_500);
  });

  it('changes the downgrade policy', async () => {
    await tiersPage();
    await page.getByLabel('保级后重新评定').check();
    await page.getByRole('spinbutton', { name: '保级月数' }).fill('6');
    await page.getByTestId('rules-save').click();
    await page.getByText('成长规则已保存').waitFor();
    const token = await staffToken('owner', 'siyu-owner-demo');
    const rules = await apiCall<{ downgrade: { policy: string; holdMonths: number } }>(api.base, 'GET', '/api/v1/merchant/tiers/rules', token);
    expect(rules.downgrade).toMatchObject({ policy: 'hold_then_reevaluate', holdMonths: 6 });
    await shot('tiers-rules.png');
  });

  it('grants growth to a member with a reason and sees the tier change in the history', async () => {
    // Enough growth for the second tier, whatever the ladder is now.
    const [first, second] = (await ladderNow()).tiers;
    const growth = second!.growthThreshold + 50;
    const member = await memberWithAddress(api.base, `tiers-e2e-${Date.now()}`);
    await signedIn(page, api.base, 'owner', `/members/${member.id}`);
    await expect.poll(() => page.getByTestId('member-tier-name').textContent()).toBe(first!.name);
    expect(await page.getByTestId('member-growth').textContent()).toBe('0');
    await page.getByTestId('growth-adjust').click();
    await page.getByTestId('growth-amount').fill(String(growth));
    // The reason is required.
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('请填写原因').waitFor();
    await page.getByTestId('growth-reason').fill('线下活动补录');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('成长值已调整').waitFor();
    await expect.poll(() => page.getByTestId('member-tier-name').textContent()).toBe(second!.name);
    expect(await page.getByTestId('member-growth').textContent()).toBe(String(growth));
    const history = page.getByTestId('tier-history');
    await expect.poll(() => history.locator('tbody tr').first().textContent()).toContain(`${first!.name} → ${second!.name}`);
    expect(await history.locator('tbody tr').first().textContent()).toContain('升级');
    await shot('member-tier.png');
    await page.getByRole('tab', { name: '成长值明细' }).click();
    const ledger = page.getByTestId('growth-ledger');
    await expect.poll(() => ledger.locator('tbody tr').first().textContent()).toContain(`+${growth}`);
    expect(await ledger.locator('tbody tr').first().textContent()).toContain('线下活动补录');
    await shot('member-growth-ledger.png');

    // Nothing scrolls sideways at 1280 × 800 either.
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const p of [`/admin/members/${member.id}`, '/admin/tiers']) {
      await page.goto(`${api.base}${p}`);
      await pageSettled(page);
      await screenSettled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows a viewer the ladder read-only, saying why', async () => {
    const ladder = await ladderNow();
    await tiersPage('viewer');
    await page.getByTestId('tiers-read-only').waitFor();
    await expect.poll(() => page.getByTestId('tier-1-name').inputValue()).toBe(ladder.tiers[1]!.name);
    expect(await page.getByTestId('tier-1-name').isDisabled()).toBe(true);
    expect(await page.getByTestId('tier-2-threshold').isDisabled()).toBe(true);
    expect(await page.getByTestId('rules-per-yuan').isDisabled()).toBe(true);
    expect(await page.getByTestId('tiers-save').isDisabled()).toBe(true);
    expect(await page.locator('[data-disabled-reason]').first().getAttribute('data-disabled-reason')).toBe('只读账号无法修改');
    expect(await page.getByTestId('tier-add').count()).toBe(0);
    await shot('viewer-tiers.png');
  });

  it('has no page errors', () => {
    expect(errors).toEqual([]);
  });
});
