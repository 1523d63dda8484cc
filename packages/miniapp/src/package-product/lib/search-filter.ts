import type { ProductSort } from '@siyu/shared';
import { PRODUCT_SORTS } from '@siyu/shared/constants';
import { fenToYuanString, yuanStringToFen } from '@siyu/shared/money';
import { t } from '../../i18n/package-product';

/** What the search page filters by besides the keyword and the sort. */
export interface SearchFilter {
  categoryId: number | null;
  minPriceFen: number | null;
  maxPriceFen: number | null;
}

export const NO_FILTER: SearchFilter = { categoryId: null, minPriceFen: null, maxPriceFen: null };

/** The most a price bound may be: ¥1,000,000 (the API takes up to 10^9 fen). */
const MAX_PRICE_FEN = 100_000_000;
const YUAN = /^\d{1,7}(\.\d{1,2})?$/;

export type PriceRangeResult =
  | { ok: true; minPriceFen: number | null; maxPriceFen: number | null }
  | { ok: false; field: 'min' | 'max'; message: string };

/**
 * The price range typed in yuan ('' for no bound): amounts with at most two decimals, up to ¥1,000,000, the lowest not
 * above the highest. The error names the field it belongs beside.
 */
export function parsePriceRange(minText: string, maxText: string): PriceRangeResult {
  const parse = (text: string): number | null | { error: string } => {
    const v = text.trim();
    if (!v) return null;
    if (!YUAN.test(v)) return { error: t.searchFilter.priceInvalid };
    const fen = yuanStringToFen(v);
    return fen > MAX_PRICE_FEN ? { error: t.searchFilter.priceTooHigh } : fen;
  };
  const min = parse(minText);
  if (min !== null && typeof min === 'object') return { ok: false, field: 'min', message: min.error };
  const max = parse(maxText);
  if (max !== null && typeof max === 'object') return { ok: false, field: 'max', message: max.error };
  if (min !== null && max !== null && min > max) return { ok: false, field: 'max', message: t.searchFilter.priceOrder };
  return { ok: true, minPriceFen: min, maxPriceFen: max };
}

/** A fen bound as the shopper typed it back: 1000 -> "10", 1050 -> "10.5". */
export function fenToInput(fen: number | null): string {
  if (fen === null) return '';
  return fenToYuanString(fen).replace(/\.?0+$/, '');
}

/** A query value as typed: decoded where the platform left it encoded, as it came where it is not valid encoding. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const SORTS: readonly ProductSort[] = PRODUCT_SORTS;
const bound = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);

/** The search state in a page's query (keyword, sort, categoryId, min, max in fen): what a shared or reloaded link opens. */
export function searchFromParams(params: Record<string, string | undefined>): { keyword: string; sort: ProductSort; filter: SearchFilter } {
  const keyword = decoded(params.keyword ?? '')
    .trim()
    .slice(0, 50);
  const sort = SORTS.includes(params.sort as ProductSort) ? (params.sort as ProductSort) : 'relevance';
  const category = bound(params.categoryId);
  let minPriceFen = bound(params.min);
  let maxPriceFen = bound(params.max);
  if (minPriceFen !== null && maxPriceFen !== null && minPriceFen > maxPriceFen) [minPriceFen, maxPriceFen] = [null, null];
  return { keyword, sort, filter: { categoryId: category && category > 0 ? category : null, minPriceFen, maxPriceFen } };
}

/** The query string for a search state (empty parts left out). */
export function searchToQuery(keyword: string, sort: ProductSort, filter: SearchFilter): string {
  const parts: string[] = [];
  if (keyword) parts.push(`keyword=${encodeURIComponent(keyword)}`);
  if (sort !== 'relevance') parts.push(`sort=${sort}`);
  if (filter.categoryId !== null) parts.push(`categoryId=${filter.categoryId}`);
  if (filter.minPriceFen !== null) parts.push(`min=${filter.minPriceFen}`);
  if (filter.maxPriceFen !== null) parts.push(`max=${filter.maxPriceFen}`);
  return parts.join('&');
}

export const filterActive = (f: SearchFilter) => f.categoryId !== null || f.minPriceFen !== null || f.maxPriceFen !== null;
