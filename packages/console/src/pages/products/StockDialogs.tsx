import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Drawer, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { api } from '../../api/client';
import type { Sku, StockMovement, StockMovementList } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { reportError } from '../../lib/form-errors';
import { dateTime } from '../../lib/format';

const specText = (specs: Record<string, string>) => Object.values(specs).join(' / ') || zh.sku.single;

/** A stock adjustment with its reason (the API refuses going below zero). */
export function StockAdjustModal({
  sku,
  productId,
  onClose,
}: {
  sku: { id: number; code: string; specs: Record<string, string>; stock: number | null } | null;
  productId: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const m = useMutation({
    mutationFn: (v: { delta: number; reason: string }) => api.post<Sku>(`/skus/${sku!.id}/stock-adjustments`, v),
    onSuccess: () => {
      message.success(zh.common.saved);
      void queryClient.invalidateQueries({ queryKey: ['product', productId] });
      void queryClient.invalidateQueries({ queryKey: ['stock-movements', sku!.id] });
      form.resetFields();
      onClose();
    },
    onError: (err) => reportError(form, err, message),
  });
  return (
    <Modal
      open={sku !== null}
      title={`${zh.products.stockAdjust} · ${sku ? `${sku.code}（${specText(sku.specs)}）` : ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <p>
        {zh.products.stock}：{sku?.stock}
      </p>
      <Form form={form} layout='vertical' onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name='delta'
          label={zh.products.delta}
          extra={zh.products.deltaHint}
          rules={[
            { required: true, message: zh.common.required(zh.products.delta) },
            { validator: async (_, v) => (v === 0 ? Promise.reject(new Error(zh.products.deltaHint)) : undefined) },
          ]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} data-testid='stock-delta' />
        </Form.Item>
        <Form.Item
          name='reason'
          label={zh.products.reason}
          rules={[{ required: true, whitespace: true, message: zh.common.required(zh.products.reason) }]}
        >
          <Input maxLength={200} data-testid='stock-reason' />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A SKU's latest stock movements. */
export function StockHistoryDrawer({ skuId, onClose }: { skuId: number | null; onClose: () => void }) {
  const { timeZone } = usePermissions();
  const q = useQuery({
    queryKey: ['stock-movements', skuId],
    queryFn: () => api.get<StockMovementList>(`/skus/${skuId}/stock-movements`),
    enabled: skuId !== null,
  });
  return (
    <Drawer open={skuId !== null} onClose={onClose} width={640} title={`${zh.products.stockHistory}${q.data ? ` · ${q.data.sku.code}` : ''}`}>
      <PageState loading={q.isPending && skuId !== null} error={q.error} empty={q.data?.movements.length === 0}>
        <Table<StockMovement>
          size='small'
          rowKey='id'
          pagination={false}
          dataSource={q.data?.movements}
          columns={[
            { title: zh.orders.createdAt, key: 'at', width: 170, render: (_, r) => dateTime(r.createdAt, timeZone) },
            {
              title: zh.products.reason,
              minWidth: 160,
              key: 'kind',
              render: (_, r) => (
                <>
                  <Tag>{zh.products.movementKinds[r.kind]}</Tag>
                  {r.reason}
                </>
              ),
            },
            { title: zh.products.delta, dataIndex: 'delta', width: 80, render: (d: number) => (d > 0 ? `+${d}` : d) },
            { title: zh.products.stockAfter, dataIndex: 'stockAfter', width: 100 },
          ]}
        />
      </PageState>
    </Drawer>
  );
}
