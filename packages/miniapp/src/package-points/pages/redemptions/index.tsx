import type { PointsMallRedemption } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ListSkeleton } from '../../../components/list-skeleton';
import { ProductImage } from '../../../components/product-image';
import { t } from '../../../i18n/package-points';
import { ROUTES } from '../../../lib/routes';
import { usePagedList } from '../../../lib/use-paged-list';
import { redemptionPaidText, redemptionStatusText } from '../../mall';
import '../points-pages.css';

type TabKey = (typeof t.mall.tabs)[number]['key'];

function tabOf(value: string | undefined): TabKey {
  return t.mall.tabs.find((tab) => tab.key === value)?.key ?? 'all';
}

/** One redemption in the list: the item, what it cost, its status and what the member gets (tracking, coupons, how to use). */
export function RedemptionCard({ redemption: r }: { redemption: PointsMallRedemption }) {
  return (
    <View className='card mall-redemption js-redemption' onClick={() => void Taro.navigateTo({ url: ROUTES.redemption(r.id) })}>
      <View className='row mall-redemption-head'>
        <Text className='muted mall-redemption-no'>{t.mall.redemptionNo(r.redemptionNo)}</Text>
        <Text className={`mall-redemption-status js-redemption-status is-${r.status}`}>{redemptionStatusText(r)}</Text>
      </View>
      <View className='mall-redemption-body'>
        <ProductImage className='mall-redemption-cover' src={r.item.imageUrl} title={r.item.title} />
        <View className='mall-redemption-main'>
          <Text className='mall-card-title js-redemption-title'>{`${r.item.title} ${t.mall.quantityTimes(r.quantity)}`}</Text>
          <Text className='mall-price js-redemption-paid'>{redemptionPaidText(r)}</Text>
          {r.trackingNo ? <Text className='muted js-redemption-tracking'>{t.mall.tracking(r.carrier ?? '', r.trackingNo)}</Text> : null}
          {r.couponIds.length > 0 ? <Text className='muted js-redemption-coupons-issued'>{t.mall.couponIssued(r.couponIds.length)}</Text> : null}
        </View>
      </View>
    </View>
  );
}

/** My redemptions, newest first, by status; each opens its detail. */
export default function RedemptionsPage() {
  const [tab, setTab] = useState<TabKey>(tabOf(useRouter().params.tab));
  const list = usePagedList<PointsMallRedemption>(
    tab,
    (page, pageSize) => api.mallRedemptions({ page, pageSize, ...(tab === 'all' ? {} : { status: tab }) }),
    10,
  );
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => list.loadMore());

  return (
    <View className='page points-page'>
      <View className='points-filters mall-tabs'>
        {t.mall.tabs.map((x) => (
          <View
            key={x.key}
            className={`points-filter js-redemptions-tab js-redemptions-tab-${x.key}${x.key === tab ? ' is-active' : ''}`}
            onClick={() => (x.key === tab ? list.reload() : setTab(x.key))}
          >
            <Text>{x.label}</Text>
          </View>
        ))}
      </View>
      {!list.loaded && list.error ? <LoadError onRetry={list.reload} /> : null}
      {!list.loaded && !list.error ? <ListSkeleton /> : null}
      {list.loaded && list.items.length === 0 ? (
        <View className='points-empty js-redemptions-empty'>
          <Text className='points-empty-text'>{t.mall.redemptionsEmpty}</Text>
          <Button className='plain-button points-more-button js-go-mall' onClick={() => void Taro.navigateTo({ url: ROUTES.mall })}>
            <Text>{t.mall.goMall}</Text>
          </Button>
        </View>
      ) : null}
      {list.items.map((r) => (
        <RedemptionCard key={r.id} redemption={r} />
      ))}
      {list.loaded && list.items.length > 0 ? (
        list.hasMore ? (
          <View className='ledger-more'>
            <Button className='plain-button points-more-button js-redemptions-more' onClick={list.loadMore}>
              <Text>{list.loading ? t.common.loading : t.common.loadMore}</Text>
            </Button>
          </View>
        ) : (
          <View className='state-line'>{t.common.noMore}</View>
        )
      ) : null}
    </View>
  );
}
