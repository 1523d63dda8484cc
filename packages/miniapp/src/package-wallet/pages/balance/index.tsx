import type { Wallet, WalletLedgerEntry } from '@siyu/shared';
import { formatYuan, yuanStringToFen } from '@siyu/shared/money';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { wallet as w } from '../../../i18n/package-wallet';
import { formatDateTime } from '../../../lib/format';
import { payOrder } from '../../../lib/payment';
import { ROUTES } from '../../../lib/routes';
import './index.css';

/** 我的余额: the balance (principal and bonus apart), how payments spend them, top-up packages, a custom amount, the ledger. */
export default function WalletPage() {
  const [data, setData] = useState<Wallet | null>(null);
  const [ledger, setLedger] = useState<WalletLedgerEntry[]>([]);
  const [failed, setFailed] = useState(false);
  const [custom, setCustom] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const [wl, page] = await Promise.all([api.wallet(), api.walletLedger({ page: 1, pageSize: 50 })]);
      setData(wl);
      setLedger(page.items);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useDidShow(() => void refresh());
  usePullDownRefresh(() => void refresh().finally(() => void Taro.stopPullDownRefresh()));

  const topUp = async (body: { packageId: number } | { amountFen: number }) => {
    if (busy) return;
    setBusy(true);
    try {
      const t = await api.createTopUp(body, newIdempotencyKey());
      const result = await payOrder({ id: t.orderId }, ROUTES.wallet);
      if (result.kind === 'redirected') return;
      void Taro.showToast({ title: result.kind === 'settled' ? w.toppedUp : w.topUpPending, icon: result.kind === 'settled' ? 'success' : 'none' });
      await refresh();
    } catch {
      void Taro.showToast({ title: w.topUpFailed, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const topUpCustom = () => {
    if (!data) return;
    let fen = 0;
    try {
      fen = yuanStringToFen(custom);
    } catch {
      fen = 0;
    }
    const { minFen, maxFen } = data.customTopUp;
    if (fen < minFen || fen > maxFen) {
      void Taro.showToast({ title: w.customOutOfRange(formatYuan(minFen), formatYuan(maxFen)), icon: 'none' });
      return;
    }
    void topUp({ amountFen: fen });
  };

  if (!data) return <View className='page wallet-page'>{failed ? <Text className='muted'>{w.loadFailed}</Text> : null}</View>;

  return (
    <View className='page wallet-page'>
      <View className='card wallet-balance js-wallet-balance'>
        <Text className='wallet-balance-label'>{w.balance}</Text>
        <Text className='wallet-balance-value js-wallet-total'>{formatYuan(data.balanceFen)}</Text>
        <View className='row wallet-parts'>
          <Text className='js-wallet-principal'>{w.principal(formatYuan(data.principalFen))}</Text>
          <Text className='js-wallet-bonus'>{w.bonus(formatYuan(data.bonusFen))}</Text>
        </View>
        <Text className='muted wallet-rule js-wallet-rule'>{w.rules[data.bonusRule]}</Text>
      </View>

      <View className='card'>
        <Text className='card-title'>{w.packagesTitle}</Text>
        <View className='wallet-packages'>
          {data.packages.map((p) => (
            <View key={p.id} className='wallet-package js-wallet-package' onClick={() => void topUp({ packageId: p.id })}>
              <Text className='wallet-package-amount'>{formatYuan(p.amountFen)}</Text>
              {p.bonusFen > 0 ? <Text className='wallet-package-bonus'>{w.packageBonus(formatYuan(p.bonusFen))}</Text> : null}
              {p.bonusPoints > 0 ? <Text className='muted wallet-package-points'>{w.packagePoints(p.bonusPoints)}</Text> : null}
            </View>
          ))}
        </View>
        {data.customTopUp.enabled ? (
          <View className='wallet-custom'>
            <Input
              className='field-input wallet-custom-input js-wallet-custom'
              type='digit'
              value={custom}
              placeholder={`${w.customTitle} ${w.customPlaceholder(formatYuan(data.customTopUp.minFen), formatYuan(data.customTopUp.maxFen))}`}
              onInput={(e) => setCustom(e.detail.value)}
            />
            <Button className='primary-button wallet-custom-button js-wallet-custom-submit' disabled={busy} onClick={topUpCustom}>
              {busy ? w.toppingUp : w.topUp}
            </Button>
          </View>
        ) : null}
      </View>

      <View className='card js-wallet-ledger'>
        <Text className='card-title'>{w.ledgerTitle}</Text>
        {ledger.length === 0 ? <Text className='muted'>{w.ledgerEmpty}</Text> : null}
        {ledger.map((e) => {
          const total = e.principalDeltaFen + e.bonusDeltaFen;
          return (
            <View key={e.id} className='row wallet-entry js-wallet-entry'>
              <View className='wallet-entry-main'>
                <Text className='wallet-entry-kind'>{w.kinds[e.kind] ?? e.kind}</Text>
                <Text className='muted wallet-entry-time'>{formatDateTime(e.createdAt)}</Text>
              </View>
              <View className='wallet-entry-amounts'>
                <Text className={total >= 0 ? 'wallet-entry-in' : 'wallet-entry-out'}>{`${total >= 0 ? '+' : ''}${formatYuan(total)}`}</Text>
                {e.bonusDeltaFen !== 0 ? <Text className='muted wallet-entry-bonus'>{w.bonus(formatYuan(e.bonusDeltaFen))}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
