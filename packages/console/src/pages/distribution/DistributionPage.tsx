import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { reportError } from '../../lib/form-errors';
import { dateTime, dayjs, yuan } from '../../lib/format';

type Withdrawal = Schemas['MerchantWithdrawal'];
type Distributor = Schemas['Distributor'];
type LedgerEntry = Schemas['CommissionLedgerEntry'];
type GuideRow = Schemas['DistributionPerformance']['guides'][number];

const t = zh.distribution;
const WITHDRAWAL_COLORS: Record<string, string> = {
  requested: 'gold',
  paying: 'blue',
  awaiting_confirmation: 'blue',
  paid: 'green',
  failed: 'red',
  refused: 'default',
};
const DISTRIBUTOR_COLORS: Record<string, string> = { pending: 'gold', active: 'green', frozen: 'default', refused: 'default' };

/** The withdrawal queue: approve (paid out through WeChat or Alipay; Douyin by hand), refuse, record a manual payout. */
function Withdrawals() {
  const { message } = App.useApp();
  const { canEdit, timeZone } = usePermissions();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Withdrawal['status'] | undefined>('requested');
  const [manual, setManual] = useState<Withdrawal | null>(null);
  const [reference, setReference] = useState('');
  const q = useQuery({ queryKey: ['withdrawals', status], queryFn: () => api.GET('/withdrawals', { params: { query: { limit: 100, status } } }) });
  const done = () => void queryClient.invalidateQueries({ queryKey: ['withdrawals'] });
  const decide = useMutation({
    mutationFn: (v: { id: number; decision: 'approve' | 'refuse' }) =>
      api.POST('/withdrawals/{id}/decision', { params: { path: { id: v.id } }, body: { decision: v.decision } }),
    onSuccess: (w) => {
      message.success(t.withdrawalStatuses[w.status]);
      done();
    },
    onError: (err) => reportError(null, err, message),
  });
  const record = useMutation({
    mutationFn: (v: { id: number; reference: string }) =>
      api.POST('/withdrawals/{id}/manual-payout', { params: { path: { id: v.id } }, body: { reference: v.reference } }),
    onSuccess: () => {
      message.success(t.withdrawalStatuses.paid);
      setManual(null);
      done();
    },
    onError: (err) => reportError(null, err, message),
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t.allStatuses}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(t.withdrawalStatuses).map(([value, label]) => ({ value, label }))}
          data-testid='withdrawal-status-filter'
        />
      </Space>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        <Table<Withdrawal>
          rowKey='id'
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            { title: t.billNo, key: 'bill', width: 260, render: (_, w) => <span style={{ fontFamily: 'monospace', fontSize: 13 }}>{w.billNo}</span> },
            { title: t.member, key: 'member', width: 90, render: (_, w) => <Link to={`/members/${w.memberId}`}>#{w.memberId}</Link> },
            { title: t.amount, key: 'amount', width: 110, render: (_, w) => yuan(w.amountFen) },
            { title: t.fee, key: 'fee', width: 90, render: (_, w) => yuan(w.feeFen) },
            { title: t.platform, key: 'platform', width: 110, render: (_, w) => t.payoutChannels[w.platform] },
            {
              title: t.status,
              key: 'status',
              width: 130,
              render: (_, w) => (
                <Tag color={WITHDRAWAL_COLORS[w.status]} data-testid={`withdrawal-status-${w.id}`}>
                  {t.withdrawalStatuses[w.status]}
                </Tag>
              ),
            },
            { title: t.createdAt, key: 'at', width: 160, render: (_, w) => <span className='nowrap'>{dateTime(w.createdAt, timeZone)}</span> },
            {
              title: zh.common.actions,
              key: 'actions',
              fixed: 'right',
              width: 200,
              render: (_, w) =>
                canEdit ? (
                  <Space>
                    {w.status === 'requested' && (
                      <>
                        <Button
                          size='small'
                          type='primary'
                          onClick={() => decide.mutate({ id: w.id, decision: 'approve' })}
                          data-testid={`withdrawal-approve-${w.id}`}
                        >
                          {t.approve}
                        </Button>
                        <Button size='small' danger onClick={() => decide.mutate({ id: w.id, decision: 'refuse' })}>
                          {t.refuse}
                        </Button>
                      </>
                    )}
                    {w.status === 'paying' && w.platform === 'tt' && (
                      <Button size='small' onClick={() => setManual(w)}>
                        {t.recordManual}
                      </Button>
                    )}
                  </Space>
                ) : null,
            },
          ]}
        />
      </PageState>
      <Modal
        open={manual !== null}
        title={t.recordManual}
        onCancel={() => setManual(null)}
        onOk={() => manual && record.mutate({ id: manual.id, reference: reference.trim() })}
        confirmLoading={record.isPending}
        destroyOnHidden
      >
        <Input placeholder={t.reference} maxLength={64} value={reference} onChange={(e) => setReference(e.target.value)} />
      </Modal>
    </>
  );
}

/** Distributors: approve an application, freeze or unfreeze, refuse. */
function Distributors() {
  const { message } = App.useApp();
  const { canEdit, timeZone } = usePermissions();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Distributor['status'] | undefined>();
  const q = useQuery({ queryKey: ['distributors', status], queryFn: () => api.GET('/distributors', { params: { query: { limit: 100, status } } }) });
  const change = useMutation({
    mutationFn: (v: { id: number; status: 'active' | 'frozen' | 'refused' }) =>
      api.POST('/distributors/{id}/status', { params: { path: { id: v.id } }, body: { status: v.status } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['distributors'] }),
    onError: (err) => reportError(null, err, message),
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t.allStatuses}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(t.distributorStatuses).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        <Table<Distributor>
          rowKey='id'
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t.member,
              key: 'member',
              width: 160,
              render: (_, d) => <Link to={`/members/${d.memberId}`}>{`${d.nickname} #${d.memberId}`}</Link>,
            },
            {
              title: t.status,
              key: 'status',
              width: 110,
              render: (_, d) => <Tag color={DISTRIBUTOR_COLORS[d.status]}>{t.distributorStatuses[d.status]}</Tag>,
            },
            { title: t.qualifiedBy, key: 'by', width: 110, render: (_, d) => t.qualifiedByText[d.qualifiedBy] },
            { title: t.frozen, key: 'frozen', width: 110, render: (_, d) => yuan(d.frozenFen) },
            { title: t.balance, key: 'balance', width: 110, render: (_, d) => yuan(d.balanceFen) },
            { title: t.debt, key: 'debt', width: 100, render: (_, d) => yuan(d.debtFen) },
            { title: t.customers, key: 'customers', width: 90, dataIndex: 'customers' },
            { title: t.createdAt, key: 'at', width: 160, render: (_, d) => <span className='nowrap'>{dateTime(d.createdAt, timeZone)}</span> },
            {
              title: zh.common.actions,
              key: 'actions',
              fixed: 'right',
              width: 180,
              render: (_, d) =>
                canEdit ? (
                  <Space>
                    {(d.status === 'pending' || d.status === 'frozen') && (
                      <Button size='small' type='primary' onClick={() => change.mutate({ id: d.id, status: 'active' })}>
                        {d.status === 'pending' ? t.approve : t.unfreeze}
                      </Button>
                    )}
                    {d.status === 'pending' && (
                      <Button size='small' danger onClick={() => change.mutate({ id: d.id, status: 'refused' })}>
                        {t.refuse}
                      </Button>
                    )}
                    {d.status === 'active' && (
                      <Button size='small' onClick={() => change.mutate({ id: d.id, status: 'frozen' })}>
                        {t.freeze}
                      </Button>
                    )}
                  </Space>
                ) : null,
            },
          ]}
        />
      </PageState>
    </>
  );
}

/** The commission ledger, newest first. */
function Ledger() {
  const { timeZone } = usePermissions();
  const q = useQuery({ queryKey: ['commission-ledger'], queryFn: () => api.GET('/distribution/ledger', { params: { query: { limit: 100 } } }) });
  return (
    <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
      <Table<LedgerEntry>
        rowKey='id'
        dataSource={q.data?.entries ?? []}
        pagination={false}
        columns={[
          { title: t.createdAt, key: 'at', width: 170, render: (_, e) => <span className='nowrap'>{dateTime(e.createdAt, timeZone)}</span> },
          { title: t.distributor, key: 'd', width: 100, render: (_, e) => `#${e.distributorId}` },
          { title: t.kind, key: 'kind', width: 120, render: (_, e) => t.ledgerKinds[e.kind] },
          {
            title: t.amount,
            key: 'delta',
            width: 120,
            render: (_, e) => (
              <span style={{ color: e.deltaFen < 0 ? '#cf1322' : '#389e0d' }}>{`${e.deltaFen > 0 ? '+' : '−'}${yuan(Math.abs(e.deltaFen))}`}</span>
            ),
          },
          { title: t.source, key: 'source', render: (_, e) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{e.sourceKey}</span> },
        ]}
      />
    </PageState>
  );
}

/** Performance by guide and store over the last 30 days. */
function Performance() {
  const to = dayjs().add(1, 'day').startOf('day');
  const from = to.subtract(30, 'day');
  const q = useQuery({
    queryKey: ['distribution-performance'],
    queryFn: () => api.GET('/distribution/performance', { params: { query: { from: from.toISOString(), to: to.toISOString() } } }),
  });
  const figures = [
    { title: t.newMembers, key: 'newMembers', dataIndex: 'newMembers', width: 100 },
    { title: t.orders, key: 'orders', dataIndex: 'orders', width: 90 },
    { title: t.paidSales, key: 'paid', width: 120, render: (_: unknown, r: { paidFen: number }) => yuan(r.paidFen) },
    { title: t.refunds, key: 'refunded', width: 120, render: (_: unknown, r: { refundedFen: number }) => yuan(r.refundedFen) },
    { title: t.commission, key: 'commission', width: 120, render: (_: unknown, r: { commissionFen: number }) => yuan(r.commissionFen) },
  ];
  return (
    <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
      <Card size='small' title={t.byStore} style={{ marginBottom: 16 }}>
        <Table
          rowKey='storeId'
          dataSource={q.data?.stores ?? []}
          pagination={false}
          columns={[{ title: t.store, key: 's', dataIndex: 'storeName' }, ...figures]}
        />
      </Card>
      <Card size='small' title={t.byGuide}>
        <Table<GuideRow>
          rowKey='guideId'
          dataSource={q.data?.guides ?? []}
          pagination={false}
          columns={[{ title: t.guide, key: 'g', render: (_: unknown, r: GuideRow) => `#${r.staffId} · ${r.storeName}` }, ...figures]}
        />
      </Card>
    </PageState>
  );
}

/** 分销: the withdrawal queue with payout states, distributors, the commission ledger, and performance by guide and store. */
export default function DistributionPage() {
  return (
    <div>
      <div className='page-header'>
        <h2>{t.title}</h2>
      </div>
      <Card>
        <Tabs
          items={[
            { key: 'withdrawals', label: t.tabs.withdrawals, children: <Withdrawals /> },
            { key: 'distributors', label: t.tabs.distributors, children: <Distributors /> },
            { key: 'ledger', label: t.tabs.ledger, children: <Ledger /> },
            { key: 'performance', label: t.tabs.performance, children: <Performance /> },
          ]}
        />
      </Card>
    </div>
  );
}
