/**
 * The member centre in the H5 build in headless Chromium, against the real API (seeded: the demo ladder 普通会员 /
 * 银卡会员 500 / 金卡会员 2000 / 钻石会员 8000): the member page's header before and after binding a phone through the
 * simulator (masked, on every visit), the same person's Douyin member (a check-in there) merged in by binding the same
 * phone there (the points and both platforms then show), the profile page (avatar uploaded, nickname, gender, a birthday set once and then
 * locked; a second birthday refused by the API), the tier card, a purchase big enough to reach the next tier's threshold
 * (read from the merchant's ladder and growth rate through the API) and the member price at checkout, 我的数据, and
 * closing the account: refused while the order is unfinished (listed plainly), then closed, landing on the home page as a
 * new visitor.
 *
 * Screenshots at 390×844 and 320×568 go to test-output/h5-membership/; every one is also checked for text wrapped one
 * character per line, for text running off the screen, and for tap targets under 44 px.
 */
import type { MemberProfile, MyTier, TierLadder, TierRules } from '@siyu/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress, memberLogin, memberWrite, simulatorPhoneProof, testOutputDir } from './api-server.js';
import { pickerDown, screenSettled, screenshotter, storedToken, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, openFresh, phoneSuite, type PhoneSuite } from './h5-suite.js';

const PRODUCT_TITLE = '会员中心测试茶具';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, (suite) => {
  ({ api, context, owner, product } = suite);
});

/** What a shopper taps on the member centre's screens: each must be at least 44 × 44 CSS px. */
const TAP_TARGETS = [
  '.js-phone-bind',
  '.js-tier-card',
  '.member-header-top',
  '.js-profile-entry',
  '.js-benefits-entry',
  '.js-privacy-entry',
  '.js-profile-avatar',
  '.js-profile-nickname',
  '.js-profile-gender',
  '.js-profile-birthday',
  '.js-profile-save',
  '.js-close-start',
  '.js-close-cancel',
  '.js-close-agree',
  '.js-checkout-submit',
  '.js-load-retry',
  '#taro-navigation-bar .taro-navigation-bar-back',
];
const shoot = screenshotter(testOutputDir('h5-membership'), TAP_TARGETS);

/** The member page, freshly loaded (the header and the tier card load on every show). */
async function memberPage(page: Page) {
  await openFresh(page, `${api.base}/#/pages/member/index`, '.js-member-header');
  await page.locator('.js-tier-card').first().waitFor({ timeout: WAIT_MS });
}

const breakdown = async (page: Page) => (await page.locator('.js-breakdown-line').allTextContents()).map((l) => l.replace(/\s+/g, ''));

/** Buys `quantity` of 红 / M (¥59.00 each) now: product page → SKU → quantity → 立即购买 → checkout. */
const buyNow = (page: Page, quantity: number) => buySpecProduct(page, api.base, product.id, PRODUCT_TITLE, quantity);

describe('the member centre on the H5 build', () => {
  it('binds a phone, edits the profile, upgrades by buying, shows my data and closes the account', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // -- the member centre of a new member: header, 绑定手机号, the tier card, the menu ---------------------------------
    await memberPage(page);
    const token = (await storedToken(page))!;
    const me = await apiCall<MemberProfile>(api.base, 'GET', '/api/v1/me/profile', token);
    expect(me.phoneMasked).toBeNull();
    expect(await textOf(page, '.js-member-nickname')).toBe(me.nickname);
    await page.locator('.js-phone-row').first().waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.js-member-phone').count()).toBe(0);
    expect(await page.locator('.js-centre-menu .member-menu-label').allTextContents()).toEqual([
      '个人资料',
      '会员权益',
      '隐私与账号',
      '分销中心',
      '我的余额',
      '会员码',
    ]);
    await shoot(page, 'centre-new-member');

    // -- bind a phone through the simulator: masked in the header, and still there on the next visit ----------------
    const bound = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/phone') && r.request().method() === 'POST');
    await page.locator('.js-phone-bind').first().click();
    const res = await bound;
    expect(res.status()).toBe(200);
    const { phoneMasked } = (await res.json()) as { phoneMasked: string };
    expect(phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    await expect.poll(() => textOf(page, '.js-member-phone'), { timeout: WAIT_MS }).toBe(phoneMasked);
    await expect.poll(() => page.locator('.js-phone-row').count()).toBe(0);
    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-member-phone'), { timeout: WAIT_MS }).toBe(phoneMasked);
    await shoot(page, 'centre-bound');

    // -- the same person on Douyin (another platform, the same phone): a check-in there, then the phone bound there --
    // merges that member into this one; the member centre shows the points and both platforms.
    const user = await page.evaluate(() => {
      const raw = localStorage.getItem('siyu.h5.simulatedUser');
      return raw ? ((JSON.parse(raw) as { data?: string }).data ?? raw) : null;
    });
    expect(user).toBeTruthy();
    const douyin = await memberLogin(api.base, 'tt', user!);
    const checkIn = await memberWrite<{ reward: number; businessDate: string }>(api.base, douyin, 'POST', '/api/v1/check-in');
    expect(checkIn.reward).toBeGreaterThan(0);
    const available = async (t: string) => (await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', t)).available;
    const pointsBefore = (await available(token)) + (await available(douyin));
    const merged = await memberWrite<{ memberId: number; merged: { absorbedMemberId: number } | null }>(
      api.base,
      douyin,
      'POST',
      '/api/v1/me/phone',
      await simulatorPhoneProof(api.base, 'tt', user!),
    );
    expect(merged.memberId).toBe(me.id); // the member who held the phone first survives
    expect(merged.merged?.absorbedMemberId).not.toBe(me.id);
    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-points-balance'), { timeout: WAIT_MS }).toBe(String(pointsBefore));
    expect(await textOf(page, '.js-member-phone')).toBe(phoneMasked);

    // -- the profile page: avatar, nickname, gender ---------------------------------------------------------------
    await page.locator('.js-profile-entry').first().click();
    await page.locator('.js-profile-save').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-profile-phone-value')).toBe(phoneMasked);
    expect(await textOf(page, '.js-profile-birthday-note')).toBe('生日设置后不可修改，生日当月可领会员生日礼');
    await shoot(page, 'profile-new');

    // An empty nickname is refused beside the field, before anything is sent.
    await page.locator('.js-profile-nickname input').fill('');
    await page.locator('.js-profile-save').first().click();
    await expect.poll(() => textOf(page, '.js-field-error-nickname')).toBe('请输入昵称');

    const chooser = page.waitForEvent('filechooser');
    await page.locator('.js-profile-avatar').first().click();
    await (await chooser).setFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('img.profile-avatar, .profile-avatar img').count(), { timeout: WAIT_MS }).toBe(1);

    await page.locator('.js-profile-nickname input').fill('林小雨');
    await page.locator('.js-profile-gender').first().click();
    await page.locator('.weui-picker__group:visible').first().waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // the picker slides up
    await pickerDown(page, 0, 2); // 保密 → 男 → 女
    await page.locator('.weui-picker__action:visible').last().click();
    await screenSettled(page); // and away
    await expect.poll(() => textOf(page, '.js-profile-gender-value')).toBe('女 ›');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/profile') && r.request().method() === 'POST');
    await page.locator('.js-profile-save').first().click();
    expect((await saved).status()).toBe(200);
    await expect
      .poll(async () => {
        const p = await apiCall<MemberProfile>(api.base, 'GET', '/api/v1/me/profile', token);
        // an upload of ours answers on the origin the request came in at (images are stored as keys)
        return [p.nickname, p.gender, (p.avatarUrl ?? '').startsWith(`${new URL(api.base).origin}/uploads/avatars/`)];
      })
      .toEqual(['林小雨', 'female', true]);

    // -- the birthday, once: picked, confirmed, saved, then shown locked; the API refuses another --------------------
    await page.locator('.js-profile-birthday').first().click();
    await page.locator('.weui-picker__group:visible').nth(2).waitFor({ timeout: WAIT_MS });
    await screenSettled(page); // the picker slides up
    await shoot(page, 'profile-birthday-picker');
    await pickerDown(page, 1, 2); // January → March
    await pickerDown(page, 2, 4); // 1st → 5th
    await page.locator('.weui-picker__action:visible').last().click();
    const picked = (await textOf(page, '.js-profile-birthday-value')).replace(/\s*›$/, '');
    expect(picked).toMatch(/^\d{4}-03-05$/);
    await page.locator('.js-profile-save').first().click();
    await page.locator('.taro-modal__footer .taro-modal__btn:last-child, .taro-model__confirm').first().click();
    await page.locator('.js-profile-birthday-locked').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-profile-birthday-value')).toBe(picked);
    expect(await textOf(page, '.js-profile-birthday-locked')).toBe('已设置，不可修改');
    await shoot(page, 'profile-saved');
    const again = await fetch(`${api.base}/api/v1/me/profile`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'Idempotency-Key': `again-${Date.now()}` },
      body: JSON.stringify({ birthday: '2000-01-01' }),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('BIRTHDAY_ALREADY_SET');
    expect((await apiCall<MemberProfile>(api.base, 'GET', '/api/v1/me/profile', token)).birthday).toBe(picked);

    // The header shows the new nickname and the uploaded avatar.
    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-member-nickname')).toBe('林小雨');
    await expect.poll(() => page.locator('.js-member-header img').count(), { timeout: WAIT_MS }).toBe(1);

    // -- buy enough to reach the next tier (the merchant's threshold and growth rate, read through the API) ----------
    const ladder = await apiCall<TierLadder>(api.base, 'GET', '/api/v1/tiers', null);
    const rules = await apiCall<TierRules>(api.base, 'GET', '/api/v1/merchant/tiers/rules', owner);
    const before = await apiCall<MyTier>(api.base, 'GET', '/api/v1/tiers/me', token);
    const next = ladder.tiers.find((x) => x.level === before.tier.level + 1)!;
    const quantity = Math.ceil((next.growthThreshold - before.growth) / (59 * rules.perYuan));
    console.log(`growth ${before.growth}, ${next.name} at ${next.growthThreshold}, ${rules.perYuan} a yuan: buying ${quantity} × ¥59`);
    expect(quantity).toBeGreaterThan(1);
    expect(quantity).toBeLessThanOrEqual(20);
    expect(await textOf(page, '.js-tier-name')).toBe(before.tier.name);
    await createAddress(api.base, token, '林小雨');
    await buyNow(page, quantity);
    expect((await breakdown(page)).some((l) => l.includes('会员价'))).toBe(false);
    await page.locator('.js-checkout-submit').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-order\/pages\/pay-success\/index\?id=\d+/, { timeout: WAIT_MS });
    const orderId = Number(new URL(page.url().replace('/#/', '/')).searchParams.get('id'));
    await memberPage(page);
    await expect.poll(() => textOf(page, '.js-tier-name'), { timeout: WAIT_MS }).toBe(next.name);
    await shoot(page, 'centre-upgraded');

    // The member price of the new tier, as a named line of the checkout breakdown.
    await buyNow(page, 1);
    await expect
      .poll(async () => (await breakdown(page)).find((l) => l.includes('会员价')), { timeout: WAIT_MS })
      .toMatch(new RegExp(`^${next.name}价-¥`));
    await shoot(page, 'checkout-member-price');

    // -- 我的数据 -------------------------------------------------------------------------------------------------
    await memberPage(page);
    await page.locator('.js-privacy-entry').first().click();
    await page.locator('.js-data-profile').first().waitFor({ timeout: WAIT_MS });
    const lines = (await page.locator('.js-data-line').allTextContents()).map((l) => l.trim());
    expect(lines).toContain('昵称：林小雨');
    expect(lines).toContain('性别：女');
    expect(lines).toContain(`生日：${picked}`);
    expect(lines).toContain(`手机号：${phoneMasked}`);
    // Told apart by when each was first used, never by a Latin piece of the openid.
    expect(lines.some((l) => /^微信小程序（\d{4}-\d{2}-\d{2} 起使用）$/.test(l))).toBe(true);
    expect(lines.some((l) => /^抖音小程序（\d{4}-\d{2}-\d{2} 起使用）$/.test(l))).toBe(true);
    expect(lines).toContain(`共签到 1 天，最近一次 ${checkIn.businessDate}`);
    expect(lines).toContain('1 次（同一手机号在不同平台的账号已合并）');
    expect(lines).toContain('林小雨 浙江省杭州市西湖区');
    expect(lines).toContain(`共 1 笔，合计 ¥${((quantity * 5900) / 100).toFixed(2)}`);
    expect(lines.some((l) => l.startsWith(`${next.name}，成长值 `))).toBe(true);
    await shoot(page, 'my-data');

    // -- closing: refused while the order is unfinished, listed plainly -------------------------------------------
    await page.locator('.js-close-start').first().scrollIntoViewIfNeeded();
    await page.locator('.js-close-start').first().click();
    await page.locator('.js-close-agree').first().waitFor();
    await page.locator('.js-close-confirm').first().scrollIntoViewIfNeeded();
    await shoot(page, 'close-confirm');
    await page.locator('.js-close-agree').first().click();
    await page.locator('.js-close-open').first().waitFor({ timeout: WAIT_MS });
    // Named by what it is (its first line), not by a bare 26-digit number.
    const order = await apiCall<{ lines: Array<{ title: string }> }>(api.base, 'GET', `/api/v1/orders/${orderId}`, token);
    expect((await page.locator('.js-close-open-item').allTextContents()).map((l) => l.trim())).toEqual([`订单「${order.lines[0]!.title}」 待发货`]);
    await page.locator('.js-close-open').first().scrollIntoViewIfNeeded();
    await shoot(page, 'close-refused');

    // The merchant ships, the member confirms receipt: nothing unfinished; closing goes through.
    await apiCall(api.base, 'POST', `/api/v1/merchant/orders/${orderId}/ship`, owner, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    await memberWrite(api.base, token, 'POST', `/api/v1/orders/${orderId}/confirm-receipt`);
    await page.locator('.js-close-start').first().click();
    const closed = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/close'));
    await page.locator('.js-close-agree').first().click();
    expect((await closed).status()).toBe(200);

    // -- home, as a new visitor: the old token refused, a new member without a phone --------------------------------
    await page.waitForURL(/#\/pages\/index\/index/, { timeout: WAIT_MS });
    const old = await fetch(`${api.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(old.status).toBe(401);
    await expect.poll(async () => storedToken(page), { timeout: WAIT_MS }).not.toBe(token);
    await memberPage(page);
    const fresh = (await storedToken(page))!;
    const newMe = await apiCall<MemberProfile>(api.base, 'GET', '/api/v1/me/profile', fresh);
    expect(newMe.id).not.toBe(me.id);
    expect(newMe.phoneMasked).toBeNull();
    await page.locator('.js-phone-row').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-tier-name')).toBe(ladder.tiers[0]!.name);
    await shoot(page, 'centre-after-closing');

    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
