import type { Sku } from '@siyu/shared';
import { Text, View } from '@tarojs/components';
import { isValueAvailable, type SpecDimension, type SpecSelection } from '../lib/sku-selection';
import './sku-picker.css';

interface Props {
  skus: readonly Sku[];
  dims: readonly SpecDimension[];
  selection: SpecSelection;
  onChange(selection: SpecSelection): void;
}

/** Spec values per dimension; a value that cannot lead to a SKU in stock is greyed out and cannot be chosen. */
export function SkuPicker({ skus, dims, selection, onChange }: Props) {
  return (
    <View className='sku-picker js-sku-picker'>
      {dims.map((dim) => (
        <View key={dim.name} className='sku-dim'>
          <Text className='sku-dim-name'>{dim.name}</Text>
          <View className='sku-values'>
            {dim.values.map((value) => {
              const chosen = selection[dim.name] === value;
              const available = isValueAvailable(skus, selection, dim.name, value);
              const toggle = () => onChange({ ...selection, [dim.name]: chosen ? undefined : value });
              return (
                <View
                  key={value}
                  className={`tap-area sku-value js-sku-value${chosen ? ' is-chosen js-sku-chosen' : ''}${available ? '' : ' is-disabled js-sku-disabled'}`}
                  data-value={value}
                  onClick={available || chosen ? toggle : undefined}
                >
                  <Text>{value}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
