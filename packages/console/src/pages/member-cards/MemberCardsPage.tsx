import { MemberCardInput } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type QueryOf } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PagedTable, usePagedQuery, useUrlFilters, pagingOf } from '../../components/ListPage';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors, contractRules, reportError } from '../../lib/form-errors';
import { dateTime, yuan } from '../../lib/format';

const t = zh.memberCards;
type CardRow = Awaited<ReturnType<typeof listCards>>['items'][number];
type HolderPage = Awaited<ReturnType<typeof listHolders>>;
type HolderRow = HolderPage['items'][number];
type Values = {
  name: string;
  priceFen: number;
  periodMonths: number;
  refundDays: number;
  onSale: boolean;
  memberPriceBp: number;
  pointsMultiplierBp: number;
  freeShipping: boolean;
  mayDistribute: boolean;
  couponTemplateId: number | null;
  couponsPerMonth: number;
};

const listCards = () => api.GET('/member-cards', {});
const listHolders = (query: QueryOf<'/member-cards/holders'>) => api.GET('/member-cards/holders', { params: { query } });

const toBody = (v: Values): MemberCardInput => ({
  name: v.name,
  priceFen: v.priceFen,
  periodMonths: v.periodMonths,
  refundDays: v.refundDays,
  onSale: v.onSale,
  benefits: {
    memberPriceBp: v.memberPriceBp,
    pointsMultiplierBp: v.pointsMultiplierBp,
    freeShipping: v.freeShipping,
    mayDistribute: v.mayDistribute,
    couponTemplateId: v.couponTemplateId ?? null,
    couponsPerMonth: v.couponsPerMonth,
  },
});
const rule = contractRules<Values>(MemberCardInput, { toBody });

const benefitText = (b: CardRow['benefits']) =>
  [
    b.memberPriceBp > 0 ? `${(10_000 - b.memberPriceBp) / 1000} 折` : null,
    b.freeShipping ? t.freeShipping : null,
    b.pointsMultiplierBp > 10_000 ? `积分 ${b.pointsMultiplierBp / 10_000} 倍` : null,
    b.couponsPerMonth > 0 ? `每月 ${b.couponsPerMonth} 张券` : null,
    b.mayDistribute ? t.mayDistribute : null,
  ]
    .filter(Boolean)
    .join(' · ');

function CardDialog({ card, onClose }: { card: CardRow | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const m = useMutation({
    mutationFn: (v: Values) =>
      card ? api.PUT('/member-cards/{id}', { params: { path: { id: card.id } }, body: toBody(v) }) : api.POST('/member-cards', { body: toBody(v) }),
    onSuccess: () => {
      message.success(t.saved);
      void queryClient.invalidateQueries({ queryKey: ['member-cards'] });
      onClose();
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      reportError(form, err, message);
    },
  });
  const initial: Values = card
    ? { ...card, ...card.benefits }
    : {
        name: '',
        priceFen: 19_900,
        periodMonths: 12,
        refundDays: 7,
        onSale: true,
        memberPriceBp: 1000,
        pointsMultiplierBp: 10_000,
        freeShipping: true,
        mayDistribute: false,
        couponTemplateId: null,
        couponsPerMonth: 0,
      };
  return (
    <Modal
      open
      title={card ? t.editTitle : t.addTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'member-card-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout='vertical' initialValues={initial} onFinish={(v) => m.mutate(v)}>
        <Form.Item name='name' label={t.name} required rules={[rule('name')]}>
          <Input maxLength={40} data-testid='member-card-name' />
        </Form.Item>
        <Space wrap>
          <Form.Item name='priceFen' label={t.price} required rules={[moneyRule({ required: true, label: t.price })]}>
            <MoneyInput aria-label={t.price} />
          </Form.Item>
          <Form.Item name='periodMonths' label={t.period} required rules={[rule('periodMonths')]}>
            <InputNumber<number> min={1} max={36} precision={0} />
          </Form.Item>
          <Form.Item name='refundDays' label={t.refundDays} required rules={[rule('refundDays')]}>
            <InputNumber<number> min={0} max={28} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name='memberPriceBp' label={t.memberPriceBp} rules={[rule('benefits.memberPriceBp')]}>
            <InputNumber<number> min={0} max={9000} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name='pointsMultiplierBp' label={t.pointsMultiplierBp} rules={[rule('benefits.pointsMultiplierBp')]}>
            <InputNumber<number> min={10_000} max={100_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name='couponTemplateId' label={t.couponTemplateId}>
            <InputNumber<number> min={1} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name='couponsPerMonth' label={t.couponsPerMonth} rules={[rule('benefits.couponsPerMonth')]}>
            <InputNumber<number> min={0} max={10} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap size='large'>
          <Form.Item name='freeShipping' label={t.freeShipping} valuePropName='checked'>
            <Switch />
          </Form.Item>
          <Form.Item name='mayDistribute' label={t.mayDistribute} valuePropName='checked'>
            <Switch />
          </Form.Item>
          <Form.Item name='onSale' label={t.onSale} valuePropName='checked'>
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 付费会员卡: the cards (price, period, refund rule, benefits) and their holders with expiry and the refund rule. */
export default function MemberCardsPage() {
  const { timeZone } = usePermissions();
  const [editing, setEditing] = useState<CardRow | 'new' | null>(null);
  const cards = useQuery({ queryKey: ['member-cards', 'list'], queryFn: listCards });
  const { filters, setFilters } = useUrlFilters((params) => ({
    ...pagingOf(params),
    status: (params.get('status') ?? undefined) as QueryOf<'/member-cards/holders'>['status'],
  }));
  const holders = usePagedQuery<HolderRow>(['member-cards', 'holders', filters], () => listHolders(filters));

  return (
    <div>
      <div className='page-header'>
        <h2>{t.title}</h2>
      </div>
      <Card
        title={t.cardsTitle}
        extra={
          <Guard>
            <Button type='primary' onClick={() => setEditing('new')} data-testid='member-card-add'>
              {t.add}
            </Button>
          </Guard>
        }
        style={{ marginBottom: 16 }}
      >
        <PageState loading={cards.isPending} error={cards.error} onRetry={() => cards.refetch()}>
          <Table<CardRow>
            rowKey='id'
            dataSource={cards.data?.items}
            pagination={false}
            locale={{ emptyText: zh.common.empty }}
            scroll={{ x: 900 }}
            columns={[
              { title: t.name, dataIndex: 'name', key: 'name', width: 160 },
              {
                title: t.price,
                key: 'price',
                width: 140,
                render: (_, c) => <span className='nowrap'>{`${yuan(c.priceFen)} / ${t.periodText(c.periodMonths)}`}</span>,
              },
              { title: t.benefits, key: 'benefits', render: (_, c) => benefitText(c.benefits) },
              { title: t.refundDays, key: 'refund', width: 220, render: (_, c) => t.refundRule(c.refundDays) },
              {
                title: t.status,
                key: 'status',
                width: 80,
                render: (_, c) => <Tag color={c.onSale ? 'green' : 'default'}>{c.onSale ? t.onSale : t.offSale}</Tag>,
              },
              {
                title: zh.common.actions,
                key: 'actions',
                width: 80,
                render: (_, c) => (
                  <Guard>
                    <Button type='link' onClick={() => setEditing(c)} data-testid={`member-card-edit-${c.id}`}>
                      {t.edit}
                    </Button>
                  </Guard>
                ),
              },
            ]}
          />
        </PageState>
      </Card>
      <Card title={t.holdersTitle}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t.allStatuses}
            style={{ width: 130 }}
            value={filters.status}
            onChange={(status) => setFilters({ status, page: 1 })}
            options={(['active', 'expired', 'refunded'] as const).map((s) => ({ value: s, label: t.statuses[s] }))}
            data-testid='member-card-status-filter'
          />
          <Typography.Text type='secondary'>{t.refundHint}</Typography.Text>
        </Space>
        <PagedTable<HolderRow>
          query={holders}
          paging={filters}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
          rowKey='memberId'
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t.member,
              key: 'member',
              width: 150,
              render: (_, h) => <Link to={`/members/${h.memberId}`}>{h.nickname ?? `#${h.memberId}`}</Link>,
            },
            { title: t.card, dataIndex: 'cardName', key: 'card', width: 140 },
            {
              title: t.status,
              key: 'status',
              width: 90,
              render: (_, h) => <Tag color={h.status === 'active' ? 'green' : 'default'}>{t.statuses[h.status]}</Tag>,
            },
            { title: t.expiresAt, key: 'expires', width: 170, render: (_, h) => <span className='nowrap'>{dateTime(h.expiresAt, timeZone)}</span> },
            { title: t.savedTotal, key: 'saved', width: 110, render: (_, h) => yuan(h.savedFen) },
            {
              title: t.lastPurchase,
              key: 'purchase',
              render: (_, h) => (
                <Space size={4} wrap>
                  {h.lastPurchase.orderId ? <Link to={`/orders/${h.lastPurchase.orderId}`}>{`${t.order} #${h.lastPurchase.orderId}`}</Link> : null}
                  <span>{yuan(h.lastPurchase.priceFen)}</span>
                  <Tag color={h.refundable ? 'blue' : 'default'} data-testid={`member-card-refundable-${h.memberId}`}>
                    {h.refundable ? t.refundable : t.notRefundable}
                  </Tag>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && <CardDialog card={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
