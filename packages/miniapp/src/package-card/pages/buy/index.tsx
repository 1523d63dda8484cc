import type { MemberCardOffer } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-card';
import { formatDateTime } from '../../../lib/format';
import { payOrder, waitForPayment } from '../../../lib/payment';
import { ROUTES } from '../../../lib/routes';
import { BenefitList } from '../../benefits';
import '../../card.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; offer: MemberCardOffer };

/**
 * 开通会员卡: the cards on sale with their benefits, the refund rule, and what each would have saved on the member's own
 * recent orders; buying opens the card's order and pays it like any order (the platform's sheet, or on H5 the payment
 * page, which comes back here with `paid=1`), then shows the card.
 */
export default function MemberCardBuyPage() {
  const params = useRouter().params;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [buying, setBuying] = useState(false);
  const refresh = () =>
    api.memberCardOffer().then(
      (offer) => setLoad({ state: 'ready', offer }),
      () => setLoad({ state: 'error' }),
    );
  useDidShow(() => {
    void refresh();
    if (params.paid === '1') void Taro.showToast({ title: t.card.paid, icon: 'success' });
  });

  const buy = async (cardId: number) => {
    if (buying) return;
    setBuying(true);
    try {
      const order = await api.buyMemberCard(cardId, newIdempotencyKey());
      const result = await payOrder({ id: order.orderId }, ROUTES.memberCardBuy('paid=1'));
      if (result.kind === 'redirected') return;
      const latest = result.kind === 'settled' ? result.order : await waitForPayment(order.orderId, 1_500);
      if (latest.status === 'paid') {
        void Taro.showToast({ title: t.card.paid, icon: 'success' });
        void Taro.redirectTo({ url: ROUTES.memberCard });
        return;
      }
      void Taro.showToast({
        title: result.kind === 'pending' && result.sheet === 'cancelled' ? t.payment.cancelled : t.payment.failed,
        icon: 'none',
      });
    } catch (e) {
      void Taro.showToast({ title: isApiError(e) && e.status === 409 ? t.card.pendingOrder : t.payment.failed, icon: 'none' });
    } finally {
      setBuying(false);
      void refresh();
    }
  };

  if (load.state === 'loading') return <View className='page state-line'>{t.common.loading}</View>;
  if (load.state === 'error')
    return (
      <View className='page'>
        <LoadError onRetry={() => void refresh()} />
      </View>
    );
  const { cards, mine } = load.offer;
  const active = mine?.status === 'active';
  return (
    <View className='page member-card-buy js-card-buy'>
      {active && mine ? (
        <View className='card-hero js-card-mine' onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })}>
          <Text className='card-hero-name'>{mine.name}</Text>
          <Text className='card-hero-line'>{`${t.card.expiresAt(formatDateTime(mine.expiresAt).slice(0, 10))} · ${t.card.daysLeft(mine.daysLeft)}`}</Text>
          <Text className='card-hero-line'>{t.card.renewHint}</Text>
        </View>
      ) : null}
      {cards.length === 0 ? <View className='state-line muted js-card-empty'>{t.card.empty}</View> : null}
      {cards.map((c) => (
        <View key={c.id} className='card card-offer js-card-offer'>
          <View className='card-offer-head'>
            <Text className='card-offer-name'>{c.name}</Text>
            <Text className='price card-offer-price js-card-price'>{t.card.price(formatYuan(c.priceFen), c.periodMonths)}</Text>
          </View>
          <BenefitList benefits={c.benefits} />
          <Text className='card-estimate js-card-estimate'>
            {t.card.estimate(c.estimate.days, c.estimate.orders, formatYuan(c.estimate.savedFen))}
          </Text>
          <Text className='muted card-rule'>{t.card.refundRule(c.refundDays)}</Text>
          <Button className={`primary-button card-buy js-card-buy-button${buying ? ' is-disabled' : ''}`} onClick={() => void buy(c.id)}>
            <Text>{active && mine?.cardId === c.id ? t.card.renew(formatYuan(c.priceFen)) : t.card.buy(formatYuan(c.priceFen))}</Text>
          </Button>
        </View>
      ))}
    </View>
  );
}
