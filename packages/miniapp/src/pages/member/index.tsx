import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { OrderCounts } from '@siyu/shared';
import { useState } from 'react';
import { api } from '../../api/client';
import { PhoneBindButton } from '../../components/phone-bind-button';
import { TierCard } from '../../components/tier-card';
import { t } from '../../i18n/zh-CN';
import { nextExpiryOf } from '../../lib/points';
import { ROUTES } from '../../lib/routes';
import { usePoints } from '../../stores/points-store';
import { useSession } from '../../stores/session-store';
import './index.css';

export default function MemberPage() {
  const member = useSession((s) => s.member);
  const summary = usePoints((s) => s.summary);

  /** How many coupons the member can use (the usable tab's total); null until known. */
  const [usableCoupons, setUsableCoupons] = useState<number | null>(null);
  /** The phone bound on this visit, masked (the profile shows it once the members module answers it). */
  const [phoneMasked, setPhoneMasked] = useState<string | null>(null);

  /** How many orders each tab of the order list holds; null until known. */
  const [orderCounts, setOrderCounts] = useState<OrderCounts | null>(null);

  useDidShow(() => {
    api.orderCounts().then(setOrderCounts, () => undefined);
    void usePoints.getState().refresh();
    api.coupons({ status: 'usable', page: 1, pageSize: 1 }).then(
      (page) => setUsableCoupons(page.total),
      () => undefined,
    );
  });

  const nickname = member?.nickname || t.member.nicknameFallback;
  const expiry = summary ? nextExpiryOf(summary) : null;

  return (
    <View className='page member'>
      <View className='card member-header'>
        <View className='member-avatar'>
          <Text>{nickname.slice(0, 1)}</Text>
        </View>
        <View className='member-info'>
          <Text className='member-nickname'>{nickname}</Text>
        </View>
      </View>

      <View className='card member-points-card js-points-card' onClick={() => void Taro.navigateTo({ url: ROUTES.pointsHistory() })}>
        <View className='row member-points-head'>
          <Text className='card-title'>{t.points.cardTitle}</Text>
          <Text className='muted js-points-history-entry'>{`${t.points.historyEntry} ›`}</Text>
        </View>
        <View className='member-points-figures'>
          <View className='member-points-figure'>
            <Text className='member-points-value js-points-balance'>{member ? String(summary?.available ?? member.pointsBalance) : '--'}</Text>
            <Text className='member-points-label'>{t.points.available}</Text>
          </View>
          <View className='member-points-figure'>
            <Text className='member-points-value is-pending js-points-pending'>{summary ? String(summary.pending) : '--'}</Text>
            <Text className='member-points-label'>{t.points.pending}</Text>
          </View>
        </View>
        {expiry ? <Text className={`member-points-expiry js-points-expiry${expiry.soon ? ' is-soon' : ''}`}>{expiry.text}</Text> : null}
        <View
          className='row member-points-mall js-points-card-mall'
          onClick={(e) => {
            e.stopPropagation();
            void Taro.navigateTo({ url: ROUTES.mall });
          }}
        >
          <Text>{t.points.mallEntry}</Text>
          <Text className='muted'>{`${t.points.mallHint} ›`}</Text>
        </View>
      </View>
      <TierCard />

      <View className='card member-orders'>
        <View className='row member-orders-head js-orders-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.orders() })}>
          <Text className='card-title'>{t.member.ordersTitle}</Text>
          <Text className='muted js-order-count-all'>{orderCounts ? t.orderCounts.all(orderCounts.all) : `${t.member.ordersAll} ›`}</Text>
        </View>
        <View className='member-order-tabs'>
          {t.orderCounts.tabs.map((tab) => {
            const n = orderCounts?.[tab.count] ?? 0;
            return (
              <View
                key={tab.key}
                className={`member-order-tab js-member-orders-tab js-member-orders-tab-${tab.key}`}
                onClick={() => void Taro.navigateTo({ url: ROUTES.orders(tab.key) })}
              >
                {n > 0 ? <Text className={`member-order-badge js-order-count-${tab.key}`}>{t.orderCounts.badge(n)}</Text> : null}
                <Text className='member-order-tab-label'>{tab.label}</Text>
              </View>
            );
          })}
        </View>
      </View>

      <View className='card member-assets'>
        <View className='member-asset js-coupons-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.myCoupons() })}>
          <Text className='member-asset-value js-coupons-count'>{usableCoupons === null ? '--' : String(usableCoupons)}</Text>
          <Text className='member-asset-label'>{t.member.couponsEntry}</Text>
        </View>
        <View className='member-asset js-coupon-centre-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.couponCentre })}>
          <Text className='member-asset-value is-text'>{t.member.couponCentreEntry}</Text>
          <Text className='member-asset-label'>{t.member.couponCentreHint}</Text>
        </View>
        <View className='member-asset js-mall-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.mall })}>
          <Text className='member-asset-value is-text'>{t.points.mallEntry}</Text>
          <Text className='member-asset-label'>{t.points.mallHint}</Text>
        </View>
      </View>

      <View className='card row member-phone js-phone-row'>
        <View className='member-phone-text'>
          <Text className='member-phone-title'>{t.phone.rowTitle}</Text>
          <Text className='muted member-phone-hint js-phone-status'>{phoneMasked ? `${t.phone.bound} ${phoneMasked}` : t.phone.rowHint}</Text>
        </View>
        {phoneMasked ? null : (
          <PhoneBindButton
            onBound={(result) => {
              setPhoneMasked(result.phoneMasked);
              void useSession.getState().refreshMember();
            }}
          />
        )}
      </View>

      <View className='card row member-entry js-favourites-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.favourites })}>
        <Text>{t.favourites.entry}</Text>
        <Text className='muted'>›</Text>
      </View>
      <View className='card row js-addresses-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.addresses() })}>
        <Text>{t.member.addressesEntry}</Text>
        <Text className='muted'>›</Text>
      </View>
    </View>
  );
}
