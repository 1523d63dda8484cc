/**
 * WeChat Pay API v3 for mini-programs (docs/platform-protocols.md, WeChat: "WeChat Pay API v3"): JSAPI payments, refunds,
 * notification verification and AES-256-GCM decryption.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import { AppError } from '../lib/app-error.js';
import { asRecord, callPlatform, jsonObjectOrUndefined, nonEmptyString } from './http.js';
import {
  NOTIFICATION_MAX_SKEW_SECONDS,
  PaymentNotificationError,
  beijingRfc3339,
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
import type {
  FetchLike,
  NotificationAcknowledgement,
  NotificationInput,
  PaymentAdapter,
  PaymentNotification,
  PaymentQueryResult,
  PaymentTradeState,
  RefundState,
} from './types.js';
import type { Clock } from '../lib/clock.js';

export interface WeappPayConfig {
  /** Merchant id (mchid). */
  mchId: string;
  /** The merchant API private key (PEM, apiclient_key.pem): signs our requests and `paySign`. */
  merchantPrivateKey: string;
  /** The merchant API certificate's serial number (sent as `serial_no`). */
  merchantSerialNo: string;
  /** The 32-byte APIv3 key: decrypts notification resources. */
  apiV3Key: string;
  /** WeChat Pay platform public keys (PEM) by serial (platform certificate serial or `PUB_KEY_ID_…`). */
  platformPublicKeys: Record<string, string>;
  /** Defaults to https://api.mch.weixin.qq.com; the simulator's `${base}/wechatpay` in development and tests. */
  baseUrl?: string;
  /** Default notify URL for payments (and refunds unless `refundNotifyUrl`). https, no query. */
  notifyUrl?: string;
  refundNotifyUrl?: string;
}

export const WECHATPAY_BASE = 'https://api.mch.weixin.qq.com';

/** `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`: what our requests sign. */
export function wechatpayRequestMessage(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The `Authorization` header value for one request. */
export function wechatpayAuthorization(
  config: Pick<WeappPayConfig, 'mchId' | 'merchantPrivateKey' | 'merchantSerialNo'>,
  method: string,
  pathAndQuery: string,
  body: string,
  now: Date,
): string {
  const timestamp = unixSeconds(now);
  const nonce = nonceStr();
  const signature = rsaSha256Sign(wechatpayRequestMessage(method, pathAndQuery, timestamp, nonce, body), config.merchantPrivateKey);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${config.merchantSerialNo}"`;
}

/** `paySign` for wx.requestPayment: SHA256withRSA(merchant key, `APPID\nTIMESTAMP\nNONCESTR\nPACKAGE\n`). */
export function wechatpayPaySign(appId: string, timeStamp: string, nonce: string, pkg: string, merchantPrivateKey: string): string {
  return rsaSha256Sign(`${appId}\n${timeStamp}\n${nonce}\n${pkg}\n`, merchantPrivateKey);
}

type Reject = (reason: ConstructorParameters<typeof PaymentNotificationError>[1], message: string) => never;

/**
 * What makes a request a WeChat Pay notification at all, before any key is used: the four Wechatpay-* headers
 * (a timestamp in seconds) and a JSON envelope with id, event_type and an encrypted resource. Null when it is one;
 * otherwise why not (junk, a probe, an empty post: the sender's mistake, answered 400).
 */
export function wechatpayNotificationFormatProblem({ rawBody, headers }: NotificationInput): string | null {
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  if (
    !timestamp ||
    !headerValue(headers, 'Wechatpay-Nonce') ||
    !headerValue(headers, 'Wechatpay-Signature') ||
    !headerValue(headers, 'Wechatpay-Serial')
  )
    return 'missing Wechatpay-Timestamp, -Nonce, -Signature or -Serial header';
  if (!/^\d{1,12}$/.test(timestamp)) return 'Wechatpay-Timestamp is not a number of seconds';
  const envelope = jsonObjectOrUndefined(rawBody);
  const resource = asRecord(envelope?.resource);
  if (!envelope || !resource || !nonEmptyString(envelope.id) || !nonEmptyString(envelope.event_type)) return 'not a WeChat Pay notification envelope';
  if (resource.algorithm !== 'AEAD_AES_256_GCM' || typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string')
    return 'resource is not AEAD_AES_256_GCM';
  return null;
}

/**
 * Checks a WeChat Pay signature over `TIMESTAMP\nNONCE\nBODY\n` (notifications and API responses): the
 * timestamp within 5 minutes of `now`, the serial known, the signature valid with that platform key.
 */
function verifyPlatformSignature(
  keys: Record<string, string>,
  headers: Record<string, string | undefined>,
  body: string,
  now: Date,
  reject: Reject,
): void {
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(headers, 'Wechatpay-Nonce');
  const signature = headerValue(headers, 'Wechatpay-Signature');
  const serial = headerValue(headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) reject('MALFORMED', 'missing Wechatpay-Timestamp, -Nonce, -Signature or -Serial header');
  if (!/^\d{1,12}$/.test(timestamp!)) reject('MALFORMED', 'Wechatpay-Timestamp is not a number of seconds');
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > NOTIFICATION_MAX_SKEW_SECONDS) {
    reject('STALE_TIMESTAMP', 'Wechatpay-Timestamp is more than 5 minutes off');
  }
  const key = Object.hasOwn(keys, serial!) ? keys[serial!] : undefined;
  if (!key) reject('UNKNOWN_SERIAL', `no WeChat Pay platform key with serial ${serial}`);
  // Probe signatures (WECHATPAY/SIGNTEST/...) never verify: rejected like any bad signature.
  if (!rsaSha256Verify(`${timestamp}\n${nonce}\n${body}\n`, signature!, key!)) reject('BAD_SIGNATURE', 'Wechatpay-Signature does not verify');
}

/** AES-256-GCM decryption of a notification resource; null when authentication fails or anything is malformed. */
export function decryptWechatpayResource(apiV3Key: string, resource: { ciphertext: string; nonce: string; associated_data?: string }): string | null {
  try {
    const key = Buffer.from(apiV3Key, 'utf8');
    if (key.length !== 32) return null;
    const data = Buffer.from(resource.ciphertext, 'base64');
    if (data.length < 17) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const TRADE_STATES: Record<string, PaymentTradeState> = {
  SUCCESS: 'SUCCESS',
  REFUND: 'REFUND',
  NOTPAY: 'PENDING',
  USERPAYING: 'PENDING',
  CLOSED: 'CLOSED',
  REVOKED: 'CLOSED',
  PAYERROR: 'FAILED',
};
const REFUND_STATES: Record<string, RefundState> = { SUCCESS: 'SUCCESS', CLOSED: 'CLOSED', ABNORMAL: 'ABNORMAL' };

interface WechatpayError {
  status: number;
  code?: string;
  message?: string;
}

/** WeChat Pay through the merchant API v3. */
export function createWechatPayAdapter(appId: string, pay: WeappPayConfig | undefined, fetch: FetchLike, clock: Clock): PaymentAdapter {
  const base = (pay?.baseUrl ?? WECHATPAY_BASE).replace(/\/+$/, '');
  const need = (): WeappPayConfig => {
    if (!pay) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay is not configured');
    return pay;
  };

  /** One signed API call; a 2xx answer must carry a valid platform signature. */
  async function call(
    method: 'POST' | 'GET',
    pathAndQuery: string,
    payload: unknown,
  ): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; error: WechatpayError }> {
    const cfg = need();
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const res = await fetchRaw(method, pathAndQuery, body, cfg);
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = res.text ? asRecord(JSON.parse(res.text)) : {};
    } catch {
      parsed = undefined;
    }
    if (res.status >= 200 && res.status < 300) {
      verifyPlatformSignature(cfg.platformPublicKeys, res.headers, res.text, clock.now(), (_reason, message) => {
        throw new AppError('PLATFORM_UNAVAILABLE', `WeChat Pay answered without a valid signature (${message})`);
      });
      if (!parsed) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay answered something that is not a JSON object');
      return { ok: true, data: parsed };
    }
    return {
      ok: false,
      error: { status: res.status, code: nonEmptyString(parsed?.code) ?? undefined, message: nonEmptyString(parsed?.message) ?? undefined },
    };
  }

  async function fetchRaw(method: string, pathAndQuery: string, body: string, cfg: WeappPayConfig) {
    const authorization = wechatpayAuthorization(cfg, method, pathAndQuery, body, clock.now());
    // callPlatform gives the text only; the response headers (signature) are needed too, so capture them.
    let headers: Record<string, string> = {};
    const capturing: FetchLike = async (input, init) => {
      const res = await fetch(input, init);
      headers = Object.fromEntries(res.headers.entries());
      return res;
    };
    const { status, text } = await callPlatform(capturing, 'WeChat Pay', `${base}${pathAndQuery}`, {
      method,
      headers: { authorization, accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'siyu-api' },
      body: method === 'GET' ? undefined : body,
    });
    return { status, text, headers };
  }

  function fail(action: string, error: WechatpayError): never {
    const details = { status: error.status, code: error.code, message: error.message };
    if (error.code === 'ORDERPAID' || error.code === 'ORDER_CLOSED' || error.code === 'OUT_TRADE_NO_USED') {
      throw new AppError('PLATFORM_REFUSED', `WeChat Pay refused to ${action}: ${error.message ?? error.code}`, {
        platform: 'weapp',
        platformCode: error.code,
        platformMessage: error.message,
        status: error.status,
      });
    }
    if (error.code === 'SIGN_ERROR')
      throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay rejected our request signature (check the merchant key and serial)', details);
    throw new AppError('PLATFORM_UNAVAILABLE', `WeChat Pay refused to ${action}`, details);
  }

  return {
    platform: 'weapp',
    appId,
    configured: pay !== undefined,

    async createPayment(input) {
      validatePaymentInput(input);
      const cfg = need();
      const notifyUrl = checkNotifyUrl(input.notifyUrl ?? cfg.notifyUrl, 'WeChat Pay');
      const result = await call('POST', '/v3/pay/transactions/jsapi', {
        appid: appId,
        mchid: cfg.mchId,
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: beijingRfc3339(input.expiresAt),
        notify_url: notifyUrl,
        amount: { total: input.amountFen, currency: 'CNY' },
        payer: { openid: input.payerOpenId },
      });
      if (!result.ok) fail('create the payment', result.error);
      const prepayId = nonEmptyString(result.data.prepay_id);
      if (!prepayId) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay answered without prepay_id');
      const timeStamp = unixSeconds(clock.now());
      const nonce = nonceStr();
      const pkg = `prepay_id=${prepayId}`;
      return {
        platform: 'weapp',
        params: {
          timeStamp,
          nonceStr: nonce,
          package: pkg,
          signType: 'RSA',
          paySign: wechatpayPaySign(appId, timeStamp, nonce, pkg, cfg.merchantPrivateKey),
        },
      };
    },

    verifyNotification({ rawBody, headers }) {
      const reject: Reject = (reason, message) => {
        throw new PaymentNotificationError('weapp', reason, message);
      };
      if (!pay) reject('NOT_CONFIGURED', 'WeChat Pay is not configured');
      const cfg = pay!;
      const problem = wechatpayNotificationFormatProblem({ rawBody, headers });
      if (problem) reject('MALFORMED', problem);
      verifyPlatformSignature(cfg.platformPublicKeys, headers, rawBody, clock.now(), reject);

      let envelope: Record<string, unknown> | undefined;
      try {
        envelope = asRecord(JSON.parse(rawBody));
      } catch {
        envelope = undefined;
      }
      const resource = asRecord(envelope?.resource);
      const id = nonEmptyString(envelope?.id);
      const eventType = nonEmptyString(envelope?.event_type);
      if (!envelope || !resource || !id || !eventType) reject('MALFORMED', 'not a WeChat Pay notification envelope');
      if (resource!.algorithm !== 'AEAD_AES_256_GCM' || typeof resource!.ciphertext !== 'string' || typeof resource!.nonce !== 'string') {
        reject('MALFORMED', 'resource is not AEAD_AES_256_GCM');
      }
      const plaintext = decryptWechatpayResource(cfg.apiV3Key, {
        ciphertext: resource!.ciphertext as string,
        nonce: resource!.nonce as string,
        associated_data: typeof resource!.associated_data === 'string' ? resource!.associated_data : '',
      });
      if (plaintext === null) reject('DECRYPT_FAILED', 'resource does not decrypt (AES-256-GCM authentication failed)');
      let data: Record<string, unknown> | undefined;
      try {
        data = asRecord(JSON.parse(plaintext!));
      } catch {
        data = undefined;
      }
      if (!data) reject('MALFORMED', 'decrypted resource is not a JSON object');
      const d = data!;
      const amount = asRecord(d.amount);
      const outTradeNo = nonEmptyString(d.out_trade_no);
      const transactionId = nonEmptyString(d.transaction_id);
      const total = intOrNull(amount?.total);
      const mchId = nonEmptyString(d.mchid);
      if (!outTradeNo || !transactionId || total === null)
        reject('MALFORMED', 'resource lacks out_trade_no, transaction_id or an integer amount.total');
      if (mchId !== cfg.mchId) reject('WRONG_MERCHANT', `mchid ${String(mchId)} is not ours`);

      if (eventType!.startsWith('TRANSACTION.')) {
        const appIdInBody = nonEmptyString(d.appid);
        if (appIdInBody !== appId) reject('WRONG_APP_ID', `appid ${String(appIdInBody)} is not ours`);
        const tradeState = TRADE_STATES[String(d.trade_state)];
        if (!tradeState) reject('MALFORMED', `unknown trade_state ${String(d.trade_state)}`);
        const n: PaymentNotification = {
          platform: 'weapp',
          kind: 'payment',
          outTradeNo: outTradeNo!,
          transactionId: transactionId!,
          amountFen: total!,
          appId: appIdInBody,
          mchId: mchId!,
          tradeState: tradeState!,
          eventId: id!,
          raw: d,
        };
        if (typeof d.success_time === 'string') n.occurredAt = d.success_time;
        return n;
      }
      if (eventType!.startsWith('REFUND.')) {
        const outRefundNo = nonEmptyString(d.out_refund_no);
        const refundId = nonEmptyString(d.refund_id);
        const refund = intOrNull(amount?.refund);
        const refundState = REFUND_STATES[String(d.refund_status)];
        if (!outRefundNo || !refundId || refund === null || !refundState)
          reject('MALFORMED', 'refund resource lacks out_refund_no, refund_id, amount.refund or refund_status');
        const n: PaymentNotification = {
          platform: 'weapp',
          kind: 'refund',
          outTradeNo: outTradeNo!,
          transactionId: transactionId!,
          amountFen: total!,
          appId: nonEmptyString(d.appid),
          mchId: mchId!,
          tradeState: refundState === 'SUCCESS' ? 'REFUND' : 'SUCCESS',
          outRefundNo: outRefundNo!,
          refundId: refundId!,
          refundFen: refund!,
          refundState: refundState!,
          eventId: id!,
          raw: d,
        };
        if (typeof d.success_time === 'string') n.occurredAt = d.success_time;
        return n;
      }
      return reject('MALFORMED', `unsupported event_type ${eventType}`);
    },

    acknowledgement(ok, message = 'failed'): NotificationAcknowledgement {
      if (ok) return { status: 204, headers: {}, body: null };
      return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'FAIL', message }) };
    },

    async refund(input) {
      validateRefundInput(input);
      const cfg = need();
      const notifyUrl = checkNotifyUrl(input.notifyUrl ?? cfg.refundNotifyUrl ?? cfg.notifyUrl, 'WeChat Pay');
      const body: Record<string, unknown> = {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        notify_url: notifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      };
      if (input.reason) body.reason = [...input.reason].slice(0, 80).join('');
      const result = await call('POST', '/v3/refund/domestic/refunds', body);
      if (!result.ok) fail('refund', result.error);
      const refundId = nonEmptyString(result.data.refund_id);
      const status = result.data.status;
      if (!refundId) throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay answered a refund without refund_id');
      if (status === 'SUCCESS') return { refundId, status: 'SUCCESS' };
      if (status === 'PROCESSING') return { refundId, status: 'PROCESSING' };
      throw new AppError('PLATFORM_UNAVAILABLE', `WeChat Pay refund status ${String(status)}`, { status });
    },

    async queryPayment(input) {
      const cfg = need();
      if (!/^[A-Za-z0-9_*-]{6,32}$/.test(input.outTradeNo))
        throw new AppError('VALIDATION_FAILED', 'outTradeNo: not a WeChat Pay out_trade_no', {
          issues: [{ field: 'outTradeNo', code: 'invalid_format', message: 'not a WeChat Pay out_trade_no' }],
        });
      // GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…: signed like every call; the answer's signature is verified by call().
      const result = await call(
        'GET',
        `/v3/pay/transactions/out-trade-no/${encodeURIComponent(input.outTradeNo)}?mchid=${encodeURIComponent(cfg.mchId)}`,
        undefined,
      );
      if (!result.ok) {
        if (result.error.code === 'ORDER_NOT_EXIST' || result.error.code === 'ORDERNOTEXIST') {
          throw new AppError('NOT_FOUND', `WeChat Pay knows no trade ${input.outTradeNo}`, { status: result.error.status, code: result.error.code });
        }
        fail('query the payment', result.error);
      }
      const d = result.data;
      const tradeState = TRADE_STATES[String(d.trade_state)];
      const total = intOrNull(asRecord(d.amount)?.total);
      if (!tradeState || total === null || nonEmptyString(d.out_trade_no) !== input.outTradeNo) {
        throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay answered a query without trade_state, amount.total or our out_trade_no', {
          trade_state: d.trade_state,
        });
      }
      if (nonEmptyString(d.mchid) !== cfg.mchId)
        throw new AppError('PLATFORM_UNAVAILABLE', `WeChat Pay answered a query for merchant ${String(d.mchid)}`);
      const transactionId = nonEmptyString(d.transaction_id);
      if (tradeState === 'SUCCESS' && !transactionId)
        throw new AppError('PLATFORM_UNAVAILABLE', 'WeChat Pay answered a paid trade without transaction_id');
      const answer: PaymentQueryResult = { tradeState, transactionId, amountFen: total, appId: nonEmptyString(d.appid), raw: d };
      if (typeof d.success_time === 'string' && d.success_time) answer.paidAt = d.success_time;
      return answer;
    },
  };
}

/** A serial-number-like id for a public key (test keys): upper-case hex of its SHA-1, 40 characters. */
export function keySerial(publicKeyPem: string): string {
  return createHash('sha1').update(publicKeyPem).digest('hex').toUpperCase();
}
