import { describe, expect, it } from 'vitest';
import { testOutputDir } from './api-server.js';
import { screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { phoneSuite, type PhoneSuite } from './h5-suite.js';

let { api, context } = {} as PhoneSuite;
phoneSuite({}, (suite) => {
  ({ api, context } = suite);
});

/** What a shopper taps on the member page: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = ['.js-phone-bind', '.js-tier-card', '.js-addresses-entry'];
const shoot = screenshotter(testOutputDir('h5-phone'), TAP_TARGETS);

describe('phone binding on the H5 build', () => {
  it('binds the simulated member’s phone from the member page and shows it masked', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/#/pages/member/index`);
    const row = page.locator('.js-phone-row').first();
    await row.waitFor({ timeout: WAIT_MS });
    await page.locator('.js-tier-card').first().waitFor({ timeout: WAIT_MS });
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
    await expect.poll(() => textOf(page, '.js-member-phone'), { timeout: WAIT_MS }).toBe(result.phoneMasked);
    await expect.poll(() => page.locator('.js-phone-bind').count()).toBe(0);
    await page.reload();
    await page.locator('.js-tier-card').first().waitFor({ timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-member-phone'), { timeout: WAIT_MS }).toBe(result.phoneMasked);
    expect(await page.locator('.js-phone-row').count()).toBe(0);
    await shoot(page, 'member-phone-bound');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
