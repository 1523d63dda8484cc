import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Image, Input, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { Guard } from '../../components/Guard';
import { errorText, PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { yuan } from '../../lib/format';
import { categoryNames, categoryOptions, useCategories } from '../../lib/use-categories';

type ProductSummary = Schemas['ProductSummary'];

const STATUS_COLORS: Record<string, string> = { draft: 'default', on_shelf: 'green', off_shelf: 'orange' };
const LOW_STOCK_OPTIONS = [0, 5, 10, 50];

export default function ProductListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number[]>([]);
  const filters = {
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
    keyword: params.get('keyword') ?? undefined,
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as QueryOf<'/products'>['status'],
    categoryId: params.get('categoryId') ? Number(params.get('categoryId')) : undefined,
    lowStock: params.get('lowStock') ? Number(params.get('lowStock')) : undefined,
  };
  const categories = useCategories();
  const names = categoryNames(categories.data);
  const q = useQuery({
    queryKey: ['products', filters],
    queryFn: () => api.GET('/products', { params: { query: filters } }),
    placeholderData: keepPreviousData,
  });

  const setFilters = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...next })) if (v !== undefined && v !== '' && v !== null) p.set(k, String(v));
    setParams(p);
    setSelected([]);
  };

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
      <Card className='filters'>
        <Form
          layout='inline'
          initialValues={filters}
          onFinish={(v) => setFilters({ ...v, page: 1 })}
          onReset={() => setParams(new URLSearchParams())}
          style={{ rowGap: 12 }}
        >
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
        <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
          <Table<ProductSummary>
            rowKey='id'
            dataSource={q.data?.items}
            loading={q.isFetching && !q.isPending}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as number[]),
              getCheckboxProps: () => ({ 'aria-label': 'select' }),
            }}
            scroll={{ x: 1000 }}
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
                width: 100,
                render: (_, p) => (
                  <Tag color={STATUS_COLORS[p.status]} data-testid={`product-status-${p.id}`}>
                    {zh.products.statuses[p.status]}
                  </Tag>
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
        </PageState>
      </Card>
    </div>
  );
}
