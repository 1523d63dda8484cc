import type { Address, CheckoutPreview } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { BreakdownLines, LineItem } from '../../components/order-parts';
import { t } from '../../../i18n/package-order';
import { ROUTES } from '../../../lib/routes';
import { useCart } from '../../../stores/cart-store';
import { useCheckout } from '../../../stores/checkout-store';
import { CouponChooser } from '../../components/coupon-chooser';
import './index.css';
import { track } from '../../../lib/tracker';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; address: Address | null; preview: CheckoutPreview };

/** The coupon a 409 COUPON_UNUSABLE names (details.couponId, or the index in details.field "couponIds.N"), and why. */
function refusalOf(e: unknown, asked: readonly number[]): { couponId: number; detail: string } | null {
  if (!isApiError(e) || e.code !== 'COUPON_UNUSABLE') return null;
  const d = (e.details ?? {}) as { couponId?: unknown; field?: unknown; reason?: unknown; detail?: unknown };
  const index = typeof d.field === 'string' ? Number(/^couponIds\.(\d+)$/.exec(d.field)?.[1]) : Number.NaN;
  const couponId = typeof d.couponId === 'number' ? d.couponId : asked[index];
  if (couponId === undefined) return null;
  const reasons: Record<string, string> = t.coupons.reasons;
  const detail =
    typeof d.detail === 'string' && d.detail
      ? d.detail
      : typeof d.reason === 'string' && reasons[d.reason]
        ? reasons[d.reason]!
        : t.checkout.couponRefused;
  return { couponId, detail };
}

/** A choice of coupons the server no longer accepts (used elsewhere, expired, gone). */
const choiceLost = (e: unknown) => isApiError(e) && (e.code === 'COUPON_UNUSABLE' || (e.code === 'NOT_FOUND' && /^couponIds\./.test(fieldOf(e))));
const fieldOf = (e: unknown) => String((isApiError(e) && (e.details as { field?: unknown } | undefined)?.field) || '');

/**
 * Confirm an order: the address, the lines, the coupons and the server's breakdown (items, shipping, discounts,
 * payable). The server chooses the best coupons unless the shopper picks in the chooser; either way the coupons shown
 * are the ones sent with the order. Submitting sends what to buy, where to and which coupons, never a price; the new
 * order opens on its detail page, which starts the payment (none when the discounts paid it all).
 */
export default function CheckoutPage() {
  const source = useCheckout((s) => s.source);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [remark, setRemark] = useState('');
  // The stored-value balance (decision 039): the server pays what it covers of the payable when asked.
  const [balanceFen, setBalanceFen] = useState(0);
  const [useBalance, setUseBalance] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [refusals, setRefusals] = useState<Record<number, string>>({});
  /** Kept while the outcome of a submit is unknown, so a retry cannot place the order twice. */
  const pendingKey = useRef<string | null>(null);
  const generation = useRef(0);
  /** The points switch: pay part with points (kept here: it belongs to this page only). */
  const usingPoints = useRef(false);
  const [pointsBusy, setPointsBusy] = useState(false);

  const previewFor = (address: Address | null, couponIds: number[] | null, usePoints = usingPoints.current) => {
    if (!source) throw new Error('no checkout source');
    return api.checkoutPreview({
      ...source,
      ...(address ? { addressId: address.id } : {}),
      ...(couponIds ? { couponIds } : {}),
      ...(usePoints ? { usePoints: true } : {}),
    });
  };

  const refresh = async () => {
    if (!source) return;
    const mine = ++generation.current;
    setLoad((l) => (l.state === 'ready' ? l : { state: 'loading' }));
    try {
      const { items } = await api.addresses();
      const address = items.find((a) => a.id === useCheckout.getState().addressId) ?? items.find((a) => a.isDefault) ?? items[0] ?? null;
      const chosen = useCheckout.getState().couponIds;
      let preview: CheckoutPreview;
      try {
        preview = await previewFor(address, chosen);
      } catch (e) {
        // The coupons chosen earlier no longer go together or are gone: let the server choose again, and say so.
        if (chosen === null || !choiceLost(e)) throw e;
        useCheckout.getState().chooseCoupons(null);
        preview = await previewFor(address, null);
        if (mine === generation.current) void Taro.showToast({ title: t.checkout.couponChoiceLost, icon: 'none' });
      }
      if (mine === generation.current) setLoad({ state: 'ready', address, preview });
    } catch {
      if (mine === generation.current) setLoad({ state: 'error' });
    }
  };
  // Coming back from the address pages picks up the chosen (or newly added) address.
  useDidShow(() => {
    track('checkout_start', { page: 'checkout' });
    pendingKey.current = null;
    void refresh();
    void api
      .wallet()
      .then((w) => setBalanceFen(w.balanceFen))
      .catch(() => setBalanceFen(0));
  });

  if (!source)
    return (
      <View className='page'>
        <View className='empty-box'>{t.checkout.nothingToBuy}</View>
      </View>
    );
  if (load.state !== 'ready')
    return (
      <View className='page'>
        {load.state === 'error' ? <LoadError onRetry={() => void refresh()} /> : <View className='state-line'>{t.common.loading}</View>}
      </View>
    );

  const { address, preview } = load;
  const coupons = preview.coupons;

  /**
   * Prices a new choice of coupons on the server; a refusal is shown beside the coupon it names. With `tapped` (a coupon
   * just added), the tapped one goes first and a coupon already chosen that cannot go with it is let go: the tap switches
   * to the new coupon instead of being refused.
   */
  const chooseCoupons = async (ids: number[], tapped?: number) => {
    if (choosing) return;
    setChoosing(true);
    const mine = ++generation.current;
    let asked = tapped === undefined ? ids : [tapped, ...ids.filter((x) => x !== tapped)];
    try {
      let next: CheckoutPreview | null = null;
      while (next === null) {
        try {
          next = await previewFor(address, asked);
        } catch (e) {
          const refusal = refusalOf(e, asked);
          // Another chosen coupon is what stands in the way of the one tapped: drop it and ask again.
          if (tapped === undefined || !refusal || refusal.couponId === tapped || !asked.includes(refusal.couponId)) throw e;
          asked = asked.filter((x) => x !== refusal.couponId);
        }
      }
      if (mine !== generation.current) return;
      useCheckout.getState().chooseCoupons(asked);
      pendingKey.current = null; // another order now: a new submit is a new attempt
      setRefusals({});
      setLoad({ state: 'ready', address, preview: next });
    } catch (e) {
      if (mine !== generation.current) return;
      const refusal = refusalOf(e, asked);
      if (refusal) setRefusals({ [refusal.couponId]: refusal.detail });
      else void Taro.showToast({ title: isApiError(e) && e.code === 'NETWORK_ERROR' ? t.common.networkError : t.common.failedToast, icon: 'none' });
    } finally {
      setChoosing(false);
    }
  };
  /** The points switch: the server prices the order with or without points; the page shows what it says. */
  const togglePoints = async () => {
    if (pointsBusy || choosing) return;
    const next = !preview.points.using;
    if (next && (!preview.points.enabled || preview.points.maxPoints <= 0)) return;
    setPointsBusy(true);
    const mine = ++generation.current;
    try {
      const priced = await previewFor(address, useCheckout.getState().couponIds, next);
      if (mine !== generation.current) return;
      usingPoints.current = next;
      pendingKey.current = null; // another order now: a new submit is a new attempt
      setLoad({ state: 'ready', address, preview: priced });
    } catch (e) {
      if (mine === generation.current)
        void Taro.showToast({ title: isApiError(e) && e.code === 'NETWORK_ERROR' ? t.common.networkError : t.common.failedToast, icon: 'none' });
    } finally {
      setPointsBusy(false);
    }
  };

  const toggleCoupon = (id: number) => {
    const selected = coupons.selectedIds;
    if (selected.includes(id)) void chooseCoupons(selected.filter((x) => x !== id));
    else void chooseCoupons(selected, id);
  };

  const submit = async () => {
    if (submitting) return;
    if (!address) {
      void Taro.showToast({ title: t.checkout.needAddress, icon: 'none' });
      return;
    }
    if (!preview.canSubmit) {
      void Taro.showToast({ title: t.checkout.cannotSubmit, icon: 'none' });
      return;
    }
    setSubmitting(true);
    const key = (pendingKey.current ??= newIdempotencyKey());
    try {
      const text = remark.trim();
      // Exactly the coupons shown (chosen by the server or the shopper): the order costs what the page said.
      const order = await api.createOrder(
        {
          ...source,
          addressId: address.id,
          couponIds: coupons.selectedIds,
          ...(preview.points.using ? { usePoints: true } : {}),
          ...(useBalance && balanceFen > 0 ? { useBalance: true } : {}),
          ...(text ? { remark: text } : {}),
        },
        key,
      );
      pendingKey.current = null;
      if ('fromCart' in source) void useCart.getState().load();
      useCheckout.getState().finish();
      // An order the discounts paid in full is settled at once: straight to its page, no payment sheet.
      void Taro.redirectTo({ url: ROUTES.order(order.id, order.status === 'awaiting_payment' ? '&autopay=1' : '') });
    } catch (e) {
      // A definite refusal: the next tap is a new attempt. Otherwise keep the key: the order may exist.
      if (isApiError(e) && e.status >= 400 && e.status < 500 && e.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT') pendingKey.current = null;
      const lost = choiceLost(e);
      if (lost) useCheckout.getState().chooseCoupons(null);
      // The points shown are no longer there (spent elsewhere, expired): the preview below says what is left.
      const pointsGone = isApiError(e) && e.code === 'INSUFFICIENT_POINTS';
      void Taro.showToast({
        title: lost
          ? t.checkout.couponChoiceLost
          : pointsGone
            ? t.points.checkoutPointsGone
            : isApiError(e) && (e.code === 'OUT_OF_STOCK' || e.code === 'PRODUCT_UNAVAILABLE')
              ? t.checkout.cannotSubmit
              : t.common.failedToast,
        icon: 'none',
      });
      void refresh();
    } finally {
      setSubmitting(false);
    }
  };

  const selected = coupons.usable.filter((u) => coupons.selectedIds.includes(u.coupon.id)).map((u) => u.coupon);
  const hasCoupons = coupons.usable.length + coupons.unusable.length > 0;
  const points = preview.points;
  const pointsUsable = points.enabled && (points.using || points.maxPoints > 0);

  return (
    <View className='page checkout'>
      {address ? (
        <View className='card checkout-address js-checkout-address' onClick={() => void Taro.navigateTo({ url: ROUTES.addresses(true) })}>
          <View className='row'>
            <View className='checkout-address-body'>
              <Text className='checkout-address-who'>{`${address.name} ${address.phone}`}</Text>
              <Text className='muted'>{`${address.province}${address.city}${address.district} ${address.detail}`}</Text>
            </View>
            <Text className='muted'>›</Text>
          </View>
        </View>
      ) : (
        <View
          className='card row checkout-address js-checkout-add-address'
          onClick={() => void Taro.navigateTo({ url: ROUTES.addressEdit(undefined, 1) })}
        >
          <Text>{t.checkout.addAddress}</Text>
          <Text className='muted'>›</Text>
        </View>
      )}

      <View className='card'>
        {preview.lines.map((line) => (
          <LineItem
            key={line.skuId}
            line={line}
            className='js-checkout-line'
            note={line.problem ? <Text className='tag js-checkout-problem'>{t.checkout.lineProblems[line.problem]}</Text> : null}
          />
        ))}
      </View>

      <View className='card'>
        <View
          className={`checkout-coupon-row js-checkout-coupon${hasCoupons ? '' : ' is-empty'}`}
          onClick={hasCoupons ? () => setChooserOpen(true) : undefined}
        >
          <Text className='checkout-coupon-label'>{t.checkout.coupon}</Text>
          <View className='checkout-coupon-value'>
            {selected.length > 0 ? (
              <>
                <Text className='checkout-coupon-names js-checkout-coupon-names'>{selected.map((c) => c.name).join(' + ')}</Text>
                <Text className='checkout-coupon-saving js-checkout-coupon-saving'>{formatYuan(-coupons.savingFen)}</Text>
              </>
            ) : coupons.usable.length > 0 ? (
              <>
                <Text className='tag checkout-coupon-count'>{t.checkout.couponUsableCount(coupons.usable.length)}</Text>
                <Text className='muted js-checkout-coupon-none'>{t.checkout.couponNone}</Text>
              </>
            ) : (
              <Text className='muted js-checkout-coupon-unavailable'>{t.checkout.couponUnavailable}</Text>
            )}
          </View>
          {hasCoupons ? <Text className='muted checkout-coupon-more'>›</Text> : null}
        </View>
      </View>

      {points.enabled ? (
        <View className='card'>
          <View
            className={`checkout-points-row js-checkout-points${pointsUsable ? '' : ' is-empty'}`}
            onClick={pointsUsable ? () => void togglePoints() : undefined}
          >
            <View className='checkout-points-text'>
              <Text className='checkout-coupon-label'>{t.points.checkoutLabel}</Text>
              <Text className={`checkout-points-hint js-checkout-points-hint${points.using ? ' is-using' : ''}`}>
                {points.using
                  ? t.points.checkoutUsing(points.pointsUsed, formatYuan(points.savingFen))
                  : points.maxPoints > 0
                    ? t.points.checkoutCanUse(points.maxPoints, formatYuan(points.maxSavingFen))
                    : (points.unavailableReason ?? t.points.checkoutNone)}
              </Text>
              {points.limitedBy ? (
                <Text className='checkout-points-cap js-checkout-points-cap'>
                  {points.limitedBy === 'share'
                    ? t.points.checkoutCapShare(points.available, String(points.maxShareBp / 100))
                    : t.points.checkoutCapBalance(points.available)}
                </Text>
              ) : null}
            </View>
            {pointsUsable ? (
              <View className={`checkout-points-switch js-checkout-points-switch${points.using ? ' is-on' : ''}${pointsBusy ? ' is-busy' : ''}`}>
                <View className='checkout-points-knob' />
              </View>
            ) : null}
          </View>
        </View>
      ) : null}

      <View className='card'>
        <View
          className={`checkout-points-row js-checkout-balance${balanceFen > 0 ? '' : ' is-empty'}`}
          onClick={balanceFen > 0 ? () => setUseBalance((u) => !u) : undefined}
        >
          <View className='checkout-points-text'>
            <Text className='checkout-coupon-label'>{t.balancePay.label}</Text>
            <Text className={`checkout-points-hint js-checkout-balance-hint${useBalance ? ' is-using' : ''}`}>
              {balanceFen <= 0
                ? t.balancePay.none
                : useBalance
                  ? t.balancePay.using(formatYuan(Math.min(balanceFen, preview.payableFen)))
                  : t.balancePay.hint(formatYuan(balanceFen))}
            </Text>
          </View>
          {balanceFen > 0 ? (
            <View className={`checkout-points-switch js-checkout-balance-switch${useBalance ? ' is-on' : ''}`}>
              <View className='checkout-points-knob' />
            </View>
          ) : null}
        </View>
      </View>

      <View className='card'>
        <BreakdownLines breakdown={preview.breakdown} />
        {points.earnPoints > 0 ? (
          <View className='row checkout-earn'>
            <Text className='muted'>{t.points.checkoutEarnLabel}</Text>
            <Text className='checkout-earn-value js-checkout-earn'>{t.points.checkoutEarn(points.earnPoints)}</Text>
          </View>
        ) : null}
        <View className='field'>
          <Text className='field-label'>{t.checkout.remark}</Text>
          <Input
            className='field-input js-checkout-remark'
            value={remark}
            maxlength={200}
            placeholder={t.checkout.remarkPlaceholder}
            onInput={(e) => setRemark(e.detail.value)}
          />
        </View>
      </View>
      <View className='bottom-bar-spacer' />

      <View className='bottom-bar checkout-bar'>
        <View className='checkout-total'>
          <View className='checkout-total-line'>
            <Text className='checkout-total-label'>{t.checkout.payable}</Text>
            <Text className='price-large checkout-payable js-checkout-payable'>{formatYuan(preview.payableFen)}</Text>
          </View>
          {useBalance && balanceFen > 0 ? (
            <Text className='checkout-discount js-checkout-balance-rest'>
              {t.balancePay.platformRest(formatYuan(Math.max(0, preview.payableFen - balanceFen)))}
            </Text>
          ) : null}
          {preview.discountFen > 0 ? (
            <Text className='checkout-discount js-checkout-discount'>{t.checkout.discounted(formatYuan(preview.discountFen))}</Text>
          ) : null}
        </View>
        <Button
          className={`primary-button checkout-submit js-checkout-submit${submitting || !address || !preview.canSubmit ? ' is-disabled' : ''}`}
          onClick={() => void submit()}
        >
          <Text>{submitting ? t.checkout.submitting : t.checkout.submit}</Text>
        </Button>
      </View>

      <CouponChooser
        open={chooserOpen}
        coupons={coupons}
        busy={choosing}
        refusals={refusals}
        onToggle={toggleCoupon}
        onNone={() => void chooseCoupons([])}
        onClose={() => {
          setChooserOpen(false);
          setRefusals({});
        }}
      />
    </View>
  );
}
