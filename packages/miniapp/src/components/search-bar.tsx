import { Text, View } from '@tarojs/components';
import { t } from '../i18n/zh-CN';

/** A search field look-alike that opens the search page. */
export function SearchBar({ onTap }: { onTap(): void }) {
  return (
    <View className='search-bar js-search-entry' onClick={onTap}>
      <Text className='search-bar-icon'>⌕</Text>
      <Text className='search-bar-placeholder'>{t.catalog.searchPlaceholder}</Text>
    </View>
  );
}
