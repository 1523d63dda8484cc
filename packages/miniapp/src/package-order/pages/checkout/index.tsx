import type { Address, CheckoutPreview } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api, isApiError, newIdempotencyKey } from '../../../api/client';
import { LoadError } from '../../../components/load-error';
import { BreakdownLines, LineItem } from '../../../components/order-parts';
import { t } from '../../../i18n/zh-CN';
import { ROUTES } from '../../../lib/routes';
import { useCart } from '../../../stores/cart-store';
import { useCheckout } from '../../../stores/checkout-store';
import './index.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; address: Address | null; preview: CheckoutPreview };

/**
 * Confirm an order: the address, the lines and the server's breakdown (items, shipping, payable). Submitting sends
 * what to buy and where to, never a price; the new order opens on its detail page, which starts the payment.
 */
export default function CheckoutPage() {
  const source = useCheckout((s) => s.source);
  const _chosenAddressId = useCheckout((s) => s.addressId);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);
  /** Kept while the outcome of a submit is unknown, so a retry cannot place the order twice. */
  const pendingKey = useRef<string | null>(null);
  const generation = useRef(0);

  const refresh = async () => {
    if (!source) return;
    const mine = ++generation.current;
    setLoad((l) => (l.state === 'ready' ? l : { state: 'loading' }));
    try {
      const { items } = await api.addresses();
      const address = items.find((a) => a.id === useCheckout.getState().addressId) ?? items.find((a) => a.isDefault) ?? items[0] ?? null;
      const preview = await api.checkoutPreview({ ...source, ...(address ? { addressId: address.id } : {}) });
      if (mine === generation.current) setLoad({ state: 'ready', address, preview });
    } catch {
      if (mine === generation.current) setLoad({ state: 'error' });
    }
  };
  // Coming back from the address pages picks up the chosen (or newly added) address.
  useDidShow(() => {
    pendingKey.current = null;
    void refresh();
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
      const order = await api.createOrder({ ...source, addressId: address.id, ...(text ? { remark: text } : {}) }, key);
      pendingKey.current = null;
      if ('fromCart' in source) void useCart.getState().load();
      useCheckout.getState().finish();
      // An order the discounts paid in full is settled at once: straight to its page, no payment sheet.
      void Taro.redirectTo({ url: ROUTES.order(order.id, order.status === 'awaiting_payment' ? '&autopay=1' : '') });
    } catch (e) {
      // A definite refusal: the next tap is a new attempt. Otherwise keep the key: the order may exist.
      if (isApiError(e) && e.status >= 400 && e.status < 500 && e.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT') pendingKey.current = null;
      void Taro.showToast({
        title: isApiError(e) && (e.code === 'OUT_OF_STOCK' || e.code === 'PRODUCT_UNAVAILABLE') ? t.checkout.cannotSubmit : t.common.failedToast,
        icon: 'none',
      });
      void refresh();
    } finally {
      setSubmitting(false);
    }
  };

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
        <BreakdownLines breakdown={preview.breakdown} />
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

      <View className='bottom-bar'>
        <Text>{t.checkout.payable}</Text>
        <Text className='price-large checkout-payable js-checkout-payable'>{formatYuan(preview.payableFen)}</Text>
        <Button
          className={`primary-button js-checkout-submit${submitting || !address || !preview.canSubmit ? ' is-disabled' : ''}`}
          onClick={() => void submit()}
        >
          <Text>{submitting ? t.checkout.submitting : t.checkout.submit}</Text>
        </Button>
      </View>
    </View>
  );
}
