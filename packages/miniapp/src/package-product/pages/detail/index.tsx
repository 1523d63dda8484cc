import type { ProductDetail } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../api/client';
import { FavouriteToggle } from '../../components/favourite-toggle';
import { LoadError } from '../../../components/load-error';
import { NotFound } from '../../../components/not-found';
import { ProductImage } from '../../../components/product-image';
import { ProductCoupons } from '../../components/product-coupons';
import { DistributionEarning } from '../../components/distribution-earning';
import { MemberPriceLines } from '../../../components/product-grid';
import { QuantityStepper } from '../../../components/quantity-stepper';
import { SkuPicker } from '../../components/sku-picker';
import { t } from '../../../i18n/package-product';
import { descriptionText, priceRangeText, specsText } from '../../../lib/format';
import { ROUTES, idParam } from '../../../lib/routes';
import { useMemberPrices } from '../../../lib/use-member-prices';
import { initialSelection, missingDimension, selectedSku, specDimensions, type SpecSelection } from '../../lib/sku-selection';
import { api } from '../../api';
import { useCart } from '../../../stores/cart-store';
import { useCheckout } from '../../../stores/checkout-store';
import './index.css';
import { track, useTrackPage } from '../../../lib/tracker';

const MAX_QUANTITY = 99;

type Load = { state: 'loading' } | { state: 'error' } | { state: 'missing' } | { state: 'ready'; product: ProductDetail };

/** One product: images, price range, the coupons to claim for it, description, and the SKU picker for adding to the cart or buying now. */
export default function ProductPage() {
  const id = idParam(useRouter().params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selection, setSelection] = useState<SpecSelection>({});
  const [quantity, setQuantity] = useState(1);
  const [adding, setAdding] = useState(false);
  useTrackPage();

  const fetchProduct = () => {
    if (id === null) {
      setLoad({ state: 'missing' });
      return;
    }
    setLoad({ state: 'loading' });
    api.product(id).then(
      (product) => {
        track('product_view', { productId: product.id });
        setLoad({ state: 'ready', product });
        setSelection(initialSelection(product.skus));
        void Taro.setNavigationBarTitle({ title: product.title });
      },
      (e) => setLoad({ state: isApiError(e) && e.code === 'NOT_FOUND' ? 'missing' : 'error' }),
    );
  };
  useEffect(fetchProduct, [id]);

  // 转发: the product, with a share id the server issued (decision 034), asked for once the product is shown.
  const [shareId, setShareId] = useState<string | null>(null);
  useEffect(() => {
    if (load.state !== 'ready') return;
    void api
      .issueShare({ kind: 'product', targetId: load.product.id, channel: 'card' })
      .then((s) => setShareId(s.shareId))
      .catch(() => undefined);
  }, [load]);
  useShareAppMessage(() => {
    track('share', { productId: id ?? undefined, detail: 'product' });
    const shared = load.state === 'ready' ? load.product : null;
    return {
      title: shared?.title ?? t.product.title,
      path: `${ROUTES.product(id ?? 0)}${shareId ? `&s=${shareId}` : ''}`,
      ...(shared?.coverUrl ? { imageUrl: shared.coverUrl } : {}),
    };
  });

  const product = load.state === 'ready' ? load.product : null;
  const dims = useMemo(() => (product ? specDimensions(product.skus) : []), [product]);
  const sku = product ? selectedSku(product.skus, dims, selection) : null;
  const maxQuantity = Math.max(1, Math.min(MAX_QUANTITY, sku?.stock ?? MAX_QUANTITY));
  const memberPrices = useMemberPrices(product ? [product.id] : []).get(product?.id ?? 0);
  const skuPrices = sku ? memberPrices?.skus.find((s) => s.skuId === sku.id) : undefined;
  useEffect(() => {
    if (quantity > maxQuantity) setQuantity(maxQuantity);
  }, [quantity, maxQuantity]);

  if (!product) {
    return (
      <View className='page'>
        {load.state === 'missing' ? (
          <View className='js-product-missing'>
            <NotFound text={t.store.productGone} />
          </View>
        ) : null}
        {load.state === 'error' ? <LoadError onRetry={fetchProduct} /> : null}
        {load.state === 'loading' ? <View className='state-line'>{t.common.loading}</View> : null}
      </View>
    );
  }

  /** The SKU to buy, or a toast saying what is missing. */
  const chosenSku = () => {
    if (!sku) {
      const missing = missingDimension(dims, selection);
      void Taro.showToast({ title: missing ? t.product.chooseSpec(missing) : t.product.chooseSku, icon: 'none' });
      return null;
    }
    if (sku.stock <= 0) {
      void Taro.showToast({ title: t.product.outOfStock, icon: 'none' });
      return null;
    }
    return sku;
  };

  const addToCart = async () => {
    const target = chosenSku();
    if (!target || adding) return;
    setAdding(true);
    try {
      await useCart.getState().add(target.id, quantity);
      if (product) track('add_to_cart', { productId: product.id });
      void Taro.showToast({ title: t.product.addedToCart, icon: 'success' });
    } catch {
      void Taro.showToast({ title: t.common.failedToast, icon: 'none' });
    } finally {
      setAdding(false);
    }
  };

  const buyNow = () => {
    const target = chosenSku();
    if (!target) return;
    useCheckout.getState().start({ items: [{ skuId: target.id, quantity }] });
    void Taro.navigateTo({ url: ROUTES.checkout });
  };

  const description = descriptionText(product.description);
  // Nothing left of the product, or of the SKU chosen: the buttons say so and do nothing.
  const soldOut = !product.inStock || (sku !== null && sku.stock <= 0);

  return (
    <View className='product-page'>
      {product.imageUrls.length > 0 ? (
        <Swiper className='product-gallery js-product-gallery' indicatorDots={product.imageUrls.length > 1} circular>
          {product.imageUrls.map((url) => (
            <SwiperItem key={url}>
              <ProductImage className='product-gallery-image' src={url} title={product.title} />
            </SwiperItem>
          ))}
        </Swiper>
      ) : (
        <View className='product-gallery product-gallery-empty'>
          <Text className='product-gallery-letter'>{product.title.slice(0, 1)}</Text>
          <Text className='muted'>{t.product.noImage}</Text>
        </View>
      )}

      <View className='page product-body'>
        <View className='card product-head'>
          <Text className='price-large js-detail-price'>
            {sku ? formatYuan(sku.priceFen) : priceRangeText(product.minPriceFen, product.maxPriceFen)}
          </Text>
          {memberPrices ? (
            <MemberPriceLines
              className='product-detail-member-prices js-detail-member-prices'
              prices={
                skuPrices
                  ? {
                      memberPriceLabel: memberPrices.memberPriceLabel,
                      memberPriceFen: skuPrices.memberPriceFen,
                      couponPriceFen: skuPrices.couponPriceFen,
                    }
                  : {
                      memberPriceLabel: memberPrices.memberPriceLabel,
                      memberPriceFen: memberPrices.minMemberPriceFen,
                      couponPriceFen: memberPrices.minCouponPriceFen,
                    }
              }
              from={!skuPrices && product.minPriceFen !== product.maxPriceFen}
            />
          ) : null}
          <DistributionEarning productId={product.id} />
          <Text className='product-detail-title js-detail-title'>{product.title}</Text>
          {product.subtitle ? <Text className='muted product-detail-subtitle'>{product.subtitle}</Text> : null}
          <View className='tap-area product-poster-entry js-poster-open' onClick={() => void Taro.navigateTo({ url: ROUTES.poster(product.id) })}>
            <Text>{t.poster.open}</Text>
          </View>
        </View>

        <ProductCoupons productId={product.id} />

        <View className='card'>
          <Text className='card-title'>{t.product.specsTitle}</Text>
          <SkuPicker skus={product.skus} dims={dims} selection={selection} onChange={setSelection} />
          <View className='row product-sku-summary'>
            <Text className='muted js-sku-summary'>
              {sku ? (specsText(sku.specs) ? t.product.selected(specsText(sku.specs)) : '') : t.product.chooseSku}
            </Text>
            {sku ? (
              <Text className={`muted js-sku-stock${sku.stock > 0 ? '' : ' is-sold-out'}`}>
                {sku.stock > 0 ? t.product.stock(sku.stock) : t.product.outOfStock}
              </Text>
            ) : null}
          </View>
          <View className='row product-quantity'>
            <Text>{t.product.quantity}</Text>
            <QuantityStepper value={quantity} max={maxQuantity} disabled={sku !== null && sku.stock <= 0} onChange={setQuantity} />
          </View>
        </View>

        {description ? (
          <View className='card'>
            <Text className='card-title js-description-heading'>{t.product.descriptionTitle}</Text>
            <Text className='product-description js-detail-description'>{description}</Text>
          </View>
        ) : null}
        <View className='bottom-bar-spacer' />
      </View>

      <View className='bottom-bar product-actions'>
        <FavouriteToggle productId={product.id} />
        <View className='product-cart-entry js-cart-entry' onClick={() => void Taro.switchTab({ url: ROUTES.cart })}>
          <Text>{t.product.cartEntry}</Text>
        </View>
        {soldOut ? (
          <Button className='primary-button product-sold-out is-disabled js-sold-out' disabled>
            <Text>{t.product.outOfStock}</Text>
          </Button>
        ) : (
          <>
            <Button className={`primary-button product-add js-add-to-cart${adding ? ' is-disabled' : ''}`} onClick={addToCart}>
              <Text>{t.product.addToCart}</Text>
            </Button>
            <Button className='primary-button product-buy js-buy-now' onClick={buyNow}>
              <Text>{t.product.buyNow}</Text>
            </Button>
          </>
        )}
      </View>
    </View>
  );
}
