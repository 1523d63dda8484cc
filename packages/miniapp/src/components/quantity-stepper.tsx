import { Text, View } from '@tarojs/components';
import { t } from '../i18n/zh-CN';
import './quantity-stepper.css';

interface Props {
  value: number;
  min?: number;
  max: number;
  disabled?: boolean;
  onChange(value: number): void;
}

/** − value + ; the ends are greyed out and do nothing. */
export function QuantityStepper({ value, min = 1, max, disabled = false, onChange }: Props) {
  const canDown = !disabled && value > min;
  const canUp = !disabled && value < max;
  return (
    <View className='stepper'>
      <View
        className={`stepper-button js-qty-minus${canDown ? '' : ' is-disabled'}`}
        ariaLabel={t.product.decrease}
        onClick={canDown ? () => onChange(value - 1) : undefined}
      >
        <Text>-</Text>
      </View>
      <Text className='stepper-value js-qty-value'>{value}</Text>
      <View
        className={`stepper-button js-qty-plus${canUp ? '' : ' is-disabled'}`}
        ariaLabel={t.product.increase}
        onClick={canUp ? () => onChange(value + 1) : undefined}
      >
        <Text>+</Text>
      </View>
    </View>
  );
}
