import type { PointsSummary } from '@siyu/shared';
import { localDateTime } from '@siyu/shared/business-day';
import { t } from '../i18n/zh-CN';
import { merchantTimeZone } from '../stores/check-in-store';
import { formatDateTime } from './format';

/**
 * The last day points expiring at `at` can be spent, as the merchant's calendar reads it: "2027-12-31" for points that
 * expire as 2028 begins (the expiry instant itself belongs to the next day).
 */
export function expiryDateText(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : merchantDateText(new Date(ms - 1000).toISOString());
}

/** "2026-12-15": the merchant's calendar day of an instant (the device's where Intl has no time zones). */
export function merchantDateText(iso: string): string {
  try {
    return localDateTime(iso, merchantTimeZone()).slice(0, 10);
  } catch {
    return formatDateTime(iso).slice(0, 10);
  }
}

/** The next expiry to show on the points card, and whether it is within the merchant's notice period. */
export function nextExpiryOf(summary: PointsSummary): { text: string; soon: boolean } | null {
  const soon = summary.expiringSoon;
  if (soon) return { text: t.points.expiring(soon.points, expiryDateText(soon.at)), soon: true };
  const next = summary.nextExpiries[0];
  return next ? { text: t.points.expiring(next.points, expiryDateText(next.at)), soon: false } : null;
}
