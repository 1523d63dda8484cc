import type { Coupon } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../api/client';
import { api } from '../../api';
import { CouponCard, CouponSkeleton } from '../../../components/coupon-card';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-coupon';
import {
  categoryNameOf,
  type CouponState,
  couponState,
  couponValidityText,
  goUseCoupon,
  merchantTime,
  ruleLines,
  scopeText,
  stackingText,
} from '../../../lib/coupons';
import { idParam, ROUTES } from '../../../lib/routes';
import { useCatalog } from '../../../stores/catalog-store';
import { merchantTimeZone } from '../../../stores/check-in-store';
import '../coupon-pages.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'missing' } | { state: 'ready'; coupon: Coupon };

/** How many of a coupon's listed products are named on its page. */
const PRODUCTS_NAMED = 10;

const BADGES: Partial<Record<CouponState, string>> = {
  expiring_soon: t.coupons.expiringSoon,
  not_yet_valid: t.coupons.notYetValid,
  locked: t.coupons.locked,
};
const STAMPS: Partial<Record<CouponState, string>> = { used: t.coupons.used, expired: t.coupons.expired };

/** Product titles for a scope's product ids (the first few; a product that cannot be read is left out). */
function useProductTitles(ids: readonly number[]): Array<{ id: number; title: string }> {
  const [titles, setTitles] = useState<Array<{ id: number; title: string }>>([]);
  const key = ids.slice(0, PRODUCTS_NAMED).join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',').map(Number) : [];
    void Promise.all(
      wanted.map((id) =>
        api.product(id).then(
          (p) => ({ id, title: p.title }),
          () => null,
        ),
      ),
    ).then((found) => {
      if (live) setTitles(found.filter((x): x is { id: number; title: string } => x !== null));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return titles;
}

/** One of my coupons: the rule, the scope in words, the validity in the merchant's time zone, and how to use it. */
export default function CouponDetailPage() {
  const id = idParam(useRouter().params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const categories = useCatalog((s) => s.categories);
  const generation = useRef(0);

  const refresh = () => {
    if (id === null) {
      setLoad({ state: 'missing' });
      return;
    }
    const mine = ++generation.current;
    setLoad({ state: 'loading' });
    api.coupon(id).then(
      (coupon) => mine === generation.current && setLoad({ state: 'ready', coupon }),
      (e) => mine === generation.current && setLoad({ state: isApiError(e) && e.code === 'NOT_FOUND' ? 'missing' : 'error' }),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads when the page's id changes; refresh reads the latest id.
  useEffect(() => {
    refresh();
    void useCatalog.getState().loadCategories();
  }, [id]);

  const coupon = load.state === 'ready' ? load.coupon : null;
  const listed = coupon?.scope.type === 'products' ? coupon.scope.ids : [];
  const excluded = coupon?.scope.excludeProductIds ?? [];
  const listedTitles = useProductTitles(listed);
  const excludedTitles = useProductTitles(excluded);

  if (!coupon) {
    return (
      <View className='page coupon-page'>
        {load.state === 'loading' ? <CouponSkeleton count={1} /> : null}
        {load.state === 'error' ? <LoadError onRetry={refresh} /> : null}
        {load.state === 'missing' ? (
          <View className='coupon-empty js-coupon-missing'>
            <Text className='coupon-empty-text'>{t.coupons.notFound}</Text>
            <Button className='plain-button coupon-empty-button' onClick={() => void Taro.redirectTo({ url: ROUTES.myCoupons() })}>
              <Text>{t.coupons.mineEntry}</Text>
            </Button>
          </View>
        ) : null}
      </View>
    );
  }

  const state = couponState(coupon);
  const spendable = state === 'usable' || state === 'expiring_soon';
  const nameOf = categoryNameOf(categories);
  const openProduct = (productId: number) => void Taro.navigateTo({ url: ROUTES.product(productId) });

  return (
    <View className='page coupon-page coupon-detail js-coupon-detail'>
      <CouponCard
        rule={coupon}
        name={coupon.name}
        className={`js-coupon-detail-card is-${state}`}
        badge={BADGES[state] ?? null}
        stamp={STAMPS[state] ?? null}
        muted={state === 'used' || state === 'expired'}
        lines={[couponValidityText(coupon)]}
      />

      <View className='card coupon-detail-section js-coupon-rule'>
        <Text className='card-title'>{t.coupons.ruleTitle}</Text>
        {ruleLines(coupon).map((line) => (
          <Text key={line} className='coupon-detail-line'>
            {line}
          </Text>
        ))}
        <Text className='coupon-detail-line'>{stackingText(coupon.stacking.withCouponKinds)}</Text>
        {coupon.description ? <Text className='coupon-detail-line muted'>{coupon.description}</Text> : null}
      </View>

      <View className='card coupon-detail-section js-coupon-scope'>
        <Text className='card-title'>{t.coupons.scopeTitle}</Text>
        <Text className='coupon-detail-line'>{scopeText(coupon.scope, nameOf)}</Text>
        {listedTitles.map((p) => (
          <View key={p.id} className='coupon-detail-product js-coupon-scope-product' onClick={() => openProduct(p.id)}>
            <Text className='coupon-detail-product-title'>{p.title}</Text>
            <Text className='muted'>›</Text>
          </View>
        ))}
        {excludedTitles.length > 0 ? <Text className='coupon-detail-line muted'>{t.coupons.excludedTitle}</Text> : null}
        {excludedTitles.map((p) => (
          <View key={p.id} className='coupon-detail-product' onClick={() => openProduct(p.id)}>
            <Text className='coupon-detail-product-title muted'>{p.title}</Text>
            <Text className='muted'>›</Text>
          </View>
        ))}
      </View>

      <View className='card coupon-detail-section js-coupon-validity'>
        <Text className='card-title'>{t.coupons.validityTitle}</Text>
        <Text className='coupon-detail-line'>{couponValidityText(coupon, true)}</Text>
        <Text className='coupon-detail-line muted'>{t.coupons.timeZoneNote(merchantTimeZone())}</Text>
      </View>

      <View className='card coupon-detail-section'>
        <Text className='card-title'>{t.coupons.howTitle}</Text>
        {t.coupons.howSteps.map((step, i) => (
          <View key={step} className='coupon-detail-step'>
            <Text className='coupon-detail-step-no'>{`${i + 1}.`}</Text>
            <Text>{step}</Text>
          </View>
        ))}
      </View>

      <View className='card coupon-detail-section'>
        <Text className='card-title'>{t.coupons.sourceTitle}</Text>
        <Text className='coupon-detail-line'>{t.coupons.sources[coupon.source]}</Text>
        <Text className='coupon-detail-line muted'>{t.coupons.claimedAt(merchantTime(coupon.claimedAt, true))}</Text>
        {coupon.usedAt ? <Text className='coupon-detail-line muted'>{t.coupons.usedAt(merchantTime(coupon.usedAt, true))}</Text> : null}
        {coupon.orderId !== null ? (
          <View className='coupon-link js-coupon-order' onClick={() => void Taro.navigateTo({ url: ROUTES.order(coupon.orderId!) })}>
            <Text>{`${t.coupons.viewOrder} ›`}</Text>
          </View>
        ) : null}
      </View>

      {spendable ? (
        <>
          <View className='bottom-bar-spacer' />
          <View className='bottom-bar coupon-detail-actions'>
            <Button className='primary-button coupon-use-button js-coupon-use' onClick={() => goUseCoupon(coupon.scope)}>
              <Text>{t.coupons.use}</Text>
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}
