import { PointsAdjustmentRequest } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { adjustmentErrors, adjustmentField } from '../../lib/adjustment';
import { applyFieldErrors, checkRule, type IssueWords, reportError } from '../../lib/form-errors';
import { dateTime, dayjs } from '../../lib/format';
import { entryMatches, LEDGER_KINDS, LEDGER_REASONS, type LedgerFilters, ledgerQuery, orderOfSource } from './points-ledger';
import { DirectionField } from '../../components/DirectionField';

type MerchantPointsEntry = Schemas['MerchantPointsEntry'];
type MerchantPointsLedgerPage = Schemas['MerchantPointsLedgerPage'];
type PointsSummary = Schemas['PointsSummary'];

const t = zh.points;
const PAGE_SIZE = 20;

export const memberPointsKey = (memberId: number) => ['member-points', memberId] as const;
const ledgerKey = (memberId: number, filters?: LedgerFilters, cursor?: number) =>
  filters === undefined ? ['ledger', memberId] : ['ledger', memberId, filters, cursor ?? null];

/** Available, pending, debt and the next expiry. */
export function PointsFigures({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const q = useQuery({ queryKey: memberPointsKey(memberId), queryFn: () => api.GET('/members/{id}/points', { params: { path: { id: memberId } } }) });
  const s = q.data;
  return (
    <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
      {s && (
        <Space size={48} wrap style={{ marginBottom: 16 }} data-testid='member-points-figures'>
          <Statistic title={t.available} value={s.available} valueRender={() => <span data-testid='member-points'>{s.available}</span>} />
          <Statistic
            title={
              <Tooltip title={t.pendingHint}>
                <span>{t.pending}</span>
              </Tooltip>
            }
            value={s.pending}
            valueRender={() => <span data-testid='member-points-pending'>{s.pending}</span>}
          />
          {s.debt > 0 && (
            <Statistic
              title={
                <Tooltip title={t.debtHint}>
                  <span>{t.debt}</span>
                </Tooltip>
              }
              value={s.debt}
              valueStyle={{ color: '#cf1322' }}
            />
          )}
          <Statistic
            title={t.nextExpiry}
            value={s.nextExpiries[0]?.points ?? 0}
            valueRender={() => (
              <span style={{ fontSize: 16 }} data-testid='member-points-expiry'>
                {s.nextExpiries[0] ? (
                  <Space size={8}>
                    <span>{t.nextExpiryValue(s.nextExpiries[0].points, dateTime(s.nextExpiries[0].at, timeZone).slice(0, 16))}</span>
                    {s.expiringSoon && <Tag color='orange'>{t.expiringSoon}</Tag>}
                  </Space>
                ) : (
                  <Typography.Text type='secondary'>{t.noExpiry}</Typography.Text>
                )}
              </span>
            )}
          />
        </Space>
      )}
    </PageState>
  );
}

/** The ledger, newest first: filters by kind, reason, direction and days; pages by the server's cursor. */
export function PointsLedger({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const [filters, setFilters] = useState<LedgerFilters>({});
  // The cursors of the pages seen so far: [undefined (first page), after page 1, after page 2, …].
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const pageIndex = cursors.length - 1;
  const cursor = cursors[pageIndex];
  const q = useQuery({
    queryKey: ledgerKey(memberId, filters, cursor),
    queryFn: () => api.GET('/members/{id}/points-ledger', { params: { path: { id: memberId }, query: ledgerQuery(filters, cursor, PAGE_SIZE) } }),
    placeholderData: (prev) => prev,
  });
  const filter = (next: Partial<LedgerFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setCursors([undefined]);
  };
  const filtered = Object.values(filters).some(Boolean);
  const entries = q.data?.entries ?? [];
  return (
    <div data-testid='points-ledger'>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t.allKinds}
          style={{ width: 130 }}
          value={filters.kind}
          onChange={(kind) => filter({ kind })}
          options={LEDGER_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
          data-testid='ledger-kind'
        />
        <Select
          allowClear
          placeholder={t.allReasons}
          style={{ width: 150 }}
          value={filters.reason}
          onChange={(reason) => filter({ reason })}
          options={LEDGER_REASONS.map((r) => ({ value: r, label: zh.members.ledgerReasons[r] }))}
          data-testid='ledger-reason'
        />
        <Select
          allowClear
          placeholder={t.allDirections}
          style={{ width: 130 }}
          value={filters.direction}
          onChange={(direction) => filter({ direction })}
          options={(['in', 'out'] as const).map((d) => ({ value: d, label: t.directions[d] }))}
          data-testid='ledger-direction'
        />
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => filter({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          data-testid='ledger-period'
        />
        {filtered && (
          <Button onClick={() => filter({ kind: undefined, reason: undefined, direction: undefined, from: undefined, to: undefined })}>
            {zh.common.reset}
          </Button>
        )}
      </Space>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        <Table<MerchantPointsEntry>
          rowKey='id'
          size='small'
          pagination={false}
          loading={q.isFetching && !q.isPending}
          dataSource={entries}
          locale={{ emptyText: filtered ? t.filteredEmpty : zh.common.empty }}
          columns={[
            {
              title: t.at,
              key: 'at',
              width: 170,
              render: (_, e) => <span className='nowrap'>{dateTime(e.createdAt, timeZone)}</span>,
            },
            { title: t.kind, key: 'kind', width: 100, render: (_, e) => <Tag>{t.kinds[e.kind]}</Tag> },
            { title: zh.members.reason, key: 'reason', width: 110, render: (_, e) => zh.members.ledgerReasons[e.reason] },
            {
              title: zh.members.delta,
              key: 'delta',
              width: 90,
              align: 'right',
              render: (_, e) => (
                <Typography.Text type={e.delta > 0 ? 'success' : 'danger'} data-testid='ledger-delta'>
                  {e.delta > 0 ? `+${e.delta}` : e.delta}
                </Typography.Text>
              ),
            },
            {
              title: zh.members.note,
              key: 'note',
              minWidth: 200,
              render: (_, e) => {
                const orderId = orderOfSource(e.sourceKey);
                const note = e.note && e.reason !== 'task' ? e.note : null;
                if (orderId)
                  return (
                    <Space size={8} wrap>
                      <Link to={`/orders/${orderId}`}>{t.orderLink(orderId)}</Link>
                      {note}
                    </Space>
                  );
                return note ?? (e.reason === 'task' && e.note ? (t.tasks[e.note] ?? e.note) : zh.common.none);
              },
            },
            { title: zh.members.byStaff, key: 'staff', width: 100, render: (_, e) => (e.staffId ? t.staffNo(e.staffId) : zh.common.none) },
          ]}
        />
        <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
          <Button disabled={pageIndex === 0} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid='ledger-prev'>
            {t.prevPage}
          </Button>
          <Typography.Text className='nowrap'>{t.pageNo(pageIndex + 1)}</Typography.Text>
          <Button
            disabled={!q.data?.nextCursor || q.isPlaceholderData}
            onClick={() => setCursors((c) => [...c, q.data!.nextCursor!])}
            data-testid='ledger-next'
          >
            {t.nextPage}
          </Button>
        </Space>
      </PageState>
    </div>
  );
}

function newKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

interface AdjustForm {
  direction: 'grant' | 'deduct';
  amount: number;
  reason: string;
}

const ADJUST_WORDS: IssueWords = {
  'reason:too_small': t.reasonRequired,
  'reason:invalid_type': t.reasonRequired,
  'delta:over_deductible': (issue) => zh.members.balanceAfterTooLow(Number(issue.params?.max)),
};
/** The adjustment checked by the contract, and a deduction past the balance, before it is sent. */
const adjustErrors = (v: Partial<AdjustForm>, available: number) =>
  adjustmentErrors(PointsAdjustmentRequest, v, {
    takeAway: 'deduct',
    left: available,
    limitCode: 'over_deductible',
    words: ADJUST_WORDS,
    labels: { delta: zh.members.amount },
  });

/** Grant or deduct by hand with a reason (owner, operator); the entry shows at the top of the ledger at once. */
export function AdjustPoints({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const [open, setOpen] = useState(false);
  // One key per adjustment the merchant means: a resent request (a double click, a retry) posts nothing twice.
  const [key, setKey] = useState(newKey);
  const [form] = Form.useForm<AdjustForm>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const summary = useQuery({
    queryKey: memberPointsKey(memberId),
    queryFn: () => api.GET('/members/{id}/points', { params: { path: { id: memberId } } }),
  });
  const available = summary.data?.available ?? 0;
  const m = useMutation({
    mutationFn: (v: AdjustForm) =>
      api.POST('/members/{id}/points-adjustments', {
        params: { path: { id: memberId } },
        body: {
          delta: v.direction === 'grant' ? v.amount : -v.amount,
          reason: v.reason.trim(),
          key,
        },
      }),
    onSuccess: (r) => {
      message.success(t.adjustedEntry(r.entry.delta));
      setOpen(false);
      setKey(newKey());
      form.resetFields();
      // At once: the entry on top of every first page it belongs to, the new balance; then the server's word.
      for (const [qk, page] of queryClient.getQueriesData<MerchantPointsLedgerPage>({ queryKey: ledgerKey(memberId) })) {
        const [, , filters, cursor] = qk as [string, number, LedgerFilters, number | null];
        if (!page || cursor !== null || !entryMatches(filters, r.entry, timeZone) || page.entries.some((e) => e.id === r.entry.id)) continue;
        queryClient.setQueryData<MerchantPointsLedgerPage>(qk, { ...page, balance: r.balance, entries: [r.entry, ...page.entries] });
      }
      queryClient.setQueryData<PointsSummary>(memberPointsKey(memberId), (s) => (s ? { ...s, available: r.balance } : s));
      void queryClient.invalidateQueries({ queryKey: ['member', memberId] });
      void queryClient.invalidateQueries({ queryKey: memberPointsKey(memberId) });
      void queryClient.invalidateQueries({ queryKey: ledgerKey(memberId) });
    },
    onError: (err) => {
      applyFieldErrors(form, err, adjustmentField, ADJUST_WORDS);
      reportError(null, err, message);
      // A refused key (already posted) is spent: the next attempt is a new adjustment.
      setKey(newKey());
    },
  });
  return (
    <>
      <Guard>
        <Button type='primary' onClick={() => setOpen(true)} data-testid='points-adjust'>
          {zh.members.adjust}
        </Button>
      </Guard>
      <Modal
        open={open}
        title={zh.members.adjust}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'points-adjust-submit' } as Record<string, string>}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type='secondary'>
          {zh.members.balance(available)}。{t.adjustHint}
        </Typography.Paragraph>
        <Form form={form} layout='vertical' initialValues={{ direction: 'grant' }} onFinish={(v) => m.mutate(v)}>
          <DirectionField />
          <Form.Item
            name='amount'
            label={zh.members.amount}
            dependencies={['direction']}
            required
            rules={[checkRule((v: AdjustForm) => adjustErrors(v, available), 'amount')]}
          >
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid='points-adjust-amount' />
          </Form.Item>
          <Form.Item name='reason' label={zh.members.reason} required rules={[checkRule((v: AdjustForm) => adjustErrors(v, available), 'reason')]}>
            <Input maxLength={200} showCount data-testid='points-adjust-reason' />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
