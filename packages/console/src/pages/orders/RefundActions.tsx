import { RejectRefundRequest } from '@siyu/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Guard } from '../../components/Guard';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';

type Refund = Schemas['Refund'];

/** Approve (after a confirmation) or reject (with the reason the member sees) a requested refund. */
const rejectRule = contractRules(RejectRefundRequest, { labels: { reason: zh.refunds.rejectReason } });

export function RefundActions({ refund }: { refund: Pick<Refund, 'id' | 'status' | 'orderId'> }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['refunds'] });
    void queryClient.invalidateQueries({ queryKey: ['order', refund.orderId] });
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
  };
  const approve = useMutation({
    mutationFn: () => api.POST('/refunds/{id}/approve', { params: { path: { id: refund.id } }, body: {} }),
    onSuccess: () => {
      message.success(zh.refunds.approved);
      done();
    },
    onError: (err) => reportError(null, err, message),
  });
  const reject = useMutation({
    mutationFn: (reason: string) => api.POST('/refunds/{id}/reject', { params: { path: { id: refund.id } }, body: { reason } }),
    onSuccess: () => {
      message.success(zh.refunds.rejected);
      setRejecting(false);
      done();
    },
    onError: (err) => reportError(form, err, message),
  });
  // A refund left processing by a platform failure can be approved again (same refund number).
  if (refund.status !== 'requested' && refund.status !== 'processing') return null;
  return (
    <Guard>
      <Space>
        <Popconfirm title={zh.refunds.approveConfirm} onConfirm={() => approve.mutate()} okText={zh.common.confirm} cancelText={zh.common.cancel}>
          <Button size='small' type='primary' loading={approve.isPending} data-testid={`refund-approve-${refund.id}`}>
            {zh.refunds.approve}
          </Button>
        </Popconfirm>
        {refund.status === 'requested' && (
          <Button size='small' danger onClick={() => setRejecting(true)} data-testid={`refund-reject-${refund.id}`}>
            {zh.refunds.reject}
          </Button>
        )}
        <Modal
          open={rejecting}
          title={zh.refunds.reject}
          onCancel={() => setRejecting(false)}
          onOk={() => form.submit()}
          confirmLoading={reject.isPending}
          destroyOnHidden
        >
          <Form form={form} layout='vertical' onFinish={(v) => reject.mutate(v.reason)}>
            <Form.Item name='reason' label={zh.refunds.rejectReason} required rules={[rejectRule('reason')]}>
              <Input.TextArea maxLength={200} showCount rows={3} />
            </Form.Item>
          </Form>
        </Modal>
      </Space>
    </Guard>
  );
}
