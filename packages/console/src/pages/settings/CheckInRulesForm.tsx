import { CheckInRules as CheckInRulesSchema } from '@siyu/shared';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { SaveButton } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { checkRule, reportError, schemaErrors } from '../../lib/form-errors';

type CheckInRules = Schemas['CheckInRules'];

const t = zh.checkInRules;

/** The body the form sends: under the streak rule there is no cycle, so no milestones and no make-up (the API refuses them). */
function bodyOf(v: CheckInRules): CheckInRules {
  return v.cycle !== 'streak'
    ? { ...v, cumulativeRewards: (v.cumulativeRewards ?? []).map((m) => ({ ...m, growth: m.growth ?? 0 })) }
    : { ...v, cumulativeRewards: [], makeUp: { ...v.makeUp, enabled: false } };
}

/** What the contract says about the form's body, by field. */
function rulesErrors(v: CheckInRules): Partial<Record<string, string>> {
  return schemaErrors(CheckInRulesSchema, bodyOf(v), {
    words: { 'cumulativeRewards.*.count:duplicate': t.countTaken },
    integerRanges: true,
  });
}
const check = (field: string) => checkRule(rulesErrors, field);

/** The check-in rules: daily rewards, the cycle, cumulative rewards and make-up (补签). Owners and operators edit; viewers read. */
export function CheckInRulesForm() {
  const { canEdit } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CheckInRules>();
  const q = useQuery({ queryKey: ['check-in-rules'], queryFn: () => api.GET('/check-in/rules') });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: CheckInRules) => api.PUT('/check-in/rules', { body: v }),
    onSuccess: (r) => {
      queryClient.setQueryData(['check-in-rules'], r);
      message.success(zh.common.saved);
    },
    onError: (err) => reportError(form, err, message),
  });
  const cycle = (Form.useWatch('cycle', form) ?? 'streak') as CheckInRules['cycle'];
  const makeUpEnabled = Boolean(Form.useWatch(['makeUp', 'enabled'], form));
  const inCycle = cycle !== 'streak';

  const submit = (v: CheckInRules) => save.mutate(bodyOf(v));

  return (
    <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
      <Form form={form} layout='vertical' style={{ maxWidth: 800 }} disabled={!canEdit} onFinish={submit} data-testid='check-in-rules-form'>
        <Space direction='vertical' size={16} style={{ width: '100%' }}>
          <Card title={t.dailyCard}>
            <Form.Item name='cycle' label={t.cycle} extra={t.cycleHints[cycle]}>
              <Radio.Group
                data-testid='check-in-cycle'
                options={(['streak', 'week', 'month'] as const).map((value) => ({ value, label: t.cycles[value] }))}
              />
            </Form.Item>
            <Form.Item label={zh.settings.rewards} required>
              <Form.List name='rewards'>
                {(fields, { add, remove }) => (
                  <Space wrap size={[12, 12]}>
                    {fields.map((field, i) => (
                      <Space key={field.key} size={4} align='start'>
                        <Form.Item {...field} noStyle rules={[check(`rewards.${i}`)]}>
                          <InputNumber addonBefore={zh.settings.rewardDay(i + 1)} precision={0} min={0} style={{ width: 150 }} />
                        </Form.Item>
                        {canEdit && fields.length > 1 && (
                          <Button type='text' icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={zh.common.remove} />
                        )}
                      </Space>
                    ))}
                    {canEdit && fields.length < 31 && (
                      <Button icon={<PlusOutlined />} onClick={() => add(0)}>
                        {zh.settings.addDay}
                      </Button>
                    )}
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name='afterCycle' label={zh.settings.afterCycle}>
              <Radio.Group options={Object.entries(zh.settings.afterCycleOptions).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Typography.Text type='secondary'>
              {t.growthHint} <Link to='/tiers'>{t.growthLink}</Link>
            </Typography.Text>
          </Card>

          <Card title={t.cumulativeCard}>
            {!inCycle ? (
              <Alert type='info' showIcon message={t.needsCycle} data-testid='check-in-needs-cycle' />
            ) : (
              <Form.List name='cumulativeRewards'>
                {(fields, { add, remove }) => (
                  <Space direction='vertical' size={8} style={{ width: '100%' }}>
                    <Typography.Text type='secondary'>{t.cumulativeHint}</Typography.Text>
                    {fields.map((field, i) => (
                      <Space key={field.key} size={8} align='start' wrap data-testid={`milestone-${i}`}>
                        <Form.Item name={[field.name, 'count']} rules={[check(`cumulativeRewards.${i}.count`)]}>
                          <InputNumber
                            addonBefore={t.countBefore}
                            addonAfter={t.countAfter}
                            precision={0}
                            style={{ width: 200 }}
                            aria-label={t.countBefore}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'points']} rules={[check(`cumulativeRewards.${i}.points`)]}>
                          <InputNumber addonAfter={t.pointsUnit} precision={0} style={{ width: 130 }} aria-label={t.pointsUnit} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'growth']} rules={[check(`cumulativeRewards.${i}.growth`)]}>
                          <InputNumber addonAfter={t.growthUnit} precision={0} style={{ width: 130 }} aria-label={t.growthUnit} />
                        </Form.Item>
                        {canEdit && <Button type='text' icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={zh.common.remove} />}
                      </Space>
                    ))}
                    {canEdit && fields.length < 10 && (
                      <Button icon={<PlusOutlined />} onClick={() => add({ count: undefined, points: 0, growth: 0 })} data-testid='add-milestone'>
                        {t.addMilestone}
                      </Button>
                    )}
                  </Space>
                )}
              </Form.List>
            )}
          </Card>

          <Card title={t.makeUpCard}>
            {!inCycle ? (
              <Alert type='info' showIcon message={t.needsCycle} />
            ) : (
              <>
                <Form.Item name={['makeUp', 'enabled']} label={t.makeUpEnabled} valuePropName='checked'>
                  <Switch data-testid='make-up-enabled' />
                </Form.Item>
                <Space wrap size={[24, 0]} align='start'>
                  <Form.Item
                    name={['makeUp', 'costPoints']}
                    label={t.makeUpCost}
                    extra={t.makeUpCostHint}
                    required
                    rules={[check('makeUp.costPoints')]}
                  >
                    <InputNumber
                      addonAfter={t.pointsUnit}
                      precision={0}
                      style={{ width: 180 }}
                      disabled={!canEdit || !makeUpEnabled}
                      data-testid='make-up-cost'
                    />
                  </Form.Item>
                  <Form.Item name={['makeUp', 'maxPerCycle']} label={t.makeUpMax} required rules={[check('makeUp.maxPerCycle')]}>
                    <InputNumber
                      addonAfter={t.timesUnit}
                      precision={0}
                      style={{ width: 160 }}
                      disabled={!canEdit || !makeUpEnabled}
                      data-testid='make-up-max'
                    />
                  </Form.Item>
                </Space>
                <Form.Item name={['makeUp', 'payReward']} label={t.makeUpPayReward} extra={t.makeUpPayRewardHint} valuePropName='checked'>
                  <Switch disabled={!canEdit || !makeUpEnabled} data-testid='make-up-pay-reward' />
                </Form.Item>
              </>
            )}
          </Card>

          <SaveButton loading={save.isPending} testId='check-in-rules-save' />
        </Space>
      </Form>
    </PageState>
  );
}
