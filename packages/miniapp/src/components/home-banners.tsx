import type { Banner, BannerLink, StorefrontPage } from '@siyu/shared';
import { Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { t } from '../i18n/zh-CN';
import { ROUTES } from '../lib/routes';
import { useCatalog } from '../stores/catalog-store';
import { ProductImage } from './product-image';

const PAGE_ROUTES: Record<StorefrontPage, { url: string; tab: boolean }> = {
  'check-in': { url: ROUTES.checkIn, tab: false },
  'coupon-centre': { url: ROUTES.couponCentre, tab: false },
  search: { url: ROUTES.search, tab: false },
  category: { url: ROUTES.category, tab: true },
  member: { url: ROUTES.member, tab: true },
};

/** Where a banner's link goes: a product, a category (the category tab opened on it) or a named page. */
export function openBannerLink(link: BannerLink | null) {
  if (!link) return;
  if (link.type === 'product') void Taro.navigateTo({ url: ROUTES.product(link.productId) });
  else if (link.type === 'category') {
    useCatalog.getState().requestCategory(link.categoryId);
    void Taro.switchTab({ url: ROUTES.category });
  } else {
    const page = PAGE_ROUTES[link.page];
    void (page.tab ? Taro.switchTab({ url: page.url }) : Taro.navigateTo({ url: page.url }));
  }
}

/** The merchant's banners as a carousel; nothing when there are none. */
export function HomeBanners({ banners }: { banners: Banner[] }) {
  if (banners.length === 0) return null;
  return (
    <Swiper className='home-banners js-home-banners' indicatorDots={banners.length > 1} autoplay={banners.length > 1} circular interval={4000}>
      {banners.map((b) => (
        <SwiperItem key={`${b.imageUrl}|${b.title}|${JSON.stringify(b.link)}`}>
          <View className='home-banner js-home-banner' ariaLabel={b.title} onClick={() => openBannerLink(b.link)}>
            <ProductImage className='home-banner-image' src={b.imageUrl} title={b.title || ' '} />
          </View>
        </SwiperItem>
      ))}
    </Swiper>
  );
}

/** The merchant's notice bar; nothing when the notice is empty. */
export function NoticeBar({ text }: { text: string }) {
  if (!text) return null;
  return (
    <View className='notice-bar js-notice-bar'>
      <Text className='notice-bar-icon'>{t.store.noticeTag}</Text>
      <Text className='notice-bar-text'>{text}</Text>
    </View>
  );
}
