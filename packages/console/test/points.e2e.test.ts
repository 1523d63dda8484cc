/**
 * Points in the merchant console, in headless Chromium against the real API (seeded SQLite, the built console at
 * /admin): the owner changes the points rules (the expiry change is said to apply to points earned after it, and
 * asked again), grants points to a member and sees the entry on top of the ledger at once, filters the ledger; a
 * viewer sees the rules read-only with the reason and no grant button. The points mall: an item made in the editor,
 * listed with its stock, a redemption by a member shipped from the console and another cancelled (points and stock
 * back) — when the API has the mall's endpoints. Screenshots (1440 × 900) go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, memberWithAddress } from './api-server';
import {
  type ConsoleBrowser,
  choose as chooseOption,
  consoleSuite,
  settled as pageSettled,
  screenshot,
  signedIn,
  staffToken,
  screenSettled,
} from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('points', (browser) => ({ api, page, errors } = browser));

const shot = (name: string, fullPage = true) => screenshot(page, name, { fullPage });

const settled = () => pageSettled(page);

// A test starts from the owner (or a viewer) signed in whoever the test before it left signed in (or if it failed half-way).
const ownerSignedIn = () => signedIn(page, api.base, 'owner');
const viewerOn = (path: string) => signedIn(page, api.base, 'viewer', path);

let member: Awaited<ReturnType<typeof memberWithAddress>> | undefined;
/** The member the points are granted to (made by the grant test, or by the first test after it that needs one). */
const theMember = async () => {
  member ??= await memberWithAddress(api.base, `points-e2e-${Date.now()}`);
  return member;
};

const choose = (selectTestId: string, option: string) => chooseOption(page, selectTestId, option);

/** A JSON call from inside the page, on the browser's cookie session (with the CSRF token for changes). */
function pageFetch<T = any>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, p, body }) => {
      const csrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('siyu_csrf='))
          ?.slice('siyu_csrf='.length) ?? '',
      );
      const res = await fetch(p, {
        method,
        headers: { 'content-type': 'application/json', ...(method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, p, body },
  );
}

/** Nothing broken at this size: no sideways scrolling, no text squeezed to a character per line. */
async function checkLayout(where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, where).toBeLessThanOrEqual(0);
  const squeezed = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'th, td, label, .ant-tag, .ant-btn, .ant-statistic-title, .ant-card-head-title, .ant-form-item-extra, .ant-radio-wrapper',
      ),
    ]
      .filter((el) => {
        const text = (el.textContent ?? '').trim();
        const r = el.getBoundingClientRect();
        if (text.length < 3 || r.width === 0) return false;
        const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 22;
        // Three or more lines for a few characters: squeezed.
        return r.height > lineHeight * 3 && r.width < 40;
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 20)),
  );
  expect(squeezed, where).toEqual([]);
}

/**
 * A points-mall item made through the merchant API, as the editor makes the first one: a catalog SKU of 明前西湖龙井
 * for 100 points, 10 in stock, 2 a member (1 a day), on sale. Each test that needs an item makes its own.
 */
async function mallItem(title: string): Promise<number> {
  const owner = await staffToken(api.base, 'owner', 'siyu-owner-demo');
  const teas = await apiCall<{ items: { id: number }[] }>(api.base, 'GET', `/api/v1/products?keyword=${encodeURIComponent('龙井')}`, null);
  const tea = await apiCall<{ skus: { id: number; stock: number }[] }>(api.base, 'GET', `/api/v1/products/${teas.items[0]!.id}`, null);
  const skuId = tea.skus.find((sku) => sku.stock > 10)!.id;
  const item = await apiCall<{ id: number }>(api.base, 'POST', '/api/v1/merchant/points-mall/items', owner, {
    kind: 'sku',
    skuId,
    title,
    pointsPrice: 100,
    totalStock: 10,
    perMemberLimit: 2,
    perMemberDailyLimit: 1,
    status: 'on',
  });
  return item.id;
}

/** A member with 500 points (granted by the owner) who redeems one of `itemId`, awaiting fulfilment. */
async function redeem(itemId: number, user: string) {
  const m = await memberWithAddress(api.base, `${user}-${Date.now()}`);
  const owner = await staffToken(api.base, 'owner', 'siyu-owner-demo');
  await apiCall(api.base, 'POST', `/api/v1/merchant/members/${m.id}/points-adjustments`, owner, {
    delta: 500,
    reason: '兑换测试',
    key: `grant-${user}-${Date.now()}`,
  });
  const r = await apiCall<{ id: number; redemptionNo: string; status: string }>(
    api.base,
    'POST',
    '/api/v1/points-mall/redemptions',
    m.token,
    { itemId, quantity: 1, addressId: m.addressId },
    { 'Idempotency-Key': `redeem-${user}-${Date.now()}` },
  );
  expect(r.status).toBe('awaiting_fulfilment');
  return { member: m, redemption: r };
}

describe('points in the console', () => {
  it('changes the points rules; a new expiry policy is said to apply to points earned after it', async () => {
    await ownerSignedIn();
    await page.getByRole('menuitem', { name: '积分规则' }).click();
    await page.waitForURL(/\/admin\/points\/rules$/);
    await settled();
    await page.getByTestId('points-rules-form').waitFor();
    expect(await page.getByTestId('expiry-applies-after').textContent()).toContain('只对修改之后获得的积分生效');
    expect(await page.getByTestId('earning-rate').inputValue()).toBe('1');

    await page.getByTestId('earning-rate').fill('2');
    await page.getByTestId('maturity-days').fill('10');
    expect(await page.getByTestId('earning-example').textContent()).toContain('获得 200 积分');
    await page.getByLabel('获得后 N 天过期').check();
    await page.getByTestId('expiry-days').fill('180');
    await page.getByTestId('checkout-share').fill('30');
    await page.getByTestId('checkout-rate').click();
    await expect.poll(() => page.getByTestId('checkout-example').textContent()).toContain('3000 积分抵扣 ¥30.00');
    await page.getByLabel('从退款金额中扣除').check();
    await page.getByTestId('task-first_order').fill('200');
    // Out of range: said beside the field, nothing sent.
    await page.getByTestId('checkout-rate').fill('0');
    await page.getByTestId('points-rules-save').click();
    await page
      .locator('.ant-form-item', { has: page.getByTestId('checkout-rate') })
      .getByText('请填写 1-10000 的整数')
      .waitFor();
    await page.getByTestId('checkout-rate').fill('100');

    await page.getByTestId('points-rules-save').click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('将由“获得次年年底过期”改为“获得后 180 天过期”');
    await shot('points-rules-confirm.png', false);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();

    const saved = await pageFetch('GET', '/api/v1/merchant/points/rules');
    expect(saved.body).toEqual({
      earning: { pointsPerYuan: 2, maturityDays: 10 },
      expiry: { policy: 'days_after_earning', days: 180, noticeDays: 30 },
      checkout: { enabled: true, pointsPerYuan: 100, maxShareBp: 3000 },
      refundOfSpentPoints: 'deduct_from_refund',
      tasks: { complete_profile: 20, bind_phone: 50, first_order: 200 },
    });
    await checkLayout('points rules');
    await shot('points-rules.png');
  });

  it('sets the check-in rules: a weekly cycle, a cumulative reward and make-up (补签)', async () => {
    await ownerSignedIn();
    await page.setViewportSize({ width: 1280, height: 800 });
    // With the points pages in the nav (积分), no longer a tab of 店铺设置.
    await page.goto(`${api.base}/admin/points/check-in`);
    await settled();
    await page.getByTestId('check-in-rules-form').waitFor();
    await page.getByLabel('按周（周一至周日）').check();
    await page.getByTestId('add-milestone').click();
    await page.getByLabel('累计满').first().fill('3');
    await page.getByLabel('积分', { exact: true }).first().fill('20');
    await page.getByTestId('make-up-enabled').click();
    await page.getByTestId('make-up-cost').fill('5');
    await page.getByTestId('make-up-max').fill('7');
    await page.getByTestId('check-in-rules-save').click();
    await page
      .locator('.ant-form-item', { has: page.getByTestId('make-up-max') })
      .getByText('请填写 1-6 的整数')
      .waitFor();
    await page.getByTestId('make-up-max').fill('2');
    await page.getByTestId('check-in-rules-save').click();
    await page.getByText('已保存').waitFor();
    const saved = await pageFetch('GET', '/api/v1/merchant/check-in/rules');
    expect(saved.body).toMatchObject({
      cycle: 'week',
      cumulativeRewards: [{ count: 3, points: 20, growth: 0 }],
      makeUp: { enabled: true, costPoints: 5, maxPerCycle: 2, payReward: false },
    });
    await checkLayout('check-in rules');
    await shot('1280-check-in-rules.png');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('grants points to a member with a reason; the entry is on top of the ledger at once', async () => {
    await ownerSignedIn();
    const member = await theMember();
    await apiCall(api.base, 'POST', '/api/v1/check-in', member.token, {});
    await page.goto(`${api.base}/admin/members/${member.id}`);
    await settled();
    await page.getByTestId('member-points-figures').waitFor();
    const before = Number(await page.getByTestId('member-points').textContent());
    expect(before).toBeGreaterThan(0);
    expect(await page.getByTestId('ledger-delta').allTextContents()).toEqual([`+${before}`]);

    await page.getByTestId('points-adjust').click();
    await page.getByTestId('points-adjust-amount').fill('120');
    await page.getByTestId('points-adjust-submit').click();
    await page.getByText('请填写调整原因，会员和其他员工都能看到').waitFor();
    await page.getByTestId('points-adjust-reason').fill('客诉补偿：物流延误');
    await page.getByTestId('points-adjust-submit').click();
    await page.getByText('已发放 120 积分').waitFor();
    await expect.poll(() => page.getByTestId('ledger-delta').first().textContent()).toBe('+120');
    await page.getByTestId('points-ledger').getByText('客诉补偿：物流延误').waitFor();
    expect(await page.getByTestId('points-ledger').locator('th').first().textContent()).toBe('时间');
    await expect.poll(() => page.getByTestId('member-points').textContent()).toBe(String(before + 120));
    // The member sees it.
    const mine = await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', member.token);
    expect(mine.available).toBe(before + 120);

    // Filters: manual adjustments only, then check-ins only.
    await choose('ledger-reason', '手工调整');
    await expect.poll(() => page.getByTestId('ledger-delta').allTextContents()).toEqual(['+120']);
    await choose('ledger-reason', '签到奖励');
    await expect.poll(() => page.getByTestId('ledger-delta').allTextContents()).toEqual([`+${before}`]);
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await expect.poll(() => page.getByTestId('ledger-delta').allTextContents()).toEqual(['+120', `+${before}`]);
    await checkLayout('member detail');
    await shot('member-points.png');
  });

  it('shows a viewer the rules read-only with the reason, and no grant button', async () => {
    const member = await theMember();
    await viewerOn('/points/rules');
    await page.getByTestId('points-rules-form').waitFor();
    expect(await page.getByTestId('earning-rate').isDisabled()).toBe(true);
    expect(await page.getByTestId('points-rules-save').isDisabled()).toBe(true);
    expect(await page.locator('[data-disabled-reason]', { has: page.getByTestId('points-rules-save') }).getAttribute('data-disabled-reason')).toBe(
      '只读账号无法修改',
    );
    await page.getByTestId('points-rules-save').hover({ force: true });
    await shot('viewer-points-rules.png');
    const refused = await pageFetch('PUT', '/api/v1/merchant/points/rules', (await pageFetch('GET', '/api/v1/merchant/points/rules')).body);
    expect(refused.status).toBe(403);

    await page.goto(`${api.base}/admin/members/${member.id}`);
    await settled();
    await page.getByTestId('member-points-figures').waitFor();
    expect(await page.getByTestId('points-adjust').count()).toBe(0);
  });

  it('makes a points-mall item in the editor: a catalog SKU for points, and a virtual benefit for points plus cash', async () => {
    await ownerSignedIn();
    await page.getByRole('menuitem', { name: '积分商城' }).click();
    await page.waitForURL(/\/admin\/points\/mall$/);
    await settled();
    await page.getByTestId('mall-create').click();
    await page.waitForURL(/\/admin\/points\/mall\/new$/);
    await page.getByTestId('mall-form').waitFor();
    // A SKU: the product found by name, then its spec.
    await page.getByTestId('mall-product-picker').click();
    await page.keyboard.type('龙井');
    // The search settles (typed text is debounced) before an option is picked.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).toEqual(['明前西湖龙井']);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '明前西湖龙井' }).first().click();
    await expect.poll(() => page.getByTestId('mall-product-picker').textContent()).toContain('明前西湖龙井');
    await page.getByTestId('mall-sku-picker').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '库存' }).first().click();
    await page.getByTestId('mall-title').fill('积分兑 明前龙井');
    await page.getByTestId('mall-points').fill('100');
    await page.getByTestId('mall-stock').fill('10');
    await page.getByTestId('mall-limit').fill('2');
    // A daily limit above the total limit is refused as typed.
    await page.getByTestId('mall-daily-limit').fill('3');
    await page.getByTestId('mall-save').click();
    await page.getByText('每天限兑不能多于每人限兑').waitFor();
    await page.getByTestId('mall-daily-limit').fill('1');
    await page.getByTestId('mall-list-now').check();
    await checkLayout('mall editor');
    await shot('mall-edit.png');
    await page.getByTestId('mall-save').click();
    await page.waitForURL(/\/admin\/points\/mall$/);
    await settled();

    // A virtual benefit, points plus cash typed in yuan, with a window in the merchant's time zone.
    await page.getByTestId('mall-create').click();
    await page.getByTestId('mall-form').waitFor();
    await page.getByTestId('mall-kind').getByText('虚拟权益').click();
    await page.getByTestId('mall-title').fill('门店咖啡券');
    await page.getByTestId('mall-points').fill('300');
    await page.getByLabel('另需支付（元）').fill('9.90');
    await page.getByTestId('mall-stock').fill('50');
    await page.getByTestId('mall-save').click();
    await page.getByText('虚拟权益需要填写使用说明').waitFor();
    await page.getByTestId('mall-instructions').fill('到店出示兑换记录，换一杯美式咖啡');
    const range = page.locator('.ant-picker-range');
    await range.locator('input').first().click();
    await range.locator('input').first().fill('2026-12-01 00:00');
    await page.keyboard.press('Enter');
    await range.locator('input').nth(1).fill('2026-12-31 23:59');
    await page.keyboard.press('Enter');
    await expect.poll(() => range.locator('input').first().inputValue()).toBe('2026-12-01 00:00');
    await page.getByTestId('mall-title').click();
    await page.getByTestId('mall-save').click();
    await page.waitForURL(/\/admin\/points\/mall$/);
    await settled();

    const items = (await pageFetch<{ items: any[] }>('GET', '/api/v1/merchant/points-mall/items')).body.items;
    const tea = items.find((i) => i.title === '积分兑 明前龙井');
    const coffee = items.find((i) => i.title === '门店咖啡券');
    expect(tea).toMatchObject({ kind: 'sku', pointsPrice: 100, cashFen: 0, totalStock: 10, perMemberLimit: 2, perMemberDailyLimit: 1, status: 'on' });
    expect(tea.skuId).toEqual(expect.any(Number));
    expect(coffee).toMatchObject({
      kind: 'virtual',
      pointsPrice: 300,
      cashFen: 990,
      status: 'off',
      onSaleFrom: '2026-11-30T16:00:00.000Z',
      onSaleUntil: '2026-12-31T16:00:00.000Z',
    });
    expect(await page.getByTestId(`mall-stock-${tea.id}`).textContent()).toBe('剩余 10 / 共 10');
    expect(await page.getByTestId(`mall-state-${tea.id}`).textContent()).toBe('兑换中');
    expect(await page.getByTestId(`mall-state-${coffee.id}`).textContent()).toBe('已下架');
    expect(await page.locator('tr', { has: page.getByTestId(`mall-item-${coffee.id}`) }).textContent()).toContain('300 积分 + ¥9.90');
  });

  it('ships one redemption with a tracking number and cancels another, which returns the points and the stock', async () => {
    const mall = { itemId: await mallItem('积分兑 龙井（发货）') };
    const shipped = await redeem(mall.itemId, 'mall-ship');
    const cancelled = await redeem(mall.itemId, 'mall-cancel');
    await ownerSignedIn();
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', cancelled.member.token)).available).toBe(400);

    await page.getByRole('menuitem', { name: '兑换订单' }).click();
    await page.waitForURL(/\/admin\/points\/redemptions$/);
    await settled();
    await page.getByTestId(`redemption-${shipped.redemption.redemptionNo}`).waitFor();
    await shot('mall-redemptions-before.png');

    await page.getByTestId(`redemption-ship-${shipped.redemption.id}`).click();
    await choose('redemption-carrier', '顺丰速运');
    await page.getByTestId('redemption-tracking').fill('SF1234567890');
    await page.getByTestId('redemption-ship-submit').click();
    await expect.poll(() => page.getByTestId(`redemption-status-${shipped.redemption.id}`).textContent()).toBe('已完成');
    expect(await page.locator('tr', { has: page.getByTestId(`redemption-status-${shipped.redemption.id}`) }).textContent()).toContain(
      '顺丰速运 SF1234567890',
    );

    await page.getByTestId(`redemption-cancel-${cancelled.redemption.id}`).click();
    await page.getByTestId('redemption-cancel-submit').click();
    await page.getByText('请填写取消原因，会员可以看到').waitFor();
    await page.getByTestId('redemption-cancel-reason').fill('缺货，积分已退回');
    await page.getByTestId('redemption-cancel-submit').click();
    await expect.poll(() => page.getByTestId(`redemption-status-${cancelled.redemption.id}`).textContent()).toBe('已取消');
    expect((await apiCall<{ available: number }>(api.base, 'GET', '/api/v1/points', cancelled.member.token)).available).toBe(500);
    const mine = await apiCall<{ items: { id: number; status: string; trackingNo: string | null }[] }>(
      api.base,
      'GET',
      '/api/v1/points-mall/redemptions',
      shipped.member.token,
    );
    expect(mine.items[0]).toMatchObject({ status: 'fulfilled', trackingNo: 'SF1234567890' });

    // Filtered to what is left to ship: nothing.
    await choose('redemption-status-filter', '待发货');
    await page.getByText('暂无数据').waitFor();
    await page.locator('.ant-select-clear').first().click({ force: true });
    await settled();
    await checkLayout('redemptions');
    await shot('mall-redemptions.png');

    // The stock: one taken, one back; then five more, and the item off.
    await page.getByRole('menuitem', { name: '积分商城' }).click();
    await settled();
    await expect.poll(() => page.getByTestId(`mall-stock-${mall.itemId}`).textContent()).toBe('剩余 9 / 共 10');
    await page.getByTestId(`mall-stock-adjust-${mall.itemId}`).click();
    await page.getByTestId('mall-stock-amount').fill('5');
    await page.getByTestId('mall-stock-reason').fill('补货');
    await page.getByTestId('mall-stock-submit').click();
    await expect.poll(() => page.getByTestId(`mall-stock-${mall.itemId}`).textContent()).toBe('剩余 14 / 共 15');
    await page.getByTestId(`mall-status-${mall.itemId}`).click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => page.getByTestId(`mall-state-${mall.itemId}`).textContent()).toBe('已下架');
    await checkLayout('mall items');
    await shot('mall-list.png');
  });

  it('shows a viewer the mall with every change disabled, saying why, and leads from an item to its redemptions', async () => {
    const mall = { itemId: await mallItem('积分兑 龙井（只读）') };
    await redeem(mall.itemId, 'mall-viewer');
    await viewerOn('/');
    await page.getByRole('menuitem', { name: '积分商城' }).click();
    await settled();
    await page.getByTestId(`mall-state-${mall.itemId}`).waitFor();
    expect(await page.getByTestId('mall-create').isDisabled()).toBe(true);
    expect(await page.getByTestId(`mall-stock-adjust-${mall.itemId}`).isDisabled()).toBe(true);
    expect(await page.getByTestId(`mall-status-${mall.itemId}`).isDisabled()).toBe(true);
    expect(await page.locator('[data-disabled-reason]', { has: page.getByTestId('mall-create') }).getAttribute('data-disabled-reason')).toBe(
      '只读账号无法修改',
    );
    await checkLayout('viewer mall');
    await shot('viewer-mall-list.png');
    expect(await page.getByTestId(`mall-redemptions-${mall.itemId}`).textContent()).toBe('已兑 1');
    await page.getByTestId(`mall-redemptions-${mall.itemId}`).click();
    await page.waitForURL(/\/admin\/points\/redemptions\?itemId=/);
    await page.getByTestId('redemption-item-filter').waitFor();
    await expect.poll(() => page.locator('tbody [data-testid^="redemption-status-"]').count()).toBe(1);
    const refused = await pageFetch('PUT', `/api/v1/merchant/points-mall/items/${mall.itemId}/status`, { status: 'off' });
    expect(refused.status).toBe(403);
  });

  it('fits 1280 × 800 on every points page', async () => {
    const member = await theMember();
    const mall = { itemId: await mallItem('积分兑 龙井（布局）') };
    await ownerSignedIn();
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const [name, p] of [
      ['points-rules', '/admin/points/rules'],
      ['member-points', `/admin/members/${member.id}`],
      ['mall', '/admin/points/mall'],
      ['mall-new', '/admin/points/mall/new'],
      ['mall-edit', `/admin/points/mall/${mall.itemId}/edit`],
      ['redemptions', '/admin/points/redemptions'],
    ] as const) {
      await page.goto(`${api.base}${p}`);
      await settled();
      await screenSettled(page);
      await checkLayout(p);
      await shot(`1280-${name}.png`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('has no page errors', () => {
    expect(errors).toEqual([]);
  });
});
