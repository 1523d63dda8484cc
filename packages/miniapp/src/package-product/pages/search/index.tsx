import type { ProductSort } from '@siyu/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { BottomSheet } from '../../../components/bottom-sheet';
import { ProductGrid } from '../../../components/product-grid';
import { t } from '../../../i18n/package-product';
import { filterActive, fenToInput, NO_FILTER, parsePriceRange, type SearchFilter, searchFromParams, searchToQuery } from '../../lib/search-filter';
import { clearSearchHistory, readSearchHistory, rememberSearch } from '../../lib/search-history';
import { useProductList } from '../../../lib/use-product-list';
import { replacePageQuery } from '../../../platform/url-state';
import { useCatalog } from '../../../stores/catalog-store';
import { useStorefront } from '../../../stores/storefront-store';
import './index.css';
import { track } from '../../../lib/tracker';

const SORTS: { key: ProductSort | 'price'; label: string }[] = [
  { key: 'relevance', label: t.store.sortRelevance },
  { key: 'sales', label: t.store.sortSales },
  { key: 'price', label: t.store.sortPrice },
  { key: 'newest', label: t.store.sortNewest },
];

/**
 * Keyword search over on-shelf products: recent searches and the merchant's hot words, then results with a sort and a
 * filter sheet (category, price range). The page's query holds the search (keyword, sort, categoryId, min, max), so a
 * reload or a shared link opens the same results.
 */
export default function SearchPage() {
  const params = useRouter().params;
  const [initial] = useState(() => searchFromParams(params));
  const [input, setInput] = useState(initial.keyword);
  const [keyword, setKeyword] = useState(initial.keyword);
  const [sort, setSort] = useState<ProductSort>(initial.sort);
  const [filter, setFilter] = useState<SearchFilter>(initial.filter);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [history, setHistory] = useState<string[]>(() => readSearchHistory());
  // Select the stored object, not a fresh [] per render (zustand would re-render without end).
  const storefront = useStorefront((s) => s.storefront);
  const hotWords = storefront?.hotWords ?? [];
  const categories = useCatalog((s) => s.categories);
  useEffect(() => {
    void useStorefront.getState().load();
    void useCatalog.getState().loadCategories();
  }, []);
  const query = useMemo(
    () =>
      keyword
        ? {
            keyword,
            sort,
            ...(filter.categoryId !== null ? { categoryId: filter.categoryId } : {}),
            ...(filter.minPriceFen !== null ? { minPriceFen: filter.minPriceFen } : {}),
            ...(filter.maxPriceFen !== null ? { maxPriceFen: filter.maxPriceFen } : {}),
          }
        : null,
    [keyword, sort, filter],
  );
  const results = useProductList(query);
  useReachBottom(() => results.loadMore());
  // The address follows what is shown.
  useEffect(() => replacePageQuery(searchToQuery(keyword, sort, filter)), [keyword, sort, filter]);
  const categoryName = (id: number) => {
    for (const top of categories ?? []) {
      if (top.id === id) return top.name;
      const child = top.children.find((c) => c.id === id);
      if (child) return child.name;
    }
    return '';
  };
  const priceText = priceRangeLabel(filter);

  const submit = (value: string = input) => {
    const next = value.trim().slice(0, 50);
    setInput(next);
    setKeyword(next);
    if (next) {
      setHistory(rememberSearch(next));
      track('search', { detail: next });
    }
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
            <View
              className={`tap-area search-sort search-filter-open js-search-filter-open${filterActive(filter) ? ' is-active' : ''}`}
              onClick={() => setSheetOpen(true)}
            >
              <Text>{t.searchFilter.open}</Text>
            </View>
          </View>
          {filterActive(filter) ? (
            <View className='search-active-filters js-search-active-filters'>
              {filter.categoryId !== null ? (
                <View className='search-active-filter js-search-active-category'>
                  <Text>{categoryName(filter.categoryId)}</Text>
                </View>
              ) : null}
              {priceText ? (
                <View className='search-active-filter js-search-active-price'>
                  <Text>{priceText}</Text>
                </View>
              ) : null}
              <View className='tap-area search-filter-clear js-search-filter-clear' onClick={() => setFilter(NO_FILTER)}>
                <Text>{t.searchFilter.clear}</Text>
              </View>
            </View>
          ) : null}
          {results.loaded ? <Text className='muted search-summary js-search-summary'>{t.catalog.searchResults(keyword, results.total)}</Text> : null}
          <ProductGrid list={results} emptyText={t.catalog.searchEmpty(keyword)} />
          {sheetOpen ? (
            <FilterSheet
              filter={filter}
              categories={categories ?? []}
              onClose={() => setSheetOpen(false)}
              onApply={(next) => {
                setFilter(next);
                setSheetOpen(false);
              }}
            />
          ) : null}
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

/** The active price bound(s) in words: ¥10-¥100, ¥10 以上, ¥100 以下; '' without one. */
function priceRangeLabel(f: SearchFilter): string {
  const min = fenToInput(f.minPriceFen);
  const max = fenToInput(f.maxPriceFen);
  if (min && max) return t.searchFilter.priceBetween(min, max);
  if (min) return t.searchFilter.priceFrom(min);
  if (max) return t.searchFilter.priceUpTo(max);
  return '';
}

interface CategoryChoice {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}

/** The filter sheet: a category (top-level or one of its children) and a price range in yuan, checked before it applies. */
function FilterSheet(props: { filter: SearchFilter; categories: CategoryChoice[]; onClose(): void; onApply(next: SearchFilter): void }) {
  const [categoryId, setCategoryId] = useState(props.filter.categoryId);
  const [minText, setMinText] = useState(fenToInput(props.filter.minPriceFen));
  const [maxText, setMaxText] = useState(fenToInput(props.filter.maxPriceFen));
  const [error, setError] = useState<{ field: 'min' | 'max'; message: string } | null>(null);
  const chips: { id: number | null; name: string }[] = [
    { id: null, name: t.searchFilter.allCategories },
    ...props.categories.flatMap((top) => [{ id: top.id, name: top.name }, ...top.children.map((c) => ({ id: c.id, name: c.name }))]),
  ];
  /** One bound of the price range, marked when the error is its own. */
  const priceInput = (field: 'min' | 'max', value: string, set: (v: string) => void) => (
    <Input
      className={`search-filter-input js-search-filter-${field}${error?.field === field ? ' is-invalid' : ''}`}
      type='digit'
      value={value}
      maxlength={10}
      placeholder={field === 'min' ? t.searchFilter.minPlaceholder : t.searchFilter.maxPlaceholder}
      onInput={(e) => {
        set(e.detail.value);
        setError(null);
      }}
    />
  );
  const apply = () => {
    const range = parsePriceRange(minText, maxText);
    if (!range.ok) {
      setError({ field: range.field, message: range.message });
      return;
    }
    props.onApply({ categoryId, minPriceFen: range.minPriceFen, maxPriceFen: range.maxPriceFen });
  };
  return (
    <BottomSheet
      open
      title={t.searchFilter.title}
      onClose={props.onClose}
      className='search-filter-sheet js-search-filter-sheet'
      footer={
        <View className='search-filter-actions'>
          <Button
            className='plain-button search-filter-reset js-search-filter-reset'
            onClick={() => {
              setCategoryId(null);
              setMinText('');
              setMaxText('');
              setError(null);
            }}
          >
            <Text>{t.searchFilter.reset}</Text>
          </Button>
          <Button className='primary-button search-filter-apply js-search-filter-apply' onClick={apply}>
            <Text>{t.searchFilter.apply}</Text>
          </Button>
        </View>
      }
    >
      <Text className='search-filter-label'>{t.searchFilter.category}</Text>
      <View className='search-chips'>
        {chips.map((c) => (
          <View
            key={c.id ?? 'all'}
            className={`search-chip js-search-filter-category${c.id === categoryId ? ' is-chosen js-search-filter-category-chosen' : ''}`}
            onClick={() => setCategoryId(c.id)}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
      <Text className='search-filter-label'>{t.searchFilter.price}</Text>
      <View className='search-filter-price'>
        {priceInput('min', minText, setMinText)}
        <Text className='search-filter-dash'>-</Text>
        {priceInput('max', maxText, setMaxText)}
      </View>
      {error ? <Text className='search-filter-error js-search-filter-error'>{error.message}</Text> : null}
    </BottomSheet>
  );
}
