import { NewCouponCodeBatch } from '@siyu/shared';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Table, Tooltip } from 'antd';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { dateTime } from '../../lib/format';

type CouponCodeBatch = Schemas['CouponCodeBatch'];
type CouponTemplate = Schemas['CouponTemplate'];

const c = zh.coupons.codes;
const batchRule = contractRules(NewCouponCodeBatch, {
  words: { count: c.countHint },
  toBody: (v: { count: number; note?: string }) => ({ count: v.count, note: (v.note ?? '').trim() }),
});

/**
 * 兑换码: generate a batch (count, note), list the batches with how many were redeemed, and export a batch as CSV. The
 * export is a plain link: the browser downloads it on the session cookie (owner and operator only; the API refuses
 * viewers, and the console says so).
 */
export function CodeBatches({ tpl }: { tpl: CouponTemplate }) {
  const { canEdit, timeZone } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ count: number; note: string }>();
  const q = useQuery({
    queryKey: ['coupon-code-batches', tpl.id],
    queryFn: () => api.GET('/coupon-templates/{id}/code-batches', { params: { path: { id: tpl.id } } }),
  });
  const create = useMutation({
    mutationFn: (v: { count: number; note: string }) =>
      api.POST('/coupon-templates/{id}/code-batches', { params: { path: { id: tpl.id } }, body: { count: v.count, note: (v.note ?? '').trim() } }),
    onSuccess: (batch) => {
      message.success(c.created(batch.count));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['coupon-code-batches', tpl.id] });
    },
    onError: (err) => reportError(form, err, message),
  });

  return (
    <div>
      {tpl.status !== 'active' && <Alert type='info' showIcon message={c.inactiveHint} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout='inline'
        initialValues={{ count: 100, note: '' }}
        onFinish={(v) => create.mutate(v)}
        disabled={!canEdit || tpl.status === 'ended'}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name='count' label={c.count} tooltip={c.countHint} required rules={[batchRule('count')]}>
          <InputNumber min={1} max={10_000} precision={0} style={{ width: 140 }} data-testid='codes-count' />
        </Form.Item>
        <Form.Item name='note' label={c.note} rules={[batchRule('note')]}>
          <Input maxLength={100} placeholder={c.notePlaceholder} style={{ width: 240 }} data-testid='codes-note' />
        </Form.Item>
        <Form.Item>
          <Guard viewer='disable'>
            <Button type='primary' htmlType='submit' loading={create.isPending} data-testid='codes-generate'>
              {c.generate}
            </Button>
          </Guard>
        </Form.Item>
      </Form>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        <Table<CouponCodeBatch>
          rowKey='id'
          size='small'
          dataSource={q.data?.items}
          pagination={(q.data?.items.length ?? 0) > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: c.none }}
          scroll={{ x: 760 }}
          columns={[
            { title: c.batchId, dataIndex: 'id', width: 80 },
            { title: c.count, dataIndex: 'count', width: 90 },
            {
              title: c.redeemed,
              key: 'redeemed',
              width: 110,
              render: (_, b) => (
                <span className='nowrap' data-testid={`codes-redeemed-${b.id}`}>
                  {b.redeemed} / {b.count}
                </span>
              ),
            },
            { title: c.note, key: 'note', minWidth: 160, render: (_, b) => b.note || zh.common.none },
            { title: c.createdAt, key: 'at', width: 170, render: (_, b) => <span className='nowrap'>{dateTime(b.createdAt, timeZone)}</span> },
            {
              title: zh.common.actions,
              key: 'export',
              width: 120,
              fixed: 'right',
              render: (_, b) =>
                canEdit ? (
                  <Button
                    size='small'
                    icon={<DownloadOutlined />}
                    href={api.href('/coupon-code-batches/{id}/codes.csv', { path: { id: b.id } })}
                    download={`coupon-codes-${b.id}.csv`}
                    data-testid={`codes-export-${b.id}`}
                  >
                    {c.export}
                  </Button>
                ) : (
                  <Tooltip title={c.exportOnlyEditors}>
                    <span style={{ display: 'inline-block' }}>
                      <Button size='small' icon={<DownloadOutlined />} disabled data-testid={`codes-export-${b.id}`}>
                        {c.export}
                      </Button>
                    </span>
                  </Tooltip>
                ),
            },
          ]}
        />
      </PageState>
    </div>
  );
}
