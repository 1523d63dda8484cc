import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { ImageUploader } from '../../components/ImageUploader';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { errorText, PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors, checkRule } from '../../lib/form-errors';
import { dayjs, yuan, zoneName } from '../../lib/format';
import { ruleSummary } from '../coupons/coupon-rule';
import { EMPTY_ITEM, formOfItem, ITEM_WORDS, type ItemForm, itemErrors, itemFormField, specsText, toItemUpdate, toNewItem } from './mall-item';

type CouponTemplate = Schemas['CouponTemplate'];

const t = zh.mall;
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** A catalog SKU: a product found by name, then one of its SKUs. */
function SkuPicker({ value, onChange, disabled }: { value?: number | null; onChange?: (id: number | null) => void; disabled?: boolean }) {
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const [productId, setProductId] = useState<number | null>(null);
  const search = useQuery({
    queryKey: ['product-search', keyword],
    queryFn: () => api.GET('/products', { params: { query: { keyword: keyword || undefined, pageSize: 20 } } }),
    staleTime: 30_000,
  });
  const product = useQuery({
    queryKey: ['product', productId],
    queryFn: () => api.GET('/products/{id}', { params: { path: { id: productId! } } }),
    enabled: productId !== null,
  });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setTyped }}
        disabled={disabled}
        value={productId ?? undefined}
        onChange={(id) => {
          setProductId(id);
          if (value) onChange?.(null);
        }}
        options={(search.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        placeholder={t.hints.productSearch}
        notFoundContent={search.isFetching ? <Spin size='small' /> : zh.common.empty}
        style={{ width: '50%' }}
        data-testid='mall-product-picker'
      />
      <Select<number>
        disabled={disabled || productId === null}
        value={value ?? undefined}
        onChange={(id) => onChange?.(id)}
        loading={product.isFetching}
        options={(product.data?.skus ?? []).map((s) => ({
          value: s.id,
          label: t.skuLabel(product.data!.title, specsText(s.specs), yuan(s.priceFen), s.stock),
        }))}
        placeholder={t.hints.skuPick}
        style={{ width: '50%' }}
        data-testid='mall-sku-picker'
      />
    </Space.Compact>
  );
}

/** A coupon template that can be issued (active), by name. */
function CouponPicker({ value, onChange, disabled }: { value?: number | null; onChange?: (id: number | null) => void; disabled?: boolean }) {
  const q = useQuery({
    queryKey: ['coupon-templates', { status: 'active', page: 1, pageSize: 100 }],
    queryFn: () => api.GET('/coupon-templates', { params: { query: { status: 'active', page: 1, pageSize: 100 } } }),
  });
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      disabled={disabled}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id)}
      loading={q.isFetching}
      options={(q.data?.items ?? []).map((c: CouponTemplate) => ({ value: c.id, label: `${c.name}（${ruleSummary(c)}）` }))}
      placeholder={t.hints.couponPick}
      notFoundContent={q.isFetching ? <Spin size='small' /> : zh.common.empty}
      style={{ width: '100%' }}
      data-testid='mall-coupon-picker'
    />
  );
}

export default function MallItemEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = id !== null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { canEdit, timeZone } = usePermissions();
  const [form] = Form.useForm<ItemForm>();
  const [topError, setTopError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['mall-item', id],
    queryFn: () => api.GET('/points-mall/items/{id}', { params: { path: { id: id! } } }),
    enabled: existing,
  });
  const item = q.data;

  // Load the item once (and after a save), not on every background refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the item's id and updatedAt stand for its contents.
  useEffect(() => {
    if (item) form.setFieldsValue(formOfItem(item, timeZone));
  }, [item?.id, item?.updatedAt, timeZone]);

  const kind = Form.useWatch('kind', form) ?? EMPTY_ITEM.kind;

  const check = (field: keyof ItemForm): Rule => checkRule((v: ItemForm) => itemErrors(v, !existing, timeZone), field);

  const save = useMutation({
    mutationFn: async (v: ItemForm) => {
      if (!existing) return { saved: await api.POST('/points-mall/items', { body: toNewItem(v, timeZone) }), changed: true };
      const patch = toItemUpdate(v, item!, timeZone);
      if (Object.keys(patch).length === 0) return { saved: item!, changed: false };
      return { saved: await api.PATCH('/points-mall/items/{id}', { params: { path: { id } }, body: patch }), changed: true };
    },
    onSuccess: ({ saved, changed }) => {
      queryClient.setQueryData(['mall-item', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['mall-items'] });
      if (!changed) {
        message.info(t.nothingChanged);
        return;
      }
      message.success(t.saved);
      navigate('/points/mall');
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, (f) => (f === 'status' ? null : itemFormField(f)), ITEM_WORDS);
      setTopError(rest.length || !(err instanceof ApiError) || !err.issues.length ? errorText(err) : null);
    },
  });

  const submit = async () => {
    setTopError(null);
    const ok = await form.validateFields().catch(() => null);
    if (!ok) return;
    save.mutate(form.getFieldsValue(true) as ItemForm);
  };

  if (existing && (q.isPending || q.error))
    return (
      <div>
        <div className='page-header'>
          <h2>{t.editTitle}</h2>
          <Button onClick={() => navigate('/points/mall')}>{zh.common.back}</Button>
        </div>
        <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()} />
      </div>
    );

  return (
    <div>
      <div className='page-header'>
        <h2>{existing ? t.editTitle : t.newTitle}</h2>
        <Space wrap>
          <Button onClick={() => navigate('/points/mall')}>{zh.common.back}</Button>
          <Guard viewer='disable'>
            <Button type='primary' loading={save.isPending} onClick={submit} data-testid='mall-save'>
              {zh.common.save}
            </Button>
          </Guard>
        </Space>
      </div>
      {topError && <Alert type='error' showIcon message={topError} style={{ marginBottom: 16 }} data-testid='mall-error' />}
      {existing && <Alert type='info' showIcon message={t.hints.snapshot} style={{ marginBottom: 16 }} />}
      <Form<ItemForm> form={form} layout='vertical' initialValues={EMPTY_ITEM} disabled={!canEdit} style={{ maxWidth: 880 }} data-testid='mall-form'>
        <Space direction='vertical' size={16} style={{ width: '100%' }}>
          <Card title={t.basics}>
            <Form.Item name='kind' label={t.fields.kind} extra={existing ? t.hints.kindFixed : t.kindHints[kind]}>
              <Radio.Group
                disabled={existing}
                optionType='button'
                options={(['sku', 'coupon', 'virtual'] as const).map((k) => ({ value: k, label: t.kinds[k] }))}
                data-testid='mall-kind'
              />
            </Form.Item>
            {kind === 'sku' &&
              (existing ? (
                <Form.Item label={t.fields.sku}>
                  <Typography.Text>{t.skuOf(item!.skuId!)}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item name='skuId' label={t.fields.sku} required rules={[check('skuId')]}>
                  <SkuPicker />
                </Form.Item>
              ))}
            {kind === 'coupon' &&
              (existing ? (
                <Form.Item label={t.fields.coupon}>
                  <Typography.Text>{t.couponOf(item!.couponTemplateId!)}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item name='couponTemplateId' label={t.fields.coupon} required rules={[check('couponTemplateId')]}>
                  <CouponPicker />
                </Form.Item>
              ))}
            <Form.Item name='title' label={t.fields.title} extra={t.hints.title} required rules={[check('title')]}>
              <Input maxLength={40} showCount data-testid='mall-title' />
            </Form.Item>
            <Form.Item name='images' label={t.fields.image} extra={t.hints.image}>
              <SingleImage />
            </Form.Item>
            <Form.Item name='description' label={t.fields.description} rules={[check('description')]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name='instructions'
              label={t.fields.instructions}
              extra={t.hints.instructions}
              required={kind === 'virtual'}
              rules={[check('instructions')]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid='mall-instructions' />
            </Form.Item>
          </Card>

          <Card title={t.pricing}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name='pointsPrice' label={t.fields.pointsPrice} extra={t.hints.pointsPrice} required rules={[check('pointsPrice')]}>
                  <InputNumber precision={0} addonAfter={zh.points.pointsUnit} style={{ width: '100%' }} data-testid='mall-points' />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name='cashFen' label={t.fields.cashFen} extra={t.hints.cashFen} rules={[moneyRule(), check('cashFen')]}>
                  <MoneyInput placeholder='0.00' aria-label={t.fields.cashFen} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                {existing ? (
                  <Form.Item label={t.fields.totalStock} extra={t.hints.stockOnList}>
                    <Typography.Text>{t.stockText(item!.stockLeft, item!.totalStock)}</Typography.Text>
                  </Form.Item>
                ) : (
                  <Form.Item name='totalStock' label={t.fields.totalStock} extra={t.hints.totalStock} required rules={[check('totalStock')]}>
                    <InputNumber precision={0} style={{ width: '100%' }} data-testid='mall-stock' />
                  </Form.Item>
                )}
              </Col>
            </Row>
          </Card>

          <Card title={t.rules}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name='perMemberLimit' label={t.fields.perMemberLimit} extra={t.hints.limit} rules={[check('perMemberLimit')]}>
                  <InputNumber precision={0} style={{ width: '100%' }} data-testid='mall-limit' />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name='perMemberDailyLimit'
                  label={t.fields.perMemberDailyLimit}
                  extra={t.hints.dailyLimit}
                  dependencies={['perMemberLimit']}
                  rules={[check('perMemberDailyLimit')]}
                >
                  <InputNumber precision={0} style={{ width: '100%' }} data-testid='mall-daily-limit' />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name='window'
              label={t.fields.window}
              extra={`${t.hints.window} · ${zoneName(timeZone)}`}
              rules={[check('window')]}
              getValueProps={(v: ItemForm['window']) => ({ value: v ? [v[0] ? dayjs(v[0]) : null, v[1] ? dayjs(v[1]) : null] : null })}
              normalize={(v: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null) =>
                v && (v[0] || v[1]) ? [v[0]?.format(PICKER_FORMAT) ?? null, v[1]?.format(PICKER_FORMAT) ?? null] : null
              }
            >
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                showTime={{ format: 'HH:mm', defaultOpenValue: [dayjs('2000-01-01 00:00'), dayjs('2000-01-01 23:59')] }}
                format={PICKER_FORMAT}
                style={{ width: '100%', maxWidth: 420 }}
                data-testid='mall-window'
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name='minTierLevel' label={t.fields.minTierLevel} extra={t.hints.minTierLevel} required rules={[check('minTierLevel')]}>
                  <InputNumber precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name='sortOrder' label={t.fields.sortOrder} extra={t.hints.sortOrder} required rules={[check('sortOrder')]}>
                  <InputNumber precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            {!existing && (
              <Form.Item name='listNow' valuePropName='checked' style={{ marginBottom: 0 }}>
                <Checkbox data-testid='mall-list-now'>{t.fields.listNow}</Checkbox>
              </Form.Item>
            )}
          </Card>
        </Space>
      </Form>
    </div>
  );
}

/** One image, through the product uploader (a new upload replaces it). */
function SingleImage({ value = [], onChange, disabled }: { value?: string[]; onChange?: (urls: string[]) => void; disabled?: boolean }) {
  return <ImageUploader value={value} onChange={(urls) => onChange?.(urls.slice(-1))} disabled={disabled} max={1} hint={null} />;
}
