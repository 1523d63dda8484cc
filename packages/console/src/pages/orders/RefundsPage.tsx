import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PagedTable, usePagedQuery } from '../../components/ListPage';
import { zh } from '../../i18n/zh-CN';
import { reportError } from '../../lib/form-errors';
import { dateTime, yuan } from '../../lib/format';
import { RefundActions } from './RefundActions';

type MerchantRefund = Schemas['MerchantRefund'];
type PaymentException = Schemas['PaymentException'];

const REFUND_COLORS: Record<string, string> = { requested: 'gold', rejected: 'default', processing: 'blue', succeeded: 'green', failed: 'red' };

function RefundQueue() {
  const { timeZone } = usePermissions();
  const [status, setStatus] = useState<QueryOf<'/refunds'>['status']>('requested');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = usePagedQuery(['refunds', status, page], () => api.GET('/refunds', { params: { query: { status, ...page } } }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{zh.refunds.status}</Typography.Text>
        <Select
          allowClear
          style={{ width: 140 }}
          value={status}
          placeholder={zh.common.all}
          onChange={(v) => {
            setStatus(v);
            setPage({ ...page, page: 1 });
          }}
          options={Object.entries(zh.refunds.statuses).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <PagedTable<MerchantRefund>
        query={q}
        paging={page}
        onPage={(p, s) => setPage({ page: p, pageSize: s })}
        scroll={{ x: 1250 }}
        columns={[
          { title: zh.refunds.refundNo, dataIndex: 'refundNo', width: 200 },
          { title: zh.refunds.orderNo, key: 'order', width: 200, render: (_, r) => <Link to={`/orders/${r.orderId}`}>{r.orderNo}</Link> },
          { title: zh.refunds.amount, key: 'amount', width: 110, render: (_, r) => <span className='money'>{yuan(r.amountFen)}</span> },
          { title: zh.refunds.reason, dataIndex: 'reason', width: 240 },
          {
            title: zh.refunds.status,
            key: 'status',
            width: 100,
            render: (_, r) => <Tag color={REFUND_COLORS[r.status]}>{zh.refunds.statuses[r.status]}</Tag>,
          },
          {
            title: zh.refunds.createdAt,
            key: 'at',
            width: 170,
            render: (_, r) => <span className='nowrap'>{dateTime(r.createdAt, timeZone)}</span>,
          },
          { title: zh.common.actions, key: 'actions', width: 190, fixed: 'right', render: (_, r) => <RefundActions refund={r} /> },
        ]}
      />
    </>
  );
}

function PaymentExceptions() {
  const { timeZone } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = usePagedQuery(['payment-exceptions', page], () => api.GET('/payment-exceptions', { params: { query: page } }));
  const retry = useMutation({
    mutationFn: (id: number) => api.POST('/payment-exceptions/{id}/retry', { params: { path: { id } } }),
    onSuccess: () => {
      message.success(zh.refunds.retried);
      void queryClient.invalidateQueries({ queryKey: ['payment-exceptions'] });
    },
    onError: (err) => reportError(null, err, message),
  });
  return (
    <PagedTable<PaymentException>
      query={q}
      paging={page}
      onPage={(p, s) => setPage({ page: p, pageSize: s })}
      scroll={{ x: 1350 }}
      columns={[
        { title: zh.refunds.orderNo, key: 'order', width: 200, render: (_, e) => <Link to={`/orders/${e.orderId}`}>{e.orderNo}</Link> },
        { title: zh.refunds.kind, key: 'kind', width: 170, render: (_, e) => zh.refunds.exceptionKinds[e.kind] },
        { title: zh.orders.platform, key: 'platform', width: 80, render: (_, e) => zh.platforms[e.platform] },
        { title: zh.refunds.amount, key: 'amount', width: 110, render: (_, e) => <span className='money'>{yuan(e.amountFen)}</span> },
        {
          title: zh.refunds.state,
          key: 'state',
          width: 120,
          render: (_, e) => (
            <Tag color={e.state === 'refund_failed' ? 'red' : e.state === 'refunded' ? 'green' : 'blue'}>{zh.refunds.exceptionStates[e.state]}</Tag>
          ),
        },
        { title: zh.refunds.attempts, dataIndex: 'attempts', width: 90 },
        {
          title: zh.refunds.lastError,
          key: 'err',
          width: 260,
          ellipsis: true,
          render: (_, e) => (e.lastError ? <Tooltip title={e.lastError}>{e.lastError}</Tooltip> : zh.common.none),
        },
        { title: zh.refunds.createdAt, key: 'at', width: 170, render: (_, e) => dateTime(e.createdAt, timeZone) },
        {
          title: zh.common.actions,
          key: 'actions',
          width: 110,
          fixed: 'right',
          render: (_, e) =>
            e.state === 'refund_failed' ? (
              <Guard>
                <Button size='small' loading={retry.isPending && retry.variables === e.id} onClick={() => retry.mutate(e.id)}>
                  {zh.refunds.retry}
                </Button>
              </Guard>
            ) : null,
        },
      ]}
    />
  );
}

export default function RefundsPage() {
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.refunds.title}</h2>
      </div>
      <Card>
        <Tabs
          items={[
            { key: 'refunds', label: zh.refunds.tabRefunds, children: <RefundQueue /> },
            { key: 'exceptions', label: zh.refunds.tabExceptions, children: <PaymentExceptions /> },
          ]}
        />
      </Card>
    </div>
  );
}
