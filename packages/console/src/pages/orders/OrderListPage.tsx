import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api, type MerchantPaths, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { FilterForm, numberParam, PagedTable, type Paging, usePagedQuery, useUrlFilters } from '../../components/ListPage';
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

/** The order filters a URL holds (without the paging). */
export function readOrderFilters(params: URLSearchParams): Omit<OrderFilters, 'page' | 'pageSize'> {
  return {
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as OrderFilters['status'],
    orderNo: params.get('orderNo') ?? undefined,
    memberId: numberParam(params, 'memberId'),
    platform: (params.get('platform') as OrderPlatform | null) ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/** The orders of one filter, as a paged table (used by the orders page and a member's page). */
export function OrdersTable({ filters, onPage }: { filters: OrderFilters & Paging; onPage: (page: number, pageSize: number) => void }) {
  const { timeZone } = usePermissions();
  const q = usePagedQuery(['orders', filters], () => api.GET('/orders', { params: { query: { ...filters } } }));
  return (
    <PagedTable<ConsoleOrderSummary>
      query={q}
      paging={filters}
      onPage={onPage}
      scroll={{ x: 960 }}
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
  );
}

interface OrderFilterForm {
  status?: OrderFilters['status'];
  orderNo?: string;
  memberId?: number;
  platform?: OrderPlatform;
  range?: [Dayjs, Dayjs] | null;
}

export default function OrderListPage() {
  const { filters, setFilters, resetFilters } = useUrlFilters(readOrderFilters);
  const { page: _p, pageSize: _s, ...exportFilters } = filters;

  return (
    <div>
      <div className='page-header'>
        <h2>{zh.orders.title}</h2>
        <Button icon={<DownloadOutlined />} href={api.href('/orders/export.csv', { query: exportFilters })} data-testid='orders-export'>
          {zh.orders.export}
        </Button>
      </div>
      <FilterForm<OrderFilterForm>
        searchTestId='orders-search'
        initialValues={{ ...filters, range: filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null }}
        onFinish={(v) =>
          setFilters({
            status: v.status,
            orderNo: v.orderNo?.trim() || undefined,
            memberId: v.memberId ?? undefined,
            platform: v.platform,
            from: v.range?.[0]?.format('YYYY-MM-DD'),
            to: v.range?.[1]?.format('YYYY-MM-DD'),
          })
        }
        onReset={resetFilters}
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
      </FilterForm>
      <Card>
        <OrdersTable filters={filters} onPage={(page, pageSize) => setFilters({ page, pageSize })} />
      </Card>
    </div>
  );
}
