import Taro from '@tarojs/taro';
import type { ImportAddressResult } from './address';
import { outcomeOfErrMsg } from './address-outcome';

export type { ImportAddressResult, PlatformAddress } from './address';

/** Douyin: tt.chooseAddress, the same fields as WeChat (userName, telNumber, provinceName, cityName, countyName, detailInfo). */
export const canImportAddress = true;

export async function importPlatformAddress(): Promise<ImportAddressResult> {
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
