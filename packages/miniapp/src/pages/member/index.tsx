import type { PointsEntry } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api/client';
import { LoadError } from '../../components/load-error';
import { TierCard } from '../../components/tier-card';
import { t } from '../../i18n/zh-CN';
import { formatDateTime } from '../../lib/format';
import { ROUTES } from '../../lib/routes';
import { usePoints } from '../../stores/points-store';
import { useSession } from '../../stores/session-store';
import './index.css';

function reasonText(entry: PointsEntry): string {
  return t.member.reasons[entry.reason] ?? t.member.reasonUnknown;
}

export default function MemberPage() {
  const member = useSession((s) => s.member);
  const { entries, nextCursor, loaded, loading, loadingMore, error } = usePoints();

  /** How many coupons the member can use (the usable tab's total); null until known. */
  const [usableCoupons, setUsableCoupons] = useState<number | null>(null);

  useDidShow(() => {
    void usePoints.getState().refresh();
    api.coupons({ status: 'usable', page: 1, pageSize: 1 }).then(
      (page) => setUsableCoupons(page.total),
      () => undefined,
    );
  });

  const nickname = member?.nickname || t.member.nicknameFallback;

  return (
    <View className='page member'>
      <View className='card member-header'>
        <View className='member-avatar'>
          <Text>{nickname.slice(0, 1)}</Text>
        </View>
        <View className='member-info'>
          <Text className='member-nickname'>{nickname}</Text>
          <View className='member-points'>
            <Text className='muted'>{t.member.pointsLabel}</Text>
            {member ? (
              <Text className='member-points-value js-points-balance'>{member.pointsBalance}</Text>
            ) : (
              <Text className='member-points-value'>--</Text>
            )}
          </View>
        </View>
      </View>
      <TierCard />

      <View className='card member-orders'>
        <View className='row member-orders-head js-orders-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.orders() })}>
          <Text className='card-title'>{t.member.ordersTitle}</Text>
          <Text className='muted'>{`${t.member.ordersAll} ›`}</Text>
        </View>
        <View className='member-order-tabs'>
          {t.orders.tabs
            .filter((tab) => tab.key !== 'all')
            .map((tab) => (
              <View
                key={tab.key}
                className={`member-order-tab js-orders-tab-${tab.key}`}
                onClick={() => void Taro.navigateTo({ url: ROUTES.orders(tab.key) })}
              >
                <Text>{tab.label}</Text>
              </View>
            ))}
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
      </View>

      <View className='card row js-addresses-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.addresses() })}>
        <Text>{t.member.addressesEntry}</Text>
        <Text className='muted'>›</Text>
      </View>

      <View className='card'>
        <Text className='card-title'>{t.member.ledgerTitle}</Text>
        {!loaded && loading ? <View className='state-line'>{t.common.loading}</View> : null}
        {!loaded && !loading && error ? <LoadError onRetry={() => void usePoints.getState().refresh()} /> : null}
        {loaded && entries.length === 0 ? <View className='state-line'>{t.member.ledgerEmpty}</View> : null}
        {entries.map((entry) => (
          <View key={entry.id} className='ledger-entry js-ledger-entry'>
            <View className='ledger-main'>
              <Text className='ledger-reason'>{reasonText(entry)}</Text>
              {entry.note ? <Text className='muted ledger-note'>{entry.note}</Text> : null}
              <Text className='muted'>{formatDateTime(entry.createdAt)}</Text>
            </View>
            <Text className={`ledger-delta ${entry.delta >= 0 ? 'is-credit' : 'is-debit'}`}>{t.common.pointsDelta(entry.delta)}</Text>
          </View>
        ))}
        {loaded && entries.length > 0 ? (
          nextCursor !== null ? (
            <View className='ledger-more'>
              <Button
                className='plain-button js-ledger-more'
                disabled={loadingMore || undefined}
                onClick={() => void usePoints.getState().loadMore()}
              >
                {loadingMore ? t.member.loadingMore : t.member.loadMore}
              </Button>
            </View>
          ) : (
            <View className='state-line'>{t.member.noMore}</View>
          )
        ) : null}
      </View>
    </View>
  );
}
