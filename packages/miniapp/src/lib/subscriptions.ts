import type { SubscribeMoment, SubscriptionAsk } from '@siyu/shared';
import { useEffect, useRef } from 'react';
import { api, newIdempotencyKey } from '../api/client';
import { H5_STAND_IN_PLATFORM, TARGET } from '../env';
import { STORAGE_KEYS, storage } from '../platform/storage';
import { requestSubscribe } from '../platform/subscribe';

/** The platform this build asks on (H5 stands in for one). */
const PLATFORM = TARGET === 'alipay' || TARGET === 'tt' || TARGET === 'weapp' ? TARGET : H5_STAND_IN_PLATFORM;

function askedSet(): Set<string> {
  try {
    const raw = storage.get(STORAGE_KEYS.subscriptionsAsked);
    return new Set(raw ? (JSON.parse(raw) as string[]) : []);
  } catch {
    return new Set();
  }
}

/** Whether the prompt was already shown for this moment and occasion (an order, a day): never ask twice. */
export function alreadyAsked(moment: SubscribeMoment, occasion: string): boolean {
  return askedSet().has(`${moment}:${occasion}`);
}

function remember(moment: SubscribeMoment, occasion: string) {
  // The last 50 occasions are plenty to keep one order or day from asking twice.
  const list = [...askedSet(), `${moment}:${occasion}`].slice(-50);
  storage.set(STORAGE_KEYS.subscriptionsAsked, JSON.stringify(list));
}

/**
 * Asking for subscription messages at a natural moment (after paying, after checking in, claiming a coupon): the
 * templates are fetched when the page opens, so the prompt itself runs straight from the tap or the payment callback
 * (the only places the platforms allow it). `ask(occasion)` shows the prompt at most once per moment and occasion,
 * records the answers with the server, and says whether anything was accepted; null when nothing was asked.
 */
export function useSubscriptionAsk(moment: SubscribeMoment) {
  const prepared = useRef<Promise<SubscriptionAsk | null> | null>(null);
  useEffect(() => {
    prepared.current = api.subscriptionAsk({ platform: PLATFORM, moment }).catch(() => null);
  }, [moment]);

  return async function ask(occasion: string): Promise<boolean | null> {
    if (alreadyAsked(moment, occasion)) return null;
    const plan = await (prepared.current ?? api.subscriptionAsk({ platform: PLATFORM, moment }).catch(() => null));
    if (!plan || plan.templateIds.length === 0) return null;
    const results = await requestSubscribe(plan.templateIds);
    // A prompt the platform would not show (not from a tap, subscriptions switched off) is not an answer: the
    // occasion stays open for a tap (支付成功's 订阅发货通知). An answer, whatever it is, closes it.
    if (!results) return null;
    remember(moment, occasion);
    await api.recordConsents({ platform: PLATFORM, results }, newIdempotencyKey()).catch(() => undefined);
    return Object.values(results).includes('accept');
  };
}

/** Whether this moment has templates to ask for (resolved when the page opened). */
export async function hasSubscriptionsToAsk(moment: SubscribeMoment): Promise<boolean> {
  const plan = await api.subscriptionAsk({ platform: PLATFORM, moment }).catch(() => null);
  return Boolean(plan && plan.templateIds.length > 0);
}
