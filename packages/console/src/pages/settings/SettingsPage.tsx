import { NewStaffMember, OrderSettings as OrderSettingsSchema, ResetStaffPassword } from '@siyu/shared';
import type { StaffRole } from '@siyu/shared';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { dateTime } from '../../lib/format';

type OrderSettings = Schemas['OrderSettings'];
type StaffMember = Schemas['StaffMember'];

const orderRule = contractRules(OrderSettingsSchema, {
  words: {
    paymentWindowMinutes: zh.settings.paymentWindowHint,
    'shippingFlatFeeFen:too_big': zh.money.tooLarge,
    'freeShippingThresholdFen:too_big': zh.money.tooLarge,
  },
  toBody: (v: OrderSettings) => ({ ...v, freeShippingThresholdFen: v.freeShippingThresholdFen ?? null }),
});
const STAFF_WORDS = {
  'username:invalid_format': zh.settings.usernameHint,
  'username:required': zh.settings.usernameHint,
  'password:too_small': zh.settings.passwordHint,
  'password:too_big': zh.settings.passwordHint,
  'password:required': zh.settings.passwordHint,
};
const staffRule = contractRules(NewStaffMember, { words: STAFF_WORDS, labels: { displayName: zh.settings.displayName } });
const passwordRule = contractRules(ResetStaffPassword, { words: STAFF_WORDS });

function OrderSettingsForm() {
  const { canEdit } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrderSettings>();
  const q = useQuery({ queryKey: ['order-settings'], queryFn: () => api.GET('/order-settings') });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: OrderSettings) => api.PUT('/order-settings', { body: { ...v, freeShippingThresholdFen: v.freeShippingThresholdFen ?? null } }),
    onSuccess: (s) => {
      queryClient.setQueryData(['order-settings'], s);
      message.success(zh.common.saved);
    },
    onError: (err) => reportError(form, err, message),
  });
  return (
    <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
      <Form form={form} layout='vertical' style={{ maxWidth: 480 }} disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name='paymentWindowMinutes'
          label={zh.settings.paymentWindow}
          extra={zh.settings.paymentWindowHint}
          required
          rules={[orderRule('paymentWindowMinutes')]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name='shippingFlatFeeFen'
          label={zh.settings.shippingFee}
          rules={[moneyRule({ required: true }), orderRule('shippingFlatFeeFen')]}
          validateTrigger={['onChange', 'onBlur']}
        >
          <MoneyInput />
        </Form.Item>
        <Form.Item
          name='freeShippingThresholdFen'
          label={zh.settings.freeShipping}
          extra={zh.settings.freeShippingHint}
          rules={[moneyRule(), orderRule('freeShippingThresholdFen')]}
        >
          <MoneyInput placeholder='' />
        </Form.Item>
        <Guard>
          <Button type='primary' htmlType='submit' loading={save.isPending}>
            {zh.common.save}
          </Button>
        </Guard>
      </Form>
    </PageState>
  );
}

const ROLE_OPTIONS = (['owner', 'operator', 'viewer'] as const).map((r) => ({ value: r, label: zh.roles[r] }));

function StaffAccounts() {
  const { isOwner, staffId, timeZone } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [addForm] = Form.useForm();
  const [resetForm] = Form.useForm<{ password: string }>();
  const q = useQuery({ queryKey: ['staff'], queryFn: () => api.GET('/staff'), enabled: isOwner });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['staff'] });
  const add = useMutation({
    mutationFn: (v: { username: string; displayName: string; role: StaffRole; password: string }) => api.POST('/staff', { body: v }),
    onSuccess: () => {
      message.success(zh.settings.staffSaved);
      setAdding(false);
      addForm.resetFields();
      void refresh();
    },
    onError: (err) => reportError(addForm, err, message, STAFF_WORDS),
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: { role?: StaffRole; disabled?: boolean } }) =>
      api.PATCH('/staff/{id}', { params: { path: { id } }, body: patch }),
    onSuccess: () => {
      message.success(zh.settings.staffSaved);
      void refresh();
    },
    onError: (err) => {
      reportError(null, err, message);
      void refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (v: { password: string }) => api.POST('/staff/{id}/reset-password', { params: { path: { id: resetting!.id } }, body: v }),
    onSuccess: () => {
      message.success(zh.settings.passwordReset);
      setResetting(null);
      resetForm.resetFields();
    },
    onError: (err) => reportError(resetForm, err, message),
  });
  if (!isOwner) return <Alert type='info' showIcon message={zh.settings.staffOnlyOwner} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type='primary' icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {zh.settings.addStaff}
        </Button>
      </Space>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        <Table<StaffMember>
          rowKey='id'
          dataSource={q.data?.items}
          pagination={false}
          columns={[
            { title: zh.settings.username, key: 'u', render: (_, s) => `${s.username}${s.id === staffId ? zh.settings.self : ''}` },
            { title: zh.settings.displayName, dataIndex: 'displayName', minWidth: 120 },
            {
              title: zh.settings.role,
              key: 'role',
              width: 140,
              render: (_, s) => (
                <Select<StaffRole>
                  size='small'
                  style={{ width: 110 }}
                  value={s.role}
                  options={ROLE_OPTIONS}
                  onChange={(role) => update.mutate({ id: s.id, patch: { role } })}
                  disabled={s.disabled}
                />
              ),
            },
            {
              title: zh.settings.accountStatus,
              key: 'st',
              width: 90,
              render: (_, s) => (s.disabled ? <Tag color='red'>{zh.settings.disabled}</Tag> : <Tag color='green'>{zh.settings.active}</Tag>),
            },
            { title: zh.settings.createdAt, key: 'c', width: 180, render: (_, s) => dateTime(s.createdAt, timeZone) },
            {
              title: zh.common.actions,
              key: 'a',
              width: 200,
              render: (_, s) => (
                <Space>
                  <Button size='small' onClick={() => setResetting(s)}>
                    {zh.settings.resetPassword}
                  </Button>
                  {s.id !== staffId && (
                    <Popconfirm
                      title={s.disabled ? zh.settings.enable : zh.settings.disable}
                      onConfirm={() => update.mutate({ id: s.id, patch: { disabled: !s.disabled } })}
                    >
                      <Button size='small' danger={!s.disabled}>
                        {s.disabled ? zh.settings.enable : zh.settings.disable}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </PageState>
      <Modal
        open={adding}
        title={zh.settings.addStaff}
        onCancel={() => setAdding(false)}
        onOk={() => addForm.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form form={addForm} layout='vertical' initialValues={{ role: 'operator' }} onFinish={(v) => add.mutate(v)}>
          <Form.Item name='username' label={zh.settings.username} required rules={[staffRule('username')]}>
            <Input autoComplete='off' />
          </Form.Item>
          <Form.Item name='displayName' label={zh.settings.displayName} required rules={[staffRule('displayName')]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name='role' label={zh.settings.role}>
            <Select options={ROLE_OPTIONS} />
          </Form.Item>
          <Form.Item name='password' label={zh.settings.password} extra={zh.settings.passwordHint} required rules={[staffRule('password')]}>
            <Input.Password autoComplete='new-password' />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`${zh.settings.resetPassword} · ${resetting?.username ?? ''}`}
        onCancel={() => setResetting(null)}
        onOk={() => resetForm.submit()}
        confirmLoading={reset.isPending}
        destroyOnHidden
      >
        <Form form={resetForm} layout='vertical' onFinish={(v) => reset.mutate(v)}>
          <Form.Item name='password' label={zh.settings.newPassword} extra={zh.settings.passwordHint} required rules={[passwordRule('password')]}>
            <Input.Password autoComplete='new-password' />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function SettingsPage() {
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.settings.title}</h2>
      </div>
      <Card>
        <Tabs
          items={[
            { key: 'orders', label: zh.settings.tabOrders, children: <OrderSettingsForm /> },
            { key: 'staff', label: zh.settings.tabStaff, children: <StaffAccounts /> },
          ]}
        />
      </Card>
    </div>
  );
}
