/** Points-mall items in the console: form <-> request bodies (yuan -> fen, the window in the merchant's zone), words. */
import { type FieldIssue, type MerchantPointsMallItem, NewPointsMallItem, UpdatePointsMallItem } from '@siyu/shared';
import { describe, expect, it } from 'vitest';
import { parseYuan } from '../src/components/MoneyInput';
import { fieldMessage } from '../src/lib/form-errors';
import {
  EMPTY_ITEM,
  formOfItem,
  ITEM_WORDS,
  type ItemForm,
  itemErrors,
  limitText,
  priceText,
  saleState,
  toItemUpdate,
  toNewItem,
  windowOf,
  windowText,
} from '../src/pages/mall/mall-item';

const SH = 'Asia/Shanghai';

const form = (over: Partial<ItemForm> = {}): ItemForm => ({
  ...EMPTY_ITEM,
  kind: 'sku',
  skuId: 12,
  title: ' 保温杯 ',
  pointsPrice: 1500,
  cashFen: parseYuan('9.90'),
  totalStock: 100,
  perMemberLimit: 2,
  perMemberDailyLimit: 1,
  window: ['2026-12-01 00:00', '2026-12-31 23:59'],
  ...over,
});

const ITEM: MerchantPointsMallItem = {
  id: 3,
  kind: 'sku',
  skuId: 12,
  couponTemplateId: null,
  title: '保温杯',
  imageUrl: null,
  description: '',
  instructions: '',
  pointsPrice: 1500,
  cashFen: 990,
  totalStock: 100,
  stockLeft: 97,
  redeemedCount: 3,
  perMemberLimit: 2,
  perMemberDailyLimit: 1,
  onSaleFrom: '2026-11-30T16:00:00.000Z',
  onSaleUntil: '2026-12-31T16:00:00.000Z',
  minTierLevel: 0,
  sortOrder: 0,
  status: 'on',
  createdAt: '2026-11-22T00:00:00.000Z',
  updatedAt: '2026-11-22T00:00:00.000Z',
};

describe('points-mall item bodies', () => {
  it('sends cash in fen and the window as instants: both minutes included, in the merchant’s zone', () => {
    const body = toNewItem(form(), SH);
    expect(body).toMatchObject({
      kind: 'sku',
      skuId: 12,
      couponTemplateId: null,
      title: '保温杯',
      pointsPrice: 1500,
      cashFen: 990,
      totalStock: 100,
      onSaleFrom: '2026-11-30T16:00:00.000Z',
      onSaleUntil: '2026-12-31T16:00:00.000Z',
      status: 'off',
    });
    expect(NewPointsMallItem.safeParse(body).success).toBe(true);
    // Points only, no window, listed at once; a coupon item drops a stray SKU.
    const coupon = toNewItem(form({ kind: 'coupon', couponTemplateId: 5, cashFen: null, window: null, listNow: true }), SH);
    expect(coupon).toMatchObject({ skuId: null, couponTemplateId: 5, cashFen: 0, onSaleFrom: null, onSaleUntil: null, status: 'on' });
    expect(NewPointsMallItem.safeParse(coupon).success).toBe(true);
    expect(windowOf([null, '2026-12-31 23:59'], SH)).toEqual({ onSaleFrom: null, onSaleUntil: '2026-12-31T16:00:00.000Z' });
    expect(windowOf(['2026-12-01 00:00', null], 'UTC')).toEqual({ onSaleFrom: '2026-12-01T00:00:00.000Z', onSaleUntil: null });
  });

  it('round-trips an item through the form, and sends only what changed', () => {
    const f = formOfItem(ITEM, SH);
    expect(f.window).toEqual(['2026-12-01 00:00', '2026-12-31 23:59']);
    expect(f.cashFen).toBe(990);
    expect(toItemUpdate(f, ITEM, SH)).toEqual({});
    const patch = toItemUpdate({ ...f, cashFen: null, perMemberDailyLimit: null, window: null, title: '新名字' }, ITEM, SH);
    expect(patch).toEqual({ cashFen: 0, perMemberDailyLimit: null, onSaleFrom: null, onSaleUntil: null, title: '新名字' });
    expect(UpdatePointsMallItem.safeParse(patch).success).toBe(true);
  });

  it('checks what the API would refuse, by field', () => {
    expect(itemErrors(form({ skuId: null }), true).skuId).toBe('请选择商品规格');
    expect(itemErrors(form({ skuId: null }), false).skuId).toBeUndefined();
    expect(itemErrors(form({ kind: 'coupon', couponTemplateId: null }), true).couponTemplateId).toBeDefined();
    expect(itemErrors(form({ kind: 'virtual', instructions: '  ' }), true).instructions).toBe('虚拟权益需要填写使用说明');
    expect(itemErrors(form({ perMemberLimit: 1, perMemberDailyLimit: 2 }), true).perMemberDailyLimit).toBeDefined();
    expect(itemErrors(form({ window: ['2026-12-02 00:00', '2026-12-01 00:00'] }), true).window).toBeDefined();
    expect(itemErrors(form(), true)).toEqual({});
  });
});

describe('points-mall words', () => {
  it('says the price, the limits, the window and where an item stands', () => {
    expect(priceText(1500, 990)).toBe('1500 积分 + ¥9.90');
    expect(priceText(200, 0)).toBe('200 积分');
    expect(limitText(2, 1)).toBe('每人 2 件 · 每天 1 件');
    expect(limitText(null, null)).toBe('不限');
    expect(windowText(ITEM.onSaleFrom, ITEM.onSaleUntil, SH)).toBe('2026-12-01 00:00 至 2026-12-31 23:59');
    expect(windowText(null, null, SH)).toBe('长期有效');
    expect(windowText(ITEM.onSaleFrom, null, SH)).toBe('2026-12-01 00:00 起');
    const at = (iso: string) => Date.parse(iso);
    expect(saleState(ITEM, at('2026-11-25T00:00:00Z'))).toBe('scheduled');
    expect(saleState(ITEM, at('2026-12-10T00:00:00Z'))).toBe('on');
    expect(saleState({ ...ITEM, stockLeft: 0 }, at('2026-12-10T00:00:00Z'))).toBe('soldOut');
    expect(saleState(ITEM, at('2026-12-31T16:00:00Z'))).toBe('ended');
    expect(saleState({ ...ITEM, status: 'off' }, at('2026-12-10T00:00:00Z'))).toBe('off');
  });
});

describe('the API’s points-mall field errors in Chinese', () => {
  it('names what to fix, by the issue’s code and params', () => {
    const say = (field: string, code: FieldIssue['code'], params?: FieldIssue['params']) =>
      fieldMessage({ field, code, message: 'the English message is for developers', ...(params ? { params } : {}) }, ITEM_WORDS);
    expect(say('onSaleUntil', 'window_order')).toBe('结束时间需晚于开始时间');
    expect(say('perMemberDailyLimit', 'daily_over_total')).toBe('每天限兑不能多于每人限兑');
    expect(say('instructions', 'required_for_kind', { kind: 'virtual' })).toBe('虚拟权益需要填写使用说明');
    expect(say('skuId', 'not_found_ref')).toBe('请选择商品规格');
    expect(say('delta', 'over_available', { max: 3 })).toBe('最多可减少 3 件');
    expect(say('pointsPrice', 'too_big', { maximum: 100_000_000, origin: 'number', inclusive: true })).toBe('不能大于 100000000');
    // A code this console does not know yet still reads as Chinese.
    expect(say('pointsPrice', 'some_new_rule' as FieldIssue['code'])).toBe('填写的内容有误');
  });
});
