export type { ImportAddressResult, PlatformAddress } from './address';
export { chooseAddressImport as importPlatformAddress } from './address-outcome';

/** WeChat: wx.chooseAddress (userName, telNumber, provinceName, cityName, countyName, detailInfo). */
export const canImportAddress = true;
