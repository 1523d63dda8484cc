import type { ProductSort, ProductSummary } from '@siyu/shared';
import { api } from '../api/client';
import { usePagedList, type PagedListState } from './use-paged-list';

const PAGE_SIZE = 20;

export interface ProductListQuery {
  categoryId?: number;
  keyword?: string;
  sort?: ProductSort;
  /** Products with a SKU priced within these bounds (fen). */
  minPriceFen?: number;
  maxPriceFen?: number;
}

export type ProductListState = PagedListState<ProductSummary>;

/** A paged list of on-shelf products for a query; a new query starts again from page 1 and drops late answers. */
export function useProductList(query: ProductListQuery | null): ProductListState {
  const key = query
    ? `${query.categoryId ?? ''}|${query.keyword ?? ''}|${query.sort ?? ''}|${query.minPriceFen ?? ''}|${query.maxPriceFen ?? ''}`
    : null;
  return usePagedList<ProductSummary>(
    key,
    (page, pageSize) =>
      api.products({
        categoryId: query?.categoryId,
        keyword: query?.keyword,
        sort: query?.sort,
        minPriceFen: query?.minPriceFen,
        maxPriceFen: query?.maxPriceFen,
        page,
        pageSize,
      }),
    PAGE_SIZE,
  );
}
