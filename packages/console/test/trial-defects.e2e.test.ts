/**
 * The defects a new shop owner met in the console (issue 22's trial), in headless Chromium against the real API
 * (seeded SQLite, the built console at /admin), at 1440 and 1280 px: a product saved with no SKU code typed and put on
 * the shelf in one step (保存并上架); a reused SKU code named on its row in Chinese with the form kept; the new product
 * on top of the list, a draft's row saying shoppers cannot see it; wide tables saying they scroll (售后退款, 积分商城);
 * the viewer's header saying 只读 once; /admin/favicon.ico; the time zone in words; tier icons drawn; check-in rules
 * under 积分. Screenshots go to the folder the test prints.
 */
import { describe, expect, it } from 'vitest';
import { type ConsoleBrowser, consoleSuite, settled as pageSettled, screenshot, signedIn } from './console-browser';

let { api, page, errors } = {} as ConsoleBrowser;
consoleSuite('trial-defects', (browser) => ({ api, page, errors } = browser));

const settled = () => pageSettled(page);
const ownerOn = (path: string) => signedIn(page, api.base, 'owner', path);

/** Fills the single SKU row's price and stock (and its code, when given). */
async function fillSingleRow(price: string, stock: number, code?: string) {
  const row = page.locator('tr.sku-row').first();
  await row.waitFor();
  if (code !== undefined) await row.getByTestId('sku-code').fill(code);
  await row.locator('input[placeholder="0.00"]').fill(price);
  await row.locator('.ant-input-number input').fill(String(stock));
}

describe('products without traps', () => {
  let firstCode = '';
  const title = `无编码卫衣 ${Date.now().toString(36)}`;

  it('saves a product with no SKU code typed and shelves it in one step (保存并上架)', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await ownerOn('/products/new');
    expect(await page.getByTestId('sku-code').first().getAttribute('placeholder')).toBe('选填，留空自动生成');
    await page.getByTestId('product-title').fill(title);
    await fillSingleRow('99.00', 5);
    await page.getByTestId('product-save-shelve').click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    await expect.poll(() => page.getByTestId('product-status').textContent()).toBe('已上架');
    firstCode = await page.getByTestId('sku-code').first().inputValue();
    expect(firstCode).toMatch(/^S[0-9A-Z]{10}$/);
    await screenshot(page, '1440-product-saved-and-shelved.png');
  });

  it('names a reused SKU code on its row in Chinese and keeps the form; a draft lands on top of the list saying shoppers cannot see it', async () => {
    await ownerOn('/products/new');
    await page.getByTestId('product-title').fill(`${title} 二号`);
    await fillSingleRow('59.00', 2, firstCode);
    await page.getByTestId('product-save').click();
    await page.getByText('该编码已被其他规格使用，请换一个').waitFor();
    expect(page.url()).toMatch(/\/admin\/products\/new$/);
    expect(await page.getByTestId('product-title').inputValue()).toBe(`${title} 二号`);
    expect(await page.getByText('请刷新后重试').count()).toBe(0);
    await screenshot(page, '1440-product-code-taken.png');

    await page.getByTestId('sku-code').first().fill('');
    await page.getByTestId('product-save').click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    const id = Number(/products\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId('product-status').textContent()).toBe('草稿');

    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await ownerOn('/products');
      const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await firstRow.getByTestId(`product-status-${id}`).waitFor();
      expect(await firstRow.getByTestId(`product-hidden-${id}`).textContent()).toBe('顾客不可见');
      await screenshot(page, `${width}-product-list-draft-on-top.png`);
    }
    expect(errors).toEqual([]);
  });
});

describe('wide tables, the header and the words on screen', () => {
  it('says a wide table scrolls on 售后退款 and 积分商城 when columns are out of view', async () => {
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of [
        ['refunds', '/refunds'],
        ['points-mall', '/points/mall'],
      ] as const) {
        await ownerOn(path);
        const table = page.locator('.ant-table-content, .ant-table-body').first();
        await table.waitFor();
        const overflows = await table.evaluate((el) => el.scrollWidth - el.clientWidth - el.scrollLeft > 1);
        // Whenever columns are out of view the page says so; when all fit, it does not.
        await expect.poll(() => page.getByTestId('table-scroll-hint').count()).toBe(overflows ? 1 : 0);
        await screenshot(page, `${width}-${name}.png`);
      }
    }
  });

  it('shows 只读 once in the viewer’s header, and /admin/favicon.ico answers', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signedIn(page, api.base, 'viewer', '/products');
    const header = page.locator('.ant-layout-header');
    expect((((await header.textContent()) ?? '').match(/只读/g) ?? []).length).toBe(1);
    await screenshot(page, '1440-viewer-header.png', { fullPage: false });
    const icon = await fetch(`${api.base}/admin/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
  });

  it('says the time zone in words, offers 保存并启用 on a new coupon, draws tier icons, and lists check-in rules under 积分', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await ownerOn('/coupons/new');
    await page.getByTestId('coupon-save-activate').waitFor();
    const body = (await page.locator('main, .ant-layout-content').first().textContent()) ?? '';
    expect(body).not.toContain('Asia/Shanghai');
    expect(body).toContain('北京时间');
    await screenshot(page, '1280-coupon-new.png');
    // 保存并启用: saved and started in one step.
    await page.getByTestId('coupon-name').fill('一步启用 满99减10');
    await page.getByLabel('使用门槛').fill('99');
    await page.getByLabel('减免金额').fill('10');
    await page.getByTestId('coupon-save-activate').click();
    await page.waitForURL(/\/admin\/coupons\/\d+$/);
    const couponId = Number(/coupons\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId(`coupon-status-${couponId}`).first().textContent()).toBe('进行中');

    await ownerOn('/tiers');
    const tiersText = (await page.locator('.ant-layout-content').first().textContent()) ?? '';
    for (const word of ['gift', 'discount', 'truck']) expect(tiersText).not.toContain(word);
    await screenshot(page, '1280-tiers.png');

    await ownerOn('/settings');
    expect(await page.getByRole('tab', { name: '签到奖励' }).count()).toBe(0);
    await page.goto(`${api.base}/admin/points/check-in`);
    await settled();
    await page.getByTestId('check-in-rules-form').waitFor();
    await page.getByRole('menuitem', { name: '签到奖励' }).waitFor();
    await screenshot(page, '1280-check-in-under-points.png');
    expect(errors).toEqual([]);
  });
});
