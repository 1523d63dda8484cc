import Taro from '@tarojs/taro';
import type { ImportAddressResult } from './address';

// Kept out of address.ts: inside address.weapp.ts Taro resolves `./address` to address.weapp.ts itself, so a value
// imported from there would be undefined at run time (type imports are erased, so they are safe).

/** WeChat and Douyin answer in `errMsg` ("chooseAddress:fail cancel", "…fail auth deny", "…fail privacy …"). */
export function outcomeOfErrMsg(errMsg: string): ImportAddressResult {
  if (/cancel/i.test(errMsg)) return { kind: 'cancelled' };
  if (/auth|deny|denied|privacy|permission|authorize/i.test(errMsg)) return { kind: 'denied' };
  return { kind: 'failed' };
}

/**
 * WeChat's wx.chooseAddress and Douyin's tt.chooseAddress, which answer with the same fields (userName, telNumber,
 * provinceName, cityName, countyName, detailInfo): address.weapp.ts and address.tt.ts both import with this.
 */
export async function chooseAddressImport(): Promise<ImportAddressResult> {
  try {
    const a = await Taro.chooseAddress();
    return {
      kind: 'ok',
      address: {
        name: a.userName ?? '',
        phone: a.telNumber ?? '',
        province: a.provinceName ?? '',
        city: a.cityName ?? '',
        district: a.countyName ?? '',
        detail: a.detailInfo ?? '',
      },
    };
  } catch (e) {
    return outcomeOfErrMsg((e as { errMsg?: string } | null)?.errMsg ?? '');
  }
}
