/**
 * Subscription messages in the H5 build (decisions 044, 045): the merchant sets a WeChat template for 订单已发货; the
 * shopper pays, taps 订阅发货通知 on 支付成功 and allows it in the simulated prompt; staff ship the order; the outbox
 * sends the message through the simulated WeChat, which shows it among what the user received; the member centre
 * shows the unread badge and the message centre the message, at 390 and 320 px.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiCall, createAddress } from './api-server.js';
import { memberToken, screenSettled, screenshotter, textOf, WAIT_MS } from './h5-page.js';
import { buySpecProduct, phoneSuite, type PhoneSuite } from './h5-suite.js';

const PRODUCT_TITLE = '消息测试卫衣';
const TEMPLATE_ID = 'wxTplShippedE2E01';
const SHOTS = '/tmp/shots/messages';

let { api, context, owner, product } = {} as PhoneSuite;
phoneSuite({ product: PRODUCT_TITLE }, (suite) => {
  ({ api, context, owner, product } = suite);
});

describe('H5: subscribe after paying, and the shipped message on the platform and in the message centre', () => {
  it('accepts a subscription, pays, staff ship, and the message arrives in both places', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const shoot = screenshotter(SHOTS, ['.js-pay-success-subscribe', '.js-message', '.js-messages-read-all', '.js-message-centre-entry']);
    await apiCall(api.base, 'PUT', '/api/v1/merchant/message-templates/weapp/order_shipped', owner, {
      templateId: TEMPLATE_ID,
      fields: { character_string1: 'orderNo', thing2: 'productName', thing3: 'carrier', character_string4: 'trackingNo', date5: 'shippedAt' },
      page: 'package-order/pages/list/index',
    });

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${api.base}/`);
    await createAddress(api.base, await memberToken(page), '林订阅');
    await buySpecProduct(page, api.base, product.id, PRODUCT_TITLE);
    await page.locator('.js-checkout-submit').first().click();
    await page.waitForURL(/\/__sim\/pay-page\?/, { timeout: WAIT_MS });
    await page.locator('#confirm', { hasText: '确认支付' }).click();
    await page.waitForURL(/package-order\/pages\/pay-success\/index\?id=\d+/, { timeout: WAIT_MS });
    const orderId = Number(/id=(\d+)/.exec(page.url())![1]);
    await expect.poll(() => textOf(page, '.js-pay-success-heading'), { timeout: WAIT_MS }).toBe('支付成功');

    // The offer, then the simulated platform prompt: allow.
    await page.locator('.js-pay-success-subscribe').first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'pay-success-subscribe');
    await page.locator('.js-pay-success-subscribe').first().click();
    const modal = page.locator('.taro__modal');
    await modal.locator('.taro-modal__content').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await screenSettled(page); // the modal fades in
    await page.screenshot({ path: `${SHOTS}/subscribe-prompt.png` });
    await modal.locator('.taro-model__confirm').first().click();
    await expect.poll(() => textOf(page, '.js-pay-success-subscribed'), { timeout: WAIT_MS }).toBe('已订阅，发货时会通知你');

    const token = await memberToken(page);
    const consents = await apiCall<{ items: { templateId: string; answer: string }[]; unusedAccepts: number }>(
      api.base,
      'GET',
      '/api/v1/me/message-consents',
      token,
    );
    expect(consents).toMatchObject({ unusedAccepts: 1, items: [{ templateId: TEMPLATE_ID, answer: 'accept' }] });

    // Staff ship; the outbox job (every 2 s) sends it through the simulated WeChat.
    const order = await apiCall<{ orderNo: string }>(api.base, 'GET', `/api/v1/orders/${orderId}`, token);
    await apiCall(api.base, 'POST', `/api/v1/merchant/orders/${orderId}/ship`, owner, { carrier: '顺丰速运', trackingNo: 'SF9988776655' });
    await expect
      .poll(
        async () =>
          (await apiCall<{ items: { templateId: string; data: Record<string, string> }[] }>(api.base, 'GET', '/__sim/messages?platform=weapp', null))
            .items,
        {
          timeout: WAIT_MS,
          message: 'waiting for the simulated WeChat to receive the message',
        },
      )
      .toEqual([
        expect.objectContaining({
          templateId: TEMPLATE_ID,
          data: expect.objectContaining({ character_string1: order.orderNo, character_string4: 'SF9988776655' }),
        }),
      ]);
    const sim = await context.newPage();
    await sim.goto(`${api.base}/__sim/messages-page`);
    expect(await sim.locator('#count').textContent()).toBe('1 条');
    await sim.screenshot({ path: `${SHOTS}/simulator-inbox.png`, fullPage: true });
    await sim.setViewportSize({ width: 320, height: 568 });
    await sim.screenshot({ path: `${SHOTS}/simulator-inbox-320.png`, fullPage: true });
    await sim.close();

    // The member centre's badge, then the message centre.
    await page.goto(`${api.base}/#/pages/member/index`);
    await expect.poll(() => textOf(page, '.js-message-badge'), { timeout: WAIT_MS }).toBe('1');
    await page.locator('.js-message-centre-entry').first().scrollIntoViewIfNeeded();
    await shoot(page, 'member-centre-badge');
    await page.locator('.js-message-centre-entry').first().click();
    await page.locator('.js-message-order_shipped').first().waitFor({ timeout: WAIT_MS });
    expect(await textOf(page, '.js-message-order_shipped .message-title')).toBe('订单已发货');
    expect(await textOf(page, '.js-message-body')).toContain('SF9988776655');
    expect(await page.locator('.js-message-unread').count()).toBe(1);
    await shoot(page, 'message-centre');

    // Opening it reads it and goes to the order.
    await page.locator('.js-message-order_shipped').first().click();
    await page.waitForURL(/package-order\/pages\/detail\/index\?id=\d+/, { timeout: WAIT_MS });
    await expect.poll(() => textOf(page, '.js-order-status'), { timeout: WAIT_MS }).toBe('待收货');
    await expect.poll(async () => (await apiCall<{ unread: number }>(api.base, 'GET', '/api/v1/me/messages/unread-count', token)).unread).toBe(0);
    await page.goBack();
    await screenSettled(page);
    expect(errors).toEqual([]);
  });
});
