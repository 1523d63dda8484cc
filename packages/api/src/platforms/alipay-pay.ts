/** Alipay mini-program payments (docs/platform-protocols.md, Alipay: "Payment", "Asynchronous notification"). */
import { fenToYuanString, platformYuanToFen } from '@siyu/shared/money';
import { AppError } from '../lib/app-error.js';
import { callAlipayGateway, type AlipayConfig, type AlipayGatewayError } from './alipay.js';
import { alipaySignContent, alipayTimestamp, rsa2Verify } from './alipay-sign.js';
import { nonEmptyString } from './http.js';
import { PaymentNotificationError, checkNotifyUrl, validatePaymentInput, validateRefundInput } from './payment-common.js';
import type { FetchLike, NotificationInput, PaymentAdapter, PaymentNotification, PaymentQueryResult, PaymentTradeState } from './types.js';
import type { Clock } from '../lib/clock.js';

const TRADE_STATES: Record<string, PaymentTradeState> = {
  WAIT_BUYER_PAY: 'PENDING',
  TRADE_SUCCESS: 'SUCCESS',
  TRADE_FINISHED: 'SUCCESS',
  TRADE_CLOSED: 'CLOSED',
};

/**
 * What makes a request an Alipay notification at all, before any key is used: form parameters, none repeated (a
 * second, unsigned value could slip past a verifier that reads the other one), with sign and notify_id. Null when
 * it is one; otherwise why not (junk, a probe, an empty post: the sender's mistake, answered 400).
 */
export function alipayNotificationFormatProblem({ rawBody }: NotificationInput): string | null {
  const seen = new Set<string>();
  for (const [k] of new URLSearchParams(rawBody)) {
    if (seen.has(k)) return `parameter ${k} appears twice`;
    seen.add(k);
  }
  const params = new URLSearchParams(rawBody);
  if (!params.get('sign') || !params.get('notify_id')) return 'not an Alipay notification (sign or notify_id missing)';
  return null;
}

/** Business failures meaning "this order is settled one way or the other already": PLATFORM_REFUSED. */
const REFUSAL_SUB_CODES = new Set(['ACQ.TRADE_HAS_SUCCESS', 'ACQ.TRADE_HAS_CLOSE', 'ACQ.TRADE_HAS_FINISHED', 'ACQ.TRADE_STATUS_ERROR']);

/**
 * Verifies a notification's form parameters: RSA2 over the sorted decoded params without `sign` and `sign_type`
 * (the documented form). Like the official SDK's `checkNotifySign`, a signature over the params including
 * `sign_type` is accepted too (Alipay's historical rsaCheckV1 form); both need Alipay's private key.
 */
export function verifyAlipayNotifyParams(params: Record<string, string>, alipayPublicKey: string): boolean {
  const sign = params.sign;
  if (!sign) return false;
  if (rsa2Verify(alipaySignContent(params, ['sign', 'sign_type']), sign, alipayPublicKey)) return true;
  return params.sign_type !== undefined && rsa2Verify(alipaySignContent(params, ['sign']), sign, alipayPublicKey);
}

/** Beijing "yyyy-MM-dd HH:mm:ss" → ISO 8601 with +08:00, or undefined. */
function beijingToIso(v: string | undefined): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v) ? `${v.replace(' ', 'T')}+08:00` : undefined;
}

export function createAlipayPayAdapter(config: AlipayConfig, fetch: FetchLike, clock: Clock): PaymentAdapter {
  const configured = Boolean(config.sellerId);
  const need = () => {
    if (!configured) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay payments are not configured (seller id missing)');
  };
  function fail(action: string, error: AlipayGatewayError): never {
    if (error.sub_code && REFUSAL_SUB_CODES.has(error.sub_code)) {
      throw new AppError('PLATFORM_REFUSED', `Alipay refused to ${action}: ${error.sub_msg ?? error.sub_code}`, {
        platform: 'alipay',
        platformCode: error.sub_code,
        platformMessage: error.sub_msg,
        ...error,
      });
    }
    if (error.sub_code === 'isv.invalid-signature')
      throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay rejected our request signature (check ALIPAY_APP_PRIVATE_KEY)', error);
    throw new AppError('PLATFORM_UNAVAILABLE', `Alipay refused to ${action}`, error);
  }

  return {
    platform: 'alipay',
    appId: config.appId,
    configured,

    async createPayment(input) {
      validatePaymentInput(input);
      need();
      const notifyUrl = checkNotifyUrl(input.notifyUrl ?? config.notifyUrl, 'Alipay');
      // Apps in user-id mode identify buyers by a 2088… user id; open-id mode apps by open_id.
      const buyer = /^2088\d{12}$/.test(input.payerOpenId) ? { buyer_id: input.payerOpenId } : { buyer_open_id: input.payerOpenId };
      const bizContent = {
        out_trade_no: input.outTradeNo,
        total_amount: fenToYuanString(input.amountFen),
        subject: input.description,
        product_code: 'JSAPI_PAY',
        op_app_id: config.appId,
        ...buyer,
        time_expire: alipayTimestamp(input.expiresAt),
      };
      const result = await callAlipayGateway(config, fetch, clock.now(), 'alipay.trade.create', {
        notify_url: notifyUrl,
        biz_content: JSON.stringify(bizContent),
      });
      if (!result.ok) fail('create the payment', result.error);
      const tradeNO = nonEmptyString(result.data.trade_no);
      if (!tradeNO) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered without trade_no');
      return { platform: 'alipay', params: { tradeNO } };
    },

    verifyNotification({ rawBody }) {
      const reject = (reason: ConstructorParameters<typeof PaymentNotificationError>[1], message: string): never => {
        throw new PaymentNotificationError('alipay', reason, message);
      };
      if (!configured) reject('NOT_CONFIGURED', 'Alipay payments are not configured');
      const problem = alipayNotificationFormatProblem({ rawBody, headers: {} });
      if (problem) reject('MALFORMED', problem);
      const params: Record<string, string> = Object.fromEntries(new URLSearchParams(rawBody));
      if (params.sign_type && params.sign_type !== 'RSA2') reject('BAD_SIGNATURE', `sign_type ${params.sign_type} is not RSA2`);
      if (!verifyAlipayNotifyParams(params, config.alipayPublicKey)) reject('BAD_SIGNATURE', 'the RSA2 signature does not verify');
      if (params.app_id !== config.appId) reject('WRONG_APP_ID', `app_id ${String(params.app_id)} is not ours`);
      if (params.seller_id !== config.sellerId) reject('WRONG_MERCHANT', `seller_id ${String(params.seller_id)} is not ours`);
      const outTradeNo = params.out_trade_no;
      const tradeNo = params.trade_no;
      const total = platformYuanToFen(params.total_amount ?? '');
      if (!outTradeNo || !tradeNo || total === null) reject('MALFORMED', 'out_trade_no, trade_no or a yuan total_amount missing');
      const tradeState = TRADE_STATES[params.trade_status ?? ''];
      if (!tradeState) reject('MALFORMED', `unknown trade_status ${String(params.trade_status)}`);

      const base: PaymentNotification = {
        platform: 'alipay',
        kind: 'payment',
        outTradeNo: outTradeNo!,
        transactionId: tradeNo!,
        amountFen: total!,
        appId: params.app_id!,
        mchId: params.seller_id!,
        tradeState: tradeState!,
        eventId: params.notify_id!,
        raw: params,
      };
      // A refund shows up as a trade_status_sync carrying refund_fee (cumulative), gmt_refund and out_biz_no.
      if (params.refund_fee !== undefined && params.out_biz_no) {
        const refunded = platformYuanToFen(params.refund_fee);
        if (refunded === null) reject('MALFORMED', 'refund_fee is not a yuan amount');
        const occurredAt = beijingToIso(params.gmt_refund);
        return {
          ...base,
          kind: 'refund',
          outRefundNo: params.out_biz_no,
          refundId: params.out_biz_no,
          refundedTotalFen: refunded!,
          refundState: 'SUCCESS',
          ...(occurredAt ? { occurredAt } : {}),
        };
      }
      const occurredAt = beijingToIso(params.gmt_payment);
      return occurredAt ? { ...base, occurredAt } : base;
    },

    acknowledgement(ok) {
      return { status: 200, headers: { 'content-type': 'text/plain;charset=utf-8' }, body: ok ? 'success' : 'fail' };
    },

    async refund(input) {
      validateRefundInput(input);
      need();
      const bizContent: Record<string, string> = {
        out_trade_no: input.outTradeNo,
        refund_amount: fenToYuanString(input.refundFen),
        out_request_no: input.outRefundNo,
      };
      if (input.reason) bizContent.refund_reason = input.reason;
      const result = await callAlipayGateway(config, fetch, clock.now(), 'alipay.trade.refund', { biz_content: JSON.stringify(bizContent) });
      if (!result.ok) fail('refund', result.error);
      // Alipay refunds synchronously: fund_change "Y" means money moved by this call. "N" (e.g. a repeated request
      // number) proves nothing by itself: PROCESSING, settled by the refund notification.
      return { refundId: input.outRefundNo, status: result.data.fund_change === 'Y' ? 'SUCCESS' : 'PROCESSING' };
    },

    async queryPayment(input) {
      need();
      const bizContent: Record<string, string> = { out_trade_no: input.outTradeNo };
      if (input.transactionId) bizContent.trade_no = input.transactionId;
      // Signed like trade.create; callAlipayGateway verifies the sign over the raw alipay_trade_query_response text.
      const result = await callAlipayGateway(config, fetch, clock.now(), 'alipay.trade.query', { biz_content: JSON.stringify(bizContent) });
      if (!result.ok) {
        if (result.error.sub_code === 'ACQ.TRADE_NOT_EXIST')
          throw new AppError('NOT_FOUND', `Alipay knows no trade ${input.outTradeNo}`, result.error);
        fail('query the payment', result.error);
      }
      const d = result.data;
      const tradeState = TRADE_STATES[String(d.trade_status)];
      const total = platformYuanToFen(typeof d.total_amount === 'string' ? d.total_amount : '');
      if (!tradeState || total === null || nonEmptyString(d.out_trade_no) !== input.outTradeNo) {
        throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered a query without trade_status, a yuan total_amount or our out_trade_no', {
          trade_status: d.trade_status,
        });
      }
      const tradeNo = nonEmptyString(d.trade_no);
      if (tradeState === 'SUCCESS' && !tradeNo) throw new AppError('PLATFORM_UNAVAILABLE', 'Alipay answered a paid trade without trade_no');
      // The answer does not name the app: it is the signed answer to a request signed as our app_id.
      const answer: PaymentQueryResult = { tradeState, transactionId: tradeNo, amountFen: total, appId: config.appId, raw: d };
      const paidAt = beijingToIso(typeof d.send_pay_date === 'string' ? d.send_pay_date : undefined);
      if (paidAt) answer.paidAt = paidAt;
      return answer;
    },
  };
}
