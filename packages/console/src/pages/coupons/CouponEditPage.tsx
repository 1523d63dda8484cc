import type { CouponKind } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { MoneyInput } from '../../components/MoneyInput';
import { errorText, PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { dayjs, zoneName } from '../../lib/format';
import { categoryNames, categoryOptions, useCategories } from '../../lib/use-categories';
import {
  EMPTY_FORM,
  formOf,
  isPercentBp,
  KIND_FIELDS,
  type RuleField,
  formField,
  ruleErrors,
  ruleSummary,
  scopeText,
  type TemplateForm,
  toNewTemplate,
  toTemplateUpdate,
  validityText,
} from './coupon-rule';
import { PercentInput } from './PercentInput';
import { ProductPicker } from './pickers';
import { StatusTags } from './StatusActions';
import { useTemplate } from './queries';

type CouponTemplate = Schemas['CouponTemplate'];

const c = zh.coupons;
const KINDS: CouponKind[] = ['threshold_off', 'no_threshold_off', 'percent_off', 'free_shipping'];
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * Fields whose check reads another field: when that one changes, they are checked again, if the merchant has already
 * been at them (an amount not typed yet is not called missing while the threshold is being typed).
 */
const DEPENDENTS: Record<string, (string | string[])[]> = {
  kind: ['amountFen', 'thresholdFen', 'percentOffBp', 'capFen'],
  thresholdFen: ['amountFen'],
  scope: [['scope', 'ids']],
  unlimitedStock: ['totalStock'],
  validity: [
    ['validity', 'range'],
    ['validity', 'days'],
  ],
};

/** A live look at what the merchant is making. */
function Preview({ form, timeZone, tpl }: { form: ReturnType<typeof Form.useForm<TemplateForm>>[0]; timeZone: string; tpl?: CouponTemplate }) {
  const values = Form.useWatch([], { form, preserve: true }) as TemplateForm | undefined;
  const categories = useCategories();
  if (!values?.kind) return null;
  const errors = ruleErrors(values);
  const ruleOk = !errors.amountFen && !errors.thresholdFen && !errors.percentOffBp && !errors.capFen;
  const fields = KIND_FIELDS[values.kind];
  const summary = ruleOk
    ? ruleSummary({
        kind: values.kind,
        amountFen: fields.amount ? values.amountFen : null,
        percentOffBp: fields.percent && isPercentBp(values.percentOffBp) ? values.percentOffBp : null,
        capFen: fields.percent ? (values.capFen ?? null) : null,
        thresholdFen: fields.threshold === 'none' ? 0 : (values.thresholdFen ?? 0),
      })
    : zh.common.none;
  let validity: string = zh.common.none;
  if (!errors['validity.range'] && !errors['validity.days']) {
    try {
      validity = validityText(toNewTemplate(values, timeZone).validity, timeZone);
    } catch {
      /* not yet a window */
    }
  }
  const scope = values.scope ?? EMPTY_FORM.scope;
  return (
    <Card title={c.preview} size='small' className='coupon-preview'>
      <div className='coupon-face'>
        <div className='coupon-face-rule' data-testid='coupon-preview-rule'>
          {summary}
        </div>
        <div className='coupon-face-name'>{values.name?.trim() || c.fields.name}</div>
      </div>
      <Descriptions column={1} size='small' styles={{ label: { width: 88 } }}>
        <Descriptions.Item label={c.fields.kind}>{c.kinds[values.kind]}</Descriptions.Item>
        <Descriptions.Item label={c.fields.scopeType}>
          {scope.type === 'products'
            ? `${c.scopeTypes.products} · ${scope.ids.length}`
            : scopeText({ ...scope, ids: scope.ids ?? [], excludeProductIds: scope.excludeProductIds ?? [] }, categoryNames(categories.data))}
        </Descriptions.Item>
        <Descriptions.Item label={c.columns.validity}>{validity}</Descriptions.Item>
        <Descriptions.Item label={c.fields.totalStock}>
          {values.unlimitedStock ? c.unlimited : (values.totalStock ?? zh.common.none)}
        </Descriptions.Item>
        <Descriptions.Item label={c.fields.perMemberLimit}>{values.perMemberLimit ?? zh.common.none}</Descriptions.Item>
        {tpl && <Descriptions.Item label={c.claimedSoFar}>{tpl.claimedCount}</Descriptions.Item>}
        <Descriptions.Item label={c.timeZone}>{zoneName(timeZone)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A new editor for each template (and each copy): nothing typed for one is carried over to another. */
export default function CouponEditPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  return <CouponEditor key={`${id ?? 'new'}:${search.get('copy') ?? ''}`} />;
}

function CouponEditor() {
  const params = useParams();
  const [search] = useSearchParams();
  const id = params.id ? Number(params.id) : null;
  const copyFrom = id === null && search.get('copy') ? Number(search.get('copy')) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { canEdit, timeZone } = usePermissions();
  const [form] = Form.useForm<TemplateForm>();
  const categories = useCategories();
  const [topError, setTopError] = useState<string | null>(null);

  const q = useTemplate(id);
  const source = useQuery({
    queryKey: ['coupon-template', copyFrom],
    queryFn: () => api.GET('/coupon-templates/{id}', { params: { path: { id: copyFrom! } } }),
    enabled: copyFrom !== null,
  });
  const tpl = q.data;
  const existing = id !== null;
  const ended = tpl?.status === 'ended';

  // Load the template into the form once (and again after a save), not on every background refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the template's id and updatedAt stand for its contents.
  useEffect(() => {
    if (tpl) form.setFieldsValue(formOf(tpl, timeZone));
  }, [tpl?.id, tpl?.updatedAt, timeZone]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a copy is loaded once.
  useEffect(() => {
    if (source.data) form.setFieldsValue({ ...formOf(source.data, timeZone), name: c.copyOf(source.data.name) });
  }, [source.data?.id]);

  const kind = Form.useWatch('kind', form) ?? EMPTY_FORM.kind;
  const scopeType = Form.useWatch(['scope', 'type'], form) ?? 'all';
  const validityType = Form.useWatch(['validity', 'type'], form) ?? 'relative';
  const unlimited = Form.useWatch('unlimitedStock', form) ?? false;
  const fields = KIND_FIELDS[kind];

  /** A form rule that asks ruleErrors about one field, with every value the form holds. */
  const check =
    (field: RuleField): Rule =>
    ({ getFieldsValue }) => ({
      validator: async () => {
        const error = ruleErrors(getFieldsValue(true) as TemplateForm, { claimed: tpl?.claimedCount, timeZone })[field];
        if (error) throw new Error(error);
      },
    });

  const save = useMutation({
    mutationFn: async ({ values, activate }: { values: TemplateForm; activate: boolean }) => {
      if (!existing) {
        const created = await api.POST('/coupon-templates', { body: toNewTemplate(values, timeZone) });
        // 保存并启用: the draft saved, then started; a refusal to start leaves the saved draft and says why.
        if (!activate) return { tpl: created, changed: true };
        try {
          return { tpl: await api.POST('/coupon-templates/{id}/activate', { params: { path: { id: created.id } } }), changed: true };
        } catch (err) {
          message.error(errorText(err));
          return { tpl: created, changed: true };
        }
      }
      const patch = toTemplateUpdate(values, tpl!, timeZone);
      if (Object.keys(patch).length === 0) return { tpl: tpl!, changed: false };
      return { tpl: await api.PATCH('/coupon-templates/{id}', { params: { path: { id } }, body: patch }), changed: true };
    },
    onSuccess: ({ tpl: saved, changed }) => {
      queryClient.setQueryData(['coupon-template', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['coupon-templates'] });
      if (!changed) {
        message.info(c.nothingChanged);
        return;
      }
      message.success(existing ? c.saved : c.created);
      navigate(`/coupons/${saved.id}`, { replace: !existing });
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, formField);
      setTopError(rest.length || !(err instanceof ApiError) || !err.issues.length ? errorText(err) : null);
    },
  });

  const submit = async (activate = false) => {
    setTopError(null);
    const ok = await form.validateFields().catch(() => null);
    if (!ok) return;
    save.mutate({ values: form.getFieldsValue(true) as TemplateForm, activate });
  };

  if (existing && (q.isPending || q.error)) return <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()} />;
  if (copyFrom !== null && (source.isPending || source.error))
    return <PageState loading={source.isPending} error={source.error} onRetry={() => source.refetch()} />;

  const ruleLocked = existing || !canEdit;
  return (
    <div>
      <div className='page-header'>
        <Space wrap>
          <h2>{existing ? c.editTitle : c.createTitle}</h2>
          {tpl && <StatusTags tpl={tpl} />}
        </Space>
        <Space wrap>
          <Button onClick={() => navigate(existing ? `/coupons/${id}` : '/coupons')}>{zh.common.back}</Button>
          {tpl && (
            <Guard viewer='disable'>
              <Button onClick={() => navigate(`/coupons/new?copy=${tpl.id}`)} data-testid='coupon-copy'>
                {c.copy}
              </Button>
            </Guard>
          )}
          <Guard viewer='disable'>
            <Button
              type={existing ? 'primary' : 'default'}
              loading={save.isPending}
              onClick={() => submit()}
              disabled={ended}
              data-testid='coupon-save'
            >
              {zh.common.save}
            </Button>
          </Guard>
          {!existing && (
            <Guard viewer='disable'>
              <Button type='primary' loading={save.isPending} onClick={() => submit(true)} data-testid='coupon-save-activate'>
                {c.saveAndActivate}
              </Button>
            </Guard>
          )}
        </Space>
      </div>
      {topError && <Alert type='error' showIcon message={topError} style={{ marginBottom: 16 }} data-testid='coupon-error' />}
      {ended && <Alert type='warning' showIcon message={c.endedNote} style={{ marginBottom: 16 }} />}
      {existing && !ended && (
        <Alert
          type='info'
          showIcon
          style={{ marginBottom: 16 }}
          data-testid='coupon-locked-note'
          message={c.claimedKeepRule}
          description={c.lockedRule}
        />
      )}
      <Form<TemplateForm>
        form={form}
        layout='vertical'
        disabled={!canEdit || ended}
        initialValues={EMPTY_FORM}
        onValuesChange={(changed) => {
          const touched = Object.keys(changed)
            .flatMap((key) => DEPENDENTS[key] ?? [])
            .filter((name) => (form as FormInstance).isFieldTouched(name));
          if (touched.length) void (form as FormInstance).validateFields(touched).catch(() => {});
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card title={c.sections.basics} style={{ marginBottom: 16 }}>
              <Form.Item name='name' label={c.fields.name} required rules={[check('name')]}>
                <Input maxLength={30} showCount data-testid='coupon-name' />
              </Form.Item>
              <Form.Item name='description' label={c.fields.description} extra={c.hints.description} rules={[check('description')]}>
                <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Card>

            <Card title={c.sections.rule} style={{ marginBottom: 16 }}>
              <Form.Item name='kind' label={c.fields.kind}>
                <Radio.Group disabled={ruleLocked} className='kind-choice' data-testid='coupon-kind'>
                  {KINDS.map((k) => (
                    <Radio.Button key={k} value={k} data-testid={`coupon-kind-${k}`}>
                      <span className='nowrap'>{c.kinds[k]}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Typography.Paragraph type='secondary' style={{ marginTop: -12 }}>
                {c.kindHints[kind]}
              </Typography.Paragraph>
              <Row gutter={16}>
                {fields.threshold !== 'none' && (
                  <Col xs={24} md={12}>
                    <Form.Item
                      name='thresholdFen'
                      label={c.fields.threshold}
                      required={fields.threshold === 'required'}
                      extra={fields.threshold === 'required' ? c.hints.threshold : c.hints.thresholdOptional}
                      rules={[check('thresholdFen')]}
                    >
                      <MoneyInput disabled={ruleLocked} placeholder={fields.threshold === 'required' ? '0.00' : ''} aria-label={c.fields.threshold} />
                    </Form.Item>
                  </Col>
                )}
                {fields.amount && (
                  <Col xs={24} md={12}>
                    <Form.Item name='amountFen' label={c.fields.amount} required rules={[check('amountFen')]}>
                      <MoneyInput disabled={ruleLocked} aria-label={c.fields.amount} />
                    </Form.Item>
                  </Col>
                )}
                {fields.percent && (
                  <>
                    <Col xs={24} md={12}>
                      <Form.Item name='percentOffBp' label={c.fields.percent} required rules={[check('percentOffBp')]}>
                        <PercentInput disabled={ruleLocked} aria-label={c.fields.percent} data-testid='coupon-percent' />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name='capFen' label={c.fields.cap} extra={c.hints.cap} rules={[check('capFen')]}>
                        <MoneyInput disabled={ruleLocked} placeholder='' aria-label={c.fields.cap} />
                      </Form.Item>
                    </Col>
                  </>
                )}
              </Row>
            </Card>

            <Card title={c.sections.scope} style={{ marginBottom: 16 }}>
              <Form.Item name={['scope', 'type']} label={c.fields.scopeType}>
                <Radio.Group
                  disabled={ruleLocked}
                  options={(['all', 'categories', 'products'] as const).map((s) => ({ value: s, label: c.scopeTypes[s] }))}
                />
              </Form.Item>
              {scopeType === 'categories' && (
                <Form.Item name={['scope', 'ids']} label={c.fields.categories} required rules={[check('scope.ids')]}>
                  <TreeSelect
                    multiple
                    disabled={ruleLocked}
                    treeDefaultExpandAll
                    treeData={categoryOptions(categories.data)}
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    maxTagCount='responsive'
                    data-testid='coupon-scope-categories'
                  />
                </Form.Item>
              )}
              {scopeType === 'products' && (
                <Form.Item name={['scope', 'ids']} label={c.fields.products} required rules={[check('scope.ids')]}>
                  <ProductPicker disabled={ruleLocked} data-testid='coupon-scope-products' />
                </Form.Item>
              )}
              {scopeType !== 'products' && (
                <Form.Item name={['scope', 'excludeProductIds']} label={c.fields.exclude} extra={c.hints.exclude}>
                  <ProductPicker disabled={ruleLocked} data-testid='coupon-scope-exclude' />
                </Form.Item>
              )}
            </Card>

            <Card title={c.sections.validity} style={{ marginBottom: 16 }}>
              <Form.Item name={['validity', 'type']} label={c.fields.validityType}>
                <Radio.Group
                  options={(['fixed', 'relative'] as const).map((v) => ({ value: v, label: c.validityTypes[v] }))}
                  data-testid='coupon-validity-type'
                />
              </Form.Item>
              {validityType === 'fixed' ? (
                <Form.Item
                  name={['validity', 'range']}
                  label={c.fields.validRange}
                  required
                  extra={`${c.hints.range} · ${zoneName(timeZone)}`}
                  rules={[check('validity.range')]}
                  getValueProps={(v: [string, string] | null) => ({ value: v ? [dayjs(v[0]), dayjs(v[1])] : null })}
                  normalize={(v: [dayjs.Dayjs, dayjs.Dayjs] | null) => (v ? [v[0].format(PICKER_FORMAT), v[1].format(PICKER_FORMAT)] : null)}
                >
                  <DatePicker.RangePicker
                    showTime={{ format: 'HH:mm', defaultOpenValue: [dayjs('2000-01-01 00:00'), dayjs('2000-01-01 23:59')] }}
                    format={PICKER_FORMAT}
                    style={{ width: '100%', maxWidth: 420 }}
                    data-testid='coupon-validity-range'
                  />
                </Form.Item>
              ) : (
                <Row gutter={16} align='top'>
                  <Col xs={24} md={12}>
                    <Form.Item name={['validity', 'days']} label={c.fields.days} required extra={c.hints.days} rules={[check('validity.days')]}>
                      <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid='coupon-validity-days' />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['validity', 'startsNextDay']}
                      label={c.fields.startsNextDay}
                      valuePropName='checked'
                      extra={c.hints.startsNextDay}
                    >
                      <Switch />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>

            <Card title={c.sections.issuing} style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label={c.fields.totalStock} required={!unlimited}>
                    <Form.Item name='totalStock' noStyle rules={[check('totalStock')]}>
                      <InputNumber min={1} max={10_000_000} precision={0} disabled={unlimited} style={{ width: '100%' }} data-testid='coupon-stock' />
                    </Form.Item>
                    <Form.Item name='unlimitedStock' valuePropName='checked' noStyle>
                      <Checkbox style={{ marginTop: 8 }} data-testid='coupon-unlimited'>
                        {c.fields.unlimitedStock}
                      </Checkbox>
                    </Form.Item>
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name='perMemberLimit'
                    label={c.fields.perMemberLimit}
                    required
                    extra={c.hints.perMemberLimit}
                    rules={[check('perMemberLimit')]}
                  >
                    <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name='public' label={c.fields.public} valuePropName='checked' extra={c.hints.public}>
                <Switch data-testid='coupon-public' />
              </Form.Item>
            </Card>

            <Card title={c.sections.stacking} style={{ marginBottom: 16 }}>
              <Form.Item name={['stacking', 'withCouponKinds']} label={c.fields.withCouponKinds} extra={c.hints.stacking}>
                <Checkbox.Group disabled={ruleLocked} options={KINDS.filter((k) => k !== kind).map((k) => ({ value: k, label: c.kinds[k] }))} />
              </Form.Item>
              <Space size='large' wrap style={{ marginBottom: 16 }}>
                <Form.Item name={['stacking', 'withTierDiscount']} valuePropName='checked' noStyle>
                  <Checkbox disabled={ruleLocked}>{c.fields.withTierDiscount}</Checkbox>
                </Form.Item>
                <Form.Item name={['stacking', 'withPoints']} valuePropName='checked' noStyle>
                  <Checkbox disabled={ruleLocked}>{c.fields.withPoints}</Checkbox>
                </Form.Item>
              </Space>
              <Form.Item name='minTierLevel' label={c.fields.minTierLevel} extra={c.hints.minTierLevel} rules={[check('minTierLevel')]}>
                <InputNumber min={0} max={20} precision={0} disabled={ruleLocked} style={{ width: 160 }} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <div className='sticky-side'>
              <Preview form={form} timeZone={timeZone} tpl={tpl} />
            </div>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
