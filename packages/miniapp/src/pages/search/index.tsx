import { Button, Input, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { ProductGrid } from '../../components/product-grid';
import { t } from '../../i18n/zh-CN';
import { useProductList } from '../../lib/use-product-list';
import './index.css';

/** Keyword search over on-shelf products. */
export default function SearchPage() {
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const query = useMemo(() => (keyword ? { keyword } : null), [keyword]);
  const results = useProductList(query);
  useReachBottom(() => results.loadMore());

  const submit = (value: string = input) => setKeyword(value.trim().slice(0, 50));

  return (
    <View className='page search'>
      <View className='search-form'>
        <Input
          className='search-input js-search-input'
          value={input}
          placeholder={t.catalog.searchPlaceholder}
          confirmType='search'
          focus
          maxlength={50}
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        <Button className='primary-button search-button js-search-submit' onClick={() => submit()}>
          <Text>{t.catalog.searchButton}</Text>
        </Button>
      </View>
      {keyword ? (
        <View>
          {results.loaded ? <Text className='muted search-summary js-search-summary'>{t.catalog.searchResults(keyword, results.total)}</Text> : null}
          <ProductGrid list={results} emptyText={t.catalog.searchEmpty(keyword)} />
        </View>
      ) : (
        <View className='state-line'>{t.catalog.searchHint}</View>
      )}
    </View>
  );
}
