import type { MemberCardBenefits } from '@siyu/shared';
import { Text, View } from '@tarojs/components';
import { t } from '../i18n/package-card';

/** The card's benefits as short lines, in the order shoppers weigh them. */
export function benefitLines(b: MemberCardBenefits): string[] {
  return [
    b.memberPriceBp > 0 ? t.card.memberPrice(b.memberPriceBp) : null,
    b.freeShipping ? t.card.freeShipping : null,
    b.couponsPerMonth > 0 && b.couponTemplateId !== null ? t.card.coupons(b.couponsPerMonth) : null,
    b.pointsMultiplierBp > 10_000 ? t.card.points(b.pointsMultiplierBp) : null,
    b.mayDistribute ? t.card.distribute : null,
  ].filter((x): x is string => x !== null);
}

export function BenefitList({ benefits }: { benefits: MemberCardBenefits }) {
  return (
    <View className='card-benefits js-card-benefits'>
      {benefitLines(benefits).map((line) => (
        <View key={line} className='card-benefit'>
          <Text className='card-benefit-dot'>✓</Text>
          <Text className='card-benefit-text'>{line}</Text>
        </View>
      ))}
    </View>
  );
}
