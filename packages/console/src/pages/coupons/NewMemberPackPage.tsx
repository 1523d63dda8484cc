import { NewMemberPack } from '@siyu/shared';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Select, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { contractRules, reportError } from '../../lib/form-errors';
import { ruleSummary, stockText } from './coupon-rule';
import { StatusTags, ValidityCell } from './StatusActions';

type CouponTemplate = Schemas['CouponTemplate'];

const c = zh.coupons;
/** At most this many templates: the contract's limit, where the picker stops. */
const MAX = Number(
  (NewMemberPack.shape.templateIds.def.checks ?? [])
    .map((c) => c._zod.def as { check: string; maximum?: number })
    .find((d) => d.check === 'max_length')?.maximum,
);
const packRule = contractRules(NewMemberPack, {
  words: { templateIds: c.pack.max },
  toBody: (v: { templateIds?: number[] }) => ({ templateIds: v.templateIds ?? [] }),
});

interface Pack {
  templateIds: number[];
}

/** 新人礼包: the templates every new member gets once, whatever platform they first log in from. */
export default function NewMemberPackPage() {
  const { canEdit, timeZone } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Pack>();
  const pack = useQuery({ queryKey: ['new-member-pack'], queryFn: () => api.GET('/coupon-settings/new-member-pack') });
  // The newest hundred templates to choose from (ended ones cannot be issued, so they are not offered).
  const templates = useQuery({
    queryKey: ['coupon-templates', { page: 1, pageSize: 100 }],
    queryFn: () => api.GET('/coupon-templates', { params: { query: { page: 1, pageSize: 100 } } }),
  });
  useEffect(() => {
    if (pack.data) form.setFieldsValue(pack.data);
  }, [pack.data, form]);

  const chosen: number[] = Form.useWatch('templateIds', form) ?? pack.data?.templateIds ?? [];
  const listed = new Map((templates.data?.items ?? []).map((t) => [t.id, t]));
  // Chosen templates older than the hundred listed are fetched one by one.
  const missing = templates.data ? chosen.filter((id) => !listed.has(id)) : [];
  const extra = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['coupon-template', id],
      queryFn: () => api.GET('/coupon-templates/{id}', { params: { path: { id } } }),
    })),
  });
  for (const r of extra) if (r.data) listed.set(r.data.id, r.data);

  const save = useMutation({
    mutationFn: (v: Pack) => api.PUT('/coupon-settings/new-member-pack', { body: { templateIds: v.templateIds ?? [] } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['new-member-pack'], saved);
      message.success(c.pack.saved);
    },
    onError: (err) => reportError(form, err, message),
  });

  const options = [...listed.values()]
    .filter((t) => t.status !== 'ended' || chosen.includes(t.id))
    .map((t) => ({
      value: t.id,
      label: `${t.name} · ${ruleSummary(t)}${t.status === 'active' ? '' : ` · ${c.statuses[t.status]}`}`,
    }));
  const rows = chosen.map((id) => listed.get(id)).filter((t): t is CouponTemplate => t !== undefined);

  return (
    <div>
      <div className='page-header'>
        <h2>{c.pack.title}</h2>
        <Guard viewer='disable'>
          <Button type='primary' loading={save.isPending} onClick={() => form.submit()} data-testid='pack-save'>
            {zh.common.save}
          </Button>
        </Guard>
      </div>
      <Card>
        <PageState loading={pack.isPending || templates.isPending} error={pack.error ?? templates.error} onRetry={() => void pack.refetch()}>
          <Typography.Paragraph type='secondary'>{c.pack.intro}</Typography.Paragraph>
          <Form<Pack> form={form} layout='vertical' disabled={!canEdit} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 720 }}>
            <Form.Item name='templateIds' label={c.pack.templates} extra={c.pack.max} rules={[packRule('templateIds')]}>
              <Select<number[]>
                mode='multiple'
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={options}
                placeholder={c.pack.placeholder}
                maxCount={MAX}
                data-testid='pack-templates'
              />
            </Form.Item>
          </Form>
          <Table<CouponTemplate>
            rowKey='id'
            size='small'
            dataSource={rows}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: c.pack.empty }}
            columns={[
              {
                title: c.columns.name,
                key: 'name',
                minWidth: 160,
                render: (_, t) => <Link to={`/coupons/${t.id}`}>{t.name}</Link>,
              },
              { title: c.columns.rule, key: 'rule', width: 160, render: (_, t) => <span className='nowrap'>{ruleSummary(t)}</span> },
              { title: c.columns.validity, key: 'validity', width: 190, render: (_, t) => <ValidityCell tpl={t} timeZone={timeZone} /> },
              { title: c.columns.stock, key: 'stock', width: 116, render: (_, t) => <span className='nowrap'>{stockText(t)}</span> },
              {
                title: c.columns.status,
                key: 'status',
                width: 230,
                render: (_, t) => (
                  <>
                    <StatusTags tpl={t} />
                    {t.status !== 'active' && (
                      <Tag color='warning' style={{ marginTop: 4 }}>
                        {c.pack.notActive}
                      </Tag>
                    )}
                  </>
                ),
              },
            ]}
          />
        </PageState>
      </Card>
    </div>
  );
}
