import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Radio, Space, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PagedTable, usePagedQuery, useUrlFilters } from '../../components/ListPage';
import { zh } from '../../i18n/zh-CN';
import { ruleSummary, stockText } from './coupon-rule';
import { StatusActions, StatusTags, ValidityCell } from './StatusActions';

type CouponTemplate = Schemas['CouponTemplate'];

const STATUS_FILTERS = ['', 'draft', 'active', 'paused', 'ended'] as const;

export default function CouponListPage() {
  const { timeZone, canEdit } = usePermissions();
  const navigate = useNavigate();
  const { filters, setFilters } = useUrlFilters((params) => ({
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as QueryOf<'/coupon-templates'>['status'],
  }));
  const q = usePagedQuery(['coupon-templates', filters], () => api.GET('/coupon-templates', { params: { query: filters } }));

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
        <PagedTable<CouponTemplate>
          query={q}
          paging={filters}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
          scroll={{ x: 964 }}
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
      </Card>
    </div>
  );
}
