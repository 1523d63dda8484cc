import { UpdateCategory } from '@siyu/shared';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { useCategories } from '../../lib/use-categories';

type Category = Schemas['Category'];

type Row = Category & { children?: Row[] };

const categoryRule = contractRules(UpdateCategory, { labels: { name: zh.categories.name }, integerRanges: true });
type Editing = { mode: 'create'; parentId: number | null } | { mode: 'edit'; category: Category };

/** The two-level category tree: add, rename, reorder (a larger sort value comes first). */
export default function CategoriesPage() {
  const q = useCategories();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<{ name: string; sortOrder: number }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['categories'] });

  const save = useMutation({
    mutationFn: (v: { name: string; sortOrder: number }) =>
      editing?.mode === 'edit'
        ? api.PATCH('/categories/{id}', { params: { path: { id: editing.category.id } }, body: v })
        : api.POST('/categories', { body: { ...v, parentId: editing?.mode === 'create' ? editing.parentId : null } }),
    onSuccess: () => {
      message.success(zh.categories.saved);
      setEditing(null);
      void refresh();
    },
    onError: (err) => reportError(form, err, message),
  });

  // Moving swaps sort values with the neighbour (they are shown largest first).
  const move = useMutation({
    mutationFn: async ({ a, b }: { a: Category; b: Category }) => {
      const [sa, sb] = a.sortOrder === b.sortOrder ? [b.sortOrder + 1, a.sortOrder] : [b.sortOrder, a.sortOrder];
      await api.PATCH('/categories/{id}', { params: { path: { id: a.id } }, body: { sortOrder: sa } });
      await api.PATCH('/categories/{id}', { params: { path: { id: b.id } }, body: { sortOrder: sb } });
    },
    onSuccess: () => void refresh(),
    onError: (err) => reportError(null, err, message),
  });

  const rows: Row[] = (q.data ?? []).map((c) => ({ ...c, children: c.children.length ? c.children : undefined }));
  const siblingsOf = (c: Category): Category[] => (c.parentId === null ? (q.data ?? []) : (q.data?.find((t) => t.id === c.parentId)?.children ?? []));

  const open = (e: Editing) => {
    setEditing(e);
    form.setFieldsValue(e.mode === 'edit' ? { name: e.category.name, sortOrder: e.category.sortOrder } : { name: '', sortOrder: 0 });
  };

  return (
    <div>
      <div className='page-header'>
        <h2>{zh.categories.title}</h2>
        <Guard>
          <Button type='primary' icon={<PlusOutlined />} onClick={() => open({ mode: 'create', parentId: null })}>
            {zh.categories.addTop}
          </Button>
        </Guard>
      </div>
      <Card>
        <PageState loading={q.isPending} error={q.error} empty={q.data?.length === 0} onRetry={() => q.refetch()}>
          <Table<Row>
            rowKey='id'
            dataSource={rows}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            columns={[
              { title: zh.categories.name, dataIndex: 'name', minWidth: 200 },
              { title: zh.categories.sortOrder, dataIndex: 'sortOrder', width: 120 },
              {
                title: zh.common.actions,
                key: 'actions',
                width: 320,
                render: (_, c) => {
                  const siblings = siblingsOf(c);
                  const i = siblings.findIndex((s) => s.id === c.id);
                  return (
                    <Guard>
                      <Space>
                        <Tooltip title={zh.common.moveUp}>
                          <Button
                            size='small'
                            icon={<ArrowUpOutlined />}
                            disabled={i <= 0}
                            onClick={() => move.mutate({ a: c, b: siblings[i - 1]! })}
                            aria-label={zh.common.moveUp}
                          />
                        </Tooltip>
                        <Tooltip title={zh.common.moveDown}>
                          <Button
                            size='small'
                            icon={<ArrowDownOutlined />}
                            disabled={i < 0 || i >= siblings.length - 1}
                            onClick={() => move.mutate({ a: c, b: siblings[i + 1]! })}
                            aria-label={zh.common.moveDown}
                          />
                        </Tooltip>
                        <Button size='small' onClick={() => open({ mode: 'edit', category: c })}>
                          {zh.categories.rename}
                        </Button>
                        {c.parentId === null && (
                          <Button size='small' onClick={() => open({ mode: 'create', parentId: c.id })}>
                            {zh.categories.addChild}
                          </Button>
                        )}
                      </Space>
                    </Guard>
                  );
                },
              },
            ]}
          />
        </PageState>
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.mode === 'edit' ? zh.categories.rename : editing?.parentId ? zh.categories.addChild : zh.categories.addTop}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form form={form} layout='vertical' onFinish={(v) => save.mutate(v)}>
          <Form.Item name='name' label={zh.categories.name} required rules={[categoryRule('name')]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name='sortOrder' label={zh.categories.sortOrder} extra={zh.products.sortOrderHint} rules={[categoryRule('sortOrder')]}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
