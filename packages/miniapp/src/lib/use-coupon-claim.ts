import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api, newIdempotencyKey } from '../api/client';
import { t } from '../i18n/package-coupon';
import { claimErrorText, outcomeUnknown } from './coupons';
import { useSubscriptionAsk } from './subscriptions';
import { track } from './tracker';

export interface CouponClaim {
  /** The template being claimed, or null. */
  claiming: number | null;
  claim(templateId: number): Promise<void>;
}

/**
 * Claiming a coupon from the claim centre or the product page: one tap, one Idempotency-Key, kept while the outcome
 * is unknown (network error, 5xx, 429, key in flight) so that a second tap of the same claim is answered once. A toast
 * says how it went; `after` reloads what the page shows from the server (claimed count, sold out), whatever happened.
 */
export function useCouponClaim(after: () => void): CouponClaim {
  const [claiming, setClaiming] = useState<number | null>(null);
  const busy = useRef(false);
  const pendingKeys = useRef(new Map<number, string>());
  const askSubscriptions = useSubscriptionAsk('coupon_claim');

  const claim = async (templateId: number) => {
    if (busy.current) return;
    busy.current = true;
    setClaiming(templateId);
    const key = pendingKeys.current.get(templateId) ?? newIdempotencyKey();
    pendingKeys.current.set(templateId, key);
    try {
      await api.claimCoupon(templateId, key);
      track('coupon_claim', { detail: String(templateId) });
      pendingKeys.current.delete(templateId);
      void Taro.showToast({ title: t.coupons.claimSuccess, icon: 'success' });
      // The expiry notice for the new coupon: asked from the claim's tap, once per template.
      void askSubscriptions(`coupon:${templateId}`);
    } catch (e) {
      if (!outcomeUnknown(e)) pendingKeys.current.delete(templateId);
      void Taro.showToast({ title: claimErrorText(e), icon: 'none' });
    } finally {
      busy.current = false;
      setClaiming(null);
      after();
    }
  };

  return { claiming, claim };
}
