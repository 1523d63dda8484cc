import Taro from '@tarojs/taro';
import { WECHAT_MCH_ID } from '../env';
import type { ConfirmMerchantTransfer } from './merchant-transfer';

declare const wx: {
  canIUse(api: string): boolean;
  requestMerchantTransfer(opts: { mchId: string; appId: string; package: string; success(): void; fail(e: { errMsg?: string }): void }): void;
};

/** WeChat: wx.requestMerchantTransfer (base library 3.3.0+) opens the confirmation sheet for a 商家转账 bill. */

export const confirmMerchantTransfer: ConfirmMerchantTransfer = ({ packageInfo }) =>
  new Promise((resolve) => {
    if (!wx.canIUse('requestMerchantTransfer')) {
      resolve('unsupported');
      return;
    }
    wx.requestMerchantTransfer({
      mchId: WECHAT_MCH_ID,
      appId: Taro.getAccountInfoSync().miniProgram.appId,
      package: packageInfo,
      success: () => resolve('confirmed'),
      fail: (e) => resolve(/cancel/i.test(e.errMsg ?? '') ? 'cancelled' : 'failed'),
    });
  });
