import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Form, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { SaveButton } from '../../components/Guard';
import { errorText, PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors, checkRule } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';
import {
  checkoutExample,
  earningExample,
  expiryChanged,
  expiryExample,
  formOfRules,
  policyText,
  type RulesForm,
  rulesErrors,
  rulesFormField,
  rulesOfForm,
  shareToBp,
} from './points-rules';

type PointsRules = Schemas['PointsRules'];

const t = zh.points;

/** A field checked by the contract, with every value the form holds. */
const check = (field: string) => checkRule(rulesErrors, field);

export default function PointsRulesPage() {
  const { canEdit, timeZone } = usePermissions();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesForm>();
  const q = useQuery({ queryKey: ['points-rules'], queryFn: () => api.GET('/points/rules') });
  useEffect(() => {
    if (q.data) form.setFieldsValue(formOfRules(q.data));
  }, [q.data, form]);

  const save = useMutation({
    mutationFn: (rules: PointsRules) => api.PUT('/points/rules', { body: rules }),
    onSuccess: (r) => {
      queryClient.setQueryData(['points-rules'], r);
      form.setFieldsValue(formOfRules(r));
      message.success(zh.common.saved);
    },
    // Field errors beside the fields they name; the reason at the top as well.
    onError: (err) => {
      applyFieldErrors(form, err, rulesFormField);
      message.error(errorText(err));
    },
  });

  const submit = (v: RulesForm) => {
    const next = rulesOfForm(v);
    const before = q.data;
    // A new expiry policy applies to points earned after it: said again before it is saved.
    if (before && expiryChanged(before.expiry, next.expiry)) {
      modal.confirm({
        title: t.confirmExpiryTitle,
        content: t.confirmExpiry(policyText(before.expiry), policyText(next.expiry)),
        okText: zh.common.save,
        cancelText: zh.common.cancel,
        onOk: () => save.mutateAsync(next).catch(() => {}),
      });
      return;
    }
    save.mutate(next);
  };

  const policy = Form.useWatch(['expiry', 'policy'], form);
  const days = Form.useWatch(['expiry', 'days'], form);
  const earnRate = Form.useWatch(['earning', 'pointsPerYuan'], form);
  const checkoutOn = Form.useWatch(['checkout', 'enabled'], form);
  const checkoutRate = Form.useWatch(['checkout', 'pointsPerYuan'], form);
  const share = Form.useWatch(['checkout', 'maxSharePercent'], form);
  const refundRule = Form.useWatch('refundOfSpentPoints', form);
  const year = Number(dayjs().tz(timeZone).format('YYYY'));
  const earned = earningExample(earnRate);
  const example = checkoutExample(checkoutRate, shareToBp(share));

  return (
    <div>
      <div className='page-header'>
        <h2>{t.rulesTitle}</h2>
      </div>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        <Form<RulesForm>
          form={form}
          layout='vertical'
          disabled={!canEdit}
          onFinish={submit}
          style={{ maxWidth: 760 }}
          data-testid='points-rules-form'
          scrollToFirstError
        >
          <Space direction='vertical' size={16} style={{ width: '100%' }}>
            <Card title={t.earningCard}>
              <Form.Item
                name={['earning', 'pointsPerYuan']}
                label={t.pointsPerYuan}
                extra={
                  <>
                    <div>{t.pointsPerYuanHint}</div>
                    {earned !== null && <div data-testid='earning-example'>{t.earningExample(earned)}</div>}
                  </>
                }
                required
                rules={[check('earning.pointsPerYuan')]}
              >
                <InputNumber precision={0} addonAfter={t.pointsUnit} style={{ width: 220 }} data-testid='earning-rate' />
              </Form.Item>
              <Form.Item
                name={['earning', 'maturityDays']}
                label={t.maturityDays}
                extra={t.maturityDaysHint}
                required
                rules={[check('earning.maturityDays')]}
              >
                <InputNumber precision={0} addonAfter={t.daysUnit} style={{ width: 220 }} data-testid='maturity-days' />
              </Form.Item>
            </Card>

            <Card title={t.expiryCard}>
              <Alert type='warning' showIcon message={t.appliesAfter} style={{ marginBottom: 16 }} data-testid='expiry-applies-after' />
              <Form.Item name={['expiry', 'policy']} label={t.policy} extra={expiryExample({ policy, days }, year)}>
                <Radio.Group
                  data-testid='expiry-policy'
                  options={(['never', 'days_after_earning', 'end_of_next_year'] as const).map((p) => ({ value: p, label: t.policies[p] }))}
                />
              </Form.Item>
              {/* The days are kept (and sent) whatever the policy; asked for only when they count. */}
              <Form.Item
                name={['expiry', 'days']}
                label={t.expiryDays}
                extra={t.expiryDaysHint}
                required
                rules={[check('expiry.days')]}
                hidden={policy !== 'days_after_earning'}
              >
                <InputNumber precision={0} addonAfter={t.daysUnit} style={{ width: 220 }} data-testid='expiry-days' />
              </Form.Item>
              <Form.Item
                name={['expiry', 'noticeDays']}
                label={t.noticeDays}
                extra={t.noticeDaysHint}
                required
                rules={[check('expiry.noticeDays')]}
                hidden={policy === 'never'}
              >
                <InputNumber precision={0} addonAfter={t.daysUnit} style={{ width: 220 }} />
              </Form.Item>
            </Card>

            <Card title={t.checkoutCard}>
              <Form.Item
                name={['checkout', 'enabled']}
                label={t.checkoutEnabled}
                valuePropName='checked'
                extra={checkoutOn ? undefined : t.checkoutOff}
              >
                <Switch data-testid='checkout-enabled' />
              </Form.Item>
              <Form.Item
                name={['checkout', 'pointsPerYuan']}
                label={t.checkoutRate}
                extra={t.checkoutRateHint}
                required
                rules={[check('checkout.pointsPerYuan')]}
              >
                <InputNumber precision={0} addonAfter={t.checkoutRateSuffix} style={{ width: 260 }} data-testid='checkout-rate' />
              </Form.Item>
              <Form.Item
                name={['checkout', 'maxSharePercent']}
                label={t.maxShare}
                extra={
                  <>
                    <div>{t.maxShareHint}</div>
                    {example && <div data-testid='checkout-example'>{t.checkoutExample(example.points, example.yuan)}</div>}
                  </>
                }
                rules={[check('checkout.maxSharePercent')]}
              >
                <InputNumber<string>
                  stringMode
                  min='0.01'
                  max='100'
                  addonBefore={t.maxSharePrefix}
                  addonAfter='%'
                  style={{ width: 260 }}
                  data-testid='checkout-share'
                />
              </Form.Item>
            </Card>

            <Card title={t.refundCard}>
              <Form.Item name='refundOfSpentPoints' label={t.refundRule} extra={refundRule ? t.refundRuleHints[refundRule] : undefined}>
                <Radio.Group
                  data-testid='refund-rule'
                  options={(['allow_negative', 'deduct_from_refund'] as const).map((r) => ({ value: r, label: t.refundRules[r] }))}
                />
              </Form.Item>
            </Card>

            <Card title={t.tasksCard}>
              <Typography.Paragraph type='secondary'>{t.tasksHint}</Typography.Paragraph>
              <Space wrap size={[24, 0]}>
                {(['complete_profile', 'bind_phone', 'first_order'] as const).map((task) => (
                  <Form.Item key={task} name={['tasks', task]} label={t.tasks[task]} required rules={[check(`tasks.${task}`)]}>
                    <InputNumber precision={0} addonAfter={t.pointsUnit} style={{ width: 180 }} data-testid={`task-${task}`} />
                  </Form.Item>
                ))}
              </Space>
              <Link to='/settings'>{t.checkInLink}</Link>
            </Card>

            <SaveButton loading={save.isPending} testId='points-rules-save' />
          </Space>
        </Form>
      </PageState>
    </div>
  );
}
