import { CouponAudience } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { ConfirmButton } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { dateTime, dayjs } from '../../lib/format';
import { type AudienceForm, audienceOf, audienceText, skippedReasons } from './coupon-rule';
import { MemberPicker } from './pickers';

type CouponIssueJob = Schemas['CouponIssueJob'];
type CouponTemplate = Schemas['CouponTemplate'];

const c = zh.coupons;
const JOB_COLORS: Record<string, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };
const running = (job: CouponIssueJob | undefined) => job?.status === 'queued' || job?.status === 'running';

/** What a job did: issued, skipped (and why), in the merchant's words. */
function JobReport({ job }: { job: CouponIssueJob }) {
  const { timeZone } = usePermissions();
  const total = job.audience.memberIds ? new Set(job.audience.memberIds).size : null;
  const reasons = skippedReasons(job.skippedByReason);
  return (
    <Card size='small' title={c.issue.latest} style={{ marginBottom: 16 }} data-testid='issue-job-report' data-status={job.status}>
      <Space direction='vertical' size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={JOB_COLORS[job.status]} data-testid='issue-job-status'>
            {c.issue.statuses[job.status]}
          </Tag>
          <Typography.Text>{audienceText(job.audience, zh.platforms)}</Typography.Text>
          <Typography.Text type='secondary'>{dateTime(job.createdAt, timeZone)}</Typography.Text>
          {running(job) && <Spin size='small' />}
        </Space>
        {total !== null && (
          <Progress
            percent={total ? Math.floor((job.matched * 100) / total) : 100}
            status={job.status === 'failed' ? 'exception' : running(job) ? 'active' : 'success'}
            format={() => c.issue.progress(job.matched, total)}
            style={{ maxWidth: 480 }}
          />
        )}
        <Space size='large' wrap>
          <span className='nowrap'>
            {c.issue.matched} <strong data-testid='issue-job-matched'>{job.matched}</strong>
          </span>
          <span className='nowrap'>
            {c.issue.issued} <strong data-testid='issue-job-issued'>{job.issued}</strong>
          </span>
          <span className='nowrap'>
            {c.issue.skipped} <strong data-testid='issue-job-skipped'>{job.skipped}</strong>
          </span>
        </Space>
        {reasons.length > 0 && (
          <div data-testid='issue-job-reasons'>
            <Typography.Text type='secondary'>{c.issue.skippedReasons}：</Typography.Text>
            {reasons.map(([reason, n]) => (
              <Tag key={reason} color='orange'>
                {c.issue.reasonCount(reason, n)}
              </Tag>
            ))}
          </div>
        )}
        {job.status === 'failed' && job.error && <Alert type='error' showIcon message={c.issue.failedBecause(job.error)} />}
      </Space>
    </Card>
  );
}

function JobHistory({ jobs }: { jobs: CouponIssueJob[] }) {
  const { timeZone } = usePermissions();
  return (
    <Table<CouponIssueJob>
      rowKey='id'
      size='small'
      dataSource={jobs}
      pagination={jobs.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: c.issue.none }}
      scroll={{ x: 900 }}
      columns={[
        { title: c.issue.createdAt, key: 'at', width: 170, render: (_, j) => <span className='nowrap'>{dateTime(j.createdAt, timeZone)}</span> },
        { title: c.issue.audience, key: 'audience', minWidth: 200, render: (_, j) => audienceText(j.audience, zh.platforms) },
        {
          title: zh.coupons.columns.status,
          key: 'status',
          width: 96,
          render: (_, j) => <Tag color={JOB_COLORS[j.status]}>{c.issue.statuses[j.status]}</Tag>,
        },
        { title: c.issue.issued, dataIndex: 'issued', width: 80 },
        { title: c.issue.skipped, dataIndex: 'skipped', width: 80 },
        {
          title: c.issue.skippedReasons,
          key: 'reasons',
          width: 220,
          render: (_, j) => {
            const reasons = skippedReasons(j.skippedByReason);
            return reasons.length
              ? reasons.map(([reason, n]) => (
                  <Tag key={reason} style={{ marginBottom: 2 }}>
                    {c.issue.reasonCount(reason, n)}
                  </Tag>
                ))
              : zh.common.none;
          },
        },
        { title: c.issue.finishedAt, key: 'done', width: 170, render: (_, j) => <span className='nowrap'>{dateTime(j.finishedAt, timeZone)}</span> },
      ]}
    />
  );
}

const INITIAL: AudienceForm = { mode: 'members', memberIds: [], joined: null, platform: null, hasOrdered: 'any', minTierLevel: null };

/**
 * 定向发券: chosen members or a filter, started as a job; its progress and report refresh while it runs, and the
 * template's figures follow when it ends.
 */
const audienceRule = contractRules(CouponAudience, { words: { memberIds: c.issue.pickMembers }, toBody: audienceOf });

export function IssuePanel({ tpl }: { tpl: CouponTemplate }) {
  const { canEdit } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AudienceForm>();
  const mode = Form.useWatch('mode', form) ?? 'members';
  const [currentId, setCurrentId] = useState<number | null>(null);

  const current = useQuery({
    queryKey: ['coupon-issue-job', currentId],
    queryFn: () => api.GET('/coupon-issue-jobs/{id}', { params: { path: { id: currentId! } } }),
    enabled: currentId !== null,
    refetchInterval: (query) => (running(query.state.data) || !query.state.data ? 1000 : false),
  });
  const jobs = useQuery({
    queryKey: ['coupon-issue-jobs', tpl.id],
    queryFn: () => api.GET('/coupon-templates/{id}/issue-jobs', { params: { path: { id: tpl.id } } }),
    refetchInterval: (query) => (query.state.data?.items.some(running) ? 2000 : false),
  });

  // When the job ends: the history, the figures and the template's claimed count have changed.
  const finished = current.data && !running(current.data) ? current.data.id : null;
  useEffect(() => {
    if (finished === null) return;
    void queryClient.invalidateQueries({ queryKey: ['coupon-issue-jobs', tpl.id] });
    void queryClient.invalidateQueries({ queryKey: ['coupon-stats', tpl.id] });
    void queryClient.invalidateQueries({ queryKey: ['coupon-template', tpl.id] });
    void queryClient.invalidateQueries({ queryKey: ['coupon-templates'] });
  }, [finished, queryClient, tpl.id]);

  const start = useMutation({
    mutationFn: (v: AudienceForm) => api.POST('/coupon-templates/{id}/issue-jobs', { params: { path: { id: tpl.id } }, body: audienceOf(v) }),
    onSuccess: (job) => {
      queryClient.setQueryData(['coupon-issue-job', job.id], job);
      setCurrentId(job.id);
      // The next issue starts from no one chosen: a second click on the same member would otherwise unselect them.
      form.setFieldsValue({ memberIds: [] });
      void queryClient.invalidateQueries({ queryKey: ['coupon-issue-jobs', tpl.id] });
      message.success(c.issue.started);
    },
    onError: (err) => reportError(form, err, message),
  });

  const submit = async () => {
    const ok = await form.validateFields().catch(() => null);
    if (ok) start.mutate(form.getFieldsValue(true) as AudienceForm);
  };

  const latest = current.data ?? jobs.data?.items[0];
  const chosen = (Form.useWatch('memberIds', form) ?? []).length;
  const active = tpl.status === 'active';

  return (
    <Row gutter={[24, 8]}>
      <Col xs={24} xl={11}>
        {!active && <Alert type='warning' showIcon message={c.issue.notActive} style={{ marginBottom: 16 }} />}
        <Form<AudienceForm> form={form} layout='vertical' initialValues={INITIAL} disabled={!canEdit || !active}>
          <Form.Item name='mode'>
            <Radio.Group
              optionType='button'
              options={[
                { value: 'members', label: c.issue.byMembers },
                { value: 'filter', label: c.issue.byFilter },
              ]}
              data-testid='issue-mode'
            />
          </Form.Item>
          {mode === 'members' ? (
            <Form.Item name='memberIds' label={c.issue.members} required rules={[audienceRule('memberIds')]}>
              <MemberPicker data-testid='issue-members' />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name='joined'
                label={c.issue.joined}
                getValueProps={(v: [string, string] | null) => ({ value: v ? [dayjs(v[0]), dayjs(v[1])] : null })}
                normalize={(v: [dayjs.Dayjs, dayjs.Dayjs] | null) => (v ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null)}
              >
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name='platform' label={c.issue.platform}>
                    <Select
                      allowClear
                      options={Object.entries(zh.platforms).map(([value, label]) => ({ value, label }))}
                      placeholder={zh.common.all}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name='minTierLevel' label={c.issue.minTierLevel}>
                    <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} placeholder={c.tierAny} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name='hasOrdered' label={c.issue.hasOrdered}>
                <Radio.Group options={(['any', 'yes', 'no'] as const).map((k) => ({ value: k, label: c.issue.hasOrderedOptions[k] }))} />
              </Form.Item>
            </>
          )}
        </Form>
        {canEdit && !active ? (
          <Tooltip title={c.issue.notActive}>
            <span style={{ display: 'inline-block' }}>
              <Button type='primary' disabled data-testid='issue-start'>
                {c.issue.start}
              </Button>
            </span>
          </Tooltip>
        ) : (
          <ConfirmButton
            type='primary'
            loading={start.isPending}
            disabled={running(current.data)}
            confirm={mode === 'members' ? c.issue.confirmMembers(chosen) : c.issue.confirmFilter}
            onConfirm={submit}
            data-testid='issue-start'
          >
            {c.issue.start}
          </ConfirmButton>
        )}
      </Col>
      <Col xs={24} xl={13}>
        {latest && <JobReport job={latest} />}
      </Col>
      <Col span={24}>
        <Typography.Title level={5}>{c.issue.jobs}</Typography.Title>
        <PageState loading={jobs.isPending} error={jobs.error} onRetry={() => jobs.refetch()}>
          <JobHistory jobs={jobs.data?.items ?? []} />
        </PageState>
      </Col>
    </Row>
  );
}
