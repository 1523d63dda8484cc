import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Image, Input, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { Guard } from '../../components/Guard';
import { FilterForm, numberParam, PagedTable, usePagedQuery, useUrlFilters } from '../../components/ListPage';
import { errorText } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { yuan } from '../../lib/format';
import { categoryNames, categoryOptions, useCategories } from '../../lib/use-categories';

type ProductSummary = Schemas['ProductSummary'];

const STATUS_COLORS: Record<string, string> = { draft: 'default', on_shelf: 'green', off_shelf: 'orange' };
const LOW_STOCK_OPTIONS = [0, 5, 10, 50];

export default function ProductListPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number[]>([]);
  const { filters, setFilters, resetFilters } = useUrlFilters(
    (params) => ({
      keyword: params.get('keyword') ?? undefined,
      // What the URL says; the API checks it.
      status: (params.get('status') ?? undefined) as QueryOf<'/products'>['status'],
      categoryId: numberParam(params, 'categoryId'),
      lowStock: numberParam(params, 'lowStock'),
    }),
    () => setSelected([]),
  );
  const categories = useCategories();
  const names = categoryNames(categories.data);
  const q = usePagedQuery(['products', filters], () => api.GET('/products', { params: { query: { sort: 'newest', ...filters } } }));

  const shelf = useMutation({
    mutationFn: (onShelf: boolean) => api.POST('/products/shelf', { body: { productIds: selected, onShelf } }),
    onSuccess: (r) => {
      message.success(zh.products.bulkDone(r.moved.length, r.skipped.length));
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
    },
    onError: (err) => message.error(errorText(err)),
  });

  return (
    <div>
      <div className='page-header'>
        <h2>{zh.products.title}</h2>
        <Guard>
          <Button type='primary' icon={<PlusOutlined />} onClick={() => navigate('/products/new')} data-testid='product-create'>
            {zh.products.create}
          </Button>
        </Guard>
      </div>
      <FilterForm<typeof filters> initialValues={filters} onFinish={(v) => setFilters(v)} onReset={resetFilters}>
        <Form.Item name='keyword' label={zh.products.keyword}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name='categoryId' label={zh.products.category}>
          <TreeSelect allowClear style={{ width: 180 }} treeData={categoryOptions(categories.data)} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name='status' label={zh.products.status}>
          <Select allowClear style={{ width: 120 }} options={Object.entries(zh.products.statuses).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name='lowStock' label={zh.products.lowStock}>
          <Select allowClear style={{ width: 130 }} options={LOW_STOCK_OPTIONS.map((n) => ({ value: n, label: zh.products.lowStockOption(n) }))} />
        </Form.Item>
      </FilterForm>
      <Card>
        <Guard>
          <Space style={{ marginBottom: 12 }}>
            <Button disabled={!selected.length} loading={shelf.isPending} onClick={() => shelf.mutate(true)} data-testid='bulk-shelve'>
              {zh.products.bulkShelve}
            </Button>
            <Button disabled={!selected.length} loading={shelf.isPending} onClick={() => shelf.mutate(false)}>
              {zh.products.bulkUnshelve}
            </Button>
            <Typography.Text type='secondary'>{zh.products.selected(selected.length)}</Typography.Text>
          </Space>
        </Guard>
        <PagedTable<ProductSummary>
          query={q}
          paging={filters}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: () => ({ 'aria-label': 'select' }),
          }}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: zh.products.productTitle,
              key: 'title',
              minWidth: 240,
              render: (_, p) => (
                <Space>
                  {p.coverUrl ? <Image src={p.coverUrl} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} /> : null}
                  <div>
                    <Link to={`/products/${p.id}`} className='js-product-title'>
                      {p.title}
                    </Link>
                    <div>
                      <Typography.Text type='secondary' style={{ fontSize: 12 }}>
                        {p.subtitle}
                      </Typography.Text>
                    </div>
                  </div>
                </Space>
              ),
            },
            {
              title: zh.products.category,
              key: 'category',
              width: 150,
              render: (_, p) => (p.categoryId ? (names.get(p.categoryId) ?? p.categoryId) : zh.products.noCategory),
            },
            {
              title: zh.products.price,
              key: 'price',
              width: 170,
              render: (_, p) => (
                <span className='money'>
                  {p.minPriceFen === p.maxPriceFen ? yuan(p.minPriceFen) : `${yuan(p.minPriceFen)} - ${yuan(p.maxPriceFen)}`}
                </span>
              ),
            },
            {
              title: zh.products.stock,
              key: 'stock',
              width: 110,
              render: (_, p) => (
                <span className='nowrap'>
                  {p.totalStock ?? '—'}
                  {p.lowestStock !== undefined && p.lowestStock <= 5 && (
                    <Tag color='red' style={{ marginLeft: 6 }}>
                      {zh.products.lowStock}
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: zh.products.sales, dataIndex: 'salesCount', width: 80 },
            {
              title: zh.products.status,
              key: 'status',
              width: 130,
              render: (_, p) => (
                <Space direction='vertical' size={0}>
                  <Tag color={STATUS_COLORS[p.status]} data-testid={`product-status-${p.id}`}>
                    {zh.products.statuses[p.status]}
                  </Tag>
                  {p.status !== 'on_shelf' && (
                    <Typography.Text type='secondary' style={{ fontSize: 12 }} data-testid={`product-hidden-${p.id}`}>
                      {p.status === 'draft' ? zh.products.draftHint : zh.products.offShelfHint}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: zh.common.actions,
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, p) => <Link to={`/products/${p.id}`}>{zh.common.detail}</Link>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
