import type { PointsMallItem } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ListSkeleton } from '../../../components/list-skeleton';
import { ProductImage } from '../../../components/product-image';
import { t } from '../../../i18n/package-points';
import { ROUTES } from '../../../lib/routes';
import { usePagedList } from '../../../lib/use-paged-list';
import { mallPriceText, mallUnavailableText } from '../../mall';
import '../points-pages.css';

/** One item: picture, kind, price in points (and cash), and whether the member can redeem it now or why not. */
function MallCard({ item, available }: { item: PointsMallItem; available: number | null }) {
  const why = mallUnavailableText(item, available);
  return (
    <View
      className={`mall-card js-mall-item${item.canRedeem ? '' : ' is-unavailable'}`}
      onClick={() => void Taro.navigateTo({ url: ROUTES.mallItem(item.id) })}
    >
      {/* Without a picture of its own, the item's initial in the frame, as products show (never the kind's name). */}
      <ProductImage className='mall-cover js-mall-cover' src={item.imageUrl} title={item.title} />
      <View className='mall-card-body'>
        <Text className='mall-card-title js-mall-item-title'>{item.title}</Text>
        <View className='mall-card-tags'>
          <Text className='tag'>{t.mall.kinds[item.kind]}</Text>
          <Text className='muted'>{t.mall.stockLeft(item.stockLeft)}</Text>
        </View>
        <Text className='mall-price js-mall-item-price'>{mallPriceText(item)}</Text>
        <View className='mall-card-foot'>
          {why ? (
            <Text className='mall-why js-mall-item-why'>{why}</Text>
          ) : (
            <View className='mall-redeem-chip js-mall-item-redeem'>
              <Text>{t.mall.redeemShort}</Text>
            </View>
          )}
        </View>
      </View>
    </View>
  );
}

/** The points mall: my points on top (with my redemptions and the history), then the items, paged. */
export default function MallPage() {
  const [available, setAvailable] = useState<number | null>(null);
  const list = usePagedList<PointsMallItem>(
    'items',
    (page, pageSize) =>
      api.mallItems({ page, pageSize }).then((res) => {
        setAvailable(res.availablePoints);
        return res;
      }),
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
      <View className='points-hero mall-hero'>
        <View className='points-hero-figure'>
          <Text className='points-hero-value js-mall-available'>{available === null ? '--' : String(available)}</Text>
          <Text className='points-hero-label'>{t.mall.myPoints}</Text>
        </View>
        <View className='mall-hero-links'>
          <View className='mall-hero-link js-redemptions-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.redemptions() })}>
            <Text>{`${t.mall.myRedemptionsEntry} ›`}</Text>
          </View>
          <View className='mall-hero-link js-mall-history-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.pointsHistory() })}>
            <Text>{`${t.mall.historyEntry} ›`}</Text>
          </View>
        </View>
      </View>

      {!list.loaded && list.error ? <LoadError onRetry={list.reload} /> : null}
      {!list.loaded && !list.error ? <ListSkeleton /> : null}
      {list.loaded && list.items.length === 0 ? <View className='points-empty js-mall-empty'>{t.mall.empty}</View> : null}
      {list.items.map((item) => (
        <MallCard key={item.id} item={item} available={available} />
      ))}
      {list.loaded && list.items.length > 0 ? (
        list.hasMore ? (
          <View className='ledger-more'>
            <Button className='plain-button points-more-button js-mall-more' onClick={list.loadMore}>
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
