/**
 * 邀请有礼 in the console, headless Chromium against the real API (decision 035): an inviter's three invitees who came
 * from one network address are flagged; staff withhold one reward with a reason; the rules form saves a new reward.
 * Screenshots at 1440 × 900 and 1280 × 800 go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import { type ConsoleBrowser, consoleSuite, screenshot, settled, signedIn } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('invitations', (browser) => ({ api, page, errors } = browser), { width: 1440, height: 900 });

async function loginWithShare(user: string, shareId: string) {
  const codeRes = await fetch(`${api.base}/__sim/login-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'weapp', user }),
  });
  const { code } = (await codeRes.json()) as { code: string };
  return apiCall<{ member: { id: number } }>(api.base, 'POST', '/api/v1/auth/login', null, { platform: 'weapp', code, shareId });
}

describe('邀请有礼 in the console', () => {
  it('lists invitations with risk flags, withholds one with a reason, and saves the rules', async () => {
    const inviter = await memberWithAddress(api.base, 'e2e-inviter');
    const { shareId } = await apiCall<{ shareId: string }>(api.base, 'POST', '/api/v1/shares', inviter.token, {
      kind: 'invitation',
      channel: 'poster',
    });
    for (const n of [1, 2, 3]) await loginWithShare(`e2e-invitee-${n}`, shareId);

    await signedIn(page, api.base, 'owner', '/invitations');
    const rows = page.locator('.js-invitations .ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.locator('.js-risk-flag').count()).toBe(3);
    expect(await page.locator('.js-risk-flag').first().textContent()).toContain('同一地址 3 人');
    await screenshot(page, 'invitations-1440.png');

    await page.locator('.js-withhold').first().click();
    await page.locator('.js-withhold-reason').fill('同一地址批量注册');
    await page.getByRole('button', { name: '不予发放' }).last().click();
    await page.locator('.js-status-withheld').first().waitFor();
    expect(await page.locator('.js-status-bound').count()).toBe(2);

    await page.locator('.js-inviter-points input').fill('66');
    await page.locator('.js-save-invitation-rules').click();
    await expect
      .poll(
        async () =>
          (await apiCall<{ inviterReward: { points: number } }>(api.base, 'GET', '/api/v1/invitations/rules', inviter.token)).inviterReward.points,
      )
      .toBe(66);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await settled(page);
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'invitations-1280.png');
  });

  it('has no page errors', () => {
    expect(errors).toEqual([]);
  });
});
