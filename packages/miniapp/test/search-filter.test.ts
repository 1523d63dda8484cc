/** The search filter's pure rules: the price range as typed, and the search state in a page's query. */
import { describe, expect, it } from 'vitest';
import { fenToInput, parsePriceRange, searchFromParams, searchToQuery } from '../src/package-product/lib/search-filter';

describe('parsePriceRange', () => {
  it('takes yuan with up to two decimals, either bound left empty', () => {
    expect(parsePriceRange('10', '99.9')).toEqual({ ok: true, minPriceFen: 1000, maxPriceFen: 9990 });
    expect(parsePriceRange(' ', '0.05')).toEqual({ ok: true, minPriceFen: null, maxPriceFen: 5 });
    expect(parsePriceRange('', '')).toEqual({ ok: true, minPriceFen: null, maxPriceFen: null });
    expect(parsePriceRange('100', '100')).toEqual({ ok: true, minPriceFen: 10000, maxPriceFen: 10000 });
  });

  it('names the field in error: not an amount, too many decimals, too high, lowest above highest', () => {
    expect(parsePriceRange('1.234', '')).toMatchObject({ ok: false, field: 'min' });
    expect(parsePriceRange('', '-5')).toMatchObject({ ok: false, field: 'max' });
    expect(parsePriceRange('abc', '')).toMatchObject({ ok: false, field: 'min', message: '请输入金额，最多两位小数' });
    expect(parsePriceRange('', '1000000.01')).toMatchObject({ ok: false, field: 'max', message: '金额不能超过 1000000 元' });
    expect(parsePriceRange('200', '100')).toEqual({ ok: false, field: 'max', message: '最高价不能低于最低价' });
  });
});

describe('the search in a page query', () => {
  it('round-trips keyword, sort, category and bounds', () => {
    const filter = { categoryId: 7, minPriceFen: 1000, maxPriceFen: 15000 };
    const query = searchToQuery('龙井 茶', 'price_asc', filter);
    expect(query).toBe('keyword=%E9%BE%99%E4%BA%95%20%E8%8C%B6&sort=price_asc&categoryId=7&min=1000&max=15000');
    const params = Object.fromEntries(new URLSearchParams(query).entries());
    // Platforms hand the values over decoded (H5) or not (some mini-programs): both read the same.
    expect(searchFromParams(params)).toEqual({ keyword: '龙井 茶', sort: 'price_asc', filter });
    expect(searchFromParams({ keyword: '%E9%BE%99%E4%BA%95' }).keyword).toBe('龙井');
    expect(searchFromParams({ keyword: '100%' }).keyword).toBe('100%');
  });

  it('drops what it cannot use: an unknown sort, a bad id, bounds the wrong way round', () => {
    expect(searchFromParams({ sort: 'cheapest', categoryId: '-3', min: '500', max: '100' })).toEqual({
      keyword: '',
      sort: 'relevance',
      filter: { categoryId: null, minPriceFen: null, maxPriceFen: null },
    });
    expect(searchToQuery('', 'relevance', { categoryId: null, minPriceFen: null, maxPriceFen: null })).toBe('');
  });

  it('shows a bound as typed', () => {
    expect(fenToInput(10000)).toBe('100');
    expect(fenToInput(1050)).toBe('10.5');
    expect(fenToInput(5)).toBe('0.05');
    expect(fenToInput(null)).toBe('');
  });
});
