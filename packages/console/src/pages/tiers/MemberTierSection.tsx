import { GrowthAdjustmentRequest } from '@siyu/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { adjustmentErrors, adjustmentField } from '../../lib/adjustment';
import { applyFieldErrors, checkRule, type IssueWords, reportError } from '../../lib/form-errors';
import { dateTime } from '../../lib/format';
import { DirectionField } from '../../components/DirectionField';

type MerchantGrowthLedgerPage = Schemas['MerchantGrowthLedgerPage'];
type TierChange = Schemas['TierChange'];

const t = zh.tiers;
type Entry = MerchantGrowthLedgerPage['entries'][number];
type AdjustForm = { direction: 'grant' | 'deduct'; amount: number; reason: string };

const ADJUST_WORDS: IssueWords = { 'delta:over_deductible': (issue) => t.afterTooLow(Number(issue.params?.max)) };
/** The adjustment checked by the contract, and a deduction past the member's growth, before it is sent. */
const adjustErrors = (v: Partial<AdjustForm>, growth: number) =>
  adjustmentErrors(GrowthAdjustmentRequest, v, {
    takeAway: 'deduct',
    left: growth,
    limitCode: 'over_deductible',
    words: ADJUST_WORDS,
    labels: { delta: t.amount, reason: t.reason },
  });

const newKey = () => crypto.randomUUID().replaceAll('-', '');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function AdjustGrowth({ memberId, growth }: { memberId: number; growth: number }) {
  const [open, setOpen] = useState(false);
  // One key per adjustment the merchant means: a double click or a retry posts once.
  const [key, setKey] = useState(newKey);
  const [form] = Form.useForm<AdjustForm>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const m = useMutation({
    mutationFn: (v: AdjustForm) =>
      api.POST('/members/{id}/growth-adjustments', {
        params: { path: { id: memberId } },
        body: {
          delta: v.direction === 'grant' ? v.amount : -v.amount,
          reason: v.reason.trim(),
          key,
        },
      }),
    onSuccess: () => {
      message.success(t.adjusted);
      setOpen(false);
      setKey(newKey());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['member-tier', memberId] });
      void queryClient.invalidateQueries({ queryKey: ['growth-ledger', memberId] });
    },
    onError: (err) => {
      applyFieldErrors(form, err, adjustmentField, ADJUST_WORDS);
      reportError(null, err, message);
    },
  });
  return (
    <>
      <Guard>
        <Button onClick={() => setOpen(true)} data-testid='growth-adjust'>
          {t.adjust}
        </Button>
      </Guard>
      <Modal open={open} title={t.adjust} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={m.isPending} destroyOnHidden>
        <Typography.Paragraph type='secondary'>
          {t.growth}：{growth}
        </Typography.Paragraph>
        <Form form={form} layout='vertical' initialValues={{ direction: 'grant' }} onFinish={(v) => m.mutate(v)}>
          <DirectionField />
          <Form.Item
            name='amount'
            label={t.amount}
            dependencies={['direction']}
            required
            rules={[checkRule((v: AdjustForm) => adjustErrors(v, growth), 'amount')]}
          >
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid='growth-amount' />
          </Form.Item>
          <Form.Item name='reason' label={t.reason} required rules={[checkRule((v: AdjustForm) => adjustErrors(v, growth), 'reason')]}>
            <Input maxLength={200} data-testid='growth-reason' />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function GrowthLedger({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const q = useInfiniteQuery({
    queryKey: ['growth-ledger', memberId],
    queryFn: ({ pageParam }) =>
      api.GET('/members/{id}/growth-ledger', { params: { path: { id: memberId }, query: { limit: 20, cursor: pageParam } } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = q.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <PageState loading={q.isPending} error={q.error} empty={entries.length === 0} onRetry={() => q.refetch()}>
      <Table<Entry>
        rowKey='id'
        size='small'
        pagination={false}
        dataSource={entries}
        data-testid='growth-ledger'
        columns={[
          { title: t.at, key: 'at', width: 180, render: (_, e) => dateTime(e.createdAt, timeZone) },
          { title: t.reason, key: 'reason', width: 110, render: (_, e) => <Tag>{t.growthReasons[e.reason]}</Tag> },
          {
            title: zh.members.delta,
            key: 'delta',
            width: 90,
            render: (_, e) => <Typography.Text type={e.delta > 0 ? 'success' : 'danger'}>{signed(e.delta)}</Typography.Text>,
          },
          { title: t.note, key: 'note', render: (_, e) => e.note ?? zh.common.none },
          { title: t.byStaff, key: 'staff', width: 90, render: (_, e) => e.staffId ?? zh.common.none },
        ]}
      />
      {q.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
          {zh.common.loadMore}
        </Button>
      )}
    </PageState>
  );
}

/** 等级与成长值 on a member's page: the tier, growth, the tier history and the growth ledger, and a manual adjustment. */
export function MemberTierSection({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const q = useQuery({ queryKey: ['member-tier', memberId], queryFn: () => api.GET('/members/{id}/tier', { params: { path: { id: memberId } } }) });
  const ladder = useQuery({ queryKey: ['tiers'], queryFn: () => api.GET('/tiers'), staleTime: 60_000 });
  const tierName = (level: number) => ladder.data?.tiers.find((x) => x.level === level)?.name ?? t.unknownLevel(level);
  const d = q.data;
  return (
    <Card title={t.section} extra={d && <AdjustGrowth memberId={memberId} growth={d.growth} />} data-testid='member-tier'>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        {d && (
          <>
            <Descriptions column={{ xs: 1, md: 3, xl: 6 }} size='small' style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t.currentTier}>
                <Tag color='gold' data-testid='member-tier-name'>
                  {d.tierName}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t.growth}>
                <strong data-testid='member-growth'>{d.growth}</strong>
              </Descriptions.Item>
              {d.qualifyingGrowth !== d.growth && <Descriptions.Item label={t.qualifyingGrowth}>{d.qualifyingGrowth}</Descriptions.Item>}
              <Descriptions.Item label={t.reachedAt}>{dateTime(d.reachedAt, timeZone)}</Descriptions.Item>
              <Descriptions.Item label={t.heldUntil}>{d.heldUntil ? dateTime(d.heldUntil, timeZone) : t.heldForever}</Descriptions.Item>
              <Descriptions.Item label={t.birthday}>{d.birthday ?? zh.common.none}</Descriptions.Item>
            </Descriptions>
            <Tabs
              items={[
                {
                  key: 'history',
                  label: t.history,
                  children: (
                    <Table<TierChange>
                      rowKey='id'
                      size='small'
                      pagination={false}
                      dataSource={d.changes}
                      data-testid='tier-history'
                      locale={{ emptyText: zh.common.empty }}
                      columns={[
                        { title: t.at, key: 'at', width: 180, render: (_, c) => dateTime(c.createdAt, timeZone) },
                        {
                          title: t.change,
                          key: 'change',
                          render: (_, c) => t.changeText(tierName(c.fromLevel), tierName(c.toLevel)),
                        },
                        {
                          title: t.reason,
                          key: 'reason',
                          width: 110,
                          render: (_, c) => (
                            <Tag color={c.reason === 'downgrade' ? 'orange' : c.reason === 'upgrade' ? 'green' : 'blue'}>
                              {t.changeReasons[c.reason]}
                            </Tag>
                          ),
                        },
                        { title: t.growthAtChange, dataIndex: 'growth', width: 110 },
                        { title: t.note, key: 'note', render: (_, c) => c.note ?? zh.common.none },
                      ]}
                    />
                  ),
                },
                { key: 'ledger', label: t.ledger, children: <GrowthLedger memberId={memberId} /> },
              ]}
            />
          </>
        )}
      </PageState>
    </Card>
  );
}
