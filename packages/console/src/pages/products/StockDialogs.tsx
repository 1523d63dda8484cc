import { StockAdjustment } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Drawer, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { dateTime } from '../../lib/format';

type StockMovement = Schemas['StockMovement'];

const specText = (specs: Record<string, string>) => Object.values(specs).join(' / ') || zh.sku.single;

/** A stock adjustment with its reason (the API refuses going below zero). */
const stockRule = contractRules(StockAdjustment, {
  words: { 'delta:not_zero': zh.products.deltaHint },
  labels: { delta: zh.products.delta, reason: zh.products.reason },
  toBody: (v: { delta: number; reason?: string }) => ({ delta: v.delta, reason: (v.reason ?? '').trim() }),
});

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
    mutationFn: (v: { delta: number; reason: string }) =>
      api.POST('/skus/{id}/stock-adjustments', { params: { path: { id: sku!.id } }, body: { delta: v.delta, reason: v.reason.trim() } }),
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
        <Form.Item name='delta' label={zh.products.delta} extra={zh.products.deltaHint} required rules={[stockRule('delta')]}>
          <InputNumber precision={0} style={{ width: '100%' }} data-testid='stock-delta' />
        </Form.Item>
        <Form.Item name='reason' label={zh.products.reason} required rules={[stockRule('reason')]}>
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
    queryFn: () => api.GET('/skus/{id}/stock-movements', { params: { path: { id: skuId! } } }),
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
