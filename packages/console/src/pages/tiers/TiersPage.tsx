import { TierRules as TierRulesSchema } from '@siyu/shared';
import {
  CrownOutlined,
  CustomerServiceOutlined,
  DeleteOutlined,
  GiftOutlined,
  PayCircleOutlined,
  PercentageOutlined,
  PlusOutlined,
  SmileOutlined,
  StarOutlined,
  CarOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { ApiError, api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { checkRule, fieldMessage, namePath, schemaErrors } from '../../lib/form-errors';
import { categoryOptions, useCategories } from '../../lib/use-categories';
import { PercentInput } from '../coupons/PercentInput';
import { ProductPicker } from '../coupons/pickers';
import { emptyRow, formField, formOf, type LadderForm, ladderErrors, multiplierToBp, TIER_WORDS, type TierFormRow, toConfig } from './tier-form';

type TierLadder = Schemas['TierLadder'];
type TierRules = Schemas['TierRules'];

const t = zh.tiers;

/** A ladder field checked by the contract, with every value the editor holds. */
const check = (field: string) => checkRule(ladderErrors, field);

/** Puts the API's field errors beside the fields; answers whether any landed. */
function placeErrors(form: FormInstance, err: unknown, map: (f: string) => string | null): boolean {
  if (!(err instanceof ApiError) || err.issues.length === 0) return false;
  const fields = err.issues.flatMap((issue) => {
    const f = map(issue.field);
    return f ? [{ name: namePath(f), errors: [fieldMessage(issue, TIER_WORDS)] }] : [];
  });
  form.setFields(fields);
  return fields.length > 0;
}

function TierCard({ index, remove, canRemove, disabled }: { index: number; remove: () => void; canRemove: boolean; disabled: boolean }) {
  const form = Form.useFormInstance<LadderForm>();
  const scope = Form.useWatch(['tiers', index, 'memberPrice', 'scope'], form) ?? 'all';
  const categories = useCategories();
  const coupons = useQuery({
    queryKey: ['coupon-templates', 'tier-picker'],
    queryFn: () => api.GET('/coupon-templates', { params: { query: { page: 1, pageSize: 100 } } }),
    staleTime: 60_000,
  });
  const multiplier = Form.useWatch(['tiers', index, 'multiplier'], form);
  const name = Form.useWatch(['tiers', index, 'name'], form);
  return (
    <Card
      size='small'
      style={{ marginBottom: 16 }}
      data-testid={`tier-${index}`}
      title={
        <Space>
          <Tag color='gold'>{t.level(index)}</Tag>
          <span>{name || zh.common.none}</span>
        </Space>
      }
      extra={
        canRemove && !disabled ? (
          <Button type='text' danger icon={<DeleteOutlined />} onClick={remove} data-testid={`tier-${index}-remove`}>
            {t.removeTier}
          </Button>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[index, 'name']} label={t.name} required rules={[check(`tiers.${index}.name`)]}>
            <Input maxLength={40} data-testid={`tier-${index}-name`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[index, 'growthThreshold']}
            label={t.threshold}
            extra={index === 0 ? t.thresholdFirst : undefined}
            dependencies={index > 0 ? [['tiers', index - 1, 'growthThreshold']] : []}
            required
            rules={[check(`tiers.${index}.growthThreshold`)]}
          >
            <InputNumber
              min={0}
              max={1_000_000_000}
              precision={0}
              disabled={disabled || index === 0}
              style={{ width: '100%' }}
              data-testid={`tier-${index}-threshold`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[index, 'multiplier']}
            label={t.multiplier}
            extra={multiplierToBp(multiplier) ? t.multiplierText(multiplier ?? '') : undefined}
            rules={[check(`tiers.${index}.multiplier`)]}
          >
            <Input inputMode='decimal' suffix={t.multiplierUnit} placeholder='1.2' data-testid={`tier-${index}-multiplier`} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[index, 'memberPrice', 'basisPoints']} label={t.memberPrice} extra={t.discountHint}>
            <PercentInput disabled={disabled} data-testid={`tier-${index}-discount`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[index, 'memberPrice', 'scope']} label={t.scope}>
            <Radio.Group options={(['all', 'categories', 'products'] as const).map((s) => ({ value: s, label: t.scopes[s] }))} />
          </Form.Item>
          {scope === 'categories' && (
            <Form.Item name={[index, 'memberPrice', 'ids']} label={t.categories} required rules={[check(`tiers.${index}.memberPrice.ids`)]}>
              <TreeSelect
                multiple
                treeDefaultExpandAll
                treeData={categoryOptions(categories.data)}
                showSearch={{ treeNodeFilterProp: 'title' }}
                maxTagCount='responsive'
              />
            </Form.Item>
          )}
          {scope === 'products' && (
            <Form.Item name={[index, 'memberPrice', 'ids']} label={t.products} required rules={[check(`tiers.${index}.memberPrice.ids`)]}>
              <ProductPicker disabled={disabled} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={4}>
          <Form.Item name={[index, 'freeShipping']} label={t.freeShipping} valuePropName='checked'>
            <Switch data-testid={`tier-${index}-free-shipping`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[index, 'birthdayGift', 'points']} label={t.birthdayPoints}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'birthdayGift', 'couponTemplateId']} label={t.birthdayCoupon}>
            <Select
              allowClear
              placeholder={t.birthdayCouponNone}
              loading={coupons.isPending}
              options={(coupons.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（#${c.id}）` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t.display}</Typography.Text>
      <Typography.Text type='secondary' style={{ marginLeft: 8, fontSize: 12 }}>
        {t.displayHint}
      </Typography.Text>
      <Form.List name={[index, 'display']}>
        {(fields, { add, remove: removeDisplay }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f) => (
              <Space key={f.key} align='start' style={{ display: 'flex', marginBottom: 4 }} wrap>
                <Form.Item name={[f.name, 'icon']} rules={[check(`tiers.${index}.display.${f.name}.icon`)]} style={{ marginBottom: 8 }}>
                  <Select
                    style={{ width: 180 }}
                    placeholder={t.iconHint}
                    data-testid={`tier-${index}-icon-${f.name}`}
                    options={Object.entries(t.icons).map(([value, label]) => ({
                      value,
                      label: (
                        <Space size={6}>
                          {BENEFIT_ICONS[value]}
                          {label}
                        </Space>
                      ),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'text']} rules={[check(`tiers.${index}.display.${f.name}.text`)]} style={{ marginBottom: 8 }}>
                  <Input style={{ width: 280 }} maxLength={60} placeholder={t.text} />
                </Form.Item>
                {!disabled && <Button type='text' icon={<DeleteOutlined />} aria-label={zh.common.remove} onClick={() => removeDisplay(f.name)} />}
              </Space>
            ))}
            {!disabled && fields.length < 12 && (
              <Button type='dashed' icon={<PlusOutlined />} onClick={() => add({ icon: '', text: '' })}>
                {t.addDisplay}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </Card>
  );
}

function LadderEditor({ ladder }: { ladder: TierLadder }) {
  const [form] = Form.useForm<LadderForm>();
  const { canEdit } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useEffect(() => form.setFieldsValue(formOf(ladder.tiers)), [ladder, form]);
  const save = useMutation({
    mutationFn: (v: LadderForm) => api.PUT('/tiers', { body: toConfig(v) }),
    onSuccess: (saved) => {
      message.success(t.ladderSaved);
      queryClient.setQueryData(['tiers'], saved);
      void queryClient.invalidateQueries({ queryKey: ['member-tier'] });
    },
    onError: (err) => {
      if (!placeErrors(form, err, formField) || (err instanceof ApiError && err.code !== 'VALIDATION_FAILED'))
        message.error(err instanceof ApiError ? err.message : zh.common.loadFailed);
      else message.error(zh.errors.VALIDATION_FAILED);
    },
  });
  return (
    <Form form={form} layout='vertical' disabled={!canEdit} initialValues={formOf(ladder.tiers)} onFinish={(v) => save.mutate(v)} scrollToFirstError>
      <Typography.Paragraph type='secondary'>{t.ladderHint}</Typography.Paragraph>
      <Form.List name='tiers'>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <TierCard
                key={f.key}
                index={f.name}
                remove={() => remove(f.name)}
                canRemove={f.name > 0 && f.name === fields.length - 1}
                disabled={!canEdit}
              />
            ))}
            <Space>
              {canEdit && fields.length < 20 && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const rows = (form.getFieldValue('tiers') ?? []) as TierFormRow[];
                    add(emptyRow(rows[rows.length - 1]));
                  }}
                  data-testid='tier-add'
                >
                  {t.addTier}
                </Button>
              )}
              <Guard viewer='disable'>
                <Button type='primary' htmlType='submit' loading={save.isPending} data-testid='tiers-save'>
                  {t.saveLadder}
                </Button>
              </Guard>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}

function RulesEditor({ rules }: { rules: TierRules }) {
  const [form] = Form.useForm<TierRules>();
  const { canEdit } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useEffect(() => form.setFieldsValue(rules), [rules, form]);
  const policy = Form.useWatch(['downgrade', 'policy'], form) ?? rules.downgrade.policy;
  const hold = Form.useWatch(['downgrade', 'holdMonths'], form) ?? rules.downgrade.holdMonths;
  const windowMonths = Form.useWatch(['downgrade', 'windowMonths'], form) ?? rules.downgrade.windowMonths;
  const save = useMutation({
    mutationFn: (v: TierRules) => api.PUT('/tiers/rules', { body: v }),
    onSuccess: (saved) => {
      message.success(t.rulesSaved);
      queryClient.setQueryData(['tier-rules'], saved);
    },
    onError: (err) => {
      placeErrors(form, err, (f) => f);
      message.error(err instanceof ApiError ? err.message : zh.common.loadFailed);
    },
  });
  const check = (field: string) =>
    checkRule(
      (v: TierRules) => schemaErrors(TierRulesSchema, v, { integerRanges: true, labels: { perYuan: t.perYuan, checkIn: t.checkIn, task: t.task } }),
      field,
    );
  const num = (max: number, testId: string, unit?: string) => (
    <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} suffix={unit} data-testid={testId} />
  );
  return (
    <Form form={form} layout='vertical' disabled={!canEdit} initialValues={rules} onFinish={(v) => save.mutate(v)}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name='perYuan' label={t.perYuan} extra={t.perYuanHint} required rules={[check('perYuan')]}>
            {num(1000, 'rules-per-yuan')}
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name='checkIn' label={t.checkIn} required rules={[check('checkIn')]}>
            {num(10_000, 'rules-check-in')}
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name='task' label={t.task} required rules={[check('task')]}>
            {num(10_000, 'rules-task')}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={['downgrade', 'policy']}
        label={t.downgrade}
        extra={policy === 'never' ? t.neverHint : t.policyHint(hold ?? 0, windowMonths ?? 0)}
      >
        <Radio.Group options={(['never', 'hold_then_reevaluate'] as const).map((p) => ({ value: p, label: t.policies[p] }))} />
      </Form.Item>
      <Row gutter={16} style={{ display: policy === 'never' ? 'none' : undefined }}>
        <Col xs={24} md={8}>
          <Form.Item name={['downgrade', 'holdMonths']} label={t.holdMonths} required rules={[check('downgrade.holdMonths')]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} suffix={t.monthsUnit} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['downgrade', 'windowMonths']} label={t.windowMonths} required rules={[check('downgrade.windowMonths')]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} suffix={t.monthsUnit} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['birthdayGift', 'when']} label={t.birthdayWhen}>
        <Radio.Group options={(['month', 'day'] as const).map((w) => ({ value: w, label: t.birthdayWhens[w] }))} />
      </Form.Item>
      <Guard viewer='disable'>
        <Button type='primary' htmlType='submit' loading={save.isPending} data-testid='rules-save'>
          {t.saveRules}
        </Button>
      </Guard>
    </Form>
  );
}

/** The benefit icons the storefront draws, drawn here too (never their names: gift, truck…). */
const BENEFIT_ICONS: Record<string, ReactNode> = {
  gift: <GiftOutlined />,
  discount: <PercentageOutlined />,
  points: <PayCircleOutlined />,
  cake: <SmileOutlined />,
  truck: <CarOutlined />,
  crown: <CrownOutlined />,
  star: <StarOutlined />,
  service: <CustomerServiceOutlined />,
};

export default function TiersPage() {
  const { canEdit } = usePermissions();
  const ladder = useQuery({ queryKey: ['tiers'], queryFn: () => api.GET('/tiers') });
  const rules = useQuery({ queryKey: ['tier-rules'], queryFn: () => api.GET('/tiers/rules') });
  return (
    <div>
      <div className='page-header'>
        <h2>{t.title}</h2>
      </div>
      {!canEdit && <Alert type='warning' showIcon message={t.readOnly} style={{ marginBottom: 16 }} data-testid='tiers-read-only' />}
      <Space direction='vertical' size={16} style={{ width: '100%' }}>
        <Card title={t.ladder}>
          <PageState loading={ladder.isPending} error={ladder.error} onRetry={() => ladder.refetch()}>
            {ladder.data && <LadderEditor ladder={ladder.data} />}
          </PageState>
        </Card>
        <Card title={t.rules}>
          <PageState loading={rules.isPending} error={rules.error} onRetry={() => rules.refetch()}>
            {rules.data && <RulesEditor rules={rules.data} />}
          </PageState>
        </Card>
      </Space>
    </div>
  );
}
