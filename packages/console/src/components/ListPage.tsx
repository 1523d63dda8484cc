import { keepPreviousData, type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, type FormProps, Space, Table, type TableProps } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { zh } from '../i18n/zh-CN';
import { PageState } from './PageState';

/** Which page of a list, and how long a page is. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** A page of a list as the API answers it. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/** A whole number the URL holds, or undefined. */
export const numberParam = (params: URLSearchParams, key: string): number | undefined => (params.get(key) ? Number(params.get(key)) : undefined);

/** The paging a URL holds (page 1 of 20 when it says nothing). */
export const pagingOf = (params: URLSearchParams): Paging => ({
  page: numberParam(params, 'page') ?? 1,
  pageSize: numberParam(params, 'pageSize') ?? 20,
});

/**
 * A list page's filters, kept in the URL (so a reload or a shared link shows the same list): `read` takes the filters
 * from the search params; paging is read for it. `setFilters` changes some of them, going back to the first page
 * unless it names a page; empty values are left out of the URL. `onChange` runs after every change.
 */
export function useUrlFilters<F extends object>(read: (params: URLSearchParams) => F, onChange?: () => void) {
  const [params, setParams] = useSearchParams();
  const filters: F & Paging = { ...pagingOf(params), ...read(params) };
  const setFilters = (next: Partial<F & Paging>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries<unknown>({ ...filters, page: 1, ...next }))
      if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
    onChange?.();
  };
  const resetFilters = () => {
    setParams(new URLSearchParams());
    onChange?.();
  };
  return { params, filters, setFilters, resetFilters };
}

/** A page of a list from the API; the page shown stays on screen while the next one loads. */
export function usePagedQuery<T>(queryKey: QueryKey, queryFn: () => Promise<ListPage<T>>) {
  return useQuery({ queryKey, queryFn, placeholderData: keepPreviousData });
}

/** A list page's table: loading and error states, the rows of the page, and the pager (with the total). */
export function PagedTable<T extends object>({
  query,
  paging,
  onPage,
  ...table
}: {
  query: UseQueryResult<ListPage<T>>;
  paging: Paging;
  onPage: (page: number, pageSize: number) => void;
} & Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'>) {
  const wrap = useRef<HTMLDivElement>(null);
  const hidden = useHiddenColumns(wrap, query.data);
  return (
    <PageState loading={query.isPending} error={query.error} onRetry={() => query.refetch()}>
      <div ref={wrap} className={hidden ? 'table-scrolls' : undefined}>
        {hidden && (
          <div className='table-scroll-hint' data-testid='table-scroll-hint'>
            {zh.common.tableScrolls}
          </div>
        )}
        <Table<T>
          rowKey='id'
          dataSource={query.data?.items}
          loading={query.isFetching && !query.isPending}
          locale={{ emptyText: zh.common.empty }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: query.data?.total,
            showTotal: zh.common.total,
            showSizeChanger: true,
            onChange: onPage,
          }}
          {...table}
        />
      </div>
    </PageState>
  );
}

/**
 * Whether the table inside `wrap` has columns out of view (wider than its box, or some of it under the fixed columns
 * at the right): the page then says it scrolls, and the fixed column's edge casts a clear shadow (styles.css).
 */
function useHiddenColumns(wrap: React.RefObject<HTMLDivElement | null>, data: unknown): boolean {
  const [hidden, setHidden] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again when the rows change.
  useEffect(() => {
    const box = wrap.current;
    const scroller = box?.querySelector<HTMLElement>('.ant-table-content, .ant-table-body');
    if (!box || !scroller) return;
    const measure = () => setHidden(scroller.scrollWidth - scroller.clientWidth - scroller.scrollLeft > 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', measure);
    };
  }, [wrap, data]);
  return hidden;
}

/** A list page's filter bar: the fields, then 查询 and 重置 (which empties the URL's filters). */
export function FilterForm<V extends object>({
  children,
  searchTestId,
  ...form
}: { children: ReactNode; searchTestId?: string } & Pick<FormProps<V>, 'initialValues' | 'onFinish' | 'onReset'>) {
  return (
    <Card className='filters'>
      <Form<V> layout='inline' style={{ rowGap: 12 }} {...form}>
        {children}
        <Form.Item>
          <Space>
            <Button type='primary' htmlType='submit' data-testid={searchTestId}>
              {zh.common.search}
            </Button>
            <Button htmlType='reset'>{zh.common.reset}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
