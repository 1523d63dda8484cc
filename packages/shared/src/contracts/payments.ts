import { z } from 'zod';
import { FenAmount } from './catalog.js';
import { Id } from './common.js';

/** `POST /orders/{id}/pay` takes nothing: the amount, the platform and the payer all come from the server. */
export const PayOrderRequest = z.object({}).strict().meta({ id: 'PayOrderRequest' });

/**
 * `POST /orders/{id}/payment-status` (主动查单) takes nothing (an empty object, or no body): the server asks the
 * platform about the order's trade and answers the order (an `Order`), paid if the platform says so.
 */
export const PaymentStatusRequest = z.object({}).strict().meta({ id: 'PaymentStatusRequest' });

/** `wx.requestPayment(...)` parameters. */
export const WeappPaymentParams = z
  .object({
    timeStamp: z.string().meta({ description: 'seconds since the epoch, as a string' }),
    nonceStr: z.string(),
    package: z.string().meta({ example: 'prepay_id=wx201410272009395522657a690389285100' }),
    signType: z.literal('RSA'),
    paySign: z.string(),
  })
  .meta({ id: 'WeappPaymentParams' });

/** `my.tradePay({ tradeNO })`. */
export const AlipayPaymentParams = z.object({ tradeNO: z.string() }).meta({ id: 'AlipayPaymentParams' });

/** `tt.requestOrder({ data, byteAuthorization })`. */
export const TtPaymentParams = z.object({ data: z.string(), byteAuthorization: z.string() }).meta({ id: 'TtPaymentParams' });

/** What the client needs to open the platform's payment sheet, tagged by platform. */
export const ClientPayment = z
  .discriminatedUnion('platform', [
    z.object({ platform: z.literal('weapp'), params: WeappPaymentParams }),
    z.object({ platform: z.literal('alipay'), params: AlipayPaymentParams }),
    z.object({ platform: z.literal('tt'), params: TtPaymentParams }),
  ])
  .meta({ id: 'ClientPayment' });

export const PayOrderResponse = z
  .object({
    orderId: Id,
    orderNo: z.string().meta({ description: 'also the platform trade number (out_trade_no)' }),
    payableFen: FenAmount.meta({ description: 'what the platform is asked for: the payable less any part paid from the balance' }),
    payment: ClientPayment,
  })
  .meta({ id: 'PayOrderResponse' });

export type PayOrderRequest = z.output<typeof PayOrderRequest>;
export type PaymentStatusRequest = z.output<typeof PaymentStatusRequest>;
export type WeappPaymentParams = z.output<typeof WeappPaymentParams>;
export type AlipayPaymentParams = z.output<typeof AlipayPaymentParams>;
export type TtPaymentParams = z.output<typeof TtPaymentParams>;
export type ClientPayment = z.output<typeof ClientPayment>;
export type PayOrderResponse = z.output<typeof PayOrderResponse>;

/** One platform trade opened for an order, as the merchant sees it. */
export const OrderPayment = z
  .object({
    id: Id,
    platform: z.enum(['weapp', 'alipay', 'tt']),
    outTradeNo: z.string(),
    transactionId: z.string().nullable().meta({ description: 'the platform’s id of the payment, once paid' }),
    amountFen: FenAmount,
    status: z.enum(['created', 'paid', 'closed']),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OrderPayment' });
export const OrderPayments = z.object({ items: z.array(OrderPayment) }).meta({ id: 'OrderPayments' });
export type OrderPayment = z.output<typeof OrderPayment>;
export type OrderPayments = z.output<typeof OrderPayments>;
