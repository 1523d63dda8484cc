import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { businessDateOf } from '@siyu/shared/business-day';
import { fenToYuanString } from '@siyu/shared/money';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { usePermissions } from '../auth/session';
import { type ChartOption, EChart } from '../components/EChart';
import { PageState } from '../components/PageState';
import { zh } from '../i18n/zh-CN';
import { shortDate, yuan } from '../lib/format';

const t = zh.analytics;
const PLATFORMS = ['weapp', 'alipay', 'tt', 'h5'] as const;
type Platform = (typeof PLATFORMS)[number];
const platformName = (p: string) => zh.platforms[p] ?? (p === 'h5' ? 'H5' : p);
const channelName = (c: string) => t.channels[c] ?? c;

/** A CSV the browser saves: a header row and the rows, quoted where needed, with a BOM so Excel reads the Chinese. */
function downloadCsv(name: string, header: string[], rows: (string | number)[][]): void {
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

function Section({ title, onExport, testId, children }: { title: string; onExport?: () => void; testId: string; children: ReactNode }) {
  return (
    <Card
      title={title}
      data-testid={testId}
      extra={
        onExport && (
          <Button size='small' icon={<DownloadOutlined />} onClick={onExport} data-testid={`${testId}-csv`}>
            {t.exportCsv}
          </Button>
        )
      }
    >
      {children}
    </Card>
  );
}

/** Table cells that keep their text on one line (the table scrolls sideways instead). */
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10}%` : '—');

export default function AnalyticsPage() {
  const { canEdit: canRefresh, timeZone } = usePermissions();
  // Dates are the merchant's business dates (its time zone), whatever the browser's zone.
  const today = dayjs(businessDateOf(new Date(), timeZone));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today.subtract(29, 'day'), today]);
  const [platform, setPlatform] = useState<Platform | undefined>(undefined);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), ...(platform ? { platform } : {}) };
  const params = { params: { query } };
  const key = [query.from, query.to, platform ?? 'all'];
  const traffic = useQuery({ queryKey: ['analytics', 'traffic', ...key], queryFn: () => api.GET('/analytics/traffic', params) });
  const funnel = useQuery({ queryKey: ['analytics', 'funnel', ...key], queryFn: () => api.GET('/analytics/funnel', params) });
  const products = useQuery({ queryKey: ['analytics', 'products', ...key], queryFn: () => api.GET('/analytics/products', params) });
  const engagement = useQuery({ queryKey: ['analytics', 'engagement', ...key], queryFn: () => api.GET('/analytics/engagement', params) });
  const cohorts = useQuery({ queryKey: ['analytics', 'cohorts'], queryFn: () => api.GET('/analytics/cohorts') });
  const buyers = useQuery({ queryKey: ['analytics', 'buyers'], queryFn: () => api.GET('/analytics/buyers') });
  const { message } = App.useApp();
  const client = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => api.POST('/events/rollup'),
    onSuccess: (r) => {
      void message.success(t.refreshed(r?.dates.length ?? 0));
      void client.invalidateQueries({ queryKey: ['analytics'] });
    },
  });
  const stem = `${query.from}_${query.to}${platform ? `_${platform}` : ''}`;

  return (
    <div>
      <div className='page-header'>
        <h2>{t.title}</h2>
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d) => d.isAfter(today, 'day')}
            data-testid='analytics-range'
          />
          <Select<Platform | 'all'>
            value={platform ?? 'all'}
            style={{ width: 120 }}
            onChange={(v) => setPlatform(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: t.allPlatforms }, ...PLATFORMS.map((p) => ({ value: p, label: platformName(p) }))]}
            data-testid='analytics-platform'
          />
          {canRefresh && (
            <Button icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => refresh.mutate()} data-testid='analytics-refresh'>
              {t.refresh}
            </Button>
          )}
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <PageState loading={traffic.isPending} error={traffic.error} onRetry={() => traffic.refetch()}>
            {traffic.data && <TrafficSection r={traffic.data} stem={stem} />}
          </PageState>
        </Col>
        <Col xs={24} xl={10}>
          <PageState loading={funnel.isPending} error={funnel.error} onRetry={() => funnel.refetch()}>
            {funnel.data && <FunnelSection r={funnel.data} stem={stem} />}
          </PageState>
        </Col>
        <Col xs={24} xl={12}>
          <PageState loading={buyers.isPending} error={buyers.error} onRetry={() => buyers.refetch()}>
            {buyers.data && <BuyersSection r={buyers.data} />}
          </PageState>
        </Col>
        <Col xs={24} xl={12}>
          <PageState loading={cohorts.isPending} error={cohorts.error} onRetry={() => cohorts.refetch()}>
            {cohorts.data && <CohortSection r={cohorts.data} />}
          </PageState>
        </Col>
        <Col xs={24} xl={12}>
          <PageState loading={products.isPending} error={products.error} onRetry={() => products.refetch()}>
            {products.data && <ProductsSection r={products.data} stem={stem} />}
          </PageState>
        </Col>
        <Col xs={24} xl={12}>
          <PageState loading={engagement.isPending} error={engagement.error} onRetry={() => engagement.refetch()}>
            {engagement.data && <EngagementSection r={engagement.data} stem={stem} />}
          </PageState>
        </Col>
      </Row>
    </div>
  );
}

function TrafficSection({ r, stem }: { r: Schemas['TrafficReport']; stem: string }) {
  const option = useMemo<ChartOption>(() => {
    const dates = [...new Set(r.rows.map((x) => x.date))].sort();
    const platforms = [...new Set(r.rows.map((x) => x.platform))].sort();
    const sum = (date: string, p: string, k: 'visitors' | 'pageViews') =>
      r.rows.filter((x) => x.date === date && x.platform === p).reduce((s, x) => s + x[k], 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: dates.map(shortDate) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...platforms.map((p) => ({
          name: `${t.visitors}·${platformName(p)}`,
          type: 'bar',
          stack: 'v',
          barMaxWidth: 18,
          data: dates.map((d) => sum(d, p, 'visitors')),
        })),
        { name: t.pageViews, type: 'line', smooth: true, data: dates.map((d) => platforms.reduce((s, p) => s + sum(d, p, 'pageViews'), 0)) },
      ],
    };
  }, [r]);
  const byChannel = useMemo(() => {
    const m = new Map<string, { key: string; platform: string; channel: string; visitors: number; sessions: number; pageViews: number }>();
    for (const x of r.rows) {
      const k = `${x.platform}/${x.channel}`;
      const had = m.get(k) ?? { key: k, platform: x.platform, channel: x.channel, visitors: 0, sessions: 0, pageViews: 0 };
      had.visitors += x.visitors;
      had.sessions += x.sessions;
      had.pageViews += x.pageViews;
      m.set(k, had);
    }
    return [...m.values()].sort((a, b) => b.visitors - a.visitors);
  }, [r]);
  return (
    <Section
      title={t.traffic}
      testId='analytics-traffic'
      onExport={() =>
        downloadCsv(
          `traffic_${stem}.csv`,
          [t.date, t.platform, t.channel, t.visitors, t.sessions, t.pageViews],
          r.rows.map((x) => [x.date, x.platform, x.channel, x.visitors, x.sessions, x.pageViews]),
        )
      }
    >
      <EChart option={option} testId='chart-traffic' style={{ height: 260 }} />
      <Table
        size='small'
        pagination={false}
        rowKey='key'
        dataSource={byChannel.slice(0, 8)}
        columns={[
          { title: t.platform, dataIndex: 'platform', render: platformName },
          { title: t.channel, dataIndex: 'channel', render: channelName },
          { title: t.visitors, dataIndex: 'visitors', align: 'right' },
          { title: t.sessions, dataIndex: 'sessions', align: 'right' },
          { title: t.pageViews, dataIndex: 'pageViews', align: 'right' },
        ]}
      />
    </Section>
  );
}

function FunnelSection({ r, stem }: { r: Schemas['FunnelReport']; stem: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 72, right: 56, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: r.steps.map((s) => t.steps[s.step]) },
      series: [{ type: 'bar', barMaxWidth: 28, label: { show: true, position: 'right' }, data: r.steps.map((s) => s.members) }],
    }),
    [r],
  );
  return (
    <Section
      title={t.funnel}
      testId='analytics-funnel'
      onExport={() =>
        downloadCsv(
          `funnel_${stem}.csv`,
          [t.date, ...r.steps.map((s) => t.steps[s.step] ?? s.step)],
          r.days.map((d) => [d.date, d.visit, d.product_view, d.add_to_cart, d.order, d.paid]),
        )
      }
    >
      <EChart option={option} testId='chart-funnel' style={{ height: 240 }} />
      <Space wrap size='large'>
        {r.steps.slice(1).map((s, i) => (
          <Statistic key={s.step} title={`${t.steps[s.step]} ${t.conversion}`} value={pct(s.members, r.steps[i]!.members)} />
        ))}
      </Space>
    </Section>
  );
}

function BuyersSection({ r }: { r: Schemas['BuyersReport'] }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: r.months.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', name: zh.common.yuan, splitLine: { show: false } },
      ],
      series: [
        { name: t.newBuyers, type: 'bar', stack: 'b', barMaxWidth: 18, data: r.months.map((m) => m.newBuyers) },
        { name: t.returningBuyers, type: 'bar', stack: 'b', barMaxWidth: 18, data: r.months.map((m) => m.returningBuyers) },
        { name: t.aov, type: 'line', yAxisIndex: 1, smooth: true, data: r.months.map((m) => fenToYuanString(m.averageOrderFen)) },
      ],
    }),
    [r],
  );
  return (
    <Section
      title={t.buyersTitle}
      testId='analytics-buyers'
      onExport={() =>
        downloadCsv(
          'buyers.csv',
          [t.month, t.buyers, t.newBuyers, t.returningBuyers, t.orders, t.sales, t.aov],
          r.months.map((m) => [
            m.month,
            m.buyers,
            m.newBuyers,
            m.returningBuyers,
            m.orders,
            fenToYuanString(m.salesFen),
            fenToYuanString(m.averageOrderFen),
          ]),
        )
      }
    >
      <Statistic title={t.repurchaseRate} value={pct(r.repurchaseRate, 1)} />
      <EChart option={option} testId='chart-buyers' style={{ height: 260 }} />
    </Section>
  );
}

function CohortSection({ r }: { r: Schemas['CohortReport'] }) {
  const width = r.months.length - 1;
  const rows = r.cohorts.map((c) => ({ key: c.cohort, ...c }));
  return (
    <Section
      title={t.cohorts}
      testId='analytics-cohorts'
      onExport={() =>
        downloadCsv(
          'cohorts.csv',
          [t.cohort, t.buyers, ...Array.from({ length: width }, (_, i) => t.monthAfter(i + 1))],
          r.cohorts.map((c) => [c.cohort, c.buyers, ...c.retained]),
        )
      }
    >
      <Table
        size='small'
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: t.cohort, dataIndex: 'cohort', fixed: 'left', onHeaderCell: nowrap, onCell: nowrap },
          { title: t.buyers, dataIndex: 'buyers', align: 'right', onHeaderCell: nowrap, onCell: nowrap },
          ...Array.from({ length: width }, (_, i) => ({
            title: t.monthAfter(i + 1),
            key: `m${i}`,
            align: 'right' as const,
            onHeaderCell: nowrap,
            onCell: nowrap,
            render: (_: unknown, c: (typeof rows)[number]) => {
              const n = c.retained[i];
              if (n === undefined) return '';
              const share = c.buyers ? n / c.buyers : 0;
              return (
                <span style={{ background: `rgba(22,119,255,${Math.min(0.6, share)})`, padding: '2px 4px', borderRadius: 2 }}>
                  {pct(n, c.buyers)}
                </span>
              );
            },
          })),
        ]}
      />
    </Section>
  );
}

function ProductsSection({ r, stem }: { r: Schemas['ProductInterestReport']; stem: string }) {
  return (
    <Section
      title={t.products}
      testId='analytics-products'
      onExport={() =>
        downloadCsv(
          `products_${stem}.csv`,
          ['ID', t.product, t.views, t.viewers, t.addToCarts, t.unitsSold, t.buyers],
          r.rows.map((x) => [x.productId, x.title, x.views, x.viewers, x.addToCarts, x.unitsSold, x.buyers]),
        )
      }
    >
      <Table
        size='small'
        pagination={false}
        rowKey='productId'
        dataSource={r.rows}
        columns={[
          { title: t.product, dataIndex: 'title', ellipsis: true },
          { title: t.views, dataIndex: 'views', align: 'right', width: 72 },
          { title: t.viewers, dataIndex: 'viewers', align: 'right', width: 84 },
          { title: t.addToCarts, dataIndex: 'addToCarts', align: 'right', width: 64 },
          { title: t.unitsSold, dataIndex: 'unitsSold', align: 'right', width: 84 },
          { title: t.buyers, dataIndex: 'buyers', align: 'right', width: 64 },
        ]}
      />
    </Section>
  );
}

function EngagementSection({ r, stem }: { r: Schemas['EngagementReport']; stem: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: r.days.map((d) => shortDate(d.date)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['checkInMembers', 'couponClaims', 'shares', 'searches'] as const).map((k) => ({
        name: t[k],
        type: 'line',
        smooth: true,
        data: r.days.map((d) => d[k]),
      })),
    }),
    [r],
  );
  return (
    <Section
      title={t.engagement}
      testId='analytics-engagement'
      onExport={() =>
        downloadCsv(
          `engagement_${stem}.csv`,
          [t.date, t.visitors, t.checkInMembers, t.couponClaims, t.shares, t.searches],
          r.days.map((d) => [d.date, d.visitors, d.checkInMembers, d.couponClaims, d.shares, d.searches]),
        )
      }
    >
      <EChart option={option} testId='chart-engagement' style={{ height: 240 }} />
      <Row gutter={16}>
        <Col span={12}>
          <Statistic
            title={t.couponRoi}
            value={`${r.couponRoi.ordersWithCoupon} / ${yuan(r.couponRoi.discountFen)} / ${yuan(r.couponRoi.salesFen)}`}
            valueStyle={{ fontSize: 16 }}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t.pointsRoi}
            value={`${r.pointsRoi.ordersWithPoints} / ${yuan(r.pointsRoi.discountFen)} / ${yuan(r.pointsRoi.salesFen)}`}
            valueStyle={{ fontSize: 16 }}
          />
        </Col>
      </Row>
    </Section>
  );
}
