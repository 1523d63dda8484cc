import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useMemo } from 'react';
import { GuideCard } from '../../components/guide-card';
import { HomeBanners, NoticeBar } from '../../components/home-banners';
import { LoadError } from '../../components/load-error';
import { ProductGrid } from '../../components/product-grid';
import { SearchBar } from '../../components/search-bar';
import { t } from '../../i18n/zh-CN';
import { ROUTES } from '../../lib/routes';
import { useProductList } from '../../lib/use-product-list';
import { useCatalog } from '../../stores/catalog-store';
import { useCheckIn } from '../../stores/check-in-store';
import { useSession } from '../../stores/session-store';
import { useStorefront } from '../../stores/storefront-store';
import './index.css';
import { useTrackPage } from '../../lib/tracker';

/** The storefront's front door: who you are, your points, today's check-in, the claim centre, the categories and the products. */
export default function HomePage() {
  useTrackPage();
  const member = useSession((s) => s.member);
  const sessionStatus = useSession((s) => s.status);
  const checkIn = useCheckIn((s) => s.status);
  const categories = useCatalog((s) => s.categories);
  const storefront = useStorefront((s) => s.storefront);
  const query = useMemo(() => ({}), []);
  const products = useProductList(query);

  const refresh = () => {
    useSession
      .getState()
      .refreshMember()
      .catch(() => undefined);
    void useCheckIn.getState().load();
    void useCatalog.getState().loadCategories();
    void useStorefront.getState().load();
  };
  useDidShow(refresh);
  /** The server is back: everything the home page shows loads again (session, check-in, categories, banners, grid). */
  const retryAll = () => {
    refresh();
    void useCatalog.getState().loadCategories(true);
    void useStorefront.getState().load(true);
    products.reload();
  };
  usePullDownRefresh(() => {
    products.reload();
    void useStorefront.getState().load(true);
    void useCatalog
      .getState()
      .loadCategories(true)
      .finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => products.loadMore());

  const openCheckIn = () => {
    void Taro.navigateTo({ url: ROUTES.checkIn });
  };
  const openCategory = (id: number) => {
    useCatalog.getState().requestCategory(id);
    void Taro.switchTab({ url: ROUTES.category });
  };

  return (
    <View className='page home'>
      <SearchBar onTap={() => void Taro.navigateTo({ url: ROUTES.search })} />
      <NoticeBar text={storefront?.notice ?? ''} />
      <HomeBanners banners={storefront?.banners ?? []} />

      <View className='home-hero'>
        <Text className='home-greeting'>{member ? t.home.greeting(member.nickname) : t.home.greetingAnonymous}</Text>
        <View className='home-points'>
          <Text className='home-points-label'>{t.home.pointsLabel}</Text>
          {member ? (
            <Text className='home-points-value js-points-balance'>{member.pointsBalance}</Text>
          ) : (
            <Text className='home-points-value'>--</Text>
          )}
        </View>
      </View>

      {sessionStatus === 'error' && !member ? <LoadError onRetry={retryAll} /> : null}

      <GuideCard memberId={member?.id ?? null} />

      <View className='card home-checkin js-home-checkin-entry' onClick={openCheckIn}>
        <View className='home-checkin-text'>
          <Text className='card-title'>{t.home.checkInCardTitle}</Text>
          <Text className='muted'>
            {checkIn ? (checkIn.checkedInToday ? t.checkIn.checkedInToday : t.checkIn.todayReward(checkIn.todayReward)) : t.home.checkInCardHint}
          </Text>
        </View>
        <View className={`home-checkin-action${checkIn?.checkedInToday ? ' is-done' : ''}`}>
          <Text>{checkIn?.checkedInToday ? t.checkIn.streak(checkIn.streak) : t.home.checkInCardAction}</Text>
        </View>
      </View>

      <View className='card home-coupons js-home-coupon-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.couponCentre })}>
        <View className='home-coupons-text'>
          <Text className='card-title'>{t.home.couponCardTitle}</Text>
          <Text className='muted'>{t.home.couponCardHint}</Text>
        </View>
        <View className='home-coupons-action'>
          <Text>{t.home.couponCardAction}</Text>
        </View>
      </View>

      {categories && categories.length > 0 ? (
        <View className='card home-categories js-home-categories'>
          {categories.map((c) => (
            <View key={c.id} className='home-category js-home-category' onClick={() => openCategory(c.id)}>
              <View className='home-category-icon'>
                <Text>{c.name.slice(0, 1)}</Text>
              </View>
              <Text className='home-category-name'>{c.name}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className='section-title'>{t.home.recommendTitle}</Text>
      <ProductGrid list={products} emptyText={t.home.recommendEmpty} onRetry={retryAll} />
    </View>
  );
}
