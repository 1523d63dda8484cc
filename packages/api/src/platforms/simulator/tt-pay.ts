import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { nonceStr, rsaSha256Sign, rsaSha256Verify } from '../payment-common.js';
import { digits, refundsTotal, type PaymentStore, type PlatformPaySide, type RefundAccepted, type SimTrade } from './payments.js';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

const APP = SIMULATOR_APPS.tt;
const TOKEN_TTL_SECONDS = 7200;

function logId(): string {
  return randomBytes(17).toString('hex').toUpperCase();
}

/** Parses `SHA256-RSA2048 appid="…",nonce_str="…",timestamp="…",key_version="…",signature="…"`. */
function parseByteAuthorization(v: unknown): Record<string, string> | null {
  const m = typeof v === 'string' ? /^SHA256-RSA2048\s+(.*)$/.exec(v) : null;
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const part of m[1]!.matchAll(/(\w+)="([^"]*)"/g)) out[part[1]!] = part[2]!;
  return out;
}

/**
 * Douyin general trade: `POST /tt/requestOrder` (stands in for the client's tt.requestOrder: checks our
 * byteAuthorization and opens the order), `POST /douyin-open/oauth/client_token/`,
 * `POST /douyin-open/api/trade_basic/v1/developer/create_refund/`, and the signed callbacks.
 */
export function registerTtPayRoutes(
  app: Hono,
  ctx: SimulatorContext,
  store: PaymentStore,
  onRefund: RefundAccepted,
  /** Told how to check a client token (the mini-program code API shares them: codes.ts). */
  shareTokens: (tokenValid: (token: string) => boolean) => void = () => {},
): PlatformPaySide {
  const tokens = ctx.ttClientTokens;
  shareTokens((token) => (tokens.get(token) ?? 0) > ctx.clock.now().getTime());

  app.post('/tt/requestOrder', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const fail = (errNo: number, errTips: string) => c.json({ err_no: errNo, err_tips: errTips, log_id: logId() }, 400);
    if (!body || typeof body.data !== 'string') return fail(10000, 'data is required');
    const auth = parseByteAuthorization(body.byteAuthorization);
    if (!auth?.appid || !auth.nonce_str || !auth.timestamp || !auth.signature || !auth.key_version)
      return fail(10001, 'byteAuthorization is malformed');
    if (auth.appid !== APP.appId) return fail(10002, 'appid mismatch');
    if (auth.key_version !== APP.keyVersion) return fail(10003, 'unknown key_version');
    const message = `POST\n/requestOrder\n${auth.timestamp}\n${auth.nonce_str}\n${body.data}\n`;
    if (!rsaSha256Verify(message, auth.signature, ctx.keys.ttApp.publicKey)) return fail(10004, 'byteAuthorization signature verify failed');
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(body.data) as Record<string, unknown>;
    } catch {
      return fail(10000, 'data is not JSON');
    }
    const skus = Array.isArray(data.skuList) ? (data.skuList as Array<Record<string, unknown>>) : [];
    const skuTotal = skus.reduce((sum, s) => sum + (typeof s.price === 'number' && typeof s.quantity === 'number' ? s.price * s.quantity : NaN), 0);
    const outOrderNo = typeof data.outOrderNo === 'string' ? data.outOrderNo : '';
    const total = data.totalAmount;
    if (!outOrderNo || typeof total !== 'number' || !Number.isSafeInteger(total) || total <= 0 || skuTotal !== total)
      return fail(10000, 'totalAmount must equal the sum of skuList price × quantity');
    if (typeof data.payNotifyUrl !== 'string' || !/^https?:\/\/[^?#\s]+$/.test(data.payNotifyUrl)) return fail(10000, 'payNotifyUrl is invalid');
    const existing = store.get('tt', outOrderNo);
    if (existing) {
      if (existing.status !== 'NOTPAY') return fail(10005, 'order already paid or closed');
      return c.json({ err_no: 0, err_tips: '', data: { orderId: existing.transactionId, outOrderNo } });
    }
    const trade: SimTrade = {
      platform: 'tt',
      outTradeNo: outOrderNo,
      transactionId: `ot${digits(19)}`,
      amountFen: total,
      description: typeof skus[0]?.title === 'string' ? skus[0].title : '',
      payerOpenId: '',
      notifyUrl: data.payNotifyUrl,
      status: 'NOTPAY',
      createdAt: ctx.clock.now(),
      refunds: [],
    };
    store.put(trade);
    return c.json({ err_no: 0, err_tips: '', data: { orderId: trade.transactionId, outOrderNo } });
  });

  app.post('/douyin-open/oauth/client_token/', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || body.client_key !== APP.appId || body.client_secret !== APP.appSecret || body.grant_type !== 'client_credential') {
      return c.json({ data: { description: 'Parameter error', error_code: 10003 }, message: 'error' });
    }
    const token = `clt.${randomBytes(20).toString('hex')}`;
    tokens.set(token, ctx.clock.now().getTime() + TOKEN_TTL_SECONDS * 1000);
    return c.json({ data: { access_token: token, description: '', error_code: 0, expires_in: TOKEN_TTL_SECONDS }, message: 'success' });
  });

  app.post('/douyin-open/api/trade_basic/v1/developer/create_refund/', async (c) => {
    const fail = (errNo: number, errMsg: string) => c.json({ err_no: errNo, err_msg: errMsg, log_id: logId(), data: null });
    const expiry = tokens.get(c.req.header('access-token') ?? '');
    if (expiry === undefined || expiry <= ctx.clock.now().getTime()) return fail(28001008, 'access_token无效或已过期');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body) return fail(28001003, '参数错误');
    const trade = typeof body.order_id === 'string' ? store.byTransactionId('tt', body.order_id) : undefined;
    const outRefundNo = body.out_refund_no;
    const refundFen = body.refund_total_amount;
    if (!trade) return fail(28001005, '订单不存在');
    if (typeof outRefundNo !== 'string' || !outRefundNo) return fail(28001003, 'out_refund_no 参数错误');
    if (typeof refundFen !== 'number' || !Number.isSafeInteger(refundFen) || refundFen <= 0) return fail(28001003, 'refund_total_amount 参数错误');
    if (trade.status !== 'SUCCESS' && trade.status !== 'REFUND') return fail(28001006, '订单未支付');
    const existing = trade.refunds.find((r) => r.outRefundNo === outRefundNo);
    if (existing) return c.json({ err_no: 0, err_msg: '', log_id: logId(), data: { refund_id: existing.refundId, refund_audit_deadline: 0 } });
    if (refundsTotal(trade) + refundFen > trade.amountFen) return fail(28001007, '退款金额超过可退金额');
    const refund = {
      outRefundNo,
      refundId: `ors${digits(19)}`,
      refundFen,
      status: 'PROCESSING' as const,
      notifyUrl: typeof body.notify_url === 'string' ? body.notify_url : null,
      createdAt: ctx.clock.now(),
    };
    trade.refunds.push(refund);
    onRefund(trade, refund);
    return c.json({ err_no: 0, err_msg: '', log_id: logId(), data: { refund_id: refund.refundId, refund_audit_deadline: 0 } });
  });

  /**
   * 查询订单信息: `POST /douyin-open/api/apps/trade/v2/order/query_order` with the client token (like create_refund),
   * by order_id (preferred) or out_order_no. Answers are not signed, as Douyin's are not.
   */
  app.post('/douyin-open/api/apps/trade/v2/order/query_order', async (c) => {
    const fail = (errNo: number, errMsg: string) => c.json({ err_no: errNo, err_msg: errMsg, log_id: logId(), data: null });
    const expiry = tokens.get(c.req.header('access-token') ?? '');
    if (expiry === undefined || expiry <= ctx.clock.now().getTime()) return fail(28001008, 'access_token无效或已过期');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || (typeof body.order_id !== 'string' && typeof body.out_order_no !== 'string')) return fail(10000, 'order_id 与 out_order_no 二选一');
    const trade = typeof body.order_id === 'string' ? store.byTransactionId('tt', body.order_id) : store.get('tt', body.out_order_no as string);
    if (!trade) return fail(28001005, '订单不存在');
    const paid = trade.status === 'SUCCESS' || trade.status === 'REFUND';
    const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
    return c.json({
      err_no: 0,
      err_msg: '',
      log_id: logId(),
      data: {
        order_id: trade.transactionId,
        out_order_no: trade.outTradeNo,
        refund_amount: refundsTotal(trade),
        settle_amount: 0,
        total_fee: trade.amountFen,
        order_status: paid ? 'SUCCESS' : trade.status === 'CLOSED' ? 'TIMEOUT' : 'PROCESS',
        pay_time: paid ? beijing(trade.paidAt ?? ctx.clock.now()) : '',
        pay_channel: paid ? 1 : 0,
        channel_pay_id: '',
        seller_uid: '70000000000000000001',
        item_id: '',
        cp_extra: '',
      },
    });
  });

  /** `{ version: "3.0", type, msg: "<JSON>" }`, headers Byte-Timestamp / Byte-Nonce-Str / Byte-Signature re-signed per delivery. */
  function callback(type: 'payment' | 'refund', msg: Record<string, unknown>) {
    const body = JSON.stringify({ version: '3.0', msg: JSON.stringify(msg), type });
    return () => {
      const timestamp = String(Math.floor(ctx.clock.now().getTime() / 1000));
      const nonce = nonceStr();
      return {
        headers: {
          'content-type': 'application/json',
          'Byte-Identifyname': type === 'payment' ? '/common/order/payment_callback' : '/common/order/refund_callback',
          'Byte-Logid': logId(),
          'Byte-Timestamp': timestamp,
          'Byte-Nonce-Str': nonce,
          'Byte-Signature': rsaSha256Sign(`${timestamp}\n${nonce}\n${body}\n`, ctx.keys.ttPlatform.privateKey),
        },
        body,
      };
    };
  }

  return {
    pay(trade, options) {
      if (!trade.paymentEventId) {
        const eventId = `payment:${trade.transactionId}:SUCCESS`;
        const sign = callback('payment', {
          app_id: APP.appId,
          out_order_no: trade.outTradeNo,
          order_id: trade.transactionId,
          status: 'SUCCESS',
          total_amount: trade.amountFen,
          discount_amount: 0,
          pay_channel: 1,
          channel_pay_id: `4200${digits(24)}`,
          merchant_uid: '70000000000000000001',
          message: '',
          event_time: (trade.paidAt ?? ctx.clock.now()).getTime(),
          user_bill_pay_id: `${digits(19)}`,
        });
        trade.paymentEventId = eventId;
        return { eventId, deliveries: store.emit({ eventId, platform: 'tt', kind: 'payment', url: trade.notifyUrl, sign }, options) };
      }
      return { eventId: trade.paymentEventId, deliveries: store.redeliver(trade.paymentEventId, options) ?? Promise.resolve([]) };
    },
    completeRefund(trade, refund, options) {
      if (refund.status === 'PROCESSING') {
        refund.status = 'SUCCESS';
        refund.successAt = ctx.clock.now();
        trade.status = 'REFUND';
      }
      if (!refund.eventId) {
        const eventId = `refund:${refund.refundId}:SUCCESS`;
        const sign = callback('refund', {
          app_id: APP.appId,
          out_order_no: trade.outTradeNo,
          order_id: trade.transactionId,
          out_refund_no: refund.outRefundNo,
          refund_id: refund.refundId,
          refund_total_amount: refund.refundFen,
          status: 'SUCCESS',
          message: '',
          event_time: (refund.successAt ?? ctx.clock.now()).getTime(),
        });
        refund.eventId = eventId;
        return {
          eventId,
          deliveries: store.emit({ eventId, platform: 'tt', kind: 'refund', url: refund.notifyUrl ?? trade.notifyUrl, sign }, options),
        };
      }
      return { eventId: refund.eventId, deliveries: store.redeliver(refund.eventId, options) ?? Promise.resolve([]) };
    },
  };
}
