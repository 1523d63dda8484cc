import { ShipOrderRequest } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Image, Input, Popconfirm, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { dateTime, yuan } from '../../lib/format';
import { ORDER_STATUS_COLORS } from './OrderListPage';
import { RefundActions } from './RefundActions';

type ConsoleBreakdownLine = Schemas['BreakdownLine'];
type ConsoleOrder = Schemas['Order'];
type ConsoleOrderLine = Schemas['OrderLine'];
type Refund = Schemas['Refund'];

const specText = (specs: Record<string, string>) =>
  Object.entries(specs)
    .map(([k, v]) => `${k}：${v}`)
    .join('；');

const shipRule = contractRules(ShipOrderRequest, {
  labels: { carrier: zh.orders.carrier, trackingNo: zh.orders.trackingNo },
  words: { 'trackingNo:invalid_format': zh.mall.trackingInvalid },
});

function ShipForm({ order }: { order: ConsoleOrder }) {
  const [form] = Form.useForm<{ carrier: string; trackingNo: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ship = useMutation({
    mutationFn: (v: { carrier: string; trackingNo: string }) =>
      api.POST('/orders/{id}/ship', { params: { path: { id: order.id } }, body: { carrier: v.carrier, trackingNo: v.trackingNo.trim() } }),
    onSuccess: (o) => {
      queryClient.setQueryData(['order', order.id], o);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      message.success(zh.orders.shipped);
    },
    onError: (err) => reportError(form, err, message),
  });
  return (
    <Form form={form} layout='inline' onFinish={(v) => ship.mutate(v)} style={{ rowGap: 12 }}>
      <Form.Item name='carrier' label={zh.orders.carrier} required rules={[shipRule('carrier')]}>
        <Select style={{ width: 150 }} showSearch options={zh.orders.carriers.map((c) => ({ value: c, label: c }))} data-testid='ship-carrier' />
      </Form.Item>
      <Form.Item name='trackingNo' label={zh.orders.trackingNo} required rules={[shipRule('trackingNo')]}>
        <Input style={{ width: 220 }} data-testid='ship-tracking' />
      </Form.Item>
      <Form.Item>
        <Button type='primary' htmlType='submit' loading={ship.isPending} data-testid='ship-submit'>
          {zh.orders.ship}
        </Button>
      </Form.Item>
    </Form>
  );
}

export default function OrderDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { timeZone } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['order', id], queryFn: () => api.GET('/orders/{id}', { params: { path: { id } } }) });
  const payments = useQuery({ queryKey: ['order-payments', id], queryFn: () => api.GET('/orders/{id}/payments', { params: { path: { id } } }) });
  const complete = useMutation({
    mutationFn: () => api.POST('/orders/{id}/complete', { params: { path: { id } } }),
    onSuccess: (o) => {
      queryClient.setQueryData(['order', id], o);
      message.success(zh.orders.completed);
    },
    onError: (err) => reportError(null, err, message),
  });

  const o = q.data;
  return (
    <div>
      <div className='page-header'>
        <Space>
          <h2>{o ? zh.orders.detailTitle(o.orderNo) : zh.orders.title}</h2>
          {o && (
            <Tag color={ORDER_STATUS_COLORS[o.status]} data-testid='order-status'>
              {zh.orders.statuses[o.status]}
            </Tag>
          )}
        </Space>
        <Space>
          <Button onClick={() => navigate(-1)}>{zh.common.back}</Button>
          {o?.status === 'shipped' && (
            <Guard>
              <Popconfirm title={zh.orders.complete} onConfirm={() => complete.mutate()}>
                <Button loading={complete.isPending}>{zh.orders.complete}</Button>
              </Popconfirm>
            </Guard>
          )}
        </Space>
      </div>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        {o && (
          <Space direction='vertical' size={16} style={{ width: '100%' }}>
            {o.status === 'paid' && (
              <Guard>
                <Card title={zh.orders.ship} size='small'>
                  <ShipForm order={o} />
                </Card>
              </Guard>
            )}
            <Card>
              <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size='small'>
                <Descriptions.Item label={zh.orders.orderNo}>{o.orderNo}</Descriptions.Item>
                <Descriptions.Item label={zh.orders.member}>
                  <Link to={`/members/${o.memberId}`}>{o.memberId}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={zh.orders.platform}>
                  {(o.platform ?? o.paymentPlatform) ? zh.platforms[(o.platform ?? o.paymentPlatform)!] : zh.common.none}
                </Descriptions.Item>
                <Descriptions.Item label={zh.orders.createdAt}>{dateTime(o.createdAt, timeZone)}</Descriptions.Item>
                <Descriptions.Item label={zh.orders.paidAt}>{dateTime(o.paidAt, timeZone)}</Descriptions.Item>
                <Descriptions.Item label={o.paidAt ? zh.orders.refunded : zh.orders.expiresAt}>
                  {o.paidAt ? yuan(o.refundedFen) : dateTime(o.expiresAt, timeZone)}
                </Descriptions.Item>
                <Descriptions.Item label={zh.orders.shipping}>
                  <span data-testid='order-shipping'>
                    {o.carrier ? `${o.carrier} ${o.trackingNo}（${dateTime(o.shippedAt, timeZone)}）` : zh.common.none}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={zh.orders.remark}>{o.remark || zh.orders.noRemark}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={zh.orders.lines}>
              <Table<ConsoleOrderLine>
                rowKey='id'
                size='small'
                pagination={false}
                dataSource={o.lines}
                columns={[
                  {
                    title: zh.orders.items,
                    key: 'title',
                    minWidth: 240,
                    render: (_, l) => (
                      <Space>
                        {l.imageUrl && <Image src={l.imageUrl} width={44} height={44} style={{ objectFit: 'cover', borderRadius: 4 }} />}
                        <div>
                          <div>{l.title}</div>
                          <Typography.Text type='secondary' style={{ fontSize: 12 }}>
                            {specText(l.specs)} · {l.skuCode}
                          </Typography.Text>
                        </div>
                      </Space>
                    ),
                  },
                  { title: zh.orders.unitPrice, key: 'unit', width: 110, render: (_, l) => <span className='money'>{yuan(l.unitPriceFen)}</span> },
                  { title: zh.orders.quantity, dataIndex: 'quantity', width: 70 },
                  { title: zh.orders.lineTotal, key: 'total', width: 110, render: (_, l) => <span className='money'>{yuan(l.lineTotalFen)}</span> },
                  {
                    title: zh.orders.discount,
                    key: 'discount',
                    width: 100,
                    render: (_, l) => <span className='money'>{l.discountFen ? `-${yuan(l.discountFen)}` : zh.common.none}</span>,
                  },
                  {
                    title: zh.orders.paid,
                    key: 'paid',
                    width: 110,
                    render: (_, l) => <span className='money'>{yuan(l.paidFen ?? l.lineTotalFen)}</span>,
                  },
                ]}
              />
            </Card>
            <Row gutter={16}>
              <Col xs={24} xl={12}>
                <Card title={zh.orders.breakdown} style={{ height: '100%' }}>
                  <Descriptions column={1} size='small' data-testid='order-breakdown'>
                    {o.breakdown.map((b: ConsoleBreakdownLine, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: breakdown lines are positional.
                      <Descriptions.Item key={i} label={b.label}>
                        <span className='money'>{yuan(b.amountFen)}</span>
                      </Descriptions.Item>
                    ))}
                    <Descriptions.Item label={<strong>{zh.orders.amount}</strong>}>
                      <strong className='money'>{yuan(o.payableFen)}</strong>
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={zh.orders.address} style={{ height: '100%' }}>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    {o.address.name} {o.address.phone}
                  </Typography.Paragraph>
                  <Typography.Paragraph type='secondary'>
                    {o.address.province} {o.address.city} {o.address.district} {o.address.detail}
                  </Typography.Paragraph>
                </Card>
              </Col>
            </Row>
            <Card title={zh.orders.payments}>
              <PageState loading={payments.isPending} error={payments.error} empty={payments.data?.items.length === 0}>
                <Table
                  rowKey='id'
                  size='small'
                  pagination={false}
                  dataSource={payments.data?.items}
                  columns={[
                    { title: zh.orders.platform, key: 'platform', width: 90, render: (_, p) => zh.platforms[p.platform] },
                    { title: zh.orders.tradeNo, dataIndex: 'outTradeNo', minWidth: 200 },
                    { title: zh.orders.transactionId, key: 'tx', render: (_, p) => p.transactionId ?? zh.common.none },
                    { title: zh.orders.amount, key: 'amount', width: 110, render: (_, p) => <span className='money'>{yuan(p.amountFen)}</span> },
                    { title: zh.orders.paymentStatusTitle, key: 'status', width: 90, render: (_, p) => zh.orders.paymentStatus[p.status] },
                    { title: zh.orders.paidAt, key: 'paidAt', width: 170, render: (_, p) => dateTime(p.paidAt, timeZone) },
                  ]}
                />
              </PageState>
            </Card>
            <Card title={zh.orders.refunds}>
              <PageState empty={o.refunds.length === 0}>
                <Table<Refund>
                  rowKey='id'
                  size='small'
                  pagination={false}
                  dataSource={o.refunds}
                  columns={[
                    { title: zh.refunds.refundNo, dataIndex: 'refundNo', width: 200 },
                    { title: zh.refunds.amount, key: 'amount', width: 110, render: (_, r) => <span className='money'>{yuan(r.amountFen)}</span> },
                    {
                      title: zh.refunds.reason,
                      minWidth: 160,
                      key: 'reason',
                      render: (_, r) => (r.rejectReason ? `${r.reason}（${zh.refunds.rejected}：${r.rejectReason}）` : r.reason),
                    },
                    {
                      title: zh.refunds.status,
                      key: 'status',
                      width: 100,
                      render: (_, r) => <Tag data-testid={`refund-status-${r.id}`}>{zh.refunds.statuses[r.status]}</Tag>,
                    },
                    { title: zh.refunds.createdAt, key: 'at', width: 170, render: (_, r) => dateTime(r.createdAt, timeZone) },
                    { title: zh.common.actions, key: 'actions', width: 200, render: (_, r) => <RefundActions refund={r} /> },
                  ]}
                />
              </PageState>
            </Card>
            <Card title={zh.orders.events}>
              <Timeline
                items={o.events.map((e) => ({
                  children: (
                    <span>
                      <span className='nowrap'>{dateTime(e.createdAt, timeZone)}</span>　{zh.orders.actors[e.actorType]}：
                      {e.fromStatus ? `${zh.orders.statuses[e.fromStatus]} → ` : ''}
                      {zh.orders.statuses[e.toStatus]}
                      {e.note ? `（${e.note}）` : ''}
                    </span>
                  ),
                }))}
              />
            </Card>
          </Space>
        )}
      </PageState>
    </div>
  );
}
