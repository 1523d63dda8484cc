import type { ClaimableCoupon } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { ClaimableCouponCard } from '../../../components/claimable-coupon-card';
import { CouponSkeleton } from '../../../components/coupon-card';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-coupon';
import { ROUTES } from '../../../lib/routes';
import { useCouponClaim } from '../../../lib/use-coupon-claim';
import { useCatalog } from '../../../stores/catalog-store';
import '../coupon-pages.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; items: ClaimableCoupon[] };

/** The claim centre: the coupons this member can claim now, each with its claim button (or claimed / sold out), and the way to my coupons. */
export default function CouponCentrePage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const generation = useRef(0);

  /** The centre from the server; a failed reload keeps what is shown. */
  const refresh = async () => {
    const mine = ++generation.current;
    try {
      const { items } = await api.couponCentre();
      if (mine === generation.current) setLoad({ state: 'ready', items });
    } catch {
      if (mine === generation.current) setLoad((l) => (l.state === 'ready' ? l : { state: 'error' }));
    }
  };
  const retry = () => {
    setLoad({ state: 'loading' });
    void refresh();
  };
  useDidShow(() => {
    void refresh();
    void useCatalog.getState().loadCategories();
  });
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  const { claiming, claim } = useCouponClaim(() => void refresh());

  return (
    <View className='page coupon-page'>
      <View className='coupon-hero'>
        <View className='coupon-hero-text'>
          <Text className='coupon-hero-title'>{t.coupons.centreHeroTitle}</Text>
          <Text className='coupon-hero-hint'>{t.coupons.centreHeroHint}</Text>
        </View>
        <View className='coupon-hero-link js-centre-mine-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.myCoupons() })}>
          <Text>{`${t.coupons.mineEntry} ›`}</Text>
        </View>
      </View>

      {load.state === 'loading' ? <CouponSkeleton /> : null}
      {load.state === 'error' ? <LoadError onRetry={retry} /> : null}
      {load.state === 'ready' && load.items.length === 0 ? (
        <View className='coupon-empty js-centre-empty'>
          <Text className='coupon-empty-text'>{t.coupons.centreEmpty}</Text>
          <Button className='plain-button coupon-empty-button' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
            <Text>{t.cart.goShopping}</Text>
          </Button>
        </View>
      ) : null}
      {load.state === 'ready'
        ? load.items.map((c) => <ClaimableCouponCard key={c.id} coupon={c} claiming={claiming === c.id} onClaim={() => void claim(c.id)} />)
        : null}
    </View>
  );
}
