import { CancelPointsMallRedemptionRequest, FulfilPointsMallRedemptionRequest } from '@siyu/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { numberParam, PagedTable, usePagedQuery, useUrlFilters } from '../../components/ListPage';
import { zh } from '../../i18n/zh-CN';
import { applyFieldErrors, contractRules, reportError } from '../../lib/form-errors';
import { dateTime, dayjs, yuan } from '../../lib/format';
import { priceText } from './mall-item';

type MerchantPointsMallRedemption = Schemas['MerchantPointsMallRedemption'];

const t = zh.mall;
const STATUSES = ['awaiting_payment', 'awaiting_fulfilment', 'fulfilled', 'cancelled', 'closed'] as const;
const STATUS_COLORS: Record<string, string> = {
  awaiting_payment: 'gold',
  awaiting_fulfilment: 'blue',
  fulfilled: 'green',
  cancelled: 'default',
  closed: 'default',
};

/** Ship a redemption of a catalog SKU with a carrier and tracking number. */
const fulfilRule = contractRules(FulfilPointsMallRedemptionRequest, {
  labels: { carrier: zh.orders.carrier, trackingNo: zh.orders.trackingNo },
  words: { 'trackingNo:invalid_format': zh.mall.trackingInvalid },
});
const cancelRule = contractRules(CancelPointsMallRedemptionRequest, {
  words: { 'reason:too_small': t.cancelReasonRequired, 'reason:required': t.cancelReasonRequired },
});

function ShipDialog({ r, onClose }: { r: MerchantPointsMallRedemption; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ carrier: string; trackingNo: string }>();
  const m = useMutation({
    mutationFn: (v: { carrier: string; trackingNo: string }) =>
      api.POST('/points-mall/redemptions/{id}/fulfil', {
        params: { path: { id: r.id } },
        body: { carrier: v.carrier, trackingNo: v.trackingNo.trim() },
      }),
    onSuccess: () => {
      message.success(t.shipped);
      void queryClient.invalidateQueries({ queryKey: ['mall-redemptions'] });
      onClose();
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      reportError(null, err, message);
    },
  });
  return (
    <Modal
      open
      title={`${t.shipTitle} · ${r.redemptionNo}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'redemption-ship-submit' } as Record<string, string>}
      destroyOnHidden
    >
      {r.address && (
        <Typography.Paragraph type='secondary'>
          {t.address}：{r.address.name} {r.address.phone} {r.address.province}
          {r.address.city}
          {r.address.district}
          {r.address.detail}
        </Typography.Paragraph>
      )}
      <Form form={form} layout='vertical' onFinish={(v) => m.mutate(v)}>
        <Form.Item name='carrier' label={zh.orders.carrier} required rules={[fulfilRule('carrier')]}>
          <Select showSearch options={zh.orders.carriers.map((c) => ({ value: c, label: c }))} data-testid='redemption-carrier' />
        </Form.Item>
        <Form.Item name='trackingNo' label={zh.orders.trackingNo} required rules={[fulfilRule('trackingNo')]}>
          <Input maxLength={40} data-testid='redemption-tracking' />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cancel with a reason: the member gets the points (and any cash) back, the item its stock. */
function CancelDialog({ r, onClose }: { r: MerchantPointsMallRedemption; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const m = useMutation({
    mutationFn: (v: { reason: string }) =>
      api.POST('/points-mall/redemptions/{id}/cancel', { params: { path: { id: r.id } }, body: { reason: v.reason.trim() } }),
    onSuccess: () => {
      message.success(t.cancelled);
      void queryClient.invalidateQueries({ queryKey: ['mall-redemptions'] });
      void queryClient.invalidateQueries({ queryKey: ['mall-items'] });
      void queryClient.invalidateQueries({ queryKey: ['member-points', r.memberId] });
      void queryClient.invalidateQueries({ queryKey: ['ledger', r.memberId] });
      onClose();
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      reportError(null, err, message);
    },
  });
  const paidCash = r.cashFen > 0 && r.paidAt ? yuan(r.cashFen) : null;
  return (
    <Modal
      open
      title={`${t.cancelTitle} · ${r.redemptionNo}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.cancel}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'redemption-cancel-submit' } as Record<string, string>) }}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t.cancelHint(r.points, paidCash)}</Typography.Paragraph>
      <Form form={form} layout='vertical' onFinish={(v) => m.mutate(v)}>
        <Form.Item name='reason' label={t.cancelReason} required rules={[cancelRule('reason')]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid='redemption-cancel-reason' />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function RedemptionsPage() {
  const { timeZone } = usePermissions();
  const { params, filters, setFilters } = useUrlFilters((params) => ({
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as QueryOf<'/points-mall/redemptions'>['status'],
    kind: (params.get('kind') ?? undefined) as QueryOf<'/points-mall/redemptions'>['kind'],
    redemptionNo: params.get('redemptionNo') ?? undefined,
    memberId: numberParam(params, 'memberId'),
    itemId: numberParam(params, 'itemId'),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  }));
  const [shipping, setShipping] = useState<MerchantPointsMallRedemption | null>(null);
  const [cancelling, setCancelling] = useState<MerchantPointsMallRedemption | null>(null);
  const [typedNo, setTypedNo] = useState(params.get('redemptionNo') ?? '');
  const q = usePagedQuery(['mall-redemptions', filters], () => api.GET('/points-mall/redemptions', { params: { query: filters } }));

  return (
    <div>
      <div className='page-header'>
        <h2>{t.redemptionsTitle}</h2>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t.allStatuses}
            style={{ width: 130 }}
            value={filters.status}
            onChange={(status) => setFilters({ status })}
            options={STATUSES.map((s) => ({ value: s, label: t.redemptionStatuses[s] }))}
            data-testid='redemption-status-filter'
          />
          <Select
            allowClear
            placeholder={t.allKinds}
            style={{ width: 130 }}
            value={filters.kind}
            onChange={(kind) => setFilters({ kind })}
            options={(['sku', 'coupon', 'virtual'] as const).map((k) => ({ value: k, label: t.kinds[k] }))}
          />
          <Input.Search
            allowClear
            placeholder={t.searchNo}
            style={{ width: 220 }}
            value={typedNo}
            onChange={(e) => setTypedNo(e.target.value)}
            onSearch={(v) => setFilters({ redemptionNo: v.trim() || undefined })}
          />
          <InputNumber<number>
            placeholder={t.searchMember}
            min={1}
            precision={0}
            style={{ width: 120 }}
            value={filters.memberId ?? null}
            onChange={(v) => setFilters({ memberId: v ?? undefined })}
          />
          {filters.itemId !== undefined && (
            <Tag closable onClose={() => setFilters({ itemId: undefined })} data-testid='redemption-item-filter'>
              {t.itemFilter(filters.itemId)}
            </Tag>
          )}
          <DatePicker.RangePicker
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(r) => setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
        <PagedTable<MerchantPointsMallRedemption>
          query={q}
          paging={filters}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
          scroll={{ x: 1080 }}
          columns={[
            {
              title: t.redemptionNo,
              key: 'no',
              width: 250,
              render: (_, r) => (
                <Space direction='vertical' size={0}>
                  <span style={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 13 }} data-testid={`redemption-${r.redemptionNo}`}>
                    {r.redemptionNo}
                  </span>
                  <Typography.Text type='secondary' style={{ fontSize: 12 }} className='nowrap'>
                    {dateTime(r.createdAt, timeZone)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t.item,
              key: 'item',
              width: 210,
              render: (_, r) => (
                <Space direction='vertical' size={0}>
                  <span>
                    {r.item.title} × {r.quantity}
                  </span>
                  <Typography.Text type='secondary' style={{ fontSize: 12 }}>
                    {t.kinds[r.item.kind]} · {priceText(r.points, r.cashFen)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t.member,
              key: 'member',
              width: 80,
              render: (_, r) => (
                <Link to={`/members/${r.memberId}`} className='nowrap'>
                  #{r.memberId}
                </Link>
              ),
            },
            {
              title: t.status,
              key: 'status',
              width: 90,
              render: (_, r) => (
                <Tag color={STATUS_COLORS[r.status]} data-testid={`redemption-status-${r.id}`}>
                  {t.redemptionStatuses[r.status]}
                </Tag>
              ),
            },
            {
              title: t.shipping,
              key: 'shipping',
              minWidth: 260,
              render: (_, r) => <Fulfilment r={r} timeZone={timeZone} />,
            },
            {
              title: zh.common.actions,
              key: 'actions',
              width: 130,
              fixed: 'right',
              render: (_, r) => (
                <Space size={0} wrap={false}>
                  {r.status === 'awaiting_fulfilment' && r.item.kind === 'sku' && (
                    <Guard viewer='disable'>
                      <Button size='small' type='link' onClick={() => setShipping(r)} data-testid={`redemption-ship-${r.id}`}>
                        {t.ship}
                      </Button>
                    </Guard>
                  )}
                  {(r.status === 'awaiting_fulfilment' || r.status === 'awaiting_payment') && (
                    <Guard viewer='disable'>
                      <Button size='small' type='link' danger onClick={() => setCancelling(r)} data-testid={`redemption-cancel-${r.id}`}>
                        {t.cancel}
                      </Button>
                    </Guard>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {shipping && <ShipDialog r={shipping} onClose={() => setShipping(null)} />}
      {cancelling && <CancelDialog r={cancelling} onClose={() => setCancelling(null)} />}
    </div>
  );
}

/** What became of it: the address and tracking, the coupons issued, the deadline to pay, or why it was cancelled. */
function Fulfilment({ r, timeZone }: { r: MerchantPointsMallRedemption; timeZone: string }) {
  const lines: React.ReactNode[] = [];
  if (r.carrier) lines.push(<span key='t'>{`${r.carrier} ${r.trackingNo}`}</span>);
  if (r.address)
    lines.push(
      <Typography.Text key='a' type='secondary' style={{ fontSize: 12 }}>
        {`${r.address.name} ${r.address.phone} ${r.address.province}${r.address.city}${r.address.district}${r.address.detail}`}
      </Typography.Text>,
    );
  if (r.couponIds.length) lines.push(<span key='c'>{t.couponsIssued(r.couponIds.length)}</span>);
  if (r.status === 'awaiting_payment' && r.paymentDeadline)
    lines.push(
      <Typography.Text key='d' type='warning'>
        {t.paymentDeadline(dateTime(r.paymentDeadline, timeZone).slice(0, 16))}
      </Typography.Text>,
    );
  if (r.cancelReason)
    lines.push(
      <Typography.Text key='r' type='secondary'>
        {t.cancelledBecause(r.cancelReason)}
      </Typography.Text>,
    );
  if (!lines.length) return <>{zh.common.none}</>;
  return (
    <Space direction='vertical' size={0}>
      {lines}
    </Space>
  );
}
