import { WrongPaymentPlatformError, type PlatformPayOutcome, type StartPlatformPayment } from './pay';

/**
 * Alipay: my.tradePay({ tradeNO }) with the trade the server created (alipay.trade.create). resultCode 9000 success,
 * 8000 processing, 4000 failed, 6001 cancelled, 6002 network error, 6004 unknown: only 9000 and 6001 say anything,
 * and even 9000 is confirmed by the server's notification, not by this.
 */
export const startPlatformPayment: StartPlatformPayment = ({ payment }) =>
  new Promise<PlatformPayOutcome>((resolve, reject) => {
    if (payment.platform !== 'alipay') {
      reject(new WrongPaymentPlatformError('alipay', payment.platform));
      return;
    }
    my.tradePay({
      tradeNO: payment.params.tradeNO,
      success: (res) => resolve(outcomeOf(res.resultCode)),
      fail: (res) => resolve(outcomeOf(res?.resultCode)),
    });
  });

function outcomeOf(resultCode: string | number | undefined): PlatformPayOutcome {
  const code = String(resultCode ?? '');
  if (code === '9000') return 'submitted';
  if (code === '6001') return 'cancelled';
  return 'failed';
}
