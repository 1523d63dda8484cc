import type { Order } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/client';
import { LoadError } from '../../../components/load-error';
import { NotFound } from '../../../components/not-found';
import { t } from '../../../i18n/package-order';
import { formatDateTime } from '../../../lib/format';
import { waitForPayment } from '../../../lib/payment';
import { ROUTES, idParam } from '../../../lib/routes';
import { alreadyAsked, hasSubscriptionsToAsk, useSubscriptionAsk } from '../../../lib/subscriptions';
import './index.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'missing' } | { state: 'ready'; order: Order };

/**
 * 支付成功: where a payment lands on every platform (after the sheet on WeChat, Alipay and Douyin; from the payment page
 * on H5). The server's order decides what it says: while the notification is on its way it waits (waitForPayment),
 * and an order still unpaid says so. Nothing here starts a payment, so Back (to the order) is always safe.
 */
export default function PaySuccessPage() {
  const id = idParam(useRouter().params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  /** The offer to subscribe to the shipping notice: shown once per order, when the shop has templates for it. */
  const [subscribe, setSubscribe] = useState<'hidden' | 'offer' | 'accepted' | 'declined'>('hidden');
  const askSubscriptions = useSubscriptionAsk('after_pay');
  useEffect(() => {
    if (id === null || alreadyAsked('after_pay', `order:${id}`)) return;
    hasSubscriptionsToAsk('after_pay').then(
      (yes) => setSubscribe(yes ? 'offer' : 'hidden'),
      () => undefined,
    );
  }, [id]);
  const onSubscribe = async () => {
    if (id === null) return;
    const accepted = await askSubscriptions(`order:${id}`);
    setSubscribe(accepted ? 'accepted' : 'declined');
  };

  const fetchOrder = () => {
    if (id === null) {
      setLoad({ state: 'missing' });
      return;
    }
    setLoad({ state: 'loading' });
    waitForPayment(id).then(
      (order) => setLoad({ state: 'ready', order }),
      (e) => setLoad({ state: isApiError(e) && e.code === 'NOT_FOUND' ? 'missing' : 'error' }),
    );
  };
  useEffect(fetchOrder, [id]);

  /** The order's page: the one underneath when we came from it (WeChat, Alipay, Douyin), else in this page's place. */
  const viewOrder = () => {
    if (id === null) return;
    const pages = Taro.getCurrentPages();
    const below = pages.length > 1 ? pages[pages.length - 2] : undefined;
    const route = `/${String(below?.route ?? '').replace(/^\//, '')}`;
    if (route === ROUTES.order(id).split('?')[0] && String(below?.options?.id ?? '') === String(id)) void Taro.navigateBack();
    else void Taro.redirectTo({ url: ROUTES.order(id) });
  };

  if (load.state !== 'ready') {
    return (
      <View className='page'>
        {load.state === 'missing' ? <NotFound text={t.store.orderGone} /> : null}
        {load.state === 'error' ? <LoadError onRetry={fetchOrder} /> : null}
        {load.state === 'loading' ? <View className='state-line js-pay-success-confirming'>{t.paySuccess.confirming}</View> : null}
      </View>
    );
  }

  const { order } = load;
  const paid = order.paidAt !== null;
  return (
    <View className='page pay-success'>
      <View className='card pay-success-card'>
        <View className={`pay-success-icon${paid ? '' : ' is-pending'}`}>
          <Text>{paid ? '✓' : '!'}</Text>
        </View>
        <Text className='pay-success-heading js-pay-success-heading'>{paid ? t.paySuccess.heading : t.paySuccess.notPaid}</Text>
        {paid ? <Text className='pay-success-amount js-pay-success-amount'>{formatYuan(order.payableFen)}</Text> : null}
        <View className='pay-success-facts'>
          <View className='row pay-success-fact'>
            <Text className='muted'>{t.paySuccess.orderNo}</Text>
            <Text className='pay-success-order-no js-pay-success-order-no'>{order.orderNo}</Text>
          </View>
          {paid ? (
            <View className='row pay-success-fact'>
              <Text className='muted'>{t.paySuccess.paidAt}</Text>
              <Text>{formatDateTime(order.paidAt!)}</Text>
            </View>
          ) : null}
          {paid && order.pointsEarned > 0 ? (
            <View className='row pay-success-fact'>
              <Text className='muted'>{t.paySuccess.pointsEarned}</Text>
              <Text className='pay-success-points js-pay-success-points'>{t.paySuccess.pointsEarnedValue(order.pointsEarned)}</Text>
            </View>
          ) : null}
        </View>
        {paid ? <Text className='muted pay-success-next'>{t.paySuccess.next}</Text> : null}
        {paid && subscribe === 'offer' ? (
          <Button className='plain-button pay-success-subscribe js-pay-success-subscribe' onClick={() => void onSubscribe()}>
            <Text>{t.subscribe.shippedButton}</Text>
          </Button>
        ) : null}
        {paid && (subscribe === 'accepted' || subscribe === 'declined') ? (
          <Text className='muted pay-success-next js-pay-success-subscribed'>
            {subscribe === 'accepted' ? t.subscribe.subscribed : t.subscribe.declined}
          </Text>
        ) : null}
      </View>
      <View className='pay-success-actions'>
        <Button className='plain-button pay-success-button js-pay-success-order' onClick={viewOrder}>
          <Text>{t.paySuccess.viewOrder}</Text>
        </Button>
        <Button className='primary-button pay-success-button js-pay-success-home' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
          <Text>{t.paySuccess.continueShopping}</Text>
        </Button>
      </View>
    </View>
  );
}
