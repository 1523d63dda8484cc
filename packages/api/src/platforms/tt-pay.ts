/** Douyin general trade (通用交易系统) payments (docs/platform-protocols.md, Douyin: "Payment"). */
import { AppError } from '../lib/app-error.js';
import { asRecord, callPlatform, jsonObjectOrUndefined, nonEmptyString, parseJsonObject } from './http.js';
import {
  NOTIFICATION_MAX_SKEW_SECONDS,
  PaymentNotificationError,
  checkNotifyUrl,
  headerValue,
  intOrNull,
  nonceStr,
  rsaSha256Sign,
  rsaSha256Verify,
  unixSeconds,
  validatePaymentInput,
  validateRefundInput,
} from './payment-common.js';
import type { FetchLike, NotificationInput, PaymentAdapter, PaymentNotification, PaymentQueryResult, PaymentTradeState } from './types.js';
import type { Clock } from '../lib/clock.js';

/**
 * What makes a request a Douyin callback at all, before any key is used: the three Byte-* headers (a timestamp in
 * seconds) and a JSON envelope whose msg is a JSON object in a string. Null when it is one; otherwise why not
 * (junk, a probe, an empty post: the sender's mistake, answered 400).
 */
export function ttNotificationFormatProblem({ rawBody, headers }: NotificationInput): string | null {
  const timestamp = headerValue(headers, 'Byte-Timestamp');
  if (!timestamp || !headerValue(headers, 'Byte-Nonce-Str') || !headerValue(headers, 'Byte-Signature'))
    return 'missing Byte-Timestamp, Byte-Nonce-Str or Byte-Signature';
  if (!/^\d{1,12}$/.test(timestamp)) return 'Byte-Timestamp is not a number of seconds';
  const envelope = jsonObjectOrUndefined(rawBody);
  if (!envelope || typeof envelope.msg !== 'string' || !jsonObjectOrUndefined(envelope.msg))
    return 'not a Douyin callback ({ version, type, msg: "<JSON>" })';
  return null;
}

export interface TtPayConfig {
  /** Our application private key (PEM): signs `byteAuthorization`. Its public key is uploaded to Douyin. */
  appPrivateKey: string;
  /** The version of that key on Douyin's console; defaults to "1". */
  keyVersion?: string;
  /** Douyin's platform public key (PEM): verifies callbacks. */
  platformPublicKey: string;
  /** Defaults to https://open.douyin.com; the simulator's `${base}/douyin-open` in development and tests. */
  openApiBaseUrl?: string;
  /** Default payment callback URL (and refund callback unless `refundNotifyUrl`). */
  notifyUrl?: string;
  refundNotifyUrl?: string;
  /** The mini-program page showing an order (Douyin links the order there); `outTradeNo` goes in its params. */
  orderEntryPath?: string;
}

export const DOUYIN_OPEN_BASE = 'https://open.douyin.com';

/** Error code the order query answers for an order Douyin does not know (the simulator's choice; see docs/). */
export const DOUYIN_ORDER_NOT_FOUND = 28001005;

/** The general trade system's order_status: INIT, PROCESS, SUCCESS, FAIL, TIMEOUT. */
const ORDER_STATES: Record<string, PaymentTradeState> = {
  INIT: 'PENDING',
  PROCESS: 'PENDING',
  SUCCESS: 'SUCCESS',
  FAIL: 'FAILED',
  TIMEOUT: 'CLOSED',
};

/** Beijing "yyyy-MM-dd HH:mm:ss" → ISO 8601 with +08:00, or undefined. */
function beijingToIso(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v) ? `${v.replace(' ', 'T')}+08:00` : undefined;
}

/**
 * Douyin's client token (`client_credential`, open.douyin.com `/oauth/client_token/`), cached until 5 minutes before
 * it expires: what payments' refunds and queries and the subscription messages (`notify_user`) authenticate with.
 */
export function createTtClientTokenCache(
  appId: string,
  appSecret: string,
  base: string,
  fetch: FetchLike,
  clock: Clock,
): { get(): Promise<string>; invalidate(): void } {
  let token: { value: string; expiresAt: number } | undefined;
  async function get(): Promise<string> {
    const now = clock.now().getTime();
    if (token && token.expiresAt > now) return token.value;
    const { text } = await callPlatform(fetch, 'Douyin', `${base}/oauth/client_token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_key: appId, client_secret: appSecret, grant_type: 'client_credential' }),
    });
    const data = asRecord(parseJsonObject('Douyin', text).data);
    const value = nonEmptyString(data?.access_token);
    const expiresIn = typeof data?.expires_in === 'number' ? data.expires_in : 0;
    if (!value || data?.error_code !== 0)
      throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin refused a client token (check TT_APP_ID / TT_APP_SECRET)', {
        error_code: data?.error_code,
        description: data?.description,
      });
    token = { value, expiresAt: now + Math.max(0, expiresIn - 300) * 1000 };
    return value;
  }
  return {
    get,
    /** Douyin said the token expired (28001008): fetch a new one next time. */
    invalidate() {
      token = undefined;
    },
  };
}

/** `SHA256-RSA2048 appid="…",nonce_str="…",timestamp="…",key_version="…",signature="…"` over `METHOD\nURI\nTIMESTAMP\nNONCE\nBODY\n`. */
export function ttByteAuthorization(
  appId: string,
  cfg: Pick<TtPayConfig, 'appPrivateKey' | 'keyVersion'>,
  method: string,
  uri: string,
  body: string,
  now: Date,
): string {
  const timestamp = unixSeconds(now);
  const nonce = nonceStr();
  const signature = rsaSha256Sign(`${method}\n${uri}\n${timestamp}\n${nonce}\n${body}\n`, cfg.appPrivateKey);
  return `SHA256-RSA2048 appid="${appId}",nonce_str="${nonce}",timestamp="${timestamp}",key_version="${cfg.keyVersion ?? '1'}",signature="${signature}"`;
}

export function createTtPayAdapter(appId: string, appSecret: string, pay: TtPayConfig | undefined, fetch: FetchLike, clock: Clock): PaymentAdapter {
  const base = (pay?.openApiBaseUrl ?? DOUYIN_OPEN_BASE).replace(/\/+$/, '');
  const need = (): TtPayConfig => {
    if (!pay) throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin payments are not configured');
    return pay;
  };
  const entrySchema = (cfg: TtPayConfig, outTradeNo: string) => ({
    path: cfg.orderEntryPath ?? 'pages/order/detail/index',
    params: JSON.stringify({ outTradeNo }),
  });

  const tokens = createTtClientTokenCache(appId, appSecret, base, fetch, clock);
  const clientToken = tokens.get;

  return {
    platform: 'tt',
    appId,
    configured: pay !== undefined,

    async createPayment(input) {
      validatePaymentInput(input);
      const cfg = need();
      const notifyUrl = checkNotifyUrl(input.notifyUrl ?? cfg.notifyUrl, 'Douyin');
      const payExpireSeconds = Math.max(300, Math.min(172800, Math.floor((input.expiresAt.getTime() - clock.now().getTime()) / 1000)));
      const data = JSON.stringify({
        skuList: [
          { skuId: input.outTradeNo, price: input.amountFen, quantity: 1, title: input.description, imageList: [], type: 401, tagGroupId: '' },
        ],
        outOrderNo: input.outTradeNo,
        totalAmount: input.amountFen,
        payExpireSeconds,
        payNotifyUrl: notifyUrl,
        orderEntrySchema: entrySchema(cfg, input.outTradeNo),
      });
      return { platform: 'tt', params: { data, byteAuthorization: ttByteAuthorization(appId, cfg, 'POST', '/requestOrder', data, clock.now()) } };
    },

    verifyNotification({ rawBody, headers }) {
      const reject = (reason: ConstructorParameters<typeof PaymentNotificationError>[1], message: string): never => {
        throw new PaymentNotificationError('tt', reason, message);
      };
      if (!pay) return reject('NOT_CONFIGURED', 'Douyin payments are not configured');
      const problem = ttNotificationFormatProblem({ rawBody, headers });
      if (problem) return reject('MALFORMED', problem);
      const timestamp = headerValue(headers, 'Byte-Timestamp')!;
      const nonce = headerValue(headers, 'Byte-Nonce-Str')!;
      const signature = headerValue(headers, 'Byte-Signature')!;
      if (Math.abs(Math.floor(clock.now().getTime() / 1000) - Number(timestamp)) > NOTIFICATION_MAX_SKEW_SECONDS)
        return reject('STALE_TIMESTAMP', 'Byte-Timestamp is more than 5 minutes off');
      if (!rsaSha256Verify(`${timestamp}\n${nonce}\n${rawBody}\n`, signature, pay.platformPublicKey))
        return reject('BAD_SIGNATURE', 'Byte-Signature does not verify');

      let envelope: Record<string, unknown> | undefined;
      let msg: Record<string, unknown> | undefined;
      try {
        envelope = asRecord(JSON.parse(rawBody));
        msg = typeof envelope?.msg === 'string' ? asRecord(JSON.parse(envelope.msg)) : undefined;
      } catch {
        msg = undefined;
      }
      if (!envelope || !msg) return reject('MALFORMED', 'not a Douyin callback ({ version, type, msg: "<JSON>" })');
      const msgAppId = nonEmptyString(msg.app_id);
      if (msgAppId !== appId) return reject('WRONG_APP_ID', `app_id ${String(msgAppId)} is not ours`);
      const outTradeNo = nonEmptyString(msg.out_order_no);
      const orderId = nonEmptyString(msg.order_id);
      if (!outTradeNo || !orderId) return reject('MALFORMED', 'msg lacks out_order_no or order_id');

      if (envelope.type === 'payment') {
        const total = intOrNull(msg.total_amount);
        if (total === null) return reject('MALFORMED', 'msg.total_amount is not an integer');
        const status = msg.status;
        if (status !== 'SUCCESS' && status !== 'CANCEL') return reject('MALFORMED', `unknown payment status ${String(status)}`);
        const n: PaymentNotification = {
          platform: 'tt',
          kind: 'payment',
          outTradeNo,
          transactionId: orderId,
          amountFen: total,
          appId: msgAppId,
          tradeState: status === 'SUCCESS' ? 'SUCCESS' : 'CLOSED',
          eventId: `payment:${orderId}:${String(status)}`,
          raw: msg,
        };
        if (typeof msg.event_time === 'number') n.occurredAt = new Date(msg.event_time).toISOString();
        return n;
      }
      if (envelope.type === 'refund') {
        const refundFen = intOrNull(msg.refund_total_amount);
        const outRefundNo = nonEmptyString(msg.out_refund_no);
        const refundId = nonEmptyString(msg.refund_id);
        const status = msg.status;
        if (refundFen === null || !outRefundNo || !refundId || (status !== 'SUCCESS' && status !== 'FAIL'))
          return reject('MALFORMED', 'refund msg lacks refund_total_amount, out_refund_no, refund_id or status');
        const n: PaymentNotification = {
          platform: 'tt',
          kind: 'refund',
          outTradeNo,
          transactionId: orderId,
          amountFen: intOrNull(msg.total_amount) ?? refundFen,
          appId: msgAppId,
          tradeState: status === 'SUCCESS' ? 'REFUND' : 'SUCCESS',
          outRefundNo,
          refundId,
          refundFen,
          refundState: status === 'SUCCESS' ? 'SUCCESS' : 'ABNORMAL',
          eventId: `refund:${refundId}:${String(status)}`,
          raw: msg,
        };
        if (typeof msg.event_time === 'number') n.occurredAt = new Date(msg.event_time).toISOString();
        return n;
      }
      return reject('MALFORMED', `unsupported callback type ${String(envelope.type)}`);
    },

    acknowledgement(ok, message = 'failed') {
      return {
        status: ok ? 200 : 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ok ? { err_no: 0, err_tips: 'success' } : { err_no: 1, err_tips: message }),
      };
    },

    async refund(input) {
      validateRefundInput(input);
      const cfg = need();
      if (!input.transactionId)
        throw new AppError('VALIDATION_FAILED', 'transactionId: Douyin refunds need the Douyin order_id', {
          issues: [
            { field: 'transactionId', code: 'required_for_platform', message: 'Douyin refunds need the Douyin order_id', params: { platform: 'tt' } },
          ],
        });
      const notifyUrl = checkNotifyUrl(input.notifyUrl ?? cfg.refundNotifyUrl ?? cfg.notifyUrl, 'Douyin');
      const { text } = await callPlatform(fetch, 'Douyin', `${base}/api/trade_basic/v1/developer/create_refund/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'access-token': await clientToken() },
        body: JSON.stringify({
          order_id: input.transactionId,
          out_order_no: input.outTradeNo,
          out_refund_no: input.outRefundNo,
          cp_extra: '',
          order_entry_schema: entrySchema(cfg, input.outTradeNo),
          notify_url: notifyUrl,
          refund_total_amount: input.refundFen,
          refund_reason: [{ code: 999, text: input.reason ?? '其他' }],
        }),
      });
      const body = parseJsonObject('Douyin', text);
      const data = asRecord(body.data);
      const refundId = nonEmptyString(data?.refund_id);
      if (body.err_no === 0 && refundId) return { refundId, status: 'PROCESSING' };
      if (body.err_no === 28001008) tokens.invalidate(); // access token expired: fetch a new one next time
      throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin refused the refund', { err_no: body.err_no, err_msg: body.err_msg });
    },

    async queryPayment(input) {
      need();
      // 查询订单信息: POST /api/apps/trade/v2/order/query_order with the client token, like create_refund. order_id is
      // preferred when known; out_order_no otherwise. Douyin does not sign these answers (nor create_refund's).
      const { text } = await callPlatform(fetch, 'Douyin', `${base}/api/apps/trade/v2/order/query_order`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'access-token': await clientToken() },
        body: JSON.stringify(input.transactionId ? { order_id: input.transactionId } : { out_order_no: input.outTradeNo }),
      });
      const body = parseJsonObject('Douyin', text);
      if (body.err_no !== 0) {
        if (body.err_no === 28001008) tokens.invalidate();
        if (body.err_no === DOUYIN_ORDER_NOT_FOUND)
          throw new AppError('NOT_FOUND', `Douyin knows no order ${input.outTradeNo}`, { err_no: body.err_no, err_msg: body.err_msg });
        throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin refused the order query', { err_no: body.err_no, err_msg: body.err_msg });
      }
      const d = asRecord(body.data);
      const tradeState = ORDER_STATES[String(d?.order_status)];
      const total = intOrNull(d?.total_fee);
      const orderId = nonEmptyString(d?.order_id);
      if (!d || !tradeState || total === null || !orderId || nonEmptyString(d.out_order_no) !== input.outTradeNo) {
        throw new AppError('PLATFORM_UNAVAILABLE', 'Douyin answered the order query without order_status, total_fee, order_id or our out_order_no', {
          order_status: d?.order_status,
        });
      }
      // The client token is our app's, so the answer is about our app unless it names another.
      const answer: PaymentQueryResult = { tradeState, transactionId: orderId, amountFen: total, appId: nonEmptyString(d.app_id) ?? appId, raw: d };
      const paidAt = beijingToIso(d.pay_time);
      if (paidAt) answer.paidAt = paidAt;
      return answer;
    },
  };
}
