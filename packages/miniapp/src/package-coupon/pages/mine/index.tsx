import type { Coupon } from '@siyu/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { CouponButton, CouponCard, CouponSkeleton } from '../../../components/coupon-card';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-coupon';
import {
  categoryNameOf,
  type CouponState,
  couponState,
  couponValidityText,
  goUseCoupon,
  outcomeUnknown,
  redeemErrorText,
  scopeText,
} from '../../../lib/coupons';
import { ROUTES } from '../../../lib/routes';
import { usePagedList } from '../../../lib/use-paged-list';
import { useCatalog } from '../../../stores/catalog-store';
import '../coupon-pages.css';

type TabKey = (typeof t.coupons.tabs)[number]['key'];
const PAGE_SIZE = 10;

function tabOf(value: string | undefined): TabKey {
  return t.coupons.tabs.find((tab) => tab.key === value)?.key ?? 'usable';
}

const BADGES: Partial<Record<CouponState, string>> = {
  expiring_soon: t.coupons.expiringSoon,
  not_yet_valid: t.coupons.notYetValid,
  locked: t.coupons.locked,
};
const STAMPS: Partial<Record<CouponState, string>> = { used: t.coupons.used, expired: t.coupons.expired };

/**
 * My coupons: usable (soonest to expire first, badged when expiring within three days), used and expired, paged; each card opens its
 * detail. A redemption code field on top adds a coupon from a code.
 */
export default function MyCouponsPage() {
  const [tab, setTab] = useState<TabKey>(tabOf(useRouter().params.tab));
  const categories = useCatalog((s) => s.categories);
  const list = usePagedList<Coupon>(tab, (page, pageSize) => api.coupons({ status: tab, page, pageSize }), PAGE_SIZE);

  const choose = (next: TabKey) => {
    if (next === tab) list.reload();
    else setTab(next);
  };
  // The first show is the list's own first load; coming back (from a detail, a checkout) refreshes it in place.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
    void useCatalog.getState().loadCategories();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => list.loadMore());

  // -- redemption code ----------------------------------------------------------------------------------------------
  const [code, setCode] = useState('');
  const [redeemError, setRedeemError] = useState<string | null>(null);
  const [redeeming, setRedeeming] = useState(false);
  /** The key of a redemption whose outcome is unknown, kept for a retry of the same code. */
  const pendingRedeem = useRef<{ code: string; key: string } | null>(null);

  const redeem = async () => {
    const text = code.trim();
    if (redeeming) return;
    if (!text) {
      setRedeemError(t.coupons.codeRequired);
      return;
    }
    setRedeeming(true);
    setRedeemError(null);
    const key = pendingRedeem.current?.code === text ? pendingRedeem.current.key : newIdempotencyKey();
    pendingRedeem.current = { code: text, key };
    try {
      await api.redeemCouponCode(text, key);
      pendingRedeem.current = null;
      setCode('');
      void Taro.showToast({ title: t.coupons.redeemSuccess, icon: 'success' });
      // The new coupon is usable: show that tab, refreshed in place when it is the one on screen.
      if (tab === 'usable') void list.refresh();
      else setTab('usable');
    } catch (e) {
      if (!outcomeUnknown(e)) pendingRedeem.current = null;
      setRedeemError(redeemErrorText(e));
    } finally {
      setRedeeming(false);
    }
  };

  const now = Date.now();
  const nameOf = categoryNameOf(categories);

  return (
    <View className='page coupon-page'>
      <View className='tabs coupon-tabs'>
        {t.coupons.tabs.map((x) => (
          <View
            key={x.key}
            className={`tab js-coupons-tab js-coupons-tab-${x.key}${x.key === tab ? ' is-active' : ''}`}
            onClick={() => choose(x.key)}
          >
            <Text>{x.label}</Text>
          </View>
        ))}
      </View>

      <View className='card redeem-card'>
        <View className='redeem-row'>
          <Text className='redeem-label'>{t.coupons.codeLabel}</Text>
          <Input
            className='redeem-input js-redeem-input'
            value={code}
            maxlength={40}
            placeholder={t.coupons.codePlaceholder}
            confirmType='done'
            onInput={(e) => {
              setCode(e.detail.value);
              if (redeemError) setRedeemError(null);
            }}
            onConfirm={() => void redeem()}
          />
          <View className={`redeem-button js-redeem-submit${redeeming ? ' is-disabled' : ''}`} onClick={() => void redeem()}>
            <Text>{redeeming ? t.coupons.redeeming : t.coupons.redeem}</Text>
          </View>
        </View>
        {redeemError ? <Text className='redeem-error js-redeem-error'>{redeemError}</Text> : null}
      </View>

      <View className='coupon-list-head'>
        <View className='coupon-link js-mine-centre-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.couponCentre })}>
          <Text>{`${t.coupons.centreEntry} ›`}</Text>
        </View>
      </View>

      {!list.loaded ? list.error ? <LoadError onRetry={list.reload} /> : <CouponSkeleton /> : null}
      {list.loaded && list.items.length === 0 ? (
        <View className='coupon-empty js-coupons-empty'>
          <Text className='coupon-empty-text'>{t.coupons.empty[tab]}</Text>
          {tab === 'usable' ? (
            <Button className='plain-button coupon-empty-button' onClick={() => void Taro.navigateTo({ url: ROUTES.couponCentre })}>
              <Text>{t.coupons.goCentre}</Text>
            </Button>
          ) : null}
        </View>
      ) : null}
      {list.items.map((coupon) => {
        const state = couponState(coupon, now);
        const spendable = state === 'usable' || state === 'expiring_soon';
        return (
          <CouponCard
            key={coupon.id}
            rule={coupon}
            name={coupon.name}
            className={`js-my-coupon is-${state}${state === 'expiring_soon' ? ' js-coupon-expiring' : ''}`}
            badge={BADGES[state] ?? null}
            stamp={STAMPS[state] ?? null}
            muted={!spendable && state !== 'not_yet_valid' && state !== 'locked'}
            lines={[scopeText(coupon.scope, nameOf), couponValidityText(coupon)]}
            action={spendable ? <CouponButton text={t.coupons.use} className='js-coupon-use' ghost onTap={() => goUseCoupon(coupon.scope)} /> : null}
            onClick={() => void Taro.navigateTo({ url: ROUTES.coupon(coupon.id) })}
          />
        );
      })}
      {list.loaded && list.error ? <LoadError onRetry={list.loadMore} /> : null}
      {list.loaded && list.items.length > 0 && !list.error ? (
        list.hasMore ? (
          <View className='coupon-more'>
            <Button className='plain-button coupon-more-button js-coupons-more' onClick={list.loadMore}>
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
