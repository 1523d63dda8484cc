import { Avatar, Card, Form, Input, Select, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { FilterForm, PagedTable, usePagedQuery, useUrlFilters } from '../../components/ListPage';
import { zh } from '../../i18n/zh-CN';
import { dateTime } from '../../lib/format';

type MerchantMemberSummary = Schemas['MerchantMemberSummary'];

export default function MemberListPage() {
  const { timeZone } = usePermissions();
  const { filters, setFilters, resetFilters } = useUrlFilters((params) => ({
    keyword: params.get('keyword') ?? undefined,
    // What the URL says; the API checks it.
    platform: (params.get('platform') ?? undefined) as QueryOf<'/members'>['platform'],
    phone: params.get('phone') ?? undefined,
  }));
  const q = usePagedQuery(['members', filters], () => api.GET('/members', { params: { query: filters } }));
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.members.title}</h2>
      </div>
      <FilterForm<typeof filters>
        initialValues={filters}
        onFinish={(v) => setFilters({ keyword: v.keyword?.trim() || undefined, platform: v.platform, phone: v.phone?.trim() || undefined })}
        onReset={resetFilters}
      >
        <Form.Item name='keyword' label={zh.members.keyword}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name='phone' label={zh.memberProfile.phoneSearch}>
          <Input allowClear style={{ width: 180 }} placeholder={zh.memberProfile.phoneSearchHint} inputMode='tel' data-testid='member-phone-search' />
        </Form.Item>
        <Form.Item name='platform' label={zh.members.platform}>
          <Select allowClear style={{ width: 120 }} options={Object.entries(zh.platforms).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </FilterForm>
      <Card>
        <PagedTable<MerchantMemberSummary>
          query={q}
          paging={filters}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
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
      </Card>
    </div>
  );
}
