/**
 * Field issues carry a code from one closed list (docs/errors.md), and the params a client needs for its words: zod's
 * codes with their numbers for schema failures, and the API's own rule codes for its business checks. Clients choose
 * their words by code, so a check that answers without one (or with an English sentence only) breaks them.
 */
import { FIELD_ISSUE_CODES, type FieldIssue } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { eachTestContext, type TestContext } from './context.js';
import { call, freshAddress, loginMember, TEST_ADDRESS, M } from './factories.js';
import { type Shop, type Shopper, withShopAndShopper } from './shop.js';

let ctx: TestContext;
let shop: Shop;
let m: Shopper;
eachTestContext(withShopAndShopper, (s) => ({ ctx, shop, m } = s));

const KNOWN: ReadonlySet<string> = new Set(FIELD_ISSUE_CODES);

/** The error's field issues, each checked to carry a code from the list. */
function issuesOf(res: { status: number; body: any }, status = 400): FieldIssue[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const issues = res.body.error.details?.issues as FieldIssue[];
  expect(issues?.length, JSON.stringify(res.body)).toBeGreaterThan(0);
  for (const issue of issues) expect(KNOWN.has(issue.code), `${issue.field}: ${issue.code}`).toBe(true);
  return issues;
}

describe('field issue codes', () => {
  it('gives zod’s code and numbers for a schema failure, and `required` for a field left out', async () => {
    const res = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: 'x'.repeat(31),
      kind: 'no_threshold_off',
      amountFen: 100,
      perMemberLimit: 101,
    });
    const issues = issuesOf(res);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'too_big', params: { maximum: 30, origin: 'string', inclusive: true } }),
        expect.objectContaining({ field: 'perMemberLimit', code: 'too_big', params: { maximum: 100, origin: 'number', inclusive: true } }),
        expect.objectContaining({ field: 'validity', code: 'required' }),
      ]),
    );
  });

  it('names the rule of a schema refinement (a 满减 coupon above its threshold)', async () => {
    const res = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: '满减',
      kind: 'threshold_off',
      amountFen: 30_000,
      thresholdFen: 19_900,
      validity: { type: 'relative', days: 7 },
    });
    expect(issuesOf(res)).toEqual([expect.objectContaining({ field: 'amountFen', code: 'amount_over_threshold' })]);
  });

  it('names the rule of the services’ own checks, with their params', async () => {
    // A coupon's stock below what is already issued.
    const created = await call(ctx, 'POST', `${M}/coupon-templates`, shop.owner.headers(), {
      name: '无门槛',
      kind: 'no_threshold_off',
      amountFen: 100,
      totalStock: 10,
      validity: { type: 'relative', days: 7 },
    });
    await call(ctx, 'POST', `${M}/coupon-templates/${created.body.id}/activate`, shop.owner.headers());
    for (const who of [m, await loginMember(ctx)]) {
      const claimed = await call(ctx, 'POST', '/api/v1/coupons/claim', who.headers({ 'x-forwarded-for': freshAddress() }), {
        templateId: created.body.id,
      });
      expect(claimed.status).toBe(201);
    }
    const lower = await call(ctx, 'PATCH', `${M}/coupon-templates/${created.body.id}`, shop.owner.headers(), { totalStock: 1 });
    expect(issuesOf(lower)).toEqual([expect.objectContaining({ field: 'totalStock', code: 'below_already_issued', params: { issued: 2 } })]);

    // A price range the wrong way round.
    const range = await call(ctx, 'GET', '/api/v1/products?minPriceFen=500&maxPriceFen=100', {});
    expect(issuesOf(range)).toEqual([expect.objectContaining({ field: 'query.maxPriceFen', code: 'range_order' })]);

    // A region the data set does not know.
    const address = await call(ctx, 'POST', '/api/v1/addresses', m.headers(), { ...TEST_ADDRESS, city: '不存在市' });
    expect(issuesOf(address)).toEqual([expect.objectContaining({ field: 'city', code: 'unknown_region' })]);

    // A deduction larger than the balance (409 INSUFFICIENT_POINTS, naming the field).
    const deduct = await call(ctx, 'POST', `${M}/members/${m.id}/points-adjustments`, shop.owner.headers(), { delta: -5, reason: '扣回' });
    expect(issuesOf(deduct, 409)).toEqual([expect.objectContaining({ field: 'delta', code: 'over_deductible', params: { max: 0 } })]);

    // A points-mall item for a SKU that does not exist.
    const item = await call(ctx, 'POST', `${M}/points-mall/items`, shop.owner.headers(), {
      kind: 'sku',
      skuId: 999_999,
      title: '杯子',
      pointsPrice: 10,
      totalStock: 1,
    });
    expect(issuesOf(item)).toEqual([expect.objectContaining({ field: 'skuId', code: 'not_found_ref' })]);
  });

  it('codes the issues of refusals that are not 400s too (a username taken, the last owner)', async () => {
    const body = { username: 'same-name', displayName: 'A', role: 'operator', password: 'password-1' };
    expect((await call(ctx, 'POST', `${M}/staff`, shop.owner.headers(), body)).status).toBe(201);
    const taken = await call(ctx, 'POST', `${M}/staff`, shop.owner.headers(), body);
    expect(issuesOf(taken, 409)).toEqual([expect.objectContaining({ field: 'username', code: 'already_taken' })]);
    const me = await call(ctx, 'GET', `${M}/me`, shop.owner.headers());
    const demote = await call(ctx, 'PATCH', `${M}/staff/${me.body.staff.id}`, shop.owner.headers(), { role: 'operator' });
    expect(issuesOf(demote, 409)).toEqual([expect.objectContaining({ field: 'role', code: 'last_owner' })]);
  });
});
