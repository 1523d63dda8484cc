import { OPEN_REFUND_STATUSES } from '@siyu/shared/constants';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import type { Order, Refund } from '@siyu/shared';
import { LoadError } from '../../../components/load-error';
import { NotFound } from '../../../components/not-found';
import { BreakdownLines, LineItem } from '../../components/order-parts';
import { t } from '../../../i18n/package-order';
import { formatDateTime } from '../../../lib/format';
import { clockText, useCountdown } from '../../../lib/use-countdown';
import { useCart } from '../../../stores/cart-store';
import { payOrder, waitForPayment } from '../../../lib/payment';
import { canRequestRefund } from '../../../lib/refunds';
import { ROUTES, idParam } from '../../../lib/routes';
import { useSubscriptionAsk } from '../../../lib/subscriptions';
import './index.css';

/** How often an order with an open refund is looked at again while the page is on screen. */
const OPEN_REFUND_POLL_MS = 4_000;
const OPEN_REFUNDS: ReadonlyArray<Refund['status']> = OPEN_REFUND_STATUSES;

type Load = { state: 'loading' } | { state: 'error' } | { state: 'missing' } | { state: 'ready'; order: Order };

/**
 * One order: status, lines, breakdown, address, timeline and refunds, with what can be done next (pay, cancel,
 * confirm receipt, request a refund). `autopay=1` starts the payment on arrival (after checkout); `paid=1` is the
 * return from the H5 payment page: wait for the server to say what happened.
 */
export default function OrderDetailPage() {
  const params = useRouter().params;
  const id = idParam(params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [paying, setPaying] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [visible, setVisible] = useState(true);
  const autopayDone = useRef(false);

  const loaded = useRef(false);

  const show = (order: Order) => {
    loaded.current = true;
    setLoad({ state: 'ready', order });
  };

  const refresh = async (): Promise<Order | null> => {
    if (id === null) {
      setLoad({ state: 'missing' });
      return null;
    }
    try {
      const order = await api.order(id);
      show(order);
      return order;
    } catch (e) {
      setLoad((l) => (l.state === 'ready' ? l : { state: isApiError(e) && e.code === 'NOT_FOUND' ? 'missing' : 'error' }));
      return null;
    }
  };

  const askSubscriptions = useSubscriptionAsk('after_pay');
  const pay = async (order: Order) => {
    if (paying) return;
    setPaying(true);
    setConfirming(false);
    try {
      const result = await payOrder(order);
      if (result.kind === 'redirected') return;
      show(result.order);
      // Straight after the payment sheet closed with success: besides a tap, the one moment the platforms allow the
      // subscription prompt. Once per order (the payment-success page then offers nothing more).
      if (result.kind === 'settled' ? result.order.status === 'paid' : result.sheet === 'submitted') await askSubscriptions(`order:${order.id}`);
      if (result.kind === 'settled') {
        void Taro.showToast({
          title: result.order.status === 'paid' ? t.payment.success : t.payment.closed,
          icon: result.order.status === 'paid' ? 'success' : 'none',
        });
        // 支付成功 opens above this page: Back from it comes here, where nothing starts a payment again.
        if (result.order.status === 'paid') void Taro.navigateTo({ url: ROUTES.paySuccess(result.order.id) });
      } else if (result.sheet === 'submitted') {
        setConfirming(true);
      } else {
        void Taro.showToast({ title: result.sheet === 'cancelled' ? t.payment.cancelled : t.payment.failed, icon: 'none' });
      }
    } catch (e) {
      void Taro.showToast({ title: isApiError(e) && e.status === 409 ? t.payment.closed : t.payment.failed, icon: 'none' });
      void refresh();
    } finally {
      setPaying(false);
    }
  };

  // Arrival: load; then either wait for a payment made on the H5 payment page, or start the one checkout asked for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page's id changes; the loaders are recreated each render and read the latest state themselves.
  useEffect(() => {
    void (async () => {
      const order = await refresh();
      if (order?.status !== 'awaiting_payment') return;
      if (params.paid === '1' && id !== null) {
        setConfirming(true);
        const latest = await waitForPayment(id).catch(() => null);
        if (latest) show(latest);
        setConfirming(latest?.status === 'awaiting_payment');
      } else if (params.autopay === '1' && !autopayDone.current) {
        autopayDone.current = true;
        await pay(order);
      }
    })();
  }, [id]);

  useDidShow(() => {
    setVisible(true);
    if (loaded.current) void refresh();
  });
  useDidHide(() => setVisible(false));
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh());
  });

  const awaitingUntil = load.state === 'ready' && load.order.status === 'awaiting_payment' ? load.order.expiresAt : null;
  const secondsLeft = useCountdown(awaitingUntil);
  const closedByTime = secondsLeft === 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: when the window closes, the server says what became of the order.
  useEffect(() => {
    if (closedByTime) void refresh();
  }, [closedByTime]);

  const refunds = load.state === 'ready' ? load.order.refunds : [];
  const hasOpenRefund = refunds.some((r) => OPEN_REFUNDS.includes(r.status));
  // biome-ignore lint/correctness/useExhaustiveDependencies: polls while a refund is open and the page visible; refresh is recreated each render.
  useEffect(() => {
    if (!hasOpenRefund || !visible) return;
    const timer = setInterval(() => void refresh(), OPEN_REFUND_POLL_MS);
    return () => clearInterval(timer);
  }, [hasOpenRefund, visible]);

  if (load.state !== 'ready') {
    return (
      <View className='page'>
        {load.state === 'missing' ? <NotFound text={t.store.orderGone} /> : null}
        {load.state === 'error' ? <LoadError onRetry={() => void refresh()} /> : null}
        {load.state === 'loading' ? <View className='state-line'>{t.common.loading}</View> : null}
      </View>
    );
  }

  const { order } = load;
  const act = async (confirmText: string, call: (key: string) => Promise<Order>, done: string) => {
    if (busy) return;
    const { confirm } = await Taro.showModal({ title: '', content: confirmText, confirmText: t.common.confirm, cancelText: t.common.cancel });
    if (!confirm) return;
    setBusy(true);
    try {
      show(await call(newIdempotencyKey()));
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      void Taro.showToast({ title: t.common.failedToast, icon: 'none' });
      void refresh();
    } finally {
      setBusy(false);
    }
  };

  const refundedFen = order.refundedFen;
  const canRefund = canRequestRefund(order);
  const events = [...order.events].reverse();
  const canBuyAgain = order.status !== 'awaiting_payment';
  const hasActions = order.status === 'awaiting_payment' || order.status === 'shipped' || canRefund || canBuyAgain;

  /** 再次购买: every line back into the cart (what can no longer be bought is said), then the cart. */
  const buyAgain = async () => {
    if (busy) return;
    setBusy(true);
    let added = 0;
    let skipped = 0;
    for (const line of order.lines) {
      try {
        await useCart.getState().add(line.skuId, line.quantity);
        added += line.quantity;
      } catch {
        skipped += line.quantity;
      }
    }
    setBusy(false);
    if (added === 0) return void Taro.showToast({ title: t.store.buyAgainNone, icon: 'none' });
    void Taro.showToast({ title: skipped ? t.store.buyAgainPartly(added, skipped) : t.store.buyAgainDone(added), icon: 'none' });
    void Taro.switchTab({ url: ROUTES.cart });
  };

  return (
    <View className='page order-detail'>
      <View className='card order-head'>
        <Text className={`order-head-status js-order-status is-${order.status}`} data-status={order.status}>
          {t.orders.status[order.status]}
        </Text>
        {order.status === 'awaiting_payment' ? <Text className='muted'>{t.orders.payBefore(formatDateTime(order.expiresAt))}</Text> : null}
        {order.status === 'awaiting_payment' && secondsLeft !== null && secondsLeft > 0 ? (
          <Text className='order-countdown js-pay-countdown'>{t.store.payCountdown(clockText(secondsLeft))}</Text>
        ) : null}
        {confirming ? <Text className='order-confirming js-payment-confirming'>{t.payment.confirmingHint}</Text> : null}
        {paying ? <Text className='muted js-paying'>{t.payment.paying}</Text> : null}
        {refundedFen > 0 ? <Text className='muted js-order-refunded'>{t.orders.refundedAmount(formatYuan(refundedFen))}</Text> : null}
        {order.carrier && order.trackingNo ? (
          <View className='row order-tracking'>
            <Text className='muted js-order-tracking'>{t.orders.shipping(order.carrier, order.trackingNo)}</Text>
            <View
              className='tap-area js-copy-tracking'
              onClick={() =>
                void Taro.setClipboardData({ data: order.trackingNo ?? '' }).then(
                  () => Taro.showToast({ title: t.store.copied, icon: 'success' }),
                  () => undefined,
                )
              }
            >
              <Text className='order-copy'>{t.store.copyTracking}</Text>
            </View>
          </View>
        ) : null}
      </View>

      <View className='card'>
        <Text className='card-title'>{t.orders.addressTitle}</Text>
        <Text className='order-address-who'>{`${order.address.name} ${order.address.phone}`}</Text>
        <Text className='muted order-address-text'>{`${order.address.province}${order.address.city}${order.address.district} ${order.address.detail}`}</Text>
      </View>

      <View className='card'>
        <Text className='card-title'>{t.orders.linesTitle}</Text>
        {order.lines.map((line) => (
          <LineItem
            key={line.id}
            line={line}
            className='js-order-line'
            onClick={() => void Taro.navigateTo({ url: ROUTES.product(line.productId) })}
          />
        ))}
      </View>

      <View className='card'>
        <Text className='card-title'>{t.orders.amountsTitle}</Text>
        <BreakdownLines breakdown={order.breakdown} />
        <View className='amount-line order-payable'>
          <Text>{t.orders.payable}</Text>
          <Text className='price js-order-payable'>{formatYuan(order.payableFen)}</Text>
        </View>
      </View>

      {refunds.length > 0 ? (
        <View className='card'>
          <Text className='card-title'>{t.orders.refundsTitle}</Text>
          {refunds.map((r) => (
            <View key={r.id} className='refund-item js-refund-item' data-status={r.status}>
              <View className='row'>
                <Text className='muted'>{t.refund.refundNo(r.refundNo)}</Text>
                <Text className={`refund-status js-refund-status is-${r.status}`}>{t.refund.status[r.status]}</Text>
              </View>
              <View className='row'>
                <Text>{r.reason}</Text>
                <Text className='price'>{formatYuan(r.amountFen)}</Text>
              </View>
              {r.lines.length > 0 ? (
                <Text className='muted refund-covers js-refund-covers'>
                  {t.refund.covers(
                    r.lines.map((l) => t.refund.coversItem(order.lines.find((x) => x.id === l.orderLineId)?.title ?? '', l.quantity)).join('、'),
                  )}
                </Text>
              ) : null}
              {r.rejectReason ? <Text className='muted'>{t.refund.rejectReason(r.rejectReason)}</Text> : null}
              <Text className='muted'>{formatDateTime(r.createdAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card-title'>{t.orders.timelineTitle}</Text>
        {events.map((ev, i) => (
          <View
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list whose items have no identity but their position
            key={`${ev.createdAt}-${i}`}
            className={`timeline-item js-timeline-item${i === 0 ? ' is-latest' : ''}`}
          >
            <View className='timeline-dot' />
            <View className='timeline-body'>
              <Text>{t.orders.event(ev.toStatus)}</Text>
              <Text className='muted'>{formatDateTime(ev.createdAt)}</Text>
            </View>
          </View>
        ))}
        <Text className='muted order-meta'>{t.orders.orderNo(order.orderNo)}</Text>
        <Text className='muted order-meta'>{t.orders.createdAt(formatDateTime(order.createdAt))}</Text>
        {order.paidAt ? <Text className='muted order-meta'>{t.orders.paidAt(formatDateTime(order.paidAt))}</Text> : null}
        {order.remark ? <Text className='muted order-meta'>{t.orders.remark(order.remark)}</Text> : null}
      </View>
      {hasActions ? <View className='bottom-bar-spacer' /> : null}

      {hasActions ? (
        <View className='bottom-bar'>
          {order.status === 'awaiting_payment' ? (
            <Button
              className='small-button js-order-cancel'
              onClick={() =>
                void Taro.showActionSheet({ itemList: [...t.store.cancelReasons] }).then(
                  ({ tapIndex }) =>
                    act(t.orders.cancelConfirm, (key) => api.cancelOrder(order.id, key, t.store.cancelReasons[tapIndex]), t.orders.cancelled),
                  () => undefined, // the sheet dismissed: nothing cancelled
                )
              }
            >
              <Text>{t.orders.cancel}</Text>
            </Button>
          ) : null}
          {order.status === 'awaiting_payment' ? (
            <Button className={`small-button is-primary js-order-pay${paying ? ' is-disabled' : ''}`} onClick={() => void pay(order)}>
              <Text>{t.orders.payAgain}</Text>
            </Button>
          ) : null}
          {canBuyAgain ? (
            <Button className={`small-button js-order-buy-again${busy ? ' is-disabled' : ''}`} onClick={() => void buyAgain()}>
              <Text>{t.store.buyAgain}</Text>
            </Button>
          ) : null}
          {canRefund ? (
            <Button className='small-button js-order-refund' onClick={() => void Taro.navigateTo({ url: ROUTES.refund(order.id) })}>
              <Text>{t.orders.requestRefund}</Text>
            </Button>
          ) : null}
          {order.status === 'shipped' ? (
            <Button
              className='small-button is-primary js-order-confirm-receipt'
              onClick={() => void act(t.orders.confirmReceiptConfirm, (key) => api.confirmReceipt(order.id, key), t.orders.received)}
            >
              <Text>{t.orders.confirmReceipt}</Text>
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
