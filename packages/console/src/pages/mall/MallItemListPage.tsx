import { ShoppingOutlined, TagsOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { PointsMallStockAdjustment } from '@siyu/shared';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Image, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { ConfirmButton, Guard } from '../../components/Guard';
import { PagedTable, usePagedQuery, useUrlFilters } from '../../components/ListPage';
import { zh } from '../../i18n/zh-CN';
import { adjustmentErrors, adjustmentField } from '../../lib/adjustment';
import { applyFieldErrors, checkRule, type IssueWords, reportError } from '../../lib/form-errors';
import { limitText, priceText, type SaleState, saleState, windowForm, windowText } from './mall-item';
import { DirectionField } from '../../components/DirectionField';

type MerchantPointsMallItem = Schemas['MerchantPointsMallItem'];

const t = zh.mall;
const STATE_COLORS: Record<SaleState, string> = { on: 'green', off: 'default', scheduled: 'blue', ended: 'default', soldOut: 'orange' };

/** 上架 / 下架, after the merchant confirms (a viewer sees it disabled, saying why). */
function StatusToggle({ item }: { item: MerchantPointsMallItem }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const next = item.status === 'on' ? 'off' : 'on';
  const m = useMutation({
    mutationFn: () => api.PUT('/points-mall/items/{id}/status', { params: { path: { id: item.id } }, body: { status: next } }),
    onSuccess: () => {
      message.success(next === 'on' ? t.putOnDone : t.takeOffDone);
      void queryClient.invalidateQueries({ queryKey: ['mall-items'] });
      void queryClient.invalidateQueries({ queryKey: ['mall-item', item.id] });
    },
    onError: (err) => reportError(null, err, message),
  });
  return (
    <ConfirmButton
      size='small'
      type='link'
      loading={m.isPending}
      confirm={next === 'on' ? t.putOnConfirm : t.takeOffConfirm}
      onConfirm={() => m.mutate()}
      data-testid={`mall-status-${item.id}`}
    >
      {next === 'on' ? t.putOn : t.takeOff}
    </ConfirmButton>
  );
}

interface StockForm {
  direction: 'add' | 'remove';
  amount: number;
  reason: string;
}

/** Adds stock to the mall or takes unredeemed stock out, with a reason. */
const STOCK_WORDS: IssueWords = { 'reason:too_small': t.stockReasonRequired, 'reason:invalid_type': t.stockReasonRequired };
/** The adjustment checked by the contract, and a take-out past what is left, before it is sent. */
const stockErrors = (v: Partial<StockForm>, left: number) =>
  adjustmentErrors(PointsMallStockAdjustment, v, {
    takeAway: 'remove',
    left,
    limitCode: 'over_available',
    words: STOCK_WORDS,
    labels: { delta: t.stockAmount },
  });

export function StockDialog({ item, onClose }: { item: MerchantPointsMallItem; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StockForm>();
  const m = useMutation({
    mutationFn: (v: StockForm) =>
      api.POST('/points-mall/items/{id}/stock', {
        params: { path: { id: item.id } },
        body: { delta: v.direction === 'add' ? v.amount : -v.amount, reason: v.reason.trim() },
      }),
    onSuccess: () => {
      message.success(t.stockAdjusted);
      void queryClient.invalidateQueries({ queryKey: ['mall-items'] });
      void queryClient.invalidateQueries({ queryKey: ['mall-item', item.id] });
      onClose();
    },
    onError: (err) => {
      applyFieldErrors(form, err, adjustmentField, STOCK_WORDS);
      reportError(null, err, message);
    },
  });
  return (
    <Modal
      open
      title={`${t.adjustStock} · ${item.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'mall-stock-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type='secondary'>{t.stockNow(item.stockLeft, item.totalStock)}</Typography.Paragraph>
      <Form form={form} layout='vertical' initialValues={{ direction: 'add' }} onFinish={(v) => m.mutate(v)}>
        <DirectionField label={t.stockDirection} choices={{ add: t.stockAdd, remove: t.stockRemove }} />
        <Form.Item
          name='amount'
          label={t.stockAmount}
          dependencies={['direction']}
          required
          rules={[checkRule((v: StockForm) => stockErrors(v, item.stockLeft), 'amount')]}
        >
          <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid='mall-stock-amount' />
        </Form.Item>
        <Form.Item name='reason' label={t.stockReason} required rules={[checkRule((v: StockForm) => stockErrors(v, item.stockLeft), 'reason')]}>
          <Input maxLength={100} data-testid='mall-stock-reason' />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An item without a picture: its kind drawn (a coupon, a virtual benefit, a product), never a blank box. */
function ItemPlaceholder({ kind }: { kind: string }) {
  const icon = kind === 'coupon' ? <TagsOutlined /> : kind === 'virtual' ? <ThunderboltOutlined /> : <ShoppingOutlined />;
  return (
    <div
      data-testid='mall-item-placeholder'
      role='img'
      aria-label={t.kinds[kind as 'sku']}
      style={{
        width: 48,
        height: 48,
        borderRadius: 4,
        background: '#fff7e6',
        color: '#fa8c16',
        fontSize: 22,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {icon}
    </div>
  );
}

export default function MallItemListPage() {
  const { timeZone, canEdit } = usePermissions();
  const navigate = useNavigate();
  const [stockOf, setStockOf] = useState<MerchantPointsMallItem | null>(null);
  const { filters, setFilters } = useUrlFilters((params) => ({
    // What the URL says; the API checks it.
    status: (params.get('status') ?? undefined) as QueryOf<'/points-mall/items'>['status'],
    kind: (params.get('kind') ?? undefined) as QueryOf<'/points-mall/items'>['kind'],
  }));
  const q = usePagedQuery(['mall-items', filters], () => api.GET('/points-mall/items', { params: { query: filters } }));
  const now = Date.now();

  return (
    <div>
      <div className='page-header'>
        <h2>{t.itemsTitle}</h2>
        <Guard viewer='disable'>
          <Button type='primary' icon={<PlusOutlined />} onClick={() => navigate('/points/mall/new')} data-testid='mall-create'>
            {t.create}
          </Button>
        </Guard>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Radio.Group
            optionType='button'
            value={filters.status ?? ''}
            onChange={(e) => setFilters({ status: e.target.value || undefined, page: 1 })}
            data-testid='mall-status-filter'
            options={['', 'on', 'off'].map((s) => ({ value: s, label: s ? t.statuses[s] : zh.common.all }))}
          />
          <Select
            allowClear
            placeholder={t.allKinds}
            style={{ width: 140 }}
            value={filters.kind}
            onChange={(kind) => setFilters({ kind, page: 1 })}
            options={(['sku', 'coupon', 'virtual'] as const).map((k) => ({ value: k, label: t.kinds[k] }))}
            data-testid='mall-kind-filter'
          />
        </Space>
        <PagedTable<MerchantPointsMallItem>
          query={q}
          paging={filters}
          onPage={(page, pageSize) => setFilters({ page, pageSize })}
          scroll={{ x: 1080 }}
          columns={[
            {
              title: t.item,
              key: 'item',
              minWidth: 200,
              render: (_, it) => (
                <Space size={12}>
                  {it.imageUrl ? (
                    <Image src={it.imageUrl} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} />
                  ) : (
                    <ItemPlaceholder kind={it.kind} />
                  )}
                  <Space direction='vertical' size={0}>
                    {canEdit ? (
                      <Link to={`/points/mall/${it.id}/edit`} data-testid={`mall-item-${it.id}`}>
                        {it.title}
                      </Link>
                    ) : (
                      <span data-testid={`mall-item-${it.id}`}>{it.title}</span>
                    )}
                    <Typography.Text type='secondary' style={{ fontSize: 12 }}>
                      {t.kinds[it.kind]}
                    </Typography.Text>
                  </Space>
                </Space>
              ),
            },
            {
              title: t.price,
              key: 'price',
              width: 150,
              render: (_, it) => <span className='nowrap'>{priceText(it.pointsPrice, it.cashFen)}</span>,
            },
            {
              title: t.stock,
              key: 'stock',
              width: 150,
              render: (_, it) => (
                <Space direction='vertical' size={0}>
                  <span className='nowrap' data-testid={`mall-stock-${it.id}`}>
                    {t.stockText(it.stockLeft, it.totalStock)}
                  </span>
                  <Link
                    to={`/points/redemptions?itemId=${it.id}`}
                    style={{ fontSize: 12 }}
                    className='nowrap'
                    title={t.itemRedemptions}
                    data-testid={`mall-redemptions-${it.id}`}
                  >
                    {t.redeemed(it.redeemedCount)}
                  </Link>
                </Space>
              ),
            },
            {
              title: t.limits,
              key: 'limits',
              width: 130,
              render: (_, it) => limitText(it.perMemberLimit, it.perMemberDailyLimit),
            },
            {
              title: t.window,
              key: 'window',
              width: 170,
              render: (_, it) => {
                const w = windowForm(it.onSaleFrom, it.onSaleUntil, timeZone);
                // Two lines for a range, so no date breaks in the middle.
                if (w?.[0] && w[1])
                  return (
                    <span style={{ fontSize: 13 }} className='nowrap'>
                      {w[0]}
                      <br />
                      {t.windowTo(w[1])}
                    </span>
                  );
                return <span style={{ fontSize: 13 }}>{windowText(it.onSaleFrom, it.onSaleUntil, timeZone)}</span>;
              },
            },
            {
              title: t.status,
              key: 'status',
              width: 90,
              // Pinned with the actions: at narrower widths what the item is doing stays beside what can be done.
              fixed: 'right',
              render: (_, it) => {
                const s = saleState(it, now);
                return (
                  <Tag color={STATE_COLORS[s]} data-testid={`mall-state-${it.id}`}>
                    {t.saleStates[s]}
                  </Tag>
                );
              },
            },
            {
              title: zh.common.actions,
              key: 'actions',
              width: 190,
              fixed: 'right',
              render: (_, it) => (
                <Space size={0} wrap={false}>
                  <Guard viewer='disable'>
                    <Button size='small' type='link' onClick={() => navigate(`/points/mall/${it.id}/edit`)}>
                      {zh.common.edit}
                    </Button>
                  </Guard>
                  <Guard viewer='disable'>
                    <Button size='small' type='link' onClick={() => setStockOf(it)} data-testid={`mall-stock-adjust-${it.id}`}>
                      {t.adjustStock}
                    </Button>
                  </Guard>
                  <StatusToggle item={it} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {stockOf && <StockDialog item={stockOf} onClose={() => setStockOf(null)} />}
    </div>
  );
}
