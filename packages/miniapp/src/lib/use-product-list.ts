import type { ProductSummary } from '@siyu/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api/client'

const PAGE_SIZE = 20

export interface ProductListQuery {
  categoryId?: number
  keyword?: string
}

export interface ProductListState {
  items: ProductSummary[]
  total: number
  loaded: boolean
  loading: boolean
  error: boolean
  hasMore: boolean
  loadMore(): void
  reload(): void
}

/** A paged list of on-shelf products for a query; a new query starts again from page 1 and drops late answers. */
export function useProductList(query: ProductListQuery | null): ProductListState {
  const [items, setItems] = useState<ProductSummary[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState(false)
  const generation = useRef(0)
  const key = query ? `${query.categoryId ?? ''}|${query.keyword ?? ''}` : null

  const fetchPage = useCallback(
    async (next: number, mine: number) => {
      if (!query) return
      setLoading(true)
      setError(false)
      try {
        const res = await api.products({ categoryId: query.categoryId, keyword: query.keyword, page: next, pageSize: PAGE_SIZE })
        if (mine !== generation.current) return
        setItems((prev) => (next === 1 ? res.items : [...prev, ...res.items.filter((p) => !prev.some((q) => q.id === p.id))]))
        setTotal(res.total)
        setPage(next)
        setLoaded(true)
      } catch {
        if (mine === generation.current) setError(true)
      } finally {
        if (mine === generation.current) setLoading(false)
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  )

  const reload = useCallback(() => {
    const mine = ++generation.current
    setItems([])
    setLoaded(false)
    setPage(0)
    void fetchPage(1, mine)
  }, [fetchPage])

  useEffect(() => {
    if (key !== null) reload()
  }, [key, reload])

  const hasMore = loaded && items.length < total
  const loadMore = useCallback(() => {
    if (!loading && hasMore) void fetchPage(page + 1, generation.current)
  }, [loading, hasMore, fetchPage, page])

  return { items, total, loaded, loading, error, hasMore, loadMore, reload }
}
