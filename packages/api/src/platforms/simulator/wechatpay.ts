import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { asRecord, jsonObjectOrUndefined } from '../http.js';
import { rsaSha256Sign, rsaSha256Verify, beijingRfc3339, nonceStr } from '../payment-common.js';
import {
  beijingDate,
  digits,
  refundsTotal,
  type PaymentStore,
  type PlatformPaySide,
  type RefundAccepted,
  type SimRefund,
  type SimTrade,
} from './payments.js';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

const APP = SIMULATOR_APPS.weapp;

/** Headers WeChat Pay signs its answers and notifications with: SHA256withRSA(platform key, `TIMESTAMP\nNONCE\nBODY\n`). */
function platformSignatureHeaders(ctx: SimulatorContext, body: string): Record<string, string> {
  const timestamp = String(Math.floor(ctx.clock.now().getTime() / 1000));
  const nonce = nonceStr();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSha256Sign(`${timestamp}\n${nonce}\n${body}\n`, ctx.keys.wechatPlatform.privateKey),
    'Wechatpay-Serial': APP.platformSerialNo,
    'Request-ID': randomUUID(),
  };
}

function answer(ctx: SimulatorContext, status: number, payload: Record<string, unknown>): Response {
  const body = JSON.stringify(payload);
  return new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...platformSignatureHeaders(ctx, body) } });
}

/** WeChat Pay's error answers are not signed: `{ code, message }`. */
function error(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status, headers: { 'Request-ID': randomUUID() } });
}

/** AES-256-GCM with the APIv3 key: `{ algorithm, ciphertext (data ‖ 16-byte tag, base64), nonce, associated_data }`. */
function encryptResource(plaintext: string, associatedData: string, originalType: string) {
  const nonce = nonceStr(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(APP.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce };
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",…`; null when it is not that scheme. */
function parseAuthorization(header: string | undefined): Record<string, string> | null {
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/.exec(header ?? '');
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const part of m[1]!.matchAll(/(\w+)="([^"]*)"/g)) out[part[1]!] = part[2]!;
  return out;
}

const OUT_TRADE_NO = /^[A-Za-z0-9_*-]{6,32}$/;

/** WeChat Pay API v3: `POST /wechatpay/v3/pay/transactions/jsapi`, `POST /wechatpay/v3/refund/domestic/refunds`, notifications. */
export function registerWechatPayRoutes(app: Hono, ctx: SimulatorContext, store: PaymentStore, onRefund: RefundAccepted): PlatformPaySide {
  /** Checks our request signature: 401 SIGN_ERROR as WeChat Pay answers. Returns the body text or an error Response. */
  async function authenticate(c: {
    req: { header(name: string): string | undefined; text(): Promise<string>; path: string; url: string; method: string };
  }): Promise<string | Response> {
    const body = await c.req.text();
    const auth = parseAuthorization(c.req.header('authorization'));
    if (!auth) return error(401, 'SIGN_ERROR', 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》');
    const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = auth;
    if (!mchid || !nonce || !signature || !timestamp || !serial)
      return error(401, 'SIGN_ERROR', 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》');
    if (mchid !== APP.mchId) return error(401, 'SIGN_ERROR', '商户号不存在或签名错误');
    if (serial !== APP.merchantSerialNo) return error(401, 'SIGN_ERROR', '商户证书序列号有误。请使用签名私钥匹配的证书序列号');
    if (!/^\d+$/.test(timestamp) || Math.abs(Math.floor(ctx.clock.now().getTime() / 1000) - Number(timestamp)) > 300) {
      return error(401, 'SIGN_ERROR', 'Http头Authorization中的timestamp与系统时间相差过大');
    }
    // The signed path is the one under api.mch.weixin.qq.com: everything from /v3/ on, with the query.
    const url = new URL(c.req.url);
    const path = url.pathname.slice(url.pathname.indexOf('/v3/')) + url.search;
    const message = `${c.req.method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`;
    if (!rsaSha256Verify(message, signature, ctx.keys.wechatMerchant.publicKey)) return error(401, 'SIGN_ERROR', '签名错误，请检查后再试');
    return body;
  }

  const rec = (v: unknown) => asRecord(v) ?? {};
  const validUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^?#\s]+$/.test(v);

  app.post('/wechatpay/v3/pay/transactions/jsapi', async (c) => {
    const body = await authenticate(c);
    if (body instanceof Response) return body;
    const req = jsonObjectOrUndefined(body);
    if (!req) return error(400, 'PARAM_ERROR', '输入源“/body”映射到值字段失败');
    const amount = rec(req.amount);
    const payer = rec(req.payer);
    if (req.appid !== APP.appId || req.mchid !== APP.mchId) return error(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (typeof req.description !== 'string' || req.description.length === 0 || [...req.description].length > 127)
      return error(400, 'PARAM_ERROR', '字段description长度不正确');
    if (typeof req.out_trade_no !== 'string' || !OUT_TRADE_NO.test(req.out_trade_no)) return error(400, 'PARAM_ERROR', '字段out_trade_no格式不正确');
    if (!validUrl(req.notify_url)) return error(400, 'PARAM_ERROR', 'notify_url格式不正确');
    if (typeof amount.total !== 'number' || !Number.isSafeInteger(amount.total) || amount.total <= 0)
      return error(400, 'PARAM_ERROR', '字段amount.total不正确');
    if (amount.currency !== undefined && amount.currency !== 'CNY') return error(400, 'PARAM_ERROR', '字段amount.currency不正确');
    if (typeof payer.openid !== 'string' || !payer.openid) return error(400, 'PARAM_ERROR', '字段payer.openid不正确');

    const existing = store.get('weapp', req.out_trade_no);
    if (existing) {
      if (existing.status === 'SUCCESS' || existing.status === 'REFUND') return error(400, 'ORDERPAID', '该订单已支付');
      if (existing.status === 'CLOSED') return error(400, 'ORDER_CLOSED', '该订单已关闭');
      if (existing.amountFen !== amount.total || existing.payerOpenId !== payer.openid) return error(400, 'OUT_TRADE_NO_USED', '商户订单号重复');
      existing.notifyUrl = req.notify_url as string;
      return answer(ctx, 200, { prepay_id: existing.prepayId });
    }
    const now = ctx.clock.now();
    const trade: SimTrade = {
      platform: 'weapp',
      outTradeNo: req.out_trade_no,
      transactionId: `4200${digits(24)}`,
      amountFen: amount.total,
      description: req.description,
      payerOpenId: payer.openid,
      notifyUrl: req.notify_url as string,
      status: 'NOTPAY',
      createdAt: now,
      prepayId: `wx${beijingDate(now)}${randomBytes(13).toString('hex')}`,
      refunds: [],
    };
    store.put(trade);
    return answer(ctx, 200, { prepay_id: trade.prepayId });
  });

  /** 查询订单 by out_trade_no: `GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…`, signed request, signed answer. */
  app.get('/wechatpay/v3/pay/transactions/out-trade-no/:outTradeNo', async (c) => {
    const body = await authenticate(c);
    if (body instanceof Response) return body;
    if (c.req.query('mchid') !== APP.mchId) return error(400, 'PARAM_ERROR', '输入源“/query/mchid”映射到值字段失败');
    const trade = store.get('weapp', c.req.param('outTradeNo'));
    if (!trade) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
    const paid = trade.status === 'SUCCESS' || trade.status === 'REFUND';
    const states: Record<SimTrade['status'], [string, string]> = {
      NOTPAY: ['NOTPAY', '订单未支付'],
      SUCCESS: ['SUCCESS', '支付成功'],
      REFUND: ['REFUND', '转入退款'],
      CLOSED: ['CLOSED', '订单已关闭'],
    };
    const [tradeState, tradeStateDesc] = states[trade.status];
    return answer(ctx, 200, {
      appid: APP.appId,
      mchid: APP.mchId,
      out_trade_no: trade.outTradeNo,
      ...(paid
        ? {
            transaction_id: trade.transactionId,
            trade_type: 'JSAPI',
            bank_type: 'OTHERS',
            success_time: beijingRfc3339(trade.paidAt ?? ctx.clock.now()),
          }
        : {}),
      trade_state: tradeState,
      trade_state_desc: tradeStateDesc,
      attach: '',
      payer: { openid: trade.payerOpenId },
      amount: paid
        ? { total: trade.amountFen, payer_total: trade.amountFen, currency: 'CNY', payer_currency: 'CNY' }
        : { total: trade.amountFen, currency: 'CNY', payer_currency: 'CNY' },
    });
  });

  app.post('/wechatpay/v3/refund/domestic/refunds', async (c) => {
    const body = await authenticate(c);
    if (body instanceof Response) return body;
    const req = jsonObjectOrUndefined(body);
    if (!req) return error(400, 'PARAM_ERROR', '输入源“/body”映射到值字段失败');
    const amount = rec(req.amount);
    const trade =
      typeof req.out_trade_no === 'string'
        ? store.get('weapp', req.out_trade_no)
        : typeof req.transaction_id === 'string'
          ? store.byTransactionId('weapp', req.transaction_id)
          : undefined;
    if (typeof req.out_refund_no !== 'string' || !/^[A-Za-z0-9_*|@-]{1,64}$/.test(req.out_refund_no))
      return error(400, 'PARAM_ERROR', '字段out_refund_no格式不正确');
    const refundFen = amount.refund;
    if (typeof refundFen !== 'number' || !Number.isSafeInteger(refundFen) || refundFen <= 0)
      return error(400, 'PARAM_ERROR', '字段amount.refund不正确');
    if (req.notify_url !== undefined && !validUrl(req.notify_url)) return error(400, 'PARAM_ERROR', 'notify_url格式不正确');
    if (!trade) return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (trade.status !== 'SUCCESS' && trade.status !== 'REFUND') return error(400, 'INVALID_REQUEST', '订单未支付，不能发起退款');
    if (amount.total !== trade.amountFen) return error(400, 'PARAM_ERROR', '订单金额或退款金额与之前请求不一致，请核实后再试');
    let refund = trade.refunds.find((r) => r.outRefundNo === req.out_refund_no);
    if (refund && refund.refundFen !== refundFen) return error(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
    if (!refund) {
      if (refundsTotal(trade) + refundFen > trade.amountFen) return error(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额，请核实后再试');
      refund = {
        outRefundNo: req.out_refund_no,
        refundId: `5030${digits(25)}`,
        refundFen,
        status: 'PROCESSING',
        notifyUrl: typeof req.notify_url === 'string' ? req.notify_url : null,
        createdAt: ctx.clock.now(),
      };
      trade.refunds.push(refund);
      onRefund(trade, refund);
    }
    return answer(ctx, 200, {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      transaction_id: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: beijingRfc3339(refund.createdAt),
      status: refund.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: trade.amountFen,
        refund: refund.refundFen,
        payer_total: trade.amountFen,
        payer_refund: refund.refundFen,
        settlement_refund: refund.refundFen,
        settlement_total: trade.amountFen,
        discount_refund: 0,
        currency: 'CNY',
      },
    });
  });

  /** The v3 notification envelope around an encrypted resource; headers re-signed per delivery. */
  function envelope(eventType: string, summary: string, originalType: string, plaintext: Record<string, unknown>) {
    const id = randomUUID();
    const body = JSON.stringify({
      id,
      create_time: beijingRfc3339(ctx.clock.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: encryptResource(JSON.stringify(plaintext), originalType, originalType),
    });
    return { id, sign: () => ({ headers: { 'content-type': 'application/json', ...platformSignatureHeaders(ctx, body) }, body }) };
  }

  return {
    pay(trade, options) {
      if (!trade.paymentEventId) {
        const e = envelope('TRANSACTION.SUCCESS', '支付成功', 'transaction', {
          mchid: APP.mchId,
          appid: APP.appId,
          out_trade_no: trade.outTradeNo,
          transaction_id: trade.transactionId,
          trade_type: 'JSAPI',
          trade_state: 'SUCCESS',
          trade_state_desc: '支付成功',
          bank_type: 'OTHERS',
          attach: '',
          success_time: beijingRfc3339(trade.paidAt ?? ctx.clock.now()),
          payer: { openid: trade.payerOpenId },
          amount: { total: trade.amountFen, payer_total: trade.amountFen, currency: 'CNY', payer_currency: 'CNY' },
        });
        trade.paymentEventId = e.id;
        return {
          eventId: e.id,
          deliveries: store.emit({ eventId: e.id, platform: 'weapp', kind: 'payment', url: trade.notifyUrl, sign: e.sign }, options),
        };
      }
      return { eventId: trade.paymentEventId, deliveries: store.redeliver(trade.paymentEventId, options) ?? Promise.resolve([]) };
    },
    completeRefund(trade, refund: SimRefund, options) {
      if (refund.status === 'PROCESSING') {
        refund.status = 'SUCCESS';
        refund.successAt = ctx.clock.now();
        trade.status = 'REFUND';
      }
      if (!refund.eventId) {
        const e = envelope('REFUND.SUCCESS', '退款成功', 'refund', {
          mchid: APP.mchId,
          out_trade_no: trade.outTradeNo,
          transaction_id: trade.transactionId,
          out_refund_no: refund.outRefundNo,
          refund_id: refund.refundId,
          refund_status: 'SUCCESS',
          success_time: beijingRfc3339(refund.successAt ?? ctx.clock.now()),
          user_received_account: '支付用户零钱',
          amount: { total: trade.amountFen, refund: refund.refundFen, payer_total: trade.amountFen, payer_refund: refund.refundFen },
        });
        refund.eventId = e.id;
        return {
          eventId: e.id,
          deliveries: store.emit(
            { eventId: e.id, platform: 'weapp', kind: 'refund', url: refund.notifyUrl ?? trade.notifyUrl, sign: e.sign },
            options,
          ),
        };
      }
      return { eventId: refund.eventId, deliveries: store.redeliver(refund.eventId, options) ?? Promise.resolve([]) };
    },
  };
}
