/**
 * 付费会员卡 in headless Chromium against the real API (seeded, the built console at /admin): the owner adds a card
 * through the dialog (a bad price refused beside its field), a member buys it through the simulator's pay flow, and
 * the holders list shows the member with the card's end and whether its refund rule still allows a refund.
 * Screenshots at 1440 × 900 and 1280 × 800 go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import { type ConsoleBrowser, consoleSuite, SEED_STAFF, screenshot, signedIn, staffToken } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('member-cards', (browser) => ({ api, page, errors } = browser));

const CARD = `季卡${Date.now() % 100_000}`;

describe('付费会员卡 in the console', () => {
  it('adds a card, and lists a member who bought it with its end and the refund rule', async () => {
    await signedIn(page, api.base, 'owner', '/member-cards');
    await page.getByTestId('member-card-add').click();
    await page.getByTestId('member-card-name').fill(CARD);
    await page.getByRole('textbox', { name: '售价' }).fill('0');
    await page.getByTestId('member-card-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: '售价' }).fill('59');
    await page.getByTestId('member-card-save').click();
    await page.getByRole('cell', { name: CARD }).waitFor();

    const cards = await apiCall<{ items: { id: number; name: string; priceFen: number }[] }>(
      api.base,
      'GET',
      '/api/v1/merchant/member-cards',
      await ownerToken(),
    );
    const card = cards.items.find((c) => c.name === CARD)!;
    expect(card.priceFen).toBe(5900);

    const member = await memberWithAddress(api.base, `card-${Date.now()}`);
    const bought = await apiCall<{ orderId: number; orderNo: string }>(
      api.base,
      'POST',
      `/api/v1/member-cards/${card.id}/purchase`,
      member.token,
      {},
    );
    await apiCall(api.base, 'POST', `/api/v1/orders/${bought.orderId}/pay`, member.token, {});
    const paid = await fetch(`${api.base}/__sim/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'weapp', outTradeNo: bought.orderNo }),
    });
    expect(paid.ok).toBe(true);

    await page.reload();
    await page.getByTestId(`member-card-refundable-${member.id}`).waitFor();
    expect(await page.getByTestId(`member-card-refundable-${member.id}`).textContent()).toBe('可退款');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-cards.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'member-cards-1280.png');
    expect(errors).toEqual([]);
  });
});

const ownerToken = () => staffToken(api.base, SEED_STAFF.owner.username, SEED_STAFF.owner.password);
