import { TiersConfig } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { bpToMultiplier, emptyRow, formField, formOf, multiplierToBp, thresholdError, tierMessage, toConfig } from '../src/pages/tiers/tier-form';

const GOLD = {
  id: 3,
  level: 1,
  name: '金卡',
  growthThreshold: 2000,
  benefits: {
    memberPrice: { basisPoints: 1000, scope: 'categories' as const, ids: [4, 5] },
    pointsMultiplierBp: 15_000,
    freeShipping: true,
    birthdayGift: { points: 300, couponTemplateId: 7 },
    display: [{ icon: 'truck', text: '订单包邮' }],
  },
};
const BASE = {
  id: 1,
  level: 0,
  name: '普通',
  growthThreshold: 0,
  benefits: {
    memberPrice: { basisPoints: 0, scope: 'all' as const, ids: [] },
    pointsMultiplierBp: 10_000,
    freeShipping: false,
    birthdayGift: { points: 0, couponTemplateId: null },
    display: [],
  },
};

describe('the tier ladder form', () => {
  it('reads and writes the points multiplier as 倍 by digits, never a float', () => {
    expect(bpToMultiplier(10_000)).toBe('1');
    expect(bpToMultiplier(12_000)).toBe('1.2');
    expect(bpToMultiplier(15_050)).toBe('1.505');
    expect(bpToMultiplier(100_000)).toBe('10');
    expect(multiplierToBp('1.2')).toBe(12_000);
    expect(multiplierToBp('1.15')).toBe(11_500); // 1.15 * 10000 is 11499.999… as a float
    expect(multiplierToBp(' 2 ')).toBe(20_000);
    expect(multiplierToBp('1.23456')).toBeNull();
    expect(multiplierToBp('abc')).toBeNull();
    expect(multiplierToBp('')).toBeNull();
  });

  it('round-trips the ladder into a body the API accepts, levels by order', () => {
    const form = formOf([BASE, GOLD]);
    expect(form.tiers[0]!.memberPrice.basisPoints).toBeNull(); // no member price: the field is empty
    expect(form.tiers[1]!.multiplier).toBe('1.5');
    const body = toConfig(form);
    expect(TiersConfig.safeParse(body).success).toBe(true);
    expect(body.tiers.map((t) => t.level)).toEqual([0, 1]);
    expect(body.tiers[1]).toEqual({ level: 1, name: '金卡', growthThreshold: 2000, benefits: GOLD.benefits });
    expect(body.tiers[0]!.benefits.memberPrice).toEqual({ basisPoints: 0, scope: 'all', ids: [] });
  });

  it('adds a tier above the last, and drops ids when the scope goes back to all', () => {
    const form = formOf([BASE, GOLD]);
    expect(emptyRow(form.tiers[1]).growthThreshold).toBe(3000);
    form.tiers[1]!.memberPrice.scope = 'all';
    expect(toConfig(form).tiers[1]!.benefits.memberPrice.ids).toEqual([]);
  });

  it('checks thresholds against the tier below', () => {
    const rows = [{ growthThreshold: 0 }, { growthThreshold: 500 }, { growthThreshold: 500 }];
    expect(thresholdError(rows, 0)).toBeNull();
    expect(thresholdError(rows, 1)).toBeNull();
    expect(thresholdError(rows, 2)).toBe('必须大于上一等级的门槛（500）');
  });

  it("puts the API's field errors on the editor's fields, in Chinese", () => {
    expect(formField('tiers.2.growthThreshold')).toBe('tiers.2.growthThreshold');
    expect(formField('tiers.1.benefits.pointsMultiplierBp')).toBe('tiers.1.multiplier');
    expect(formField('tiers.1.benefits.memberPrice.ids.0')).toBe('tiers.1.memberPrice.ids');
    expect(formField('tiers.1.benefits.display.0.text')).toBe('tiers.1.display.0.text');
    expect(formField('tiers.1.level')).toBeNull();
    expect(tierMessage({ field: 'tiers.2.growthThreshold', code: 'threshold_order', message: '', params: { below: 500 } })).toBe(
      '必须大于上一等级的门槛（500）',
    );
    expect(tierMessage({ field: 'tiers.2.name', code: 'duplicate', message: 'names must differ' })).toBe('等级名称不能重复');
    expect(tierMessage({ field: 'tiers.2.name', code: 'required', message: 'Required' })).toBeUndefined();
  });
});
