/**
 * 消息通知 in headless Chromium against the real API (seeded): the owner sets the WeChat template for 订单发货 (its id
 * and which data fills each field), then a shipped order's message shows in 发送记录 with its delivery result (仅站内信:
 * the member never subscribed). Screenshots at 1440 and 1280 wide go to the test output folder and /tmp/shots/messages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress, paidOrder } from './api-server';
import { type ConsoleBrowser, consoleSuite, OUTPUT, SEED_STAFF, screenshot, signedIn, WAIT_MS } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('messages', (browser) => ({ api, page, errors } = browser), { width: 1440, height: 900 });

const SHOTS = '/tmp/shots/messages';
async function shotBoth(name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}.png`);
    fs.copyFileSync(path.join(OUTPUT, `${name}-${width}.png`), path.join(SHOTS, `console-${name}-${width}.png`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('消息通知 in the console', () => {
  it('sets a WeChat template for 订单发货 and shows a shipped order’s message in 发送记录', async () => {
    await signedIn(page, api.base, 'owner', '/messages');
    await page.getByText('订阅消息模板').first().waitFor({ timeout: WAIT_MS });
    const row = page.locator('.ant-table-row', { hasText: '订单发货' }).first();
    await row
      .locator('td')
      .nth(1)
      .getByRole('button', { name: /设\s*置/ })
      .click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('模板 ID').fill('wxTplConsole01');
    await dialog.getByPlaceholder('字段名，如 thing1').first().fill('character_string1');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.js-template-weapp-order_shipped').waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-template-weapp-order_shipped').textContent()).toBe('wxTplConsole01');
    await shotBoth('message-templates');

    // A member's order, paid and shipped: its message, sent to the message centre only (no consent).
    const { token: owner } = await apiCall<{ token: string }>(api.base, 'POST', '/api/v1/merchant/auth/login', null, {
      username: SEED_STAFF.owner.username,
      password: SEED_STAFF.owner.password,
    });
    const products = await apiCall<{ items: { id: number }[] }>(api.base, 'GET', '/api/v1/products?pageSize=1', null);
    const product = await apiCall<{ skus: { id: number; stock: number }[] }>(api.base, 'GET', `/api/v1/products/${products.items[0]!.id}`, null);
    const member = await memberWithAddress(api.base, 'e2e-messages');
    const order = await paidOrder(api.base, member, product.skus.find((s) => s.stock > 0)!.id);
    await apiCall(api.base, 'POST', `/api/v1/merchant/orders/${order.id}/ship`, owner, { carrier: '顺丰速运', trackingNo: 'SF1122334455' });
    await expect
      .poll(async () => (await apiCall<{ items: { delivery: string }[] }>(api.base, 'GET', '/api/v1/merchant/messages', owner)).items[0]?.delivery, {
        timeout: WAIT_MS,
      })
      .toBe('inbox_only');

    await page.getByRole('tab', { name: '发送记录' }).click();
    const logRow = page.locator('.ant-table-row', { hasText: '订单已发货' }).first();
    await logRow.waitFor({ timeout: WAIT_MS });
    expect(await logRow.locator('.js-delivery').textContent()).toBe('仅站内信');
    expect(await logRow.textContent()).toContain('会员未订阅');
    await shotBoth('message-log');
  });

  it('has no page errors', () => {
    expect(errors).toEqual([]);
  });
});
