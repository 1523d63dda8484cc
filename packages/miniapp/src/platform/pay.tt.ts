import { WrongPaymentPlatformError, type PlatformPayOutcome, type StartPlatformPayment } from './pay';

/**
 * Douyin (general trade system): tt.requestOrder({ data, byteAuthorization }) creates the Douyin order from the
 * server-signed data and gives its orderId; tt.getOrderPayment({ orderId }) then opens the cashier. Neither result is
 * trusted: the server's payment callback decides.
 */
export const startPlatformPayment: StartPlatformPayment = ({ payment }) =>
  new Promise<PlatformPayOutcome>((resolve, reject) => {
    if (payment.platform !== 'tt') {
      reject(new WrongPaymentPlatformError('tt', payment.platform));
      return;
    }
    tt.requestOrder({
      data: payment.params.data,
      byteAuthorization: payment.params.byteAuthorization,
      success: ({ orderId }) => {
        if (!orderId) {
          resolve('failed');
          return;
        }
        tt.getOrderPayment({
          orderId,
          success: () => resolve('submitted'),
          fail: (err) => resolve(isCancel(err) ? 'cancelled' : 'failed'),
        });
      },
      fail: (err) => resolve(isCancel(err) ? 'cancelled' : 'failed'),
    });
  });

function isCancel(err: { errNo?: number; errMsg?: string } | undefined): boolean {
  return /cancel/i.test(err?.errMsg ?? '');
}
