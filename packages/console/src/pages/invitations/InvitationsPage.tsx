import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { errorText, PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';

type Rules = Schemas['InvitationRules'];
type Invitation = Schemas['MerchantInvitation'];
const t = zh.invitations;

/** Coupon template ids typed as tags come as text. */
const ids = (list: readonly (number | string)[]) => list.map(Number).filter((n) => Number.isInteger(n) && n > 0);
const withNumberIds = (r: Rules): Rules => ({
  ...r,
  inviterReward: { ...r.inviterReward, couponTemplateIds: ids(r.inviterReward.couponTemplateIds) },
  inviteeWelcome: { ...r.inviteeWelcome, couponTemplateIds: ids(r.inviteeWelcome.couponTemplateIds) },
});

/** 邀请有礼 for staff (decision 035): the rules and rewards, and the invitations with risk flags, withheld on review. */
export default function InvitationsPage() {
  const { canEdit } = usePermissions();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Rules>();
  const rules = useQuery({ queryKey: ['invitation-rules'], queryFn: () => api.GET('/invitation-rules') });
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);
  const save = useMutation({
    mutationFn: (body: Rules) => api.PUT('/invitation-rules', { body }),
    onSuccess: (r) => {
      queryClient.setQueryData(['invitation-rules'], r);
      message.success(zh.common.saved);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      message.error(errorText(err));
    },
  });

  const [filter, setFilter] = useState<{ status?: Invitation['status']; flagged?: 'true'; page: number }>({ page: 1 });
  const list = useQuery({
    queryKey: ['invitations', filter],
    queryFn: () => api.GET('/invitations', { params: { query: { ...filter, pageSize: 20 } } }),
  });
  const withhold = useMutation({
    mutationFn: (v: { id: number; reason: string }) =>
      api.POST('/invitations/{id}/withhold', { params: { path: { id: v.id } }, body: { reason: v.reason } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      message.success(t.withheld);
    },
    onError: (err) => message.error(errorText(err)),
  });
  const askWithhold = (row: Invitation) => {
    let reason = '';
    modal.confirm({
      title: t.withholdTitle(row.inviter.nickname, row.invitee.nickname),
      content: (
        <Input.TextArea className='js-withhold-reason' maxLength={200} placeholder={t.withholdReason} onChange={(e) => (reason = e.target.value)} />
      ),
      okText: t.withhold,
      onOk: () => withhold.mutateAsync({ id: row.id, reason: reason.trim() || t.withholdDefault }),
    });
  };

  return (
    <div>
      <div className='page-header'>
        <h2>{t.title}</h2>
      </div>
      <Card title={t.rulesTitle} className='js-invitation-rules'>
        <PageState loading={rules.isLoading} error={rules.error} onRetry={() => void rules.refetch()}>
          <Form form={form} layout='vertical' disabled={!canEdit} onFinish={(v) => save.mutate(withNumberIds({ ...rules.data!, ...v }))}>
            <Space wrap size='large' align='start'>
              <Form.Item name='enabled' label={t.enabled} valuePropName='checked'>
                <Switch />
              </Form.Item>
              <Form.Item name={['inviterReward', 'points']} label={t.inviterPoints}>
                <InputNumber min={0} precision={0} className='js-inviter-points' />
              </Form.Item>
              <Form.Item name={['inviterReward', 'growth']} label={t.inviterGrowth}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name={['inviterReward', 'couponTemplateIds']} label={t.inviterCoupons}>
                <Select mode='tags' style={{ minWidth: 160 }} tokenSeparators={[',']} />
              </Form.Item>
              <Form.Item name={['inviteeWelcome', 'points']} label={t.welcomePoints}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name={['inviteeWelcome', 'couponTemplateIds']} label={t.welcomeCoupons}>
                <Select mode='tags' style={{ minWidth: 160 }} tokenSeparators={[',']} />
              </Form.Item>
            </Space>
            <Space wrap size='large' align='start'>
              <Form.Item name='refundWindowDays' label={t.refundWindowDays}>
                <InputNumber min={0} max={60} precision={0} />
              </Form.Item>
              <Form.Item name='bindWindowDays' label={t.bindWindowDays}>
                <InputNumber min={1} max={365} precision={0} />
              </Form.Item>
              <Form.Item name='dailyCapPerInviter' label={t.dailyCap}>
                <InputNumber min={1} max={1000} precision={0} />
              </Form.Item>
              <Form.Item name='riskAddressThreshold' label={t.riskThreshold}>
                <InputNumber min={2} max={100} precision={0} />
              </Form.Item>
              <Form.Item name='requirePhone' label={t.requirePhone} valuePropName='checked'>
                <Switch />
              </Form.Item>
            </Space>
            {canEdit ? (
              <Button type='primary' htmlType='submit' loading={save.isPending} className='js-save-invitation-rules'>
                {zh.common.save}
              </Button>
            ) : null}
          </Form>
        </PageState>
      </Card>

      <Card
        title={t.listTitle}
        style={{ marginTop: 16 }}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t.status}
              style={{ width: 140 }}
              options={Object.entries(t.statuses).map(([value, label]) => ({ value, label }))}
              onChange={(status) => setFilter((f) => ({ ...(status ? { status } : {}), ...(f.flagged ? { flagged: f.flagged } : {}), page: 1 }))}
            />
            <Switch
              className='js-flagged-only'
              checkedChildren={t.flaggedOnly}
              unCheckedChildren={t.allRisk}
              onChange={(on) =>
                setFilter((f) => ({ ...(f.status ? { status: f.status } : {}), ...(on ? { flagged: 'true' as const } : {}), page: 1 }))
              }
            />
          </Space>
        }
      >
        <Table<Invitation>
          className='js-invitations'
          rowKey='id'
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ current: filter.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (page) => setFilter((f) => ({ ...f, page })) }}
          columns={[
            { title: t.inviter, render: (_, r) => `${r.inviter.nickname} (#${r.inviter.id})` },
            {
              title: t.invitee,
              render: (_, r) => (
                <span>
                  {`${r.invitee.nickname} (#${r.invitee.id})`} {r.invitee.phoneBound ? <Tag>{t.phoneBound}</Tag> : null}
                </span>
              ),
            },
            { title: t.status, render: (_, r) => <Tag className={`js-status-${r.status}`}>{t.statuses[r.status]}</Tag> },
            {
              title: t.risk,
              render: (_, r) =>
                r.riskFlags.length > 0 ? (
                  <Tag color='red' className='js-risk-flag'>
                    {t.sharedAddress(r.sameAddressInvitees)}
                  </Tag>
                ) : (
                  <Typography.Text type='secondary'>—</Typography.Text>
                ),
            },
            { title: t.boundAt, render: (_, r) => dayjs(r.boundAt).format('YYYY-MM-DD HH:mm') },
            { title: t.dueAt, render: (_, r) => (r.dueAt ? dayjs(r.dueAt).format('YYYY-MM-DD HH:mm') : '—') },
            {
              title: '',
              render: (_, r) =>
                canEdit && (r.status === 'bound' || r.status === 'pending') ? (
                  <Button size='small' danger className='js-withhold' onClick={() => askWithhold(r)}>
                    {t.withhold}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
