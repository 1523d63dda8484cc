import type { PointsMallItem, PointsMallRedemption } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { isApiError } from '../api/client';
import { t } from '../i18n/package-points';
import { merchantTime } from '../lib/coupons';

/** "500 积分" or "300 积分 + ¥9.90" for `quantity` units. */
export function mallPriceText(item: Pick<PointsMallItem, 'pointsPrice' | 'cashFen'>, quantity = 1): string {
  const points = item.pointsPrice * quantity;
  return item.cashFen > 0 ? t.mall.pointsPlusCash(points, formatYuan(item.cashFen * quantity)) : t.mall.pointsPrice(points);
}

/** Why the member cannot redeem an item now, in words (null when they can). `available`: their points, when known. */
export function mallUnavailableText(item: PointsMallItem, available: number | null, now: number = Date.now()): string | null {
  if (item.canRedeem || !item.unavailableReason) return null;
  switch (item.unavailableReason) {
    case 'NOT_ON_SALE':
      if (item.onSaleFrom && Date.parse(item.onSaleFrom) > now) return t.mall.notOnSaleYet(merchantTime(item.onSaleFrom, true));
      if (item.onSaleUntil && Date.parse(item.onSaleUntil) <= now) return t.mall.saleEnded;
      return t.mall.unavailable.NOT_ON_SALE;
    case 'TIER_TOO_LOW':
      return t.mall.tierTooLow(item.minTierLevel);
    case 'LIMIT_REACHED':
      return item.perMemberLimit !== null ? t.mall.limitReached(item.perMemberLimit) : t.mall.unavailable.LIMIT_REACHED;
    case 'NOT_ENOUGH_POINTS':
      return available !== null && available < item.pointsPrice
        ? t.mall.pointsShort(item.pointsPrice - available)
        : t.mall.unavailable.NOT_ENOUGH_POINTS;
    default:
      return t.mall.unavailable[item.unavailableReason] ?? t.common.failedToast;
  }
}

/** A refused redemption in words. */
export function redeemErrorText(e: unknown): string {
  if (isApiError(e)) {
    if (e.code === 'NETWORK_ERROR') return t.common.networkError;
    const known: Record<string, string> = t.mall.errors;
    if (known[e.code]) return known[e.code]!;
  }
  return t.common.failedToast;
}

/** The status a member reads: a fulfilled redemption says how (shipped, coupon issued, redeemed). */
export function redemptionStatusText(r: Pick<PointsMallRedemption, 'status' | 'item'>): string {
  return r.status === 'fulfilled' ? t.mall.fulfilledAs[r.item.kind] : t.mall.status[r.status];
}

/** "消耗 500 积分" or "消耗 300 积分 + ¥9.90". */
export function redemptionPaidText(r: Pick<PointsMallRedemption, 'points' | 'cashFen'>): string {
  return r.cashFen > 0 ? t.mall.paidCash(r.points, formatYuan(r.cashFen)) : t.mall.paid(r.points);
}
