import Taro from '@tarojs/taro';
import { WrongPaymentPlatformError, type StartPlatformPayment } from './pay';

/** WeChat: wx.requestPayment with the server-signed JSAPI parameters (timeStamp, nonceStr, package, signType, paySign). */
export const startPlatformPayment: StartPlatformPayment = async ({ payment }) => {
  if (payment.platform !== 'weapp') throw new WrongPaymentPlatformError('weapp', payment.platform);
  try {
    await Taro.requestPayment({ ...payment.params });
    return 'submitted';
  } catch (e) {
    // "requestPayment:fail cancel" when the shopper closes the sheet.
    const errMsg = (e as { errMsg?: string } | null)?.errMsg ?? '';
    return /cancel/i.test(errMsg) ? 'cancelled' : 'failed';
  }
};
