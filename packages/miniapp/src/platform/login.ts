import type { LoginPlatform } from '@siyu/shared';
import { TARGET } from '../env';

/**
 * Getting a one-time login code from the super-app the storefront runs in.
 * Taro picks login.weapp.ts / login.alipay.ts / login.tt.ts / login.h5.ts at build time; each exports a
 * `getLoginCode` of this type. This file is the fallback for any other target, and the interface.
 */
export interface LoginCode {
  /** The platform the code belongs to, as POST /api/v1/auth/login expects it. */
  platform: LoginPlatform;
  /** One-time code (wx.login / my.getAuthCode / tt.login, or the simulator's on H5). */
  code: string;
}

export type GetLoginCode = () => Promise<LoginCode>;

export const getLoginCode: GetLoginCode = () => Promise.reject(new Error(`login is not available on target "${TARGET}"`));
