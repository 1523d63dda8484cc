import type { ProductSort } from '@siyu/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { ProductGrid } from '../../components/product-grid';
import { t } from '../../i18n/zh-CN';
import { clearSearchHistory, readSearchHistory, rememberSearch } from '../../lib/search-history';
import { useProductList } from '../../lib/use-product-list';
import { useStorefront } from '../../stores/storefront-store';
import './index.css';

const SORTS: { key: ProductSort | 'price'; label: string }[] = [
  { key: 'relevance', label: t.store.sortRelevance },
  { key: 'sales', label: t.store.sortSales },
  { key: 'price', label: t.store.sortPrice },
  { key: 'newest', label: t.store.sortNewest },
];

/** Keyword search over on-shelf products: recent searches and the merchant's hot words, then results with a sort. */
export default function SearchPage() {
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [sort, setSort] = useState<ProductSort>('relevance');
  const [history, setHistory] = useState<string[]>(() => readSearchHistory());
  // Select the stored object, not a fresh [] per render (zustand would re-render without end).
  const storefront = useStorefront((s) => s.storefront);
  const hotWords = storefront?.hotWords ?? [];
  useEffect(() => void useStorefront.getState().load(), []);
  const query = useMemo(() => (keyword ? { keyword, sort } : null), [keyword, sort]);
  const results = useProductList(query);
  useReachBottom(() => results.loadMore());

  const submit = (value: string = input) => {
    const next = value.trim().slice(0, 50);
    setInput(next);
    setKeyword(next);
    if (next) setHistory(rememberSearch(next));
  };
  const chooseSort = (key: ProductSort | 'price') => {
    // 价格 toggles between low-to-high and high-to-low.
    if (key === 'price') setSort(sort === 'price_asc' ? 'price_desc' : 'price_asc');
    else setSort(key);
  };
  const sortActive = (key: ProductSort | 'price') => (key === 'price' ? sort === 'price_asc' || sort === 'price_desc' : sort === key);

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
          <View className='search-sorts js-search-sorts'>
            {SORTS.map((s) => (
              <View
                key={s.key}
                className={`tap-area search-sort js-search-sort-${s.key}${sortActive(s.key) ? ' is-active' : ''}`}
                onClick={() => chooseSort(s.key)}
              >
                <Text>
                  {s.label}
                  {s.key === 'price' && sort === 'price_asc' ? ' ↑' : ''}
                  {s.key === 'price' && sort === 'price_desc' ? ' ↓' : ''}
                </Text>
              </View>
            ))}
          </View>
          {results.loaded ? <Text className='muted search-summary js-search-summary'>{t.catalog.searchResults(keyword, results.total)}</Text> : null}
          <ProductGrid list={results} emptyText={t.catalog.searchEmpty(keyword)} />
        </View>
      ) : (
        <View>
          {history.length > 0 ? (
            <View className='search-words js-search-history'>
              <View className='row'>
                <Text className='section-title search-words-title'>{t.store.searchHistory}</Text>
                <View
                  className='tap-area js-search-history-clear'
                  onClick={() => {
                    clearSearchHistory();
                    setHistory([]);
                  }}
                >
                  <Text className='muted'>{t.store.clearHistory}</Text>
                </View>
              </View>
              <View className='search-chips'>
                {history.map((k) => (
                  <View key={k} className='search-chip js-search-history-word' onClick={() => submit(k)}>
                    <Text>{k}</Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          {hotWords.length > 0 ? (
            <View className='search-words js-search-hot'>
              <Text className='section-title search-words-title'>{t.store.hotWords}</Text>
              <View className='search-chips'>
                {hotWords.map((k) => (
                  <View key={k} className='search-chip is-hot js-search-hot-word' onClick={() => submit(k)}>
                    <Text>{k}</Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          {history.length === 0 && hotWords.length === 0 ? <View className='state-line'>{t.catalog.searchHint}</View> : null}
        </View>
      )}
    </View>
  );
}
