import type { ClaimableCoupon } from '@siyu/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { t } from '../../i18n/package-product';
import { couponTag } from '../../lib/coupons';
import { useCouponClaim } from '../../lib/use-coupon-claim';
import { BottomSheet } from '../../components/bottom-sheet';
import { ClaimableCouponCard } from '../../components/claimable-coupon-card';
import './product-coupons.css';

const TAGS_SHOWN = 3;

/**
 * The coupon row of the product page: the claim centre's coupons that apply to this product as short tags (e.g. "199
 * off 20", see couponTag), and a sheet to
 * claim each. Shows nothing when there are none (or they could not be loaded: the product page works without them).
 */
export function ProductCoupons({ productId }: { productId: number }) {
  const [items, setItems] = useState<ClaimableCoupon[]>([]);
  const [open, setOpen] = useState(false);

  const load = () => {
    api.productCoupons(productId).then(
      (res) => setItems(res.items),
      () => undefined,
    );
  };
  useEffect(load, [productId]);
  const { claiming, claim } = useCouponClaim(load);

  if (items.length === 0) return null;
  return (
    <>
      <View className='card product-coupons js-product-coupons' onClick={() => setOpen(true)}>
        <Text className='product-coupons-label'>{t.coupons.productRow}</Text>
        <View className='product-coupons-tags'>
          {items.slice(0, TAGS_SHOWN).map((c) => (
            <Text key={c.id} className='coupon-tag js-product-coupon-tag'>
              {couponTag(c)}
            </Text>
          ))}
        </View>
        <Text className='muted product-coupons-more'>›</Text>
      </View>
      <BottomSheet open={open} title={t.coupons.productSheetTitle} onClose={() => setOpen(false)} className='js-product-coupon-sheet'>
        {items.map((c) => (
          <ClaimableCouponCard key={c.id} coupon={c} claiming={claiming === c.id} onClaim={() => void claim(c.id)} />
        ))}
      </BottomSheet>
    </>
  );
}
