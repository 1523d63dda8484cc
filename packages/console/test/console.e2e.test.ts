/**
 * The merchant console in headless Chromium against the real API (seeded SQLite, the platform simulator on, the built
 * console served at /admin): an owner logs in, publishes a product with a 2 × 2 SKU matrix and an uploaded image and
 * shelves it; a member sees it and buys it through the API and pays through the simulator; the owner ships it and
 * approves a refund of another order from the console; a viewer sees the pages without anything that changes them and
 * is refused by the API; a cookie request without the CSRF token is refused; an expired session comes back to the
 * same page with what was typed. Screenshots go to the folder the test prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, CONSOLE_DIST, memberWithAddress, paidOrder, REPO_ROOT, type RunningApi, startApi } from './api-server';
import { makePng } from './png';

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
/** Where the screenshots go; printed, so a reviewer can look at them. */
const OUTPUT = process.env.SIYU_TEST_OUTPUT ?? path.join(REPO_ROOT, 'packages/console/test-output');
const PRODUCT_TITLE = '控制台测试卫衣';

let api: RunningApi;
let context: BrowserContext;
let profileDir: string;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error('build the console first: pnpm --filter @siyu/console build');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  fs.mkdirSync(OUTPUT, { recursive: true });
  console.log(`console e2e: screenshots in ${OUTPUT}`);
  api = await startApi();
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-console-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
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

// A failed step leaves a picture of where it stood.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await page
      .screenshot({ path: path.join(OUTPUT, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true })
      .catch(() => {});
  }
});

const shot = async (name: string) => {
  // Let charts finish their entrance animation and fonts settle; toasts would cover the page header.
  await page.waitForTimeout(900);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.ant-message')) (el as HTMLElement).style.display = 'none';
  });
  await page.screenshot({ path: path.join(OUTPUT, name), fullPage: true });
};

async function login(username: string, password: string) {
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Picks an option of an antd Select. */
async function choose(selectTestId: string, option: string) {
  await page.getByTestId(selectTestId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The console's session cookies as this browser holds them. */
const cookieNames = async () => (await context.cookies()).map((c) => c.name).sort();

/** A fetch from inside the page (the browser's cookies go along); answers status and body. */
function pageFetch(method: string, p: string, body: unknown, withCsrf: boolean) {
  return page.evaluate(
    async ({ method, p, body, withCsrf }) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('siyu_csrf='))
          ?.slice('siyu_csrf='.length) ?? '';
      const res = await fetch(p, {
        method,
        headers: { 'content-type': 'application/json', ...(withCsrf ? { 'X-CSRF-Token': csrf } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, p, body, withCsrf },
  );
}

let productId: number;
let skuIds: number[];
let shippedOrder: { id: number; orderNo: string };
let member: Awaited<ReturnType<typeof memberWithAddress>>;

describe('merchant console in headless Chromium', () => {
  it('loads the login page, measures the first load, and logs the owner in with a cookie session', async () => {
    const started = Date.now();
    await page.goto(`${api.base}/admin/`);
    await page.getByTestId('login-submit').waitFor({ timeout: 30_000 });
    const firstLoadMs = Date.now() - started;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd), transferred: nav.transferSize };
    });
    const resources = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).reduce((s, r) => s + r.transferSize, 0),
    );
    console.log(
      `console first load from the embedded server: login form visible after ${firstLoadMs} ms (DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms, ${(resources / 1024).toFixed(0)} KB transferred, cold cache)`,
    );
    expect(page.url()).toContain('/admin/login');

    await login('owner', 'wrong-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await login('owner', 'siyu-owner-demo');
    await page.getByTestId('current-staff').waitFor();
    expect(await page.getByTestId('current-staff').textContent()).toContain('店主');
    expect(await cookieNames()).toEqual(['siyu_csrf', 'siyu_staff']);
    const session = (await context.cookies()).find((c) => c.name === 'siyu_staff')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    // The page cannot read the session cookie, only the CSRF one.
    expect(await page.evaluate(() => document.cookie)).not.toContain('siyu_staff');
  });

  it('publishes a product with a 2 × 2 SKU matrix and an uploaded image, and shelves it', async () => {
    await page.getByRole('menuitem', { name: '商品列表' }).click();
    await page.getByTestId('product-create').click();
    await page.waitForURL(/\/admin\/products\/new$/);
    await page.getByTestId('product-title').fill(PRODUCT_TITLE);
    await page.getByLabel('副标题').fill('重磅纯棉 · 四色可选');

    // The image: uploaded to the API, previewed.
    await page.locator('input[type=file]').setInputFiles({ name: 'hoodie.png', mimeType: 'image/png', buffer: makePng() });
    await page.getByTestId('image-tile').first().waitFor({ timeout: 15_000 });

    // 颜色 × 尺码.
    await page.getByTestId('sku-add-dimension').click();
    await page.getByTestId('sku-dimension-name-0').fill('颜色');
    for (const v of ['红', '蓝']) {
      await page.getByTestId('sku-value-input-0').fill(v);
      await page.getByTestId('sku-value-input-0').press('Enter');
    }
    await page.getByTestId('sku-add-dimension').click();
    await page.getByTestId('sku-dimension-name-1').fill('尺码');
    for (const v of ['M', 'L']) {
      await page.getByTestId('sku-value-input-1').fill(v);
      await page.getByTestId('sku-value-input-1').press('Enter');
    }
    const rows = page.locator('tr.sku-row');
    await expect.poll(() => rows.count()).toBe(4);
    const suffix = Date.now().toString(36).toUpperCase();
    const prices = ['228.00', '228.00', '19.99', '1234.5'];
    for (let i = 0; i < 4; i += 1) {
      const row = rows.nth(i);
      await row.getByTestId('sku-code').fill(`HD-${suffix}-${i}`);
      await row.locator('input[placeholder="0.00"]').fill(prices[i]!);
      await row.locator('.ant-input-number input').fill(String(10 + i));
    }
    await page.getByTestId('rich-editor').click();
    await page.keyboard.type('加厚纯棉面料，秋冬百搭。');
    await page.getByTestId('product-save').click();

    await page.waitForURL(/\/admin\/products\/\d+$/, { timeout: 20_000 });
    productId = Number(/products\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId('product-status').textContent()).toBe('草稿');
    await page.getByTestId('product-shelve').click();
    await expect.poll(() => page.getByTestId('product-status').textContent(), { timeout: 10_000 }).toBe('已上架');
    await shot('product-edit.png');

    // A member sees it: on shelf, four SKUs with the prices as typed, the image at an absolute URL that loads.
    const seen = await apiCall<{
      status: string;
      imageUrls: string[];
      skus: { id: number; priceFen: number; specs: Record<string, string>; stock: number }[];
      description: string;
    }>(api.base, 'GET', `/api/v1/products/${productId}`, null);
    expect(seen.status).toBe('on_shelf');
    expect(seen.skus.map((s) => s.priceFen).sort((a, b) => a - b)).toEqual([1999, 22800, 22800, 123450]);
    expect(seen.skus.map((s) => `${s.specs.颜色}${s.specs.尺码}`).sort()).toEqual(['红L', '红M', '蓝L', '蓝M']);
    expect(seen.description).toContain('加厚纯棉面料');
    expect(seen.imageUrls).toHaveLength(1);
    expect(seen.imageUrls[0]).toMatch(new RegExp(`^${api.base}/uploads/products/`));
    const image = await fetch(seen.imageUrls[0]!);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    skuIds = seen.skus.map((s) => s.id);
  });

  it('ships an order a member placed and paid, and reads the state back', async () => {
    member = await memberWithAddress(api.base, `console-e2e-${Date.now()}`);
    const order = await paidOrder(api.base, member, skuIds[0]!, 2);
    shippedOrder = order;

    await page.goto(`${api.base}/admin/orders?orderNo=${order.orderNo}`);
    await page.getByTestId('order-link').first().click();
    await page.waitForURL(new RegExp(`/admin/orders/${order.id}$`));
    await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 15_000 }).toBe('待发货');
    await choose('ship-carrier', '顺丰速运');
    await page.getByTestId('ship-tracking').fill('SF1234567890');
    await page.getByTestId('ship-submit').click();
    await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 15_000 }).toBe('已发货');
    expect(await page.getByTestId('order-shipping').textContent()).toContain('SF1234567890');

    const readBack = await apiCall<{ status: string; carrier: string; trackingNo: string }>(
      api.base,
      'GET',
      `/api/v1/orders/${order.id}`,
      member.token,
    );
    expect(readBack).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    await shot('order-detail.png');
  });

  it('approves a refund from the console', async () => {
    const order = await paidOrder(api.base, member, skuIds[1]!, 1);
    const refund = await apiCall<{ id: number }>(
      api.base,
      'POST',
      `/api/v1/orders/${order.id}/refunds`,
      member.token,
      { reason: '尺码不合适' },
      { 'Idempotency-Key': `refund-${order.id}` },
    );

    await page.getByRole('menuitem', { name: '售后退款' }).click();
    await page.getByTestId(`refund-approve-${refund.id}`).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect
      .poll(
        async () =>
          (await apiCall<{ items: { id: number; status: string }[] }>(api.base, 'GET', `/api/v1/orders/${order.id}/refunds`, member.token)).items[0]
            ?.status,
        { timeout: 20_000 },
      )
      .toBe('succeeded');
    await expect
      .poll(async () => (await apiCall<{ status: string }>(api.base, 'GET', `/api/v1/orders/${order.id}`, member.token)).status, { timeout: 20_000 })
      .toBe('refunded');
  });

  it('shows the dashboard from the aggregate endpoint, with today’s orders', async () => {
    await page.getByRole('menuitem', { name: '数据概览' }).click();
    await page.getByTestId('chart-trend').waitFor({ timeout: 20_000 });
    // Two orders paid today: 2 × 228.00 + 10.00 shipping... whatever shipping the settings say; read it from the API.
    const dashboard = await apiCall<{ periods: { today: { paidOrders: number; salesFen: number } } }>(
      api.base,
      'GET',
      '/api/v1/merchant/dashboard',
      await staffToken('owner', 'siyu-owner-demo'),
    );
    expect(dashboard.periods.today.paidOrders).toBe(2);
    expect(await page.getByTestId('stat-paidOrders').textContent()).toContain('2');
    await shot('dashboard.png');
  });

  it('is usable at 1280 × 800: no page scrolls sideways', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const pages: [string, string][] = [
      ['dashboard', '/admin/'],
      ['products', '/admin/products'],
      ['product-edit', `/admin/products/${productId}`],
      ['categories', '/admin/categories'],
      ['orders', '/admin/orders'],
      ['order-detail', `/admin/orders/${shippedOrder.id}`],
      ['refunds', '/admin/refunds'],
      ['members', '/admin/members'],
      ['member-detail', `/admin/members/${member.id}`],
      ['settings', '/admin/settings'],
    ];
    for (const [name, p] of pages) {
      await page.goto(`${api.base}${p}`);
      await page.locator('.page-header h2').waitFor();
      await page
        .locator('.ant-skeleton')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => {});
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
      // No column squeezed to one character per line: table headers stay one or two lines high.
      const squeezed = await page.$$eval('.ant-table-thead th', (ths) =>
        ths.filter((th) => th.getBoundingClientRect().height > 80).map((th) => th.textContent),
      );
      expect(squeezed, p).toEqual([]);
      await shot(`1280-${name}.png`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('refuses a mutating cookie request without the CSRF token', async () => {
    const without = await pageFetch('POST', '/api/v1/merchant/categories', { name: '无令牌分类' }, false);
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('FORBIDDEN');
    const withToken = await pageFetch('POST', '/api/v1/merchant/categories', { name: '有令牌分类' }, true);
    expect(withToken.status).toBe(201);
    const tree = await apiCall<{ name: string }[]>(api.base, 'GET', '/api/v1/categories', null);
    expect(tree.map((c) => c.name)).toContain('有令牌分类');
    expect(tree.map((c) => c.name)).not.toContain('无令牌分类');
  });

  it('brings an expired session back to the same page with what was typed', async () => {
    await page.goto(`${api.base}/admin/products/new`);
    await page.getByTestId('product-title').fill('过期前输入的标题');
    await page.getByTestId('sku-code').fill(`EXP-${Date.now().toString(36)}`);
    await page.locator('tr.sku-row input[placeholder="0.00"]').fill('9.90');
    await page.locator('tr.sku-row .ant-input-number input').fill('3');
    // The session ends (expired, or revoked): the browser no longer has it.
    await context.clearCookies({ name: 'siyu_staff' });
    await page.getByTestId('product-save').click();
    await page.getByTestId('session-expired').waitFor({ timeout: 10_000 });
    await page.getByTestId('session-expired').getByLabel('账号').fill('owner');
    await page.getByTestId('session-expired').getByLabel('密码').fill('siyu-owner-demo');
    await page.getByTestId('session-expired').getByTestId('login-submit').click();
    await page.getByTestId('session-expired').waitFor({ state: 'detached', timeout: 10_000 });
    expect(page.url()).toContain('/admin/products/new');
    expect(await page.getByTestId('product-title').inputValue()).toBe('过期前输入的标题');
    await page.getByTestId('product-save').click();
    await page.waitForURL(/\/admin\/products\/\d+$/, { timeout: 20_000 });
  });

  it('shows a viewer the same pages without anything that changes them; the API refuses the viewer', async () => {
    await page.goto(`${api.base}/admin/`);
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByTestId('login-submit').waitFor();
    expect(await cookieNames()).toEqual([]);
    await login('viewer', 'siyu-viewer-demo');
    await page.getByTestId('read-only-banner').waitFor();

    await page.getByRole('menuitem', { name: '商品列表' }).click();
    await page.locator('.js-product-title', { hasText: PRODUCT_TITLE }).first().waitFor();
    expect(await page.getByTestId('product-create').count()).toBe(0);
    expect(await page.getByTestId('bulk-shelve').count()).toBe(0);

    await page.goto(`${api.base}/admin/products/${productId}`);
    await expect.poll(() => page.getByTestId('product-status').textContent()).toBe('已上架');
    expect(await page.getByTestId('product-save').count()).toBe(0);
    expect(await page.getByTestId('product-unshelve').count()).toBe(0);
    expect(await page.getByTestId('sku-add-dimension').count()).toBe(0);
    expect(await page.getByTestId('product-title').isDisabled()).toBe(true);

    const paid = await paidOrder(api.base, member, skuIds[2]!, 1);
    await page.goto(`${api.base}/admin/orders/${paid.id}`);
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('待发货');
    expect(await page.getByTestId('ship-submit').count()).toBe(0);

    await page.goto(`${api.base}/admin/refunds`);
    await page.locator('.ant-table').first().waitFor();
    expect(await page.locator('[data-testid^=refund-approve-]').count()).toBe(0);

    // The API itself refuses the viewer's session, CSRF token and all.
    const shelve = await pageFetch('POST', '/api/v1/merchant/products/shelf', { productIds: [productId], onShelf: false }, true);
    expect(shelve.status).toBe(403);
    const ship = await pageFetch('POST', `/api/v1/merchant/orders/${paid.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF0000' }, true);
    expect(ship.status).toBe(403);
    expect((await apiCall<{ status: string }>(api.base, 'GET', `/api/v1/orders/${paid.id}`, member.token)).status).toBe('paid');
    expect(errors).toEqual([]);
  });
});

async function staffToken(username: string, password: string): Promise<string> {
  return (await apiCall<{ token: string }>(api.base, 'POST', '/api/v1/merchant/auth/login', null, { username, password })).token;
}
