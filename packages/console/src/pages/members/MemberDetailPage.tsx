import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Avatar,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { MemberCheckIns, MerchantMemberDetail, MerchantPointsEntry, MerchantPointsLedgerPage, PointsAdjustmentResult } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors, reportError } from '../../lib/form-errors';
import { dateTime, dayjs } from '../../lib/format';
import { OrdersTable } from '../orders/OrderListPage';
import { MemberTierSection } from '../tiers/MemberTierSection';

function newKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

function AdjustPoints({ member }: { member: MerchantMemberDetail }) {
  const [open, setOpen] = useState(false);
  // One key per adjustment the merchant means: a resent request (a double click, a retry) posts nothing twice.
  const [key, setKey] = useState(newKey);
  const [form] = Form.useForm<{ direction: 'grant' | 'deduct'; amount: number; reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const m = useMutation({
    mutationFn: (v: { direction: 'grant' | 'deduct'; amount: number; reason: string }) =>
      api.post<PointsAdjustmentResult>(`/members/${member.id}/points-adjustments`, {
        delta: v.direction === 'grant' ? v.amount : -v.amount,
        reason: v.reason,
        key,
      }),
    onSuccess: () => {
      message.success(zh.members.adjusted);
      setOpen(false);
      setKey(newKey());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['member', member.id] });
      void queryClient.invalidateQueries({ queryKey: ['ledger', member.id] });
    },
    onError: (err) => {
      applyFieldErrors(form, err, (f) => (f === 'delta' ? 'amount' : f === 'key' ? null : f));
      reportError(null, err, message);
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
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type='secondary'>{zh.members.balance(member.pointsBalance)}</Typography.Paragraph>
        <Form form={form} layout='vertical' initialValues={{ direction: 'grant' }} onFinish={(v) => m.mutate(v)}>
          <Form.Item name='direction' label={zh.members.adjustDirection}>
            <Radio.Group
              options={[
                { value: 'grant', label: zh.members.grant },
                { value: 'deduct', label: zh.members.deduct },
              ]}
            />
          </Form.Item>
          <Form.Item
            name='amount'
            label={zh.members.amount}
            dependencies={['direction']}
            rules={[
              { required: true, message: zh.common.required(zh.members.amount) },
              ({ getFieldValue }) => ({
                validator: async (_, v) => {
                  if (getFieldValue('direction') === 'deduct' && typeof v === 'number' && v > member.pointsBalance)
                    throw new Error(zh.members.balanceAfterTooLow(member.pointsBalance));
                },
              }),
            ]}
          >
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name='reason'
            label={zh.members.reason}
            rules={[{ required: true, whitespace: true, message: zh.common.required(zh.members.reason) }, { max: 200 }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Ledger({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const q = useInfiniteQuery({
    queryKey: ['ledger', memberId],
    queryFn: ({ pageParam }) => api.get<MerchantPointsLedgerPage>(`/members/${memberId}/points-ledger`, { limit: 20, cursor: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = q.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <PageState loading={q.isPending} error={q.error} empty={entries.length === 0} onRetry={() => q.refetch()}>
      <Table<MerchantPointsEntry>
        rowKey='id'
        size='small'
        pagination={false}
        dataSource={entries}
        columns={[
          { title: zh.orders.createdAt, key: 'at', width: 180, render: (_, e) => dateTime(e.createdAt, timeZone) },
          { title: zh.members.reason, key: 'reason', width: 110, render: (_, e) => <Tag>{zh.members.ledgerReasons[e.reason]}</Tag> },
          {
            title: zh.members.delta,
            key: 'delta',
            width: 90,
            render: (_, e) => <Typography.Text type={e.delta > 0 ? 'success' : 'danger'}>{e.delta > 0 ? `+${e.delta}` : e.delta}</Typography.Text>,
          },
          { title: zh.members.note, key: 'note', minWidth: 160, render: (_, e) => e.note ?? zh.common.none },
          { title: zh.members.byStaff, key: 'staff', width: 90, render: (_, e) => e.staffId ?? zh.common.none },
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

function CheckIns({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const q = useQuery({
    queryKey: ['member-check-ins', memberId, month],
    queryFn: () => api.get<MemberCheckIns>(`/members/${memberId}/check-ins`, { month }),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{zh.members.month}</Typography.Text>
        <DatePicker
          picker='month'
          allowClear={false}
          value={q.data ? dayjs(`${q.data.month}-01`) : undefined}
          onChange={(d) => setMonth(d?.format('YYYY-MM'))}
        />
      </Space>
      <PageState loading={q.isPending} error={q.error} empty={q.data?.items.length === 0} onRetry={() => q.refetch()}>
        <Table
          rowKey='businessDate'
          size='small'
          pagination={false}
          dataSource={q.data?.items}
          columns={[
            { title: zh.members.month, dataIndex: 'businessDate', width: 140 },
            { title: zh.members.streak, dataIndex: 'streak', width: 100 },
            { title: zh.members.reward, dataIndex: 'reward', width: 100 },
            { title: zh.members.checkedInAt, key: 'at', render: (_, c) => dateTime(c.createdAt, timeZone) },
          ]}
        />
      </PageState>
    </>
  );
}

export default function MemberDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { timeZone } = usePermissions();
  const [ordersPage, setOrdersPage] = useState({ page: 1, pageSize: 10 });
  const q = useQuery({ queryKey: ['member', id], queryFn: () => api.get<MerchantMemberDetail>(`/members/${id}`) });
  const m = q.data;
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.members.detailTitle}</h2>
        <Space>
          <Button onClick={() => navigate(-1)}>{zh.common.back}</Button>
          {m && <AdjustPoints member={m} />}
        </Space>
      </div>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        {m && (
          <Space direction='vertical' size={16} style={{ width: '100%' }}>
            <Card>
              <Space align='start' size='large'>
                <Avatar size={56} src={m.avatarUrl ?? undefined}>
                  {m.nickname.slice(0, 1)}
                </Avatar>
                <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size='small'>
                  <Descriptions.Item label='ID'>{m.id}</Descriptions.Item>
                  <Descriptions.Item label={zh.members.nickname}>{m.nickname}</Descriptions.Item>
                  <Descriptions.Item label={zh.members.points}>
                    <strong data-testid='member-points'>{m.pointsBalance}</strong>
                  </Descriptions.Item>
                  <Descriptions.Item label={zh.members.joinedAt}>{dateTime(m.createdAt, timeZone)}</Descriptions.Item>
                </Descriptions>
              </Space>
            </Card>
            <Card title={zh.members.identities}>
              <Table
                rowKey={(r) => `${r.platform}-${r.appId}-${r.openIdTail}`}
                size='small'
                pagination={false}
                dataSource={m.identities}
                columns={[
                  { title: zh.members.platform, key: 'p', width: 90, render: (_, r) => zh.platforms[r.platform] },
                  { title: zh.members.appId, dataIndex: 'appId' },
                  { title: zh.members.openIdTail, key: 'open', width: 120, render: (_, r) => `…${r.openIdTail}` },
                  { title: zh.members.unionId, key: 'union', width: 90, render: (_, r) => (r.hasUnionId ? zh.common.yes : zh.common.no) },
                  { title: zh.members.joinedAt, key: 'c', width: 180, render: (_, r) => dateTime(r.createdAt, timeZone) },
                  { title: zh.members.lastLoginAt, key: 'l', width: 180, render: (_, r) => dateTime(r.lastLoginAt, timeZone) },
                ]}
              />
            </Card>
            <MemberTierSection memberId={id} />
            <Card>
              <Tabs
                items={[
                  {
                    key: 'orders',
                    label: zh.members.orders,
                    children: (
                      <OrdersTable filters={{ memberId: id, ...ordersPage }} onPage={(page, pageSize) => setOrdersPage({ page, pageSize })} />
                    ),
                  },
                  { key: 'ledger', label: zh.members.ledger, children: <Ledger memberId={id} /> },
                  { key: 'check-ins', label: zh.members.checkIns, children: <CheckIns memberId={id} /> },
                ]}
              />
            </Card>
          </Space>
        )}
      </PageState>
    </div>
  );
}
