import { formatYuan } from '@siyu/shared/money';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import type { Order, RefundPreview } from '@siyu/shared';
import { LoadError } from '../../../components/load-error';
import { QuantityStepper } from '../../../components/quantity-stepper';
import { t } from '../../../i18n/package-order';
import { specsText } from '../../../lib/format';
import { refundableLines } from '../../../lib/refunds';
import { idParam } from '../../../lib/routes';
import './index.css';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; order: Order };

/** Ask for a refund of the whole order, or of chosen lines and quantities, with a reason. The server decides the amount. */
export default function RefundPage() {
  const id = idParam(useRouter().params.id);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [whole, setWhole] = useState(true);
  const [chosen, setChosen] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const pendingKey = useRef<string | null>(null);
  const [estimate, setEstimate] = useState<RefundPreview | null>(null);
  const orderId = load.state === 'ready' ? load.order.id : null;
  const chosenLines = Object.entries(chosen).map(([orderLineId, quantity]) => ({ orderLineId: Number(orderLineId), quantity }));
  const estimateKey = whole ? 'whole' : JSON.stringify(chosenLines);
  // The amount, from the server's own rules, before the shopper submits; again whenever the choice changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: estimateKey stands for the choice (whole, lines and quantities).
  useEffect(() => {
    if (orderId === null) return;
    if (!whole && chosenLines.length === 0) return setEstimate(null);
    let current = true;
    api.refundPreview(orderId, whole ? {} : { lines: chosenLines }).then(
      (p) => current && setEstimate(p),
      () => current && setEstimate(null),
    );
    return () => {
      current = false;
    };
  }, [orderId, estimateKey]);

  const fetchOrder = async () => {
    if (id === null) return setLoad({ state: 'error' });
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', order: await api.order(id) });
    } catch {
      setLoad({ state: 'error' });
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page's id changes; the loaders are recreated each render and read the latest state themselves.
  useEffect(() => void fetchOrder(), [id]);

  if (load.state !== 'ready')
    return (
      <View className='page'>
        {load.state === 'error' ? <LoadError onRetry={() => void fetchOrder()} /> : <View className='state-line'>{t.common.loading}</View>}
      </View>
    );

  const { order } = load;
  const refundable = refundableLines(order);

  const toggleLine = (lineId: number, left: number) => {
    pendingKey.current = null;
    setChosen((c) => {
      const next = { ...c };
      if (next[lineId]) delete next[lineId];
      else next[lineId] = left;
      return next;
    });
  };

  const submit = async () => {
    if (submitting) return;
    const text = reason.trim();
    if (!text) return void Taro.showToast({ title: t.refund.reasonRequired, icon: 'none' });
    const lines = chosenLines;
    if (!whole && lines.length === 0) return void Taro.showToast({ title: t.refund.linesRequired, icon: 'none' });
    setSubmitting(true);
    const key = (pendingKey.current ??= newIdempotencyKey());
    try {
      await api.requestRefund(order.id, whole ? { reason: text } : { reason: text, lines }, key);
      pendingKey.current = null;
      void Taro.showToast({ title: t.refund.submitted, icon: 'success' });
      void Taro.navigateBack();
    } catch (e) {
      if (isApiError(e) && e.status >= 400 && e.status < 500 && e.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT') pendingKey.current = null;
      void Taro.showToast({ title: isApiError(e) && e.status === 409 ? t.refund.notAllowed : t.common.failedToast, icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='page refund'>
      <View className='card'>
        <View
          className={`refund-mode js-refund-whole${whole ? ' is-active' : ''}`}
          onClick={() => {
            pendingKey.current = null;
            setWhole(true);
          }}
        >
          <View className={`checkbox${whole ? ' is-checked' : ''}`}>
            <Text>{whole ? '✓' : ''}</Text>
          </View>
          <View className='refund-mode-body'>
            <Text>{t.refund.wholeOrder}</Text>
            <Text className='muted'>{t.refund.wholeOrderHint}</Text>
          </View>
        </View>
        <View
          className={`refund-mode js-refund-lines${whole ? '' : ' is-active'}`}
          onClick={() => {
            pendingKey.current = null;
            setWhole(false);
          }}
        >
          <View className={`checkbox${whole ? '' : ' is-checked'}`}>
            <Text>{whole ? '' : '✓'}</Text>
          </View>
          <Text>{t.refund.chooseLines}</Text>
        </View>
        {whole
          ? null
          : refundable.map(({ line, left }) => (
              <View
                key={line.id}
                className={`refund-line js-refund-line${chosen[line.id] ? ' is-chosen' : ''}`}
                onClick={() => toggleLine(line.id, left)}
              >
                <View className='tap-area js-refund-line-check'>
                  <View className={`checkbox${chosen[line.id] ? ' is-checked' : ''}`}>
                    <Text>{chosen[line.id] ? '✓' : ''}</Text>
                  </View>
                </View>
                <View className='line-body'>
                  <Text className='line-title'>{line.title}</Text>
                  {specsText(line.specs) ? <Text className='muted'>{specsText(line.specs)}</Text> : null}
                  <View className='row'>
                    <Text className='price'>{formatYuan(line.unitPriceFen)}</Text>
                    <Text className='muted'>{t.refund.refundable(left)}</Text>
                  </View>
                  {chosen[line.id] ? (
                    <View className='row refund-qty' onClick={(e) => e.stopPropagation()}>
                      <Text>{t.refund.quantity}</Text>
                      <QuantityStepper
                        value={chosen[line.id]!}
                        max={left}
                        onChange={(q) => {
                          pendingKey.current = null;
                          setChosen((c) => ({ ...c, [line.id]: q }));
                        }}
                      />
                    </View>
                  ) : null}
                </View>
              </View>
            ))}
      </View>

      <View className='card'>
        <Text className='card-title'>{t.refund.reason}</Text>
        <View className='refund-reasons'>
          {t.refund.reasons.map((r) => (
            <View
              key={r}
              className={`refund-reason js-refund-reason${reason === r ? ' is-active' : ''}`}
              onClick={() => {
                pendingKey.current = null;
                setReason(r);
              }}
            >
              <Text>{r}</Text>
            </View>
          ))}
        </View>
        <Input
          className='refund-reason-input js-refund-reason-input'
          value={reason}
          maxlength={200}
          placeholder={t.refund.reasonPlaceholder}
          onInput={(e) => {
            pendingKey.current = null;
            setReason(e.detail.value);
          }}
        />
      </View>

      <View className='card row refund-amount'>
        <Text>{estimate ? t.refund.amount('') : t.refund.amountPending}</Text>
        {estimate ? (
          <View className='refund-amount-value'>
            <Text className='price-large js-refund-amount'>{formatYuan(estimate.payoutFen)}</Text>
            {estimate.includesShipping ? <Text className='muted'>{t.refund.amountIncludesShipping}</Text> : null}
            {estimate.pointsDeductionFen > 0 ? (
              <Text className='muted'>{t.refund.amountDeduction(formatYuan(estimate.pointsDeductionFen))}</Text>
            ) : null}
          </View>
        ) : null}
      </View>

      <Button className={`primary-button refund-submit js-refund-submit${submitting ? ' is-disabled' : ''}`} onClick={() => void submit()}>
        <Text>{submitting ? t.refund.submitting : t.refund.submit}</Text>
      </Button>
    </View>
  );
}
