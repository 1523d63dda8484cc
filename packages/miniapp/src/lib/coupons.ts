import type { ClaimableCoupon, Coupon, CouponKind, CouponScope } from '@siyu/shared';
import { localDateTime } from '@siyu/shared/business-day';
import { fenToYuanString } from '@siyu/shared/money';
import Taro from '@tarojs/taro';
import { isApiError } from '../api/client';
import { t } from '../i18n/package-coupon';
import { useCatalog } from '../stores/catalog-store';
import { merchantTimeZone } from '../stores/check-in-store';
import { formatDateTime } from './format';
import { ROUTES } from './routes';

/**
 * How coupons read to shoppers: the face value, the rule, the scope and the validity in words. Display only: what a
 * coupon saves on an order always comes from the server's checkout preview.
 */

/** The rule fields a claim-centre template and a claimed coupon share. */
export type CouponRuleView = Pick<Coupon, 'kind' | 'amountFen' | 'percentOffBp' | 'capFen' | 'thresholdFen' | 'scope' | 'minTierLevel'>;

/** "199" for 19900 fen, "12.50" for 1250: whole yuan lose their ".00" on coupon faces and tags. */
export function yuanShort(fen: number): string {
  const s = fenToYuanString(fen);
  return s.endsWith('.00') ? s.slice(0, -3) : s;
}

/** "8.5" for 1500 basis points off (15 % off, read as "8.5 tenths paid"): without trailing zeros, in integer arithmetic. */
export function zheText(percentOffBp: number): string {
  const paid = 10_000 - percentOffBp;
  const whole = Math.floor(paid / 1000);
  const rest = String(paid % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

/** The big text on the left of a coupon card. */
export type CouponFace = { type: 'amount'; value: string } | { type: 'zhe'; value: string } | { type: 'text'; value: string };

export function couponFace(rule: CouponRuleView): CouponFace {
  switch (rule.kind) {
    case 'threshold_off':
    case 'no_threshold_off':
      return { type: 'amount', value: yuanShort(rule.amountFen ?? 0) };
    case 'percent_off':
      return { type: 'zhe', value: zheText(rule.percentOffBp ?? 0) };
    default:
      return { type: 'text', value: t.coupons.freeShipping };
  }
}

/** The threshold ("from ¥199") or "no threshold", under the face (t.coupons.threshold / noThreshold). */
export function conditionText(rule: CouponRuleView): string {
  return rule.thresholdFen > 0 ? t.coupons.threshold(yuanShort(rule.thresholdFen)) : t.coupons.noThreshold;
}

/** The rule in one short tag (t.coupons.tag*): amount off above a threshold, amount off, percent off, free shipping. */
export function couponTag(rule: CouponRuleView): string {
  const threshold = rule.thresholdFen > 0 ? yuanShort(rule.thresholdFen) : null;
  switch (rule.kind) {
    case 'threshold_off':
      return t.coupons.tagThresholdOff(threshold ?? '0', yuanShort(rule.amountFen ?? 0));
    case 'no_threshold_off':
      return t.coupons.tagNoThresholdOff(yuanShort(rule.amountFen ?? 0));
    case 'percent_off': {
      const zhe = zheText(rule.percentOffBp ?? 0);
      return threshold ? t.coupons.tagPercentOffThreshold(threshold, zhe) : t.coupons.tagPercentOff(zhe);
    }
    default:
      return threshold ? t.coupons.tagFreeShippingThreshold(threshold) : t.coupons.tagFreeShipping;
  }
}

/** Every part of the rule, for the detail page: the threshold, the cap, the tier. */
export function ruleLines(rule: CouponRuleView): string[] {
  const lines = [couponTag(rule)];
  if (rule.kind === 'percent_off' && rule.capFen !== null) lines.push(t.coupons.cap(yuanShort(rule.capFen)));
  if (rule.kind === 'free_shipping') lines.push(t.coupons.freeShippingRule);
  if (rule.minTierLevel > 0) lines.push(t.coupons.tierRequired(rule.minTierLevel));
  return lines;
}

/** The scope in words; category names when the caller knows them. */
export function scopeText(scope: CouponScope, categoryName: (id: number) => string | null = () => null): string {
  if (scope.type === 'all') return scope.excludeProductIds.length > 0 ? t.coupons.scopeAllExcept : t.coupons.scopeAll;
  if (scope.type === 'categories') {
    const names = scope.ids.map(categoryName);
    return names.every((n): n is string => n !== null) && names.length > 0
      ? t.coupons.scopeCategoriesNamed(names.join(t.coupons.listSeparator))
      : t.coupons.scopeCategories;
  }
  return t.coupons.scopeProducts;
}

/** The kinds a coupon combines with, in words. */
export function stackingText(kinds: readonly CouponKind[]): string {
  return kinds.length === 0 ? t.coupons.stacksWithNone : t.coupons.stacksWith(kinds.map((k) => t.coupons.kindNames[k]).join(t.coupons.listSeparator));
}

/**
 * "2026.11.22" or "2026.11.22 10:00", an instant as the merchant's wall clock. Runtimes without time-zone support in
 * Intl fall back to the device's clock.
 */
export function merchantTime(iso: string, withTime = false): string {
  let text: string;
  try {
    text = localDateTime(iso, merchantTimeZone());
  } catch {
    text = formatDateTime(iso);
  }
  const date = text.slice(0, 10).replace(/-/g, '.');
  return withTime ? `${date} ${text.slice(11, 16)}` : date;
}

/** A coupon's validity ends before `validUntil` (exclusive): its last minute is what shoppers read. */
function lastMoment(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms - 1000).toISOString();
}

/** "2026.11.22 - 2026.12.21" (with times on the detail page). */
export function couponValidityText(coupon: Pick<Coupon, 'validFrom' | 'validUntil'>, withTime = false): string {
  return rangeText(merchantTime(coupon.validFrom, withTime), merchantTime(lastMoment(coupon.validUntil), withTime));
}

/** A date range for a card line: the end without its year when both fall in one year (2026.12.07 - 12.10), so it fits on one line at 320 px. */
function rangeText(from: string, until: string): string {
  return t.coupons.validRange(from, until.length === 10 && from.slice(0, 5) === until.slice(0, 5) ? until.slice(5) : until);
}

/** A claim-centre template's validity: its window, or N days from the claim. */
export function templateValidityText(template: Pick<ClaimableCoupon, 'validity'>): string {
  const v = template.validity;
  if (v.type === 'fixed') return rangeText(merchantTime(v.from), merchantTime(lastMoment(v.until)));
  return v.startsNextDay ? t.coupons.validDaysNextDay(v.days) : t.coupons.validDays(v.days);
}

const EXPIRING_SOON_MS = 3 * 24 * 3600_000;

/** How a member's coupon stands now, for its badge or stamp. */
export type CouponState = 'used' | 'expired' | 'locked' | 'not_yet_valid' | 'expiring_soon' | 'usable';

export function couponState(coupon: Pick<Coupon, 'status' | 'validFrom' | 'validUntil'>, now: number = Date.now()): CouponState {
  if (coupon.status === 'used') return 'used';
  const until = Date.parse(coupon.validUntil);
  if (coupon.status === 'expired' || until <= now) return 'expired';
  if (coupon.status === 'locked') return 'locked';
  if (Date.parse(coupon.validFrom) > now) return 'not_yet_valid';
  return until - now <= EXPIRING_SOON_MS ? 'expiring_soon' : 'usable';
}

/** A failure after which the server may or may not have acted: keep the idempotency key for the retry. */
export function outcomeUnknown(e: unknown): boolean {
  return !isApiError(e) || e.status === 0 || e.status >= 500 || e.code === 'IDEMPOTENCY_KEY_IN_FLIGHT' || e.code === 'RATE_LIMITED';
}

/** The shopper's message for a failed claim. */
export function claimErrorText(e: unknown): string {
  const messages: Record<string, string> = t.coupons.claimErrors;
  if (isApiError(e) && e.code in messages) return messages[e.code]!;
  return isApiError(e) && e.code === 'NETWORK_ERROR' ? t.common.networkError : t.common.failedToast;
}

/** The shopper's message for a failed redemption. */
export function redeemErrorText(e: unknown): string {
  const messages: Record<string, string> = t.coupons.redeemErrors;
  if (isApiError(e) && e.code in messages) return messages[e.code]!;
  return isApiError(e) && e.code === 'NETWORK_ERROR' ? t.common.networkError : t.common.failedToast;
}

/** Names of categories by id from the category tree (both levels), for scopes in words. */
export function categoryNameOf(tree: readonly { id: number; name: string; children: readonly { id: number; name: string }[] }[] | null) {
  const names = new Map<number, string>();
  for (const top of tree ?? []) {
    names.set(top.id, top.name);
    for (const child of top.children) names.set(child.id, child.name);
  }
  return (id: number): string | null => names.get(id) ?? null;
}

/**
 * "Use it": where a coupon can be spent. One product: its page; categories: the category tab on the (top-level)
 * category; otherwise the home page.
 */
export function goUseCoupon(scope: CouponScope): void {
  if (scope.type === 'products' && scope.ids.length === 1) {
    void Taro.navigateTo({ url: ROUTES.product(scope.ids[0]!) });
    return;
  }
  if (scope.type === 'categories' && scope.ids.length > 0) {
    const id = scope.ids[0]!;
    const tree = useCatalog.getState().categories ?? [];
    const top = tree.find((c) => c.id === id || c.children.some((child) => child.id === id));
    useCatalog.getState().requestCategory(top?.id ?? null);
    void Taro.switchTab({ url: ROUTES.category });
    return;
  }
  void Taro.switchTab({ url: ROUTES.home });
}
