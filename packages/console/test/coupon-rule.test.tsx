import type { CouponTemplate } from '@siyu/shared';
import { NewCouponTemplate, UpdateCouponTemplate } from '@siyu/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { parseYuan } from '../src/components/MoneyInput';
import {
  bpToPercent,
  bpToZhe,
  EMPTY_FORM,
  fixedValidityOf,
  formOf,
  isoToWallClock,
  percentToBp,
  ruleErrors,
  ruleSummary,
  type TemplateForm,
  toNewTemplate,
  toTemplateUpdate,
  usageRate,
  validityText,
  wallClockRangeOf,
  wallClockToIso,
  zheToBp,
} from '../src/pages/coupons/coupon-rule';
import { PercentInput } from '../src/pages/coupons/PercentInput';

const SHANGHAI = 'Asia/Shanghai';

const form = (patch: Partial<TemplateForm>): TemplateForm => ({ ...EMPTY_FORM, name: '双十一满减', ...patch });

describe('percent off: 折 and % off <-> basis points, in integers', () => {
  it.each([
    ['8.5', 1500],
    ['85', 1500],
    ['8', 2000],
    ['9', 1000],
    ['95', 500],
    ['8.75', 1250],
    ['8.8', 1200],
    ['9.999', 1],
    ['0.001', 9999],
    ['7.05', 2950],
    ['８．５', 1500],
    ['8。5', 1500],
  ])('%s 折 is %d bp off', (zhe, bp) => {
    expect(zheToBp(zhe)).toBe(bp);
  });

  it.each([
    ['15', 1500],
    ['12.5', 1250],
    ['0.01', 1],
    ['99.99', 9999],
    ['33.33', 3333],
    ['0.1', 10],
    ['0.2', 20],
  ])('%s percent off is %d bp', (pct, bp) => {
    expect(percentToBp(pct)).toBe(bp);
  });

  it('gives back what was typed (no floating-point drift), for every basis point', () => {
    for (let bp = 1; bp <= 9999; bp += 1) {
      expect(zheToBp(bpToZhe(bp))).toBe(bp);
      expect(percentToBp(bpToPercent(bp))).toBe(bp);
    }
    // The float way would drift: (10 - 8.1) * 1000 = 1900.0000000000002, 0.07 * 10000 = 700.0000000000001.
    expect((10 - 8.1) * 1000).not.toBe(1900);
    expect(zheToBp('8.1')).toBe(1900);
    expect(percentToBp('0.07')).toBe(7);
    expect(bpToZhe(1500)).toBe('8.5');
    expect(bpToZhe(1000)).toBe('9');
    expect(bpToPercent(1250)).toBe('12.5');
  });

  it('is not a number yet for half-typed or foreign text, and out of range at 0 and 10 折', () => {
    expect(zheToBp('')).toBeNull();
    expect(zheToBp('.')).toBeNull();
    expect(zheToBp('8..5')).toBeNull();
    expect(zheToBp('abc')).toBeNull();
    expect(percentToBp('100')).toBeNull();
    expect(zheToBp('8.')).toBe(2000);
    expect(zheToBp('0')).toBe(10_000);
    expect(zheToBp('10')).toBe(9000); // read as 1.0折 on a price tag; the field shows "即 1 折，减 90%"
  });
});

describe('rule summaries', () => {
  const rule = { amountFen: null, percentOffBp: null, capFen: null, thresholdFen: 0 };
  it.each([
    [{ ...rule, kind: 'threshold_off', thresholdFen: 19900, amountFen: 2000 }, '满199减20'],
    [{ ...rule, kind: 'threshold_off', thresholdFen: 9950, amountFen: 1005 }, '满99.50减10.05'],
    [{ ...rule, kind: 'no_threshold_off', amountFen: 500 }, '无门槛减5'],
    [{ ...rule, kind: 'percent_off', percentOffBp: 1500, capFen: 5000 }, '8.5折最高减50'],
    [{ ...rule, kind: 'percent_off', percentOffBp: 1000, thresholdFen: 9900 }, '满99享9折'],
    [{ ...rule, kind: 'free_shipping' }, '包邮'],
    [{ ...rule, kind: 'free_shipping', thresholdFen: 5900 }, '满59包邮'],
  ] as const)('%o reads %s', (r, text) => {
    expect(ruleSummary(r)).toBe(text);
  });

  it('use rate in integers', () => {
    expect(usageRate(2, 3)).toBe('66.7%');
    expect(usageRate(1, 1)).toBe('100.0%');
    expect(usageRate(0, 0)).toBe('—');
  });
});

describe('validity in the merchant’s time zone', () => {
  it('turns the merchant’s wall clock into instants whatever the browser’s zone', () => {
    expect(wallClockToIso('2026-11-01 00:00', SHANGHAI)).toBe('2026-10-31T16:00:00.000Z');
    expect(wallClockToIso('2026-07-01 09:30', 'America/New_York')).toBe('2026-07-01T13:30:00.000Z');
    expect(wallClockToIso('2026-12-01 09:30', 'America/New_York')).toBe('2026-12-01T14:30:00.000Z');
    expect(isoToWallClock('2026-10-31T16:00:00.000Z', SHANGHAI)).toBe('2026-11-01 00:00');
  });

  it('includes the last minute picked: until is the minute after it, and reads back as picked', () => {
    const v = fixedValidityOf('2026-11-01 00:00', '2026-11-30 23:59', SHANGHAI);
    expect(v).toEqual({ type: 'fixed', from: '2026-10-31T16:00:00.000Z', until: '2026-11-30T16:00:00.000Z' });
    expect(wallClockRangeOf(v, SHANGHAI)).toEqual(['2026-11-01 00:00', '2026-11-30 23:59']);
    expect(validityText(v, SHANGHAI)).toBe('2026-11-01 00:00 至 2026-11-30 23:59');
    expect(validityText({ type: 'relative', days: 7, startsNextDay: true }, SHANGHAI)).toBe('领取次日起 7 天内有效');
    expect(validityText({ type: 'relative', days: 30, startsNextDay: false }, SHANGHAI)).toBe('领取后 30 天内有效');
  });
});

describe('rule validation (the API’s rules, as the merchant types)', () => {
  it('accepts a complete 满减 and sends it in fen', () => {
    const v = form({ kind: 'threshold_off', thresholdFen: parseYuan('199'), amountFen: parseYuan('20') });
    expect(ruleErrors(v)).toEqual({});
    const body = toNewTemplate(v, SHANGHAI);
    expect(body).toMatchObject({ kind: 'threshold_off', thresholdFen: 19900, amountFen: 2000, percentOffBp: null, capFen: null });
    expect(NewCouponTemplate.safeParse(body).success).toBe(true);
  });

  it('refuses 满减 above its threshold, or without a threshold', () => {
    expect(ruleErrors(form({ kind: 'threshold_off', thresholdFen: 19900, amountFen: 19901 })).amountFen).toBe('减免金额不能超过使用门槛');
    expect(ruleErrors(form({ kind: 'threshold_off', thresholdFen: 19900, amountFen: 19900 })).amountFen).toBeUndefined();
    expect(ruleErrors(form({ kind: 'threshold_off', thresholdFen: 0, amountFen: 500 })).thresholdFen).toContain('无门槛券');
    expect(ruleErrors(form({ kind: 'threshold_off', thresholdFen: null, amountFen: 500 })).thresholdFen).toBe('请填写使用门槛');
    expect(ruleErrors(form({ kind: 'no_threshold_off', amountFen: 0 })).amountFen).toBe('减免金额须大于 0');
  });

  it('percent off: 1–9999 bp, a cap only for percent off, nothing else sent', () => {
    expect(ruleErrors(form({ kind: 'percent_off', percentOffBp: null })).percentOffBp).toBe('请填写折扣');
    expect(ruleErrors(form({ kind: 'percent_off', percentOffBp: 10_000 })).percentOffBp).toContain('0.001–9.999');
    expect(ruleErrors(form({ kind: 'percent_off', percentOffBp: 0 })).percentOffBp).toContain('0.001–9.999');
    expect(ruleErrors(form({ kind: 'percent_off', percentOffBp: 1500, capFen: 0 })).capFen).toBe('最高优惠须大于 0');
    const body = toNewTemplate(form({ kind: 'percent_off', percentOffBp: zheToBp('8.5'), capFen: parseYuan('50'), amountFen: 999 }), SHANGHAI);
    expect(body).toMatchObject({ percentOffBp: 1500, capFen: 5000, amountFen: null, thresholdFen: 0 });
    expect(NewCouponTemplate.safeParse(body).success).toBe(true);
    // A cap typed before switching the kind is not sent with another kind.
    const shipping = toNewTemplate(form({ kind: 'free_shipping', capFen: 5000, percentOffBp: 1500 }), SHANGHAI);
    expect(shipping).toMatchObject({ capFen: null, percentOffBp: null, amountFen: null });
    expect(NewCouponTemplate.safeParse(shipping).success).toBe(true);
  });

  it('needs ids for a category or product scope; a store-wide scope sends none', () => {
    expect(
      ruleErrors(form({ kind: 'no_threshold_off', amountFen: 500, scope: { type: 'categories', ids: [], excludeProductIds: [] } }))['scope.ids'],
    ).toBe('请至少选择一个分类');
    expect(
      ruleErrors(form({ kind: 'no_threshold_off', amountFen: 500, scope: { type: 'products', ids: [], excludeProductIds: [] } }))['scope.ids'],
    ).toBe('请至少选择一件商品');
    const body = toNewTemplate(
      form({ kind: 'no_threshold_off', amountFen: 500, scope: { type: 'all', ids: [3], excludeProductIds: [7] } }),
      SHANGHAI,
    );
    expect(body.scope).toEqual({ type: 'all', ids: [], excludeProductIds: [7] });
    expect(body.thresholdFen).toBe(0);
  });

  it('checks the window, the stock (not below what is issued), the limit and the tier', () => {
    const fixed = (range: [string, string] | null) => ({ type: 'fixed' as const, range, days: null, startsNextDay: false });
    const base = { kind: 'no_threshold_off' as const, amountFen: 500 };
    expect(ruleErrors(form({ ...base, validity: fixed(null) }))['validity.range']).toBe('请填写有效时间');
    expect(ruleErrors(form({ ...base, validity: fixed(['2026-11-02 00:00', '2026-11-01 00:00']) }))['validity.range']).toBe('结束时间须晚于开始时间');
    expect(ruleErrors(form({ ...base, validity: { type: 'relative', range: null, days: 0, startsNextDay: false } }))['validity.days']).toBeDefined();
    expect(ruleErrors(form({ ...base, totalStock: 0 })).totalStock).toBeDefined();
    expect(ruleErrors(form({ ...base, unlimitedStock: true, totalStock: null })).totalStock).toBeUndefined();
    expect(ruleErrors(form({ ...base, totalStock: 4 }), { claimed: 5 }).totalStock).toBe('已发放 5 张，总量不能少于此数');
    expect(ruleErrors(form({ ...base, perMemberLimit: 101 })).perMemberLimit).toBeDefined();
    expect(ruleErrors(form({ ...base, minTierLevel: 21 })).minTierLevel).toBeDefined();
    expect(ruleErrors(form({ ...base, name: '  ' })).name).toBe('请填写名称');
    expect(toNewTemplate(form({ ...base, unlimitedStock: true, totalStock: 50 }), SHANGHAI).totalStock).toBeNull();
  });

  it('edits only the fields an existing template may change, and only those that changed', () => {
    const tpl: CouponTemplate = {
      id: 9,
      name: '满减',
      description: '',
      kind: 'threshold_off',
      amountFen: 2000,
      percentOffBp: null,
      capFen: null,
      thresholdFen: 19900,
      scope: { type: 'all', ids: [], excludeProductIds: [] },
      minTierLevel: 0,
      stacking: { withCouponKinds: [], withTierDiscount: true, withPoints: true },
      validity: { type: 'fixed', from: '2026-10-31T16:00:00.000Z', until: '2026-11-30T16:00:00.000Z' },
      totalStock: 100,
      perMemberLimit: 1,
      public: true,
      status: 'active',
      claimedCount: 3,
      usedCount: 1,
      createdAt: '2026-10-01T00:00:00.000Z',
      updatedAt: '2026-10-01T00:00:00.000Z',
    };
    const v = formOf(tpl, SHANGHAI);
    expect(toTemplateUpdate(v, tpl, SHANGHAI)).toEqual({});
    const patch = toTemplateUpdate({ ...v, name: '满减大促', totalStock: 200, amountFen: 1 }, tpl, SHANGHAI);
    expect(patch).toEqual({ name: '满减大促', totalStock: 200 });
    expect(UpdateCouponTemplate.safeParse(patch).success).toBe(true);
    const later = toTemplateUpdate({ ...v, validity: { ...v.validity, range: ['2026-11-01 00:00', '2026-12-31 23:59'] } }, tpl, SHANGHAI);
    expect(later).toEqual({ validity: { type: 'fixed', from: '2026-10-31T16:00:00.000Z', until: '2026-12-31T16:00:00.000Z' } });
    expect(toTemplateUpdate({ ...v, unlimitedStock: true }, tpl, SHANGHAI)).toEqual({ totalStock: null });
  });
});

function Harness({ initial = null as number | null }) {
  const [bp, setBp] = useState<number | null>(initial);
  return (
    <>
      <PercentInput aria-label='percent' data-testid='pct' value={bp} onChange={setBp} />
      <output data-testid='bp'>{bp === null ? 'null' : String(bp)}</output>
    </>
  );
}

describe('PercentInput: 折 or % on screen, basis points in the form', () => {
  it('takes 八五折 as 8.5 or 85 and holds 1500, saying what it means', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('percent') as HTMLInputElement;
    await userEvent.type(input, '8.5');
    expect(screen.getByTestId('bp').textContent).toBe('1500');
    expect(screen.getByTestId('pct-reading').textContent).toBe('即 8.5 折，减 15%');
    await userEvent.clear(input);
    await userEvent.type(input, '85');
    expect(screen.getByTestId('bp').textContent).toBe('1500');
  });

  it('takes 15% off as 1500 in percent mode, and rewrites the text when the mode changes', async () => {
    render(<Harness initial={1500} />);
    const input = screen.getByLabelText('percent') as HTMLInputElement;
    expect(input.value).toBe('8.5');
    fireEvent.mouseDown(screen.getByTestId('pct-mode').querySelector('.ant-select-selector') ?? screen.getByTestId('pct-mode'));
    fireEvent.click(await screen.findByText('按减免（%）'));
    expect(input.value).toBe('15');
    await userEvent.clear(input);
    await userEvent.type(input, '12.5');
    expect(screen.getByTestId('bp').textContent).toBe('1250');
    expect(screen.getByTestId('pct-reading').textContent).toBe('即 8.75 折，减 12.5%');
  });

  it('refuses a fourth decimal, letters, and is null when cleared', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('percent') as HTMLInputElement;
    await userEvent.type(input, '8.7551x');
    expect(input.value).toBe('8.755');
    expect(screen.getByTestId('bp').textContent).toBe('1245');
    await userEvent.clear(input);
    expect(screen.getByTestId('bp').textContent).toBe('null');
  });
});
