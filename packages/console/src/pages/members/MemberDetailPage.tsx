import { useQuery } from '@tanstack/react-query';
import { Avatar, Button, Card, DatePicker, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { dateTime, dayjs } from '../../lib/format';
import { OrdersTable } from '../orders/OrderListPage';
import { AdjustPoints, PointsFigures, PointsLedger } from './MemberPoints';
import { MemberTierSection } from '../tiers/MemberTierSection';

type MemberMerge = Schemas['MemberMerge'];

function CheckIns({ memberId }: { memberId: number }) {
  const { timeZone } = usePermissions();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const q = useQuery({
    queryKey: ['member-check-ins', memberId, month],
    queryFn: () => api.GET('/members/{id}/check-ins', { params: { path: { id: memberId }, query: { month } } }),
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
            {
              title: zh.members.checkedInAt,
              key: 'at',
              render: (_, c) =>
                c.madeUpAt ? (
                  <Space size={4}>
                    <Tag color='orange' data-testid='made-up-tag'>
                      {zh.checkInRules.madeUp}
                    </Tag>
                    {zh.checkInRules.madeUpAt(dateTime(c.madeUpAt, timeZone))}
                  </Space>
                ) : (
                  dateTime(c.createdAt, timeZone)
                ),
            },
          ]}
        />
      </PageState>
    </>
  );
}

const mp = zh.memberProfile;

/** What a merge moved, in words: rows per table, points and growth, reversed duplicates, the tier before and after. */
export function mergeMovedText(m: MemberMerge): string[] {
  const s = m.summary;
  const parts = Object.entries(s.moved)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => mp.movedCount(mp.movedTables[table] ?? table, n));
  if (s.pointsMoved !== 0) parts.push(mp.pointsMoved(s.pointsMoved));
  if (s.growthMoved !== 0) parts.push(mp.growthMoved(s.growthMoved));
  if (s.duplicateCheckInDays.length > 0) parts.push(mp.duplicateDays(s.duplicateCheckInDays.join('、')));
  if (s.creditsReversed.length > 0) parts.push(mp.creditsReversed(s.creditsReversed.length));
  parts.push(mp.tierChange(s.tierBefore.survivor, s.tierBefore.absorbed, s.tierAfter));
  return parts;
}

function Merges({ merges, timeZone }: { merges: MemberMerge[]; timeZone: string }) {
  return (
    <Card title={mp.merges} data-testid='member-merges'>
      <Table<MemberMerge>
        rowKey='id'
        size='small'
        pagination={false}
        dataSource={merges}
        locale={{ emptyText: mp.noMerges }}
        columns={[
          { title: mp.mergedAt, key: 'at', width: 180, render: (_, r) => dateTime(r.createdAt, timeZone) },
          { title: mp.survivor, key: 's', width: 110, render: (_, r) => <Link to={`/members/${r.survivorId}`}>#{r.survivorId}</Link> },
          { title: mp.absorbed, key: 'a', width: 110, render: (_, r) => <Link to={`/members/${r.absorbedId}`}>#{r.absorbedId}</Link> },
          { title: mp.mergePhone, dataIndex: 'phoneMasked', width: 140 },
          {
            title: mp.moved,
            key: 'moved',
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {mergeMovedText(r).map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function MemberDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { timeZone } = usePermissions();
  const [ordersPage, setOrdersPage] = useState({ page: 1, pageSize: 10 });
  const q = useQuery({ queryKey: ['member', id], queryFn: () => api.GET('/members/{id}', { params: { path: { id } } }) });
  const m = q.data;
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.members.detailTitle}</h2>
        <Space>
          <Button onClick={() => navigate(-1)}>{zh.common.back}</Button>
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
                  <Descriptions.Item label={zh.members.nickname}>
                    <Space size={4}>
                      {m.nickname}
                      {m.closedAt && <Tag color='default'>{mp.closed}</Tag>}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={mp.phone}>{m.phoneMasked ?? mp.notSet}</Descriptions.Item>
                  <Descriptions.Item label={mp.gender}>{mp.genders[m.gender]}</Descriptions.Item>
                  <Descriptions.Item label={mp.birthday}>{m.birthday ?? mp.notSet}</Descriptions.Item>
                  <Descriptions.Item label={zh.members.joinedAt}>{dateTime(m.createdAt, timeZone)}</Descriptions.Item>
                  {m.closedAt && <Descriptions.Item label={mp.closedAt}>{dateTime(m.closedAt, timeZone)}</Descriptions.Item>}
                  {m.mergedInto !== null && (
                    <Descriptions.Item label={mp.mergedInto}>
                      <Link to={`/members/${m.mergedInto}`}>{mp.mergedIntoMember(m.mergedInto)}</Link>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Space>
            </Card>
            <Card title={zh.points.card} extra={<AdjustPoints memberId={id} />} data-testid='member-points-card'>
              <PointsFigures memberId={id} />
              <PointsLedger memberId={id} />
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
            <Merges merges={m.merges} timeZone={timeZone} />
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
