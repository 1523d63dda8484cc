import { ScrollView, Text, View } from '@tarojs/components';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { LoadError } from '../../components/load-error';
import { ProductGrid } from '../../components/product-grid';
import { t } from '../../i18n/zh-CN';
import { useProductList } from '../../lib/use-product-list';
import { useCatalog } from '../../stores/catalog-store';
import './index.css';
import { useTrackPage } from '../../lib/tracker';

/** Two-level categories: the top level on the left, its children as chips, the chosen one's products below. */
export default function CategoryPage() {
  useTrackPage();
  const categories = useCatalog((s) => s.categories);
  const error = useCatalog((s) => s.error);
  const [topId, setTopId] = useState<number | null>(null);
  const [childId, setChildId] = useState<number | null>(null);

  useDidShow(() => {
    const { requestedCategoryId, requestCategory, loadCategories } = useCatalog.getState();
    if (requestedCategoryId !== null) {
      setTopId(requestedCategoryId);
      setChildId(null);
      requestCategory(null);
    }
    void loadCategories();
  });

  const top = categories?.find((c) => c.id === topId) ?? categories?.[0] ?? null;
  const chosenId = childId ?? top?.id ?? null;
  const query = useMemo(() => (chosenId === null ? null : { categoryId: chosenId }), [chosenId]);
  const products = useProductList(query);
  useReachBottom(() => products.loadMore());

  if (!categories) {
    return (
      <View className='page'>
        {error ? (
          <LoadError onRetry={() => void useCatalog.getState().loadCategories(true)} />
        ) : (
          <View className='state-line'>{t.common.loading}</View>
        )}
      </View>
    );
  }
  if (categories.length === 0) {
    return (
      <View className='page'>
        <View className='empty-box'>{t.catalog.productsEmpty}</View>
      </View>
    );
  }

  return (
    <View className='category-page'>
      <ScrollView className='category-nav' scrollY>
        {categories.map((c) => (
          <View
            key={c.id}
            className={`category-nav-item js-category-top${top?.id === c.id ? ' is-active' : ''}`}
            onClick={() => {
              setTopId(c.id);
              setChildId(null);
            }}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </ScrollView>
      <View className='category-main'>
        {top && top.children.length > 0 ? (
          <View className='category-children'>
            <View className={`category-chip js-category-child${childId === null ? ' is-active' : ''}`} onClick={() => setChildId(null)}>
              <Text>{t.catalog.allInCategory}</Text>
            </View>
            {top.children.map((child) => (
              <View
                key={child.id}
                className={`category-chip js-category-child${childId === child.id ? ' is-active' : ''}`}
                onClick={() => setChildId(child.id)}
              >
                <Text>{child.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <ProductGrid list={products} emptyText={t.catalog.productsEmpty} />
      </View>
    </View>
  );
}
