import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Avatar, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { dateTime } from '../../lib/format';

type MerchantMemberSummary = Schemas['MerchantMemberSummary'];

export default function MemberListPage() {
  const { timeZone } = usePermissions();
  const [params, setParams] = useSearchParams();
  const filters = {
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
    keyword: params.get('keyword') ?? undefined,
    // What the URL says; the API checks it.
    platform: (params.get('platform') ?? undefined) as QueryOf<'/members'>['platform'],
    phone: params.get('phone') ?? undefined,
  };
  const setFilters = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...next })) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const q = useQuery({
    queryKey: ['members', filters],
    queryFn: () => api.GET('/members', { params: { query: filters } }),
    placeholderData: keepPreviousData,
  });
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.members.title}</h2>
      </div>
      <Card className='filters'>
        <Form
          layout='inline'
          initialValues={filters}
          onFinish={(v) =>
            setFilters({ keyword: v.keyword?.trim() || undefined, platform: v.platform, phone: v.phone?.trim() || undefined, page: 1 })
          }
          onReset={() => setParams(new URLSearchParams())}
        >
          <Form.Item name='keyword' label={zh.members.keyword}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name='phone' label={zh.memberProfile.phoneSearch}>
            <Input
              allowClear
              style={{ width: 180 }}
              placeholder={zh.memberProfile.phoneSearchHint}
              inputMode='tel'
              data-testid='member-phone-search'
            />
          </Form.Item>
          <Form.Item name='platform' label={zh.members.platform}>
            <Select allowClear style={{ width: 120 }} options={Object.entries(zh.platforms).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type='primary' htmlType='submit'>
                {zh.common.search}
              </Button>
              <Button htmlType='reset'>{zh.common.reset}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
          <Table<MerchantMemberSummary>
            rowKey='id'
            dataSource={q.data?.items}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: q.data?.total,
              showTotal: zh.common.total,
              showSizeChanger: true,
              onChange: (page, pageSize) => setFilters({ page, pageSize }),
            }}
            columns={[
              { title: 'ID', dataIndex: 'id', width: 80 },
              {
                title: zh.members.nickname,
                key: 'nickname',
                minWidth: 160,
                render: (_, m) => (
                  <Space>
                    <Avatar src={m.avatarUrl ?? undefined}>{m.nickname.slice(0, 1)}</Avatar>
                    <Link to={`/members/${m.id}`}>{m.nickname}</Link>
                    {m.closedAt && <Tag>{zh.memberProfile.closed}</Tag>}
                    {m.mergedInto !== null && <Tag>{`${zh.memberProfile.mergedInto} #${m.mergedInto}`}</Tag>}
                  </Space>
                ),
              },
              {
                title: zh.members.platform,
                key: 'platforms',
                width: 200,
                render: (_, m) => m.platforms.map((p) => <Tag key={p}>{zh.platforms[p]}</Tag>),
              },
              { title: zh.memberProfile.phone, key: 'phone', width: 140, render: (_, m) => m.phoneMasked ?? '—' },
              { title: zh.members.points, dataIndex: 'pointsBalance', width: 100 },
              { title: zh.members.joinedAt, key: 'at', width: 180, render: (_, m) => dateTime(m.createdAt, timeZone) },
            ]}
          />
        </PageState>
      </Card>
    </div>
  );
}
