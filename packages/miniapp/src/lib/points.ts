import type { PointsSummary } from '@siyu/shared';
import { localDateTime } from '@siyu/shared/business-day';
import { t } from '../i18n/zh-CN';
import { merchantTimeZone } from './coupons';
import { formatDateTime } from './format';

/**
 * The last day points expiring at `at` can be spent, as the merchant's calendar reads it: "2027-12-31" for points that
 * expire as 2028 begins (the expiry instant itself belongs to the next day).
 */
export function expiryDateText(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  const last = new Date(ms - 1000).toISOString();
  try {
    return localDateTime(last, merchantTimeZone()).slice(0, 10);
  } catch {
    return formatDateTime(last).slice(0, 10);
  }
}

/** The next expiry to show on the points card, and whether it is within the merchant's notice period. */
export function nextExpiryOf(summary: PointsSummary): { text: string; soon: boolean } | null {
  const soon = summary.expiringSoon;
  if (soon) return { text: t.points.expiring(soon.points, expiryDateText(soon.at)), soon: true };
  const next = summary.nextExpiries[0];
  return next ? { text: t.points.expiring(next.points, expiryDateText(next.at)), soon: false } : null;
}
