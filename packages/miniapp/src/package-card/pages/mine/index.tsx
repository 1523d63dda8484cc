import type { MemberCardSavings, MyMemberCard } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-card';
import { formatDateTime } from '../../../lib/format';
import { ROUTES } from '../../../lib/routes';
import { alreadyAsked, hasSubscriptionsToAsk, useSubscriptionAsk } from '../../../lib/subscriptions';
import { BenefitList } from '../../benefits';
import '../../card.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; card: MyMemberCard | null; savings: MemberCardSavings };

/** 我的会员卡: the card, its days left and what it saved so far, its benefits, and each order's saving. */
export default function MyMemberCardPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const refresh = () =>
    Promise.all([api.myMemberCard(), api.memberCardSavings()]).then(
      ([mine, savings]) => setLoad({ state: 'ready', card: mine.card, savings }),
      () => setLoad({ state: 'error' }),
    );
  useDidShow(() => void refresh());
  /** The offer of the expiry reminder: once per card end, when the shop has a template for it. */
  const [remind, setRemind] = useState<'hidden' | 'offer' | 'accepted'>('hidden');
  const askReminder = useSubscriptionAsk('member_card');
  const cardEnd = load.state === 'ready' && load.card?.status === 'active' ? load.card.expiresAt : null;
  useEffect(() => {
    if (!cardEnd || alreadyAsked('member_card', `end:${cardEnd}`)) return;
    hasSubscriptionsToAsk('member_card').then(
      (yes) => setRemind(yes ? 'offer' : 'hidden'),
      () => undefined,
    );
  }, [cardEnd]);
  const onRemind = async () => {
    if (!cardEnd) return;
    const accepted = await askReminder(`end:${cardEnd}`);
    setRemind(accepted ? 'accepted' : 'hidden');
  };
  usePullDownRefresh(() => void refresh().finally(() => void Taro.stopPullDownRefresh()));

  if (load.state === 'loading') return <View className='page state-line'>{t.common.loading}</View>;
  if (load.state === 'error')
    return (
      <View className='page'>
        <LoadError onRetry={() => void refresh()} />
      </View>
    );
  const { card, savings } = load;
  const goBuy = () => void Taro.navigateTo({ url: ROUTES.memberCardBuy() });
  if (!card)
    return (
      <View className='page state-line js-card-none'>
        <Text className='muted'>{t.card.none}</Text>
        <Button className='primary-button card-buy js-card-go-buy' onClick={goBuy}>
          <Text>{t.card.goBuy}</Text>
        </Button>
      </View>
    );
  const status = card.status === 'active' ? t.card.active : card.status === 'expired' ? t.card.expired : t.card.refunded;
  return (
    <View className='page member-card-mine js-card-mine-page'>
      <View className='card-hero'>
        <Text className='card-hero-name js-card-name'>{`${card.name} · ${status}`}</Text>
        <Text className='card-hero-line js-card-days'>
          {card.status === 'active'
            ? `${t.card.expiresAt(formatDateTime(card.expiresAt).slice(0, 10))} · ${t.card.daysLeft(card.daysLeft)}`
            : t.card.expiresAt(formatDateTime(card.expiresAt).slice(0, 10))}
        </Text>
        <Text className='card-hero-saved js-card-saved'>{t.card.saved(formatYuan(card.savedFen))}</Text>
        {remind === 'offer' ? (
          <Button className='card-remind js-card-remind' onClick={() => void onRemind()}>
            <Text>{t.card.remindOffer}</Text>
          </Button>
        ) : remind === 'accepted' ? (
          <Text className='card-hero-line js-card-remind-done'>{t.card.remindAccepted}</Text>
        ) : null}
        {card.refundableUntil ? (
          <Text className='card-hero-line'>{t.card.refundableUntil(formatDateTime(card.refundableUntil).slice(0, 16))}</Text>
        ) : null}
      </View>
      <View className='card card-offer'>
        <Text className='card-title'>{t.card.benefitsTitle}</Text>
        <BenefitList benefits={card.benefits} />
        <Button className='primary-button card-buy js-card-go-buy' onClick={goBuy}>
          <Text>{card.status === 'active' ? t.card.goRenew : t.card.goBuy}</Text>
        </Button>
      </View>
      <View className='card card-offer js-card-savings'>
        <Text className='card-title'>{t.card.savingsTitle}</Text>
        {savings.items.length === 0 ? <Text className='muted'>{t.card.savingsEmpty}</Text> : null}
        {savings.items.map((s) => (
          <View key={s.orderId} className='card-saving js-card-saving' onClick={() => void Taro.navigateTo({ url: ROUTES.order(s.orderId) })}>
            <Text>{`${t.card.savingLine(s.orderId)} · ${formatDateTime(s.createdAt).slice(0, 10)}`}</Text>
            <Text className='price'>{`-${formatYuan(s.savedFen)}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
