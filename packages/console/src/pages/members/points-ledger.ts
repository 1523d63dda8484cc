/**
 * A member's points ledger as the console pages it: the filters as the API takes them, and whether a new entry (a
 * manual adjustment just posted) belongs on the first page being shown, so that it appears there at once.
 */
import type { MerchantPointsEntry, PointsKind, PointsReason } from '@siyu/shared';
import { businessDateOf } from '@siyu/shared/business-day';
import { POINTS_KINDS, POINTS_REASONS } from '@siyu/shared/constants';

/** The API's kinds and reasons, from the zod-free constants (the page does not pull the zod contracts in). */
export const LEDGER_KINDS: readonly PointsKind[] = POINTS_KINDS;
export const LEDGER_REASONS: readonly PointsReason[] = POINTS_REASONS;

export interface LedgerFilters {
  kind?: PointsKind | undefined;
  reason?: PointsReason | undefined;
  direction?: 'in' | 'out' | undefined;
  /** Business days in the merchant's time zone, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The query string's fields (empty ones left out). */
export function ledgerQuery(f: LedgerFilters, cursor: number | undefined, limit: number) {
  return { limit, cursor, kind: f.kind, reason: f.reason, direction: f.direction, from: f.from, to: f.to };
}

/** Whether an entry passes the filters, as the API would decide it (days in the merchant's time zone). */
export function entryMatches(f: LedgerFilters, e: Pick<MerchantPointsEntry, 'kind' | 'reason' | 'delta' | 'createdAt'>, timeZone: string): boolean {
  if (f.kind && e.kind !== f.kind) return false;
  if (f.reason && e.reason !== f.reason) return false;
  if (f.direction === 'in' && e.delta <= 0) return false;
  if (f.direction === 'out' && e.delta >= 0) return false;
  const day = businessDateOf(new Date(e.createdAt), timeZone);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

/** The order an entry comes from, when its source key names one (order:12, checkout:order:12, order-refund:12:R…). */
export function orderOfSource(sourceKey: string): number | null {
  const m = /(?:^|:)order:(\d+)/.exec(sourceKey) ?? /^order-refund:(\d+)/.exec(sourceKey);
  return m ? Number(m[1]) : null;
}
