export type { ImportAddressResult, PlatformAddress } from './address';
export { chooseAddressImport as importPlatformAddress } from './address-outcome';

/** Douyin: tt.chooseAddress, the same fields as WeChat (userName, telNumber, provinceName, cityName, countyName, detailInfo). */
export const canImportAddress = true;
