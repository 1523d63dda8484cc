import type { Address, PointsMallItem } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { QuantityStepper } from '../../../components/quantity-stepper';
import { ProductImage } from '../../../components/product-image';
import { t } from '../../../i18n/package-points';
import { merchantTime } from '../../../lib/coupons';
import { descriptionText } from '../../../lib/format';
import { ROUTES, idParam } from '../../../lib/routes';
import { useCheckout } from '../../../stores/checkout-store';
import { usePoints } from '../../../stores/points-store';
import { mallPriceText, mallUnavailableText, redeemErrorText } from '../../mall';
import '../points-pages.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'missing' } | { state: 'ready'; item: PointsMallItem };

/**
 * One mall item: picture, price, stock, limits, on-sale window and description, and the redeem bar. A catalog item
 * ships: it needs an address (the default, or the one picked on the address list). Redeeming asks first; points only
 * completes at once and opens the redemption; points plus cash opens the redemption, which starts the payment of its
 * order exactly as an order's page does.
 */
export default function MallItemPage() {
  const id = idParam(useRouter().params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [address, setAddress] = useState<Address | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const available = usePoints((s) => s.summary?.available ?? null);
  /** Kept while the outcome of a redeem is unknown, so a retry cannot redeem twice. */
  const pendingKey = useRef<string | null>(null);

  const refresh = async () => {
    if (id === null) {
      setLoad({ state: 'missing' });
      return;
    }
    try {
      const item = await api.mallItem(id);
      // An item that ships shows where to: the address first, so the page never flashes 添加收货地址.
      if (item.kind === 'sku') {
        const { items } = await api.addresses();
        const chosen = useCheckout.getState().addressId;
        setAddress(items.find((a) => a.id === chosen) ?? items.find((a) => a.isDefault) ?? items[0] ?? null);
      }
      setLoad({ state: 'ready', item });
      setQuantity((q) => Math.max(1, Math.min(q, item.maxQuantity || 1)));
    } catch (e) {
      setLoad((l) => (l.state === 'ready' ? l : { state: isApiError(e) && e.code === 'NOT_FOUND' ? 'missing' : 'error' }));
    }
  };
  // Coming back from the address pages picks up the chosen (or new) address.
  useDidShow(() => {
    void refresh();
    void usePoints.getState().refresh();
  });

  if (load.state !== 'ready') {
    return (
      <View className='page points-page'>
        {load.state === 'missing' ? <View className='points-empty'>{t.mall.notFound}</View> : null}
        {load.state === 'error' ? <LoadError onRetry={() => void refresh()} /> : null}
        {load.state === 'loading' ? <View className='state-line'>{t.common.loading}</View> : null}
      </View>
    );
  }
  const { item } = load;
  const why = mallUnavailableText(item, available);
  const canRedeem = item.canRedeem && !busy && (item.kind !== 'sku' || address !== null);

  const redeem = async () => {
    if (busy || !item.canRedeem) return;
    if (item.kind === 'sku' && !address) {
      void Taro.showToast({ title: t.mall.needAddress, icon: 'none' });
      return;
    }
    const cash = item.cashFen > 0;
    const { confirm } = await Taro.showModal({
      title: t.mall.confirmTitle,
      content: cash
        ? t.mall.confirmCash(item.title, item.pointsPrice * quantity, formatYuan(item.cashFen * quantity))
        : t.mall.confirmPoints(item.title, item.pointsPrice * quantity),
      confirmText: t.common.confirm,
      cancelText: t.common.cancel,
    });
    if (!confirm) return;
    setBusy(true);
    const key = (pendingKey.current ??= newIdempotencyKey());
    try {
      const redemption = await api.redeemMallItem(
        { itemId: item.id, quantity, ...(item.kind === 'sku' && address ? { addressId: address.id } : {}) },
        key,
      );
      pendingKey.current = null;
      void usePoints.getState().refresh();
      if (redemption.status === 'awaiting_payment' && redemption.orderId !== null) {
        void Taro.redirectTo({ url: ROUTES.redemption(redemption.id, '&autopay=1') });
      } else {
        void Taro.showToast({ title: t.mall.success, icon: 'success' });
        void Taro.redirectTo({ url: ROUTES.redemption(redemption.id) });
      }
    } catch (e) {
      // A definite refusal: the next tap is a new attempt. Otherwise keep the key: the redemption may exist.
      if (isApiError(e) && e.status >= 400 && e.status < 500 && e.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT') pendingKey.current = null;
      void Taro.showToast({ title: redeemErrorText(e), icon: 'none' });
      void refresh();
    } finally {
      setBusy(false);
    }
  };

  const saleWindow =
    item.onSaleFrom && item.onSaleUntil
      ? t.mall.window(merchantTime(item.onSaleFrom, true), merchantTime(item.onSaleUntil, true))
      : item.onSaleUntil
        ? t.mall.windowUntil(merchantTime(item.onSaleUntil, true))
        : item.onSaleFrom && Date.parse(item.onSaleFrom) > Date.now()
          ? t.mall.windowFrom(merchantTime(item.onSaleFrom, true))
          : null;
  const limits = [
    item.perMemberLimit !== null ? t.mall.limitTotal(item.perMemberLimit) : null,
    item.perMemberDailyLimit !== null ? t.mall.limitDaily(item.perMemberDailyLimit) : null,
    item.redeemedByMe > 0 ? t.mall.redeemedByMe(item.redeemedByMe) : null,
  ].filter((x): x is string => x !== null);
  const description = descriptionText(item.description);

  return (
    <View className='page points-page mall-item js-mall-detail'>
      <ProductImage className='mall-detail-cover' src={item.imageUrl} title={item.title} />
      <View className='card'>
        <Text className='mall-detail-title js-mall-detail-title'>{item.title}</Text>
        <Text className='mall-price mall-detail-price js-mall-detail-price'>{mallPriceText(item)}</Text>
        <View className='mall-card-tags'>
          <Text className='tag'>{t.mall.kinds[item.kind]}</Text>
          <Text className='muted'>{t.mall.kindHints[item.kind]}</Text>
        </View>
        <Text className='muted mall-detail-line js-mall-detail-stock'>{t.mall.stockLeft(item.stockLeft)}</Text>
        {limits.length > 0 ? <Text className='muted mall-detail-line js-mall-detail-limits'>{limits.join(' · ')}</Text> : null}
        {saleWindow ? <Text className='muted mall-detail-line js-mall-detail-window'>{saleWindow}</Text> : null}
        {why ? <Text className='mall-why mall-detail-line js-mall-detail-why'>{why}</Text> : null}
      </View>

      {item.kind === 'sku' ? (
        <View
          className='card row mall-address js-mall-address'
          onClick={() => void Taro.navigateTo({ url: address ? ROUTES.addresses(true) : ROUTES.addressEdit(undefined, 1) })}
        >
          <View className='mall-address-body'>
            <Text className='muted'>{t.mall.shipTo}</Text>
            {address ? (
              <>
                <Text className='mall-address-who'>{`${address.name} ${address.phone}`}</Text>
                <Text className='muted'>{`${address.province}${address.city}${address.district} ${address.detail}`}</Text>
              </>
            ) : (
              <Text>{t.mall.addAddress}</Text>
            )}
          </View>
          <Text className='muted'>›</Text>
        </View>
      ) : null}

      {item.canRedeem && item.maxQuantity > 1 ? (
        <View className='card row mall-qty'>
          <Text>{t.mall.quantity}</Text>
          <QuantityStepper value={quantity} max={item.maxQuantity} onChange={setQuantity} />
        </View>
      ) : null}

      {description ? (
        <View className='card'>
          <Text className='card-title'>{t.mall.descriptionTitle}</Text>
          <Text className='mall-description'>{description}</Text>
        </View>
      ) : null}
      <View className='bottom-bar-spacer' />

      <View className='bottom-bar mall-bar'>
        <View className='mall-bar-total'>
          <Text className='muted'>{t.mall.total}</Text>
          <Text className='mall-price js-mall-total'>{mallPriceText(item, quantity)}</Text>
        </View>
        <Button className={`primary-button mall-redeem js-mall-redeem${canRedeem ? '' : ' is-disabled'}`} onClick={() => void redeem()}>
          <Text>{busy ? t.mall.redeeming : t.mall.redeem}</Text>
        </Button>
      </View>
    </View>
  );
}
