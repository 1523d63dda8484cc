import type { BreakdownLine } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Text, View } from '@tarojs/components';
import { ProductImage } from '../../components/product-image';
import type { ReactNode } from 'react';
import { t } from '../../i18n/package-order';
import { specsText } from '../../lib/format';

interface LineItemProps {
  line: { title: string; specs: Record<string, string>; imageUrl: string | null; unitPriceFen: number; quantity: number };
  /** Test and style hooks for this use, e.g. 'js-checkout-line'. */
  className: string;
  /** Shown under the specs (e.g. a problem tag at checkout). */
  note?: ReactNode;
  onClick?: () => void;
}

/** One bought line: picture, title, specs, unit price and quantity (checkout and order detail). */
export function LineItem({ line, className, note, onClick }: LineItemProps) {
  const specs = specsText(line.specs);
  return (
    <View className={`line-item ${className}`} onClick={onClick}>
      <View className='line-thumb'>
        <ProductImage className='line-thumb-image' src={line.imageUrl} title={line.title} />
      </View>
      <View className='line-body'>
        <Text className='line-title'>{line.title}</Text>
        {specs ? <Text className='muted'>{specs}</Text> : null}
        {note}
        <View className='row'>
          <Text className='price'>{formatYuan(line.unitPriceFen)}</Text>
          <Text className='muted'>{t.checkout.quantity(line.quantity)}</Text>
        </View>
      </View>
    </View>
  );
}

/**
 * The server's amount breakdown, one named line each: items, shipping, and discounts (negative, with their labels,
 * e.g. a coupon's name), in the server's order.
 */
export function BreakdownLines({ breakdown }: { breakdown: BreakdownLine[] }) {
  return (
    <>
      {breakdown.map((b) => (
        <View
          key={`${b.kind}-${b.code}-${b.source?.type ?? ''}-${b.source?.id ?? ''}`}
          className={`amount-line js-breakdown-line js-breakdown-${b.kind}${b.amountFen < 0 ? ' is-negative' : ''}`}
        >
          <Text className='amount-line-label'>{b.label}</Text>
          <Text className='amount-line-value js-breakdown-amount'>{formatYuan(b.amountFen)}</Text>
        </View>
      ))}
    </>
  );
}
