import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { t } from '../i18n/zh-CN';
import { ROUTES } from '../lib/routes';

/** What a direct link to something that is gone shows: say so, and offer the way home. */
export function NotFound({ text }: { text: string }) {
  return (
    <View className='not-found js-not-found'>
      <Text className='not-found-mark'>?</Text>
      <Text className='not-found-title'>{t.store.notFoundTitle}</Text>
      <Text className='not-found-text'>{text}</Text>
      <Button className='primary-button js-not-found-home' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
        <Text>{t.store.backHome}</Text>
      </Button>
    </View>
  );
}
