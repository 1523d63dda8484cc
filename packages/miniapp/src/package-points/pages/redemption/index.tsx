import type { PointsMallRedemption } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-points';
import { formatDateTime } from '../../../lib/format';
import { payOrder, waitForPayment } from '../../../lib/payment';
import { ROUTES, idParam } from '../../../lib/routes';
import { usePoints } from '../../../stores/points-store';
import { redemptionPaidText, redemptionStatusText } from '../../mall';
import '../points-pages.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'missing' } | { state: 'ready'; redemption: PointsMallRedemption };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One redemption: status, item, points (and cash), and what the member gets: the tracking number of a shipped item,
 * the coupons issued, the instructions of a virtual benefit. The cash part of a points-plus-cash redemption is an order,
 * paid through the same code as any order (lib/payment.ts: the platform's sheet, or the H5 payment page that returns
 * here with `paid=1`); `autopay=1` starts it on arrival (after redeeming).
 */
export default function RedemptionPage() {
  const params = useRouter().params;
  const id = idParam(params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [paying, setPaying] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const autopayDone = useRef(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const refresh = async (): Promise<PointsMallRedemption | null> => {
    if (id === null) {
      setLoad({ state: 'missing' });
      return null;
    }
    try {
      const redemption = await api.mallRedemption(id);
      setLoad({ state: 'ready', redemption });
      return redemption;
    } catch (e) {
      setLoad((l) => (l.state === 'ready' ? l : { state: isApiError(e) && e.code === 'NOT_FOUND' ? 'missing' : 'error' }));
      return null;
    }
  };

  /** After a payment: the order settles first; the redemption follows it. Look a few times. */
  const settle = async (orderId: number) => {
    setConfirming(true);
    await waitForPayment(orderId).catch(() => null);
    let latest = await refresh();
    for (let i = 0; i < 5 && latest?.status === 'awaiting_payment'; i++) {
      await sleep(1_000);
      latest = await refresh();
    }
    setConfirming(latest?.status === 'awaiting_payment');
    if (latest && latest.status !== 'awaiting_payment') {
      void usePoints.getState().refresh();
      void Taro.showToast({
        title: latest.status === 'closed' ? t.payment.closed : t.payment.success,
        icon: latest.status === 'closed' ? 'none' : 'success',
      });
    }
  };

  const pay = async (r: PointsMallRedemption) => {
    if (paying || r.orderId === null) return;
    setPaying(true);
    setConfirming(false);
    try {
      const result = await payOrder({ id: r.orderId }, ROUTES.redemption(r.id, '&paid=1'));
      if (result.kind === 'redirected') return;
      if (result.kind === 'settled') await settle(r.orderId);
      else if (result.sheet === 'submitted') setConfirming(true);
      else void Taro.showToast({ title: result.sheet === 'cancelled' ? t.payment.cancelled : t.payment.failed, icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: isApiError(e) && e.status === 409 ? t.payment.closed : t.payment.failed, icon: 'none' });
      void refresh();
    } finally {
      setPaying(false);
    }
  };

  /** Withdraws the unpaid redemption (points and stock come back). */
  const withdraw = async (r: PointsMallRedemption) => {
    if (withdrawing || paying) return;
    const { confirm } = await Taro.showModal({
      title: t.mall.withdraw,
      content: t.mall.withdrawConfirm,
      confirmText: t.common.confirm,
      cancelText: t.common.cancel,
    });
    if (!confirm) return;
    setWithdrawing(true);
    try {
      setLoad({ state: 'ready', redemption: await api.withdrawRedemption(r.id, newIdempotencyKey()) });
      void usePoints.getState().refresh();
      void Taro.showToast({ title: t.mall.withdrawn, icon: 'none' });
    } catch {
      void Taro.showToast({ title: t.common.failedToast, icon: 'none' });
      void refresh();
    } finally {
      setWithdrawing(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page's id changes; the loaders read the latest state themselves.
  useEffect(() => {
    void (async () => {
      const r = await refresh();
      if (r?.status !== 'awaiting_payment' || r.orderId === null) return;
      if (params.paid === '1') await settle(r.orderId);
      else if (params.autopay === '1' && !autopayDone.current) {
        autopayDone.current = true;
        await pay(r);
      }
    })();
  }, [id]);
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh());
  });

  if (load.state !== 'ready') {
    return (
      <View className='page points-page'>
        {load.state === 'missing' ? <View className='points-empty'>{t.mall.redemptionsEmpty}</View> : null}
        {load.state === 'error' ? <LoadError onRetry={() => void refresh()} /> : null}
        {load.state === 'loading' ? <View className='state-line'>{t.common.loading}</View> : null}
      </View>
    );
  }
  const r = load.redemption;
  const awaitingPayment = r.status === 'awaiting_payment';

  return (
    <View className='page points-page js-redemption-detail'>
      <View className='points-hero'>
        <Text className='mall-detail-status js-redemption-detail-status'>{confirming ? t.payment.confirming : redemptionStatusText(r)}</Text>
        {awaitingPayment && r.paymentDeadline ? (
          <Text className='points-hero-note js-redemption-deadline'>{t.mall.payBefore(formatDateTime(r.paymentDeadline))}</Text>
        ) : null}
        {r.status === 'closed' ? <Text className='points-hero-note'>{t.mall.closedHint}</Text> : null}
        {r.status === 'cancelled' ? <Text className='points-hero-note'>{t.mall.cancelledHint}</Text> : null}
        {r.cancelReason ? <Text className='points-hero-note'>{t.mall.cancelReason(r.cancelReason)}</Text> : null}
      </View>

      <View className='card'>
        <Text className='mall-card-title js-redemption-detail-title'>{`${r.item.title} ${t.mall.quantityTimes(r.quantity)}`}</Text>
        <Text className='mall-price mall-detail-line js-redemption-detail-paid'>{redemptionPaidText(r)}</Text>
        <Text className='muted mall-detail-line'>{t.mall.redemptionNo(r.redemptionNo)}</Text>
        <Text className='muted mall-detail-line'>{t.mall.createdAt(formatDateTime(r.createdAt))}</Text>
      </View>

      {r.item.kind === 'sku' ? (
        <View className='card'>
          <Text className='card-title'>{t.mall.trackingTitle}</Text>
          {r.trackingNo ? (
            <Text className='js-redemption-detail-tracking'>{t.mall.tracking(r.carrier ?? '', r.trackingNo)}</Text>
          ) : r.status === 'awaiting_fulfilment' ? (
            <Text className='muted'>{t.mall.awaitingShipment}</Text>
          ) : null}
          {r.address ? (
            <View className='mall-detail-line mall-address-body'>
              <Text className='mall-address-who'>{`${r.address.name} ${r.address.phone}`}</Text>
              <Text className='muted'>{`${r.address.province}${r.address.city}${r.address.district} ${r.address.detail}`}</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {r.couponIds.length > 0 ? (
        <View className='card row mall-coupons-row js-redemption-coupons' onClick={() => void Taro.navigateTo({ url: ROUTES.myCoupons() })}>
          <Text>{t.mall.couponIssued(r.couponIds.length)}</Text>
          <Text className='muted mall-row-link'>{`${t.mall.viewCoupons} ›`}</Text>
        </View>
      ) : null}

      {r.instructions ? (
        <View className='card'>
          <Text className='card-title'>{t.mall.instructionsTitle}</Text>
          <Text className='mall-description js-redemption-instructions'>{r.instructions}</Text>
        </View>
      ) : null}

      {awaitingPayment ? (
        <>
          <View className='bottom-bar-spacer' />
          <View className='bottom-bar mall-bar'>
            <View className='mall-bar-total'>
              <Text className='mall-price'>{redemptionPaidText(r)}</Text>
            </View>
            <View className='mall-withdraw js-redemption-withdraw' onClick={() => void withdraw(r)}>
              <Text>{t.mall.withdraw}</Text>
            </View>
            <Button className={`primary-button mall-redeem js-redemption-pay${paying ? ' is-disabled' : ''}`} onClick={() => void pay(r)}>
              <Text>{paying ? t.payment.paying : t.mall.pay}</Text>
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}
