import { formatYuan } from '@siyu/shared/money';
import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { t } from '../../i18n/package-product';

/**
 * 赚 ¥x on a product page: what the member, when an active distributor, earns at level 1 on one unit (the server's
 * rates, the cheapest SKU). Nothing for anyone else, and nothing when the answer does not come.
 */
export function DistributionEarning({ productId }: { productId: number }) {
  const [earnFen, setEarnFen] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api.productEarning(productId).then(
      (r) => live && setEarnFen(r.earnFen),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [productId]);
  if (!earnFen) return null;
  return <Text className='product-earning js-detail-earning'>{t.earning.earn(formatYuan(earnFen))}</Text>;
}
