import type { LoginPlatform } from '@siyu/shared';

/**
 * Build-time settings. Taro replaces each process.env.TARO_APP_* with a literal (packages/miniapp/config/index.ts
 * fills them from the environment, defaulting to config/platforms.json), so nothing here is read at run time.
 */

/** The build target: weapp, alipay, tt or h5. */
export const TARGET: string = process.env.TARO_ENV ?? 'unknown';

/** Where the API lives. The H5 build is served by the API itself, so it calls its own origin (''). */
export const API_BASE: string = trimSlash(
  process.env.TARO_ENV === 'h5' ? (process.env.TARO_APP_H5_API_BASE ?? '') : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'),
);

/** The WeChat Pay merchant number payouts (商家转账) are made under: wx.requestMerchantTransfer names it. */
export const WECHAT_MCH_ID: string = process.env.TARO_APP_WECHAT_MCH_ID ?? '';

/** The H5 preview has no super-app; it logs in as this platform through the API's simulator. */
export const H5_STAND_IN_PLATFORM: LoginPlatform = asLoginPlatform(process.env.TARO_APP_H5_STAND_IN_PLATFORM);

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function asLoginPlatform(value: string | undefined): LoginPlatform {
  return value === 'alipay' || value === 'tt' ? value : 'weapp';
}
