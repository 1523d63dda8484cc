import type { Favourite } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ProductImage } from '../../../components/product-image';
import { t } from '../../../i18n/zh-CN';
import { ROUTES } from '../../../lib/routes';
import { usePagedList } from '../../../lib/use-paged-list';
import '../../../components/product-grid.css';
import './index.css';

type Row = Favourite & { id: number };
const PAGE_SIZE = 20;

function FavouritesSkeleton() {
  return (
    <View className='js-favourites-skeleton' ariaLabel={t.common.loading}>
      {[0, 1, 2, 3].map((i) => (
        <View key={i} className='card favourite-row'>
          <View className='favourite-cover skeleton-block' />
          <View className='favourite-body'>
            <View className='skeleton-line' />
            <View className='skeleton-line is-short' />
          </View>
        </View>
      ))}
    </View>
  );
}

/** 我的收藏: newest first, paged; an off-shelf product stays, greyed and marked 已下架, and can be removed. */
export default function FavouritesPage() {
  const list = usePagedList<Row>(
    'favourites',
    async (page, pageSize) => {
      const p = await api.favourites({ page, pageSize });
      return { items: p.items.map((f) => ({ ...f, id: f.product.id })), total: p.total };
    },
    PAGE_SIZE,
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

  const remove = async (row: Row) => {
    const { confirm } = await Taro.showModal({ title: '', content: t.favourites.removeConfirm });
    if (!confirm) return;
    try {
      await api.removeFavourite(row.product.id, newIdempotencyKey());
      void Taro.showToast({ title: t.favourites.removedToast, icon: 'none' });
      await list.refresh();
    } catch {
      void Taro.showToast({ title: t.favourites.failed, icon: 'none' });
    }
  };

  return (
    <View className='page favourites-page'>
      {!list.loaded ? list.error ? <LoadError onRetry={list.reload} /> : <FavouritesSkeleton /> : null}
      {list.loaded && list.items.length === 0 ? (
        <View className='favourites-empty js-favourites-empty'>
          <Text className='favourites-empty-star'>☆</Text>
          <Text className='favourites-empty-text'>{t.favourites.empty}</Text>
          <Text className='muted favourites-empty-hint'>{t.favourites.emptyHint}</Text>
          <Button className='plain-button favourites-empty-button' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
            <Text>{t.favourites.goShopping}</Text>
          </Button>
        </View>
      ) : null}
      {list.items.map((row) => (
        <View
          key={row.id}
          className={`card favourite-row js-favourite${row.onSale ? '' : ' is-off-shelf js-favourite-off-shelf'}`}
          onClick={() => {
            if (row.onSale) void Taro.navigateTo({ url: ROUTES.product(row.product.id) });
          }}
        >
          <ProductImage className='favourite-cover' src={row.product.coverUrl} title={row.product.title} />
          <View className='favourite-body'>
            <Text className='favourite-title js-favourite-title'>{row.product.title}</Text>
            {row.product.subtitle ? <Text className='muted favourite-subtitle'>{row.product.subtitle}</Text> : null}
            <View className='favourite-foot'>
              {row.onSale ? (
                <Text className='price favourite-price'>{formatYuan(row.product.minPriceFen)}</Text>
              ) : (
                <Text className='favourite-tag js-favourite-off-shelf-tag'>{t.favourites.offShelf}</Text>
              )}
              <View
                className='favourite-remove js-favourite-remove'
                onClick={(e) => {
                  e.stopPropagation();
                  void remove(row);
                }}
              >
                <Text>{t.favourites.remove}</Text>
              </View>
            </View>
          </View>
        </View>
      ))}
      {list.loaded && list.items.length > 0 ? (
        <View className='state-line muted'>{list.hasMore ? (list.loading ? t.common.loading : '') : t.member.noMore}</View>
      ) : null}
    </View>
  );
}
