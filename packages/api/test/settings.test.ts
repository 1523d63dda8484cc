/** Merchant settings through the one settings service: stored, validated, defaulted, failing the same way everywhere. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../src/lib/app-error.js';
import { CHECK_IN_RULES, DEFAULT_CHECK_IN_RULES } from '../src/modules/check-in/index.js';
import { DEFAULT_ORDER_SETTINGS, ORDER_SETTINGS } from '../src/modules/orders/index.js';
import { createTestContext, type TestContext } from './context.js';
import { call, createStaffAndLogin } from './factories.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const store = (key: string, value: string) =>
  ctx.db.insertInto('merchant_settings').values({ key, value, updated_at: ctx.clock.now().toISOString(), updated_by: null }).execute();

describe('settings', () => {
  it('serve their defaults until set, and what was set afterwards', async () => {
    const { settings } = ctx.app.services;
    expect(await settings.get(ORDER_SETTINGS)).toEqual(DEFAULT_ORDER_SETTINGS);
    expect(await settings.get(CHECK_IN_RULES)).toEqual(DEFAULT_CHECK_IN_RULES);
    const owner = await createStaffAndLogin(ctx, 'owner');
    const next = { shippingFlatFeeFen: 600, freeShippingThresholdFen: 5000, paymentWindowMinutes: 20 };
    expect((await call(ctx, 'PUT', '/api/v1/merchant/order-settings', owner.headers(), next)).body).toEqual(next);
    expect(await settings.get(ORDER_SETTINGS)).toEqual(next);
  });

  it('lay a stored object over the defaults, so a field added later gets its default', async () => {
    await store(ORDER_SETTINGS.key, JSON.stringify({ shippingFlatFeeFen: 700 }));
    expect(await ctx.app.services.settings.get(ORDER_SETTINGS)).toEqual({ ...DEFAULT_ORDER_SETTINGS, shippingFlatFeeFen: 700 });
  });

  it('serve the defaults when what is stored is not valid (edited by hand), rather than breaking checkout', async () => {
    await store(ORDER_SETTINGS.key, JSON.stringify({ shippingFlatFeeFen: -5 }));
    await store(CHECK_IN_RULES.key, 'not json');
    expect(await ctx.app.services.settings.get(ORDER_SETTINGS)).toEqual(DEFAULT_ORDER_SETTINGS);
    expect(await ctx.app.services.settings.get(CHECK_IN_RULES)).toEqual(DEFAULT_CHECK_IN_RULES);
  });

  it('refuse an invalid value from any caller with VALIDATION_FAILED naming the field, writing nothing', async () => {
    const err = await ctx.app.services.settings
      .set(ORDER_SETTINGS, { shippingFlatFeeFen: 'free', freeShippingThresholdFen: null, paymentWindowMinutes: 30 }, null)
      .catch((e) => e);
    expect(isAppError(err) && err.code).toBe('VALIDATION_FAILED');
    expect((err as { details: { issues: { field: string }[] } }).details.issues[0]!.field).toBe('shippingFlatFeeFen');
    expect(await ctx.db.selectFrom('merchant_settings').selectAll().execute()).toEqual([]);
  });
});
