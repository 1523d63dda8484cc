import type { ClaimableCoupon } from '@siyu/shared';
import { t } from '../i18n/package-coupon';
import { categoryNameOf, scopeText, templateValidityText } from '../lib/coupons';
import { useCatalog } from '../stores/catalog-store';
import { CouponButton, CouponCard } from './coupon-card';

/** A coupon of the claim centre with its claim button, or claimed / sold out when it cannot be claimed (t.coupons). */
export function ClaimableCouponCard({ coupon, claiming, onClaim }: { coupon: ClaimableCoupon; claiming: boolean; onClaim(): void }) {
  const categories = useCatalog((s) => s.categories);
  const claimed = coupon.claimedByMe > 0;
  const button = coupon.canClaim ? (
    <CouponButton text={claiming ? t.coupons.claiming : t.coupons.claim} className='js-coupon-claim' disabled={claiming} onTap={onClaim} />
  ) : coupon.soldOut && !claimed ? (
    <CouponButton text={t.coupons.soldOut} className='js-coupon-sold-out' disabled />
  ) : (
    <CouponButton text={t.coupons.claimed} className='js-coupon-claimed' disabled />
  );
  return (
    <CouponCard
      rule={coupon}
      name={coupon.name}
      className={`js-claimable-coupon${coupon.canClaim ? '' : ' is-unclaimable'}`}
      badge={claimed && coupon.canClaim ? t.coupons.claimedCount(coupon.claimedByMe) : null}
      muted={coupon.soldOut && !claimed}
      lines={[scopeText(coupon.scope, categoryNameOf(categories)), templateValidityText(coupon)]}
      action={button}
    />
  );
}
