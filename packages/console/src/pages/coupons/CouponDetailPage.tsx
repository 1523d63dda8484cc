import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { type ChartOption, EChart } from '../../components/EChart';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { dateTime, yuan } from '../../lib/format';
import { categoryNames, useCategories } from '../../lib/use-categories';
import { CodeBatches } from './CodeBatches';
import { ruleSummary, scopeText, stackingText, stockText, usageRate, validityText } from './coupon-rule';
import { IssuePanel } from './IssuePanel';
import { useProductTitles } from './pickers';
import { useTemplate } from './queries';
import { StatusActions, StatusTags } from './StatusActions';

type CouponTemplate = Schemas['CouponTemplate'];

const c = zh.coupons;

function Stats({ tpl }: { tpl: CouponTemplate }) {
  const q = useQuery({
    queryKey: ['coupon-stats', tpl.id],
    queryFn: () => api.GET('/coupon-templates/{id}/stats', { params: { path: { id: tpl.id } } }),
    refetchInterval: 30_000,
  });
  const s = q.data;
  // The template's own counters (claimed / total above) follow the figures when they move.
  const queryClient = useQueryClient();
  const claimed = s?.claimed;
  useEffect(() => {
    if (claimed !== undefined && claimed !== tpl.claimedCount) void queryClient.invalidateQueries({ queryKey: ['coupon-template', tpl.id] });
  }, [claimed, tpl.claimedCount, tpl.id, queryClient]);
  const chart = useMemo<ChartOption | null>(() => {
    if (!s || s.claimed === 0) return null;
    const open = Math.max(0, s.claimed - s.used - s.expired);
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 张（{d}%）' },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      series: [
        {
          type: 'pie',
          radius: ['48%', '72%'],
          center: ['50%', '44%'],
          label: { show: false },
          data: [
            { name: c.stats.splitUsed, value: s.used, itemStyle: { color: '#52c41a' } },
            { name: c.stats.splitOpen, value: open, itemStyle: { color: '#1677ff' } },
            { name: c.stats.splitExpired, value: s.expired, itemStyle: { color: '#bfbfbf' } },
          ],
        },
      ],
    };
  }, [s]);
  const cards = s
    ? [
        { key: 'claimed', title: c.stats.claimed, value: `${s.claimed}` },
        { key: 'used', title: c.stats.used, value: `${s.used}` },
        { key: 'expired', title: c.stats.expired, value: `${s.expired}` },
        { key: 'usageRate', title: c.stats.usageRate, value: usageRate(s.used, s.claimed) },
        { key: 'discount', title: c.stats.discount, value: yuan(s.discountFen) },
        { key: 'sales', title: c.stats.sales, value: yuan(s.salesFen) },
      ]
    : [];
  return (
    <Card
      title={c.stats.title}
      style={{ marginBottom: 16 }}
      extra={
        <Button size='small' icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => q.refetch()} data-testid='coupon-stats-refresh'>
          {c.stats.refresh}
        </Button>
      }
    >
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        {s && (
          <Row gutter={[16, 16]} align='middle'>
            <Col xs={24} xl={16}>
              <Row gutter={[12, 12]}>
                {cards.map((card) => (
                  <Col key={card.key} xs={12} md={8}>
                    <Card size='small' className='stat-card' data-testid={`coupon-stat-${card.key}`}>
                      <Statistic title={card.title} value={card.value} valueStyle={{ fontSize: 20, whiteSpace: 'nowrap' }} />
                    </Card>
                  </Col>
                ))}
              </Row>
            </Col>
            <Col xs={24} xl={8}>
              {chart ? (
                <>
                  <Typography.Text type='secondary'>{c.stats.split}</Typography.Text>
                  <EChart option={chart} style={{ height: 180 }} testId='coupon-stats-chart' />
                </>
              ) : (
                <div className='chart-empty'>
                  <Typography.Text type='secondary'>{c.stats.noClaims}</Typography.Text>
                </div>
              )}
            </Col>
          </Row>
        )}
      </PageState>
    </Card>
  );
}

function Rule({ tpl }: { tpl: CouponTemplate }) {
  const { timeZone } = usePermissions();
  const categories = useCategories();
  const productIds = tpl.scope.type === 'products' ? tpl.scope.ids.slice(0, 50) : [];
  const titles = useProductTitles(productIds);
  const extra = tpl.scope.type === 'products' && tpl.scope.ids.length > 50 ? ` 等 ${tpl.scope.ids.length} 件` : '';
  return (
    <Card title={c.rule} style={{ marginBottom: 16 }}>
      <Descriptions bordered column={{ xs: 1, lg: 2 }} size='small' styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}>
        <Descriptions.Item label={c.fields.kind}>{c.kinds[tpl.kind]}</Descriptions.Item>
        <Descriptions.Item label={c.columns.rule}>
          <strong data-testid='coupon-rule'>{ruleSummary(tpl)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={c.columns.validity}>{validityText(tpl.validity, timeZone)}</Descriptions.Item>
        <Descriptions.Item label={c.columns.stock}>
          <span data-testid='coupon-stock'>{stockText(tpl)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={c.fields.perMemberLimit}>{tpl.perMemberLimit}</Descriptions.Item>
        <Descriptions.Item label={c.fields.public}>{tpl.public ? zh.common.yes : zh.common.no}</Descriptions.Item>
        <Descriptions.Item label={c.fields.scopeType} span='filled'>
          {tpl.scope.type === 'all' ? '' : `${c.scopeTypes[tpl.scope.type]}：`}
          {scopeText(tpl.scope, categoryNames(categories.data), titles)}
          {extra}
        </Descriptions.Item>
        <Descriptions.Item label={c.sections.stacking} span='filled'>
          {stackingText(tpl.stacking).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={c.fields.minTierLevel}>{tpl.minTierLevel > 0 ? c.tierLevel(tpl.minTierLevel) : c.tierAny}</Descriptions.Item>
        <Descriptions.Item label={c.columns.createdAt}>{dateTime(tpl.createdAt, timeZone)}</Descriptions.Item>
        <Descriptions.Item label={c.fields.description} span='filled'>
          {tpl.description || zh.common.none}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function CouponDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const q = useTemplate(id);
  const tpl = q.data;
  return (
    <div>
      <div className='page-header'>
        <Space wrap style={{ minWidth: 0 }}>
          <h2 className='title-ellipsis' data-testid='coupon-title'>
            {tpl?.name ?? c.detailTitle}
          </h2>
          {tpl && <StatusTags tpl={tpl} />}
        </Space>
        <Space wrap>
          <Button onClick={() => navigate('/coupons')}>{zh.common.back}</Button>
          {tpl && tpl.status !== 'ended' && (
            <Guard viewer='disable'>
              <Button onClick={() => navigate(`/coupons/${tpl.id}/edit`)} data-testid='coupon-edit'>
                {zh.common.edit}
              </Button>
            </Guard>
          )}
          {tpl && <StatusActions tpl={tpl} />}
        </Space>
      </div>
      <PageState loading={q.isPending} error={q.error} onRetry={() => q.refetch()}>
        {tpl && (
          <>
            <Rule tpl={tpl} />
            <Stats tpl={tpl} />
            <Card>
              <Tabs
                items={[
                  { key: 'issue', label: c.issue.title, children: <IssuePanel tpl={tpl} /> },
                  { key: 'codes', label: c.codes.title, children: <CodeBatches tpl={tpl} /> },
                ]}
              />
            </Card>
          </>
        )}
      </PageState>
    </div>
  );
}
