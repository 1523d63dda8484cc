import type { ProductMemberPrice, ProductSummary } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { t } from '../i18n/zh-CN';
import { priceRangeText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { useMemberPrices } from '../lib/use-member-prices';
import type { ProductListState } from '../lib/use-product-list';
import { LoadError } from './load-error';
import { ProductImage } from './product-image';
import './product-grid.css';

/** One product: cover, title, price range, the member's own prices when the server gives any; a tap opens its detail. */
export function ProductCard({ product, prices }: { product: ProductSummary; prices?: ProductMemberPrice | undefined }) {
  return (
    <View className='product-card js-product-card' onClick={() => void Taro.navigateTo({ url: ROUTES.product(product.id) })}>
      <ProductImage className='product-cover' src={product.coverUrl} title={product.title} />
      <View className='product-info'>
        <Text className='product-title js-product-title'>{product.title}</Text>
        {product.subtitle ? <Text className='product-subtitle'>{product.subtitle}</Text> : null}
        <View className='product-meta'>
          <Text className='price js-product-price'>{priceRangeText(product.minPriceFen, product.maxPriceFen)}</Text>
          {!product.inStock ? null : product.salesCount === null ? null : (
            <Text className='muted product-sales'>{t.catalog.sales(product.salesCount)}</Text>
          )}
          {product.inStock ? null : <Text className='tag-muted'>{t.catalog.soldOut}</Text>}
        </View>
        {prices ? (
          <MemberPriceLines
            prices={{ memberPriceLabel: prices.memberPriceLabel, memberPriceFen: prices.minMemberPriceFen, couponPriceFen: prices.minCouponPriceFen }}
            from={product.minPriceFen !== product.maxPriceFen}
            className='product-member-prices'
          />
        ) : null}
      </View>
    </View>
  );
}

/**
 * The member's prices of a product or one of its SKUs: the tier's member price and the 券后价 (after the best coupons
 * held), each only when the server gives one; `from` marks the lowest of several SKUs.
 */
export function MemberPriceLines({
  prices,
  className,
  from = false,
}: {
  prices: { memberPriceLabel: string | null; memberPriceFen: number | null; couponPriceFen: number | null };
  className: string;
  from?: boolean;
}) {
  const amount = (fen: number) => (from ? t.product.fromPrice(formatYuan(fen)) : formatYuan(fen));
  if (prices.memberPriceFen === null && prices.couponPriceFen === null) return null;
  return (
    <View className={`member-prices ${className}`}>
      {prices.memberPriceFen !== null && prices.memberPriceLabel ? (
        <Text className='member-price js-member-price'>{t.product.memberPrice(prices.memberPriceLabel, amount(prices.memberPriceFen))}</Text>
      ) : null}
      {prices.couponPriceFen !== null ? (
        <Text className='coupon-price js-coupon-price'>{t.product.couponPrice(amount(prices.couponPriceFen))}</Text>
      ) : null}
    </View>
  );
}

/** A two-column grid of a paged product list with its loading, empty, error and "more" states. */
export function ProductGrid({ list, emptyText, onRetry }: { list: ProductListState; emptyText: string; onRetry?: () => void }) {
  const prices = useMemberPrices(list.items.map((p) => p.id));
  if (!list.loaded) {
    return list.error ? <LoadError onRetry={onRetry ?? list.reload} /> : <ProductGridSkeleton />;
  }
  if (list.items.length === 0) return <View className='empty-box js-products-empty'>{emptyText}</View>;
  return (
    <View>
      <View className='product-grid js-product-list'>
        {list.items.map((p) => (
          <ProductCard key={p.id} product={p} prices={prices.get(p.id)} />
        ))}
      </View>
      {list.hasMore ? (
        <View className='list-more'>
          <Button className='plain-button js-products-more' onClick={list.loadMore}>
            <Text>{list.loading ? t.common.loading : t.common.loadMore}</Text>
          </Button>
        </View>
      ) : (
        <View className='state-line'>{t.common.noMore}</View>
      )}
    </View>
  );
}

/** The grid's shape while the first page loads: grey cards where the products will be. */
export function ProductGridSkeleton() {
  return (
    <View className='product-grid js-skeleton' aria-label={t.common.loading}>
      {[0, 1, 2, 3].map((i) => (
        <View key={i} className='product-card skeleton-card'>
          <View className='product-cover skeleton-block' />
          <View className='product-info'>
            <View className='skeleton-line' />
            <View className='skeleton-line is-short' />
          </View>
        </View>
      ))}
    </View>
  );
}
