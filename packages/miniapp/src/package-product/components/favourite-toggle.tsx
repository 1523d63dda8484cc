import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { api } from '../api';
import { t } from '../../i18n/package-product';
import './favourite-toggle.css';

/**
 * 收藏 on the product page's action bar: a star and its word. Optimistic: the star changes at once and goes back if
 * the server refuses (the cap, a product gone off shelf, no network). Taps while a change is in flight are ignored.
 */
export function FavouriteToggle({ productId }: { productId: number }) {
  const [on, setOn] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    api.favouriteState(productId).then(
      (s) => live && setOn(s.isFavourite),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [productId]);

  const toggle = async () => {
    if (busy.current) return;
    busy.current = true;
    const next = !on;
    setOn(next);
    try {
      if (next) await api.addFavourite(productId, newIdempotencyKey());
      else await api.removeFavourite(productId, newIdempotencyKey());
      void Taro.showToast({ title: next ? t.favourites.addedToast : t.favourites.removedToast, icon: 'none' });
    } catch (e) {
      setOn(!next);
      void Taro.showToast({ title: isApiError(e) && e.code === 'LIMIT_REACHED' ? t.favourites.limit : t.favourites.failed, icon: 'none' });
    } finally {
      busy.current = false;
    }
  };

  return (
    <View className={`favourite-toggle js-favourite-toggle${on ? ' is-on' : ''}`} onClick={() => void toggle()}>
      <Text className='favourite-toggle-star'>{on ? '★' : '☆'}</Text>
      <Text className='favourite-toggle-text js-favourite-text'>{on ? t.favourites.added : t.favourites.add}</Text>
    </View>
  );
}
