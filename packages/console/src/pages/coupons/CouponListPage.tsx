import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Radio, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { ruleSummary, stockText } from './coupon-rule';
import { StatusActions, StatusTags, ValidityCell } from './StatusActions';

type CouponTemplate = Schemas['CouponTemplate'];

const STATUS_FILTERS = ['', 'draft', 'active', 'paused', 'ended'] as const;

export default function CouponListPage() {
  const { timeZone, canEdit } = usePermissions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = {
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as QueryOf<'/coupon-templates'>['status'],
  };
  const setFilters = (next: Partial<typeof filters>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...next })) if (v !== undefined && String(v) !== '') p.set(k, String(v));
    setParams(p);
  };
  const q = useQuery({
    queryKey: ['coupon-templates', filters],
    queryFn: () => api.GET('/coupon-templates', { params: { query: filters } }),
    placeholderData: keepPreviousData,
  });

  return (
    <div>
      <div className='page-header'>
        <h2>{zh.coupons.title}</h2>
        <Guard viewer='disable'>
          <Button type='primary' icon={<PlusOutlined />} onClick={() => navigate('/coupons/new')} data-testid='coupon-create'>
            {zh.coupons.create}
          </Button>
        </Guard>
      </div>
      <Card>
        <Radio.Group
          optionType='button'
          value={filters.status ?? ''}
          onChange={(e) => setFilters({ status: e.target.value || undefined, page: 1 })}
          style={{ marginBottom: 16 }}
          data-testid='coupon-status-filter'
          options={STATUS_FILTERS.map((s) => ({ value: s, label: s ? zh.coupons.statuses[s] : zh.common.all }))}
        />
        <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
          <Table<CouponTemplate>
            rowKey='id'
            dataSource={q.data?.items}
            loading={q.isFetching && !q.isPending}
            scroll={{ x: 964 }}
            locale={{ emptyText: zh.common.empty }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: q.data?.total,
              showTotal: zh.common.total,
              showSizeChanger: true,
              onChange: (page, pageSize) => setFilters({ page, pageSize }),
            }}
            columns={[
              {
                title: zh.coupons.columns.name,
                key: 'name',
                minWidth: 150,
                render: (_, tpl) => (
                  <Space direction='vertical' size={2}>
                    <Link to={`/coupons/${tpl.id}`} className='js-coupon-name' data-testid={`coupon-link-${tpl.id}`}>
                      {tpl.name}
                    </Link>
                    {!tpl.public && <Tag style={{ marginInlineEnd: 0 }}>{zh.coupons.notPublic}</Tag>}
                  </Space>
                ),
              },
              {
                title: zh.coupons.columns.kind,
                key: 'kind',
                width: 84,
                render: (_, tpl) => <span className='nowrap'>{zh.coupons.kinds[tpl.kind]}</span>,
              },
              {
                title: zh.coupons.columns.rule,
                key: 'rule',
                width: 140,
                render: (_, tpl) => (
                  <span className='nowrap' data-testid={`coupon-rule-${tpl.id}`}>
                    {ruleSummary(tpl)}
                  </span>
                ),
              },
              { title: zh.coupons.columns.validity, key: 'validity', width: 176, render: (_, tpl) => <ValidityCell tpl={tpl} timeZone={timeZone} /> },
              {
                title: zh.coupons.columns.stock,
                key: 'stock',
                width: 110,
                render: (_, tpl) => (
                  <span className='nowrap' data-testid={`coupon-stock-${tpl.id}`}>
                    {stockText(tpl)}
                  </span>
                ),
              },
              { title: zh.coupons.columns.status, key: 'status', width: 116, render: (_, tpl) => <StatusTags tpl={tpl} /> },
              {
                title: zh.common.actions,
                key: 'actions',
                width: 188,
                fixed: 'right',
                render: (_, tpl) => (
                  <Space size={0} wrap={false}>
                    <Link to={`/coupons/${tpl.id}`} style={{ paddingInline: 4 }} className='nowrap'>
                      {zh.common.detail}
                    </Link>
                    {tpl.status !== 'ended' && canEdit && (
                      <Link to={`/coupons/${tpl.id}/edit`} style={{ paddingInline: 4 }} className='nowrap'>
                        {zh.common.edit}
                      </Link>
                    )}
                    <StatusActions tpl={tpl} size='small' type='link' />
                  </Space>
                ),
              },
            ]}
          />
        </PageState>
      </Card>
    </div>
  );
}
