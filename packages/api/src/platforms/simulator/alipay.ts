import { fenToYuanString, platformYuanToFen } from '@siyu/shared/money';
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { alipayResponseKey, alipaySignContent, alipayTimestamp, rsa2Sign, rsa2Verify } from '../alipay-sign.js';
import { jsonObjectOrUndefined } from '../http.js';
import { beijingDate, digits, refundsTotal, type PaymentStore, type PlatformPaySide, type RefundAccepted, type SimTrade } from './payments.js';
import { SIMULATOR_APPS, type SimulatorContext } from './state.js';

/**
 * A gateway answer: `{"<member>":<raw>,"sign":"…"}`, the signature over the exact raw member text, made with the
 * simulator's "Alipay" private key, as the real gateway does.
 */
function gatewayAnswer(ctx: SimulatorContext, member: string, payload: Record<string, unknown>): Response {
  const raw = JSON.stringify(payload);
  const sign = rsa2Sign(raw, ctx.keys.alipayPlatform.privateKey);
  return new Response(`{"${member}":${raw},"sign":"${sign}"}`, { headers: { 'content-type': 'text/html;charset=utf-8' } });
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * `POST /alipay/gateway.do` (docs/platform-protocols.md, Alipay): login (`alipay.system.oauth.token`) and payments
 * (`alipay.trade.create`, `alipay.trade.refund`), plus the asynchronous notifications.
 */
export function registerAlipayRoutes(
  app: Hono,
  ctx: SimulatorContext,
  store: PaymentStore,
  onRefund: RefundAccepted,
  /** Other gateway methods, played in files of their own (the mini-program code: codes.ts), after the signature check. */
  moreMethods: Record<string, (params: Record<string, string>) => Promise<Record<string, unknown>>> = {},
): PlatformPaySide {
  app.post('/alipay/gateway.do', async (c) => {
    // The official SDKs put the common parameters in the query string and the rest in the form body; both count.
    const params: Record<string, string> = { ...c.req.query() };
    const contentType = c.req.header('content-type') ?? '';
    if (/application\/x-www-form-urlencoded/i.test(contentType)) {
      for (const [k, v] of new URLSearchParams(await c.req.text())) params[k] = v;
    }
    const method = params.method ?? '';
    // Gateway-level errors come back in the method's own member (code 4000x), business errors in error_response.
    const gatewayError = (code: string, msg: string, subCode: string, subMsg: string) =>
      gatewayAnswer(ctx, method ? alipayResponseKey(method) : 'error_response', { code, msg, sub_code: subCode, sub_msg: subMsg });

    const missing: Array<[string, string, string]> = [
      ['method', 'isv.missing-method', '缺少方法名参数'],
      ['sign', 'isv.missing-signature', '缺少签名参数'],
      ['sign_type', 'isv.missing-signature-type', '缺少签名类型参数'],
      ['app_id', 'isv.missing-app-id', '缺少appId参数'],
      ['timestamp', 'isv.missing-timestamp', '缺少时间戳参数'],
      ['version', 'isv.missing-version', '缺少版本参数'],
    ];
    for (const [name, subCode, subMsg] of missing) {
      if (!params[name]) return gatewayError('40001', 'Missing Required Arguments', subCode, subMsg);
    }
    if (params.app_id !== SIMULATOR_APPS.alipay.appId) return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-app-id', '无效的AppID参数');
    if (params.sign_type !== 'RSA2') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-signature-type', '无效的签名类型参数');
    if (params.charset && params.charset.toLowerCase() !== 'utf-8')
      return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-charset', '字符集错误');
    if (params.format && params.format.toUpperCase() !== 'JSON')
      return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-format', '无效的数据格式参数');
    if (!TIMESTAMP.test(params.timestamp ?? '')) return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-timestamp', '非法的时间戳参数');
    if (params.version !== '1.0') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-version', '无效的版本号参数');
    const content = alipaySignContent(params);
    if (!rsa2Verify(content, params.sign ?? '', ctx.keys.alipayApp.publicKey)) {
      return gatewayError(
        '40002',
        'Invalid Arguments',
        'isv.invalid-signature',
        `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`,
      );
    }
    if (method === 'alipay.trade.create' || method === 'alipay.trade.refund' || method === 'alipay.trade.query') return tradeMethod(method, params);
    const played = ctx.alipayMethods.get(method);
    if (played) {
      const { error, payload } = played(params);
      return gatewayAnswer(ctx, error ? 'error_response' : alipayResponseKey(method), payload);
    }
    const more = moreMethods[method];
    if (more) return gatewayAnswer(ctx, alipayResponseKey(method), await more(params));
    if (method !== 'alipay.system.oauth.token') return gatewayError('40002', 'Invalid Arguments', 'isv.invalid-method', '不存在的方法名');

    const businessError = (subCode: string, subMsg: string) =>
      gatewayAnswer(ctx, 'error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg });
    if (params.grant_type !== 'authorization_code') return businessError('isv.grant-type-invalid', 'grant_type参数不正确');
    if (!params.code) return businessError('isv.code-invalid', '授权码code无效');
    if (ctx.takeOutage('alipay')) {
      return gatewayAnswer(ctx, 'error_response', {
        code: '20000',
        msg: 'Service Currently Unavailable',
        sub_code: 'isp.unknow-error',
        sub_msg: '系统繁忙',
      });
    }
    const issued = ctx.redeemCode('alipay', params.code);
    if (!issued) return businessError('isv.code-invalid', '授权码code无效');

    const identity = ctx.alipayIdentity === 'open_id' ? { open_id: ctx.openId('alipay', issued.user) } : { user_id: ctx.alipayUserId(issued.user) };
    return gatewayAnswer(ctx, alipayResponseKey(method), {
      ...identity,
      access_token: `authusrB${randomBytes(16).toString('hex')}`,
      expires_in: 1296000,
      refresh_token: `authusrB${randomBytes(16).toString('hex')}`,
      re_expires_in: 2592000,
      auth_start: alipayTimestamp(ctx.clock.now()),
    });
  });

  /** Payment methods: business failures come back in the method's own member with code 40004. */
  function tradeMethod(method: string, params: Record<string, string>): Response {
    const member = alipayResponseKey(method);
    const failure = (subCode: string, subMsg: string, code = '40004', msg = 'Business Failed') =>
      gatewayAnswer(ctx, member, { code, msg, sub_code: subCode, sub_msg: subMsg });
    const biz = jsonObjectOrUndefined(params.biz_content ?? '');
    if (!biz) return failure('isv.invalid-parameter', 'biz_content参数不合法', '40002', 'Invalid Arguments');
    const str = (k: string) => (typeof biz[k] === 'string' ? (biz[k] as string) : '');

    if (method === 'alipay.trade.create') {
      const outTradeNo = str('out_trade_no');
      const amountFen = platformYuanToFen(str('total_amount'));
      const buyer = str('buyer_open_id') || str('buyer_id');
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(outTradeNo)) return failure('isv.invalid-parameter', 'out_trade_no参数不合法', '40002', 'Invalid Arguments');
      if (amountFen === null || amountFen <= 0 || !/^\d+\.\d{2}$/.test(str('total_amount'))) return failure('ACQ.TOTAL_FEE_EXCEED', '订单金额不合法');
      if (!str('subject')) return failure('isv.missing-parameter', '缺少subject参数', '40001', 'Missing Required Arguments');
      if (!buyer) return failure('ACQ.BUYER_NOT_EXIST', '买家不存在');
      if (params.notify_url !== undefined && !/^https?:\/\/[^?#\s]+$/.test(params.notify_url))
        return failure('isv.invalid-notify-url', 'notify_url不合法', '40002', 'Invalid Arguments');
      const existing = store.get('alipay', outTradeNo);
      if (existing) {
        if (existing.status === 'SUCCESS' || existing.status === 'REFUND') return failure('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
        if (existing.status === 'CLOSED') return failure('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
        if (existing.amountFen !== amountFen || existing.payerOpenId !== buyer) return failure('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
        return gatewayAnswer(ctx, member, { code: '10000', msg: 'Success', out_trade_no: outTradeNo, trade_no: existing.transactionId });
      }
      const now = ctx.clock.now();
      const trade: SimTrade = {
        platform: 'alipay',
        outTradeNo,
        transactionId: `${beijingDate(now)}22001${digits(15)}`,
        amountFen,
        description: str('subject'),
        payerOpenId: buyer,
        notifyUrl: params.notify_url ?? '',
        status: 'NOTPAY',
        createdAt: now,
        refunds: [],
      };
      store.put(trade);
      return gatewayAnswer(ctx, member, { code: '10000', msg: 'Success', out_trade_no: outTradeNo, trade_no: trade.transactionId });
    }

    if (method === 'alipay.trade.query') {
      const trade = str('out_trade_no')
        ? store.get('alipay', str('out_trade_no'))
        : str('trade_no')
          ? store.byTransactionId('alipay', str('trade_no'))
          : undefined;
      if (!trade || (str('trade_no') && trade.transactionId !== str('trade_no'))) return failure('ACQ.TRADE_NOT_EXIST', '交易不存在');
      const paid = trade.status === 'SUCCESS' || trade.status === 'REFUND';
      const fullyRefunded = trade.status === 'REFUND' && refundsTotal(trade) >= trade.amountFen;
      const tradeStatus =
        trade.status === 'NOTPAY' ? 'WAIT_BUYER_PAY' : trade.status === 'CLOSED' || fullyRefunded ? 'TRADE_CLOSED' : 'TRADE_SUCCESS';
      const buyer = /^2088\d{12}$/.test(trade.payerOpenId) ? { buyer_user_id: trade.payerOpenId } : { buyer_open_id: trade.payerOpenId };
      return gatewayAnswer(ctx, member, {
        code: '10000',
        msg: 'Success',
        trade_no: trade.transactionId,
        out_trade_no: trade.outTradeNo,
        buyer_logon_id: '159****5620',
        trade_status: tradeStatus,
        total_amount: fenToYuanString(trade.amountFen),
        ...buyer,
        ...(paid
          ? {
              buyer_pay_amount: fenToYuanString(trade.amountFen),
              receipt_amount: fenToYuanString(trade.amountFen),
              point_amount: '0.00',
              invoice_amount: fenToYuanString(trade.amountFen),
              send_pay_date: alipayTimestamp(trade.paidAt ?? ctx.clock.now()),
            }
          : { buyer_pay_amount: '0.00', receipt_amount: '0.00', point_amount: '0.00', invoice_amount: '0.00' }),
      });
    }

    // alipay.trade.refund: synchronous; a repeated out_request_no refunds once (fund_change "N").
    const trade = str('out_trade_no')
      ? store.get('alipay', str('out_trade_no'))
      : str('trade_no')
        ? store.byTransactionId('alipay', str('trade_no'))
        : undefined;
    if (!trade) return failure('ACQ.TRADE_NOT_EXIST', '交易不存在');
    const refundFen = platformYuanToFen(str('refund_amount'));
    if (refundFen === null || refundFen <= 0) return failure('isv.invalid-parameter', 'refund_amount参数不合法', '40002', 'Invalid Arguments');
    if (trade.status !== 'SUCCESS' && trade.status !== 'REFUND') return failure('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    const outRequestNo = str('out_request_no') || trade.outTradeNo;
    const existing = trade.refunds.find((r) => r.outRefundNo === outRequestNo);
    const respond = (fundChange: 'Y' | 'N') =>
      gatewayAnswer(ctx, member, {
        code: '10000',
        msg: 'Success',
        trade_no: trade.transactionId,
        out_trade_no: trade.outTradeNo,
        buyer_logon_id: '159****5620',
        fund_change: fundChange,
        refund_fee: fenToYuanString(refundsTotal(trade)),
        gmt_refund_pay: alipayTimestamp(ctx.clock.now()),
        buyer_open_id: trade.payerOpenId,
      });
    if (existing) return existing.refundFen === refundFen ? respond('N') : failure('ACQ.REFUND_AMT_RESTRICTION', '退款金额与原请求不一致');
    if (refundsTotal(trade) + refundFen > trade.amountFen) return failure('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
    const refund = {
      outRefundNo: outRequestNo,
      refundId: outRequestNo,
      refundFen,
      status: 'SUCCESS' as const,
      notifyUrl: null,
      createdAt: ctx.clock.now(),
      successAt: ctx.clock.now(),
    };
    trade.refunds.push(refund);
    trade.status = 'REFUND';
    onRefund(trade, refund);
    return respond('Y');
  }

  /** A trade_status_sync notification: form fields signed RSA2 over the sorted params without sign and sign_type. */
  function notification(trade: SimTrade, fields: Record<string, string>) {
    const notifyId = `2026${randomBytes(12).toString('hex')}`;
    const now = ctx.clock.now();
    const buyer: Record<string, string> = /^2088\d{12}$/.test(trade.payerOpenId)
      ? { buyer_id: trade.payerOpenId }
      : { buyer_open_id: trade.payerOpenId };
    const params: Record<string, string> = {
      notify_time: alipayTimestamp(now),
      notify_type: 'trade_status_sync',
      notify_id: notifyId,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      app_id: SIMULATOR_APPS.alipay.appId,
      auth_app_id: SIMULATOR_APPS.alipay.appId,
      trade_no: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      ...buyer,
      seller_id: SIMULATOR_APPS.alipay.sellerId,
      total_amount: fenToYuanString(trade.amountFen),
      receipt_amount: fenToYuanString(trade.amountFen),
      buyer_pay_amount: fenToYuanString(trade.amountFen),
      invoice_amount: fenToYuanString(trade.amountFen),
      point_amount: '0.00',
      subject: trade.description,
      gmt_create: alipayTimestamp(trade.createdAt),
      gmt_payment: alipayTimestamp(trade.paidAt ?? now),
      fund_bill_list: JSON.stringify([{ amount: fenToYuanString(trade.amountFen), fundChannel: 'ALIPAYACCOUNT' }]),
      ...fields,
    };
    params.sign = rsa2Sign(alipaySignContent(params, ['sign', 'sign_type']), ctx.keys.alipayPlatform.privateKey);
    const body = new URLSearchParams(params).toString();
    // Alipay resends the same notify_id with the same signed content.
    return { notifyId, sign: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body }) };
  }

  return {
    pay(trade, options) {
      if (!trade.paymentEventId) {
        const n = notification(trade, { trade_status: 'TRADE_SUCCESS' });
        trade.paymentEventId = n.notifyId;
        return {
          eventId: n.notifyId,
          deliveries: store.emit({ eventId: n.notifyId, platform: 'alipay', kind: 'payment', url: trade.notifyUrl, sign: n.sign }, options),
        };
      }
      return { eventId: trade.paymentEventId, deliveries: store.redeliver(trade.paymentEventId, options) ?? Promise.resolve([]) };
    },
    completeRefund(trade, refund, options) {
      refund.status = 'SUCCESS';
      if (!refund.eventId) {
        // refund_fee is the total refunded so far; a full refund closes the trade.
        const refunded = trade.refunds.slice(0, trade.refunds.indexOf(refund) + 1).reduce((sum, r) => sum + r.refundFen, 0);
        const n = notification(trade, {
          trade_status: refunded >= trade.amountFen ? 'TRADE_CLOSED' : 'TRADE_SUCCESS',
          refund_fee: fenToYuanString(refunded),
          out_biz_no: refund.outRefundNo,
          gmt_refund: alipayTimestamp(refund.successAt ?? ctx.clock.now()),
        });
        refund.eventId = n.notifyId;
        return {
          eventId: n.notifyId,
          deliveries: store.emit({ eventId: n.notifyId, platform: 'alipay', kind: 'refund', url: trade.notifyUrl, sign: n.sign }, options),
        };
      }
      return { eventId: refund.eventId, deliveries: store.redeliver(refund.eventId, options) ?? Promise.resolve([]) };
    },
  };
}
