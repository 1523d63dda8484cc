/**
 * Points-mall items and redemptions as the console edits and shows them. Pure functions (no React, no requests):
 * the editor's form <-> the request bodies (cash typed in yuan, held in fen; the on-sale
 * window as two wall-clock minutes in the merchant's time zone, both included), and the words of the list.
 */
import { type MerchantPointsMallItem, NewPointsMallItem, type PointsMallItemKind, type UpdatePointsMallItem } from '@siyu/shared';
import { fenToYuanString } from '@siyu/shared/money';
import { zh } from '../../i18n/zh-CN';
import { type IssueWords, schemaErrors } from '../../lib/form-errors';
import { fixedValidityOf, isoToWallClock, wallClockToIso } from '../coupons/coupon-rule';

const t = zh.mall;

const MINUTE = 60_000;

/** The editor's fields. */
export interface ItemForm {
  kind: PointsMallItemKind;
  productId?: number | null;
  skuId: number | null;
  couponTemplateId: number | null;
  title: string;
  images: string[];
  description: string;
  instructions: string;
  pointsPrice: number | null;
  cashFen: number | null;
  totalStock: number | null;
  perMemberLimit: number | null;
  perMemberDailyLimit: number | null;
  /** Two wall-clock minutes ("YYYY-MM-DD HH:mm") in the merchant's zone, both included; either may be open. */
  window: [string | null, string | null] | null;
  minTierLevel: number;
  sortOrder: number;
  listNow: boolean;
}

export const EMPTY_ITEM: ItemForm = {
  kind: 'sku',
  productId: null,
  skuId: null,
  couponTemplateId: null,
  title: '',
  images: [],
  description: '',
  instructions: '',
  pointsPrice: null,
  cashFen: null,
  totalStock: null,
  perMemberLimit: null,
  perMemberDailyLimit: null,
  window: null,
  minTierLevel: 0,
  sortOrder: 0,
  listNow: false,
};

/** The window's instants: `from` at its minute, `until` the minute after the last one (the API keeps it exclusive). */
export function windowOf(w: ItemForm['window'], timeZone: string): { onSaleFrom: string | null; onSaleUntil: string | null } {
  const [from, until] = w ?? [null, null];
  return {
    onSaleFrom: from ? wallClockToIso(from, timeZone) : null,
    onSaleUntil: until
      ? from
        ? fixedValidityOf(from, until, timeZone).until
        : new Date(Date.parse(wallClockToIso(until, timeZone)) + MINUTE).toISOString()
      : null,
  };
}

/** The picker's minutes for an item's window (the inverse of windowOf). */
export function windowForm(from: string | null, until: string | null, timeZone: string): ItemForm['window'] {
  if (!from && !until) return null;
  return [from ? isoToWallClock(from, timeZone) : null, until ? isoToWallClock(new Date(Date.parse(until) - MINUTE).toISOString(), timeZone) : null];
}

/** The API's field -> the editor's (the window is one picker; the image list holds the one image). */
export function itemFormField(field: string): keyof ItemForm | null {
  if (field === 'onSaleFrom' || field === 'onSaleUntil') return 'window';
  if (field === 'imageUrl') return 'images';
  if (field === 'status') return 'listNow';
  return field as keyof ItemForm;
}

/** What the editor says about its fields, beyond each issue code's own words (its own checks and the API's). */
export const ITEM_WORDS: IssueWords = {
  'skuId:required_for_kind': t.errors.pickSku,
  'skuId:not_found_ref': t.errors.pickSku,
  'couponTemplateId:required_for_kind': t.errors.pickCoupon,
  'couponTemplateId:not_found_ref': t.errors.pickCoupon,
  'instructions:required_for_kind': t.errors.instructionsRequired,
  cashFen: zh.money.tooLarge,
};

/**
 * What the API would refuse, named by form field so it shows while typing: the body the form would send, checked by
 * the contract's schema (NewPointsMallItem; an edit keeps the item's kind and target, which are not edited here).
 * Empty number fields stay empty in the body, so they are named rather than defaulted.
 */
export function itemErrors(v: Partial<ItemForm>, creating: boolean, timeZone = 'Asia/Shanghai'): Partial<Record<keyof ItemForm, string>> {
  const form: ItemForm = { ...EMPTY_ITEM, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) };
  const body = {
    ...toNewItem(form, timeZone),
    pointsPrice: form.pointsPrice,
    totalStock: form.totalStock,
    minTierLevel: form.minTierLevel,
    sortOrder: form.sortOrder,
  };
  return schemaErrors<keyof ItemForm>(NewPointsMallItem, body, {
    field: (f) => (!creating && (f === 'skuId' || f === 'couponTemplateId' || f === 'kind') ? null : itemFormField(f)),
    words: ITEM_WORDS,
    labels: { title: t.fields.title },
    integerRanges: true,
  });
}

/** The body of POST /points-mall/items: only the kind's target, the cash in fen (0 for points only). */
export function toNewItem(v: ItemForm, timeZone: string): NewPointsMallItem {
  return {
    kind: v.kind,
    skuId: v.kind === 'sku' ? v.skuId : null,
    couponTemplateId: v.kind === 'coupon' ? v.couponTemplateId : null,
    title: v.title.trim(),
    imageUrl: v.images[0] ?? null,
    description: v.description.trim(),
    instructions: v.instructions.trim(),
    pointsPrice: v.pointsPrice ?? 0,
    cashFen: v.cashFen ?? 0,
    totalStock: v.totalStock ?? 0,
    perMemberLimit: v.perMemberLimit ?? null,
    perMemberDailyLimit: v.perMemberDailyLimit ?? null,
    ...windowOf(v.window, timeZone),
    minTierLevel: v.minTierLevel ?? 0,
    sortOrder: v.sortOrder ?? 0,
    status: v.listNow ? 'on' : 'off',
  };
}

/** The form of an existing item. */
export function formOfItem(item: MerchantPointsMallItem, timeZone: string): ItemForm {
  return {
    kind: item.kind,
    productId: null,
    skuId: item.skuId,
    couponTemplateId: item.couponTemplateId,
    title: item.title,
    images: item.imageUrl ? [item.imageUrl] : [],
    description: item.description,
    instructions: item.instructions,
    pointsPrice: item.pointsPrice,
    cashFen: item.cashFen,
    totalStock: item.totalStock,
    perMemberLimit: item.perMemberLimit,
    perMemberDailyLimit: item.perMemberDailyLimit,
    window: windowForm(item.onSaleFrom, item.onSaleUntil, timeZone),
    minTierLevel: item.minTierLevel,
    sortOrder: item.sortOrder,
    listNow: item.status === 'on',
  };
}

/** The PATCH body: only what changed (kind, target and stock are not edited here). */
export function toItemUpdate(v: ItemForm, before: MerchantPointsMallItem, timeZone: string): UpdatePointsMallItem {
  const next = toNewItem({ ...v, kind: before.kind, skuId: before.skuId, couponTemplateId: before.couponTemplateId }, timeZone);
  const out: Record<string, unknown> = {};
  const keys = [
    'title',
    'imageUrl',
    'description',
    'instructions',
    'pointsPrice',
    'cashFen',
    'perMemberLimit',
    'perMemberDailyLimit',
    'onSaleFrom',
    'onSaleUntil',
    'minTierLevel',
    'sortOrder',
  ] as const;
  for (const k of keys) {
    const was = before[k];
    const now = next[k];
    const same = (k === 'onSaleFrom' || k === 'onSaleUntil') && was && now ? Date.parse(String(was)) === Date.parse(String(now)) : was === now;
    if (!same) out[k] = now;
  }
  return out as UpdatePointsMallItem;
}

/** 500 积分, or 500 积分 + ¥9.90. */
export function priceText(points: number, cashFen: number): string {
  return t.priceText(points, cashFen > 0 ? `¥${fenToYuanString(cashFen)}` : null);
}

export type SaleState = 'on' | 'off' | 'scheduled' | 'ended' | 'soldOut';

/** Where an item stands for members now: listed and redeemable, or why not. */
export function saleState(item: Pick<MerchantPointsMallItem, 'status' | 'onSaleFrom' | 'onSaleUntil' | 'stockLeft'>, now: number): SaleState {
  if (item.status === 'off') return 'off';
  if (item.onSaleUntil && Date.parse(item.onSaleUntil) <= now) return 'ended';
  if (item.onSaleFrom && Date.parse(item.onSaleFrom) > now) return 'scheduled';
  if (item.stockLeft <= 0) return 'soldOut';
  return 'on';
}

/** The window in words, in the merchant's time zone: 长期有效, 2026-12-01 00:00 起, 即日起至 …, … 至 …. */
export function windowText(from: string | null, until: string | null, timeZone: string): string {
  const w = windowForm(from, until, timeZone);
  if (!w) return t.windowAlways;
  const [f, u] = w;
  if (f && u) return t.windowRange(f, u);
  return f ? t.windowFrom(f) : t.windowUntil(u!);
}

/** 每人 5 件 · 每天 1 件, or 不限. */
export function limitText(total: number | null, daily: number | null): string {
  const parts = [total !== null ? t.limitTotal(total) : null, daily !== null ? t.limitDaily(daily) : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : t.noLimit;
}

/** A SKU's specs in words: 红 / M. */
export function specsText(specs: Record<string, string>): string {
  return Object.values(specs).join(' / ');
}
