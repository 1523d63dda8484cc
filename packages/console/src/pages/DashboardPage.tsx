import { LOGIN_PLATFORMS } from '@siyu/shared/platforms';
import { fenToYuanString } from '@siyu/shared/money';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Segmented, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { type ChartOption, EChart } from '../components/EChart';
import { PageState } from '../components/PageState';
import { zh } from '../i18n/zh-CN';
import { shortDate, yuan } from '../lib/format';

type DashboardPeriod = Schemas['DashboardPeriod'];

type PeriodKey = 'today' | 'last7Days' | 'last30Days';
const PLATFORM_COLORS: Record<string, string> = { weapp: '#07c160', alipay: '#1677ff', tt: '#111111' };

function Figures({ p }: { p: DashboardPeriod }) {
  const cards = [
    { key: 'paidOrders', title: zh.dashboard.paidOrders, value: String(p.paidOrders) },
    { key: 'sales', title: zh.dashboard.sales, value: yuan(p.salesFen) },
    { key: 'average', title: zh.dashboard.averageOrder, value: yuan(p.averageOrderFen) },
    { key: 'refunds', title: zh.dashboard.refunds, value: zh.dashboard.refundsLine(p.refunds, fenToYuanString(p.refundFen)) },
    { key: 'members', title: zh.dashboard.newMembers, value: String(p.newMembers) },
    { key: 'checkIns', title: zh.dashboard.checkIns, value: String(p.checkIns) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card className='stat-card' data-testid={`stat-${c.key}`}>
            <Statistic title={c.title} value={c.value} valueStyle={{ fontSize: 22, whiteSpace: 'nowrap' }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function DashboardPage() {
  const [period, setPeriod] = useState<PeriodKey>('today');
  const q = useQuery({ queryKey: ['dashboard'], queryFn: () => api.GET('/dashboard'), refetchInterval: 60_000 });
  const d = q.data;

  const trend = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [zh.dashboard.salesSeries, zh.dashboard.ordersSeries], top: 0 },
      grid: { left: 56, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.days.map((x) => shortDate(x.date)) },
      yAxis: [
        { type: 'value', name: zh.common.yuan, axisLabel: { formatter: (v: number) => String(v) } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        // Chart heights only: the figures themselves are shown from fen as text.
        {
          name: zh.dashboard.salesSeries,
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.12 },
          data: d.days.map((x) => fenToYuanString(x.salesFen)),
        },
        { name: zh.dashboard.ordersSeries, type: 'bar', yAxisIndex: 1, barMaxWidth: 14, data: d.days.map((x) => x.paidOrders) },
      ],
    };
  }, [d]);

  const p = d?.periods[period];
  const split = useMemo<ChartOption | null>(() => {
    if (!p) return null;
    return {
      tooltip: { trigger: 'item', formatter: (x: { name: string; value: string; percent: number }) => `${x.name}<br/>¥${x.value}（${x.percent}%）` },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          label: { formatter: '{b} {d}%' },
          data: LOGIN_PLATFORMS.map((pl) => ({
            name: zh.platforms[pl],
            value: fenToYuanString(p.salesFenByPlatform[pl]),
            itemStyle: { color: PLATFORM_COLORS[pl] },
          })),
        },
      ],
    };
  }, [p]);

  const members = useMemo<ChartOption | null>(() => {
    if (!p) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: LOGIN_PLATFORMS.map((pl) => zh.platforms[pl]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: LOGIN_PLATFORMS.map((pl) => ({ value: p.newMembersByPlatform[pl], itemStyle: { color: PLATFORM_COLORS[pl] } })),
        },
      ],
    };
  }, [p]);

  return (
    <div>
      <div className='page-header'>
        <h2>{zh.dashboard.title}</h2>
        <Segmented<PeriodKey>
          value={period}
          onChange={setPeriod}
          options={[
            { label: zh.dashboard.today, value: 'today' },
            { label: zh.dashboard.last7Days, value: 'last7Days' },
            { label: zh.dashboard.last30Days, value: 'last30Days' },
          ]}
        />
      </div>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        {d && p && (
          <>
            <Typography.Paragraph type='secondary' data-testid='dashboard-range'>
              {zh.dashboard.range(p.from, p.to)}（{d.timeZone}）
            </Typography.Paragraph>
            <Figures p={p} />
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24} xl={16}>
                <Card title={zh.dashboard.salesTrend}>{trend && <EChart option={trend} testId='chart-trend' />}</Card>
              </Col>
              <Col xs={24} xl={8}>
                <Card title={zh.dashboard.platformSplit}>
                  {p.salesFen === 0 ? (
                    <div style={{ height: 320, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                      <Typography.Text type='secondary'>{zh.dashboard.noSales}</Typography.Text>
                    </div>
                  ) : (
                    split && <EChart option={split} testId='chart-platforms' />
                  )}
                </Card>
              </Col>
              <Col xs={24}>
                <Card title={zh.dashboard.membersByPlatform}>{members && <EChart option={members} style={{ height: 240 }} />}</Card>
              </Col>
            </Row>
          </>
        )}
      </PageState>
    </div>
  );
}
