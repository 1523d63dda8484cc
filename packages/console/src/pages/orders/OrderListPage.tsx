import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api, type MerchantPaths, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { dateTime, dayjs, yuan } from '../../lib/format';

type ConsoleOrderSummary = Schemas['OrderSummary'];
type OrderFilters = NonNullable<MerchantPaths['/orders']['get']['parameters']['query']>;
type OrderPlatform = NonNullable<Schemas['Order']['platform']>;

export const ORDER_STATUS_COLORS: Record<string, string> = {
  awaiting_payment: 'gold',
  paid: 'blue',
  shipped: 'cyan',
  completed: 'green',
  cancelled: 'default',
  refunded: 'red',
};

export function readOrderFilters(params: URLSearchParams): OrderFilters {
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  return {
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 20,
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as OrderFilters['status'],
    orderNo: params.get('orderNo') ?? undefined,
    memberId: num('memberId'),
    platform: (params.get('platform') as OrderPlatform | null) ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/** The orders of one filter, as a paged table (used by the orders page and a member's page). */
export function OrdersTable({ filters, onPage }: { filters: OrderFilters; onPage: (page: number, pageSize: number) => void }) {
  const { timeZone } = usePermissions();
  const q = useQuery({
    queryKey: ['orders', filters],
    queryFn: () => api.GET('/orders', { params: { query: { ...filters } } }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
      <Table<ConsoleOrderSummary>
        rowKey='id'
        dataSource={q.data?.items}
        loading={q.isFetching && !q.isPending}
        scroll={{ x: 960 }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: q.data?.total,
          showTotal: zh.common.total,
          showSizeChanger: true,
          onChange: onPage,
        }}
        columns={[
          {
            title: zh.orders.orderNo,
            key: 'orderNo',
            width: 200,
            render: (_, o) => (
              <Link to={`/orders/${o.id}`} className='nowrap' data-testid='order-link'>
                {o.orderNo}
              </Link>
            ),
          },
          {
            title: zh.orders.items,
            key: 'items',
            minWidth: 180,
            render: (_, o) => (
              <span>
                {o.lines[0]?.title ?? ''}
                {o.lines.length > 1 ? ` 等 ${o.lines.length} 件` : ''}
              </span>
            ),
          },
          { title: zh.orders.amount, key: 'amount', width: 120, render: (_, o) => <span className='money'>{yuan(o.payableFen)}</span> },
          {
            title: zh.orders.status,
            key: 'status',
            width: 100,
            render: (_, o) => <Tag color={ORDER_STATUS_COLORS[o.status]}>{zh.orders.statuses[o.status]}</Tag>,
          },
          {
            title: zh.orders.platform,
            key: 'platform',
            width: 100,
            render: (_, o) => {
              const p = o.platform ?? o.paymentPlatform;
              return p ? zh.platforms[p] : zh.common.none;
            },
          },
          { title: zh.orders.member, key: 'member', width: 90, render: (_, o) => <Link to={`/members/${o.memberId}`}>{o.memberId}</Link> },
          {
            title: zh.orders.createdAt,
            key: 'createdAt',
            width: 170,
            render: (_, o) => <span className='nowrap'>{dateTime(o.createdAt, timeZone)}</span>,
          },
        ]}
      />
    </PageState>
  );
}

interface FilterForm {
  status?: OrderFilters['status'];
  orderNo?: string;
  memberId?: number;
  platform?: OrderPlatform;
  range?: [Dayjs, Dayjs] | null;
}

export default function OrderListPage() {
  const [params, setParams] = useSearchParams();
  const filters = readOrderFilters(params);
  const setFilters = (next: Partial<OrderFilters>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...next })) if (v !== undefined && v !== '' && v !== null) p.set(k, String(v));
    setParams(p);
  };
  const { page: _p, pageSize: _s, ...exportFilters } = filters;

  return (
    <div>
      <div className='page-header'>
        <h2>{zh.orders.title}</h2>
        <Button icon={<DownloadOutlined />} href={api.href('/orders/export.csv', { query: exportFilters })} data-testid='orders-export'>
          {zh.orders.export}
        </Button>
      </div>
      <Card className='filters'>
        <Form<FilterForm>
          layout='inline'
          style={{ rowGap: 12 }}
          initialValues={{ ...filters, range: filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null }}
          onFinish={(v) =>
            setFilters({
              status: v.status,
              orderNo: v.orderNo?.trim() || undefined,
              memberId: v.memberId ?? undefined,
              platform: v.platform,
              from: v.range?.[0]?.format('YYYY-MM-DD'),
              to: v.range?.[1]?.format('YYYY-MM-DD'),
              page: 1,
            })
          }
          onReset={() => setParams(new URLSearchParams())}
        >
          <Form.Item name='status' label={zh.orders.status}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={Object.entries(zh.orders.statuses).map(([value, label]) => ({ value, label }))}
              data-testid='orders-status'
            />
          </Form.Item>
          <Form.Item name='platform' label={zh.orders.platform}>
            <Select allowClear style={{ width: 110 }} options={Object.entries(zh.platforms).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name='range' label={zh.orders.dateRange}>
            <DatePicker.RangePicker style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name='orderNo' label={zh.orders.orderNo}>
            <Input allowClear style={{ width: 200 }} data-testid='orders-order-no' />
          </Form.Item>
          <Form.Item name='memberId' label={zh.orders.member}>
            <InputNumber min={1} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type='primary' htmlType='submit' data-testid='orders-search'>
                {zh.common.search}
              </Button>
              <Button htmlType='reset'>{zh.common.reset}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <OrdersTable filters={filters} onPage={(page, pageSize) => setFilters({ page, pageSize })} />
      </Card>
    </div>
  );
}
