import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type QueryOf, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { Guard } from '../../components/Guard';
import { PagedTable, usePagedQuery } from '../../components/ListPage';
import { PageState } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';
import { reportError } from '../../lib/form-errors';
import { dateTime } from '../../lib/format';

type Template = Schemas['MessageTemplate'];
type SentMessage = Schemas['SentMessage'];
type Platform = Template['platform'];
type Kind = Template['kind'];

const PLATFORMS: Platform[] = ['weapp', 'alipay', 'tt'];
const KINDS = Object.keys(zh.messages.kinds) as Kind[];
const DELIVERY_COLORS: Record<string, string> = {
  pending: 'blue',
  sending: 'blue',
  sent: 'green',
  inbox_only: 'default',
  refused: 'orange',
  failed: 'red',
  unknown: 'purple',
};

interface EditForm {
  templateId: string;
  page?: string;
  fields: { field: string; key: string }[];
}

/** One template's editor: the platform's template id, which data fills each of its fields, the page it opens. */
function TemplateEditor({
  target,
  current,
  dataKeys,
  onClose,
}: {
  target: { platform: Platform; kind: Kind };
  current: Template | undefined;
  dataKeys: string[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<EditForm>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: EditForm) =>
      api.PUT('/message-templates/{platform}/{kind}', {
        params: { path: target },
        body: { templateId: v.templateId, page: v.page || null, fields: Object.fromEntries(v.fields.map((f) => [f.field, f.key])) },
      }),
    onSuccess: () => {
      message.success(zh.messages.saved);
      void queryClient.invalidateQueries({ queryKey: ['message-templates'] });
      onClose();
    },
    onError: (err) => reportError(form, err, message),
  });
  return (
    <Modal
      open
      title={`${zh.platforms[target.platform]} · ${zh.messages.kinds[target.kind]}`}
      okText={zh.messages.save}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Form<EditForm>
        form={form}
        layout='vertical'
        initialValues={{
          templateId: current?.templateId ?? '',
          page: current?.page ?? '',
          fields: current ? Object.entries(current.fields).map(([field, key]) => ({ field, key })) : [{ field: '', key: dataKeys[0] ?? '' }],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name='templateId' label={zh.messages.templateId} rules={[{ required: true, message: zh.messages.templateIdRequired }]}>
          <Input placeholder={zh.messages.templateIdHint} />
        </Form.Item>
        <Form.Item name='page' label={zh.messages.page} extra={zh.messages.pageHint}>
          <Input placeholder='package-order/pages/list/index' />
        </Form.Item>
        <Typography.Text strong>{zh.messages.fields}</Typography.Text>
        <Typography.Paragraph type='secondary'>{zh.messages.fieldsHint}</Typography.Paragraph>
        <Form.List name='fields'>
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Space key={row.key} align='baseline' style={{ display: 'flex' }}>
                  <Form.Item name={[row.name, 'field']} rules={[{ required: true, message: zh.messages.fieldRequired }]}>
                    <Input placeholder={zh.messages.fieldPlaceholder} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'key']} rules={[{ required: true }]}>
                    <Select style={{ width: 200 }} options={dataKeys.map((k) => ({ value: k, label: zh.messages.dataKeys[k] ?? k }))} />
                  </Form.Item>
                  <Button onClick={() => remove(i)} disabled={rows.length === 1}>
                    {zh.messages.removeField}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ field: '', key: dataKeys[0] ?? '' })} disabled={rows.length >= 10}>
                {zh.messages.addField}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function Templates() {
  const { timeZone } = usePermissions();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['message-templates'], queryFn: () => api.GET('/message-templates') });
  const [editing, setEditing] = useState<{ platform: Platform; kind: Kind } | null>(null);
  const remove = useMutation({
    mutationFn: (t: { platform: Platform; kind: Kind }) => api.DELETE('/message-templates/{platform}/{kind}', { params: { path: t } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['message-templates'] }),
    onError: (err) => reportError(null, err, message),
  });
  if (!q.data) return <PageState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()} />;
  const find = (platform: Platform, kind: Kind) => q.data.items.find((t) => t.platform === platform && t.kind === kind);
  return (
    <>
      <Typography.Paragraph type='secondary'>{zh.messages.templatesHint}</Typography.Paragraph>
      <Table<{ kind: Kind }>
        rowKey='kind'
        pagination={false}
        dataSource={KINDS.map((kind) => ({ kind }))}
        scroll={{ x: 1000 }}
        columns={[
          { title: zh.messages.kind, key: 'kind', width: 160, render: (_, r) => zh.messages.kinds[r.kind] },
          ...PLATFORMS.map((platform) => ({
            title: zh.platforms[platform],
            key: platform,
            width: 280,
            render: (_: unknown, r: { kind: Kind }) => {
              const t = find(platform, r.kind);
              return (
                <Space direction='vertical' size={2}>
                  {t ? (
                    <Tooltip title={`${zh.messages.updatedAt} ${dateTime(t.updatedAt, timeZone)}`}>
                      <Typography.Text code className={`js-template-${platform}-${r.kind}`}>
                        {t.templateId}
                      </Typography.Text>
                    </Tooltip>
                  ) : (
                    <Typography.Text type='secondary'>{zh.messages.notSet}</Typography.Text>
                  )}
                  <Guard>
                    <Space size={4}>
                      <Button size='small' onClick={() => setEditing({ platform, kind: r.kind })}>
                        {t ? zh.messages.edit : zh.messages.set}
                      </Button>
                      {t ? (
                        <Button
                          size='small'
                          danger
                          onClick={() =>
                            modal.confirm({ title: zh.messages.removeConfirm, onOk: () => remove.mutateAsync({ platform, kind: r.kind }) })
                          }
                        >
                          {zh.messages.remove}
                        </Button>
                      ) : null}
                    </Space>
                  </Guard>
                </Space>
              );
            },
          })),
        ]}
      />
      {editing ? (
        <TemplateEditor
          target={editing}
          current={find(editing.platform, editing.kind)}
          dataKeys={q.data.dataKeys[editing.kind] ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function SentLog() {
  const { timeZone } = usePermissions();
  const [filters, setFilters] = useState<Pick<QueryOf<'/messages'>, 'delivery' | 'kind'>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = usePagedQuery(['messages', filters, page], () => api.GET('/messages', { params: { query: { ...filters, ...page } } }));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={zh.messages.kind}
          value={filters.kind}
          onChange={(kind) => {
            setFilters({ ...filters, kind });
            setPage({ ...page, page: 1 });
          }}
          options={KINDS.map((k) => ({ value: k, label: zh.messages.kinds[k] }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={zh.messages.delivery}
          value={filters.delivery}
          onChange={(delivery) => {
            setFilters({ ...filters, delivery });
            setPage({ ...page, page: 1 });
          }}
          options={Object.entries(zh.messages.deliveries).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <PagedTable<SentMessage>
        query={q}
        paging={page}
        onPage={(p, s) => setPage({ page: p, pageSize: s })}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: zh.messages.createdAt,
            key: 'at',
            width: 160,
            render: (_, m) => <span className='nowrap'>{dateTime(m.createdAt, timeZone)}</span>,
          },
          { title: zh.messages.member, key: 'member', width: 80, render: (_, m) => <Link to={`/members/${m.memberId}`}>{m.memberId}</Link> },
          { title: zh.messages.kind, key: 'kind', width: 120, render: (_, m) => zh.messages.kinds[m.kind] },
          { title: zh.messages.title, dataIndex: 'title', width: 130 },
          { title: zh.messages.platform, key: 'platform', width: 70, render: (_, m) => (m.platform ? zh.platforms[m.platform] : zh.common.none) },
          {
            title: zh.messages.delivery,
            key: 'delivery',
            width: 100,
            render: (_, m) => (
              <Tag color={DELIVERY_COLORS[m.delivery]} className='js-delivery'>
                {zh.messages.deliveries[m.delivery]}
              </Tag>
            ),
          },
          {
            title: zh.messages.result,
            key: 'code',
            width: 180,
            ellipsis: true,
            render: (_, m) =>
              m.deliveryCode ? (
                <Tooltip title={m.deliveryDetail ?? undefined}>{zh.messages.codes[m.deliveryCode] ?? m.deliveryCode}</Tooltip>
              ) : (
                zh.common.none
              ),
          },
          { title: zh.messages.attempts, dataIndex: 'attempts', width: 70 },
          { title: zh.messages.read, key: 'read', width: 80, render: (_, m) => (m.readAt ? zh.messages.readYes : zh.messages.readNo) },
        ]}
      />
    </>
  );
}

/** 消息通知: subscription-message templates per platform and kind, and what was sent with each delivery's result. */
export default function MessagesPage() {
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.messages.pageTitle}</h2>
      </div>
      <Card>
        <Tabs
          items={[
            { key: 'templates', label: zh.messages.templatesTab, children: <Templates /> },
            { key: 'log', label: zh.messages.logTab, children: <SentLog /> },
          ]}
        />
      </Card>
    </div>
  );
}
