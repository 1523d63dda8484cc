import { formatYuan } from '@siyu/shared/money';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { type ApiError, isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { ListSkeleton } from '../../../components/list-skeleton';
import { t } from '../../../i18n/package-distribution';
import { formatDateTime } from '../../../lib/format';
import { confirmMerchantTransfer } from '../../../platform/merchant-transfer';
import { TARGET } from '../../../env';
import './index.css';

type Summary = Awaited<ReturnType<typeof api.distribution>>;
type Commissions = Awaited<ReturnType<typeof api.distributionCommissions>>['items'];
type Team = Awaited<ReturnType<typeof api.distributionTeam>>;
type Withdrawals = Awaited<ReturnType<typeof api.distributionWithdrawals>>['items'];
type Tab = (typeof t.distribution.tabs)[number]['key'];
type Platform = 'weapp' | 'alipay' | 'tt';

const d = t.distribution;
/** The platform a withdrawal is paid through: the super-app the member is in (the web stands in as WeChat). */
const PLATFORM: Platform = TARGET === 'alipay' ? 'alipay' : TARGET === 'tt' ? 'tt' : 'weapp';

function howToQualify(q: Summary['qualification']): string {
  if (q.mode === 'tier') return d.how.tier(q.minTierLevel);
  if (q.mode === 'task') return d.how.task(q.checkIns, q.paidOrder);
  if (q.mode === 'card') return d.how.card;
  return d.how.apply;
}

/** Yuan typed by the member → fen, or null when it is not an amount (two decimals at most). */
function fenOf(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * 分销中心: how to become a distributor (or the application's state), then earnings frozen / withdrawable / withdrawn,
 * and three tabs: commission orders, the team (direct and second-level customers, masked), withdrawals with their payout
 * states. Withdrawing takes the amount from the balance at once; on WeChat a payout waits for the member's confirmation
 * in WeChat's own sheet (确认收款).
 */
export default function DistributionCentrePage() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState(false);
  const [tab, setTab] = useState<Tab>('orders');
  const [orders, setOrders] = useState<Commissions | null>(null);
  const [team, setTeam] = useState<Team | null>(null);
  const [withdrawals, setWithdrawals] = useState<Withdrawals | null>(null);
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const loadTab = useCallback(async (which: Tab) => {
    if (which === 'orders') setOrders((await api.distributionCommissions({ limit: 50 })).items);
    if (which === 'team') setTeam(await api.distributionTeam());
    if (which === 'withdrawals') setWithdrawals((await api.distributionWithdrawals({ limit: 50 })).items);
  }, []);

  const load = useCallback(async () => {
    try {
      const s = await api.distribution();
      setSummary(s);
      setError(false);
      if (s.status !== 'none') await loadTab(tab).catch(() => undefined);
    } catch {
      setError(true);
    }
  }, [loadTab, tab]);

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const errorText = (e: unknown): string => (isApiError(e) ? d.errors[(e as ApiError).code] : undefined) ?? '出错了，请稍后再试';

  async function apply() {
    setBusy(true);
    try {
      setSummary(await api.applyDistribution(newIdempotencyKey()));
      setMessage(d.applied);
    } catch (e) {
      setMessage(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    const fen = fenOf(amount);
    if (fen === null || fen <= 0) {
      setMessage(d.errors.amount!);
      return;
    }
    setBusy(true);
    try {
      await api.withdraw({ amountFen: fen, platform: PLATFORM }, newIdempotencyKey());
      setAmount('');
      setMessage(d.withdrawDone);
      setTab('withdrawals');
      await load();
      await loadTab('withdrawals');
    } catch (e) {
      const issues = isApiError(e) && e.code === 'VALIDATION_FAILED';
      setMessage(issues ? d.errors.amount! : errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(packageInfo: string) {
    await confirmMerchantTransfer({ packageInfo });
    await loadTab('withdrawals');
  }

  if (error) return <LoadError onRetry={() => void load()} />;
  if (!summary) return <ListSkeleton />;

  const active = summary.status === 'active';
  return (
    <View className='page distribution-page'>
      <View className='distribution-hero'>
        <Text className='distribution-status js-distribution-status'>{d.statuses[summary.status]}</Text>
        {summary.status !== 'active' && <Text className='distribution-how'>{howToQualify(summary.qualification)}</Text>}
        {(summary.status === 'none' || summary.status === 'refused') && (
          <Button
            className={`primary-button distribution-apply js-apply${busy ? ' is-disabled' : ''}`}
            onClick={() => void (busy ? undefined : apply())}
          >
            {d.apply}
          </Button>
        )}
        {summary.status !== 'none' && (
          <View className='distribution-figures'>
            {[
              { label: d.frozen, fen: summary.frozenFen, key: 'frozen' },
              { label: d.balance, fen: summary.balanceFen, key: 'balance' },
              { label: d.withdrawn, fen: summary.withdrawnFen, key: 'withdrawn' },
            ].map((f) => (
              <View key={f.key} className={`distribution-figure js-${f.key}`}>
                <Text className='distribution-figure-value'>{formatYuan(f.fen)}</Text>
                <Text className='distribution-figure-label'>{f.label}</Text>
              </View>
            ))}
          </View>
        )}
        {summary.debtFen > 0 && <Text className='distribution-how'>{d.debt(formatYuan(summary.debtFen))}</Text>}
      </View>

      {message && <Text className='distribution-message js-message'>{message}</Text>}

      {active && (
        <View className='card distribution-withdraw'>
          <Text className='card-title'>{`${d.withdrawTitle} · ${d.platforms[PLATFORM]}`}</Text>
          <View className='row distribution-withdraw-row'>
            <Input
              className='distribution-amount js-amount'
              style={{ flex: 1, width: 'auto' }}
              type='digit'
              value={amount}
              placeholder={d.amountPlaceholder}
              onInput={(e) => setAmount(e.detail.value)}
            />
            <Button
              className={`primary-button distribution-withdraw-btn js-withdraw${busy ? ' is-disabled' : ''}`}
              onClick={() => void (busy ? undefined : withdraw())}
            >
              {busy ? d.withdrawing : d.withdraw}
            </Button>
          </View>
        </View>
      )}

      {summary.status !== 'none' && (
        <View className='card'>
          <View className='row distribution-tabs'>
            {d.tabs.map((x) => (
              <View
                key={x.key}
                className={`distribution-tab js-tab-${x.key} ${tab === x.key ? 'distribution-tab-on' : ''}`}
                onClick={() => {
                  setTab(x.key);
                  void loadTab(x.key).catch(() => undefined);
                }}
              >
                <Text>{x.label}</Text>
              </View>
            ))}
          </View>
          {tab === 'orders' &&
            (orders === null ? (
              <ListSkeleton />
            ) : orders.length === 0 ? (
              <Text className='muted distribution-empty'>{d.noOrders}</Text>
            ) : (
              orders.map((o) => (
                <View key={o.id} className='row distribution-line js-commission'>
                  <View className='distribution-line-main'>
                    <Text>{`${d.orderNo(o.orderId)} · ${d.level(o.level)} · ${o.buyer}`}</Text>
                    <Text className='muted distribution-small'>{formatDateTime(o.createdAt)}</Text>
                  </View>
                  <View className='distribution-line-side'>
                    <Text className='distribution-amount-text'>{formatYuan(o.amountFen)}</Text>
                    <Text className='muted distribution-small'>{d.commissionStatus[o.status]}</Text>
                  </View>
                </View>
              ))
            ))}
          {tab === 'team' &&
            (team === null ? (
              <ListSkeleton />
            ) : (
              <View>
                <Text className='distribution-team-head js-team-direct'>{d.direct(team.direct.count)}</Text>
                {team.direct.members.map((m) => (
                  <View key={`d${m.name}${m.boundAt}`} className='row distribution-line'>
                    <Text>{m.name}</Text>
                    <Text className='muted distribution-small'>{d.boundAt(formatDateTime(m.boundAt))}</Text>
                  </View>
                ))}
                <Text className='distribution-team-head js-team-second'>{d.second(team.second.count)}</Text>
                {team.second.members.map((m) => (
                  <View key={`s${m.name}${m.boundAt}`} className='row distribution-line'>
                    <Text>{m.name}</Text>
                    <Text className='muted distribution-small'>{d.boundAt(formatDateTime(m.boundAt))}</Text>
                  </View>
                ))}
                {team.direct.count + team.second.count === 0 && <Text className='muted distribution-empty'>{d.noTeam}</Text>}
              </View>
            ))}
          {tab === 'withdrawals' &&
            (withdrawals === null ? (
              <ListSkeleton />
            ) : withdrawals.length === 0 ? (
              <Text className='muted distribution-empty'>{d.noWithdrawals}</Text>
            ) : (
              withdrawals.map((w) => (
                <View key={w.id} className='row distribution-line js-withdrawal'>
                  <View className='distribution-line-main'>
                    <Text>{`${formatYuan(w.amountFen)} · ${d.platforms[w.platform]}`}</Text>
                    <Text className='muted distribution-small'>
                      {w.feeFen > 0 ? `${formatDateTime(w.createdAt)} · ${d.fee(formatYuan(w.feeFen))}` : formatDateTime(w.createdAt)}
                    </Text>
                  </View>
                  <View className='distribution-line-side'>
                    <Text className='distribution-small js-withdrawal-status'>{d.withdrawalStatus[w.status]}</Text>
                    {w.status === 'awaiting_confirmation' && w.packageInfo && (
                      <Button className='plain-button distribution-confirm js-confirm' onClick={() => void confirm(w.packageInfo!)}>
                        {d.confirmReceipt}
                      </Button>
                    )}
                  </View>
                </View>
              ))
            ))}
        </View>
      )}
    </View>
  );
}
