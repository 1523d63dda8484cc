import { Button, Text, View } from '@tarojs/components';
import { t } from '../i18n/zh-CN';

/** A failed load with a retry button; the technical reason stays out of the shopper's sight. */
export function LoadError({ onRetry }: { onRetry: () => void }) {
  return (
    <View className='state-line'>
      <Text>{t.common.loadFailed}</Text>
      <View style={{ marginTop: '16px' }}>
        <Button className='plain-button load-error-retry js-load-retry' onClick={onRetry}>
          <Text>{t.common.retry}</Text>
        </Button>
      </View>
    </View>
  );
}
