import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { zh } from '../../i18n/zh-CN';

/** The text after the merchant stopped typing for a moment. */
function useDebounced(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** What the merchant types in a picker, and `find` run with it once typing pauses (a short list: 20 at most). */
function useTypedSearch<T>(key: string, find: (query: { keyword?: string; pageSize: number }) => Promise<T>) {
  const [typed, setTyped] = useState('');
  const keyword = useDebounced(typed.trim());
  const search = useQuery({ queryKey: [key, keyword], queryFn: () => find({ keyword: keyword || undefined, pageSize: 20 }), staleTime: 30_000 });
  return { keyword, setTyped, search };
}

/** Product titles by id, for ids chosen earlier (a template being edited or shown); fetched once each. */
export function useProductTitles(ids: readonly number[]): Map<number, string> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['product', id],
      queryFn: () => api.GET('/products/{id}', { params: { path: { id } } }),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const titles = new Map<number, string>();
  results.forEach((r, i) => {
    if (r.data) titles.set(ids[i]!, r.data.title);
  });
  return titles;
}

interface MultiPickerProps {
  value?: number[];
  onChange?: (ids: number[]) => void;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
  status?: 'error' | 'warning';
}

/** The multiple choice both pickers show: searched as typed (`onSearch`), with a spinner while `searching`. */
function SearchSelect({
  value,
  onChange,
  disabled,
  id,
  status,
  onSearch,
  options,
  placeholder,
  searching,
  ...rest
}: MultiPickerProps & { onSearch: (typed: string) => void; options: { value: number; label: string }[]; placeholder: string; searching: boolean }) {
  return (
    <Select<number[]>
      id={id}
      mode='multiple'
      showSearch={{ filterOption: false, onSearch }}
      disabled={disabled}
      status={status}
      value={value}
      onChange={(ids) => onChange?.(ids)}
      onBlur={() => onSearch('')}
      options={options}
      placeholder={placeholder}
      notFoundContent={searching ? <Spin size='small' /> : zh.common.empty}
      maxTagCount='responsive'
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** Products chosen by searching the merchant's product list by name (any status: a coupon may be made before a launch). */
export function ProductPicker({ value = [], ...props }: MultiPickerProps) {
  const { setTyped, search } = useTypedSearch('product-search', (query) => api.GET('/products', { params: { query } }));
  // Titles seen in searches are remembered, so a chosen product keeps its name when the next search does not list it.
  const seen = useRef(new Map<number, string>());
  for (const p of search.data?.items ?? []) seen.current.set(p.id, p.title);
  const unknown = value.filter((v) => !seen.current.has(v));
  const fetched = useProductTitles(unknown);
  const options = [...new Set([...value, ...(search.data?.items ?? []).map((p) => p.id)])].map((pid) => {
    const title = seen.current.get(pid) ?? fetched.get(pid);
    return { value: pid, label: title ? zh.coupons.productLabel(title, pid) : zh.coupons.unknownProduct(pid) };
  });

  return (
    <SearchSelect
      {...props}
      value={value}
      onSearch={setTyped}
      options={options}
      placeholder={zh.coupons.productSearch}
      searching={search.isFetching}
    />
  );
}

/** Members chosen by nickname (part of it) or by member ID. */
export function MemberPicker({ value = [], ...props }: MultiPickerProps) {
  const { keyword, setTyped, search: byName } = useTypedSearch('member-search', (query) => api.GET('/members', { params: { query } }));
  const asId = /^\d{1,15}$/.test(keyword) ? Number(keyword) : null;
  const byId = useQuery({
    queryKey: ['member', asId],
    queryFn: async () => {
      try {
        return await api.GET('/members/{id}', { params: { path: { id: asId! } } });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
        throw err;
      }
    },
    enabled: asId !== null && asId > 0,
    retry: false,
  });
  const seen = useRef(new Map<number, string>());
  const found = [...(byId.data ? [byId.data] : []), ...(byName.data?.items ?? [])];
  for (const m of found) seen.current.set(m.id, m.nickname);
  const options = [...new Set([...found.map((m) => m.id), ...value])].map((mid) => {
    const nickname = seen.current.get(mid);
    return { value: mid, label: nickname ? zh.coupons.memberLabel(nickname, mid) : `ID ${mid}` };
  });

  return (
    <SearchSelect
      {...props}
      value={value}
      onSearch={setTyped}
      options={options}
      placeholder={zh.coupons.memberSearch}
      searching={byName.isFetching || byId.isFetching}
    />
  );
}
