import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatYuan, yuanStringToFen } from '@siyu/shared/money';
import { App, Button, Card, Descriptions, Form, Input, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePermissions } from '../../auth/session';
import { errorText } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';

const t = zh.wallet;
type CounterMember = Schemas['CounterMember'];

const toFen = (yuan: string | undefined) => {
  try {
    return yuan ? yuanStringToFen(yuan) : 0;
  } catch {
    return -1;
  }
};

/**
 * 柜台与储值 (decision 039): type or scan a member code to see who it is and their balance, record a purchase (part of
 * it from the balance, the member's fresh code being their consent), and the shop's liability and top-up packages.
 */
export default function CounterPage() {
  const { canEdit } = usePermissions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [who, setWho] = useState<CounterMember | null>(null);
  const [code, setCode] = useState('');
  const [store, setStore] = useState('总店');
  const [amount, setAmount] = useState('');
  const [fromBalance, setFromBalance] = useState('');
  const liability = useQuery({ queryKey: ['wallet-liability'], queryFn: () => api.GET('/wallet/liability') });
  const packages = useQuery({ queryKey: ['wallet-packages'], queryFn: () => api.GET('/wallet/packages') });

  const identify = useMutation({
    mutationFn: () => api.POST('/counter/identify', { body: { code: code.replace(/\s/g, ''), store } }),
    onSuccess: (m) => setWho(m),
    onError: (e) => void message.error(errorText(e)),
  });
  const purchase = useMutation({
    mutationFn: () =>
      api.POST('/counter/purchases', {
        body: { code: code.replace(/\s/g, ''), store, amountFen: toFen(amount), balanceFen: Math.max(0, toFen(fromBalance)) },
      }),
    onSuccess: (p) => {
      void message.success(t.recorded(formatYuan(p.amountFen), formatYuan(p.balanceFen), formatYuan(p.tillFen)));
      setWho(null);
      setCode('');
      setAmount('');
      setFromBalance('');
      void queryClient.invalidateQueries({ queryKey: ['wallet-liability'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <Space direction='vertical' size='large' style={{ width: '100%' }}>
      <Typography.Title level={3}>{t.title}</Typography.Title>
      <Card title={t.counterTitle} className='js-counter'>
        <Form layout='inline'>
          <Form.Item label={t.store}>
            <Input className='js-counter-store' value={store} maxLength={40} onChange={(e) => setStore(e.target.value)} />
          </Form.Item>
          <Form.Item label={t.code}>
            <Input className='js-counter-code' value={code} placeholder={t.codePlaceholder} onChange={(e) => setCode(e.target.value)} />
          </Form.Item>
          <Button className='js-counter-identify' disabled={!canEdit} loading={identify.isPending} onClick={() => identify.mutate()}>
            {t.identify}
          </Button>
        </Form>
        {who ? (
          <>
            <Descriptions className='js-counter-member' style={{ marginTop: 16 }} column={2} bordered size='small'>
              <Descriptions.Item label={t.member}>{`${who.nickname}（ID ${who.memberId}）`}</Descriptions.Item>
              <Descriptions.Item
                label={t.balance}
              >{`${formatYuan(who.balanceFen)}（${t.parts(formatYuan(who.principalFen), formatYuan(who.bonusFen))}）`}</Descriptions.Item>
            </Descriptions>
            <Form layout='inline' style={{ marginTop: 16 }}>
              <Form.Item label={t.amount}>
                <Input className='js-counter-amount' value={amount} suffix='元' onChange={(e) => setAmount(e.target.value)} />
              </Form.Item>
              <Form.Item label={t.fromBalance}>
                <Input className='js-counter-balance' value={fromBalance} suffix='元' onChange={(e) => setFromBalance(e.target.value)} />
              </Form.Item>
              <Button
                type='primary'
                className='js-counter-purchase'
                disabled={!canEdit}
                loading={purchase.isPending}
                onClick={() => purchase.mutate()}
              >
                {t.record}
              </Button>
            </Form>
          </>
        ) : null}
      </Card>
      <Card title={t.liabilityTitle} className='js-liability'>
        <Space size='large' wrap>
          <Statistic title={t.total} value={formatYuan(liability.data?.totalFen ?? 0)} />
          <Statistic title={t.principal} value={formatYuan(liability.data?.principalFen ?? 0)} />
          <Statistic title={t.bonus} value={formatYuan(liability.data?.bonusFen ?? 0)} />
          <Statistic title={t.members} value={liability.data?.members ?? 0} />
        </Space>
      </Card>
      <Card title={t.packagesTitle}>
        <Table
          rowKey='id'
          size='small'
          pagination={false}
          dataSource={packages.data?.items ?? []}
          columns={[
            { title: t.packageTitle, dataIndex: 'title' },
            { title: t.packageAmount, dataIndex: 'amountFen', render: (v: number) => formatYuan(v) },
            { title: t.packageBonus, dataIndex: 'bonusFen', render: (v: number) => formatYuan(v) },
            { title: t.packagePoints, dataIndex: 'bonusPoints' },
            { title: t.packageStatus, dataIndex: 'status', render: (v: string) => (v === 'on' ? t.on : t.off) },
          ]}
        />
      </Card>
    </Space>
  );
}
