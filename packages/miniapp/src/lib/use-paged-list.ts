import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PagedListState<T> {
  items: T[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: boolean;
  hasMore: boolean;
  /** The next page, unless one is loading or there is none. */
  loadMore(): void;
  /** Empties the list and loads page 1 again. */
  reload(): void;
  /** Loads page 1 again, keeping what is shown until it answers (on show, pull-down refresh, retry). */
  refresh(): Promise<void>;
}

/**
 * A paged list, items merged by id. A new non-null `key` (the query: category, keyword, tab…) empties the list and
 * loads page 1; a `null` key loads nothing. Loading page 1 again (reload, refresh, a new key) drops the answers of
 * every request made before it. `fetchPage` is read when a page is loaded, so it may be a new function each render.
 */
export function usePagedList<T extends { id: number }>(
  key: string | null,
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  pageSize = 20,
): PagedListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState(false);
  const generation = useRef(0);
  const latest = useRef({ key, fetchPage, pageSize });
  latest.current = { key, fetchPage, pageSize };

  /** Loads page `next`; page 1 starts a new generation, so that answers of earlier requests are dropped. */
  const load = useCallback(async (next: number) => {
    const { key: current, fetchPage: fetcher, pageSize: size } = latest.current;
    if (current === null) return;
    const mine = next === 1 ? ++generation.current : generation.current;
    setLoading(true);
    setError(false);
    try {
      const res = await fetcher(next, size);
      if (mine !== generation.current) return;
      setItems((prev) => (next === 1 ? res.items : [...prev, ...res.items.filter((x) => !prev.some((y) => y.id === x.id))]));
      setTotal(res.total);
      setPage(next);
      setLoaded(true);
    } catch {
      if (mine === generation.current) setError(true);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => {
    setItems([]);
    setLoaded(false);
    setPage(0);
    void load(1);
  }, [load]);

  const refresh = useCallback(() => load(1), [load]);

  useEffect(() => {
    if (key !== null) reload();
  }, [key, reload]);

  const hasMore = loaded && items.length < total;
  const loadMore = useCallback(() => {
    if (!loading && hasMore) void load(page + 1);
  }, [loading, hasMore, load, page]);

  return { items, total, loaded, loading, error, hasMore, loadMore, reload, refresh };
}
